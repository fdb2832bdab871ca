"""The lifecycle of a version: draft → submitted → tested → approved → published → retired.

Each step checks who may take it, moves the state with a conditional UPDATE (so two people
acting at once cannot both succeed from the same state), stamps who and when on the version,
and appends a ``template.*`` event — all in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from candidly.library.history import TemplateEvent, record_step
from candidly.library.models import LibraryEntry, TemplateVersion
from candidly.library.rules import (
    AUTHOR_ROLES,
    COMPLIANCE_ROLES,
    LIFECYCLE,
    OWNER_ROLES,
    REVIEW_INTERVAL,
    ROUTINE_APPROVER_ROLES,
    LibraryError,
)
from candidly.library.versions import require_role
from candidly.review.tiers import Tier
from candidly.store.models import User
from candidly.store.types import utcnow


def _refuse(version: TemplateVersion, action: str, needs: str) -> LibraryError:
    return LibraryError(
        f"cannot {action} {version.label}: it is {version.state}, and only {needs} "
        f"can be {_past(action)} ({LIFECYCLE})"
    )


def _past(action: str) -> str:
    return {
        "submit": "submitted",
        "approve": "approved",
        "publish": "published",
        "retire": "retired",
        "roll back to": "re-published",
    }.get(action, action + "ed")


def _move(
    session: Session,
    version: TemplateVersion,
    allowed: set[str],
    to: str,
    **stamps: Any,
) -> None:
    """Move ``version`` to ``to`` only if it is still in one of ``allowed`` states."""
    try:
        result = cast(
            CursorResult[Any],
            session.execute(
                update(TemplateVersion)
                .where(TemplateVersion.id == version.id, TemplateVersion.state.in_(allowed))
                .values(state=to, **stamps)
                .execution_options(synchronize_session="fetch")
            ),
        )
    except IntegrityError:
        raise LibraryError(
            f"{version.entry.key} already has a published version: someone published at the "
            "same moment; look at `candidly library show` and try again"
        ) from None
    if result.rowcount != 1:
        session.refresh(version)
        raise LibraryError(
            f"{version.label} changed while you were acting (it is now {version.state}); "
            "look at it again"
        )


def submit(
    session: Session, version: TemplateVersion, actor: User, *, at: datetime | None = None
) -> None:
    """Hand a draft in for testing and approval: its author or a library owner may."""
    require_role(actor, AUTHOR_ROLES, "submit library templates")
    if actor.id != version.author_id and actor.role not in OWNER_ROLES:
        raise LibraryError(
            f"only {version.label}'s author ({version.author.email}) or a library owner "
            f"({', '.join(sorted(OWNER_ROLES))}) may submit it"
        )
    if version.state != "draft":
        raise _refuse(version, "submit", "a draft")
    at = at or utcnow()
    _move(session, version, {"draft"}, "submitted", submitted_at=at, submitted_by_id=actor.id)
    record_step(session, version.entry, version, TemplateEvent.SUBMITTED, actor, at=at)


def mark_tested(
    session: Session,
    version: TemplateVersion,
    actor: User,
    evidence: dict[str, Any],
    *,
    at: datetime | None = None,
) -> None:
    """Record that a submitted version passed the test gate; ``evidence`` is the run's summary.

    Only ``library.gate`` calls this, with a passing run: the gate is the only way to tested.
    """
    if version.state != "submitted":
        raise _refuse(version, "mark tested", "a submitted version")
    at = at or utcnow()
    _move(session, version, {"submitted"}, "tested", tested_at=at, tested_by_id=actor.id)
    record_step(
        session, version.entry, version, TemplateEvent.TESTED, actor, at=at, details=evidence
    )


def approver_roles(tier: Tier) -> frozenset[str]:
    """Who may approve a version of ``tier``: compliance alone for individual and human_only."""
    return COMPLIANCE_ROLES if tier.rank >= Tier.INDIVIDUAL.rank else ROUTINE_APPROVER_ROLES


def approve(
    session: Session, version: TemplateVersion, actor: User, *, at: datetime | None = None
) -> None:
    """Approve a tested version; never its author, and compliance alone for individual tiers."""
    roles = approver_roles(version.tier)
    if actor.role not in roles:
        raise LibraryError(
            f"{actor.email} is {actor.role}; versions of the {version.tier.value} tier are "
            f"approved only by {', '.join(sorted(roles))}"
        )
    if actor.id == version.author_id:
        raise LibraryError(
            f"{actor.email} wrote {version.label}: authors cannot approve their own versions; "
            "ask another reviewer"
        )
    if version.state != "tested":
        raise _refuse(version, "approve", "a tested version (one that passed the test gate)")
    at = at or utcnow()
    _move(session, version, {"tested"}, "approved", approved_at=at, approved_by_id=actor.id)
    record_step(session, version.entry, version, TemplateEvent.APPROVED, actor, at=at)


def current_published(session: Session, entry: LibraryEntry) -> TemplateVersion | None:
    """The entry's published version, if it has one."""
    return session.scalar(
        select(TemplateVersion).where(
            TemplateVersion.entry_id == entry.id, TemplateVersion.state == "published"
        )
    )


def publish(
    session: Session, version: TemplateVersion, actor: User, *, at: datetime | None = None
) -> TemplateVersion | None:
    """Publish an approved version, retiring the one it replaces in the same transaction.

    Returns the retired version, if there was one.
    """
    require_role(actor, OWNER_ROLES, "publish library templates")
    if version.state != "approved":
        raise _refuse(version, "publish", "a compliance-approved version")
    return _replace(session, version, actor, at or utcnow(), {"approved"}, TemplateEvent.PUBLISHED)


