"""How personal past messages were: did they use facts about the candidate beyond a first name?"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from candidly.compose.fields import PERSONAL_FIELDS
from candidly.compose.render import mentions
from candidly.store.events import EventType
from candidly.store.models import Application, Candidate, Event, Job

#: Facts shorter than this are too likely to match by accident ("Go", "R").
_MIN_FACT = 3


def candidate_facts(candidate: Candidate | None, job: Job | None) -> list[str]:
    """The facts about this candidate and their job that a personal message would mention."""
    facts: list[str] = []
    if candidate is not None:
        facts.extend(candidate.skills or [])
        facts.extend(
            v for v in (candidate.current_title, candidate.current_company, candidate.city) if v
        )
    if job is not None:
        facts.append(job.title)
    return [f.strip() for f in facts if f and len(f.strip()) >= _MIN_FACT]


def message_is_personal(payload: dict[str, Any], facts: list[str]) -> bool:
    """True when a sent message used a candidate-specific fact beyond the name.

    Messages candidly composed record the facts they used; for imported history the body is
    searched for the candidate's own facts.
    """
    used = payload.get("facts")
    if isinstance(used, list):
        return any(fact in PERSONAL_FIELDS for fact in used)
    body = payload.get("body")
    if not isinstance(body, str):
        return False
    return any(mentions(fact, body) for fact in facts)


def personalized_share(
    session: Session, touchpoint: str, start: datetime, end: datetime, sample: int
) -> tuple[float | None, int]:
    """The share of the newest ``sample`` messages of ``touchpoint`` that were personal.

    Returns ``(None, 0)`` when there is no message history for the touchpoint in the window.
    """
    events = session.execute(
        select(Event.candidate_id, Event.application_id, Event.job_id, Event.payload)
        .where(
            Event.type == EventType.MESSAGE_SENT,
            Event.payload["touchpoint"].as_string() == touchpoint,
            Event.occurred_at >= start,
            Event.occurred_at < end,
        )
        .order_by(Event.occurred_at.desc(), Event.id.desc())
        .limit(sample)
    ).all()
    if not events:
        return None, 0
    candidates = _by_id(session, Candidate, {e.candidate_id for e in events})
    applications = _by_id(session, Application, {e.application_id for e in events})
    job_ids = {e.job_id for e in events} | {a.job_id for a in applications.values()}
    jobs = _by_id(session, Job, job_ids)
    personal = 0
    for candidate_id, application_id, job_id, payload in events:
        application = applications.get(application_id)
        job = jobs.get(job_id or (application.job_id if application else 0))
        facts = candidate_facts(candidates.get(candidate_id), job)
        personal += message_is_personal(payload, facts)
    return personal / len(events), len(events)


def _by_id(session: Session, model: Any, ids: set[int | None]) -> dict[int, Any]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return {row.id: row for row in session.scalars(select(model).where(model.id.in_(wanted)))}
