"""Store mode end to end, on SQLite and PostgreSQL: find, review, merge, unmerge.

Personas: Rita the recruiter runs dedupe and decides merges. Robert "Bob" Miller applied twice
under two records; Maria García is in the store twice as two different women; Ana Souza has a
doubtful second record. Around them, a few hundred generated candidates give the model
something to learn from.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.quality.dedupe import DedupeOptions, dedupe_candidates
from candidly.quality.dedupe.synthetic import generate_people
from candidly.quality.merge import (
    CANDIDATE_MERGED,
    CANDIDATE_UNMERGED,
    MergeError,
    consent_rank,
    merge_candidates,
    merged_consent,
    merged_marketing_opt_in,
    unmerge,
)
from candidly.store import Application, Candidate, Event, Job, Merge, ReviewItem, User
from candidly.store.db import Database

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def build_store(db: Database) -> dict[str, int]:
    """A background population plus the personas; returns the personas' ids."""
    people = generate_people(400, seed=5)
    with db.session() as s:
        rita = User(email="rita@acme.test", full_name="Rita Okafor", role="recruiter")
        job = Job(source_system="csv", external_id="J-1", title="Data Engineer")
        s.add_all([rita, job])
        s.flush()
        s.add_all(
            Candidate(
                source_system="gen",
                external_id=r["id"] or "",
                first_name=r["first_name"],
                last_name=r["last_name"],
                email=r["email"],
                phone=r["phone"],
                city=r["city"],
                created_at=T0,
                updated_at=T0,
            )
            for r in people.records
        )
        robert = Candidate(
            source_system="greenhouse",
            external_id="GH-1",
            first_name="Robert",
            last_name="Miller",
            email="robert.miller@gmail.com",
            phone="(415) 555-0134",
            city="San Francisco",
            skills=["Python", "Airflow"],
            consent_status="granted",
            marketing_opt_in=True,
            current_title="Data Engineer",
            created_at=T0 - timedelta(days=300),
            updated_at=T0 - timedelta(days=300),
        )
        bob = Candidate(
            source_system="csv",
            external_id="CSV-7",
            first_name="Bob",
            last_name="Miller",
            email="bob.miller@@gmail",
            other_emails=["Robert.Miller+jobs@gmail.com"],
            phone="+1 415 555 0134",
            other_phones=["415.555.0199"],
            city="San Francisco",
            skills=["SQL", "python"],
            consent_status="withdrawn",
            marketing_opt_in=None,
            current_title="Senior Data Engineer",
            created_at=T0 - timedelta(days=10),
            updated_at=T0 - timedelta(days=10),
        )
        maria_1 = Candidate(
            source_system="csv",
            external_id="MG-1",
            first_name="María",
            last_name="García",
            email="maria.garcia@gmail.com",
            phone="(312) 555-0101",
            city="Chicago",
            created_at=T0,
            updated_at=T0,
        )
        maria_2 = Candidate(
            source_system="csv",
            external_id="MG-2",
            first_name="Maria",
            last_name="Garcia",
            email="mgarcia77@yahoo.com",
            phone="(312) 555-0188",
            city="Chicago",
            created_at=T0,
            updated_at=T0,
        )
        ana_1 = Candidate(
            source_system="csv",
            external_id="AS-1",
            first_name="Ana",
            last_name="Souza",
            email="ana.souza@outlook.com",
            city="Lisboa",
            created_at=T0,
            updated_at=T0,
        )
        ana_2 = Candidate(
            source_system="lever",
            external_id="AS-2",
            first_name="Ana",
            last_name="Souza",
            email="asouza@proton.me",
            city=None,
            created_at=T0,
            updated_at=T0,
        )
        s.add_all([robert, bob, maria_1, maria_2, ana_1, ana_2])
        s.flush()
        applications = [
            Application(
                source_system="greenhouse",
                external_id="GA-1",
                candidate_id=robert.id,
                job_id=job.id,
                stage="screen",
            ),
            Application(
                source_system="csv", external_id="CA-1", candidate_id=bob.id, job_id=job.id
            ),
            Application(
                source_system="csv", external_id="CA-2", candidate_id=bob.id, job_id=job.id
            ),
        ]
        s.add_all(applications)
        s.flush()
        return {
            "rita": rita.id,
            "robert": robert.id,
            "bob": bob.id,
            "maria_1": maria_1.id,
            "maria_2": maria_2.id,
            "ana_1": ana_1.id,
            "ana_2": ana_2.id,
        }


