"""The opportunity audit: where the journey leaves candidates unheard or unpersonalized, and what it costs.

For each touchpoint, over a window of months: how often its trigger happened (demand), how many
messages went out (history), how many of those used facts about the candidate beyond a first
name, the deficit (share of demand not met by a personalized message), and the recruiter hours
that writing them by hand would take. Touchpoints are then ranked into the AI-priority list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from candidly.journey.model import Journey, Touchpoint
from candidly.journey.personalization import personalized_share
from candidly.journey.silence import count_silences
from candidly.review.tiers import Tier
from candidly.store.events import EventType
from candidly.store.models import Event

DAYS_PER_MONTH = 365.25 / 12

IMMEDIATE = "Immediate"
PHASE_2 = "Phase 2"
PHASE_3 = "Phase 3 — human review required"
PRIORITY_ORDER = (IMMEDIATE, PHASE_2, PHASE_3)

#: Behaviour events count people, not clicks: one outreach per interested person, not per page view.
PER_PERSON_EVENTS = frozenset({EventType.JOB_VIEWED, EventType.APPLICATION_STARTED})

#: A touchpoint outside phase 1 still goes first when this many recruiter hours a month are at stake.
IMMEDIATE_HOURS = 20.0


@dataclass(frozen=True)
class TouchpointAudit:
    """One touchpoint's measured demand, history, personalization and cost, per month."""

    touchpoint: str
    name: str
    tier: str
    phase: int
    monthly_demand: float
    monthly_sent: float
    coverage: float | None
    personalized_share: float | None
    messages_sampled: int
    deficit: float
    hours_by_hand: float
    hours_at_stake: float
    priority: str
    rank: int = 0


@dataclass(frozen=True)
class JourneyAudit:
    """The audit of every touchpoint over ``[start, end)``."""

    start: datetime
    end: datetime
    months: float
    touchpoints: list[TouchpointAudit]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "months": self.months,
            "touchpoints": [asdict(t) for t in self.touchpoints],
        }


def audit_journey(
    session: Session,
    journey: Journey,
    *,
    months: float = 6,
    until: datetime | None = None,
    sample: int = 500,
) -> JourneyAudit:
    """Measure every touchpoint of ``journey`` from the store over the ``months`` before ``until``.

    ``until`` defaults to the newest event, so an imported history is audited as of its own end.
    At most ``sample`` recent messages per touchpoint are read to measure personalization.
    """
    end = (
        until or session.scalar(select(func.max(Event.occurred_at))) or datetime.now().astimezone()
    )
    start = end - timedelta(days=months * DAYS_PER_MONTH)
    sent = _sent_counts(session, start, end)
    stage_moves = _stage_moves(session, start, end)
    rows = []
    for tp in journey.touchpoints:
        demand = _demand(session, journey, tp, start, end, stage_moves) / months
        monthly_sent = sent.get(tp.id, 0) / months
        share, sampled = personalized_share(session, tp.id, start, end, sample)
        personalized = monthly_sent * share if share is not None else 0.0
        basis = max(demand, monthly_sent)
        deficit = 1.0 - min(1.0, personalized / basis) if basis else 0.0
        hours = demand * tp.minutes_by_hand / 60
        rows.append(
            TouchpointAudit(
                touchpoint=tp.id,
                name=tp.name,
                tier=tp.tier.value,
                phase=tp.phase,
                monthly_demand=round(demand, 1),
                monthly_sent=round(monthly_sent, 1),
                coverage=round(min(1.0, monthly_sent / demand), 3) if demand else None,
                personalized_share=round(share, 3) if share is not None else None,
                messages_sampled=sampled,
                deficit=round(deficit, 3),
                hours_by_hand=round(hours, 1),
                hours_at_stake=round(hours * deficit, 1),
                priority=priority_of(tp, hours * deficit),
            )
        )
    return JourneyAudit(start, end, months, rank_touchpoints(rows))


def priority_of(touchpoint: Touchpoint, hours_at_stake: float) -> str:
    """Where a touchpoint belongs in the AI-priority list.

    Moments that need a person's approval are Phase 3 whatever their volume; the rest go first
    when the journey puts them in phase 1 or when enough recruiter time is at stake.
    """
    if touchpoint.tier.rank >= Tier.INDIVIDUAL.rank or any(
        e.tier.rank >= Tier.INDIVIDUAL.rank for e in touchpoint.escalations
    ):
        return PHASE_3
    if touchpoint.phase == 1 or hours_at_stake >= IMMEDIATE_HOURS:
        return IMMEDIATE
    return PHASE_2


def rank_touchpoints(rows: Iterable[TouchpointAudit]) -> list[TouchpointAudit]:
    """Order by priority bucket, then by recruiter hours at stake, and number them."""
    ordered = sorted(
        rows, key=lambda r: (PRIORITY_ORDER.index(r.priority), -r.hours_at_stake, r.touchpoint)
    )
    return [TouchpointAudit(**{**asdict(r), "rank": i}) for i, r in enumerate(ordered, 1)]


def _sent_counts(session: Session, start: datetime, end: datetime) -> dict[str, int]:
    touchpoint = Event.payload["touchpoint"].as_string()
    query = (
        select(touchpoint, func.count())
        .where(
            Event.type == EventType.MESSAGE_SENT,
            Event.occurred_at >= start,
            Event.occurred_at < end,
        )
        .group_by(touchpoint)
    )
    return {str(name): count for name, count in session.execute(query) if name}


def _stage_moves(
    session: Session, start: datetime, end: datetime
) -> list[tuple[str | None, str | None, int]]:
    """``(from, to, count)`` of stage changes in the window, labels as written."""
    moved_from = func.coalesce(
        Event.payload["from"].as_string(), Event.payload["from_label"].as_string()
    )
    moved_to = func.coalesce(Event.payload["to"].as_string(), Event.payload["to_label"].as_string())
    query = (
        select(moved_from, moved_to, func.count())
        .where(
            Event.type == EventType.STAGE_CHANGED,
            Event.occurred_at >= start,
            Event.occurred_at < end,
        )
        .group_by(moved_from, moved_to)
    )
    return [(a, b, n) for a, b, n in session.execute(query)]


def _demand(
    session: Session,
    journey: Journey,
    tp: Touchpoint,
    start: datetime,
    end: datetime,
    stage_moves: list[tuple[str | None, str | None, int]],
) -> float:
    trigger = tp.trigger
    if trigger is None:
        return 0.0
    if trigger.silence_business_days is not None:
        return float(
            count_silences(
                session, start, end, trigger.silence_business_days, journey.canonical_stage
            )
        )
    if trigger.event == EventType.STAGE_CHANGED:
        total = 0
        for moved_from, moved_to, count in stage_moves:
            if trigger.to_stage and journey.canonical_stage(moved_to) != journey.canonical_stage(
                trigger.to_stage
            ):
                continue
            if trigger.from_stage and journey.canonical_stage(
                moved_from
            ) != journey.canonical_stage(trigger.from_stage):
                continue
            total += count
        return float(total)
    in_window = (Event.type == trigger.event, Event.occurred_at >= start, Event.occurred_at < end)
    if trigger.event in PER_PERSON_EVENTS:
        return float(
            session.scalar(select(func.count(distinct(Event.candidate_id))).where(*in_window)) or 0
        )
    return float(session.scalar(select(func.count()).select_from(Event).where(*in_window)) or 0)
