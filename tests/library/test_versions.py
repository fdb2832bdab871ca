"""Entries and versions: writing, immutability, defaults by kind, and what the composer reads."""

from __future__ import annotations

import pytest
from sqlalchemy import text, update
from sqlalchemy.exc import DBAPIError

from candidly.journey import Journey
from candidly.library import (
    LibraryError,
    LibraryFileError,
    TemplateVersion,
    find_version,
    published_version,
)
from candidly.library.versions import diff_versions, read_entry_spec
from candidly.review.tiers import Tier
from candidly.store.db import Database
from tests.library.conftest import ACK_SPEC
from tests.library.people import AUTHOR, OUTSIDER, Personas
from tests.library.stories import edit, write


def test_a_new_entry_starts_as_draft_version_1_and_nothing_sends_with_it(
    db: Database, journey: Journey, personas: Personas
) -> None:
    label = write(db, journey)
    assert label == "application_acknowledgment@1"
    with db.session() as s:
        version = find_version(s, label)
        assert version.state == "draft"
        assert version.author.email == AUTHOR
        assert version.tier is Tier.AUTO
        assert version.entry.role_type == "any"
        assert version.source().required_fields == ("job_title",)
        assert published_version(s, "application_acknowledgment", "data_engineer") is None
    with pytest.raises(LibraryError, match=r"already has application_acknowledgment"):
        write(db, journey)


def test_an_edit_writes_the_next_version_and_leaves_the_first_untouched(
    db: Database, journey: Journey, personas: Personas
) -> None:
    write(db, journey)
    label = edit(db, journey, "application_acknowledgment", subject="Thanks for applying")
    assert label == "application_acknowledgment@2"
    with db.session() as s:
        first, second = find_version(s, "application_acknowledgment@1"), find_version(s, label)
        assert first.subject == "We have your application for {{ job_title }}"
        assert second.subject == "Thanks for applying"
        assert second.body == first.body
        assert "+subject: Thanks for applying" in diff_versions(first, second)
    with pytest.raises(LibraryError, match=r"nothing changed"):
        edit(db, journey, "application_acknowledgment", subject="Thanks for applying")


def test_the_database_refuses_to_change_or_delete_a_versions_content(
    db: Database, journey: Journey, personas: Personas
) -> None:
    write(db, journey)
    with pytest.raises(DBAPIError, match=r"immutable"), db.session() as s:
        s.execute(update(TemplateVersion).values(body="Hello {{ first_name }}"))
    with pytest.raises(DBAPIError, match=r"immutable"), db.session() as s:
        s.execute(text("DELETE FROM template_versions"))
    with db.session() as s:
        s.execute(update(TemplateVersion).values(state="submitted"))  # lifecycle columns move


def test_people_outside_the_library_roles_cannot_write_templates(
    db: Database, journey: Journey, personas: Personas
) -> None:
    with pytest.raises(LibraryError, match=r"otto@acme\.test is interviewer; only"):
        write(db, journey, by=OUTSIDER)
    with pytest.raises(LibraryError, match=r"no user with email 'nobody@acme\.test'"):
        write(db, journey, by="nobody@acme.test")


def content(spec: str, journey: Journey) -> dict[str, object]:
    return read_entry_spec(spec, "spec.yaml", journey)[2]


def test_a_spec_naming_an_unknown_field_is_refused_at_its_line(journey: Journey) -> None:
    spec = ACK_SPEC.replace("[first_name, next_step", "[first_name, salary_band, next_step")
    with pytest.raises(LibraryFileError) as caught:
        content(spec, journey)
    (problem,) = caught.value.problems
    assert (problem.line, problem.where) == (5, "optional_fields[1]")
    assert "unknown candidate field 'salary_band'" in problem.message


def test_a_tier_weaker_than_the_journey_allows_is_refused(journey: Journey) -> None:
    spec = (
        "touchpoint: offer_letter\npurpose: The offer.\ntier: batch\n"
        "required_fields: [job_title]\nsubject: Offer\nbody: Your offer for {{ job_title }}.\n"
    )
    with pytest.raises(LibraryFileError, match=r"tier batch is weaker than allowed") as caught:
        content(spec, journey)
    assert caught.value.problems[0].line == 3


def test_a_version_using_evaluative_facts_is_individual_at_least(journey: Journey) -> None:
    spec = ACK_SPEC.replace("[first_name, next_step", "[first_name, strength, next_step")
    with pytest.raises(LibraryFileError, match=r"evaluation or compensation facts \(strength\)"):
        content(spec + "tier: auto\n", journey)
    assert content(spec, journey)["tier"] == "individual"


def test_word_limits_and_forbidden_content_default_by_the_touchpoints_kind(
    journey: Journey,
) -> None:
    ack = content(ACK_SPEC, journey)
    offer = content("touchpoint: offer_letter\npurpose: p\nsubject: s\nbody: b\n", journey)
    outreach = content("touchpoint: sourcing_outreach\npurpose: p\nsubject: s\nbody: b\n", journey)
    assert (ack["word_limit"], outreach["word_limit"]) == (100, 150)
    assert "compensation" in ack["forbidden_categories"]  # type: ignore[operator]
    assert "compensation" not in offer["forbidden_categories"]  # type: ignore[operator]
    assert "placeholder" in offer["forbidden_categories"]  # type: ignore[operator]
    assert (offer["tier"], outreach["tier"]) == ("individual", "batch")
    custom = content(ACK_SPEC + "word_limit: 60\nforbidden_categories: [link, length]\n", journey)
    assert (custom["word_limit"], custom["forbidden_categories"]) == (60, ["length", "link"])


def test_llm_drafting_needs_a_prompt_and_a_prompt_needs_llm_drafting(journey: Journey) -> None:
    with pytest.raises(LibraryFileError, match=r"allow_llm needs an llm_prompt"):
        content(ACK_SPEC + "allow_llm: true\n", journey)
    with pytest.raises(LibraryFileError, match=r"only used with allow_llm: true"):
        content(ACK_SPEC + "llm_prompt: Write it.\n", journey)
    allowed = content(ACK_SPEC + "allow_llm: true\nllm_prompt: Write it.\n", journey)
    assert allowed["allow_llm"] and allowed["llm_prompt"] == "Write it."


def test_variants_are_named_alternatives_with_the_main_subject_by_default(
    journey: Journey,
) -> None:
    spec = ACK_SPEC + "variants:\n  - name: shorter\n    body: Thanks for {{ job_title }}.\n"
    (variant,) = content(spec, journey)["variants"]  # type: ignore[misc]
    assert variant == {
        "name": "shorter",
        "subject": "We have your application for {{ job_title }}",
        "body": "Thanks for {{ job_title }}.",
    }
    with pytest.raises(LibraryFileError, match=r"variant 'shorter' is named twice"):
        content(spec + "  - name: shorter\n    body: Again.\n", journey)


def test_an_unknown_touchpoint_or_role_type_is_refused_at_its_line(journey: Journey) -> None:
    with pytest.raises(LibraryFileError, match=r"no touchpoint 'welcome_pack'") as caught:
        content(ACK_SPEC.replace("application_acknowledgment", "welcome_pack"), journey)
    assert caught.value.problems[0].line == 1
    with pytest.raises(LibraryFileError, match=r"unknown role type 'astronaut'"):
        content("role_type: astronaut\n" + ACK_SPEC, journey)


def test_the_library_knows_every_category_guard_reports() -> None:
    from candidly.guard import Category
    from candidly.library.rules import GUARD_CATEGORIES

    assert set(GUARD_CATEGORIES) == {c.value for c in Category}
