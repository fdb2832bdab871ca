"""Clusters grow from strong pairs but do not chain people who are plainly apart."""

from __future__ import annotations

import numpy as np

from candidly.quality.dedupe.cluster import Clustering, cluster_pairs


def cluster(
    size: int,
    edges: list[tuple[int, int, float]],
    other_pairs: dict[tuple[int, int], float] | None = None,
    **options: object,
) -> Clustering:
    """Cluster with ``edges`` as the scored pairs and ``other_pairs`` answering on-the-spot scoring."""
    other_pairs = other_pairs or {}

    def score(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        return np.array(
            [other_pairs.get((min(a, b), max(a, b)), 0.5) for a, b in zip(left, right, strict=True)]
        )

    left = np.array([a for a, _, _ in edges], dtype=np.int64)
    right = np.array([b for _, b, _ in edges], dtype=np.int64)
    prob = np.array([p for _, _, p in edges])
    settings = {"merge_threshold": 0.95, "max_cluster_size": 20, **options}
    return cluster_pairs(size, left, right, prob, score_pairs=score, **settings)  # type: ignore[arg-type]


def test_two_strong_pairs_make_two_clusters_and_singletons_keep_their_own_label() -> None:
    result = cluster(5, [(0, 1, 0.99), (2, 3, 0.97)])
    assert result.clusters() == [[0, 1], [2, 3]]
    assert result.labels[4] == 4


def test_pairs_below_the_merge_threshold_do_not_cluster() -> None:
    assert cluster(3, [(0, 1, 0.9)]).clusters() == []


def test_a_bridge_record_does_not_chain_a_mother_and_her_son() -> None:
    # 1 ("N. Okafor", the household phone) matches the mother 0 and the son 2; 0 and 2 are
    # strongly different people.
    result = cluster(3, [(0, 1, 0.99), (1, 2, 0.98)], {(0, 2): 1e-6})
    assert result.clusters() == [[0, 1]]
    assert [(a, b) for a, b, _ in result.held_back] == [(1, 2)]


def test_three_records_of_one_person_cluster_even_when_two_of_them_were_never_compared() -> None:
    result = cluster(3, [(0, 1, 0.99), (1, 2, 0.99)], {(0, 2): 0.9})
    assert result.clusters() == [[0, 1, 2]]


def test_a_chain_stops_at_the_maximum_cluster_size() -> None:
    edges = [(i, i + 1, 0.99) for i in range(29)]
    all_pairs = {(a, b): 0.99 for a in range(30) for b in range(a + 1, 30)}
    result = cluster(30, edges, all_pairs, max_cluster_size=10)
    assert max(len(c) for c in result.clusters()) <= 10
    assert result.held_back


def test_a_pair_a_person_rejected_is_never_joined() -> None:
    result = cluster(2, [(0, 1, 0.999)], cannot_link=[(1, 0)])
    assert result.clusters() == []
    assert result.held_back == [(0, 1, 0.999)]
