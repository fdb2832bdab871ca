"""``candidly quality audit``: how ready the data is for personalization, field by field.

For each field a message depends on: how complete it is, how much of it is a placeholder, how
much is present but non-standard, and a readiness score — the share of records where the field
is usable as it stands. One streaming pass per table; memory does not grow with the store.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from candidly.quality.contacts import normalize_email, normalize_phone
from candidly.quality.names import clean_name
from candidly.quality.placeholders import is_placeholder
from candidly.quality.skills import canonical_skill
from candidly.store.models import Application, Candidate, Job, User
from candidly.taxonomy.stages import STAGES
from candidly.taxonomy.vocab import load_role_types, load_source_channels


@dataclass(frozen=True)
class FieldAudit:
    """One required field's quality over its records."""

    field: str
    records: int
    complete: float
    placeholder: float
    non_standard: float
    suspected_duplicates: int | None
    readiness: float
    note: str


@dataclass(frozen=True)
class QualityAudit:
    """Every required field, and the overall readiness (the mean of the fields')."""

    fields: list[FieldAudit]
    overall_readiness: float
    suspected_duplicate_candidates: int

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "overall_readiness": self.overall_readiness,
            "suspected_duplicate_candidates": self.suspected_duplicate_candidates,
            "fields": [asdict(f) for f in self.fields],
        }


class _Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, state: str, count: int = 1) -> None:
        self.counts["records"] += count
        self.counts[state] += count

    def result(self, name: str, note: str, duplicates: int | None = None) -> FieldAudit:
        n = self.counts["records"]

        def share(*states: str) -> float:
            return round(sum(self.counts[s] for s in states) / n, 4) if n else 0.0

        return FieldAudit(
            field=name,
            records=n,
            complete=share("usable", "non_standard"),
            placeholder=share("placeholder"),
            non_standard=share("non_standard"),
            suspected_duplicates=duplicates,
            readiness=share("usable"),
            note=note,
        )


def audit_quality(session: Session, region: str = "US") -> QualityAudit:
    """Measure every required field over the live (not merged-away) candidates, jobs and applications."""
    first, email, skills, channel, owner = _Tally(), _Tally(), _Tally(), _Tally(), _Tally()
    recruiters = set(
        session.scalars(
            select(User.id).where(
                User.is_active.is_(True), User.role.in_(("recruiter", "coordinator", "ta_ops"))
            )
        )
    )
    channels = {c.key for c in load_source_channels()}
    seen_email: Counter[str] = Counter()
    seen_phone: Counter[str] = Counter()
    query = (
        select(
            Candidate.first_name,
            Candidate.email,
            Candidate.phone,
            Candidate.skills,
            Candidate.source_channel,
            Candidate.owner_id,
        )
        .where(Candidate.merged_into_id.is_(None))
        .execution_options(yield_per=10_000)
    )
    for first_name, address, phone, tags, source, owner_id in session.execute(query):
        first.add(_name_state(first_name))
        email.add(_email_state(address))
        skills.add(_skills_state(tags))
        channel.add(_channel_state(source, channels))
        owner.add(
            "missing"
            if owner_id is None
            else ("usable" if owner_id in recruiters else "non_standard")
        )
        key = normalize_email(address).value if address else None
        if key:
            seen_email[key] += 1
        number = normalize_phone(phone, region).value if phone else None
        if number:
            seen_phone[number] += 1
    shared_emails = sum(n for n in seen_email.values() if n > 1)
    shared_phones = sum(n for n in seen_phone.values() if n > 1)

    role = _Tally()
    role_types = {r.key for r in load_role_types()}
    for (role_type,) in session.execute(select(Job.role_type)):
        role.add(
            "missing"
            if not role_type
            else ("usable" if role_type in role_types else "non_standard")
        )

    stage = _Tally()
    for mapped, label, count in session.execute(
        select(Application.stage, Application.stage_label, func.count()).group_by(
            Application.stage, Application.stage_label
        )
    ):
        state = "usable" if mapped in STAGES else ("non_standard" if label else "missing")
        stage.add(state, count)

    fields = [
        first.result("first_name", "candidates: present, not a placeholder, capitalized as a name"),
        role.result("role_type", "jobs: a role type from the taxonomy"),
        skills.result(
            "skills", "candidates: at least one tag, every tag from the skills vocabulary"
        ),
        channel.result("source_channel", "candidates: a channel from the taxonomy"),
        stage.result("stage", "applications: the current stage mapped to a canonical stage"),
        owner.result("owner", "candidates: an active recruiter owns them"),
        email.result("email", "candidates: a valid, normalized address", duplicates=shared_emails),
    ]
    overall = round(sum(f.readiness for f in fields) / len(fields), 4)
    return QualityAudit(fields, overall, max(shared_emails, shared_phones))


def _name_state(value: str | None) -> str:
    if value is None or not value.strip():
        return "missing"
    if is_placeholder(value):
        return "placeholder"
    return "usable" if clean_name(value).value == value else "non_standard"


def _email_state(value: str | None) -> str:
    if value is None or not value.strip():
        return "missing"
    result = normalize_email(value)
    if result.problem == "placeholder":
        return "placeholder"
    return "usable" if result.value == value else "non_standard"


def _skills_state(tags: list[str] | None) -> str:
    if not tags:
        return "missing"
    if all(is_placeholder(t) for t in tags):
        return "placeholder"
    return "usable" if all(canonical_skill(t) == t for t in tags) else "non_standard"


def _channel_state(value: str | None, channels: set[str]) -> str:
    if value is None or not value.strip():
        return "missing"
    if is_placeholder(value):
        return "placeholder"
    if value in channels:
        return "usable"
    return "non_standard"
