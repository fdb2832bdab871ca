"""The library's policy in one place: states, who may do what, and each touchpoint kind's defaults.

Every refusal is a ``LibraryError`` whose message names the rule, so a person reading it knows
what to do next rather than just that something failed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from candidly.journey.model import Category

#: The lifecycle, in order. ``retired`` can follow any other state; rollback leaves it again.
STATES: Final = ("draft", "submitted", "tested", "approved", "published", "retired")

#: How the lifecycle reads in an error message.
LIFECYCLE: Final = "draft → submitted → tested → compliance-approved → published → retired"

#: Guard's categories: what a version may forbid its messages to contain.
GUARD_CATEGORIES: Final = (
    "compensation",
    "protected_characteristic",
    "competitor",
    "placeholder",
    "evaluation_language",
    "length",
    "link",
    "injection",
)

#: Roles that may write and test versions.
AUTHOR_ROLES: Final = frozenset({"recruiter", "coordinator", "ta_ops", "compliance", "admin"})
#: The library's owners: they publish, retire, roll back, review and import.
OWNER_ROLES: Final = frozenset({"ta_ops", "admin"})
#: Who may approve a version whose tier is individual or human_only: compliance, nobody else.
COMPLIANCE_ROLES: Final = frozenset({"compliance"})
#: Who may approve an auto or batch version: compliance, or the library's owners.
ROUTINE_APPROVER_ROLES: Final = frozenset({"compliance", "ta_ops", "admin"})

#: A published entry is reviewed at least this often (quarterly).
REVIEW_INTERVAL: Final = timedelta(days=90)

#: Profiles a version must pass before it may be called tested.
MIN_PROFILES: Final = 10

#: Default word limit by the touchpoint's kind: outreach ≤ 150, status updates ≤ 100.
WORD_LIMITS: Final[dict[Category, int]] = {
    Category.OUTREACH: 150,
    Category.ACKNOWLEDGMENT: 100,
    Category.SCREENING: 100,
    Category.STATUS_UPDATE: 100,
    Category.SCHEDULING: 120,
    Category.COMPLIANCE: 150,
    Category.PREPARATION: 300,  # a format, two or three topics and the interviewers' backgrounds
    Category.REJECTION: 200,
    Category.OFFER: 300,
}

#: Categories a kind of message may contain, because a person approves each one.
ALLOWED_BY_CATEGORY: Final[dict[Category, frozenset[str]]] = {
    # An offer states pay and why we want them; compliance approved the template and a
    # recruiter approves every letter.
    Category.OFFER: frozenset({"compensation", "evaluation_language"}),
    # Feedback names a strength and the main reason in general terms: evaluation by design.
    Category.REJECTION: frozenset({"evaluation_language"}),
}


class LibraryError(Exception):
    """A library action is refused or its input is wrong; the message says why and what to do."""


def default_word_limit(category: Category) -> int:
    """The word limit a new version of a touchpoint of this kind gets unless it says otherwise."""
    return WORD_LIMITS.get(category, 150)


def default_forbidden_categories(category: Category) -> tuple[str, ...]:
    """Guard categories a version of this kind forbids unless it says otherwise."""
    allowed = ALLOWED_BY_CATEGORY.get(category, frozenset())
    return tuple(c for c in GUARD_CATEGORIES if c not in allowed)