def _replace(
    session: Session,
    version: TemplateVersion,
    actor: User,
    at: datetime,
    allowed: set[str],
    event_type: str,
) -> TemplateVersion | None:
    old = current_published(session, version.entry)
    if old is not None:
        # Retire first: the unique index allows one published version per entry at any moment.
        _move(session, old, {"published"}, "retired", retired_at=at, retired_by_id=actor.id)
        record_step(
            session,
            old.entry,
            old,
            TemplateEvent.RETIRED,
            actor,
            at=at,
            details={"replaced_by": version.number},
        )
    _move(session, version, allowed, "published", published_at=at, published_by_id=actor.id)
    record_step(
        session,
        version.entry,
        version,
        event_type,
        actor,
        at=at,
        details={"replaces": old.number if old else None},
    )
    return old


def retire(
    session: Session, version: TemplateVersion, actor: User, *, at: datetime | None = None
) -> None:
    """Take a version out of use: a published one by a library owner, an unpublished one by its
    author too (withdrawing a draft)."""
    if version.state == "retired":
        raise LibraryError(f"{version.label} is already retired")
    if version.state == "published" or actor.id != version.author_id:
        require_role(actor, OWNER_ROLES, "retire this version")
    at = at or utcnow()
    _move(session, version, {version.state}, "retired", retired_at=at, retired_by_id=actor.id)
    record_step(session, version.entry, version, TemplateEvent.RETIRED, actor, at=at)


def rollback(
    session: Session,
    entry: LibraryEntry,
    actor: User,
    *,
    to: TemplateVersion | None = None,
    at: datetime | None = None,
) -> tuple[TemplateVersion, TemplateVersion | None]:
    """Re-publish an earlier version (default: the one published before the current one).

    Returns (re-published version, retired version). Only a version that was published before
    may come back: it passed every gate then, and it has not changed since.
    """
    require_role(actor, OWNER_ROLES, "roll back library templates")
    current = current_published(session, entry)
    if to is None:
        earlier = [
            v
            for v in entry.versions
            if v.state == "retired" and v.published_at is not None and v is not current
        ]
        if not earlier:
            raise LibraryError(f"{entry.key} has no earlier published version to roll back to")
        to = max(earlier, key=lambda v: (v.retired_at or v.published_at, v.number))
    if to.entry_id != entry.id:
        raise LibraryError(f"{to.label} is not a version of {entry.key}")
    if to.state != "retired" or to.published_at is None:
        raise LibraryError(
            f"cannot roll back to {to.label}: it is {to.state}, and only a retired version that "
            "was published before can be re-published; new versions go through the gate "
            f"({LIFECYCLE})"
        )
    old = _replace(session, to, actor, at or utcnow(), {"retired"}, TemplateEvent.ROLLED_BACK)
    return to, old


def require_published(session: Session, entry: LibraryEntry) -> TemplateVersion:
    """The entry's published version; a ``LibraryError`` when it has none."""
    version = current_published(session, entry)
    if version is None:
        raise LibraryError(f"{entry.key} has no published version")
    return version


def record_review(
    session: Session, entry: LibraryEntry, actor: User, *, at: datetime | None = None
) -> datetime:
    """Record the quarterly review of a published entry; returns the next review's due date."""
    require_role(actor, OWNER_ROLES, "record a library review")
    version = require_published(session, entry)
    at = at or utcnow()
    entry.reviewed_at = at
    entry.reviewed_by_id = actor.id
    record_step(session, entry, version, TemplateEvent.REVIEWED, actor, at=at)
    return at + REVIEW_INTERVAL


@dataclass(frozen=True)
class ReviewDue:
    """When a published entry is next due its quarterly review."""

    entry: str
    version: int
    published_at: datetime
    reviewed_at: datetime | None
    due_at: datetime

    def overdue_days(self, now: datetime) -> int:
        """Whole days past due at ``now`` (0 or negative when not yet due)."""
        return (now - self.due_at).days


def review_schedule(session: Session) -> list[ReviewDue]:
    """Every published entry with its review due date, the most overdue first.

    Due 90 days after the later of its version's publication and its last review.
    """
    rows = session.execute(
        select(LibraryEntry, TemplateVersion)
        .join(TemplateVersion, TemplateVersion.entry_id == LibraryEntry.id)
        .where(TemplateVersion.state == "published")
    ).all()
    schedule = []
    for entry, version in rows:
        published_at = version.published_at or version.created_at
        since = max(published_at, entry.reviewed_at or published_at)
        schedule.append(
            ReviewDue(
                entry.key, version.number, published_at, entry.reviewed_at, since + REVIEW_INTERVAL
            )
        )
    return sorted(schedule, key=lambda r: (r.due_at, r.entry))


def review_due(session: Session, now: datetime | None = None) -> list[ReviewDue]:
    """Published entries whose quarterly review is due at ``now`` (or overdue)."""
    now = now or utcnow()
    return [r for r in review_schedule(session) if r.due_at <= now]


@dataclass(frozen=True)
class EntrySummary:
    """One line of the library's table of contents."""

    entry: str
    published: int | None
    tier: str
    newest: int
    newest_state: str
    review_due: datetime | None


def list_entries(session: Session) -> list[EntrySummary]:
    """Every entry with its published version, its newest version and its review due date."""
    due = {r.entry: r.due_at for r in review_schedule(session)}
    rows = []
    for entry in session.scalars(
        select(LibraryEntry).order_by(LibraryEntry.touchpoint, LibraryEntry.role_type)
    ):
        if not entry.versions:
            continue
        live = next((v for v in entry.versions if v.state == "published"), None)
        newest = entry.versions[-1]
        rows.append(
            EntrySummary(
                entry.key,
                live.number if live else None,
                (live or newest).tier.value,
                newest.number,
                newest.state,
                due.get(entry.key),
            )
        )
    return rows
