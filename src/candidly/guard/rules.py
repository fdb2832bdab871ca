"""The machinery every category shares: a pattern rule, a draft prepared once, and scanning.

Rules are compiled once, at import. Running ~100 case-insensitive patterns over every
position of a draft is what makes naive checking slow, so each rule names its *triggers*:
words (one of which must occur as a whole token for the rule to possibly match) or marks
(substrings, for symbols like ``{{`` or ``$``). A rule whose triggers are absent is skipped,
and a rule that runs scans only the sentences that hold one of its triggers (or lines, for
the few patterns that may span a sentence end; patterns write ``[ \\t]`` where prose allows
spaces, so none crosses a line break unless it is ``DOTALL``). ``tests/guard/test_rules.py``
checks both shortcuts: every match holds a trigger, and scanning by sentences finds exactly
what scanning the whole draft does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from candidly.guard.findings import SEVERITIES, Finding

#: A draft's tokens for the trigger test: runs of ASCII letters and runs of digits (triggers
#: are ASCII words).
TOKEN = re.compile(r"[a-z]+|[0-9]+")
#: Characters that case-insensitive matching equates with an ASCII letter although case
#: folding does not (ı ~ i, ſ ~ s, K ~ k; İ folds to two characters): folded as ASCII so
#: a trigger test never misses what the pattern would match.
_EQUIVALENTS = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "K": "k"})
_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n")
_NEWLINE = re.compile(r"\n")


class Draft:
    """A draft's text with what the rules share, each computed at most once per check."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = text.lower() if text.isascii() else text.translate(_EQUIVALENTS).casefold()
        self.tokens = frozenset(TOKEN.findall(self.folded))

    @cached_property
    def line_starts(self) -> list[int]:
        """Where each line begins."""
        return [0] + [m.end() for m in _NEWLINE.finditer(self.text)]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where each sentence begins (a line break also ends a sentence)."""
        return [0] + [m.end() for m in _SENTENCE_END.finditer(self.text)]

    def stretches_holding(self, needles: Iterable[str], starts: list[int]) -> list[tuple[int, int]]:
        """The units (from ``starts``) in which a needle occurs in the folded text, as stretches.

        A unit runs from its start to the next unit's start; adjacent units make one stretch.
        """
        folded = self.folded
        hit: set[int] = set()
        for needle in needles:
            position = folded.find(needle)
            while position >= 0:
                unit = bisect_right(starts, position) - 1
                hit.add(unit)
                if unit + 1 >= len(starts):
                    break
                # One occurrence is enough: go on from the next unit.
                position = folded.find(needle, starts[unit + 1])
        stretches: list[tuple[int, int]] = []
        for unit in sorted(hit):
            end = starts[unit + 1] if unit + 1 < len(starts) else len(self.text)
            if stretches and stretches[-1][1] == starts[unit]:
                stretches[-1] = (stretches[-1][0], end)
            else:
                stretches.append((starts[unit], end))
        return stretches

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding ``position`` begins."""
        starts = self.sentence_starts
        return starts[bisect_right(starts, position) - 1]

    def before(self, match: re.Match[str]) -> str:
        """The text of ``match``'s sentence up to where the match begins."""
        return self.text[self.sentence_start(match.start()) : match.start()]

    def sentence(self, match: re.Match[str]) -> str:
        """The whole sentence that holds the start of ``match`` (and the rest of the match)."""
        starts = self.sentence_starts
        following = bisect_right(starts, match.start())
        end = starts[following] if following < len(starts) else len(self.text)
        return self.text[starts[following - 1] : max(end, match.end())]


