"""Rows waiting to be written, table by table, with primary keys assigned in Python.

The generator writes into an empty store, so it can number every row itself: that keeps ids
identical between runs and lets a row refer to another before either is written.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Final

#: Tables in the order their rows must be inserted (foreign keys point backwards).
TABLES: Final = (
    "users",
    "jobs",
    "candidates",
    "applications",
    "interviews",
    "events",
    "demo_truth",
)

#: ``events.source`` of each kind of fact in the sample organisation.
SOURCE_ATS: Final = "demo.ats"
SOURCE_CAREERS: Final = "demo.careers"
SOURCE_MAILER: Final = "demo.mailer"
SOURCE_CALENDAR: Final = "demo.calendar"
SOURCE_ASSESSMENTS: Final = "demo.assessments"

Row = dict[str, Any]


def _refuse(value: Any) -> Any:
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


_ENCODER: Final = (
    json.encoder.c_make_encoder(  # type: ignore[attr-defined]
        None, _refuse, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True
    )
    if json.encoder.c_make_encoder is not None  # type: ignore[attr-defined]
    else None
)


def encode_json(value: Any) -> str:
    """``value`` as ``json.dumps(value)`` writes it (SQLAlchemy's JSON default), three times faster.

    ``json.dumps`` builds a new C encoder on every call; for a million small documents that
    costs more than the encoding itself, so one encoder (without the circular-reference check,
    which plain generated data does not need) is reused.
    """
    if _ENCODER is None:
        return json.dumps(value)
    return "".join(_ENCODER(value, 0))


#: Column order of the rows ``Rows`` keeps as tuples (checked against the models when writing).
EVENT_COLUMNS: Final = (
    "id", "type", "occurred_at", "recorded_at", "candidate_id", "application_id", "job_id",
    "actor_id", "source", "external_id", "payload",
)  # fmt: skip
TRUTH_COLUMNS: Final = (
    "id", "defect", "subject_type", "subject_id", "field", "shown_value", "true_value",
)  # fmt: skip


def sqlite_timestamp(moment: datetime | None) -> str | None:
    """``moment`` (UTC) as SQLAlchemy stores it on SQLite: ``2026-11-01 09:30:00.000000``."""
    # isoformat is several times faster than strftime; the UTC offset it appends is cut off.
    return None if moment is None else moment.isoformat(" ", "microseconds")[:26]


def native_timestamp(moment: datetime | None) -> datetime | None:
    """``moment`` unchanged: the driver adapts it (PostgreSQL)."""
    return moment


class Rows:
    """Pending rows per table and the next id of each; ``take`` hands them over for writing.

    Most tables keep dicts, because a row is completed after it is queued (an application's
    final stage, an interview's status). Events and truth rows never change once queued, and
    are by far the most numerous, so they are kept as tuples already encoded for the database.
    """

    def __init__(self, first_ids: dict[str, int], sqlite: bool = True) -> None:
        self.next_id = {table: first_ids.get(table, 1) for table in TABLES}
        self.pending: dict[str, list[Any]] = {table: [] for table in TABLES}
        self.written: dict[str, int] = dict.fromkeys(TABLES, 0)
        self._stamp = sqlite_timestamp if sqlite else native_timestamp

    def peek_id(self, table: str) -> int:
        """The id the next row added to ``table`` will get."""
        return self.next_id[table]

    def add(self, table: str, row: Row) -> int:
        """Number ``row``, queue it for ``table`` and return its id."""
        row_id = self.next_id[table]
        self.next_id[table] = row_id + 1
        row["id"] = row_id
        self.pending[table].append(row)
        return row_id

    def event(
        self,
        type: str,
        occurred_at: datetime,
        source: str,
        candidate_id: int | None = None,
        application_id: int | None = None,
        job_id: int | None = None,
        actor_id: int | None = None,
        payload: dict[str, Any] | str | None = None,
    ) -> int:
        """Queue an event. ``recorded_at`` is the time it happened: the log is a history import.

        ``payload`` is a dict, or JSON already encoded (for payloads that repeat, encoded once).
        """
        event_id = self.next_id["events"]
        self.next_id["events"] = event_id + 1
        at = self._stamp(occurred_at)
        self.pending["events"].append(
            (event_id, type, at, at, candidate_id, application_id, job_id, actor_id, source, None,
             payload if isinstance(payload, str) else encode_json(payload) if payload else "{}")
        )  # fmt: skip
        return event_id

    def truth(
        self,
        defect: str,
        subject_type: str,
        subject_id: int,
        field: str | None,
        shown_value: str | None,
        true_value: str | None,
    ) -> int:
        """Queue one fact of the ground truth: a defect injected into a row, and what was true."""
        truth_id = self.next_id["demo_truth"]
        self.next_id["demo_truth"] = truth_id + 1
        self.pending["demo_truth"].append(
            (truth_id, defect, subject_type, subject_id, field, shown_value, true_value)
        )
        return truth_id

    def pending_count(self) -> int:
        """How many rows wait to be written."""
        return sum(len(rows) for rows in self.pending.values())

    def take(self) -> dict[str, list[Any]]:
        """Hand over the pending rows, table by table, and start afresh."""
        taken = self.pending
        self.pending = {table: [] for table in TABLES}
        for table, rows in taken.items():
            self.written[table] += len(rows)
        return taken