def rows(db: Database, ids: list[int]) -> dict[str, Any]:
    """Every column of the candidates and of their applications, as stored."""
    with db.session() as s:
        candidates = s.scalars(select(Candidate).where(Candidate.id.in_(ids))).all()
        apps = s.scalars(
            select(Application).where(Application.external_id.in_(["GA-1", "CA-1", "CA-2"]))
        ).all()
        return {
            "candidates": {
                c.id: {col.key: getattr(c, col.key) for col in Candidate.__table__.columns}
                for c in candidates
            },
            "applications": {
                a.id: {col.key: getattr(a, col.key) for col in Application.__table__.columns}
                for a in apps
            },
        }


def test_dedupe_finds_the_planted_duplicates_and_lists_the_doubtful_pairs(db: Database) -> None:
    ids = build_store(db)
    summary = dedupe_candidates(db, DedupeOptions(review_threshold=0.05))
    result = summary.as_dict()
    assert result["clusters"] > 50 and result["merges_applied"] == 0
    with db.session() as s:
        assert s.scalars(select(Candidate).where(Candidate.merged_into_id.is_not(None))).all() == []
        items = s.scalars(select(ReviewItem).where(ReviewItem.kind == "duplicate_pair")).all()
        pairs = {(i.subject_id, i.other_id): i for i in items}
    assert summary.review_items_written == len(items) > 0
    assert all(0.05 <= (i.confidence or 0) < 0.95 for i in items)
    assert all(i.subject_type == "candidate" and i.subject_id < i.other_id for i in items)
    ana = pairs[(ids["ana_1"], ids["ana_2"])]
    assert ana.status == "open"
    assert ana.details["given_name"] == "exact" and ana.details["email"] == "different"
    assert ana.details["city"] == "missing"
    assert (ids["maria_1"], ids["maria_2"]) not in pairs or pairs[
        (ids["maria_1"], ids["maria_2"])
    ].confidence < 0.5


def test_apply_merges_bob_into_one_record_with_survivorship(db: Database) -> None:
    ids = build_store(db)
    summary = dedupe_candidates(db, apply=True, by_user_id=ids["rita"])
    assert summary.merges and not summary.skipped_clusters
    with db.session() as s:
        robert, bob = s.get(Candidate, ids["robert"]), s.get(Candidate, ids["bob"])
        assert robert is not None and bob is not None
        # Bob has two applications: his record survives.
        assert robert.merged_into_id == bob.id and bob.merged_into_id is None
        assert bob.first_name == "Bob"  # the newest valid value
        assert bob.email == "robert.miller@gmail.com"  # Bob's own is invalid: newest *valid*
        assert bob.other_emails == ["Robert.Miller+jobs@gmail.com"]
        assert bob.current_title == "Senior Data Engineer"
        assert bob.phone == "+1 415 555 0134" and bob.other_phones == ["415.555.0199"]
        assert bob.skills == ["SQL", "python", "Airflow"]
        assert bob.consent_status == "withdrawn"  # never widened by a merge
        assert bob.marketing_opt_in is None
        apps = s.scalars(select(Application).where(Application.job_id.is_not(None))).all()
        assert {a.candidate_id for a in apps} == {bob.id}
        merge = s.scalars(select(Merge).where(Merge.survivor_id == bob.id)).one()
        assert merge.merged_ids == [robert.id] and merge.method == "auto"
        assert merge.decided_by_id == ids["rita"] and merge.match_probability >= 0.95
        events = s.scalars(
            select(Event).where(
                Event.type == CANDIDATE_MERGED, Event.payload["merge_id"].as_integer() == merge.id
            )
        ).all()
        assert {e.candidate_id for e in events} == {bob.id, robert.id}
        assert all(e.actor_id == ids["rita"] for e in events)
        maria_1 = s.get(Candidate, ids["maria_1"])
        maria_2 = s.get(Candidate, ids["maria_2"])
        assert maria_1 is not None and maria_2 is not None
        assert maria_1.merged_into_id is None and maria_2.merged_into_id is None


def test_running_dedupe_again_after_apply_finds_nothing_new_to_merge(db: Database) -> None:
    build_store(db)
    first = dedupe_candidates(db, apply=True)
    second = dedupe_candidates(db, apply=True)
    assert first.as_dict()["merges_applied"] > 50
    assert second.as_dict()["clusters"] == 0 and second.merges == []


