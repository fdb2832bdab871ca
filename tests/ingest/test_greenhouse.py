"""Greenhouse Harvest ``GET /v1/candidates`` exports, modeled on the documented response."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from candidly.ingest import import_file
from candidly.store.db import Database
from candidly.store.events import EventType
from tests.ingest.stored import (
    FIXTURES,
    applications,
    by_external_id,
    candidates,
    events,
    jobs,
    users,
)

EXPORT = FIXTURES / "greenhouse_candidates.json"


def test_a_greenhouse_export_is_detected_and_maps_candidates_faithfully(db: Database) -> None:
    report = import_file(db, EXPORT)
    assert (report.format, report.kind, report.source_system) == (
        "greenhouse",
        "candidates",
        "greenhouse",
    )
    assert (report.read, report.created, report.failed) == (3, 3, 0)
    c = by_external_id(candidates(db))
    ana = c["53883394"]
    assert (ana.first_name, ana.last_name) == ("Ana", "Nguyễn")
    assert (ana.email, ana.other_emails) == ("ana.nguyen@example.com", ["ana@hooli.example"])
    assert (ana.phone, ana.other_phones) == ("+1 555 010 0100", [])
    assert (ana.current_company, ana.current_title) == ("Hooli", "Data Engineer")
    assert ana.city == "Oakland, CA"
    assert ana.skills == ["Python", "Airflow"]
    assert ana.source_channel == "LinkedIn"
    (rita,) = users(db)
    assert (rita.full_name, rita.source_system, rita.external_id, rita.role) == (
        "Rita Okafor", "greenhouse", "92120", "recruiter",
    )  # fmt: skip
    assert ana.owner_id == rita.id and c["53883395"].owner_id == rita.id
    assert c["53883396"].owner_id is None


def test_greenhouse_applications_carry_stage_status_and_rejection(db: Database) -> None:
    import_file(db, EXPORT)
    j = by_external_id(jobs(db))
    assert {k: v.title for k, v in j.items()} == {
        "4690": "Senior Data Engineer",
        "5120": "Staff Nurse",
    }
    apps = by_external_id(applications(db))
    assert set(apps) == {"69306509", "69306510", "69306512"}
    active, rejected, hired = apps["69306509"], apps["69306510"], apps["69306512"]
    assert (active.stage_label, active.stage, active.outcome) == (
        "Recruiter Phone Screen",
        None,
        None,
    )
    assert active.applied_at == datetime(2026, 1, 5, 17, 41, 11, 452000, tzinfo=UTC)
    assert (rejected.outcome, rejected.outcome_reasons) == (
        "rejected", ["Lacking skill(s)/qualification(s)"],
    )  # fmt: skip
    assert rejected.closed_at == datetime(2026, 1, 10, 16, 30, tzinfo=UTC)
    assert (hired.stage_label, hired.stage, hired.outcome) == ("Offer", "offer", "hired")
    assert active.job_id == rejected.job_id == j["4690"].id
    assert len(events(db, EventType.JOB_CREATED)) == 2
    assert len(events(db, EventType.APPLICATION_CREATED)) == 3


def test_a_prospect_application_without_a_job_is_a_warning_not_a_failure(db: Database) -> None:
    report = import_file(db, EXPORT)
    assert report.ok
    (warning,) = report.warnings
    assert warning.field == "applications[1]" and "no job" in warning.reason
    assert warning.line > 1


def test_reimporting_a_greenhouse_export_is_a_no_op(db: Database) -> None:
    import_file(db, EXPORT)
    before = len(events(db))
    report = import_file(db, EXPORT)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert report.counts["applications"].unchanged == 3
    assert report.counts["jobs"].unchanged == 2
    assert [e.type for e in events(db)][before:] == [EventType.IMPORT_COMPLETED]


def test_a_greenhouse_stage_move_on_reimport_is_a_stage_changed_event(db: Database, write) -> None:
    import_file(db, EXPORT)
    data = json.loads(EXPORT.read_text())
    data[0]["applications"][0]["current_stage"] = {"id": 1, "name": "Interview"}
    data[0]["recruiter"]["name"] = "Rita O."
    report = import_file(db, write("gh.json", json.dumps(data)))
    assert report.counts["applications"].updated == 1
    (move,) = events(db, EventType.STAGE_CHANGED)
    assert (
        move.payload["to"] == "interview" and move.payload["from_label"] == "Recruiter Phone Screen"
    )
    assert users(db)[0].full_name == "Rita O."


def test_a_greenhouse_record_with_a_bad_date_is_refused_with_its_key_path(
    db: Database, write
) -> None:
    data = json.loads(EXPORT.read_text())
    data[1]["applications"][0]["applied_at"] = "last tuesday"
    data[2]["id"] = None
    report = import_file(db, write("gh.json", json.dumps(data, indent=2)))
    assert (report.read, report.created, report.failed) == (3, 1, 2)
    fields = {e.field for e in report.errors}
    assert fields == {"applications[0].applied_at", "id"}
    assert all(e.line > 1 for e in report.errors)
    assert [c.external_id for c in candidates(db)] == ["53883394"]
