"""``candidly quality clean`` on a messy store: every change recorded, nothing guessed, idempotent."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.journey import load_journey
from candidly.quality.audit import audit_quality
from candidly.quality.clean import clean_store
from candidly.store import Application, Candidate, Event, Job, ReviewItem
from candidly.store.db import Database
from tests.fixture_org import build_fixture_org


def make_messy(db: Database) -> dict[str, int]:
    org = build_fixture_org(db)
    with db.session() as s:
        shouty = Candidate(
            source_system="csv",
            external_id="M-1",
            first_name="MARY",
            last_name="MCDONALD",
            email=" Mary.McDonald@Example.COM",
            phone="(415) 555-0134",
            source_channel="LinkedIn Jobs",
            skills=["js"],
            resume_text="Seven years of Python; shipped React apps on k8s.",
        )
        blank = Candidate(
            source_system="csv",
            external_id="M-2",
            first_name="N/A",
            last_name="van der berg",
            email="test@test.com",
            other_emails=["Piet@Example.nl"],
            phone="-",
            source_channel="carrier pigeon",
        )
        typo = Candidate(
            source_system="csv",
            external_id="M-3",
            first_name="Oksana",
            last_name="Kovalenko",
            email="oksana@@example.com",
        )
        s.add_all([shouty, blank, typo])
        s.flush()
        vague = Job(source_system="csv", external_id="J-9", title="Head of Vibes")
        swe = Job(source_system="csv", external_id="J-8", title="Sr. SWE", required_skills=["k8s"])
        s.add_all([vague, swe])
        s.flush()
        s.add_all(
            [
                Application(
                    source_system="csv",
                    external_id="A-8",
                    candidate_id=shouty.id,
                    job_id=swe.id,
                    stage_label="Onsite",
                ),
                Application(
                    source_system="csv",
                    external_id="A-9",
                    candidate_id=blank.id,
                    job_id=swe.id,
                    stage_label="Culture Chat",
                ),
            ]
        )
        return {
            "shouty": shouty.id,
            "blank": blank.id,
            "typo": typo.id,
            "vague": vague.id,
            "swe": swe.id,
            "ana": org.ana,
        }


def test_clean_standardizes_and_records_every_change_as_an_event(db: Database) -> None:
    ids = make_messy(db)
    report = clean_store(db, load_journey())
    assert not report.dry_run
    with db.session() as s:
        mary = s.get(Candidate, ids["shouty"])
        assert mary is not None
        assert (mary.first_name, mary.last_name) == ("Mary", "McDonald")
        assert mary.email == "mary.mcdonald@example.com"
        assert mary.phone == "+14155550134"
        assert mary.source_channel == "linkedin"
        assert mary.skills == ["JavaScript", "Python", "React", "Kubernetes"]

        piet = s.get(Candidate, ids["blank"])
        assert piet is not None
        assert piet.first_name is None and piet.last_name == "van der Berg"
        assert (
            piet.email == "piet@example.nl" and piet.other_emails == []
        )  # the placeholder gave way
        assert piet.phone is None
        assert piet.source_channel == "carrier pigeon"  # unknown: kept, flagged, not guessed

        assert s.get(Job, ids["swe"]).role_type == "software_engineer"  # type: ignore[union-attr]
        assert s.get(Job, ids["swe"]).required_skills == ["Kubernetes"]  # type: ignore[union-attr]
        assert s.get(Job, ids["vague"]).role_type is None  # type: ignore[union-attr]
        stages = dict(s.execute(select(Application.external_id, Application.stage)).all())
        assert stages["A-8"] == "interview" and stages["A-9"] is None

        events = s.scalars(
            select(Event).where(
                Event.type == "candidate.cleaned", Event.candidate_id == ids["shouty"]
            )
        ).all()
        by_field = {e.payload["field"]: e.payload for e in events}
        assert by_field["last_name"] == {
            "field": "last_name",
            "old": "MCDONALD",
            "new": "McDonald",
            "rule": "name_capitalization",
            "confidence": 0.95,
        }
        assert by_field["phone"]["old"] == "(415) 555-0134"
        assert (
            s.scalar(
                select(func.count()).select_from(Event).where(Event.type == "application.cleaned")
            )
            == 1
        )

        flags = {(i.kind, i.subject_id, i.current_value) for i in s.scalars(select(ReviewItem))}
        assert ("placeholder", ids["blank"], "N/A") in flags
        assert ("invalid_email", ids["typo"], "oksana@@example.com") in flags
        assert ("source_channel", ids["blank"], "carrier pigeon") in flags
        assert ("role_type", ids["vague"], "Head of Vibes") in flags
        assert any(kind == "stage_label" and value == "Culture Chat" for kind, _, value in flags)


def test_a_dry_run_reports_the_same_changes_and_writes_nothing(db: Database) -> None:
    make_messy(db)
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(Event))
    dry = clean_store(db, load_journey(), dry_run=True)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == before
        assert s.scalar(select(func.count()).select_from(ReviewItem)) == 0
        assert (
            s.scalar(select(Candidate.first_name).where(Candidate.external_id == "M-1")) == "MARY"
        )
    real = clean_store(db, load_journey())
    assert dry.changes == real.changes and dry.flags == real.flags


def test_cleaning_twice_changes_nothing_the_second_time(db: Database) -> None:
    make_messy(db)
    clean_store(db, load_journey())
    with db.session() as s:
        events = s.scalar(select(func.count()).select_from(Event))
        items = s.scalar(select(func.count()).select_from(ReviewItem))
    again = clean_store(db, load_journey())
    assert sum(again.changes.values()) == 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == events
        assert s.scalar(select(func.count()).select_from(ReviewItem)) == items


def test_the_audit_sees_the_cleaning_raise_readiness(db: Database) -> None:
    make_messy(db)
    with db.session() as s:
        before = {f.field: f for f in audit_quality(s).fields}
    clean_store(db, load_journey())
    with db.session() as s:
        after = audit_quality(s)
    fields = {f.field: f for f in after.fields}
    assert before["first_name"].non_standard > 0 and fields["first_name"].non_standard == 0
    assert before["first_name"].placeholder > 0 and fields["first_name"].placeholder == 0
    assert fields["email"].readiness > before["email"].readiness
    assert fields["source_channel"].readiness > before["source_channel"].readiness
    assert fields["role_type"].readiness > before["role_type"].readiness
    assert 0 < after.overall_readiness <= 1


def test_the_quality_commands_print_json_for_scripts(db: Database, cli: CliRunner) -> None:
    make_messy(db)
    audit = cli.invoke(app, ["quality", "audit", "--json"])
    assert audit.exit_code == 0, audit.output
    assert {f["field"] for f in json.loads(audit.stdout)["fields"]} == {
        "first_name",
        "role_type",
        "skills",
        "source_channel",
        "stage",
        "owner",
        "email",
    }
    dry = cli.invoke(app, ["quality", "clean", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Dry run: nothing was written." in dry.stdout and "name_capitalization" in dry.stdout
    done = cli.invoke(app, ["quality", "clean", "--json"])
    assert done.exit_code == 0 and json.loads(done.stdout)["dry_run"] is False
    listed = cli.invoke(app, ["quality", "review", "--kind", "role_type", "--json"])
    assert [item["current_value"] for item in json.loads(listed.stdout)] == ["Head of Vibes"]
    table = cli.invoke(app, ["quality", "review"])
    assert table.exit_code == 0 and "carrier pigeon" in table.stdout
