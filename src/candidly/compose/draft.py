"""Composing one draft: the published template, this candidate's facts, guard, and the tier.

``compose_draft`` never sends and never decides alone: it returns a ``Draft`` carrying its
findings, its tier and every reason for it. A human_only draft is not written at all — the
recruiter gets a task with the context instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from candidly.compose.context import Context, build_contexts
from candidly.compose.fields import PERSONAL_FIELDS
from candidly.compose.render import Rendered, TemplateRenderError, render_template
from candidly.guard import GuardPolicy, check, configured_policy
from candidly.journey.model import Journey, Touchpoint
from candidly.journey.stages import FUNNEL
from candidly.review.policy import decide_tier
from candidly.review.tiers import Tier
from candidly.store.events import EventType
from candidly.store.models import Application, Event, Job

if TYPE_CHECKING:
    from candidly.compose.llm import LLMProvider
    from candidly.guard import Finding
    from candidly.library.models import TemplateVersion


class ComposeError(Exception):
    """No draft can be composed (no published template, unknown touchpoint…); says what to do."""


@dataclass(frozen=True)
class Draft:
    """A rendered message before the gate, with everything a reviewer and the metrics need."""

    touchpoint: str
    application_id: int
    candidate_id: int
    version_id: int | None
    tier: Tier
    tier_reasons: tuple[str, ...]
    held: bool
    subject: str | None = None
    text: str | None = None
    html: str | None = None
    facts_used: tuple[str, ...] = ()
    missing_optional: tuple[str, ...] = ()
    personalization: float = 0.0
    findings: tuple[Finding, ...] = ()  # spans are offsets into ``text``
    subject_findings: tuple[Finding, ...] = ()  # spans are offsets into ``subject``
    context: Context = field(default_factory=dict)
    origin: str = "template"

    @property
    def task_only(self) -> bool:
        """True when a person writes this message: there is no draft text, only the context."""
        return self.tier is Tier.HUMAN_ONLY

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "touchpoint": self.touchpoint,
            "application_id": self.application_id,
            "candidate_id": self.candidate_id,
            "version_id": self.version_id,
            "tier": self.tier.value,
            "tier_reasons": list(self.tier_reasons),
            "held": self.held,
            "task_only": self.task_only,
            "subject": self.subject,
            "text": self.text,
            "facts_used": list(self.facts_used),
            "missing_optional": list(self.missing_optional),
            "personalization": self.personalization,
            "findings": [_finding(f) for f in self.findings],
            "subject_findings": [_finding(f) for f in self.subject_findings],
            "origin": self.origin,
        }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "category": f.category,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "severity": f.severity,
    }


def compose_draft(
    session: Session,
    application_id: int,
    touchpoint_id: str,
    journey: Journey,
    *,
    version: TemplateVersion | None = None,
    policy: GuardPolicy | None = None,
    now: datetime | None = None,
    company: str | None = None,
    llm: LLMProvider | None = None,
) -> Draft:
    """Compose the draft of ``touchpoint_id`` for one application (``version`` defaults to the published one)."""
    (draft,) = compose_drafts(
        session,
        [application_id],
        touchpoint_id,
        journey,
        version=version,
        policy=policy,
        now=now,
        company=company,
        llm=llm,
    )
    return draft


def compose_drafts(
    session: Session,
    application_ids: list[int],
    touchpoint_id: str,
    journey: Journey,
    *,
    version: TemplateVersion | None = None,
    policy: GuardPolicy | None = None,
    now: datetime | None = None,
    company: str | None = None,
    llm: LLMProvider | None = None,
) -> list[Draft]:
    """Compose one touchpoint's drafts for many applications, in order, loading facts in bulk.

    Raises ``ComposeError`` for an unknown touchpoint or application, or a role type with no
    published template (and no ``version`` given).
    """
    from candidly.library import published_version

    try:
        touchpoint = journey.touchpoint(touchpoint_id)
    except KeyError:
        known = ", ".join(t.id for t in journey.touchpoints)
        raise ComposeError(
            f"No touchpoint {touchpoint_id!r} in the journey; use one of {known}."
        ) from None
    if policy is None:
        policy = configured_policy()
    contexts = build_contexts(session, application_ids, journey, now=now, company=company)
    missing = [i for i in application_ids if i not in contexts]
    if missing:
        raise ComposeError(f"No application with id {missing[0]}.")
    rows = {
        app_id: (candidate_id, role_type, stage)
        for app_id, candidate_id, role_type, stage in session.execute(
            select(Application.id, Application.candidate_id, Job.role_type, Application.stage)
            .join(Job, Job.id == Application.job_id)
            .where(Application.id.in_(application_ids))
        )
    }
    reached = furthest_stages(session, application_ids, {i: r[2] for i, r in rows.items()})
    versions: dict[str | None, TemplateVersion | None] = {}
    drafts = []
    for app_id in application_ids:
        candidate_id, role_type, _ = rows[app_id]
        chosen = version
        if chosen is None:
            if role_type not in versions:
                versions[role_type] = published_version(session, touchpoint_id, role_type)
            chosen = versions[role_type]
        if chosen is None:
            raise ComposeError(
                f"No published template for {touchpoint_id}: publish one (`candidly library list`) or "
                "install the defaults (`candidly library install-defaults`)."
            )
        drafts.append(
            _draft(
                touchpoint,
                app_id,
                candidate_id,
                chosen,
                contexts[app_id],
                reached.get(app_id),
                policy,
                llm,
            )
        )
    return drafts


def furthest_stages(
    session: Session, application_ids: list[int], current: dict[int, str | None]
) -> dict[int, str | None]:
    """For each application, the furthest canonical stage along the funnel it ever reached."""
    reached: dict[int, set[str]] = {i: {s} if s else set() for i, s in current.items()}
    moves = session.execute(
        select(Event.application_id, Event.payload).where(
            Event.application_id.in_(application_ids), Event.type == EventType.STAGE_CHANGED
        )
    )
    for app_id, payload in moves:
        reached.setdefault(app_id, set()).update(
            s for s in (payload.get("to"), payload.get("from")) if s
        )
    result: dict[int, str | None] = {}
    for app_id, stages in reached.items():
        on_path = [s for s in stages if s in FUNNEL]
        result[app_id] = max(on_path, key=FUNNEL.index) if on_path else current.get(app_id)
    return result


def _draft(
    touchpoint: Touchpoint,
    application_id: int,
    candidate_id: int,
    version: TemplateVersion,
    context: Context,
    reached: str | None,
    policy: GuardPolicy,
    llm: LLMProvider | None,
) -> Draft:
    forbidden = tuple(version.forbidden_categories)
    before = decide_tier(
        touchpoint, furthest_stage=reached, version_tier=Tier(version.tier), forbidden=forbidden
    )
    base = Draft(
        touchpoint=touchpoint.id,
        application_id=application_id,
        candidate_id=candidate_id,
        version_id=version.id,
        tier=before.tier,
        tier_reasons=before.reasons,
        held=False,
        context=context,
    )
    if before.task_only:
        return base
    try:
        rendered: Rendered = render_template(version.source(), context)
    except TemplateRenderError as exc:
        reason = f"the template could not be rendered for this candidate: {exc}"
        tier = before.tier if before.tier.rank >= Tier.INDIVIDUAL.rank else Tier.INDIVIDUAL
        return replace(base, tier=tier, tier_reasons=(reason,), held=True)
    body_policy = policy
    if version.word_limit:
        body_policy = GuardPolicy(
            max_words=version.word_limit,
            competitors=policy.competitors,
            allowed_domains=policy.allowed_domains,
        )
    origin = "template"
    if llm is not None and version.allow_llm and version.llm_prompt:
        rendered, origin = _model_draft(
            llm, version.llm_prompt, context, rendered, body_policy, forbidden
        )
    findings = tuple(check(rendered.text, body_policy))
    subject_findings = tuple(check(rendered.subject, policy))
    decision = decide_tier(
        touchpoint,
        furthest_stage=reached,
        version_tier=Tier(version.tier),
        finding_categories=[f.category for f in (*findings, *subject_findings)],
        forbidden=forbidden,
    )
    return replace(
        base,
        tier=decision.tier,
        tier_reasons=decision.reasons,
        held=decision.held,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        facts_used=rendered.facts_used,
        missing_optional=rendered.missing_optional,
        personalization=rendered.personalization,
        findings=findings,
        subject_findings=subject_findings,
        origin=origin,
    )


def _model_draft(
    llm: LLMProvider,
    prompt: str,
    context: Context,
    fallback: Rendered,
    policy: GuardPolicy,
    forbidden: tuple[str, ...],
) -> tuple[Rendered, str]:
    """Ask the model for the body; keep the human-written template's text if anything is off.

    The model sees the facts only as quoted data. Its reply is a draft like any other: if the
    endpoint fails, or guard finds injection or anything the version forbids, the published
    human-written version stands and the draft says why.
    """
    from candidly.compose.llm import DraftRequest
    from candidly.compose.render import mentions, tidy_text

    result = llm.draft(DraftRequest(instructions=prompt, facts=context))
    if not result.ok or result.text is None:
        reason = result.failure.reason if result.failure else "no text"
        return fallback, f"template (the model failed: {reason})"
    text = tidy_text(result.text)
    refused = sorted(
        {f.category for f in check(text, policy) if f.category in {"injection", *forbidden}}
    )
    if refused:
        return fallback, f"template (guard refused the model's draft: {', '.join(refused)})"
    used = tuple(sorted(name for name, value in context.items() if mentions(value, text)))
    personal = [n for n in context if n in PERSONAL_FIELDS]
    score = round(len(set(used) & PERSONAL_FIELDS) / len(personal), 3) if personal else 0.0
    body_html = "\n".join(f"<p>{escape(p)}</p>" for p in text.strip().split("\n\n"))
    missing = fallback.missing_optional
    return Rendered(fallback.subject, text, body_html, used, missing, score), "llm"
