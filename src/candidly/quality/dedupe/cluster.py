"""Clusters: groups of records that are one person, from the pairs scored above the threshold.

Plain connected components chain: A~B and B~C put A and C together even when A and C are
plainly two people (a mother and son who share a phone, bridged by a record with only an
initial). So clusters grow edge by edge, strongest first, and two groups join only when

- the joined group stays within ``max_cluster_size`` records,
- no pair across them was rejected by a person (in the review list or by an unmerge), and
- on balance the pairs across them are the same person: their average match weight (log2
  odds, each bounded to ±30 so one certain pair cannot outvote the rest) is not negative.
  A mother and son bridged by an ambiguous record fail this: the bridge matches both, but
  mother and son are strongly apart.

Pairs across two groups that were never scored (blocking did not bring them together) are
scored on the spot, for groups inside one component. An edge that could not join its two
groups is *held back*: it goes to a person for review instead of being merged.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from candidly.quality.dedupe.arrays import distinct

IntArray = npt.NDArray[np.int64]
F64Array = npt.NDArray[np.float64]

#: Bound on one pair's log2 odds when groups are weighed against each other.
_WEIGHT_BOUND: Final = 30.0

ScorePairs = Callable[[IntArray, IntArray], F64Array]
"""Probability that records ``left[k]`` and ``right[k]`` are one person."""


@dataclass
class Clustering:
    """A cluster label per record, and the merge-worthy edges that clustering refused."""

    labels: IntArray
    held_back: list[tuple[int, int, float]]

    def clusters(self) -> list[list[int]]:
        """Groups of two or more records, each sorted, in order of their first record."""
        order = np.argsort(self.labels, kind="stable")
        sorted_labels = self.labels[order]
        boundaries = np.flatnonzero(np.diff(sorted_labels)) + 1
        groups = np.split(order, boundaries)
        result = [sorted(g.tolist()) for g in groups if len(g) > 1]
        result.sort(key=lambda g: g[0])
        return result


def _components(size: int, left: IntArray, right: IntArray) -> IntArray:
    """Connected-component label (a member's index) per record, by union-find."""
    parent = np.arange(size, dtype=np.int64)
    links: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while (up := links.get(root, root)) != root:
            root = up
        while (up := links.get(x, x)) != root:
            links[x] = root
            x = up
        return root

    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            links[max(ra, rb)] = min(ra, rb)
    touched = distinct(np.concatenate((left, right)))
    parent[touched] = [find(i) for i in touched.tolist()]
    return parent


def _log_odds(p: float) -> float:
    """A probability as log2 odds, bounded so one certain pair cannot outvote all others."""
    if p <= 0.0:
        return -_WEIGHT_BOUND
    if p >= 1.0:
        return _WEIGHT_BOUND
    return max(-_WEIGHT_BOUND, min(_WEIGHT_BOUND, math.log2(p / (1.0 - p))))


def _pair_code(a: IntArray, b: IntArray, size: int) -> IntArray:
    return np.minimum(a, b) * size + np.maximum(a, b)


def cluster_pairs(
    size: int,
    left: IntArray,
    right: IntArray,
    prob: F64Array,
    *,
    merge_threshold: float,
    max_cluster_size: int,
    score_pairs: ScorePairs,
    known_left: IntArray | None = None,
    known_right: IntArray | None = None,
    known_prob: F64Array | None = None,
    cannot_link: Iterable[tuple[int, int]] = (),
) -> Clustering:
    """Cluster records from scored pairs; see the module docstring for the rules.

    ``left/right/prob`` are the pairs at or above ``merge_threshold`` (others are ignored);
    ``known_*`` are scored pairs below it that may veto a join; ``cannot_link`` are record
    pairs a person said are different.
    """
    keep = prob >= merge_threshold
    left, right, prob = left[keep], right[keep], prob[keep]
    labels = np.arange(size, dtype=np.int64)
    held: list[tuple[int, int, float]] = []
    if len(left) == 0:
        return Clustering(labels, held)
    vetoed = {min(a, b) * size + max(a, b) for a, b in cannot_link}
    component = _components(size, left, right)
    edge_component = component[left]

    # Components of two records are one edge: nothing can chain, only a veto can stop it.
    members_count = np.zeros(size, dtype=np.int64)
    np.add.at(members_count, component[distinct(np.concatenate((left, right)))], 1)
    pair_component = members_count[edge_component] == 2
    for a, b, p in zip(
        left[pair_component].tolist(),
        right[pair_component].tolist(),
        prob[pair_component].tolist(),
        strict=True,
    ):
        if min(a, b) * size + max(a, b) in vetoed:
            held.append((a, b, p))
        else:
            labels[a] = labels[b] = min(a, b)

    big = ~pair_component
    if not big.any():
        return Clustering(labels, held)
    left, right, prob = left[big], right[big], prob[big]
    members_of: dict[int, list[int]] = {}
    touched = distinct(np.concatenate((left, right)))
    for record, root in zip(touched.tolist(), component[touched].tolist(), strict=True):
        members_of.setdefault(root, []).append(record)

    # Probabilities of every pair inside these components: scored ones, then the rest now.
    codes = [_pair_code(left, right, size)]
    probs = [prob]
    if known_left is not None and known_right is not None and known_prob is not None:
        inside = (component[known_left] == component[known_right]) & (
            members_count[component[known_left]] > 2
        )
        codes.append(_pair_code(known_left[inside], known_right[inside], size))
        probs.append(known_prob[inside])
    known = set(np.concatenate(codes).tolist())
    missing_left: list[int] = []
    missing_right: list[int] = []
    for members in members_of.values():
        if len(members) > 4 * max_cluster_size:
            continue  # too big to score all pairs: its size cap and known pairs decide
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a * size + b not in known:
                    missing_left.append(a)
                    missing_right.append(b)
    if missing_left:
        ml = np.array(missing_left, dtype=np.int64)
        mr = np.array(missing_right, dtype=np.int64)
        codes.append(_pair_code(ml, mr, size))
        probs.append(score_pairs(ml, mr))
    pair_prob: dict[int, float] = dict(
        zip(np.concatenate(codes).tolist(), np.concatenate(probs).tolist(), strict=True)
    )

    def conflict(group_a: list[int], group_b: list[int]) -> bool:
        total, known_pairs = 0.0, 0
        for a in group_a:
            for b in group_b:
                code = min(a, b) * size + max(a, b)
                if code in vetoed:
                    return True
                p = pair_prob.get(code)
                if p is not None:
                    total += _log_odds(p)
                    known_pairs += 1
        return total < 0.0

    group_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    order = np.lexsort((right, left, -prob))
    for k in order.tolist():
        a, b, p = int(left[k]), int(right[k]), float(prob[k])
        ga, gb = group_of.get(a, a), group_of.get(b, b)
        if ga == gb:
            continue
        members_a = groups.get(ga, [a])
        members_b = groups.get(gb, [b])
        if len(members_a) + len(members_b) > max_cluster_size or conflict(members_a, members_b):
            held.append((a, b, p))
            continue
        root = min(ga, gb)
        joined = groups.pop(ga, [a]) + groups.pop(gb, [b])
        groups[root] = joined
        for record in joined:
            group_of[record] = root
    for members in groups.values():
        labels[members] = min(members)
    # A held-back edge whose ends ended up together anyway (through other edges) is not held.
    held = [(a, b, p) for a, b, p in held if labels[a] != labels[b]]
    return Clustering(labels, held)
