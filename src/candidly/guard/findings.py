"""What ``guard`` reports: a finding's category, severity and span, and the policy it checks against."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final


class Category(StrEnum):
    """What a finding objects to."""

    COMPENSATION = "compensation"
    PROTECTED_CHARACTERISTIC = "protected_characteristic"
    COMPETITOR = "competitor"
    PLACEHOLDER = "placeholder"
    EVALUATION_LANGUAGE = "evaluation_language"
    LENGTH = "length"
    LINK = "link"
    INJECTION = "injection"


class Severity(StrEnum):
    """How a finding constrains the draft.

    ``block``: the draft is defective and must be changed before anyone may approve it.
    ``warn``: the content may be legitimate, but a person must see it (the review gate raises
    the message's tier; compliance approves templates that carry it).
    """

    BLOCK = "block"
    WARN = "warn"


#: Each category's severity. Compensation, evaluation language and competitor names are
#: legitimate in the right message (an offer, rejection feedback, a candidate's current
#: employer), so they ask for a person; the rest are defects.
SEVERITIES: Final[dict[str, Severity]] = {
    Category.COMPENSATION: Severity.WARN,
    Category.EVALUATION_LANGUAGE: Severity.WARN,
    Category.COMPETITOR: Severity.WARN,
    Category.PROTECTED_CHARACTERISTIC: Severity.BLOCK,
    Category.PLACEHOLDER: Severity.BLOCK,
    Category.LENGTH: Severity.BLOCK,
    Category.LINK: Severity.BLOCK,
    Category.INJECTION: Severity.BLOCK,
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing ``guard`` objects to: ``text`` is ``draft[start:end]``."""

    category: str
    start: int
    end: int
    text: str
    severity: str
    reason: str

    def __post_init__(self) -> None:
        # Plain strings, not enum members: findings are values that cross into JSON and tests.
        if type(self.category) is not str:
            object.__setattr__(self, "category", str(self.category))
        if type(self.severity) is not str:
            object.__setattr__(self, "severity", str(self.severity))

    def as_dict(self) -> dict[str, Any]:
        """The finding as plain JSON-ready values."""
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "severity": self.severity,
            "reason": self.reason,
        }


_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


def normalize_domain(value: str) -> str:
    """``value`` as a bare lower-case host: ``"https://*.Acme.com/"`` becomes ``"acme.com"``.

    Raises ``ValueError`` when what remains is not a host name.
    """
    domain = value.strip().lower()
    for prefix in ("https://", "http://"):
        if domain.startswith(prefix):
            domain = domain[len(prefix) :]
    domain = domain.split("/", 1)[0].removeprefix("*.").strip(".")
    if not domain or not _DOMAIN.match(domain):
        raise ValueError(f"{value!r} is not a domain name (expected something like acme.com)")
    return domain


@dataclass(frozen=True, slots=True)
class GuardPolicy:
    """What a draft is checked against; the defaults check everything that needs no settings.

    ``max_words``: a draft longer than this is a ``length`` finding (``None``: no limit).
    ``competitors``: names that may not appear (whole words, any case).
    ``allowed_domains``: hosts a link may point to, with their subdomains. An empty tuple
    allows no links at all: a draft can only link where someone decided it may.
    """

    max_words: int | None = None
    competitors: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.max_words is not None and self.max_words < 0:
            raise ValueError(f"max_words must be 0 or more, not {self.max_words}")
        # Accept lists from callers but keep the policy hashable (it keys the compiled caches).
        object.__setattr__(
            self, "competitors", tuple(c.strip() for c in self.competitors if c.strip())
        )
        object.__setattr__(
            self,
            "allowed_domains",
            tuple(dict.fromkeys(normalize_domain(d) for d in self.allowed_domains)),
        )


DEFAULT_POLICY: Final = GuardPolicy()