#: A further test of a match in a draft: keep it?
Accept = Callable[[Draft, re.Match[str]], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern and why its matches are findings.

    The finding's span is the pattern's ``span`` group when it has one (so a rule can require
    context without reporting it), else the whole match.
    """

    pattern: re.Pattern[str]
    reason: str
    words: frozenset[str] = frozenset()
    marks: tuple[str, ...] = ()
    accept: Accept | None = None
    scope: str = "sentence"

    def could_match(self, tokens: frozenset[str], folded: str) -> bool:
        """False only when none of the rule's triggers occurs in ``tokens`` or ``folded``."""
        if not self.words and not self.marks:
            return True
        return not self.words.isdisjoint(tokens) or any(m in folded for m in self.marks)

    def windows(self, draft: Draft) -> list[tuple[int, int]]:
        """The stretches of ``draft`` this rule must scan: the sentences (or lines) with a trigger.

        The whole draft when the rule's scope is the text, when it has no triggers, or when
        case folding changed the draft's length (then folded offsets are not offsets).
        """
        text = draft.text
        if self.scope == "text" or len(draft.folded) != len(text) or not (self.words or self.marks):
            return [(0, len(text))]
        present = [w for w in self.words if w in draft.tokens]
        present.extend(m for m in self.marks if m in draft.folded)
        starts = draft.line_starts if self.scope == "line" else draft.sentence_starts
        return draft.stretches_holding(present, starts)

    def matches(self, draft: Draft, *, triggered: bool = False) -> Iterator[re.Match[str]]:
        """Every accepted match of the rule in ``draft`` (``triggered``: triggers known present)."""
        if not triggered and not self.could_match(draft.tokens, draft.folded):
            return
        for start, end in self.windows(draft):
            for match in self.pattern.finditer(draft.text, start, end):
                if self.accept is None or self.accept(draft, match):
                    yield match


def rule(
    pattern: str,
    reason: str,
    *triggers: str,
    flags: re.RegexFlag = re.IGNORECASE,
    accept: Accept | None = None,
    scope: str = "sentence",
) -> Rule:
    """Compile ``pattern`` (case-insensitive unless ``flags`` say otherwise) into a rule.

    ``scope`` is the largest unit a match can span: ``"sentence"`` (the default: the pattern
    cannot consume a sentence end such as ". "), ``"line"`` (it cannot cross a line break) or
    ``"text"`` (anything; implied by ``re.DOTALL``).

    A trigger made only of letters, or only of digits, is a word (it must be a whole token of
    the draft); any other trigger is a mark (a substring of the case-folded draft). A trailing
    ``*`` makes a word a mark too: ``"xxx*"`` also finds "XXXX".
    """
    folded = [t.casefold() for t in triggers]
    words_ = frozenset(t for t in folded if TOKEN.fullmatch(t))
    marks = tuple(t.removesuffix("*") for t in folded if not TOKEN.fullmatch(t))
    if flags & re.DOTALL:
        scope = "text"
    if scope not in ("sentence", "line", "text"):
        raise ValueError(f"scope must be sentence, line or text, not {scope!r}")
    return Rule(re.compile(pattern, flags), reason, words_, marks, accept, scope)


def words(*alternatives: str) -> str:
    """A non-capturing alternation of ``alternatives``, longest first (so prefixes don't win)."""
    return "(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")"


class RuleBook:
    """Rules by category, indexed by trigger so that a check touches only rules that may match."""

    def __init__(self, rule_sets: Sequence[tuple[str, Sequence[Rule]]]) -> None:
        self._entries = [
            (order, category, r)
            for order, (category, r) in enumerate((c, r) for c, rules in rule_sets for r in rules)
        ]
        self._by_word: dict[str, list[int]] = {}
        self._by_mark: dict[str, list[int]] = {}
        self._always: list[int] = []  # rules without triggers
        for order, _, r in self._entries:
            for word in r.words:
                self._by_word.setdefault(word, []).append(order)
            for mark in r.marks:
                self._by_mark.setdefault(mark, []).append(order)
            if not r.words and not r.marks:
                self._always.append(order)
        self._words = frozenset(self._by_word)

    def __iter__(self) -> Iterator[tuple[str, Rule]]:
        return ((category, r) for _, category, r in self._entries)

    def candidates(self, draft: Draft) -> list[tuple[str, Rule]]:
        """The rules whose triggers occur in ``draft``, in the order they were given."""
        chosen = set(self._always)
        by_word = self._by_word
        for token in draft.tokens & self._words:
            chosen.update(by_word[token])
        folded = draft.folded
        for mark, orders in self._by_mark.items():
            if mark in folded:
                chosen.update(orders)
        return [self._entries[order][1:] for order in sorted(chosen)]


def scan(draft: Draft, category: str, r: Rule) -> Iterator[Finding]:
    """Every match of rule ``r`` in ``draft`` as a finding of ``category``.

    ``r`` must come from :meth:`RuleBook.candidates` (its triggers are not tested again).
    """
    severity = SEVERITIES[category]
    text = draft.text
    use_group = "span" in r.pattern.groupindex
    for match in r.matches(draft, triggered=True):
        start, end = match.span("span") if use_group else match.span()
        if start < end:
            yield Finding(category, start, end, text[start:end], severity, r.reason)
