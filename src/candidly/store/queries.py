"""Read-side queries shared by every door (CLI, web, API): filtered lists and one-record views.

They return plain dicts ready to print or serialize, so no caller needs a live session afterwards.
Lists are keyset-friendly and bounded by ``limit``: they stay fast at a million candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from candidly.store.models import Application, Candidate, Event, Interview, Job, User


@dataclass(frozen=True)
class CandidateFilter:
    """What ``list_candidates`` narrows by; every field is optional."""

    search: str | None = None
    stage: str | None = None
    job_id: int | None = None
    owner_email: str | None = None
    source_channel: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class EventFilter:
    """What ``tail_events`` narrows by. ``types`` entries ending in ``.*`` match a prefix."""

    types: tuple[str, ...] = ()
    candidate_id: int | None = None
    application_id: int | None = None
    job_id: int | None = None
    since: datetime | None = None
    limit: int = 20
    after_id: int | None = field(default=None)


def candidate_row(candidate: Candidate, owner_email: str | None = None) -> dict[str, Any]:
    """A candidate as a flat dict (no resume text: that is for ``show_candidate``)."""
    return {
        "id": candidate.id,
        "source_system": candidate.source_system,
        "external_id": candidate.external_id,
        "first_name": candidate.first_name,
        "middle_name": candidate.middle_name,
        "last_name": candidate.last_name,
        "preferred_name": candidate.preferred_name,
        "email": candidate.email,
        "other_emails": candidate.other_emails,
        "phone": candidate.phone,
        "other_phones": candidate.other_phones,
        "city": candidate.city,
        "region": candidate.region,
        "country": candidate.country,
        "timezone": candidate.timezone,
        "current_title": candidate.current_title,
        "current_company": candidate.current_company,
        "source_channel": candidate.source_channel,
        "owner_id": candidate.owner_id,
        "owner_email": owner_email,
        "skills": candidate.skills,
        "consent_status": candidate.consent_status,
        "merged_into_id": candidate.merged_into_id,
        "created_at": candidate.created_at,
        "updated_at": candidate.updated_at,
    }


def _candidate_query(flt: CandidateFilter) -> Select[Candidate, str | None]:
    owner = aliased(User)
    query = (
        select(Candidate, owner.email)
        .outerjoin(owner, Candidate.owner_id == owner.id)
        .where(Candidate.merged_into_id.is_(None))
    )
    if flt.search:
        pattern = f"%{flt.search.strip().lower()}%"
        full_name = func.lower(
            func.coalesce(Candidate.first_name, "") + " " + func.coalesce(Candidate.last_name, "")
        )
        query = query.where(or_(full_name.like(pattern), func.lower(Candidate.email).like(pattern)))
    if flt.owner_email:
        query = query.where(func.lower(owner.email) == flt.owner_email.strip().lower())
    if flt.source_channel:
        query = query.where(Candidate.source_channel == flt.source_channel)
    if flt.stage or flt.job_id is not None:
        conditions = [Application.candidate_id == Candidate.id]
        if flt.stage:
            conditions.append(
                or_(Application.stage == flt.stage, Application.stage_label == flt.stage)
            )
        if flt.job_id is not None:
            conditions.append(Application.job_id == flt.job_id)
        query = query.where(select(Application.id).where(and_(*conditions)).exists())
    return query


def list_candidates(session: Session, flt: CandidateFilter) -> list[dict[str, Any]]:
    """Candidates matching ``flt``, by id, with how many applications each has."""
    rows = session.execute(
        _candidate_query(flt).order_by(Candidate.id).limit(flt.limit).offset(flt.offset)
    ).all()
    ids = [candidate.id for candidate, _ in rows]
    counts: dict[int, int] = {}
    latest: dict[int, str | None] = {}
    if ids:
        for candidate_id, stage, label in session.execute(
            select(Application.candidate_id, Application.stage, Application.stage_label)
            .where(Application.candidate_id.in_(ids))
            .order_by(Application.candidate_id, Application.stage_entered_at, Application.id)
        ):
            counts[candidate_id] = counts.get(candidate_id, 0) + 1
            latest[candidate_id] = stage or label
    result = []
    for candidate, owner_email in rows:
        row = candidate_row(candidate, owner_email)
        row["applications"] = counts.get(candidate.id, 0)
        row["latest_stage"] = latest.get(candidate.id)
        result.append(row)
    return result


def count_candidates(session: Session, flt: CandidateFilter) -> int:
    """How many candidates match ``flt``, ignoring its limit and offset."""
    return session.scalar(select(func.count()).select_from(_candidate_query(flt).subquery())) or 0


def show_candidate(session: Session, candidate_id: int, events: int = 25) -> dict[str, Any] | None:
    """One candidate with applications, stage histories, interviews and recent events; or None."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        return None
    owner_email = candidate.owner.email if candidate.owner else None
    view = candidate_row(candidate, owner_email)
    view["resume_text"] = candidate.resume_text
    view["applications"] = []
    for app in candidate.applications:
        view["applications"].append(
            {
                "id": app.id,
                "job_id": app.job_id,
                "job_title": app.job.title,
                "stage": app.stage,
                "stage_label": app.stage_label,
                "stage_entered_at": app.stage_entered_at,
                "applied_at": app.applied_at,
                "outcome": app.outcome,
                "outcome_reasons": app.outcome_reasons,
                "interviews": [interview_row(i) for i in app.interviews],
            }
        )
    app_ids = [a.id for a in candidate.applications]
    recent = session.scalars(
        select(Event)
        .where(
            or_(
                Event.candidate_id == candidate_id,
                Event.application_id.in_(app_ids) if app_ids else false(),
            )
        )
        .order_by(Event.occurred_at.desc(), Event.id.desc())
        .limit(events)
    ).all()
    view["events"] = [event_row_view(e) for e in reversed(recent)]
    return view


