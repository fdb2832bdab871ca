"""Bad rows never stop an import and are never dropped silently: each is reported by line."""

from __future__ import annotations

from candidly.ingest import import_file
from candidly.store.db import Database
from tests.ingest.stored import FIXTURES, applications, by_external_id, candidates, jobs

CANDIDATES = (
    "id,first_name,last_name,email,phone\n"
    "1,Ana,Lee,ana@example.com,555\n"  # line 2
    '2,"Bram\nBert",Kim,bram@example.com,\n'  # lines 3-4: a quoted field over two lines
    "3,,,,555 0100\n"  # line 5: no name, no email
    "4,Dee,Fox,dee@example.com,1,extra\n"  # line 6: one field too many
    "5,Eve,Ng,eve@example.com,\n"  # line 7
    "1,Ana,Again,ana2@example.com,\n"  # line 8: repeats id 1
    "6,Fay,Ode\n"  # line 9: too few fields
)


def test_each_bad_row_is_reported_with_its_physical_line_and_the_good_rows_land(
    db: Database, write
) -> None:
    report = import_file(db, write("c.csv", CANDIDATES))
    assert (report.read, report.created, report.failed) == (7, 3, 4)
    assert [(e.line, e.field) for e in report.errors] == [(5, ""), (6, ""), (8, "id"), (9, "")]
    reasons = [e.reason for e in report.errors]
    assert "no name and no email" in reasons[0]
    assert "6 fields, more than the header's 5" in reasons[1]
    assert "repeats the id '1' of line 2" in reasons[2]
    assert "3 fields, fewer" in reasons[3]
    assert all(e.file.endswith("c.csv") for e in report.errors)
    c = by_external_id(candidates(db))
    assert set(c) == {"1", "2", "5"}
    assert c["2"].first_name == "Bram\nBert" and c["1"].last_name == "Lee"


def test_a_repeated_email_without_ids_is_reported_against_the_email_column(
    db: Database, write
) -> None:
    report = import_file(db, write("c.csv", "name,Email\nAna,a@x.test\nAnn,A@X.test\n"))
    (error,) = report.errors
    assert (error.line, error.field) == (3, "Email")
    assert "line 2" in error.reason


def test_an_unparseable_date_is_a_bad_row_naming_the_column(db: Database, write) -> None:
    path = write("j.csv", "id,title,Opened At\nJ1,Nurse,2026-01-02\nJ2,Porter,03/26/2026\n")
    report = import_file(db, path)
    (error,) = report.errors
    assert (error.line, error.field) == (3, "Opened At")
    assert "'03/26/2026' is not a date" in error.reason and "ISO 8601" in error.reason
    assert [j.external_id for j in jobs(db)] == ["J1"]


def test_an_application_naming_a_missing_candidate_or_job_is_refused(db: Database, write) -> None:
    import_file(db, FIXTURES / "candidates.csv")
    import_file(db, FIXTURES / "jobs.csv")
    path = write(
        "a.csv",
        "id,candidate_id,job_id,stage\nA1,C-1,J-1,Applied\nA2,C-404,J-1,Applied\nA3,C-2,J-9,Applied\n",
    )
    report = import_file(db, path)
    assert (report.created, report.failed) == (1, 2)
    assert [(e.line, e.field) for e in report.errors] == [(3, "candidate_id"), (4, "job_id")]
    assert "'C-404'" in report.errors[0].reason and "csv" in report.errors[0].reason
    assert [a.external_id for a in applications(db)] == ["A1"]


def test_an_application_can_name_its_candidate_by_email(db: Database, write) -> None:
    import_file(db, write("c.csv", "email,name\nana@example.com,Ana\n"))
    import_file(db, FIXTURES / "jobs.csv")
    report = import_file(
        db, write("a.csv", "candidate_email,job_id\nANA@example.com,J-1\nnobody@x.test,J-1\n")
    )
    assert (report.created, report.failed) == (1, 1)
    (app,) = applications(db)
    assert app.external_id == "ana@example.com/J-1"


def test_an_unknown_outcome_and_a_too_long_value_are_bad_rows(db: Database, write) -> None:
    import_file(db, FIXTURES / "candidates.csv")
    import_file(db, FIXTURES / "jobs.csv")
    long_label = "x" * 121
    path = write(
        "a.csv",
        f"id,candidate_id,job_id,stage,outcome\nA1,C-1,J-1,{long_label},\nA2,C-2,J-1,Applied,maybe\n",
    )
    report = import_file(db, path)
    assert [(e.line, e.field) for e in report.errors] == [(2, "stage"), (3, "outcome")]
    assert "121 characters" in report.errors[0].reason
    assert "hired, rejected, withdrawn" in report.errors[1].reason


def test_an_event_naming_an_unknown_subject_is_refused(db: Database, write) -> None:
    path = write("e.csv", "type,occurred_at,candidate_id\njob.viewed,2026-01-01T00:00:00Z,nobody\n")
    report = import_file(db, path)
    (error,) = report.errors
    assert (error.line, error.field) == (2, "candidate_id")


def test_a_row_the_database_refuses_fails_alone_and_its_batch_mates_land(
    db: Database, write
) -> None:
    # A rule the importer does not know about, so only the database can refuse the row.
    if db.dialect == "sqlite":
        setup = [
            "CREATE TRIGGER no_boom BEFORE INSERT ON candidates WHEN NEW.first_name = 'Boom' "
            "BEGIN SELECT RAISE(ABORT, 'no Boom here'); END"
        ]
        teardown: list[str] = []
    else:
        setup = ["ALTER TABLE candidates ADD CONSTRAINT no_boom CHECK (first_name <> 'Boom')"]
        teardown = ["ALTER TABLE candidates DROP CONSTRAINT no_boom"]
    with db.engine.begin() as conn:
        for statement in setup:
            conn.exec_driver_sql(statement)
    try:
        path = write(
            "c.csv", "id,first_name,email\n1,Ana,a@x.test\n2,Boom,b@x.test\n3,Cy,c@x.test\n"
        )
        report = import_file(db, path)
    finally:
        with db.engine.begin() as conn:
            for statement in teardown:
                conn.exec_driver_sql(statement)
    assert (report.created, report.failed) == (2, 1)
    (error,) = report.errors
    assert error.line == 3 and "the database refused it" in error.reason
    assert sorted(c.external_id for c in candidates(db)) == ["1", "3"]


def test_line_numbers_hold_for_windows_line_endings(db: Database, write) -> None:
    text = 'id,first_name,email\r\n1,"Ana\r\nMaria",a@x.test\r\n2,,\r\n3,Cy,c@x.test\r\n'
    report = import_file(db, write("crlf.csv", text.encode()))
    (error,) = report.errors
    assert error.line == 4
    assert by_external_id(candidates(db))["1"].first_name == "Ana\r\nMaria"
