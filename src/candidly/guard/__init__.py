"""Policy checks on every draft before anything else may happen to it.

``check(text, policy)`` returns the draft's findings — compensation, protected
characteristics, competitor names, unresolved placeholders, evaluation language, excess
length, links outside the allowlist, and model-output tells — each with its span. ``guard``
reports; it never edits a draft. See docs/guard.md.
"""

from __future__ import annotations

from candidly.guard.api import check
from candidly.guard.configured import configured_policy
from candidly.guard.findings import (
    DEFAULT_POLICY,
    SEVERITIES,
    Category,
    Finding,
    GuardPolicy,
    Severity,
)

__all__ = [
    "DEFAULT_POLICY",
    "SEVERITIES",
    "Category",
    "Finding",
    "GuardPolicy",
    "Severity",
    "check",
    "configured_policy",
]
