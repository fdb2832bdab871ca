"""Match keys: what people write differently for the same thing folds to one key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from candidly.quality.dedupe.keys import (
    date_key,
    email_key,
    fold,
    name_key,
    phone_key,
    postcode_key,
    soundex,
    split_full_name,
)
from candidly.quality.dedupe.nicknames import nickname_table

US_FORMATS = [
    "+1 415 555 0134",
    "(415) 555-0134",
    "415.555.0134",
    "4155550134",
    "+14155550134",
    "001-415-555-0134",
    "011 1 415 555 0134",
    "(415) 555-0134 ext. 12",
]


def test_a_us_number_written_eight_ways_has_one_key() -> None:
    assert {phone_key(raw) for raw in US_FORMATS} == {"155550134"}


def test_an_international_number_matches_with_or_without_its_country_code() -> None:
    london = ["+44 20 7946 0958", "020 7946 0958", "0044 20 7946 0958", "+442079460958"]
    assert len({phone_key(raw) for raw in london}) == 1


@pytest.mark.parametrize("raw", ["N/A", "-", "000-000-0000", "12345", "", None])
def test_placeholder_phones_have_no_key(raw: str | None) -> None:
    assert phone_key(raw) is None


def test_gmail_dots_plus_tags_case_and_googlemail_fold_to_one_mailbox() -> None:
    variants = [
        "ana.silva@gmail.com",
        "AnaSilva@gmail.com",
        "ana.silva+jobs@gmail.com",
        "a.n.a.silva@googlemail.com",
        " <Ana.Silva@GMAIL.com> ",
    ]
    assert {email_key(v) for v in variants} == {"anasilva@gmail.com"}


def test_dots_still_matter_outside_gmail() -> None:
    assert email_key("ana.silva@outlook.com") != email_key("anasilva@outlook.com")


@pytest.mark.parametrize("raw", ["test@test.com", "none@none.com", "not an email", None])
def test_placeholder_and_broken_emails_have_no_key(raw: str | None) -> None:
    assert email_key(raw) is None


def test_accents_are_stripped_for_matching() -> None:
    assert fold("Nguyễn") == "nguyen"
    assert name_key("José-María") == "jose maria"
    assert name_key("Søren Weiß") == "soren weiss"
    assert name_key("Łukasz") == "lukasz"


def test_titles_apostrophes_and_placeholders_leave_names() -> None:
    assert name_key("Dr. Seán O'Brien Jr.") == "sean obrien"
    assert name_key("N/A") is None
    assert split_full_name("García López, Ana María") == ("ana", "garcia lopez")
    assert split_full_name("Ana María García") == ("ana", "maria garcia")


def test_dates_in_common_formats_share_a_key() -> None:
    assert {date_key(v) for v in ["1987-03-09", "19870309", "09/03/1987", "1987/3/9"]} == {
        "19870309"
    }
    assert date_key("sometime") is None


def test_postcodes_ignore_spaces_and_case() -> None:
    assert postcode_key("sw1a 1aa") == postcode_key("SW1A1AA") == "SW1A1AA"


def test_soundex_lets_a_late_typo_meet_its_twin() -> None:
    assert soundex("robert") == soundex("rupert") == "r163"
    assert soundex("ashcraft") == "a261"


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Bob", "Robert"),
        ("Liz", "Elizabeth"),
        ("Bill", "William"),
        ("Alex", "Alejandro"),
        ("Kate", "Katherine"),
        ("Pepe", "José"),
        ("Kasia", "Katarzyna"),
        ("Mohamed", "Muhammad"),
    ],
)
def test_nicknames_are_equivalent(short: str, full: str) -> None:
    assert nickname_table().equivalent(short, full)


def test_names_sharing_only_a_nickname_are_not_equivalent() -> None:
    table = nickname_table()
    assert table.equivalent("Alex", "Alexander") and table.equivalent("Alex", "Alexandra")
    assert not table.equivalent("Alexander", "Alexandra")
    assert not table.equivalent("Samuel", "Samantha")


def test_the_nickname_table_is_a_few_hundred_groups() -> None:
    assert nickname_table().group_count >= 300


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@given(texts)
def test_name_keys_are_idempotent(raw: str) -> None:
    key = name_key(raw)
    if key is not None:
        assert name_key(key) == key


@given(st.emails())
def test_email_keys_are_idempotent(raw: str) -> None:
    key = email_key(raw)
    if key is not None:
        assert email_key(key) == key


@given(st.from_regex(r"\+?[0-9 ().-]{7,20}", fullmatch=True))
def test_phone_keys_are_idempotent(raw: str) -> None:
    key = phone_key(raw)
    if key is not None:
        assert phone_key(key) == key
