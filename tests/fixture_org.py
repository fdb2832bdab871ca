"""A small, realistic organisation written straight through the models, for tests that read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from candidly.store import Application, Candidate, EventType, Interview, Job, User
from candidly.store.db import Database
from candidly.store.events import record_event

T0 = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class FixtureOrg:
    rita: int  # recruiter who owns Ana and Bram
    sam: int  # recruiter who owns Chidi
    data_engineer: int
    nurse: int
    ana: int
    bram: int
    chidi: int
    ana_application: int


def build_fixture_org(db: Database) -> FixtureOrg:
    """Two recruiters, two jobs, three candidates, their applications, an interview, events."""
    with db.session() as s:
        rita = User(email="rita@acme.test", full_name="Rita Okafor", role="recruiter")
        sam = User(email="sam@acme.test", full_name="Sam Lindqvist", role="recruiter")
        s.add_all([rita, sam])
        s.flush()
        data_engineer = Job(
            source_system="csv",
            external_id="J-1",
            title="Senior Data Engineer",
            role_type="data_engineer",
            department="Data",
            location="Berlin",
            required_skills=["Python", "Airflow", "SQL"],
            recruiter_id=rita.id,
        )
        nurse = Job(
            source_system="csv",
            external_id="J-2",
            title="RN - ICU",
            department="Clinical",
            location="Austin, TX",
            status="closed",
            recruiter_id=sam.id,
        )
        ana = Candidate(
            source_system="csv",
            external_id="C-1",
            first_name="Ana",
            last_name="Nguyễn",
            email="ana@example.com",
            source_channel="linkedin",
            owner_id=rita.id,
            skills=["Python", "SQL"],
            timezone="Europe/Berlin",
            resume_text="Built Airflow pipelines in Python.",
        )
        bram = Candidate(
            source_system="csv",
            external_id="C-2",
            first_name="Bram",
            last_name="van der Berg",
            email="bram@example.nl",
            source_channel="referral",
            owner_id=rita.id,
        )
        chidi = Candidate(
            source_system="csv",
            external_id="C-3",
            first_name="Chidi",
            last_name="Okonkwo",
            email="chidi@example.com",
            owner_id=sam.id,
        )
        s.add_all([data_engineer, nurse, ana, bram, chidi])
        s.flush()
        ana_app = Application(
            source_system="csv",
            external_id="A-1",
            candidate_id=ana.id,
            job_id=data_engineer.id,
            stage="interview",
            stage_label="Onsite",
            stage_entered_at=T0 + timedelta(days=10),
            applied_at=T0,
        )
        bram_app = Application(
            source_system="csv",
            external_id="A-2",
            candidate_id=bram.id,
            job_id=data_engineer.id,
            stage="applied",
            stage_label="Applied",
            stage_entered_at=T0,
            applied_at=T0,
        )
        chidi_app = Application(
            source_system="csv",
            external_id="A-3",
            candidate_id=chidi.id,
            job_id=nurse.id,
            stage="rejected",
            stage_label="Rejected",
            outcome="rejected",
            outcome_reasons=["license not current"],
            stage_entered_at=T0 + timedelta(days=3),
            applied_at=T0,
        )
        s.add_all([ana_app, bram_app, chidi_app])
        s.flush()
        s.add(
            Interview(
                source_system="csv",
                external_id="I-1",
                application_id=ana_app.id,
                starts_at=T0 + timedelta(days=14),
                ends_at=T0 + timedelta(days=14, hours=1),
                timezone="Europe/Berlin",
                format="onsite",
                interviewer_ids=[sam.id],
            )
        )
        record_event(
            s,
            EventType.APPLICATION_CREATED,
            source="csv",
            occurred_at=T0,
            candidate_id=ana.id,
            application_id=ana_app.id,
            job_id=data_engineer.id,
        )
        for day, (old, new) in ((3, ("applied", "screen")), (10, ("screen", "interview"))):
            record_event(
                s,
                EventType.STAGE_CHANGED,
                source="csv",
                occurred_at=T0 + timedelta(days=day),
                candidate_id=ana.id,
                application_id=ana_app.id,
                job_id=data_engineer.id,
                payload={"from": old, "to": new},
            )
        record_event(
            s,
            EventType.JOB_VIEWED,
            source="careers",
            occurred_at=T0 - timedelta(days=2),
            candidate_id=chidi.id,
            job_id=data_engineer.id,
        )
        return FixtureOrg(
            rita.id, sam.id, data_engineer.id, nurse.id, ana.id, bram.id, chidi.id, ana_app.id
        )
