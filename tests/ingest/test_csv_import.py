"""CSV files of every kind: what lands in the store, and what a second import changes."""

from __future__ import annotations

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


def import_org(db: Database) -> None:
    for name in ("candidates.csv", "jobs.csv", "applications.csv", "events.csv"):
        report = import_file(db, FIXTURES / name)
        assert report.ok, report.errors


def test_a_candidates_csv_lands_with_its_owners_lists_and_one_created_event_each(
    db: Database,
) -> None:
    report = import_file(db, FIXTURES / "candidates.csv")
    assert (report.format, report.kind, report.source_system) == ("csv", "candidates", "csv")
    assert (report.read, report.created, report.updated, report.unchanged, report.failed) == (
        3, 3, 0, 0, 0,
    )  # fmt: skip
    ana = by_external_id(candidates(db))["C-1"]
    assert (ana.first_name, ana.last_name, ana.email) == ("Ana", "Nguyễn", "ana@example.com")
    assert (ana.city, ana.country, ana.current_title, ana.current_company) == (
        "Berlin", "DE", "Data Engineer", "Hooli",
    )  # fmt: skip
    assert ana.source_channel == "LinkedIn"
    assert ana.skills == ["Python", "SQL"]
    emails = {u.email: u for u in users(db)}
    assert set(emails) == {"rita@acme.test", "sam@acme.test"}
    assert all(u.role == "recruiter" for u in emails.values())
    assert ana.owner_id == emails["rita@acme.test"].id
    assert len(events(db, EventType.CANDIDATE_CREATED)) == 3
    assert len(events(db, EventType.USER_CREATED)) == 2
    (completed,) = events(db, EventType.IMPORT_COMPLETED)
    assert completed.payload["created"] == 3 and completed.payload["failed"] == 0


def test_reimporting_the_same_files_changes_nothing_and_writes_only_import_completed(
    db: Database,
) -> None:
    import_org(db)
    before = [(e.type, e.id) for e in events(db)]
    counts = (len(candidates(db)), len(jobs(db)), len(applications(db)), len(users(db)))
    for name in ("candidates.csv", "jobs.csv", "applications.csv", "events.csv"):
        report = import_file(db, FIXTURES / name)
        assert report.ok and report.created == 0 and report.updated == 0
        assert report.unchanged == report.read
    assert (len(candidates(db)), len(jobs(db)), len(applications(db)), len(users(db))) == counts
    new = [e.type for e in events(db)][len(before) :]
    assert new == [EventType.IMPORT_COMPLETED] * 4


def test_a_changed_row_updates_the_candidate_and_records_the_changed_fields(
    db: Database, write
) -> None:
    import_file(db, FIXTURES / "candidates.csv")
    text = (FIXTURES / "candidates.csv").read_text()
    changed = write(
        "candidates.csv", text.replace("Berlin,DE,Data Engineer", "Hamburg,DE,Data Lead")
    )
    report = import_file(db, changed)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    ana = by_external_id(candidates(db))["C-1"]
    assert (ana.city, ana.current_title) == ("Hamburg", "Data Lead")
    (updated,) = events(db, EventType.CANDIDATE_UPDATED)
    assert updated.candidate_id == ana.id
    assert updated.payload["changes"] == {
        "city": {"from": "Berlin", "to": "Hamburg"},
        "current_title": {"from": "Data Engineer", "to": "Data Lead"},
    }


def test_a_file_without_a_column_leaves_that_field_alone(db: Database, write) -> None:
    import_file(db, FIXTURES / "candidates.csv")
    report = import_file(db, write("names.csv", "id,first_name,last_name\nC-1,Ana,Nguyễn\n"))
    assert (report.updated, report.unchanged) == (0, 1)
    assert by_external_id(candidates(db))["C-1"].phone == "+1 555 0100"


def test_jobs_applications_and_events_link_by_the_ids_of_the_same_source(db: Database) -> None:
    import_org(db)
    job = by_external_id(jobs(db))["J-1"]
    assert (job.title, job.department, job.location, job.status) == (
        "Senior Data Engineer", "Data", "Berlin", "open",
    )  # fmt: skip
    assert job.required_skills == ["Python", "Airflow"]
    assert job.opened_at == datetime(2026, 1, 2, tzinfo=UTC)
    people = {u.email: u for u in users(db)}
    assert job.recruiter_id == people["rita@acme.test"].id
    assert people["hana@acme.test"].role == "hiring_manager"
    assert job.hiring_manager_id == people["hana@acme.test"].id
    apps = by_external_id(applications(db))
    c = by_external_id(candidates(db))
    assert apps["A-1"].candidate_id == c["C-1"].id and apps["A-1"].job_id == job.id
    assert (apps["A-1"].stage_label, apps["A-1"].stage) == ("Phone Screen", "phone_screen")
    assert (apps["A-2"].outcome, apps["A-2"].outcome_reasons) == (
        "rejected",
        ["Not enough Airflow"],
    )
    assert apps["A-3"].applied_at == datetime(2026, 1, 20, 7, 30, tzinfo=UTC)
    assert apps["A-3"].stage == "applied"
    created = events(db, EventType.APPLICATION_CREATED)
    assert len(created) == 3
    assert {e.occurred_at for e in created} >= {datetime(2026, 1, 5, 10, tzinfo=UTC)}
    viewed = events(db, "job.viewed")[0]
    assert (viewed.external_id, viewed.candidate_id, viewed.job_id) == ("E-1", c["C-1"].id, job.id)
    assert viewed.payload == {"page": "careers/J-1"}
    replied = events(db, "message.replied")[0]
    assert replied.application_id == apps["A-1"].id


