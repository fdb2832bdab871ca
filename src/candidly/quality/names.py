"""Names written the way their owners write them: McDonald, O'Neil, van der Berg, José, Nguyễn."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from candidly.quality.placeholders import is_placeholder

#: Surname particles that stay lowercase inside a name ("Ludwig van Beethoven", "van der Berg").
PARTICLES: Final[frozenset[str]] = frozenset(
    {
        "van", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "do", "du",
        "la", "le", "von", "zu", "ter", "ten", "te", "bin", "binti", "ibn", "y", "e",
    }
)  # fmt: skip

#: "Mac" surnames that take a capital after the prefix; "Mac" alone is ambiguous (Macy, Mackey).
MAC_NAMES: Final[frozenset[str]] = frozenset(
    {
        "macdonald", "mackenzie", "macleod", "macmillan", "macarthur", "macgregor", "macintyre",
        "mackay", "maclean", "macneil", "macpherson", "macaulay", "macdougall", "macfarlane",
        "macinnes", "mackinnon", "maclachlan", "macrae", "macaskill", "macbeth",
    }
)  # fmt: skip

_SEPARATORS = re.compile(r"([\s\-'’])")


@dataclass(frozen=True)
class NameFix:
    """The cleaned name and the rule that produced it (None when nothing changed)."""

    value: str | None
    rule: str | None
    confidence: float = 1.0


def clean_name(raw: str | None, *, surname: bool = False) -> NameFix:
    """Clean one name part: placeholders become empty, shouting and all-lowercase get real casing.

    Mixed-case names are left alone: "DeShawn", "McKinney" and "LaToya" are how their owners
    write them, and no rule knows better. ``surname`` keeps particles lowercase even at the start
    ("VAN DER BERG" → "van der Berg").
    """
    if raw is None:
        return NameFix(None, None)
    text = " ".join(raw.split())
    if is_placeholder(text):
        return NameFix(None, "placeholder") if raw.strip() else NameFix(None, None)
    if text != raw:
        rule: str | None = "whitespace"
    else:
        rule = None
    letters = [c for c in text if c.isalpha()]
    if letters and (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
        recased = recase_name(text, surname=surname)
        if recased != text:
            return NameFix(recased, "capitalization", 0.95)
    return NameFix(text, rule)


def recase_name(text: str, *, surname: bool = False) -> str:
    """Title-case a name the way names are written, whatever case it arrives in."""
    parts = _SEPARATORS.split(text.lower())
    out: list[str] = []
    word_index = 0
    for i, part in enumerate(parts):
        if not part or _SEPARATORS.fullmatch(part):
            out.append(part)
            continue
        after_apostrophe = i > 0 and parts[i - 1] in ("'", "’")
        is_particle = part in PARTICLES and (word_index > 0 or surname) and i + 1 < len(parts)
        if is_particle and not after_apostrophe:
            out.append(part)
        elif after_apostrophe and len(part) == 1:
            out.append(part)  # the "s" in "Jones's", the "t" in "Ain't"
        else:
            out.append(_capitalize_word(part))
        word_index += 1
    return "".join(out)


def _capitalize_word(word: str) -> str:
    if word.startswith("mc") and len(word) > 2:
        return "Mc" + word[2:].capitalize()
    if word in MAC_NAMES:
        return "Mac" + word[3:].capitalize()
    return word.capitalize()
