"""Pairwise precision, recall and F1 of a clustering against known truth (tests and benchmarks)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PairScores:
    """How a clustering's same-cluster pairs compare with the true same-person pairs."""

    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pair_count(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise_scores(predicted: Sequence[Hashable], truth: Sequence[Hashable]) -> PairScores:
    """Compare a cluster label per record with the true entity per record, pair by pair.

    Counts pairs from group sizes (a cluster of n records holds n(n-1)/2 pairs; the correct ones
    are those inside each cluster-and-entity cell), so one giant cluster costs nothing to score.
    """
    if len(predicted) != len(truth):
        raise ValueError("one predicted label and one true entity per record, please")
    return PairScores(
        _pair_count(Counter(truth).values()),
        _pair_count(Counter(predicted).values()),
        _pair_count(Counter(zip(predicted, truth, strict=True)).values()),
    )