def test_a_stage_label_that_changes_on_reimport_writes_one_stage_changed_event(
    db: Database, write
) -> None:
    import_org(db)
    moved = (FIXTURES / "applications.csv").read_text().replace("Phone Screen", "Final Round")
    report = import_file(db, write("applications.csv", moved))
    assert (report.updated, report.unchanged) == (1, 2)
    app = by_external_id(applications(db))["A-1"]
    assert (app.stage_label, app.stage) == ("Final Round", "final_round")
    with db.session() as s:
        (change,) = stage_history(s, app.id)
    assert change.payload == {
        "from": "phone_screen",
        "to": "final_round",
        "from_label": "Phone Screen",
        "to_label": "Final Round",
    }
    assert events(db, EventType.APPLICATION_UPDATED) == []
    assert import_file(db, write("applications.csv", moved)).unchanged == 3
    assert len(events(db, EventType.STAGE_CHANGED)) == 1


def test_headers_are_matched_by_alias_ignoring_case_spaces_and_dashes(db: Database, write) -> None:
    path = write(
        "people.csv",
        "Candidate ID;Full Name;E-Mail Address;Mobile;Tags;Recruiter Email\n"
        "X1;Maria de la Cruz;maria@example.com;+34 600;a|b;ROSA@acme.test\n",
    )
    report = import_file(db, path)
    assert report.ok and report.kind == "candidates"
    (maria,) = candidates(db)
    assert (maria.external_id, maria.first_name, maria.middle_name, maria.last_name) == (
        "X1", "Maria", "de la", "Cruz",
    )  # fmt: skip
    assert (maria.email, maria.phone, maria.skills) == ("maria@example.com", "+34 600", ["a", "b"])
    assert users(db)[0].email == "ROSA@acme.test"


def test_without_an_id_a_candidate_is_known_by_email_else_by_name_and_phone(
    db: Database, write
) -> None:
    path = write(
        "c.csv", "first_name,last_name,email,phone\nAna,Lee,Ana@Example.com,\nBo,Kim,,+1 555\n"
    )
    import_file(db, path)
    ids = sorted(c.external_id for c in candidates(db))
    assert ids[0] == "ana@example.com"
    assert ids[1].startswith("name+phone:")
    again = import_file(db, path)
    assert (again.created, again.unchanged) == (0, 2)


def test_values_are_trimmed_but_not_cleaned(db: Database, write) -> None:
    path = write(
        "c.csv", "first_name,last_name,email,phone\n  aNA  ,  LEE ,  not-an-email , (555) 01 \n"
    )
    import_file(db, path)
    (ana,) = candidates(db)
    assert (ana.first_name, ana.last_name, ana.email, ana.phone) == (
        "aNA", "LEE", "not-an-email", "(555) 01",
    )  # fmt: skip


def test_a_utf8_file_with_a_byte_order_mark_reads_its_first_header(db: Database, write) -> None:
    path = write("bom.csv", "\ufeffid,email\nB1,bom@example.com\n".encode())
    report = import_file(db, path)
    assert report.ok and candidates(db)[0].external_id == "B1"


def test_a_tab_separated_file_and_a_semicolon_file_are_read(db: Database, write) -> None:
    import_file(db, write("t.tsv", "id\temail\nT1\tt@example.com\n"))
    import_file(db, write("s.csv", "id;email;skills\nS1;s@example.com;x, y\n"))
    assert by_external_id(candidates(db))["S1"].skills == ["x", "y"]
    assert "T1" in by_external_id(candidates(db))


def test_source_keeps_two_systems_rows_apart(db: Database) -> None:
    import_file(db, FIXTURES / "candidates.csv")
    report = import_file(db, FIXTURES / "candidates.csv", source="old-ats")
    assert (report.source_system, report.created) == ("old-ats", 3)
    assert len(candidates(db)) == 6


def test_small_batches_give_the_same_result_as_one(db: Database, write) -> None:
    from candidly.settings import Settings

    lines = "\n".join(f"K{i},p{i}@example.com" for i in range(25))
    path = write("many.csv", "id,email\n" + lines + "\nK3,dup@example.com\n")
    report = import_file(db, path, settings=Settings(import_batch_size=4))
    assert (report.read, report.created, report.failed) == (26, 25, 1)
    assert report.errors[0].line == 27
    assert len(candidates(db)) == 25


def test_a_header_only_file_imports_nothing_and_succeeds(db: Database, write) -> None:
    report = import_file(db, write("empty.csv", "id,email\n"))
    assert report.ok and report.read == 0
