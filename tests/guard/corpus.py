"""The labelled corpus (``corpus.jsonl``) and the measures taken on it: recall per category,
false positives on clean messages, precision per category.

Every message was checked under one policy, :data:`CORPUS_POLICY`, so the whole corpus can
also be checked from the shell:

    candidly guard check --jsonl tests/guard/corpus.jsonl --max-words 150 \\
        --competitors Globex,Initech,Hooli,"Umbrella Corp" --allow-domain acme.com --allow-domain zoom.us
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from candidly.guard import Category, Finding, GuardPolicy

CORPUS = Path(__file__).with_name("corpus.jsonl")
CORPUS_POLICY = GuardPolicy(
    max_words=150,
    competitors=("Globex", "Initech", "Hooli", "Umbrella Corp"),
    allowed_domains=("acme.com", "zoom.us"),
)
CATEGORIES = tuple(c.value for c in Category)

Checker = Callable[[str, GuardPolicy], list[Finding]]


@dataclass(frozen=True)
class Message:
    id: str
    set: str
    kind: str
    categories: frozenset[str]
    text: str
    note: str = ""


def load_corpus(path: Path = CORPUS) -> list[Message]:
    messages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        messages.append(
            Message(
                row["id"],
                row["set"],
                row["kind"],
                frozenset(row["categories"]),
                row["text"],
                row.get("note", ""),
            )
        )
    return messages


@dataclass
class Scores:
    """What a checker got right and wrong on a corpus, by category."""

    expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    flagged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    clean: int = 0
    clean_flagged: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)

    def recall(self, category: str) -> float:
        """Of the messages labelled with ``category``, the share in which it was found."""
        return self.found[category] / self.expected[category]

    def precision(self, category: str) -> float:
        """Of the messages in which ``category`` was found, the share labelled with it."""
        return self.found[category] / self.flagged[category] if self.flagged[category] else 1.0

    @property
    def false_positive_rate(self) -> float:
        """Of the clean messages, the share with any finding at all."""
        return self.clean_flagged / self.clean

    def table(self) -> str:
        rows = [f"{'category':26} {'recall':>12} {'precision':>10}"]
        for c in CATEGORIES:
            rows.append(
                f"{c:26} {self.found[c]:>3}/{self.expected[c]:<3} {self.recall(c):5.3f}"
                f" {self.precision(c):10.3f}"
            )
        rows.append(
            f"clean messages with a finding: {self.clean_flagged}/{self.clean}"
            f" = {self.false_positive_rate:.3f}"
        )
        return "\n".join(rows)


def score(checker: Checker, messages: list[Message], policy: GuardPolicy = CORPUS_POLICY) -> Scores:
    """Run ``checker`` over ``messages`` and count hits, misses and false alarms."""
    scores = Scores()
    for message in messages:
        got = {f.category for f in checker(message.text, policy)}
        for category in message.categories:
            scores.expected[category] += 1
            if category in got:
                scores.found[category] += 1
            else:
                scores.misses.append((message.id, category))
        for category in got:
            scores.flagged[category] += 1
            if category not in message.categories:
                scores.extras.append((message.id, category))
        if not message.categories:
            scores.clean += 1
            scores.clean_flagged += bool(got)
    return scores
