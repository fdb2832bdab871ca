"""Candidate-shaped duplicates: candidly's file mode and Splink 5 (DuckDB) on the same records.

    .venv/bin/python bench/dedupe_candidates.py [--records 10000] [--seed 7]

The records come from ``candidly.quality.dedupe.synthetic.generate_people`` (deterministic):
nicknames, married names with the same email or phone, gmail dots and +tags, stripped accents,
swapped names, typos, phones in six formats and international numbers, and the hard negatives —
namesakes with their own contacts, relatives sharing a family name, household phone and city.

candidly reads the raw records (``dedupe_file``, defaults). Splink gets them standardised the way
its docs ask (lowercased, accents stripped, phone as its last ten digits) and a candidate model:
forename/surname comparison with swaps and full-name term frequencies, names with term
frequencies, its email comparison, phone by edit distance, city; blocking on email, phone, full
name either way round, surname + city; the prior from deterministic rules; u by random sampling;
EM blocked on email and on phone. Both are scored on pairs, at 0.95 and at their best threshold.
"""

from __future__ import annotations

import argparse
import csv
import logging
import re
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from candidly.quality.dedupe import dedupe_file
from candidly.quality.dedupe.evaluate import PairScores, pairwise_scores
from candidly.quality.dedupe.keys import fold
from candidly.quality.dedupe.synthetic import CANDIDATE_FIELDS, COLUMNS, generate_people

THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.99, 0.999)


def standardise(records: list[dict[str, str | None]]) -> pd.DataFrame:
    """What a Splink user would do first: lowercase, strip accents, phone digits."""

    def text(value: str | None) -> str | None:
        return fold(value).strip() if value else None

    def phone(value: str | None) -> str | None:
        digits = re.sub(r"\D", "", value or "")
        return digits[-10:] if len(digits) >= 7 else None

    frame = pd.DataFrame(
        {
            "unique_id": [r["id"] for r in records],
            "first_name": [text(r["first_name"]) for r in records],
            "last_name": [text(r["last_name"]) for r in records],
            "email": [text(r["email"]) for r in records],
            "phone": [phone(r["phone"]) for r in records],
            "city": [text(r["city"]) for r in records],
        }
    )
    frame["full_name"] = frame["first_name"].fillna("") + " " + frame["last_name"].fillna("")
    return frame


def run_splink(
    frame: pd.DataFrame, truth: list[int]
) -> tuple[float, float, dict[float, PairScores]]:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    started, cpu = time.perf_counter(), time.process_time()
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("email"),
            block_on("phone"),
            block_on("first_name", "last_name"),
            "l.first_name = r.last_name and l.last_name = r.first_name",
            block_on("last_name", "city"),
        ],
        comparisons=[
            cl.ForenameSurnameComparison(
                "first_name", "last_name", forename_surname_concat_col_name="full_name"
            ),
            cl.EmailComparison("email"),
            cl.DamerauLevenshteinAtThresholds("phone", [1, 2]),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
        ],
    )
    linker = Linker(DuckDBAPI().register(frame), settings, log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("email"), block_on("phone", "last_name")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("email"), estimate_without_term_frequencies=True
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("phone"), estimate_without_term_frequencies=True
    )
    predictions = linker.inference.predict(threshold_match_probability=0.2)
    linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=0.95
    )
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    scores: dict[float, PairScores] = {}
    order = {uid: i for i, uid in enumerate(frame["unique_id"])}
    for threshold in THRESHOLDS:
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=threshold
        ).as_pandas_dataframe()
        labels = [""] * len(frame)
        for uid, cluster in zip(clusters["unique_id"], clusters["cluster_id"], strict=True):
            labels[order[uid]] = cluster
        scores[threshold] = pairwise_scores(labels, truth)
    return seconds, cpu, scores


def reliability(result: object, person: list[int]) -> list[str]:
    """candidly's probabilities against the truth, for every scored pair above 0.5."""
    pairs = result.pairs  # type: ignore[attr-defined]
    owners = np.array(person)
    same = owners[pairs.left] == owners[pairs.right]
    lines = []
    for low, high in ((0.5, 0.8), (0.8, 0.95), (0.95, 0.99), (0.99, 0.999), (0.999, 1.01)):
        mask = (pairs.prob >= low) & (pairs.prob < high)
        if mask.any():
            lines.append(
                f"  {low:.3f}–{min(high, 1.0):.3f}: {mask.sum():6d} pairs, mean probability "
                f"{pairs.prob[mask].mean():.3f}, true duplicates {same[mask].mean():.3f}"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    logging.getLogger("splink").setLevel(logging.ERROR)
    people = generate_people(args.records, seed=args.seed)
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "candidates.csv", Path(folder) / "clusters.csv"
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, COLUMNS)
            writer.writeheader()
            writer.writerows(people.records)
        started, cpu = time.perf_counter(), time.process_time()
        result = dedupe_file(source, id_column="id", fields=CANDIDATE_FIELDS, out=out)
        ours_seconds, ours_cpu = time.perf_counter() - started, time.process_time() - cpu
    ours = {0.95: pairwise_scores(result.clustering.labels.tolist(), people.person)}
    for threshold in THRESHOLDS:
        if threshold != 0.95:
            ours[threshold] = pairwise_scores(
                result.recluster(threshold).labels.tolist(), people.person
            )
    splink_seconds, splink_cpu, theirs = run_splink(standardise(people.records), people.person)

    labels = result.clustering.labels
    merged_negatives = sum(labels[a] == labels[b] for a, b in people.hard_negatives)
    truth = pairwise_scores(list(range(len(people.person))), people.person).true_pairs
    print(
        f"{args.records:,} candidate records (seed {args.seed}), {truth:,} true duplicate pairs, "
        f"{len(people.hard_negatives)} relative pairs (hard negatives)"
    )
    print(f"{'':22} {'precision':>9} {'recall':>7} {'F1':>7} {'wall s':>7} {'CPU s':>6}  threshold")
    best_ours = max(ours, key=lambda t: ours[t].f1)
    best_theirs = max(theirs, key=lambda t: theirs[t].f1)
    for name, scores, seconds, cpu_seconds, threshold in (
        ("candidly", ours[0.95], ours_seconds, ours_cpu, "0.95 (default)"),
        ("candidly best", ours[best_ours], ours_seconds, ours_cpu, str(best_ours)),
        ("Splink", theirs[0.95], splink_seconds, splink_cpu, "0.95"),
        ("Splink best", theirs[best_theirs], splink_seconds, splink_cpu, str(best_theirs)),
    ):
        print(
            f"{name:22} {scores.precision:9.4f} {scores.recall:7.4f} {scores.f1:7.4f} "
            f"{seconds:7.2f} {cpu_seconds:6.2f}  {threshold}"
        )
    print(
        f"candidly / Splink at 0.95: F1 {ours[0.95].f1 / theirs[0.95].f1:.4f}x, "
        f"wall time {ours_seconds / splink_seconds:.2f}x, CPU time {ours_cpu / splink_cpu:.2f}x"
    )
    print(f"relatives merged by candidly: {merged_negatives} of {len(people.hard_negatives)}")
    print("candidly calibration (scored pairs at or above 0.5):")
    for line in reliability(result, people.person):
        print(line)


if __name__ == "__main__":
    main()
