"""The model on both engines: relations, time zones, JSON, uniqueness and the append-only log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from candidly.store import Application, Candidate, Event, EventType, Interview, Job, User
from candidly.store.db import Database
from candidly.store.events import record_event, stage_history


def make_application(db: Database) -> int:
    with db.session() as s:
        rita = User(email="rita@acme.test", full_name="Rita Recruiter", role="recruiter")
        s.add(rita)
        s.flush()
        ana = Candidate(
            source_system="csv",
            external_id="c1",
            first_name="Ana",
            last_name="Nguyễn",
            email="ana@example.com",
            other_emails=["ana.n@example.org"],
            skills=["Python", "SQL"],
            owner_id=rita.id,
        )
        job = Job(
            source_system="csv",
            external_id="j1",
            title="Data Engineer",
            required_skills=["Python", "Airflow"],
            recruiter_id=rita.id,
        )
        s.add_all([ana, job])
        s.flush()
        app = Application(
            source_system="csv",
            external_id="a1",
            candidate_id=ana.id,
            job_id=job.id,
            stage="applied",
            stage_label="Applied",
        )
        s.add(app)
        s.flush()
        return app.id


def test_a_candidate_with_applications_interviews_and_json_lists_round_trips(db: Database) -> None:
    app_id = make_application(db)
    start = datetime(2026, 3, 2, 15, 0, tzinfo=timezone(timedelta(hours=-5)))
    with db.session() as s:
        s.add(
            Interview(
                source_system="csv",
                external_id="i1",
                application_id=app_id,
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                timezone="America/New_York",
                interviewer_ids=[1],
            )
        )
    with db.session() as s:
        ana = s.scalars(select(Candidate)).one()
        assert ana.display_name == "Ana Nguyễn"
        assert ana.other_emails == ["ana.n@example.org"]
        assert ana.skills == ["Python", "SQL"]
        assert ana.owner is not None and ana.owner.full_name == "Rita Recruiter"
        (app,) = ana.applications
        assert app.job.required_skills == ["Python", "Airflow"]
        (interview,) = app.interviews
        assert interview.starts_at == start
        assert interview.starts_at.tzinfo is not None
        assert interview.starts_at.utcoffset() == timedelta(0)
        assert interview.interviewer_ids == [1]


def test_naive_datetimes_are_refused(db: Database) -> None:
    app_id = make_application(db)
    with pytest.raises(Exception, match="naive datetime"), db.session() as s:
        s.execute(
            update(Application)
            .where(Application.id == app_id)
            .values(applied_at=datetime(2026, 1, 1))
        )


def test_source_and_external_id_identify_a_candidate_once(db: Database) -> None:
    make_application(db)
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Candidate(source_system="csv", external_id="c1", first_name="Other"))
    with db.session() as s:
        s.add(Candidate(source_system="greenhouse", external_id="c1", first_name="Other"))


def test_stage_history_is_the_applications_stage_changed_events_in_order(db: Database) -> None:
    app_id = make_application(db)
    t0 = datetime(2026, 1, 5, 9, tzinfo=UTC)
    with db.session() as s:
        for i, (old, new) in enumerate([("applied", "screen"), ("screen", "phone_screen")]):
            record_event(
                s,
                EventType.STAGE_CHANGED,
                source="test",
                application_id=app_id,
                occurred_at=t0 + timedelta(days=7 * (2 - i)),
                payload={"from": old, "to": new},
            )
        record_event(s, EventType.JOB_VIEWED, source="test", application_id=app_id)
    with db.session() as s:
        history = stage_history(s, app_id)
    assert [(e.payload["from"], e.payload["to"]) for e in history] == [
        ("screen", "phone_screen"),
        ("applied", "screen"),
    ]
    assert all(e.occurred_at.tzinfo is not None for e in history)


def test_the_event_log_refuses_updates_and_deletes(db: Database) -> None:
    with db.session() as s:
        record_event(s, EventType.CANDIDATE_CREATED, source="test", candidate_id=1)
    with pytest.raises(DBAPIError, match="append-only"), db.session() as s:
        s.execute(update(Event).values(type="tampered"))
    with pytest.raises(DBAPIError, match="append-only"), db.session() as s:
        s.execute(delete(Event))
    with db.session() as s:
        assert s.scalars(select(Event.type)).all() == [EventType.CANDIDATE_CREATED]


def test_a_redelivered_event_with_the_same_source_id_is_refused(db: Database) -> None:
    with db.session() as s:
        record_event(s, EventType.JOB_VIEWED, source="careers", external_id="evt-1")
        record_event(s, EventType.JOB_VIEWED, source="careers")
        record_event(s, EventType.JOB_VIEWED, source="careers")
    with pytest.raises(IntegrityError), db.session() as s:
        record_event(s, EventType.JOB_VIEWED, source="careers", external_id="evt-1")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(db: Database) -> None:
    if db.dialect != "sqlite":
        pytest.skip("SQLite only")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_the_migrations_build_exactly_the_schema_the_models_describe(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from candidly.store.models import Base

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
