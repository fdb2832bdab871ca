"""The test gate: real, varied profiles; guard on every message; untested templates held at arm's length."""

from __future__ import annotations

from sqlalchemy import select

from candidly.journey import Journey
from candidly.library import find_version
from candidly.library import lifecycle as life
from candidly.library.history import TemplateEvent
from candidly.store import Application, Candidate, Job
from candidly.store.db import Database
from candidly.store.models import Event
from tests.library.conftest import ACK_SPEC
from tests.library.people import AUTHOR, add_personas, add_profiles
from tests.library.stories import act, gate, state_of, write

GREETING = "Hi {% if first_name %}{{ first_name }}{% else %}there{% endif %},"


def spec_with(body: str, **extra: str) -> str:
    """The acknowledgment spec with another body (and other fields) written in."""
    lines = "".join(f"{key}: {value}\n" for key, value in extra.items())
    head = ACK_SPEC.split("body: |")[0]
    indented = "".join(f"  {line}\n" for line in body.splitlines())
    return head + lines + "body: |\n" + indented


def submitted(db: Database, journey: Journey, spec: str = ACK_SPEC) -> str:
    label = write(db, journey, spec)
    act(db, life.submit, label, AUTHOR)
    return label


def test_a_good_template_passes_ten_varied_profiles_and_becomes_tested(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    label = submitted(db, journey)
    report = gate(db, journey, label)
    assert report.ok and report.promoted and report.isolated
    assert len(report.profiles) == 10
    assert len({c.role_type for c in report.checks}) >= 6
    assert len({c.stage for c in report.checks}) >= 6
    sparse = next(c for c in report.checks if c.text.startswith("Hi there,"))
    assert "first_name" in sparse.missing_optional
    rich = next(c for c in report.checks if c.text.startswith("Hi Ana,"))
    assert "What happens next: the interview team shares its feedback" in rich.text
    assert rich.personalization == 1.0 and rich.words == len(rich.text.split())
    assert state_of(db, label) == "tested"
    with db.session() as s:
        runs = s.scalars(select(Event).where(Event.type == TemplateEvent.TEST_RUN)).all()
        (run,) = runs
        assert (
            run.payload["ok"] and run.payload["passed"] == 10 and len(run.payload["results"]) == 10
        )
        tested = s.scalars(select(Event).where(Event.type == TemplateEvent.TESTED)).one()
        assert tested.payload["run"] == run.id and tested.payload["profiles"] == 10
    again = gate(db, journey, label)
    assert again.ok and not again.isolated and not again.promoted  # passed once: in-process now


def test_fewer_than_ten_profiles_cannot_make_a_version_tested(
    db: Database, journey: Journey
) -> None:
    add_profiles(db, add_personas(db), count=6)
    label = submitted(db, journey)
    report = gate(db, journey, label)
    assert len(report.passed_profiles) == 6 and not report.failed_profiles
    assert not report.ok and not report.promoted
    assert state_of(db, label) == "submitted"


def test_a_template_that_prints_a_missing_fact_bare_fails_on_the_sparse_record(
    sqlite_db: Database, journey: Journey
) -> None:
    db = sqlite_db
    label = submitted(
        db, journey, spec_with("Hi {{ first_name }}, thanks for applying for {{ job_title }}.")
    )
    report = gate(db, journey, label)
    (failed,) = report.failed_profiles
    with db.session() as s:
        assert s.get(Application, failed).candidate.first_name is None  # type: ignore[union-attr]
    error = next(c.error for c in report.checks if c.error)
    assert "'first_name' is missing for this candidate" in error
    assert not report.ok and state_of(db, label) == "submitted"


def test_a_template_using_a_field_outside_the_vocabulary_fails_everywhere(
    sqlite_db: Database, journey: Journey
) -> None:
    db = sqlite_db
    label = submitted(db, journey, spec_with(GREETING + "\nYour salary_band is {{ salary_band }}."))
    report = gate(db, journey, label)
    assert len(report.failed_profiles) == 10
    assert all("unknown field(s) salary_band" in (c.error or "") for c in report.checks)


def test_a_template_that_loops_for_ever_is_stopped_by_the_cpu_limit(
    sqlite_db: Database, journey: Journey
) -> None:
    db = sqlite_db
    loop = (
        "{% for a in job_title * 5000 %}{% for b in job_title * 5000 %}{% for c in job_title %}"
        "{% endfor %}{% endfor %}{% endfor %}Done."
    )
    label = submitted(db, journey, spec_with(loop))
    report = gate(db, journey, label, cpu_seconds=1)
    assert not report.ok and len(report.failed_profiles) == 10
    assert "exceeded its CPU-time limit" in (report.checks[0].error or "")


def test_a_template_that_builds_a_huge_string_is_stopped_by_the_memory_limit(
    sqlite_db: Database, journey: Journey
) -> None:
    db = sqlite_db
    bloat = "{% set s = job_title * 80000000 %}{{ s|length }}"
    label = submitted(db, journey, spec_with(bloat))
    report = gate(db, journey, label, memory_mb=300)
    assert not report.ok
    assert "exceeded its memory limit" in (report.checks[0].error or "")
    long = submitted(
        db,
        journey,
        spec_with("{{ job_title * 5000 }}").replace(
            "application_acknowledgment", "stage_gate_status_update"
        ),
    )
    assert "over 20,000 characters" in (gate(db, journey, long).checks[0].error or "")


def test_guard_findings_in_forbidden_categories_fail_and_others_are_only_noted(
    sqlite_db: Database, journey: Journey
) -> None:
    db = sqlite_db
    pay = GREETING + "\nThe salary for {{ job_title }} is $120,000 a year."
    label = submitted(db, journey, spec_with(pay))
    report = gate(db, journey, label)
    assert not report.ok and len(report.failed_profiles) == 10
    assert report.checks[0].blocking == ("compensation",)
    offer = submitted(
        db, journey, spec_with(pay).replace("application_acknowledgment", "offer_letter")
    )
    report = gate(db, journey, offer)
    assert report.ok
    assert {f.category for f in report.checks[0].findings} == {"compensation"}
    assert not any(f.blocking for c in report.checks for f in c.findings)


def test_a_message_over_its_word_limit_fails(sqlite_db: Database, journey: Journey) -> None:
    db = sqlite_db
    words = " ".join(["We will be in touch about {{ job_title }} soon."] * 4)
    label = submitted(db, journey, spec_with(GREETING + "\n" + words, word_limit="20"))
    report = gate(db, journey, label)
    assert not report.ok and "length" in report.checks[0].blocking


def test_every_variant_must_pass_for_a_profile_to_pass(
    sqlite_db: Database, journey: Journey
) -> None:
    db = sqlite_db
    spec = ACK_SPEC + 'variants:\n  - name: terse\n    body: "{{ first_name }}: got it."\n'
    label = submitted(db, journey, spec)
    report = gate(db, journey, label)
    assert {c.variant for c in report.checks} == {None, "terse"}
    failing = [c for c in report.checks if not c.passed]
    assert [c.variant for c in failing] == ["terse"] and len(report.failed_profiles) == 1
    assert not report.ok


def test_required_facts_pick_profiles_that_have_them_and_skip_the_rest(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    spec = ACK_SPEC.replace(
        "required_fields: [job_title]", "required_fields: [job_title, interview_time]"
    )
    spec = spec.replace(
        "Thank you for applying", "See you on {{ interview_time }}. Thank you for applying"
    )
    label = submitted(
        db, journey, spec.replace("application_acknowledgment", "interview_scheduling_confirmation")
    )
    report = gate(db, journey, label)
    assert len(report.profiles) == 5  # only five candidates have an interview booked
    assert all("lacks required fact(s) interview_time" in why for _, why in report.skipped)
    assert not report.ok


def test_a_dry_run_records_nothing_and_changes_nothing(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    label = submitted(db, journey)
    assert gate(db, journey, label, record=False).ok
    assert state_of(db, label) == "submitted"
    with db.session() as s:
        assert s.scalars(select(Event).where(Event.type.like("template.test%"))).all() == []


def test_merged_away_candidates_are_not_profiles(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    with db.session() as s:
        keep, gone = s.scalars(select(Candidate).order_by(Candidate.id).limit(2)).all()
        gone.merged_into_id = keep.id
        gone_app = s.scalars(
            select(Application.id).where(Application.candidate_id == gone.id)
        ).one()
    label = submitted(db, journey)
    report = gate(db, journey, label)
    assert gone_app not in report.profiles
    with db.session() as s:
        assert find_version(s, label).state == "tested"
        assert s.scalar(select(Job.id).limit(1)) is not None
