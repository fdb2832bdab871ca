"""Counting silences: stretches where an open application heard nothing from us for N business days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from candidly.store.events import EventType
from candidly.store.models import Event
from candidly.taxonomy.stages import TERMINAL_STAGES, canonical_stage

_CLOCK_EVENTS = (EventType.APPLICATION_CREATED, EventType.MESSAGE_SENT, EventType.STAGE_CHANGED)


def business_days_between(start: datetime, end: datetime) -> int:
    """Whole weekdays (Monday–Friday) from ``start`` to ``end``; 0 when ``end`` is not later."""
    if end <= start:
        return 0
    first, last = start.date(), end.date()
    days = (last - first).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    weekday = first.weekday()
    for offset in range(rest):
        if (weekday + offset) % 7 < 5:
            count += 1
    return count


def count_silences(
    session: Session,
    start: datetime,
    end: datetime,
    business_days: int,
    stage_of: Callable[[str | None], str | None] = canonical_stage,
) -> int:
    """How many times an application went ``business_days`` without a message, within the window.

    The clock starts when the application is created, restarts at every message sent about it, and
    stops when the application closes (hired, rejected, withdrawn). One long silence counts once
    per ``business_days`` it lasts: each is a moment a status update was owed. ``stage_of`` maps
    a stage label onto a canonical stage (the journey's mapping, so "Not Moving Forward" closes).
    """
    query = (
        select(Event.application_id, Event.type, Event.occurred_at, Event.payload)
        .where(
            Event.application_id.is_not(None),
            Event.type.in_(_CLOCK_EVENTS),
            Event.occurred_at < end,
        )
        .order_by(Event.application_id, Event.occurred_at, Event.id)
        .execution_options(yield_per=5_000)
    )
    total = 0
    current: int | None = None
    clock: datetime | None = None

    def close(until: datetime) -> int:
        if clock is None:
            return 0
        return business_days_between(max(clock, start), until) // business_days

    for application_id, type_, occurred_at, payload in session.execute(query):
        if application_id != current:
            total += close(end)
            current, clock = application_id, None
        if type_ == EventType.APPLICATION_CREATED:
            clock = occurred_at
        elif type_ == EventType.MESSAGE_SENT:
            total += close(occurred_at) if occurred_at > start else 0
            clock = occurred_at
        elif type_ == EventType.STAGE_CHANGED and clock is not None:
            to = payload.get("to") or stage_of(payload.get("to_label"))
            if to in TERMINAL_STAGES:
                total += close(occurred_at) if occurred_at > start else 0
                clock = None
    total += close(end)
    return total
