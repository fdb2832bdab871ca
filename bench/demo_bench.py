"""How fast ``candidly demo generate`` writes the sample organisation, on SQLite and PostgreSQL.

    .venv/bin/python bench/demo_bench.py [--candidates 100000] [--seed 1] [--postgres URL]
                                         [--profile]

Generates into a fresh SQLite file (in a temporary folder) and into a fresh schema on PostgreSQL
(database ``test`` on 127.0.0.1, user postgres, trust auth; '' to skip). Reports wall time, the
CPU time of the generating process and of the writer process, the rows written per table and rows
per second, and the load average, since on a shared machine the wall time also measures the
neighbours. Record the figures in bench/README.md ("Sample organisation").
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from candidly.demo import GenerationSummary, generate_organisation
from candidly.store.db import Database, open_database
from candidly.store.migrate import migrate

POSTGRES = os.environ.get(
    "CANDIDLY_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SCHEMA = "candidly_demo_bench"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(
    database: Database, candidates: int, seed: int, profile: bool
) -> tuple[GenerationSummary, float, float, float]:
    """Generate into ``database``; return the summary, wall seconds, and the CPU seconds of this
    process and of the writer process."""
    profiler = cProfile.Profile() if profile else None
    writer = children_cpu()
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    summary = generate_organisation(database, candidates, seed)
    if profiler:
        profiler.disable()
        profiler.dump_stats("demo.prof")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return summary, time.perf_counter() - wall, time.process_time() - cpu, children_cpu() - writer


def report(label: str, summary: GenerationSummary, wall: float, cpu: float, writer: float) -> None:
    load = os.getloadavg()[0]
    print(f"\n{label}: {summary.candidates:,} candidates, seed {summary.seed}")
    print(
        f"  wall {wall:.1f} s · CPU {cpu:.1f} s generating + {writer:.1f} s writing · "
        f"load average {load:.1f}"
    )
    print(f"  {summary.total_rows:,} rows · {summary.total_rows / wall:,.0f} rows/s wall · "
          f"{summary.total_rows / cpu:,.0f} rows per CPU s")  # fmt: skip
    print("  | table | rows |\n  |---|---:|")
    for table, count in summary.rows.items():
        print(f"  | {table} | {count:,} |")


def fresh_postgres(url: str) -> Database | None:
    """A migrated store in a new schema, or None when PostgreSQL is unreachable."""
    try:
        admin = create_engine(url, connect_args={"connect_timeout": 3})
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
        admin.dispose()
    except Exception as exc:
        print(f"PostgreSQL skipped: {exc.__class__.__name__}: {exc}")
        return None
    database = open_database(f"{url}?options=-csearch_path%3D{SCHEMA}")
    migrate(database)
    return database


def drop_postgres(url: str) -> None:
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", default=POSTGRES, help="'' to skip PostgreSQL")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the SQLite run (demo.prof)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        database = open_database(f"sqlite:///{path}")
        migrate(database)
        summary, wall, cpu, writer = run(database, args.candidates, args.seed, args.profile)
        database.dispose()
        report("SQLite", summary, wall, cpu, writer)
        print(f"  file {path.stat().st_size / 1e6:,.0f} MB")

    if args.postgres:
        pg = fresh_postgres(args.postgres)
        if pg is not None:
            try:
                summary, wall, cpu, writer = run(pg, args.candidates, args.seed, False)
                report("PostgreSQL", summary, wall, cpu, writer)
            finally:
                pg.dispose()
                drop_postgres(args.postgres)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    writer_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak resident memory: {peak:,.0f} MB generating, {writer_peak:,.0f} MB writing")


if __name__ == "__main__":
    main()
