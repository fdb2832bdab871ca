"""The default library: every touchpoint of the default journey, tested and published the honest way."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.compose.render import render_template
from candidly.journey import Journey
from candidly.library import LibraryError, find_user, find_version, published_version
from candidly.library import lifecycle as life
from candidly.library.defaults import SYSTEM_EMAIL, default_specs, install_defaults
from candidly.library.history import entry_history, step_name
from candidly.library.models import TemplateVersion
from candidly.store.db import Database
from tests.library.people import COMPLIANCE, OWNER, add_personas, add_profiles
from tests.library.stories import act


def test_every_default_entry_passes_the_gate_and_is_published_through_the_lifecycle(
    db: Database, journey: Journey, profiles: list[int], cli: CliRunner
) -> None:
    result = cli.invoke(app, ["library", "install-defaults", "--by", OWNER])
    assert result.exit_code == 0, result.output
    assert result.output.count("published  ") == 11
    for entry in ("offer_letter", "rejection_feedback"):  # individual tier: compliance decides
        assert f"tested     {entry}@1: waiting for compliance approval" in result.output
        act(db, life.approve, entry, COMPLIANCE)
        act(db, life.publish, entry, OWNER)
    with db.session() as s:
        for touchpoint in journey.touchpoints:
            version = published_version(s, touchpoint.id, "registered_nurse")
            assert version is not None, touchpoint.id
            assert version.tier.rank >= touchpoint.tier.rank
            assert version.author.email == SYSTEM_EMAIL and not version.author.is_active
            history = entry_history(s, version.entry)
            steps = [step_name(e.type) for e in history]
            assert steps == ["created", "submitted", "test_run", "tested", "approved", "published"]
            assert history[2].payload["ok"] and history[2].payload["passed"] == 10
        offer = find_version(s, "offer_letter")
        assert "compensation" not in offer.forbidden_categories
        assert find_version(s, "sourcing_outreach").word_limit == 150
        assert find_version(s, "post_interview_status_update").word_limit == 100
    with db.session() as s:
        again = install_defaults(
            s, journey, find_user(s, OWNER), compliance=find_user(s, COMPLIANCE)
        )
        assert {r.outcome for r in again} == {"already_present"}
        assert len(again) == len(journey.touchpoints) == 13


def test_the_defaults_are_refused_on_a_store_too_small_to_test_them(
    db: Database, journey: Journey
) -> None:
    add_profiles(db, add_personas(db), count=5)
    with (
        db.session() as s,
        pytest.raises(
            LibraryError, match=r"needs at least 10 candidate profiles and the store has 5"
        ),
    ):
        install_defaults(s, journey, find_user(s, OWNER))
    with db.session() as s:
        assert s.query(TemplateVersion).count() == 0  # nothing was installed


def test_recruiter_written_facts_read_naturally_in_feedback_and_offers(journey: Journey) -> None:
    specs = {spec.touchpoint: spec.content for spec in default_specs(journey)}

    def render(touchpoint: str, **facts: object) -> str:
        content = specs[touchpoint]
        from candidly.compose.render import TemplateSource

        source = TemplateSource(
            str(content["subject"]),
            str(content["body"]),
            tuple(content["required_fields"]),  # type: ignore[arg-type]
            tuple(content["optional_fields"]),  # type: ignore[arg-type]
        )
        return render_template(source, facts).text

    feedback = render(
        "rejection_feedback",
        first_name="Dana",
        job_title="ICU Registered Nurse",
        strength="the calm way you walked us through a rapid-response case.",
        rejection_reason="we needed someone with current CCRN certification",
        job_recommendations=["Cardiac Step-Down Nurse", "Float Pool Nurse"],
        recruiter="Rita Okafor",
    )
    assert (
        "What stood out to us: the calm way you walked us through a rapid-response case.\n"
        in feedback
    )
    assert (
        "The main reason for our decision: we needed someone with current CCRN certification."
        in feedback
    )
    assert "We're also hiring for Cardiac Step-Down Nurse and Float Pool Nurse." in feedback
    offer = render(
        "offer_letter",
        first_name="Fatima",
        job_title="Account Executive",
        compensation="a base salary of $92,000 plus commission",
        deadline="Friday 9 October",
    )
    assert "Compensation: a base salary of $92,000 plus commission" in offer
    assert "Please let us know your decision by Friday 9 October." in offer
    sparse = render("offer_letter", job_title="Account Executive")
    assert sparse.startswith("Hi there,") and "walk you through them on a call" in sparse
    for text in (feedback, offer, sparse):
        assert "None" not in text and "N/A" not in text and "Dear Candidate" not in text
