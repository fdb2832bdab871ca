"""Cleaning rules, one value at a time: names, placeholders, emails, phones, titles, skills, channels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from candidly.quality.channels import map_source_channel
from candidly.quality.contacts import normalize_email, normalize_phone
from candidly.quality.names import clean_name
from candidly.quality.placeholders import is_placeholder
from candidly.quality.roles import map_title
from candidly.quality.skills import extract_skills


@pytest.mark.parametrize(
    ("raw", "surname", "expected"),
    [
        ("JOHN", False, "John"),
        ("mcdonald", True, "McDonald"),
        ("o'neil", True, "O'Neil"),
        ("VAN DER BERG", True, "van der Berg"),
        ("josé", False, "José"),
        ("NGUYỄN", True, "Nguyễn"),
        ("anna-maria", False, "Anna-Maria"),
        ("JEAN-LUC", False, "Jean-Luc"),
        ("d'angelo", True, "D'Angelo"),
        ("macdonald", True, "MacDonald"),
        ("mack", True, "Mack"),
        ("ZOË", False, "Zoë"),
        ("ŁUKASZ", False, "Łukasz"),
    ],
)
def test_names_get_the_capitals_their_owners_write(raw: str, surname: bool, expected: str) -> None:
    assert clean_name(raw, surname=surname).value == expected


@pytest.mark.parametrize(
    "written", ["DeShawn", "McKinney", "LaToya", "van der Berg", "da Silva", "O'Brien"]
)
def test_mixed_case_names_are_left_as_written(written: str) -> None:
    fix = clean_name(written, surname=True)
    assert fix.value == written and fix.rule is None


@pytest.mark.parametrize(
    "placeholder",
    ["N/A", "n/a", "test", "-", "unknown", "TBD", "[FIRST NAME]", "{first_name}", "???", "none"],
)
def test_placeholders_become_empty_and_are_named(placeholder: str) -> None:
    fix = clean_name(placeholder)
    assert fix.value is None and fix.rule == "placeholder"
    assert is_placeholder(placeholder)


@given(
    st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=1, max_size=12).filter(
        lambda s: not is_placeholder(s)
    )
)
def test_recasing_a_name_twice_changes_nothing_more(name: str) -> None:
    once = clean_name(name).value
    assert once is not None
    assert clean_name(once).value == once


@given(st.text(max_size=40))
def test_name_cleaning_keeps_every_letter_it_was_given(text: str) -> None:
    fix = clean_name(text)
    if fix.value is not None:
        assert fix.value.casefold() == " ".join(text.split()).casefold()
    else:
        assert is_placeholder(text)


def test_emails_are_validated_and_normalized() -> None:
    assert normalize_email(" Ana.Silva@Example.COM ").value == "ana.silva@example.com"
    assert normalize_email("mailto:bob@example.org").value == "bob@example.org"
    assert normalize_email("<chidi@example.com>").value == "chidi@example.com"
    assert normalize_email("test@test.com").problem == "placeholder"
    assert normalize_email("N/A").problem == "placeholder"
    assert normalize_email("ana@@example.com").value is None
    assert normalize_email("ana at example dot com").value is None


@pytest.mark.parametrize(
    "written",
    [
        "+1 (415) 555-0134",
        "(415) 555-0134",
        "415.555.0134",
        "4155550134",
        "+14155550134",
        "001-415-555-0134",
        "011 1 415 555 0134",
        "415-555-0134",
    ],
)
def test_phones_in_any_common_format_become_e164(written: str) -> None:
    assert normalize_phone(written, "US").value == "+14155550134"


def test_phones_without_a_country_code_use_the_default_region() -> None:
    assert normalize_phone("020 7946 0958", "GB").value == "+442079460958"
    assert normalize_phone("0044 20 7946 0958", "US").value == "+442079460958"
    assert normalize_phone("12", "US").value is None
    assert normalize_phone("123-456-7890", "US").problem == "placeholder"
    assert normalize_phone("000 000 0000", "US").problem == "placeholder"
    assert normalize_phone("-", "US").problem == "placeholder"


@given(st.text(max_size=30), st.sampled_from(["US", "GB", "DE", "IN", "BR"]))
def test_phone_normalization_is_idempotent_and_never_crashes(text: str, region: str) -> None:
    once = normalize_phone(text, region).value
    if once is not None:
        assert once.startswith("+")
        assert normalize_phone(once, region).value == once


@pytest.mark.parametrize(
    ("title", "role_type"),
    [
        ("Sr. SWE", "software_engineer"),
        ("Senior Data Engineer (Remote)", "data_engineer"),
        ("RN - ICU", "registered_nurse"),
        ("Warehouse Associate - 2nd shift", "warehouse_associate"),
        ("Account Exec", "sales_account_executive"),
    ],
)
def test_known_titles_map_to_their_role_type_with_confidence(title: str, role_type: str) -> None:
    match = map_title(title)
    assert match.role_type == role_type and match.accepted


@pytest.mark.parametrize(
    "title", ["Head of Vibes", "Dental Hygienist", "Chief Happiness Officer", ""]
)
def test_unfamiliar_titles_are_not_guessed(title: str) -> None:
    assert not map_title(title).accepted


def test_skills_are_found_in_resume_text_with_synonyms_and_abbreviations() -> None:
    text = (
        "Built ETL pipelines in Python3 and Airflow; deployed on k8s with Helm charts. Wrote JS and "
        "Node.js services, some C++ and C#. Fluent in SQL queries against Postgres."
    )
    assert extract_skills(text) == [
        "ETL",
        "Python",
        "Apache Airflow",
        "Kubernetes",
        "Helm",
        "JavaScript",
        "Node.js",
        "C++",
        "C#",
        "SQL",
        "PostgreSQL",
    ]


def test_everyday_words_are_not_mistaken_for_skills() -> None:
    text = "I react quickly, go the extra mile, excel under pressure and keep a lean team every spring."
    assert extract_skills(text) == []
    assert extract_skills("Shipped features in Go, React and Swift.") == ["Go", "React", "Swift"]


@given(st.text(max_size=200))
def test_skill_extraction_never_crashes_and_only_returns_vocabulary(text: str) -> None:
    from candidly.quality.skills import canonical_skill

    for skill in extract_skills(text):
        assert canonical_skill(skill) == skill


def test_source_channels_map_onto_the_taxonomy() -> None:
    assert map_source_channel("LinkedIn Jobs") == "linkedin"
    assert map_source_channel("LI") == "linkedin"
    assert map_source_channel("Employee Referral") == "referral"
    assert map_source_channel("referral") == "referral"
    assert map_source_channel("N/A") is None
    assert map_source_channel("Carrier pigeon") is None


def test_a_longer_skill_name_wins_over_the_acronym_inside_it() -> None:
    assert extract_skills("Applied React JS and AWS every day.") == ["React", "AWS"]
    assert extract_skills("Wrote Spark SQL jobs.") == ["Apache Spark"]  # not also SQL
