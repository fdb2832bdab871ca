"""Measured on the labelled corpus: recall per category, false positives on clean messages.

The floors: recall ≥ 0.95 in every category, precision ≥ 0.95 in every category, and at most
2% of clean messages with any finding. Two straw checkers show the floors are not free.
"""

from __future__ import annotations

from collections import Counter

import pytest

from candidly.guard import Finding, GuardPolicy, check
from tests.guard.corpus import CATEGORIES, load_corpus, score

RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.95
FALSE_POSITIVE_CEILING = 0.02

MESSAGES = load_corpus()
SCORES = score(check, MESSAGES)


def test_the_corpus_is_large_and_covers_every_category_and_kind() -> None:
    assert len(MESSAGES) >= 200
    assert len({m.id for m in MESSAGES}) == len(MESSAGES), "ids must be unique"
    per_category = Counter(c for m in MESSAGES for c in m.categories)
    assert set(per_category) == set(CATEGORIES)
    assert min(per_category.values()) >= 10
    assert sum(1 for m in MESSAGES if not m.categories) >= 100
    assert sum(1 for m in MESSAGES if not m.categories and m.note) >= 40, "hard negatives"
    kinds = {m.kind for m in MESSAGES}
    assert {
        "outreach",
        "acknowledgment",
        "status_update",
        "rejection",
        "offer",
        "prep_guide",
    } <= kinds


@pytest.mark.parametrize("category", CATEGORIES)
def test_recall_meets_the_floor(category: str) -> None:
    missed = [i for i, c in SCORES.misses if c == category]
    assert SCORES.recall(category) >= RECALL_FLOOR, (
        f"{category} missed in {missed}\n{SCORES.table()}"
    )


@pytest.mark.parametrize("category", CATEGORIES)
def test_precision_meets_the_floor(category: str) -> None:
    extra = [i for i, c in SCORES.extras if c == category]
    assert SCORES.precision(category) >= PRECISION_FLOOR, (
        f"{category} wrongly found in {extra}\n{SCORES.table()}"
    )


def test_clean_messages_rarely_have_findings() -> None:
    flagged = sorted({i for i, _ in SCORES.extras} & {m.id for m in MESSAGES if not m.categories})
    assert SCORES.false_positive_rate <= FALSE_POSITIVE_CEILING, f"{flagged}\n{SCORES.table()}"


def test_the_held_out_messages_meet_the_floors_too() -> None:
    held_out = [m for m in MESSAGES if m.set.startswith("held_out")]
    assert len(held_out) >= 80
    scores = score(check, held_out)
    assert scores.false_positive_rate <= FALSE_POSITIVE_CEILING, scores.table()
    assert all(scores.recall(c) >= RECALL_FLOOR for c in CATEGORIES if scores.expected[c]), (
        scores.table()
    )


def _flags_nothing(text: str, policy: GuardPolicy) -> list[Finding]:
    return []


def _flags_everything(text: str, policy: GuardPolicy) -> list[Finding]:
    return [Finding(c, 0, len(text), text, "block", "everything") for c in CATEGORIES]


def test_a_checker_that_flags_nothing_fails_the_recall_floor() -> None:
    lazy = score(_flags_nothing, MESSAGES)
    assert lazy.false_positive_rate == 0
    assert all(lazy.recall(c) < RECALL_FLOOR for c in CATEGORIES)


def test_a_checker_that_flags_everything_fails_the_false_positive_ceiling() -> None:
    paranoid = score(_flags_everything, MESSAGES)
    assert all(paranoid.recall(c) == 1 for c in CATEGORIES)
    assert paranoid.false_positive_rate > FALSE_POSITIVE_CEILING
    assert all(paranoid.precision(c) < PRECISION_FLOOR for c in CATEGORIES)
