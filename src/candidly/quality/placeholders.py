"""Values that stand in for missing data: "N/A", "test", "-", "unknown", "[FIRST NAME]"."""

from __future__ import annotations

import re
from typing import Final

PLACEHOLDERS: Final[frozenset[str]] = frozenset(
    {
        "",
        "na",
        "n/a",
        "n.a.",
        "none",
        "null",
        "nil",
        "nan",
        "test",
        "testing",
        "test test",
        "unknown",
        "unk",
        "tbd",
        "tba",
        "todo",
        "x",
        "xx",
        "xxx",
        "asdf",
        "qwerty",
        "abc",
        "foo",
        "no name",
        "noname",
        "name",
        "first name",
        "firstname",
        "last name",
        "lastname",
        "candidate",
        "applicant",
        "not provided",
        "not available",
        "not applicable",
        "missing",
        "blank",
        "empty",
        "default",
        "sample",
        "dummy",
        "fake",
        "0",
        "00",
        "000",
    }
)

_NOISE = re.compile(r"^[\s\-_.?*#/\\|~=+0]*$")
_BRACKETED = re.compile(r"^[\[{<(]+\s*[\w\s]+[\]}>)]+$")
_EMAIL_PLACEHOLDER = re.compile(
    r"^(test|none|na|noemail|no-email|noreply|no-reply|unknown|nobody|x+|a+|asdf|fake|dummy|email)"
    r"@(test|example|none|na|noemail|email|unknown|x+|a+|asdf|fake|dummy|domain)\.(com|org|net|test|na)$"
)


def is_placeholder(value: str | None) -> bool:
    """True when ``value`` is empty or a known stand-in for a missing value.

    Covers the words ATS exports are full of ("N/A", "test", "unknown"), punctuation-only values
    ("-", "??"), bracketed merge fields ("[FIRST NAME]", "{name}") and dummy addresses
    ("test@test.com").
    """
    if value is None:
        return True
    text = value.strip().casefold()
    if text in PLACEHOLDERS or _NOISE.match(text) or _BRACKETED.match(text):
        return True
    return bool(_EMAIL_PLACEHOLDER.match(text))
