"""``candidly quality clean``: apply the cleaning rules to the whole store, in bounded batches.

Every change is an event (``<subject>.cleaned``: field, old → new, rule, confidence), so any
cleaning can be audited and undone; what a rule will not guess becomes a review item.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from candidly.journey.model import Journey
from candidly.quality.rules import Flag, Outcome, clean_candidate, clean_job
from candidly.store.db import Database, insert_ignoring_duplicates
from candidly.store.events import event_row
from candidly.store.models import Application, Candidate, Event, Job, ReviewItem

CANDIDATE_COLUMNS = (
    "id", "first_name", "middle_name", "last_name", "preferred_name", "email", "other_emails",
    "phone", "other_phones", "city", "region", "country", "source_channel", "skills", "resume_text",
)  # fmt: skip

Progress = Callable[[str, int, int], None]
"""Called as ``progress(phase, done, total)`` while cleaning."""


@dataclass
class CleanReport:
    """What cleaning changed (or, in a dry run, would change)."""

    dry_run: bool
    records: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    changes: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # subject, field, rule
    flags: Counter[tuple[str, str]] = field(default_factory=Counter)  # kind, field
    examples: dict[tuple[str, str, str], tuple[Any, Any]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "dry_run": self.dry_run,
            "records": dict(self.records),
            "changed_records": dict(self.changed),
            "changes": [
                {
                    "subject": s,
                    "field": f,
                    "rule": r,
                    "count": n,
                    "example": _example(self.examples.get((s, f, r))),
                }
                for (s, f, r), n in sorted(self.changes.items())
            ],
            "review_items": [
                {"kind": k, "field": f, "count": n} for (k, f), n in sorted(self.flags.items())
            ],
        }

    def note(self, subject: str, outcome: Outcome) -> None:
        """Count one record's outcome."""
        self.records[subject] += 1
        if outcome.changes:
            self.changed[subject] += 1
        for change in outcome.changes:
            key = (subject, change.field, change.rule)
            self.changes[key] += 1
            self.examples.setdefault(key, (change.old, change.new))
        for flag in outcome.flags:
            self.flags[(flag.kind, flag.field)] += 1


def _example(pair: tuple[Any, Any] | None) -> dict[str, Any] | None:
    return None if pair is None else {"old": pair[0], "new": pair[1]}


def clean_store(
    database: Database,
    journey: Journey,
    *,
    region: str = "US",
    dry_run: bool = False,
    batch_size: int = 2_000,
    progress: Progress | None = None,
) -> CleanReport:
    """Clean candidates, jobs and applications; with ``dry_run`` nothing is written.

    Works in batches of ``batch_size`` rows, each committed on its own, so memory stays bounded
    and an interrupted run keeps what it finished (running again picks up the rest).
    """
    report = CleanReport(dry_run=dry_run)
    _clean_candidates(database, region, dry_run, batch_size, report, progress)
    _clean_jobs(database, dry_run, report)
    _map_stage_labels(database, journey, dry_run, report)
    return report


def _batches(database: Database, batch_size: int) -> Iterator[list[dict[str, Any]]]:
    columns = [getattr(Candidate, name) for name in CANDIDATE_COLUMNS]
    last = 0
    while True:
        with database.session() as session:
            rows = session.execute(
                select(*columns)
                .where(Candidate.id > last, Candidate.merged_into_id.is_(None))
                .order_by(Candidate.id)
                .limit(batch_size)
            ).all()
        if not rows:
            return
        last = rows[-1].id
        yield [row._asdict() for row in rows]


def _clean_candidates(
    database: Database,
    region: str,
    dry_run: bool,
    batch_size: int,
    report: CleanReport,
    progress: Progress | None,
) -> None:
    with database.session() as session:
        total = (
            session.scalar(
                select(func.count())
                .select_from(Candidate)
                .where(Candidate.merged_into_id.is_(None))
            )
            or 0
        )
    done = 0
    for rows in _batches(database, batch_size):
        updates, events, items = [], [], []
        for row in rows:
            outcome = clean_candidate(row, region)
            report.note("candidate", outcome)
            if outcome.changes:
                updates.append({"id": row["id"], **outcome.updates()})
                events.extend(_events("candidate.cleaned", outcome, candidate_id=row["id"]))
            items.extend(_review_rows(outcome.flags, "candidate", row["id"]))
        if not dry_run:
            with database.session() as session:
                _write(session, Candidate, updates, events, items)
        done += len(rows)
        if progress:
            progress("candidates", done, total)


