"""The append-only event log: every state change in candidly writes one of these."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from candidly.store.models import Event
from candidly.store.types import utcnow


class EventType:
    """Event type names, one place. ``<subject>.<what happened>``."""

    CANDIDATE_CREATED = "candidate.created"
    CANDIDATE_UPDATED = "candidate.updated"
    CANDIDATE_CLEANED = "candidate.cleaned"
    CANDIDATE_MERGED = "candidate.merged"
    CANDIDATE_UNMERGED = "candidate.unmerged"
    JOB_CREATED = "job.created"
    JOB_UPDATED = "job.updated"
    JOB_VIEWED = "job.viewed"
    APPLICATION_STARTED = "application.started"
    APPLICATION_CREATED = "application.created"
    APPLICATION_UPDATED = "application.updated"
    STAGE_CHANGED = "stage.changed"
    INTERVIEW_SCHEDULED = "interview.scheduled"
    INTERVIEW_COMPLETED = "interview.completed"
    INTERVIEW_NO_SHOW = "interview.no_show"
    INTERVIEW_CANCELLED = "interview.cancelled"
    ASSESSMENT_COMPLETED = "assessment.completed"
    OFFER_EXTENDED = "offer.extended"
    OFFER_ACCEPTED = "offer.accepted"
    OFFER_DECLINED = "offer.declined"
    MESSAGE_SENT = "message.sent"
    MESSAGE_REPLIED = "message.replied"
    USER_CREATED = "user.created"
    IMPORT_COMPLETED = "import.completed"


def event_row(
    type: str,
    *,
    source: str,
    occurred_at: datetime | None = None,
    candidate_id: int | None = None,
    application_id: int | None = None,
    job_id: int | None = None,
    actor_id: int | None = None,
    external_id: str | None = None,
    payload: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Return an events-table row as a dict, for bulk inserts of many events at once."""
    now = utcnow()
    return {
        "type": type,
        "occurred_at": occurred_at or now,
        "recorded_at": now,
        "candidate_id": candidate_id,
        "application_id": application_id,
        "job_id": job_id,
        "actor_id": actor_id,
        "source": source,
        "external_id": external_id,
        "payload": payload or {},
    }


def record_event(session: Session, type: str, *, source: str, **fields: Any) -> Event:
    """Append one event in the session's transaction, so it commits or rolls back with the change."""
    event = Event(**event_row(type, source=source, **fields))
    session.add(event)
    return event


def stage_history(session: Session, application_id: int) -> list[Event]:
    """Return an application's ``stage.changed`` events, oldest first: its stage history."""
    return list(
        session.scalars(
            select(Event)
            .where(Event.application_id == application_id, Event.type == EventType.STAGE_CHANGED)
            .order_by(Event.occurred_at, Event.id)
        )
    )


def stage_changed_payload(
    from_stage: str | None,
    to_stage: str | None,
    *,
    from_label: str | None = None,
    to_label: str | None = None,
) -> dict[str, Any]:
    """The payload every ``stage.changed`` event carries.

    ``from``/``to`` are canonical stages (None when the label is not mapped yet);
    ``from_label``/``to_label`` are the stage names as the source system gave them.
    """
    return {"from": from_stage, "to": to_stage, "from_label": from_label, "to_label": to_label}
