"""Merging duplicate candidates into one, and undoing it exactly.

A merge picks a survivor (the record with the most applications, then the newest), gives it the
best of every record (each field's newest valid value; the union of valid emails, valid phones
and skills),
moves every application to it, and marks the others ``merged_into_id = survivor``. Consent is
never widened: the merged consent is the most restrictive any record had.

Before touching anything it stores a snapshot of every row it will change in the ``Merge`` row,
so ``unmerge`` can put each one back exactly. Both write ``candidate.merged`` /
``candidate.unmerged`` events for every candidate involved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.type_api import TypeEngine

from candidly.quality.contacts import normalize_email
from candidly.quality.placeholders import is_placeholder
from candidly.store.events import EventType, record_event
from candidly.store.models import Application, Base, Candidate, Merge, ReviewItem
from candidly.store.types import UTCDateTime, utcnow

#: The event types a merge writes.
CANDIDATE_MERGED: Final = EventType.CANDIDATE_MERGED
CANDIDATE_UNMERGED: Final = EventType.CANDIDATE_UNMERGED
EVENT_SOURCE: Final = "quality"

#: Fields that take the newest valid value among the merged records.
NEWEST_VALUE_FIELDS: Final = (
    "first_name",
    "middle_name",
    "last_name",
    "preferred_name",
    "email",
    "phone",
    "city",
    "region",
    "country",
    "timezone",
    "current_title",
    "current_company",
    "resume_text",
)
#: Fields that stay the survivor's when it has one: who owns a candidate and where they first
#: came from are decisions and attribution, not facts a newer record corrects.
SURVIVOR_FIELDS: Final = ("owner_id", "source_channel")

#: Consent from most to least permissive; anything not listed counts as most restrictive.
_CONSENT_RANK: Final = {"granted": 0, "unknown": 1, "withdrawn": 2}


class MergeError(Exception):
    """A merge or unmerge that cannot be done; the message says why and what to do."""


def _phone_digits(value: str) -> str | None:
    # Imported here: the dedupe package's store mode imports this module (it merges what it finds).
    from candidly.quality.dedupe.keys import phone_digits

    return phone_digits(value)


def consent_rank(status: str | None) -> int:
    """How restrictive a consent status is: granted 0, unknown 1, withdrawn (or anything else) 2."""
    return _CONSENT_RANK.get((status or "unknown").strip().lower(), 2)


def merged_consent(statuses: Iterable[str | None]) -> str:
    """The most restrictive of several consent statuses: withdrawn > unknown > granted.

    A status candidly does not know (``denied``, ``revoked``…) is kept as it is and counts as
    the most restrictive: a merge must never read it as permission.
    """
    chosen: str | None = None
    best = -1
    for status in statuses:
        rank = consent_rank(status)
        value = (status or "unknown").strip().lower()
        if rank > best or (rank == best and rank == 2 and value == "withdrawn"):
            chosen, best = value, rank
    return chosen or "unknown"


def merged_marketing_opt_in(values: Iterable[bool | None]) -> bool | None:
    """True only if every record opted in; False if any opted out; otherwise unknown (None)."""
    seen = list(values)
    if any(v is False for v in seen):
        return False
    if seen and all(v is True for v in seen):
        return True
    return None


def choose_survivor(
    candidates: Sequence[Candidate], application_counts: Mapping[int, int]
) -> Candidate:
    """The record that survives: most applications, then the newest (created), then highest id."""
    return max(
        candidates,
        key=lambda c: (application_counts.get(c.id, 0), c.created_at, c.id),
    )


def _newest_first(candidates: Sequence[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (c.updated_at, c.created_at, c.id), reverse=True)


def _valid(field: str, value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        if not value.strip() or is_placeholder(value):
            return False
        if field == "email":
            return normalize_email(value).value is not None
        if field == "phone":
            return _phone_digits(value) is not None
    return True


def _union(values: Iterable[str | None], key: Any) -> list[str]:
    seen: set[Any] = set()
    result: list[str] = []
    for value in values:
        if value is None or not value.strip() or is_placeholder(value):
            continue
        k = key(value)
        if k in seen:
            continue
        seen.add(k)
        result.append(value.strip())
    return result


def _email_identity(value: str) -> str:
    return value.strip().casefold()


def _phone_identity(value: str) -> str:
    digits = _phone_digits(value)
    return digits[-9:] if digits else value.strip()


def _snapshot_row(row: Base) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in row.__table__.columns:
        value = getattr(row, column.key)
        values[column.key] = value.isoformat() if isinstance(value, datetime) else value
    return values


def _restore_row(row: Base, values: Mapping[str, Any]) -> None:
    for column in row.__table__.columns:
        if column.key not in values or column.primary_key:
            continue
        value = values[column.key]
        column_type: TypeEngine[Any] = column.type
        if value is not None and isinstance(column_type, UTCDateTime):
            value = datetime.fromisoformat(value)
        setattr(row, column.key, value)


def merge_candidates(
    session: Session,
    candidate_ids: Sequence[int],
    *,
    match_probability: float | None = None,
    method: str = "auto",
    decided_by_id: int | None = None,
) -> Merge:
    """Merge the given candidates into one survivor and return the ``Merge`` that records it.

    Runs in the caller's transaction. Refuses (``MergeError``) fewer than two distinct
    candidates, a missing one, or one already merged away.
    """
    ids = sorted(set(candidate_ids))
    if len(ids) < 2:
        raise MergeError("a merge needs at least two different candidates")
    candidates = list(
        session.scalars(
            select(Candidate).where(Candidate.id.in_(ids)).order_by(Candidate.id).with_for_update()
        )
    )
    found = {c.id for c in candidates}
    if missing := [i for i in ids if i not in found]:
        raise MergeError(f"no candidate with id {', '.join(map(str, missing))}")
    if gone := [c.id for c in candidates if c.merged_into_id is not None]:
        raise MergeError(
            f"candidate {', '.join(map(str, gone))} was already merged into another record; "
            "run dedupe again to see the current duplicates"
        )
    applications = list(
        session.scalars(
            select(Application)
            .where(Application.candidate_id.in_(ids))
            .order_by(Application.id)
            .with_for_update()
        )
    )
    counts: dict[int, int] = {}
    for application in applications:
        counts[application.candidate_id] = counts.get(application.candidate_id, 0) + 1
    snapshot = {
        "candidates": [_snapshot_row(c) for c in candidates],
        "applications": [_snapshot_row(a) for a in applications],
    }
    survivor = choose_survivor(candidates, counts)
    others = [c for c in candidates if c.id != survivor.id]
    newest = _newest_first(candidates)

    for field in NEWEST_VALUE_FIELDS:
        value = next((getattr(c, field) for c in newest if _valid(field, getattr(c, field))), None)
        if value is not None:
            setattr(survivor, field, value)
    for field in SURVIVOR_FIELDS:
        if getattr(survivor, field) is None:
            value = next((getattr(c, field) for c in newest if getattr(c, field) is not None), None)
            setattr(survivor, field, value)
    # Only valid addresses and numbers join the union; an invalid one stays on its own
    # (merged-away) record and in the snapshot, never on the survivor.
    all_emails = [
        e for c in newest for e in (c.email, *(c.other_emails or [])) if _valid("email", e)
    ]
    survivor.other_emails = [
        e
        for e in _union(all_emails, _email_identity)
        if survivor.email is None or _email_identity(e) != _email_identity(survivor.email)
    ]
    all_phones = [
        p for c in newest for p in (c.phone, *(c.other_phones or [])) if _valid("phone", p)
    ]
    survivor.other_phones = [
        p
        for p in _union(all_phones, _phone_identity)
        if survivor.phone is None or _phone_identity(p) != _phone_identity(survivor.phone)
    ]
    survivor.skills = _union(
        (s for c in newest for s in (c.skills or [])), lambda s: s.strip().casefold()
    )
    consent = merged_consent(c.consent_status for c in candidates)
    source = next(
        (c for c in newest if (c.consent_status or "unknown").strip().lower() == consent),
        survivor,
    )
    survivor.consent_status = consent
    survivor.consent_recorded_at = source.consent_recorded_at
    survivor.consent_source = source.consent_source
    survivor.marketing_opt_in = merged_marketing_opt_in(c.marketing_opt_in for c in candidates)

    moved = [a.id for a in applications if a.candidate_id != survivor.id]
    for application in applications:
        application.candidate_id = survivor.id
    for other in others:
        other.merged_into_id = survivor.id
    merge = Merge(
        survivor_id=survivor.id,
        merged_ids=[c.id for c in others],
        snapshot=snapshot,
        match_probability=match_probability,
        method=method,
        decided_by_id=decided_by_id,
    )
    session.add(merge)
    session.flush()
    payload = {
        "merge_id": merge.id,
        "survivor_id": survivor.id,
        "merged_ids": merge.merged_ids,
        "applications_moved": moved,
        "match_probability": match_probability,
        "method": method,
    }
    for candidate in candidates:
        role = "survivor" if candidate.id == survivor.id else "merged"
        record_event(
            session,
            CANDIDATE_MERGED,
            source=EVENT_SOURCE,
            candidate_id=candidate.id,
            actor_id=decided_by_id,
            payload={**payload, "role": role},
        )
    return merge


def unmerge(session: Session, merge_id: int, *, undone_by_id: int | None = None) -> Merge:
    """Undo a merge: put every row it changed back exactly as the snapshot has it.

    The pairs it joined are recorded as rejected duplicates, so dedupe does not merge them
    again. Refuses a merge already undone, or one a later merge built on (undo that first).
    """
    merge = session.scalars(select(Merge).where(Merge.id == merge_id).with_for_update()).first()
    if merge is None:
        raise MergeError(
            f"there is no merge {merge_id}; `candidly events tail --type candidate.merged` "
            "lists the merges with their ids"
        )
    if merge.undone_at is not None:
        raise MergeError(f"merge {merge_id} was already undone at {merge.undone_at.isoformat()}")
    involved = {merge.survivor_id, *merge.merged_ids}
    for later in session.scalars(
        select(Merge).where(Merge.id > merge.id, Merge.undone_at.is_(None)).order_by(Merge.id)
    ):
        if involved & {later.survivor_id, *later.merged_ids}:
            raise MergeError(
                f"merge {later.id} was made after merge {merge_id} and involves the same "
                f"candidates; undo merge {later.id} first"
            )
    snapshot = merge.snapshot
    candidate_rows = {row["id"]: row for row in snapshot.get("candidates", [])}
    application_rows = {row["id"]: row for row in snapshot.get("applications", [])}
    candidates = {
        c.id: c
        for c in session.scalars(
            select(Candidate).where(Candidate.id.in_(candidate_rows)).with_for_update()
        )
    }
    for candidate_id, row in candidate_rows.items():
        candidate = candidates.get(candidate_id)
        if candidate is None:
            raise MergeError(
                f"candidate {candidate_id} of merge {merge_id} no longer exists (erased?); "
                "the merge cannot be undone"
            )
        _restore_row(candidate, row)
    if application_rows:
        for application in session.scalars(
            select(Application).where(Application.id.in_(application_rows)).with_for_update()
        ):
            _restore_row(application, application_rows[application.id])
    now = utcnow()
    merge.undone_at = now
    merge.undone_by_id = undone_by_id
    for other in merge.merged_ids:
        _record_rejection(session, merge.survivor_id, other, merge.id, undone_by_id, now)
    for candidate_id in sorted(candidate_rows):
        record_event(
            session,
            CANDIDATE_UNMERGED,
            source=EVENT_SOURCE,
            candidate_id=candidate_id,
            actor_id=undone_by_id,
            payload={
                "merge_id": merge.id,
                "survivor_id": merge.survivor_id,
                "merged_ids": merge.merged_ids,
                "role": "survivor" if candidate_id == merge.survivor_id else "merged",
            },
        )
    session.flush()
    return merge


def _record_rejection(
    session: Session, a: int, b: int, merge_id: int, by: int | None, now: datetime
) -> None:
    """Mark the pair as "not the same person" in the review list (a person undid their merge)."""
    subject, other = min(a, b), max(a, b)
    item = session.scalars(
        select(ReviewItem).where(
            ReviewItem.kind == "duplicate_pair",
            ReviewItem.subject_type == "candidate",
            ReviewItem.subject_id == subject,
            ReviewItem.other_id == other,
        )
    ).first()
    if item is None:
        item = ReviewItem(
            kind="duplicate_pair", subject_type="candidate", subject_id=subject, other_id=other
        )
        session.add(item)
    item.status = "rejected"
    item.decided_at = now
    item.decided_by_id = by
    item.details = {**(item.details or {}), "rejected_by_unmerge": merge_id}


__all__ = [
    "CANDIDATE_MERGED",
    "CANDIDATE_UNMERGED",
    "MergeError",
    "choose_survivor",
    "consent_rank",
    "merge_candidates",
    "merged_consent",
    "merged_marketing_opt_in",
    "unmerge",
]
