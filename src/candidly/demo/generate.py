"""Write the sample organisation into an empty store: ``generate_organisation``.

One transaction, primary keys assigned in Python, rows encoded once and inserted in batches
(executemany on SQLite, COPY on PostgreSQL), by a second process for large organisations; memory
stays bounded because rows are written as soon as a batch is full. The same ``candidates`` and
``seed`` give byte-identical rows on every run and on both engines.
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from candidly.demo.candidates import CandidateMaker
from candidly.demo.dice import Dice
from candidly.demo.errors import DemoError
from candidly.demo.org import build_organisation
from candidly.demo.people import PeopleFactory
from candidly.demo.rows import Rows
from candidly.demo.sinks import open_sink
from candidly.demo.timeline import REFERENCE_NOW
from candidly.store.db import Database

#: Pending rows that trigger a write; bounds memory, amortises round trips.
BATCH_ROWS: Final = 20_000
#: The largest organisation the generator accepts.
MAX_CANDIDATES: Final = 2_000_000
#: From this size on a second process writes while this one generates (starting it costs ~1 s).
WRITER_PROCESS_FROM: Final = 20_000

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class GenerationSummary:
    """What ``generate_organisation`` wrote."""

    candidates: int
    seed: int
    duplicates: int
    reference_now: datetime
    seconds: float
    dialect: str
    rows: dict[str, int] = field(default_factory=dict)
    users_by_role: dict[str, int] = field(default_factory=dict)
    applications_by_stage: dict[str, int] = field(default_factory=dict)
    events_by_type: dict[str, int] = field(default_factory=dict)
    truth_by_defect: dict[str, int] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        """Rows written across all tables."""
        return sum(self.rows.values())

    @property
    def rows_per_second(self) -> float:
        """Write throughput of the whole generation."""
        return self.total_rows / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The summary as plain values, for JSON output."""
        return {
            "candidates": self.candidates,
            "seed": self.seed,
            "duplicates": self.duplicates,
            "reference_now": self.reference_now.isoformat(),
            "seconds": round(self.seconds, 2),
            "dialect": self.dialect,
            "rows": self.rows,
            "total_rows": self.total_rows,
            "rows_per_second": round(self.rows_per_second),
            "users_by_role": self.users_by_role,
            "applications_by_stage": self.applications_by_stage,
            "events_by_type": self.events_by_type,
            "truth_by_defect": self.truth_by_defect,
        }


class _Tally:
    def __init__(self) -> None:
        self.users: Counter[str] = Counter()
        self.stages: Counter[str] = Counter()
        self.events: Counter[str] = Counter()
        self.truth: Counter[str] = Counter()

    def count(self, batch: dict[str, list[Any]]) -> None:
        self.users.update(row["role"] for row in batch["users"])
        self.stages.update(row["stage"] or "(unmapped label)" for row in batch["applications"])
        self.events.update(row[1] for row in batch["events"])
        self.truth.update(row[1] for row in batch["demo_truth"])


def generate_organisation(
    database: Database,
    candidates: int,
    seed: int,
    progress: ProgressCallback | None = None,
    *,
    writer_process: bool | None = None,
) -> GenerationSummary:
    """Write a realistic sample organisation of ``candidates`` candidates into ``database``.

    The store must have its schema and no candidates yet; raises ``DemoError`` otherwise. The
    result depends only on ``candidates`` and ``seed``. ``progress(done, total)`` is called as
    candidates are written. ``writer_process`` chooses whether a second process writes while
    this one generates (by default from ``WRITER_PROCESS_FROM`` candidates on, when the store is
    a file or a server); the data written is the same either way.
    """
    if not 1 <= candidates <= MAX_CANDIDATES:
        raise DemoError(
            f"--candidates must be between 1 and {MAX_CANDIDATES:,}, not {candidates:,}."
        )
    if not database.is_initialized():
        raise DemoError("The store has no schema yet. Run `candidly init` first.")
    if writer_process is None:
        writer_process = candidates >= WRITER_PROCESS_FROM
    writer_process = writer_process and not _in_memory(database)
    started = time.perf_counter()
    tally = _Tally()
    with _fewer_collections(), open_sink(database, in_process=not writer_process) as sink:
        rows = Rows(sink.first_ids, sqlite=database.dialect == "sqlite")
        people = PeopleFactory(Dice(seed, "people"))
        org = build_organisation(Dice(seed, "organisation"), people, candidates, rows)
        maker = CandidateMaker(seed, org, rows, candidates, people)
        for index in range(candidates):
            maker.make(index)
            if rows.pending_count() >= BATCH_ROWS:
                sink.write(_take(rows, tally))
                if progress:
                    progress(index + 1, candidates)
        sink.write(_take(rows, tally))
    if progress:
        progress(candidates, candidates)
    return GenerationSummary(
        candidates=candidates,
        seed=seed,
        duplicates=maker.duplicates,
        reference_now=REFERENCE_NOW,
        seconds=time.perf_counter() - started,
        dialect=database.dialect,
        rows=dict(rows.written),
        users_by_role=dict(sorted(tally.users.items())),
        applications_by_stage=dict(sorted(tally.stages.items())),
        events_by_type=dict(sorted(tally.events.items())),
        truth_by_defect=dict(sorted(tally.truth.items())),
    )


def _in_memory(database: Database) -> bool:
    url = database.engine.url
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while generating.

    Generation makes millions of short-lived dicts and tuples and no reference cycles worth
    collecting; with the default threshold the collector costs about a sixth of the run.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 100_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _take(rows: Rows, tally: _Tally) -> dict[str, list[Any]]:
    batch = rows.take()
    tally.count(batch)
    return batch
