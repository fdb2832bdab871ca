"""The same size and seed always write the same organisation, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from candidly.demo import DemoError, generate_organisation
from candidly.store.db import Database, open_database
from candidly.store.models import Base, Candidate, Event
from tests.demo.conftest import digest_store, empty_store, fresh_sqlite


def generate_twice(
    db: Database, tmp_path: Path, template: Path | None, seeds: tuple[int, int]
) -> tuple[dict[str, str], dict[str, str]]:
    """Generate with the first seed, then into an empty store with the second; both digests."""
    generate_organisation(db, 400, seeds[0])
    first = digest_store(db)
    if db.dialect == "sqlite":
        assert template is not None
        other = fresh_sqlite(template, tmp_path, "second.db")
    else:
        empty_store(db)
        other = db
    generate_organisation(other, 400, seeds[1])
    second = digest_store(other)
    if other is not db:
        other.dispose()
    return first, second


def test_the_same_seed_writes_identical_rows_in_every_table(
    db: Database, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    template = request.getfixturevalue("sqlite_template") if db.dialect == "sqlite" else None
    first, second = generate_twice(db, tmp_path, template, (11, 11))
    assert first == second
    assert {
        "users",
        "jobs",
        "candidates",
        "applications",
        "interviews",
        "events",
        "demo_truth",
    } <= set(first)


def test_a_different_seed_writes_a_different_organisation(
    db: Database, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    template = request.getfixturevalue("sqlite_template") if db.dialect == "sqlite" else None
    first, second = generate_twice(db, tmp_path, template, (11, 12))
    for table in ("users", "jobs", "candidates", "applications", "events", "demo_truth"):
        assert first[table] != second[table], table


def test_sqlite_and_postgresql_hold_the_same_organisation(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    postgres_url = request.getfixturevalue("postgres_schema")
    lite = fresh_sqlite(request.getfixturevalue("sqlite_template"), tmp_path, "lite.db")
    pg = open_database(postgres_url)
    try:
        empty_store(pg)
        generate_organisation(lite, 300, 5)
        generate_organisation(pg, 300, 5)
        assert digest_store(lite) == digest_store(pg)
    finally:
        empty_store(pg)
        lite.dispose()
        pg.dispose()


def test_a_store_that_already_has_candidates_is_refused(db: Database) -> None:
    generate_organisation(db, 50, 1)
    with pytest.raises(DemoError, match="CANDIDLY_DATABASE_URL"):
        generate_organisation(db, 50, 1)
    with db.session() as s:
        assert len(s.scalars(select(Candidate.id)).all()) == 50


def test_ordinary_inserts_after_generating_get_fresh_ids(db: Database) -> None:
    summary = generate_organisation(db, 60, 3)
    with db.session() as s:
        newcomer = Candidate(source_system="csv", external_id="after-demo", first_name="Ada")
        s.add(newcomer)
        event = Event(type="candidate.created", occurred_at=summary.reference_now, source="test")
        s.add(event)
        s.flush()
        assert newcomer.id == summary.rows["candidates"] + 1
        assert event.id == summary.rows["events"] + 1


def test_progress_is_reported_up_to_the_whole_organisation(db: Database) -> None:
    seen: list[tuple[int, int]] = []
    generate_organisation(db, 120, 2, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (120, 120)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_the_summary_counts_what_the_store_holds(db: Database) -> None:
    summary = generate_organisation(db, 200, 4)
    with db.engine.connect() as conn:
        for table, count in summary.rows.items():
            model = Base.metadata.tables[table]
            assert len(conn.execute(select(model.c.id)).all()) == count, table
    assert summary.rows["candidates"] == 200
    assert sum(summary.events_by_type.values()) == summary.rows["events"]
    assert sum(summary.truth_by_defect.values()) == summary.rows["demo_truth"]


def test_a_writer_process_writes_the_same_rows_as_writing_in_process(
    db: Database, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    generate_organisation(db, 300, 9, writer_process=False)
    inline = digest_store(db)
    if db.dialect == "sqlite":
        other = fresh_sqlite(request.getfixturevalue("sqlite_template"), tmp_path, "second.db")
    else:
        empty_store(db)
        other = db
    summary = generate_organisation(other, 300, 9, writer_process=True)
    assert digest_store(other) == inline
    assert summary.rows["candidates"] == 300


def test_a_writer_process_refuses_a_store_that_already_has_candidates(db: Database) -> None:
    generate_organisation(db, 30, 1)
    with pytest.raises(DemoError, match="already holds 30 candidates"):
        generate_organisation(db, 30, 1, writer_process=True)


class Interrupted(Exception):
    pass


@pytest.mark.parametrize("writer_process", [False, True])
def test_an_interrupted_generation_leaves_the_store_empty(
    db: Database, writer_process: bool
) -> None:
    def interrupt(done: int, total: int) -> None:
        raise Interrupted

    with pytest.raises(Interrupted):
        generate_organisation(db, 2_000, 1, progress=interrupt, writer_process=writer_process)
    with db.session() as s:
        assert s.scalars(select(Candidate.id)).all() == []
        assert s.scalars(select(Event.id)).all() == []
    assert generate_organisation(db, 20, 1).rows["candidates"] == 20
