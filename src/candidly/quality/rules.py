"""The cleaning rules, one record at a time: pure functions from a row to its changes.

Each rule returns ``Change`` values (old → new, the rule's name, a confidence) and the
``Flag`` values that a person must look at; ``quality.clean`` applies them in batches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from candidly.quality.channels import map_source_channel
from candidly.quality.contacts import normalize_email, normalize_phone
from candidly.quality.names import clean_name
from candidly.quality.placeholders import is_placeholder
from candidly.quality.roles import PROPOSE, map_title
from candidly.quality.skills import canonical_skill, extract_skills


@dataclass(frozen=True)
class Change:
    """One field of one record changed by one rule."""

    field: str
    old: Any
    new: Any
    rule: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Flag:
    """Something a person must decide: the rule would not guess."""

    kind: str
    field: str
    current: str | None
    proposed: str | None = None
    confidence: float | None = None


@dataclass
class Outcome:
    """What the rules did to one record."""

    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def updates(self) -> dict[str, Any]:
        """The new value of every changed field."""
        return {c.field: c.new for c in self.changes}


NAME_FIELDS = (
    ("first_name", False),
    ("middle_name", False),
    ("last_name", True),
    ("preferred_name", False),
)
REQUIRED_NAMES = frozenset({"first_name", "last_name"})


def clean_candidate(row: dict[str, Any], region: str) -> Outcome:
    """Every cleaning rule for one candidate row (a dict of its columns)."""
    out = Outcome()
    for name, surname in NAME_FIELDS:
        raw = row.get(name)
        fix = clean_name(raw, surname=surname)
        if fix.rule is not None and fix.value != raw:
            out.changes.append(Change(name, raw, fix.value, f"name_{fix.rule}", fix.confidence))
            if fix.rule == "placeholder" and name in REQUIRED_NAMES:
                out.flags.append(Flag("placeholder", name, raw))
    for place in ("city", "region"):
        raw = row.get(place)
        if raw is not None and raw.strip() and is_placeholder(raw):
            out.changes.append(Change(place, raw, None, "location_placeholder"))
    _clean_emails(row, out)
    _clean_phones(row, region, out)
    _clean_channel(row, out)
    _clean_skills(row, out)
    return out


def _clean_emails(row: dict[str, Any], out: Outcome) -> None:
    primary, others = row.get("email"), list(row.get("other_emails") or [])
    valid: list[str] = []
    for raw in [primary, *others]:
        if raw is None:
            continue
        result = normalize_email(raw)
        if result.value is None:
            if result.problem not in ("placeholder", "empty"):
                out.flags.append(Flag("invalid_email", "email", raw, confidence=None))
        elif result.value not in valid:
            valid.append(result.value)
    new_primary, new_others = (valid[0] if valid else None), valid[1:]
    if new_primary != primary:
        rule = (
            "email_normalized"
            if primary and normalize_email(primary).value == new_primary
            else "email_replaced"
        )
        if primary and is_placeholder(primary):
            rule = "email_placeholder"
        out.changes.append(Change("email", primary, new_primary, rule))
    if new_others != others:
        out.changes.append(Change("other_emails", others, new_others, "email_normalized"))


def _clean_phones(row: dict[str, Any], region: str, out: Outcome) -> None:
    primary, others = row.get("phone"), list(row.get("other_phones") or [])
    country = (row.get("country") or "").strip().upper()
    if len(country) == 2 and country.isalpha():
        region = country  # a local number is read where the candidate lives
    kept: list[str] = []
    for raw in [primary, *others]:
        if raw is None:
            continue
        result = normalize_phone(raw, region)
        if result.value is not None:
            value = result.value
        elif result.problem in ("placeholder", "empty"):
            continue
        else:
            # Keep what we cannot read — losing a number is worse than an odd format.
            value = raw.strip()
            out.flags.append(Flag("invalid_phone", "phone", raw))
        if value not in kept:
            kept.append(value)
    new_primary, new_others = (kept[0] if kept else None), kept[1:]
    if new_primary != primary:
        rule = "phone_placeholder" if primary and is_placeholder(primary) else "phone_e164"
        out.changes.append(Change("phone", primary, new_primary, rule))
    if new_others != others:
        out.changes.append(Change("other_phones", others, new_others, "phone_e164"))


def _clean_channel(row: dict[str, Any], out: Outcome) -> None:
    raw = row.get("source_channel")
    if raw is None:
        return
    if is_placeholder(raw):
        out.changes.append(Change("source_channel", raw, None, "channel_placeholder"))
        return
    channel = map_source_channel(raw)
    if channel is None:
        out.flags.append(Flag("source_channel", "source_channel", raw))
    elif channel != raw:
        out.changes.append(Change("source_channel", raw, channel, "channel_taxonomy"))


def _clean_skills(row: dict[str, Any], out: Outcome) -> None:
    old = list(row.get("skills") or [])
    tags: list[str] = []
    for tag in old:
        name = canonical_skill(tag) or tag.strip()
        if name and name not in tags:
            tags.append(name)
    mapped = list(tags)
    for name in extract_skills(row.get("resume_text")):
        if name not in tags:
            tags.append(name)
    if tags != old:
        rule = "skills_from_resume" if tags != mapped else "skills_vocabulary"
        out.changes.append(
            Change("skills", old, tags, rule, 0.9 if rule == "skills_from_resume" else 1.0)
        )


def clean_job(row: dict[str, Any]) -> Outcome:
    """Map a job's title onto a role type (or flag it) and its required skills onto the vocabulary."""
    out = Outcome()
    if not row.get("role_type"):
        match = map_title(row.get("title"))
        if match.accepted:
            out.changes.append(
                Change("role_type", None, match.role_type, f"title_{match.rule}", match.confidence)
            )
        else:
            proposed = match.role_type if match.confidence >= PROPOSE else None
            out.flags.append(
                Flag("role_type", "role_type", row.get("title"), proposed, match.confidence)
            )
    old = list(row.get("required_skills") or [])
    mapped: list[str] = []
    for tag in old:
        name = canonical_skill(tag) or tag.strip()
        if name and name not in mapped:
            mapped.append(name)
    if mapped != old:
        out.changes.append(Change("required_skills", old, mapped, "skills_vocabulary"))
    return out
