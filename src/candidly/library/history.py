"""A library entry's history is its ``template.*`` events: who did what to which version, when.

Every lifecycle step writes one event in the same transaction as the change it records. The
payload names the entry and version (so the log stays readable after ids change in an import),
the actor's role at the time, and the step's evidence (a test run's summary, what a publish
replaced).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from candidly.library.models import LibraryEntry, TemplateVersion
from candidly.store.events import record_event
from candidly.store.models import Event, User

#: Where library events come from, in the log's ``source`` column.
SOURCE: Final = "library"


class TemplateEvent:
    """Event types of the library, one place. ``template.<step>``."""

    CREATED = "template.created"
    SUBMITTED = "template.submitted"
    TEST_RUN = "template.test_run"
    TESTED = "template.tested"
    APPROVED = "template.approved"
    PUBLISHED = "template.published"
    RETIRED = "template.retired"
    ROLLED_BACK = "template.rolled_back"
    REVIEWED = "template.reviewed"
    LIBRARY_IMPORTED = "library.imported"


#: Every event type that belongs to an entry's history.
HISTORY_TYPES: Final = (
    TemplateEvent.CREATED,
    TemplateEvent.SUBMITTED,
    TemplateEvent.TEST_RUN,
    TemplateEvent.TESTED,
    TemplateEvent.APPROVED,
    TemplateEvent.PUBLISHED,
    TemplateEvent.RETIRED,
    TemplateEvent.ROLLED_BACK,
    TemplateEvent.REVIEWED,
)

#: Payload keys that locate the step; the rest is the step's evidence.
LOCATOR_KEYS: Final = frozenset({"entry", "version", "version_id", "role"})


def step_name(event_type: str) -> str:
    """``template.rolled_back`` → ``rolled_back``."""
    return event_type.removeprefix("template.")


def record_step(
    session: Session,
    entry: LibraryEntry,
    version: TemplateVersion | None,
    event_type: str,
    actor: User,
    *,
    at: datetime | None = None,
    details: dict[str, Any] | None = None,
) -> Event:
    """Append one step of ``entry``'s history (of ``version``, if it concerns one)."""
    payload: dict[str, Any] = {
        "entry": entry.key,
        "version": version.number if version is not None else None,
        "version_id": version.id if version is not None else None,
        "role": actor.role,
        **(details or {}),
    }
    return record_event(
        session, event_type, source=SOURCE, occurred_at=at, actor_id=actor.id, payload=payload
    )


def entry_history(session: Session, entry: LibraryEntry) -> list[Event]:
    """Every step of ``entry``'s history, oldest first."""
    return list(
        session.scalars(
            select(Event)
            .where(
                Event.type.in_(HISTORY_TYPES),
                Event.payload["entry"].as_string() == entry.key,
            )
            .order_by(Event.occurred_at, Event.id)
        )
    )
