"""Plain JSON: a list of flat objects, JSON Lines, or a ``{"data": [...]}`` wrapper."""

from __future__ import annotations

import json

from candidly.ingest import import_file
from candidly.store.db import Database
from tests.ingest.stored import applications, by_external_id, candidates, events, jobs

PEOPLE = [
    {"id": "P1", "first_name": "Ana", "email": "ana@example.com", "skills": ["Python", " SQL "]},
    {"id": "P2", "name": "Bram van der Berg", "phone": 5550100, "tags": "a; b"},
]


def test_a_json_list_of_flat_objects_imports_candidates(db: Database, write) -> None:
    report = import_file(db, write("people.json", json.dumps(PEOPLE)))
    assert (report.format, report.kind, report.created) == ("json", "candidates", 2)
    c = by_external_id(candidates(db))
    assert c["P1"].skills == ["Python", "SQL"]
    assert (c["P2"].first_name, c["P2"].last_name, c["P2"].phone) == ("Bram", "Berg", "5550100")
    assert c["P2"].middle_name == "van der" and c["P2"].skills == ["a", "b"]


def test_json_lines_report_a_broken_line_and_import_the_rest(db: Database, write) -> None:
    text = json.dumps(PEOPLE[0]) + "\n\n{not json\n" + json.dumps(PEOPLE[1]) + "\n[1, 2]\n"
    report = import_file(db, write("people.jsonl", text))
    assert (report.read, report.created, report.failed) == (4, 2, 2)
    assert [(e.line, e.field) for e in report.errors] == [(3, ""), (5, "")]
    assert "not valid JSON" in report.errors[0].reason
    assert "not a JSON object" in report.errors[1].reason


def test_json_lines_are_detected_in_a_json_file_too(db: Database, write) -> None:
    text = "\n".join(json.dumps(p) for p in PEOPLE)
    report = import_file(db, write("people.json", text))
    assert report.ok and report.created == 2


def test_a_key_left_out_is_not_touched_but_a_null_clears(db: Database, write) -> None:
    import_file(
        db, write("a.json", json.dumps([{"id": "P1", "email": "a@x.test", "city": "Lyon"}]))
    )
    import_file(db, write("b.json", json.dumps([{"id": "P1", "email": "a@x.test"}])))
    assert candidates(db)[0].city == "Lyon"
    report = import_file(
        db, write("c.json", json.dumps([{"id": "P1", "email": "a@x.test", "city": None}]))
    )
    assert report.updated == 1 and candidates(db)[0].city is None


def test_json_jobs_applications_and_events_by_their_keys(db: Database, write) -> None:
    import_file(db, write("p.json", json.dumps(PEOPLE)))
    job = [{"id": "J9", "title": "Nurse", "opened_at": "2026-02-01T08:00:00+02:00"}]
    assert import_file(db, write("j.json", json.dumps(job))).kind == "jobs"
    app = [{"id": "A9", "candidate_id": "P1", "job_id": "J9", "stage": "Screen"}]
    assert import_file(db, write("a.json", json.dumps(app))).kind == "applications"
    event = [
        {
            "type": "job.viewed",
            "occurred_at": "2026-02-02T10:00:00Z",
            "job_id": "J9",
            "payload": {"n": 1},
        }
    ]
    report = import_file(db, write("e.json", json.dumps(event)))
    assert report.kind == "events" and report.created == 1
    assert jobs(db)[0].opened_at.isoformat() == "2026-02-01T06:00:00+00:00"
    assert applications(db)[0].stage == "screen"
    viewed = events(db, "job.viewed")[0]
    assert viewed.payload == {"n": 1} and viewed.external_id.startswith("event:")
    again = import_file(db, write("e.json", json.dumps(event)))
    assert (again.created, again.unchanged) == (0, 1)


def test_a_data_wrapper_of_flat_objects_is_plain_json(db: Database, write) -> None:
    report = import_file(db, write("w.json", json.dumps({"data": PEOPLE, "hasNext": False})))
    assert (report.format, report.created) == ("json", 2)


def test_a_non_text_value_for_a_text_field_is_a_bad_record(db: Database, write) -> None:
    people = [{"id": "P1", "email": {"work": "a@x.test"}}, {"id": "P2", "email": "b\u0000@x.test"}]
    report = import_file(db, write("p.json", json.dumps(people, indent=2)))
    assert [(e.line, e.field) for e in report.errors] == [(2, "email"), (8, "email")]
    assert "expected text" in report.errors[0].reason and "NUL" in report.errors[1].reason
