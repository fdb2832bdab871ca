"""Accuracy floors on generated candidates with known duplicates, and that they mean something."""

from __future__ import annotations

from candidly.quality.dedupe import DedupeResult, build_table, find_duplicates
from candidly.quality.dedupe.evaluate import pairwise_scores
from candidly.quality.dedupe.synthetic import CANDIDATE_FIELDS, SyntheticPeople, generate_people

PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.97


def passes_the_floor(labels: list[int], people: SyntheticPeople) -> bool:
    scores = pairwise_scores(labels, people.person)
    return scores.precision >= PRECISION_FLOOR and scores.recall >= RECALL_FLOOR


def test_dedupe_finds_the_duplicates_and_little_else(
    trained: DedupeResult, people: SyntheticPeople
) -> None:
    labels = trained.clustering.labels.tolist()
    scores = pairwise_scores(labels, people.person)
    assert scores.true_pairs > 500
    assert passes_the_floor(labels, people), scores


def test_the_floor_cannot_be_passed_by_doing_nothing_or_everything(
    people: SyntheticPeople,
) -> None:
    everyone_alone = list(range(len(people.person)))
    everyone_together = [0] * len(people.person)
    same_name_same_person = [
        hash(((r["first_name"] or "").lower(), (r["last_name"] or "").lower()))
        for r in people.records
    ]
    assert not passes_the_floor(everyone_alone, people)
    assert not passes_the_floor(everyone_together, people)
    assert not passes_the_floor(same_name_same_person, people)


def test_relatives_and_namesakes_stay_apart(trained: DedupeResult, people: SyntheticPeople) -> None:
    labels = trained.clustering.labels
    merged = sum(labels[a] == labels[b] for a, b in people.hard_negatives)
    assert len(people.hard_negatives) > 50
    assert merged <= 0.03 * len(people.hard_negatives)


def test_a_file_without_duplicates_has_no_clusters() -> None:
    people = generate_people(1500, seed=9, duplicate_share=0.0)
    records = people.records
    table = build_table(
        [r["id"] for r in records], CANDIDATE_FIELDS, lambda c: [r[c] for r in records]
    )
    result = find_duplicates(table)
    scores = pairwise_scores(result.clustering.labels.tolist(), people.person)
    assert scores.predicted_pairs <= 5
