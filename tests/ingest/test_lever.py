"""Lever ``GET /v1/opportunities`` exports, modeled on the documented response."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from candidly.ingest import import_file
from candidly.store.db import Database
from candidly.store.events import EventType, stage_history
from tests.ingest.stored import (
    FIXTURES,
    applications,
    by_external_id,
    candidates,
    events,
    jobs,
    users,
)

EXPORT = FIXTURES / "lever_opportunities.json"
SHANE = "7f23e772-d8bd-4b8e-9bb7-5a8b0d8a8c93"


def test_a_lever_export_is_detected_and_one_contact_is_one_candidate(db: Database) -> None:
    report = import_file(db, EXPORT)
    assert (report.format, report.kind, report.source_system) == ("lever", "candidates", "lever")
    assert (report.read, report.failed) == (3, 0)
    c = by_external_id(candidates(db))
    assert set(c) == {SHANE, "a1b2c3d4-0000-4000-8000-000000000001"}
    shane = c[SHANE]
    assert (shane.first_name, shane.middle_name, shane.last_name) == ("Shane", None, "Smith")
    assert (shane.email, shane.phone, shane.city) == (
        "shane@example.com",
        "(123) 456-7891",
        "Oakland",
    )
    assert shane.skills == ["San Francisco", "Full-time", "Customer Success"]
    assert shane.source_channel == "LinkedIn"
    maria = c["a1b2c3d4-0000-4000-8000-000000000001"]
    assert (maria.first_name, maria.middle_name, maria.last_name) == (
        "Maria",
        "de la Cruz",
        "Santos",
    )
    assert maria.other_emails == ["mcs@work.example"]
    assert maria.source_channel == "applied"
    (sam,) = users(db)
    assert (sam.external_id, sam.full_name, sam.email) == (
        "df4e2e3c",
        "Sam Lindqvist",
        "sam@acme.test",
    )
    assert shane.owner_id == sam.id and maria.owner_id == sam.id


def test_lever_applications_take_the_opportunitys_stage_and_archive(db: Database) -> None:
    import_file(db, EXPORT)
    (job,) = jobs(db)
    assert (job.external_id, job.title) == (
        "f2f01e16-27f8-4711-a728-7d49499795a0",
        "Customer Success Manager",
    )
    apps = by_external_id(applications(db))
    active = apps["cdd5d7e3-1f2c-4a4e-9c34-7f0d8a54a1b2"]
    assert (active.stage_label, active.outcome) == ("Phone Screen", None)
    assert active.applied_at == datetime.fromtimestamp(1767600000, tz=UTC)
    assert active.stage_entered_at == datetime.fromtimestamp(1768900000, tz=UTC)
    hired = apps["0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]
    assert (hired.stage_label, hired.stage, hired.outcome) == ("offer", "offer", "hired")
    assert hired.closed_at == datetime.fromtimestamp(1769000000, tz=UTC)
    assert hired.job_id == job.id


def test_lever_stage_changes_become_the_stage_history_once(db: Database) -> None:
    import_file(db, EXPORT)
    app = by_external_id(applications(db))["cdd5d7e3-1f2c-4a4e-9c34-7f0d8a54a1b2"]
    with db.session() as s:
        history = stage_history(s, app.id)
    assert [(e.payload["from_label"], e.payload["to_label"]) for e in history] == [
        (None, "lead-new"),
        ("lead-new", "Phone Screen"),
    ]
    assert history[0].occurred_at == datetime.fromtimestamp(1767600000, tz=UTC)
    before = len(events(db))
    report = import_file(db, EXPORT)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert [e.type for e in events(db)][before:] == [EventType.IMPORT_COMPLETED]


def test_a_new_lever_stage_change_on_reimport_adds_one_event(db: Database, write) -> None:
    import_file(db, EXPORT)
    data = json.loads(EXPORT.read_text())
    data["data"][0]["stage"] = {"id": "onsite-1", "text": "Onsite"}
    data["data"][0]["stageChanges"].append(
        {"toStageId": "onsite-1", "toStageIndex": 4, "updatedAt": 1769100000000, "userId": "x"}
    )
    report = import_file(db, write("lever.json", json.dumps(data)))
    assert report.counts["applications"].updated == 1
    moves = events(db, EventType.STAGE_CHANGED)
    assert len(moves) == 5
    assert moves[-1].payload["to_label"] == "Onsite"
    assert moves[-1].occurred_at == datetime.fromtimestamp(1769100000, tz=UTC)


def test_unexpanded_application_ids_are_a_warning(db: Database) -> None:
    report = import_file(db, EXPORT)
    (warning,) = report.warnings
    assert warning.field == "applications" and "expand=applications" in warning.reason


def test_a_plain_list_of_opportunities_is_a_lever_export_too(db: Database, write) -> None:
    data = json.loads(EXPORT.read_text())["data"]
    report = import_file(db, write("opps.json", json.dumps(data)))
    assert report.format == "lever" and report.ok


def test_a_lever_record_with_a_bad_time_is_refused_by_its_line(db: Database, write) -> None:
    data = json.loads(EXPORT.read_text())
    data["data"][1]["createdAt"] = "soon"
    report = import_file(db, write("lever.json", json.dumps(data, indent=1)))
    (error,) = report.errors
    assert error.field == "createdAt" and "soon" in error.reason
    text = write("x.txt", json.dumps(data, indent=1)).read_text().splitlines()
    assert text[error.line - 1].strip() == "{"
    assert report.failed == 1