def interview_row(interview: Interview) -> dict[str, Any]:
    """An interview as a flat dict."""
    return {
        "id": interview.id,
        "starts_at": interview.starts_at,
        "ends_at": interview.ends_at,
        "timezone": interview.timezone,
        "format": interview.format,
        "location": interview.location,
        "interviewer_ids": interview.interviewer_ids,
        "status": interview.status,
    }


def list_jobs(
    session: Session,
    *,
    status: str | None = None,
    role_type: str | None = None,
    department: str | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Jobs with their open and total application counts, by id."""
    counts = (
        select(
            Application.job_id,
            func.count().label("applications"),
            func.sum(case((Application.outcome.is_(None), 1), else_=0)).label("open_applications"),
        )
        .group_by(Application.job_id)
        .subquery()
    )
    recruiter = aliased(User)
    query = (
        select(Job, recruiter.email, counts.c.applications, counts.c.open_applications)
        .outerjoin(recruiter, Job.recruiter_id == recruiter.id)
        .outerjoin(counts, counts.c.job_id == Job.id)
        .order_by(Job.id)
        .limit(limit)
    )
    if status:
        query = query.where(Job.status == status)
    if role_type:
        query = query.where(Job.role_type == role_type)
    if department:
        query = query.where(func.lower(Job.department) == department.strip().lower())
    return [
        {
            "id": job.id,
            "source_system": job.source_system,
            "external_id": job.external_id,
            "title": job.title,
            "role_type": job.role_type,
            "department": job.department,
            "location": job.location,
            "required_skills": job.required_skills,
            "status": job.status,
            "recruiter_email": recruiter_email,
            "applications": total or 0,
            "open_applications": open_ or 0,
            "opened_at": job.opened_at,
        }
        for job, recruiter_email, total, open_ in session.execute(query)
    ]


def event_row_view(event: Event) -> dict[str, Any]:
    """An event as a flat dict."""
    return {
        "id": event.id,
        "type": event.type,
        "occurred_at": event.occurred_at,
        "candidate_id": event.candidate_id,
        "application_id": event.application_id,
        "job_id": event.job_id,
        "actor_id": event.actor_id,
        "source": event.source,
        "external_id": event.external_id,
        "payload": event.payload,
    }


def tail_events(session: Session, flt: EventFilter) -> list[dict[str, Any]]:
    """The newest ``flt.limit`` events matching ``flt``, oldest first (like ``tail``)."""
    query = select(Event)
    if flt.types:
        exact = [t for t in flt.types if not t.endswith(".*")]
        prefixes = [t[:-1] for t in flt.types if t.endswith(".*")]
        query = query.where(
            or_(
                Event.type.in_(exact) if exact else false(),
                *(Event.type.startswith(p, autoescape=True) for p in prefixes),
            )
        )
    if flt.candidate_id is not None:
        query = query.where(Event.candidate_id == flt.candidate_id)
    if flt.application_id is not None:
        query = query.where(Event.application_id == flt.application_id)
    if flt.job_id is not None:
        query = query.where(Event.job_id == flt.job_id)
    if flt.since is not None:
        query = query.where(Event.occurred_at >= flt.since)
    if flt.after_id is not None:
        query = query.where(Event.id > flt.after_id)
    rows = session.scalars(
        query.order_by(Event.occurred_at.desc(), Event.id.desc()).limit(flt.limit)
    ).all()
    return [event_row_view(e) for e in reversed(rows)]


_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_since(text: str, now: datetime) -> datetime:
    """Read a lower time bound: an ISO 8601 date or time (UTC if no zone), or ``30m``/``12h``/``7d``/``2w`` ago.

    Raises ValueError with a sentence that says what is accepted.
    """
    value = text.strip()
    if len(value) >= 2 and value[-1].lower() in _UNITS and value[:-1].isdigit():
        return now - timedelta(seconds=int(value[:-1]) * _UNITS[value[-1].lower()])
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a time: use an ISO date like 2026-03-01, a time like "
            "2026-03-01T09:00+01:00, or an age like 30m, 12h, 7d, 2w."
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