def _clean_jobs(database: Database, dry_run: bool, report: CleanReport) -> None:
    with database.session() as session:
        rows = [
            r._asdict()
            for r in session.execute(select(Job.id, Job.title, Job.role_type, Job.required_skills))
        ]
        updates, events, items = [], [], []
        for row in rows:
            outcome = clean_job(row)
            report.note("job", outcome)
            if outcome.changes:
                updates.append({"id": row["id"], **outcome.updates()})
                events.extend(_events("job.cleaned", outcome, job_id=row["id"]))
            items.extend(_review_rows(outcome.flags, "job", row["id"]))
        if not dry_run:
            _write(session, Job, updates, events, items)


def _map_stage_labels(
    database: Database, journey: Journey, dry_run: bool, report: CleanReport
) -> None:
    """Give applications whose stage is only a label the canonical stage the journey maps it to."""
    with database.session() as session:
        labels = session.execute(
            select(Application.stage_label, func.count())
            .where(Application.stage.is_(None), Application.stage_label.is_not(None))
            .group_by(Application.stage_label)
        ).all()
        for label, count in labels:
            assert label is not None  # filtered above
            stage = journey.canonical_stage(label)
            if stage is None:
                report.flags[("stage_label", "stage")] += 1
                if not dry_run:
                    insert_ignoring_duplicates(
                        session,
                        ReviewItem.__table__,
                        [
                            _review_row(
                                Flag("stage_label", "stage", label),
                                "stage_label",
                                0,
                                zlib.crc32(label.encode()),
                            )
                            | {"details": {"applications": count}}
                        ],
                    )
                continue
            report.records["application"] += count
            report.changed["application"] += count
            key = ("application", "stage", "stage_journey_map")
            report.changes[key] += count
            report.examples.setdefault(key, (label, stage))
            if dry_run:
                continue
            ids = session.scalars(
                select(Application.id).where(
                    Application.stage.is_(None), Application.stage_label == label
                )
            ).all()
            session.execute(
                update(Application)
                .where(Application.stage.is_(None), Application.stage_label == label)
                .values(stage=stage)
            )
            payload = {
                "field": "stage",
                "old": None,
                "new": stage,
                "label": label,
                "rule": "stage_journey_map",
                "confidence": 1.0,
            }
            rows = [
                event_row(
                    "application.cleaned", source="quality", application_id=i, payload=payload
                )
                for i in ids
            ]
            for start in range(0, len(rows), 5_000):
                session.execute(insert(Event), rows[start : start + 5_000])


def _events(
    type_: str, outcome: Outcome, *, candidate_id: int | None = None, job_id: int | None = None
) -> list[dict[str, Any]]:
    return [
        event_row(
            type_,
            source="quality",
            payload={
                "field": c.field,
                "old": c.old,
                "new": c.new,
                "rule": c.rule,
                "confidence": c.confidence,
            },
            candidate_id=candidate_id,
            job_id=job_id,
        )
        for c in outcome.changes
    ]


def _review_rows(flags: list[Flag], subject_type: str, subject_id: int) -> list[dict[str, Any]]:
    return [_review_row(flag, subject_type, subject_id) for flag in flags]


def _review_row(
    flag: Flag, subject_type: str, subject_id: int, other_id: int = 0
) -> dict[str, Any]:
    return {
        "kind": flag.kind,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "other_id": other_id,
        "field": flag.field,
        "current_value": flag.current,
        "proposed_value": flag.proposed,
        "confidence": flag.confidence,
        "details": {},
        "status": "open",
    }


def _write(
    session: Session,
    model: Any,
    updates: list[dict[str, Any]],
    events: list[dict[str, Any]],
    items: list[dict[str, Any]],
) -> None:
    if updates:
        session.execute(update(model), updates)
    if events:
        session.execute(insert(Event), events)
    insert_ignoring_duplicates(session, ReviewItem.__table__, items)
