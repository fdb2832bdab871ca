"""``check``: every policy check on one draft, as findings sorted by where they start."""

from __future__ import annotations

from candidly.guard import compensation, evaluation, injection, placeholders, protected
from candidly.guard.findings import DEFAULT_POLICY, Category, Finding, GuardPolicy
from candidly.guard.links import find_links
from candidly.guard.policy_checks import find_competitors, find_excess_words
from candidly.guard.rules import Draft, RuleBook, scan

RULE_BOOK = RuleBook(
    (
        (Category.COMPENSATION, compensation.RULES),
        (Category.PROTECTED_CHARACTERISTIC, protected.RULES),
        (Category.PLACEHOLDER, placeholders.RULES),
        (Category.EVALUATION_LANGUAGE, evaluation.RULES),
        (Category.INJECTION, injection.RULES),
    )
)


def check(text: str, policy: GuardPolicy = DEFAULT_POLICY) -> list[Finding]:
    """Every finding in the draft ``text`` under ``policy``, sorted by start (then end, category).

    Overlapping matches of one category are merged into one finding over their union, so a
    span is reported once however many rules saw it. The draft is never changed.
    """
    draft = Draft(text)
    by_category: dict[str, list[Finding]] = {}
    for category, r in RULE_BOOK.candidates(draft):
        by_category.setdefault(category, []).extend(scan(draft, category, r))
    found: list[Finding] = []
    for findings in by_category.values():
        found.extend(_merged(findings, text))
    found.extend(find_competitors(text, policy.competitors, draft.folded))
    found.extend(find_links(text, policy.allowed_domains))
    found.extend(find_excess_words(text, policy.max_words))
    found.sort(key=lambda f: (f.start, f.end, f.category))
    return found


def _merged(findings: list[Finding], text: str) -> list[Finding]:
    """``findings`` of one category with overlapping spans joined; the first reason is kept."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            if finding.end > last.end:
                merged[-1] = Finding(
                    last.category,
                    last.start,
                    finding.end,
                    text[last.start : finding.end],
                    last.severity,
                    last.reason,
                )
            continue
        merged.append(finding)
    return merged
