"""How fast ``candidly.guard.check`` is: messages per second over the labelled corpus.

    .venv/bin/python bench/guard_bench.py [--rounds 20] [--profile]

Checks every message of ``tests/guard/corpus.jsonl`` under the corpus policy, ``--rounds``
times, after one warm-up round (compiling the patterns happens at import, not here). Prints
messages per second and microseconds per message for the whole corpus (mostly short
messages), for 150-word drafts (the first 150 words of each longer message, line breaks kept)
and for the 10 longest messages; wall time and CPU time (on a shared machine the CPU column
is the steadier one). Record the figures in bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import time
from pathlib import Path

from candidly.guard import GuardPolicy, check

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "guard" / "corpus.jsonl"
POLICY = GuardPolicy(
    max_words=150,
    competitors=("Globex", "Initech", "Hooli", "Umbrella Corp"),
    allowed_domains=("acme.com", "zoom.us"),
)


_FIRST_150 = re.compile(r"\s*(?:\S+\s+){149}\S+")


def timed(texts: list[str], rounds: int) -> tuple[float, float]:
    """Wall and CPU seconds to check ``texts`` ``rounds`` times."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text in texts:
            check(text, POLICY)
    return time.perf_counter() - wall, time.process_time() - cpu


def report(label: str, texts: list[str], rounds: int) -> None:
    wall, cpu = timed(texts, rounds)
    n = len(texts) * rounds
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(
        f"{label:<28} {len(texts):>4} msgs, {words:5.0f} words avg: "
        f"{n / wall:>8,.0f} msgs/s wall ({wall / n * 1e6:6.0f} µs), "
        f"{n / cpu:>8,.0f} msgs/s CPU ({cpu / n * 1e6:6.0f} µs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="write guard.prof and show the top")
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    timed(texts, 1)  # warm-up: caches, branch predictors, the allocator
    words_150 = [t[: m.end()] for t in texts if (m := _FIRST_150.match(t))]
    longest = sorted(texts, key=len)[-10:]

    def run() -> None:
        report("whole corpus", texts, args.rounds)

    if args.profile:
        cProfile.runctx("run()", globals(), {"run": run}, "guard.prof")
        pstats.Stats("guard.prof").sort_stats("tottime").print_stats(15)
        return
    run()
    report("150-word drafts", words_150, args.rounds * 10)
    report("longest 10", longest, args.rounds * 10)


if __name__ == "__main__":
    main()
