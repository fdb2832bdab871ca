"""The checks a policy configures: ``competitor`` names and ``length`` in words."""

from __future__ import annotations

import re
from functools import lru_cache

from candidly.guard.findings import SEVERITIES, Category, Finding


@lru_cache(maxsize=16)
def _words_within(limit: int) -> re.Pattern[str]:
    """Matches leading space and the first ``limit`` words with the space after each."""
    return re.compile(rf"\s*(?:\S+\s+){{{limit}}}")


@lru_cache(maxsize=64)
def _competitor_pattern(names: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """One pattern for all ``names`` (whole words, any case, any run of spaces inside a name),
    and each name's first word case-folded, for a cheap test before the pattern runs."""
    parts = [name.split() for name in names if name.split()]
    if not parts:
        return None
    alternatives = sorted(
        {r"\s+".join(re.escape(part) for part in split) for split in parts}, key=len, reverse=True
    )
    # Lookarounds rather than \b: a name may begin or end with a non-word character ("C3.ai").
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    return pattern, tuple({split[0].casefold() for split in parts})


def find_competitors(text: str, competitors: tuple[str, ...], folded: str) -> list[Finding]:
    """Every mention of a name in ``competitors`` (whole words, case-insensitive).

    ``folded`` is ``text.casefold()``.
    """
    compiled = _competitor_pattern(competitors)
    if compiled is None:
        return []
    pattern, first_words = compiled
    if not any(word in folded for word in first_words):
        return []
    severity = SEVERITIES[Category.COMPETITOR]
    return [
        Finding(Category.COMPETITOR, m.start(), m.end(), m.group(0), severity, "names a competitor")
        for m in pattern.finditer(text)
    ]


def find_excess_words(text: str, max_words: int | None) -> list[Finding]:
    """The words beyond ``max_words`` as one finding (words are runs of non-space, as ``wc -w``)."""
    if max_words is None:
        return []
    count = len(text.split())
    if count <= max_words:
        return []
    # str.split and \s agree on what whitespace is: the words within the limit end here.
    within = _words_within(max_words).match(text)
    if within is None:  # cannot happen: there are more than max_words words
        return []
    first_extra = within.end()
    last_end = len(text.rstrip())
    return [
        Finding(
            Category.LENGTH,
            first_extra,
            last_end,
            text[first_extra:last_end],
            SEVERITIES[Category.LENGTH],
            f"{count} words; the limit is {max_words}",
        )
    ]
