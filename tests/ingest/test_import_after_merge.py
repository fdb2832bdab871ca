"""Imports after a merge land on the surviving record, never on the one merged away."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from candidly.ingest import import_file
from candidly.quality.merge import merge_candidates
from candidly.store import Application, Candidate
from candidly.store.db import Database

PEOPLE = "id,first_name,last_name,email\nP1,Ana,Silva,ana@example.com\nP2,Ana,Silva,ana.silva@example.org\nP3,Ana,Silva,a.silva@example.net\n"
JOBS = "id,title\nJ1,Data Engineer\nJ2,Analytics Engineer\n"


def test_a_new_application_for_a_merged_away_candidate_goes_to_the_survivor(
    db: Database, tmp_path: Path
) -> None:
    (tmp_path / "people.csv").write_text(PEOPLE)
    (tmp_path / "jobs.csv").write_text(JOBS)
    import_file(db, tmp_path / "people.csv", kind="candidates")
    import_file(db, tmp_path / "jobs.csv", kind="jobs")
    with db.session() as s:
        ids = {c.external_id: c.id for c in s.scalars(select(Candidate))}
        # P3 into P2, then P2 into P1: a chain of merges.
        merge_candidates(
            s, [ids["P2"], ids["P3"]], match_probability=0.99, method="auto", decided_by_id=None
        )
    with db.session() as s:
        (survivor,) = s.scalars(
            select(Candidate.id).where(
                Candidate.id.in_([ids["P2"], ids["P3"]]), Candidate.merged_into_id.is_(None)
            )
        ).all()
        merge_candidates(
            s, [ids["P1"], survivor], match_probability=0.99, method="auto", decided_by_id=None
        )
    with db.session() as s:
        (final,) = s.scalars(select(Candidate).where(Candidate.merged_into_id.is_(None))).all()
    apps = "id,candidate_id,job_id,stage\nA1,P3,J1,applied\nA2,P2,J2,screen\n"
    (tmp_path / "apps.csv").write_text(apps)
    report = import_file(db, tmp_path / "apps.csv", kind="applications")
    assert report.failed == 0
    with db.session() as s:
        owners = set(s.scalars(select(Application.candidate_id)))
    assert owners == {final.id}
