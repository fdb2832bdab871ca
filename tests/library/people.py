"""Personas and a store of varied candidate profiles for the library's tests.

Rita writes templates (recruiter), Olga owns the library (ta_ops), Cora reviews for compliance,
Otto interviews and has no say over the library. The candidates differ the way a real pipeline
does: role types, stages, rich records with interviews and bios, and sparse ones with no first
name, no owner, no skills.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from candidly.store import Application, Candidate, Interview, Job, User
from candidly.store.db import Database

T0 = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)

AUTHOR = "rita@acme.test"
OWNER = "olga@acme.test"
COMPLIANCE = "cora@acme.test"
OUTSIDER = "otto@acme.test"


@dataclass(frozen=True)
class Personas:
    rita: int
    olga: int
    cora: int
    otto: int


def add_personas(db: Database) -> Personas:
    """The four people of the library's stories."""
    with db.session() as s:
        rita = User(
            email=AUTHOR,
            full_name="Rita Okafor",
            role="recruiter",
            signature="Rita Okafor\nSenior Recruiter, Acme Health",
        )
        olga = User(email=OWNER, full_name="Olga Brandt", role="ta_ops")
        cora = User(email=COMPLIANCE, full_name="Cora Mensah", role="compliance")
        otto = User(
            email=OUTSIDER,
            full_name="Otto Lindqvist",
            role="interviewer",
            bio="Otto leads the platform team and has built data pipelines for twelve years.",
        )
        s.add_all([rita, olga, cora, otto])
        s.flush()
        return Personas(rita.id, olga.id, cora.id, otto.id)


# (title, role type, location, required skills)
JOBS = [
    ("Senior Data Engineer", "data_engineer", "Berlin", ["Python", "Airflow", "SQL"]),
    ("Backend Engineer", "software_engineer", "Lisbon", ["Go", "PostgreSQL", "Kubernetes"]),
    ("ICU Registered Nurse", "registered_nurse", "Austin, TX", ["Critical Care", "BLS"]),
    ("Warehouse Associate, Night Shift", "warehouse_associate", "Reno, NV", ["Forklift"]),
    ("Account Executive", "sales_account_executive", None, ["Salesforce", "Negotiation"]),
    ("Product Designer", "product_designer", "Remote", []),
    ("Operations Generalist", None, None, []),
    ("Data Engineer, Streaming", "data_engineer", "Berlin", ["Kafka", "Python"]),
    ("Site Reliability Engineer", "software_engineer", "Lisbon", ["Linux"]),
]

# (first name, job index, stage, skills, owned, current title, interview format or None)
PROFILES = [
    ("Ana", 0, "interview", ["Python", "SQL", "Airflow"], True, "Data Engineer", "video"),
    ("Bram", 0, "applied", ["Python"], True, None, None),
    ("Chidi", 1, "phone_screen", ["Go", "Kubernetes"], True, "Software Engineer", "phone"),
    ("Dana", 2, "final_round", ["Critical Care"], True, "Charge Nurse", "onsite"),
    ("Eitan", 3, "sourced", [], True, "Picker", None),
    ("Fatima", 4, "offer", ["Salesforce", "Negotiation"], True, "Account Manager", None),
    ("Gustavo", 5, "screen", [], True, None, None),
    (None, 6, "applied", [], False, None, None),
    ("Hyun-woo", 1, "rejected", ["Go"], True, None, None),
    ("Ines", 2, "hired", ["BLS"], True, "Registered Nurse", None),
    ("Jonas", 3, "withdrawn", ["Forklift"], False, None, None),
    ("Kemi", 0, "screen", ["SQL"], True, "Analytics Engineer", None),
    ("Lucía", 4, "interview", ["Negotiation"], True, "SDR", "video"),
    ("Mateo", 5, "interview", [], True, "UX Designer", "onsite"),
]


def add_profiles(db: Database, personas: Personas, count: int = len(PROFILES)) -> list[int]:
    """``count`` applications from ``PROFILES``; returns their ids."""
    ids = []
    with db.session() as s:
        interviewer = User(
            email="hana@acme.test",
            full_name="Hana Sato",
            role="hiring_manager",
            bio="Hana leads the data platform team in Berlin and joined Acme in 2019.",
        )
        quiet = User(email="quinn@acme.test", full_name="Quinn Adeyemi", role="interviewer")
        s.add_all([interviewer, quiet])
        s.flush()
        jobs = []
        for n, (title, role_type, location, skills) in enumerate(JOBS):
            job = Job(
                source_system="test",
                external_id=f"J-{n}",
                title=title,
                role_type=role_type,
                location=location,
                required_skills=skills,
                recruiter_id=personas.rita if n % 3 else None,
                opened_at=T0 - timedelta(days=30 - n),
            )
            s.add(job)
            jobs.append(job)
        s.flush()
        for n, (first, job_n, stage, skills, owned, title, fmt) in enumerate(PROFILES[:count]):
            candidate = Candidate(
                source_system="test",
                external_id=f"C-{n}",
                first_name=first,
                last_name=None if first is None else "Example",
                email=f"candidate{n}@example.com",
                skills=skills,
                owner_id=personas.rita if owned else None,
                current_title=title,
                current_company="Northwind" if title and n % 2 else None,
                timezone="Europe/Berlin" if n % 2 else "America/Chicago",
            )
            s.add(candidate)
            s.flush()
            application = Application(
                source_system="test",
                external_id=f"A-{n}",
                candidate_id=candidate.id,
                job_id=jobs[job_n].id,
                stage=stage,
                stage_label=stage,
                applied_at=T0 + timedelta(days=n),
                stage_entered_at=T0 + timedelta(days=n + 3),
            )
            s.add(application)
            s.flush()
            if fmt:
                people = [personas.otto, interviewer.id] if n % 2 == 0 else [quiet.id]
                s.add(
                    Interview(
                        source_system="test",
                        external_id=f"I-{n}",
                        application_id=application.id,
                        starts_at=T0 + timedelta(days=20 + n, hours=n % 5),
                        ends_at=T0 + timedelta(days=20 + n, hours=1 + n % 5),
                        timezone="Europe/Berlin",
                        format=fmt,
                        interviewer_ids=people,
                    )
                )
            ids.append(application.id)
    return ids
