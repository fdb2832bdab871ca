"""A million generated candidates through ``candidly quality dedupe --in`` (file mode): time and memory.

    .venv/bin/python bench/dedupe_scale.py [--records 1000000] [--seed 11] [--keep DIR]

The records are written to a CSV first (not timed); then the real command runs in a child
process, so the wall time is the command's from start to exit (Python start-up, reading the CSV,
blocking, comparing, training, clustering, writing the clusters) and the peak memory is that
process's maximum resident set size (``resource.getrusage(RUSAGE_CHILDREN)``). The generator's
truth then scores the clusters (pairwise precision, recall, F1).
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from candidly.quality.dedupe.evaluate import pairwise_scores
from candidly.quality.dedupe.synthetic import COLUMNS, generate_people

FIELDS = [
    "first_name:given_name",
    "last_name:surname",
    "email:email",
    "phone:phone",
    "city:city",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="Write the CSVs here and keep them.")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="candidly-dedupe-"))
    folder.mkdir(parents=True, exist_ok=True)
    source, out = folder / "candidates.csv", folder / "clusters.csv"

    started = time.perf_counter()
    people = generate_people(args.records, seed=args.seed)
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(people.records)
    generated = time.perf_counter() - started
    ids = [r["id"] for r in people.records]
    del people.records[:]

    command = [
        str(
            Path(sys.executable).with_name("candidly")
        ),  # the installed command, as a person runs it
        "quality",
        "dedupe",
        "--in",
        str(source),
        "--id-column",
        "id",
        *(part for field in FIELDS for part in ("--field", field)),
        "--out",
        str(out),
        "--json",
    ]
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = usage.ru_maxrss / 1024  # KiB → MiB on Linux
    cpu = usage.ru_utime + usage.ru_stime
    if completed.returncode != 0:
        sys.exit(f"the command failed:\n{completed.stderr}")

    with out.open(newline="", encoding="utf-8") as handle:
        clusters = {row["id"]: row["cluster_id"] for row in csv.DictReader(handle)}
    scores = pairwise_scores([clusters[i] for i in ids], people.person)
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"records {args.records:,} (generated and written in {generated:.1f} s, not timed)")
    load = os.getloadavg()[0]
    print(
        f"wall time {wall:.1f} s, CPU time {cpu:.1f} s, peak memory {peak:,.0f} MiB (load {load:.1f})"
    )
    print(
        f"pairs: true {scores.true_pairs:,}, predicted {scores.predicted_pairs:,}; "
        f"precision {scores.precision:.4f}, recall {scores.recall:.4f}, F1 {scores.f1:.4f}"
    )
    print(completed.stdout.strip())
    if args.keep is None:
        source.unlink()
        out.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
