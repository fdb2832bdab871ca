"""The dedupe pipeline on a ``RecordTable``: block, compare, train, score, cluster.

``find_duplicates`` is the one function both doors use: file mode (any CSV of people) and store
mode (the candidates table). It never touches a database or a file.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

import numpy as np
import numpy.typing as npt

from candidly.quality.dedupe.blocking import BlockingStats, candidate_pairs, name_attributes_ready
from candidly.quality.dedupe.cluster import Clustering, ScorePairs, cluster_pairs
from candidly.quality.dedupe.compare import (
    Comparison,
    I8Array,
    compare_pairs,
    comparisons_for,
)
from candidly.quality.dedupe.model import (
    PERSONAL_KINDS,
    F64Array,
    LevelParameters,
    MatchModel,
    center_tf,
    level_frequencies,
    probability,
    tf_adjustments,
    tf_shift,
    train_model,
)
from candidly.quality.dedupe.records import FieldSpec, IntArray, RecordTable, build_table

#: Pairs compared per batch: bounds the temporary memory of one batch to a few hundred MB.
BATCH_PAIRS: Final = 500_000
#: Term-frequency shifts are kept per pair in eighths of a bit, in one byte.
_TF_SCALE: Final = 8.0


class Progress(Protocol):
    """Where long work reports how far it is (a progress bar on stderr, or nothing)."""

    def stage(self, description: str, total: int | None = None) -> None:
        """Start a named stage of ``total`` steps (None when unknown)."""

    def advance(self, amount: int = 1) -> None:
        """Mark ``amount`` steps of the current stage done."""


class SilentProgress:
    """A ``Progress`` that reports nothing."""

    def stage(self, description: str, total: int | None = None) -> None:
        return None

    def advance(self, amount: int = 1) -> None:
        return None


@dataclass(frozen=True)
class DedupeOptions:
    """Thresholds and bounds of a dedupe run.

    A pair at or above ``merge_threshold`` may be merged automatically; one between
    ``review_threshold`` and it goes to a person. Clusters hold at most ``max_cluster_size``
    records; blocks of more than ``max_block_size`` records are windowed (``block_window``).
    """

    merge_threshold: float = 0.95
    review_threshold: float = 0.5
    max_cluster_size: int = 20
    max_block_size: int = 200
    block_window: int = 10
    random_pairs: int = 100_000
    seed: int = 20_240_601

    def __post_init__(self) -> None:
        if not 0.0 < self.review_threshold <= self.merge_threshold < 1.0:
            raise ValueError(
                "thresholds must satisfy 0 < review threshold <= merge threshold < 1, got "
                f"review {self.review_threshold} and merge {self.merge_threshold}"
            )
        if self.max_cluster_size < 2:
            raise ValueError("a cluster must be allowed at least 2 records")


@dataclass
class ScoredPairs:
    """Pairs of record indices with their probability, levels and name-swap flag."""

    left: IntArray
    right: IntArray
    prob: F64Array
    levels: I8Array
    swapped: npt.NDArray[np.bool_]

    def __len__(self) -> int:
        return len(self.left)

    def take(self, mask: npt.NDArray[np.bool_] | IntArray) -> ScoredPairs:
        return ScoredPairs(
            self.left[mask],
            self.right[mask],
            self.prob[mask],
            self.levels[mask],
            self.swapped[mask],
        )


@dataclass
class DedupeResult:
    """What a dedupe run found: the model, the pairs worth a look, and the clusters."""

    table: RecordTable
    comparisons: list[Comparison]
    model: MatchModel
    options: DedupeOptions
    candidate_pairs: int
    blocking: BlockingStats
    pairs: ScoredPairs  # every pair at or above the review threshold
    clustering: Clustering
    seconds: dict[str, float] = field(default_factory=dict)
    #: Record pairs a person said are different (``low * size + high``): never proposed again.
    rejected: frozenset[int] = frozenset()
    scorer: ScorePairs | None = field(default=None, repr=False)
    cannot_link: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def recluster(self, merge_threshold: float) -> Clustering:
        """Clusters at another merge threshold (not below the review threshold), without
        comparing again: for choosing a threshold on data with known truth."""
        if merge_threshold < self.options.review_threshold or self.scorer is None:
            raise ValueError("recluster needs a threshold at or above the review threshold")
        return _cluster(
            self.table.size,
            self.pairs.left,
            self.pairs.right,
            self.pairs.prob,
            self.options,
            self.scorer,
            merge_threshold,
            self.cannot_link,
        )

    def clusters(self) -> list[list[int]]:
        """Groups (record indices) of two or more records judged to be one person."""
        return self.clustering.clusters()

    def review_pairs(self) -> ScoredPairs:
        """Pairs a person should look at: between the thresholds, or above the merge threshold
        but held back by the clustering; never two records already in one cluster."""
        labels = self.clustering.labels
        apart = labels[self.pairs.left] != labels[self.pairs.right]
        if self.rejected:
            codes = self.pairs.left * self.table.size + self.pairs.right
            apart &= ~np.isin(codes, np.fromiter(self.rejected, dtype=np.int64))
        return self.pairs.take(np.flatnonzero(apart))

    def describe(self, pairs: ScoredPairs, k: int) -> dict[str, Any]:
        """One pair's comparison levels by field (``exact``, ``nickname``, ``missing``…)."""
        details: dict[str, Any] = {
            c.name: c.label(int(pairs.levels[k, i])) for i, c in enumerate(self.comparisons)
        }
        if bool(pairs.swapped[k]):
            details["names_swapped"] = True
        return details

    def summary(self) -> dict[str, Any]:
        """Counts for people and scripts."""
        clusters = self.clusters()
        review = self.review_pairs()
        return {
            "records": self.table.size,
            "pairs_compared": self.candidate_pairs,
            "clusters": len(clusters),
            "records_in_clusters": sum(len(c) for c in clusters),
            "auto_merge_candidates": sum(len(c) - 1 for c in clusters),
            "review_pairs": len(review),
            "held_back_pairs": len(self.clustering.held_back),
            "merge_threshold": self.options.merge_threshold,
            "review_threshold": self.options.review_threshold,
            "prior": round(self.model.prior, 6),
            "household_share": round(self.model.household, 6),
            "learned_from_data": not self.model.typical_m_used,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


class _Scorer:
    """Scores arbitrary pairs with a trained model (for pairs clustering needs on the spot)."""

    def __init__(
        self, comparisons: list[Comparison], model: MatchModel, adjustments: list[F64Array]
    ) -> None:
        self.comparisons = comparisons
        self.model = model
        self.adjustments = adjustments

    def levels(
        self, left: IntArray, right: IntArray
    ) -> tuple[I8Array, npt.NDArray[np.bool_], npt.NDArray[np.int8]]:
        compared = compare_pairs(self.comparisons, left, right)
        tf = np.zeros(compared.levels.shape, dtype=np.int8)
        for c, adjustment in enumerate(self.adjustments):
            exact = compared.tf_value[:, c] >= 0
            tf[exact, c] = np.round(adjustment[compared.tf_value[exact, c]] * _TF_SCALE).astype(
                np.int8
            )
        return compared.levels, compared.swapped, tf

    def log_odds(self, levels: I8Array, tf: npt.NDArray[np.int8]) -> F64Array:
        shift, personal = tf_shift(self.model, levels, tf, _TF_SCALE)
        return self.model.log_odds(levels, shift, personal)

    def __call__(self, left: IntArray, right: IntArray) -> F64Array:
        levels, _, tf = self.levels(left, right)
        return probability(self.log_odds(levels, tf))


def pair_probability(
    model: MatchModel,
    fields: Sequence[FieldSpec],
    first: Mapping[str, str | None],
    second: Mapping[str, str | None],
) -> tuple[float, dict[str, str]]:
    """The probability that two records are one person under ``model``, and their levels.

    ``fields`` must be those the model was trained on. Term frequencies are left out: they
    belong to the table the model was trained on, not to two records on their own.
    """
    table = build_table(
        ["first", "second"], fields, lambda column: [first.get(column), second.get(column)]
    )
    comparisons = comparisons_for(table)
    order = {p.name: i for i, p in enumerate(model.parameters)}
    if sorted(order) != sorted(c.name for c in comparisons):
        raise ValueError("these fields are not the ones the model was trained on")
    compared = compare_pairs(comparisons, np.array([0]), np.array([1]))
    levels = np.zeros((1, len(order)), dtype=np.int8)
    labels: dict[str, str] = {}
    for c, comparison in enumerate(comparisons):
        level = int(compared.levels[0, c])
        levels[0, order[comparison.name]] = level
        labels[comparison.name] = comparison.label(level)
    return float(probability(model.log_odds(levels))[0]), labels


def _random_pairs(size: int, count: int, seed: int) -> tuple[IntArray, IntArray]:
    if size < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if size * (size - 1) // 2 <= count:
        upper = np.triu_indices(size, 1)
        return upper[0].astype(np.int64), upper[1].astype(np.int64)
    rng = np.random.default_rng(seed)
    left = rng.integers(0, size, count, dtype=np.int64)
    right = rng.integers(0, size - 1, count, dtype=np.int64)
    right = np.where(right >= left, right + 1, right)
    return left, right


def find_duplicates(
    table: RecordTable,
    options: DedupeOptions | None = None,
    *,
    progress: Progress | None = None,
    cannot_link: list[tuple[int, int]] | None = None,
) -> DedupeResult:
    """Find the records in ``table`` that are the same person.

    ``cannot_link`` lists record-index pairs a person has said are different: they never
    end up in one cluster.
    """
    options = options or DedupeOptions()
    progress = progress or SilentProgress()
    seconds: dict[str, float] = {}
    started = time.perf_counter()

    comparisons = comparisons_for(table)
    if not comparisons:
        raise ValueError("there is no field to compare: give at least one field")
    name_attributes_ready(table)
    progress.stage("blocking", None)
    left, right, blocking = candidate_pairs(
        table, max_block_size=options.max_block_size, window=options.block_window
    )
    seconds["blocking"] = time.perf_counter() - started

    mark = time.perf_counter()
    adjustments = [tf_adjustments(c) for c in comparisons]
    scorer = _Scorer(comparisons, MatchModel([], 0.5, 0.0, 0, False), adjustments)
    total = len(left)
    levels = np.zeros((total, len(comparisons)), dtype=np.int8)
    tf = np.zeros((total, len(comparisons)), dtype=np.int8)
    swapped = np.zeros(total, dtype=bool)
    progress.stage("comparing pairs", total)
    for start in range(0, total, BATCH_PAIRS):
        stop = min(start + BATCH_PAIRS, total)
        levels[start:stop], swapped[start:stop], tf[start:stop] = scorer.levels(
            left[start:stop], right[start:stop]
        )
        progress.advance(stop - start)
    seconds["comparing"] = time.perf_counter() - mark

    mark = time.perf_counter()
    progress.stage("training the model", None)
    sample_left, sample_right = _random_pairs(table.size, options.random_pairs, options.seed)
    random_levels = compare_pairs(comparisons, sample_left, sample_right).levels
    random_u = level_frequencies(random_levels, comparisons)
    if total:
        model = train_model(levels, comparisons, random_u)
        # Random pairs are almost all different people, but not quite: in a file where most
        # records have a twin, one random pair in ten thousand is a duplicate, and for a
        # level strangers almost never reach (the same national id) that is most of what
        # random pairs show. So u is measured again with each random pair counted by how
        # unlikely it is to be a duplicate, and the model trained again.
        not_match = 1.0 - probability(model.log_odds(random_levels))
        random_u = level_frequencies(random_levels, comparisons, not_match)
        model = train_model(levels, comparisons, random_u)
    else:
        model = _untrained(comparisons)
    scorer.model = model
    if total:
        center_tf(model, levels, tf, _TF_SCALE, 1.0 - probability(model.log_odds(levels)))
    prob = probability(scorer.log_odds(levels, tf)) if total else np.zeros(0)
    seconds["training"] = time.perf_counter() - mark

    mark = time.perf_counter()
    progress.stage("clustering", None)
    clustering = _cluster(
        table.size, left, right, prob, options, scorer, options.merge_threshold, cannot_link or []
    )
    keep = np.flatnonzero(prob >= options.review_threshold)
    pairs = ScoredPairs(left[keep], right[keep], prob[keep], levels[keep], swapped[keep])
    seconds["clustering"] = time.perf_counter() - mark
    seconds["total"] = time.perf_counter() - started
    rejected = frozenset(min(a, b) * table.size + max(a, b) for a, b in (cannot_link or ()))
    return DedupeResult(
        table,
        comparisons,
        model,
        options,
        total,
        blocking,
        pairs,
        clustering,
        seconds,
        rejected,
        scorer,
        list(cannot_link or []),
    )


def _cluster(
    size: int,
    left: IntArray,
    right: IntArray,
    prob: F64Array,
    options: DedupeOptions,
    scorer: ScorePairs,
    threshold: float,
    cannot_link: list[tuple[int, int]],
) -> Clustering:
    edge_records = np.zeros(size, dtype=bool)
    strong = prob >= threshold
    edge_records[left[strong]] = True
    edge_records[right[strong]] = True
    near = ~strong & edge_records[left] & edge_records[right]
    return cluster_pairs(
        size,
        left[strong],
        right[strong],
        prob[strong],
        merge_threshold=threshold,
        max_cluster_size=options.max_cluster_size,
        score_pairs=scorer,
        known_left=left[near],
        known_right=right[near],
        known_prob=prob[near],
        cannot_link=cannot_link,
    )


def _untrained(comparisons: list[Comparison]) -> MatchModel:
    """A model for a table with no candidate pairs: nothing to learn, nothing to score."""
    parameters = [
        LevelParameters(
            c.name,
            c.labels,
            c.kind in PERSONAL_KINDS,
            np.ones(c.level_count),
            np.ones(c.level_count),
            np.ones(c.level_count),
        )
        for c in comparisons
    ]
    return MatchModel(parameters, 1e-6, 1e-6, 0, True)
