"""A candidate's context: the facts about them and their application that a template may use.

Facts are gathered from the store, the journey and the taxonomies. A fact that is missing,
empty or a placeholder is absent from the context — never "N/A", "None" or "" — so a template's
``{% if %}`` changes the sentence instead of printing a hole.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from candidly.compose.render import fact_is_absent
from candidly.journey.model import Journey
from candidly.quality.skills import canonical_skill
from candidly.store.models import Application, Candidate, Interview, Job, User
from candidly.taxonomy.vocab import load_role_types, load_source_channels

Context = dict[str, Any]

#: How many of a candidate's skills a message names: enough to be specific, few enough to read.
TOP_SKILLS = 3


class ContextError(Exception):
    """The application cannot be found."""


def build_context(
    session: Session,
    application_id: int,
    journey: Journey,
    *,
    now: datetime | None = None,
    company: str | None = None,
) -> Context:
    """Gather every fact about one application that a template may use; absent facts are left out."""
    contexts = build_contexts(session, [application_id], journey, now=now, company=company)
    if application_id not in contexts:
        raise ContextError(f"No application with id {application_id}.")
    return contexts[application_id]


#: Applications loaded per query when building contexts in bulk.
BATCH = 500


def build_contexts(
    session: Session,
    application_ids: list[int],
    journey: Journey,
    *,
    now: datetime | None = None,
    company: str | None = None,
) -> dict[int, Context]:
    """``build_context`` for many applications at once, with a handful of set-based queries.

    Unknown ids are simply missing from the result.
    """
    if company is None:
        from candidly.settings import get_settings

        company = get_settings().company_name or None
    contexts: dict[int, Context] = {}
    recommendations: dict[str, list[tuple[int, str]]] = {}
    for start in range(0, len(application_ids), BATCH):
        chunk = list(dict.fromkeys(application_ids[start : start + BATCH]))
        rows = session.execute(
            select(Application, Candidate, Job)
            .join(Candidate, Candidate.id == Application.candidate_id)
            .join(Job, Job.id == Application.job_id)
            .where(Application.id.in_(chunk))
        ).all()
        interviews = _next_interviews(session, chunk, now)
        people = _users(
            session,
            {c.owner_id for _, c, _ in rows}
            | {j.recruiter_id for _, _, j in rows}
            | {i for iv in interviews.values() for i in iv.interviewer_ids or []},
        )
        for application, candidate, job in rows:
            if job.role_type and job.role_type not in recommendations:
                recommendations[job.role_type] = _open_jobs(session, job.role_type)
            facts = _facts(application, candidate, job, people, journey, company)
            interview = interviews.get(application.id)
            if interview is not None:
                facts.update(_interview_facts(interview, people, candidate.timezone))
            facts["prep_topics"] = _prep_topics(job)
            facts["job_recommendations"] = list(
                dict.fromkeys(
                    t for i, t in recommendations.get(job.role_type or "", []) if i != job.id
                )
            )[:3]
            contexts[application.id] = {k: v for k, v in facts.items() if not fact_is_absent(v)}
    return contexts


def _facts(
    application: Application,
    candidate: Candidate,
    job: Job,
    people: dict[int, User],
    journey: Journey,
    company: str | None,
) -> Context:
    owner = people.get(candidate.owner_id or 0) or people.get(job.recruiter_id or 0)
    facts: Context = {
        "first_name": candidate.preferred_name or candidate.first_name,
        "last_name": candidate.last_name,
        "preferred_name": candidate.preferred_name,
        "job_title": job.title,
        "role": _role_name(job.role_type),
        "location": job.location,
        "current_title": candidate.current_title,
        "current_company": candidate.current_company,
        "source_channel": _channel_name(candidate.source_channel),
        "stage": _stage_words(application.stage),
        "top_skills": top_skills_for_job(candidate.skills, job.required_skills),
        "recruiter": owner.full_name if owner else None,
        "recruiter_signature": (owner.signature or owner.full_name) if owner else None,
        "application_date": _date(application.applied_at, candidate.timezone),
        "company": company,
    }
    step = journey.next_steps.get(application.stage or "")
    if step is not None:
        facts["next_step"] = step.step
        facts["next_step_timeline"] = step.timeline
    return facts


def _next_interviews(
    session: Session, application_ids: list[int], now: datetime | None
) -> dict[int, Interview]:
    query = select(Interview).where(
        Interview.application_id.in_(application_ids), Interview.status == "scheduled"
    )
    if now is not None:
        query = query.where(Interview.starts_at >= now)
    nearest: dict[int, Interview] = {}
    for interview in session.scalars(query):
        current = nearest.get(interview.application_id)
        if current is None or interview.starts_at < current.starts_at:
            nearest[interview.application_id] = interview
    return nearest


def _users(session: Session, ids: set[int | None]) -> dict[int, User]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}


def _open_jobs(session: Session, role_type: str, limit: int = 4) -> list[tuple[int, str]]:
    return [
        (job_id, title)
        for job_id, title in session.execute(
            select(Job.id, Job.title)
            .where(Job.role_type == role_type, Job.status == "open")
            .order_by(Job.opened_at.desc().nulls_last(), Job.id)
            .limit(limit)
        )
    ]


def top_skills_for_job(
    candidate_skills: list[str] | None, required: list[str] | None, limit: int = TOP_SKILLS
) -> list[str]:
    """The candidate's skills that this job asks for, in the job's order of importance."""
    have = {canonical_skill(s) or s for s in candidate_skills or []}
    wanted = dict.fromkeys(canonical_skill(r) or r for r in required or [])
    return [skill for skill in wanted if skill in have][:limit]


def _interview_facts(interview: Interview, people: dict[int, User], zone: str | None) -> Context:
    interviewers = sorted(
        (people[i] for i in interview.interviewer_ids or [] if i in people),
        key=lambda u: u.full_name,
    )
    return {
        # On site, the time that matters is where the interview happens; remotely, the candidate's.
        "interview_time": _when(
            interview.starts_at,
            interview.timezone if interview.format == "onsite" else (zone or interview.timezone),
        ),
        "interview_format": {
            "onsite": "on site",
            "video": "a video call",
            "phone": "a phone call",
        }.get(interview.format, interview.format),
        "interviewers": [p.full_name for p in interviewers],
        "interviewer_bios": [f"{p.full_name} — {p.bio}" for p in interviewers if p.bio],
    }


def _prep_topics(job: Job) -> list[str]:
    if job.required_skills:
        return [canonical_skill(s) or s for s in job.required_skills[:TOP_SKILLS]]
    for role in load_role_types():
        if role.key == job.role_type:
            return list(role.core_skills[:TOP_SKILLS])
    return []


def _role_name(key: str | None) -> str | None:
    return next((r.display_name for r in load_role_types() if r.key == key), None)


def _channel_name(key: str | None) -> str | None:
    return next((c.display_name for c in load_source_channels() if c.key == key), None)


def _stage_words(stage: str | None) -> str | None:
    return stage.replace("_", " ") if stage else None


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _when(moment: datetime, zone: str | None) -> str:
    local = moment.astimezone(_zone(zone))
    return f"{local:%A} {local.day} {local:%B} at {local:%H:%M} ({local.tzname()})"


def _date(moment: datetime | None, zone: str | None) -> str | None:
    if moment is None:
        return None
    local = moment.astimezone(_zone(zone))
    return f"{local.day} {local:%B %Y}"


def diverse_applications(session: Session, count: int = 10) -> list[int]:
    """Application ids chosen to differ: role types, stages, and both sparse and rich records.

    Used by the library's test gate: a template must read well for the candidate with every
    fact and for the one with hardly any.
    """
    combos = session.execute(
        select(Job.role_type, Application.stage, func.min(Application.id))
        .join(Job, Job.id == Application.job_id)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .where(Candidate.merged_into_id.is_(None))
        .group_by(Job.role_type, Application.stage)
        .order_by(func.min(Application.id))
    ).all()
    chosen: list[int] = []
    seen_roles: set[str | None] = set()
    seen_stages: set[str | None] = set()
    # First one per role type, then one per stage, then the rest: spread before depth.
    for want in ("role", "stage", "any"):
        for role, stage, app_id in combos:
            if len(chosen) >= count or app_id in chosen:
                continue
            if (want == "role" and role in seen_roles) or (
                want == "stage" and stage in seen_stages
            ):
                continue
            chosen.append(app_id)
            seen_roles.add(role)
            seen_stages.add(stage)
    sparse = session.scalar(
        select(func.min(Application.id))
        .join(Candidate, Candidate.id == Application.candidate_id)
        .where(
            Candidate.merged_into_id.is_(None),
            (Candidate.first_name.is_(None)) | (Candidate.owner_id.is_(None)),
        )
    )
    if sparse is not None and sparse not in chosen:
        chosen[-1 if len(chosen) >= count else len(chosen) :] = [sparse]
    return chosen[:count]
