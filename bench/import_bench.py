"""How fast ``candidly import`` reads a 100k-candidate CSV, against what SQLite itself can do.

    .venv/bin/python bench/import_bench.py [--rows 100000] [--postgres URL] [--profile]

Writes a deterministic CSV (seeded random names, emails, phones, cities, titles, skills), then:
(a) the floor: the same rows with plain ``sqlite3`` executemany into a bare table (WAL,
synchronous=NORMAL); (b) ``candidly.ingest.import_file`` into a fresh SQLite store; (c) the same
into a fresh schema on PostgreSQL; (d) importing the same file again (nothing changes). Prints rows
per second for each; record the figures in bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import os
import pstats
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text

from candidly.ingest import import_file
from candidly.settings import Settings
from candidly.store.db import Database, open_database
from candidly.store.migrate import migrate

POSTGRES = os.environ.get(
    "CANDIDLY_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
HEADER = [
    "id", "first_name", "last_name", "email", "phone", "city", "country",
    "current_title", "current_company", "source", "skills", "owner_email",
]  # fmt: skip
FIRST = ["Ana", "Bram", "Chidi", "Dana", "Eitan", "Fatima", "Gus", "Hana", "Ines", "Jonas", "Kofi"]
LAST = ["Nguyễn", "van der Berg", "Okafor", "Schmidt", "Levi", "Haddad", "García", "Kim", "Ørsted"]
CITIES = [("Berlin", "DE"), ("Lagos", "NG"), ("Austin", "US"), ("Lyon", "FR"), ("Pune", "IN")]
TITLES = ["Data Engineer", "Staff Nurse", "Account Executive", "Warehouse Associate", "Designer"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", ""]
SOURCES = ["linkedin", "referral", "careers site", "indeed", "agency"]
SKILLS = ["Python", "SQL", "Excel", "Forklift", "Figma", "Sales", "Triage", "Kubernetes"]
OWNERS = [f"recruiter{i}@acme.test" for i in range(12)]


def write_csv(path: Path, rows: int, seed: int = 7) -> list[list[str]]:
    """Write ``rows`` deterministic candidates to ``path``; return them for the floor run."""
    rng = random.Random(seed)
    data = []
    for i in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        city, country = rng.choice(CITIES)
        data.append([
            f"C{i:07d}", first, last, f"{first.lower()}.{i}@example.com",
            f"+1 555 {rng.randrange(10**7):07d}", city, country, rng.choice(TITLES),
            rng.choice(COMPANIES), rng.choice(SOURCES),
            "; ".join(rng.sample(SKILLS, rng.randrange(0, 4))), rng.choice(OWNERS),
        ])  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(data)
    return data


def floor(path: Path, data: list[list[str]], batch: int) -> tuple[float, float]:
    """Seconds for plain sqlite3 executemany of the same rows into a bare table."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    columns = ", ".join(f"c{i} TEXT" for i in range(len(HEADER)))
    conn.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, {columns})")
    marks = ", ".join("?" for _ in HEADER)
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(data), batch):
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO t VALUES (NULL, {marks})", data[start : start + batch])
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started, time.process_time() - cpu
    conn.close()
    return elapsed


def timed(run: Callable[[], object], profile: Path | None = None) -> tuple[float, float]:
    """(Wall seconds, CPU seconds of this process) ``run`` takes; profiled into ``profile``.

    CPU time is the steadier figure on a shared machine; for PostgreSQL it leaves out the
    server's own work.
    """
    profiler = cProfile.Profile() if profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    run()
    if profiler and profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").dump_stats(profile)
    return time.perf_counter() - started, time.process_time() - cpu


def fresh_sqlite(folder: Path) -> Database:
    """A new, migrated SQLite store in ``folder``."""
    database = open_database(f"sqlite:///{folder / 'candidly.db'}")
    migrate(database)
    return database


def fresh_postgres(url: str) -> tuple[Database, Callable[[], None]] | None:
    """A new, migrated schema on PostgreSQL and a function that drops it (None: unreachable)."""
    schema = f"candidly_bench_{os.getpid()}"
    admin = create_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as exc:
        print(f"PostgreSQL skipped: {exc.__class__.__name__}: {exc}".splitlines()[0])
        return None
    database = open_database(f"{url}?options=-csearch_path%3D{schema}")
    migrate(database)

    def drop() -> None:
        database.dispose()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()

    return database, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--postgres", default=POSTGRES, help="'' to skip PostgreSQL")
    parser.add_argument("--profile", action="store_true", help="write import.prof (cProfile)")
    args = parser.parse_args()
    settings = Settings()
    rows = args.rows
    results: list[tuple[str, tuple[float, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "candidates.csv"
        data = write_csv(path, rows)
        size = path.stat().st_size / 1e6
        print(f"{rows:,} candidates, {size:.1f} MB, batch {settings.import_batch_size:,}")
        results.append(
            (
                "(a) floor: sqlite3 executemany",
                floor(folder / "floor.db", data, settings.import_batch_size),
            )
        )
        database = fresh_sqlite(folder)
        profile = Path("import.prof") if args.profile else None
        results.append(
            (
                "(b) candidly import, SQLite",
                timed(
                    lambda: _check(import_file(database, path, settings=settings), rows), profile
                ),
            )
        )
        results.append(
            (
                "(d) re-import (no-op), SQLite",
                timed(lambda: _check(import_file(database, path, settings=settings), 0)),
            )
        )
        database.dispose()
        pg = fresh_postgres(args.postgres) if args.postgres else None
        if pg:
            pg_db, drop = pg
            try:
                results.append(
                    (
                        "(c) candidly import, PostgreSQL",
                        timed(lambda: _check(import_file(pg_db, path, settings=settings), rows)),
                    )
                )
                results.append(
                    (
                        "(d) re-import (no-op), PostgreSQL",
                        timed(lambda: _check(import_file(pg_db, path, settings=settings), 0)),
                    )
                )
            finally:
                drop()
    print(f"{'':36} {'seconds':>8} {'rows/s':>10} {'CPU s':>8} {'rows/CPU s':>11}")
    for name, (seconds, cpu) in results:
        print(f"{name:36} {seconds:8.2f} {rows / seconds:10,.0f} {cpu:8.2f} {rows / cpu:11,.0f}")
    print(
        f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs"
    )


def _check(report: object, created: int) -> None:
    assert getattr(report, "failed", 1) == 0, "the benchmark file must import cleanly"
    assert getattr(report, "created", -1) == created, (getattr(report, "created", None), created)


if __name__ == "__main__":
    main()