def test_unmerge_restores_every_row_exactly_and_the_pair_is_not_merged_again(db: Database) -> None:
    ids = build_store(db)
    before = rows(db, [ids["robert"], ids["bob"]])
    with db.session() as s:
        merge = merge_candidates(
            s, [ids["robert"], ids["bob"]], match_probability=0.99, decided_by_id=ids["rita"]
        )
        merge_id = merge.id
    assert rows(db, [ids["robert"], ids["bob"]]) != before
    with db.session() as s:
        unmerge(s, merge_id, undone_by_id=ids["rita"])
    assert rows(db, [ids["robert"], ids["bob"]]) == before
    with db.session() as s:
        merge = s.get(Merge, merge_id)
        assert merge is not None and merge.undone_at is not None
        assert merge.undone_by_id == ids["rita"]
        events = s.scalars(select(Event).where(Event.type == CANDIDATE_UNMERGED)).all()
        assert {e.candidate_id for e in events} == {ids["robert"], ids["bob"]}
        rejected = s.scalars(select(ReviewItem).where(ReviewItem.status == "rejected")).one()
        assert (rejected.subject_id, rejected.other_id) == (ids["robert"], ids["bob"])
    dedupe_candidates(db, apply=True)
    with db.session() as s:
        robert = s.get(Candidate, ids["robert"])
        bob = s.get(Candidate, ids["bob"])
        assert robert is not None and bob is not None
        assert robert.merged_into_id is None and bob.merged_into_id is None


def test_a_merge_is_refused_for_one_candidate_or_one_already_merged(db: Database) -> None:
    ids = build_store(db)
    with db.session() as s:
        with pytest.raises(MergeError, match="at least two"):
            merge_candidates(s, [ids["bob"], ids["bob"]])
        merge_candidates(s, [ids["robert"], ids["bob"]])
        with pytest.raises(MergeError, match="already merged"):
            merge_candidates(s, [ids["robert"], ids["ana_1"]])


def test_an_earlier_merge_cannot_be_undone_under_a_later_one(db: Database) -> None:
    ids = build_store(db)
    with db.session() as s:
        first = merge_candidates(s, [ids["robert"], ids["bob"]])
        survivor = first.survivor_id
        second = merge_candidates(s, [survivor, ids["ana_1"]])
        with pytest.raises(MergeError, match=f"undo merge {second.id} first"):
            unmerge(s, first.id)


def test_the_cli_dedupes_applies_as_rita_and_unmerges(db: Database, cli: CliRunner) -> None:
    ids = build_store(db)
    result = cli.invoke(app, ["quality", "dedupe", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["clusters"] > 50 and found["merges_applied"] == 0
    result = cli.invoke(app, ["quality", "dedupe", "--apply", "--by", "Rita@acme.test"])
    assert result.exit_code == 0, result.output
    assert "merges applied" in result.output
    with db.session() as s:
        merge_id = s.scalars(select(Merge.id).where(Merge.survivor_id == ids["bob"])).one()
    result = cli.invoke(app, ["quality", "unmerge", str(merge_id), "--by", "rita@acme.test"])
    assert result.exit_code == 0, result.output
    assert f"Merge {merge_id} undone" in result.output
    again = cli.invoke(app, ["quality", "unmerge", str(merge_id)])
    assert again.exit_code == 1 and "already undone" in again.output


def test_the_cli_names_an_unknown_user_and_an_unknown_merge(db: Database, cli: CliRunner) -> None:
    result = cli.invoke(app, ["quality", "dedupe", "--by", "nobody@acme.test"])
    assert result.exit_code == 1 and "No user has the email" in result.output
    result = cli.invoke(app, ["quality", "unmerge", "999"])
    assert result.exit_code == 1 and "there is no merge 999" in result.output


statuses = st.lists(
    st.sampled_from(["granted", "unknown", "withdrawn", "denied", None, "GRANTED"]), min_size=1
)


@given(statuses)
def test_merged_consent_is_never_more_permissive_than_any_record(values: list[str | None]) -> None:
    merged = merged_consent(values)
    assert all(consent_rank(merged) >= consent_rank(v) for v in values)
    if any((v or "").lower() == "withdrawn" for v in values):
        assert merged == "withdrawn"


@given(st.lists(st.sampled_from([True, False, None]), min_size=1))
def test_marketing_opt_in_is_true_only_when_every_record_opted_in(
    values: list[bool | None],
) -> None:
    merged = merged_marketing_opt_in(values)
    assert (merged is True) == all(v is True for v in values)
    if False in values:
        assert merged is False
