"""Drafts per second through context → render → guard, next to a bare Jinja2 render (the floor).

Builds (or reuses) a sample organisation in an SQLite file, installs the default library, then for
every application composes the draft of the touchpoint that fits its stage, in batches, exactly as
the runner will. In the same run it renders the same published templates with a plain
``jinja2.Environment`` against a fixed dict of facts: the physical floor of rendering in Python.

    .venv/bin/python bench/compose.py [--candidates 100000] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import jinja2
from sqlalchemy import select

from candidly.compose.draft import compose_drafts
from candidly.demo.generate import generate_organisation
from candidly.journey import load_journey
from candidly.library import published_version
from candidly.library.defaults import install_defaults
from candidly.library.versions import find_user
from candidly.store.db import open_database
from candidly.store.migrate import migrate
from candidly.store.models import Application, Candidate, Job, User

#: The touchpoint each stage's status message comes from.
BY_STAGE = {
    "sourced": "sourcing_outreach",
    "applied": "application_acknowledgment",
    "screen": "screening_decision_notice",
    "phone_screen": "stage_gate_status_update",
    "interview": "pre_interview_prep",
    "final_round": "stage_gate_status_update",
    "offer": "offer_letter",
    "hired": "i9_reminder",
    "rejected": "rejection_feedback",
    "withdrawn": "silence_check_in",
}
BATCH = 500


def prepare(path: Path, candidates: int) -> None:
    database = open_database(f"sqlite:///{path}")
    migrate(database)
    with database.session() as s:
        empty = s.scalar(select(Candidate.id).limit(1)) is None
    if empty:
        started = time.perf_counter()
        generate_organisation(database, candidates=candidates, seed=7)
        print(f"generated {candidates:,} candidates in {time.perf_counter() - started:.1f} s")
    with database.session() as s:
        installed = published_version(s, "application_acknowledgment", None) is not None
        owner = s.scalar(select(User.email).where(User.role == "ta_ops"))
        compliance = s.scalar(select(User.email).where(User.role == "compliance"))
    if not installed:
        with database.session() as s:
            install_defaults(
                s, load_journey(), find_user(s, owner), compliance=find_user(s, compliance)
            )
    database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("bench/data/compose.db"))
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("CANDIDLY_ALLOWED_LINK_DOMAINS", "northwindcare.example,calendar.example")
    prepare(args.db, args.candidates)
    database = open_database(f"sqlite:///{args.db}")
    journey = load_journey()
    with database.session() as s:
        by_touchpoint: dict[str, list[int]] = {}
        for app_id, stage in s.execute(
            select(Application.id, Application.stage).order_by(Application.id)
        ):
            by_touchpoint.setdefault(BY_STAGE.get(stage or "", "silence_check_in"), []).append(
                app_id
            )
        templates = {
            tp: published_version(s, tp, None).source()  # type: ignore[union-attr]
            for tp in by_touchpoint
        }
        sample_facts = compose_drafts(
            s,
            [by_touchpoint["application_acknowledgment"][0]],
            "application_acknowledgment",
            journey,
        )[0].context
        roles = s.scalar(select(Job.id).limit(1))
    assert roles is not None

    # The floor: a plain Jinja2 environment rendering the same bodies, no sandbox, no guard.
    env = jinja2.Environment(autoescape=False)
    compiled = [(env.from_string(t.subject), env.from_string(t.body)) for t in templates.values()]
    facts = {**sample_facts, "top_skills": ["Python", "SQL"], "interviewers": ["Hana Sato"]}
    total = sum(len(ids) for ids in by_touchpoint.values())
    started = time.perf_counter()
    for n in range(total):
        subject, body = compiled[n % len(compiled)]
        subject.render(facts)
        body.render(facts)
    bare = total / (time.perf_counter() - started)

    counts: Counter[str] = Counter()
    latencies = []
    started = time.perf_counter()
    for touchpoint, ids in by_touchpoint.items():
        for k in range(0, len(ids), BATCH):
            batch_started = time.perf_counter()
            # One session per batch, as the runner works: the identity map stays small.
            with database.session() as s:
                for draft in compose_drafts(s, ids[k : k + BATCH], touchpoint, journey):
                    counts[
                        "task" if draft.task_only else ("held" if draft.held else draft.tier.value)
                    ] += 1
            latencies.append((time.perf_counter() - batch_started) / len(ids[k : k + BATCH]))
    full = total / (time.perf_counter() - started)
    print(
        f"applications: {total:,}  ({', '.join(f'{k} {v:,}' for k, v in sorted(counts.items()))})"
    )
    print(f"{'path':<44}{'drafts/s':>12}")
    print(f"{'bare jinja2 render (subject + body), floor':<44}{bare:>12,.0f}")
    print(f"{'context → sandboxed render → guard → tier':<44}{full:>12,.0f}")
    print(f"ratio full/bare: {full / bare:.2f} (target ≥ 0.33)")
    print(f"per-draft latency within batches: median {statistics.median(latencies) * 1e3:.2f} ms")
    database.dispose()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
