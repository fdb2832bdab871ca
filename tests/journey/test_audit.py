"""The opportunity audit measures demand, history and personalization from the store."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.journey import load_journey
from candidly.journey.audit import IMMEDIATE, PHASE_2, PHASE_3, audit_journey
from candidly.journey.silence import business_days_between
from candidly.store import EventType
from candidly.store.db import Database
from candidly.store.events import record_event, stage_changed_payload
from tests.fixture_org import T0, FixtureOrg, build_fixture_org

UNTIL = T0 + timedelta(days=58)


def add_history(db: Database, org: FixtureOrg) -> None:
    """Bram applies too; both get an acknowledgment: Ana's names her role, Bram's is generic."""
    with db.session() as s:
        record_event(
            s,
            EventType.APPLICATION_CREATED,
            source="csv",
            occurred_at=T0,
            candidate_id=org.bram,
            application_id=org.ana_application + 1,
            job_id=org.data_engineer,
        )
        record_event(
            s,
            EventType.MESSAGE_SENT,
            source="history",
            occurred_at=T0 + timedelta(hours=1),
            candidate_id=org.ana,
            application_id=org.ana_application,
            payload={
                "touchpoint": "application_acknowledgment",
                "body": "Hi Ana, thanks for applying for Senior Data Engineer. You'll hear from us by Friday.",
            },
        )
        record_event(
            s,
            EventType.MESSAGE_SENT,
            source="history",
            occurred_at=T0 + timedelta(hours=1),
            candidate_id=org.bram,
            application_id=org.ana_application + 1,
            payload={
                "touchpoint": "application_acknowledgment",
                "body": "Dear Candidate, thank you for your application. We will be in touch.",
            },
        )
        record_event(
            s,
            EventType.MESSAGE_SENT,
            source="candidly",
            occurred_at=T0 + timedelta(days=11),
            candidate_id=org.ana,
            application_id=org.ana_application,
            payload={
                "touchpoint": "stage_gate_status_update",
                "facts": ["first_name", "job_title"],
            },
        )


def test_the_audit_measures_each_touchpoint_from_the_store(db: Database) -> None:
    org = build_fixture_org(db)
    add_history(db, org)
    with db.session() as s:
        result = audit_journey(s, load_journey(), months=2, until=UNTIL)
    by_id = {row.touchpoint: row for row in result.touchpoints}

    ack = by_id["application_acknowledgment"]
    assert ack.monthly_demand == 1.0  # two applications in two months
    assert ack.monthly_sent == 1.0
    assert ack.coverage == 1.0
    assert ack.personalized_share == 0.5  # Ana's names her role; Bram's says "Dear Candidate"
    assert ack.deficit == 0.5

    gate = by_id["stage_gate_status_update"]
    assert gate.monthly_demand == 1.0  # two stage changes
    assert gate.monthly_sent == 0.5 and gate.personalized_share == 1.0
    assert gate.deficit == 0.5

    assert by_id["screening_decision_notice"].monthly_demand == 0.5  # one move out of screen
    assert by_id["sourcing_outreach"].monthly_demand == 0.5  # Chidi browsed
    assert by_id["rejection_feedback"].monthly_demand == 0.0
    assert by_id["offer_letter"].personalized_share is None  # no history at all

    # Both applications heard nothing after their acknowledgment (Ana's status update came later
    # and restarted her clock); each silence of 5 business days owed an update.
    after_ack = T0 + timedelta(hours=1)
    ana_silences = (
        business_days_between(after_ack, T0 + timedelta(days=11)) // 5
        + business_days_between(T0 + timedelta(days=11), UNTIL) // 5
    )
    bram_silences = business_days_between(after_ack, UNTIL) // 5
    assert by_id["silence_check_in"].monthly_demand == (ana_silences + bram_silences) / 2

    hours = by_id["silence_check_in"]
    assert hours.hours_by_hand == round(hours.monthly_demand * 4 / 60, 1)
    assert hours.deficit == 1.0


def test_touchpoints_needing_human_review_are_phase_3_and_the_rest_rank_by_hours(
    db: Database,
) -> None:
    org = build_fixture_org(db)
    add_history(db, org)
    with db.session() as s:
        result = audit_journey(s, load_journey(), months=2, until=UNTIL)
    priority = {row.touchpoint: row.priority for row in result.touchpoints}
    assert priority["rejection_feedback"] == PHASE_3
    assert priority["offer_letter"] == PHASE_3
    assert priority["application_acknowledgment"] == IMMEDIATE
    assert priority["pre_interview_prep"] == PHASE_2
    assert [row.rank for row in result.touchpoints] == list(range(1, len(result.touchpoints) + 1))
    immediate = [row for row in result.touchpoints if row.priority == IMMEDIATE]
    assert immediate == sorted(immediate, key=lambda r: -r.hours_at_stake)
    assert result.touchpoints[-1].priority == PHASE_3


def test_stage_changes_are_matched_through_the_organisations_stage_names(db: Database) -> None:
    build_fixture_org(db)
    with db.session() as s:
        record_event(
            s,
            EventType.STAGE_CHANGED,
            source="greenhouse",
            occurred_at=T0 + timedelta(days=20),
            application_id=99,
            payload=stage_changed_payload(
                None, None, from_label="Final Interview", to_label="Not Moving Forward"
            ),
        )
        result = audit_journey(s, load_journey(), months=2, until=UNTIL)
    rejection = next(r for r in result.touchpoints if r.touchpoint == "rejection_feedback")
    assert rejection.monthly_demand == 0.5


def test_the_audit_command_prints_a_table_json_and_csv(
    db: Database, cli: CliRunner, tmp_path: Path
) -> None:
    org = build_fixture_org(db)
    add_history(db, org)
    out = tmp_path / "audit.csv"
    args = ["journey", "audit", "--months", "2", "--until", UNTIL.strftime("%Y-%m-%dT%H:%M:%S")]
    result = cli.invoke(app, [*args, "--json", "--csv", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["touchpoints"]) == len(load_journey().touchpoints)
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert {r["touchpoint"] for r in rows} == {t["touchpoint"] for t in data["touchpoints"]}
    table = cli.invoke(app, args)
    assert table.exit_code == 0 and "Phase 3" in table.stdout


def test_validate_reports_problems_with_lines_and_fails(cli: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "journey.yaml"
    bad.write_text(
        "name: J\ntouchpoints:\n  - id: offer_letter\n    name: Offer\n    category: offer\n    stage: offer\n    trigger: {event: stage.changed}\n    owner: recruiter\n    tier: batch\n    phase: 3\n    minutes_by_hand: 30\n"
    )
    result = cli.invoke(app, ["journey", "validate", str(bad)])
    assert result.exit_code == 1
    assert (
        f"{bad}:9: touchpoints[0].tier: tier batch is weaker than the policy allows"
        in result.stdout
    )
    good = tmp_path / "default.yaml"
    good.write_text(cli.invoke(app, ["journey", "show", "--yaml"]).stdout)
    result = cli.invoke(app, ["journey", "validate", str(good)])
    assert result.exit_code == 0 and "valid" in result.stdout
    missing = cli.invoke(app, ["journey", "validate", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 1 and "no such file" in missing.stdout


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)), st.integers(0, 400))
def test_business_days_are_the_weekdays_in_between(start: date, length: int) -> None:
    begin = datetime(start.year, start.month, start.day, 12, tzinfo=UTC)
    end = begin + timedelta(days=length)
    expected = sum(1 for d in range(length) if (begin + timedelta(days=d)).weekday() < 5)
    assert business_days_between(begin, end) == expected


def test_an_organisations_own_closing_stage_stops_the_silence_clock(db: Database) -> None:
    from candidly.journey.silence import count_silences

    with db.session() as s:
        record_event(
            s, EventType.APPLICATION_CREATED, source="ats", occurred_at=T0, application_id=77
        )
        record_event(
            s,
            EventType.STAGE_CHANGED,
            source="ats",
            occurred_at=T0 + timedelta(days=1),
            application_id=77,
            payload=stage_changed_payload(None, None, to_label="Not Moving Forward"),
        )
    with db.session() as s:
        closed = count_silences(s, T0, UNTIL, 5, load_journey().canonical_stage)
        unmapped = count_silences(s, T0, UNTIL, 5, lambda label: None)
    assert closed == 0  # rejected the next day: nobody was left waiting
    assert unmapped == business_days_between(T0, UNTIL) // 5
