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

from candidly.journey.model import Journey
from candidly.quality.placeholders import is_placeholder
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
    application = session.get(Application, application_id)
    if application is None:
        raise ContextError(f"No application with id {application_id}.")
    if company is None:
        from candidly.settings import get_settings

        company = get_settings().company_name or None
    candidate: Candidate = application.candidate
    job: Job = application.job
    owner = candidate.owner or job.recruiter
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
    facts.update(_interview_facts(session, application, candidate.timezone, now))
    facts["prep_topics"] = _prep_topics(job)
    facts["job_recommendations"] = _recommendations(session, job)
    return {name: value for name, value in facts.items() if not _absent(value)}


def top_skills_for_job(
    candidate_skills: list[str] | None, required: list[str] | None, limit: int = TOP_SKILLS
) -> list[str]:
    """The candidate's skills that this job asks for, in the job's order of importance."""
    have = {canonical_skill(s) or s for s in candidate_skills or []}
    wanted = dict.fromkeys(canonical_skill(r) or r for r in required or [])
    return [skill for skill in wanted if skill in have][:limit]


def _interview_facts(
    session: Session, application: Application, zone: str | None, now: datetime | None
) -> Context:
    interviews = [i for i in application.interviews if i.status == "scheduled"]
    if now is not None:
        interviews = [i for i in interviews if i.starts_at >= now]
    if not interviews:
        return {}
    interview: Interview = min(interviews, key=lambda i: i.starts_at)
    people = list(
        session.scalars(
            select(User)
            .where(User.id.in_(interview.interviewer_ids or [-1]))
            .order_by(User.full_name)
        )
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
        "interviewers": [p.full_name for p in people],
        "interviewer_bios": [f"{p.full_name} — {p.bio}" for p in people if p.bio],
    }


def _prep_topics(job: Job) -> list[str]:
    if job.required_skills:
        return [canonical_skill(s) or s for s in job.required_skills[:TOP_SKILLS]]
    for role in load_role_types():
        if role.key == job.role_type:
            return list(role.core_skills[:TOP_SKILLS])
    return []


def _recommendations(session: Session, job: Job, limit: int = 3) -> list[str]:
    if not job.role_type:
        return []
    titles = session.scalars(
        select(Job.title)
        .where(Job.role_type == job.role_type, Job.status == "open", Job.id != job.id)
        .order_by(Job.opened_at.desc().nulls_last(), Job.id)
        .limit(limit)
    )
    return list(dict.fromkeys(titles))


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


def _absent(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip() or is_placeholder(value)
    if isinstance(value, list | tuple):
        return len(value) == 0
    return False


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
