"""Job titles mapped onto the role-type taxonomy, with a confidence: no guessing below it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from rapidfuzz import fuzz, process

from candidly.taxonomy.vocab import load_role_types

#: Seniority, level and employment words that do not change what the job is.
NOISE_WORDS: Final[frozenset[str]] = frozenset(
    {
        "senior", "sr", "snr", "junior", "jr", "jnr", "lead", "principal", "staff", "chief",
        "associate", "assoc", "entry", "level", "mid", "intern", "internship", "trainee",
        "i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "remote", "hybrid", "onsite",
        "contract", "contractor", "temp", "temporary", "part", "full", "time", "fte", "m", "f",
        "d", "w", "x", "h", "urgent", "hiring", "new", "grad", "graduate", "experienced",
        "shift", "1st", "2nd", "3rd", "day", "days", "night", "nights", "weekend", "weekends",
        "evening", "evenings", "overnight", "prn", "per", "diem",
    }
)  # fmt: skip

#: Accept a fuzzy match at or above this confidence; below it a person decides.
ACCEPT: Final[float] = 0.86
#: Below this, no proposal is worth showing.
PROPOSE: Final[float] = 0.55

_PUNCT = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class TitleMatch:
    """A title's role type (None when unmapped) and how sure the mapping is."""

    role_type: str | None
    confidence: float
    rule: str

    @property
    def accepted(self) -> bool:
        """True when the mapping is sure enough to apply without a person."""
        return self.role_type is not None and self.confidence >= ACCEPT


def title_key(title: str) -> str:
    """A title reduced to the words that say what the job is."""
    words = _PUNCT.sub(" ", title.casefold().replace("&", " and ")).split()
    kept = [w for w in words if w not in NOISE_WORDS]
    return " ".join(kept or words)


@cache
def _index() -> tuple[dict[str, str], dict[str, str], list[str]]:
    exact: dict[str, str] = {}
    reduced: dict[str, str] = {}
    for role in load_role_types():
        for title in (role.display_name, *role.titles):
            exact[" ".join(title.casefold().split())] = role.key
            reduced.setdefault(title_key(title), role.key)
    return exact, reduced, list(reduced)


def map_title(title: str | None) -> TitleMatch:
    """Map a free-text job title onto a role type.

    Exact known titles are certain; titles that match once seniority and level words are set
    aside are nearly so; anything else is matched fuzzily and scored, and only strong matches
    are accepted (``TitleMatch.accepted``).
    """
    if not title or not title.strip():
        return TitleMatch(None, 0.0, "empty")
    exact, reduced, keys = _index()
    folded = " ".join(title.casefold().split())
    if folded in exact:
        return TitleMatch(exact[folded], 1.0, "known_title")
    key = title_key(title)
    if key in reduced:
        return TitleMatch(reduced[key], 0.97, "known_title_without_seniority")
    best = process.extractOne(key, keys, scorer=fuzz.token_set_ratio)
    if best is None:
        return TitleMatch(None, 0.0, "no_match")
    choice, score, _ = best
    # token_set_ratio is generous with short keys ("engineer" ⊂ every engineering title);
    # blend in the plain ratio so a partial overlap cannot look certain.
    confidence = round((0.6 * score + 0.4 * fuzz.ratio(key, choice)) / 100, 3)
    if confidence < PROPOSE:
        return TitleMatch(None, confidence, "no_match")
    return TitleMatch(reduced[choice], confidence, "fuzzy_title")
