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

from candidly.compose.context import Context, build_context
from candidly.compose.fields import PERSONAL_FIELDS
from candidly.compose.render import Rendered, TemplateRenderError, render_template
from candidly.guard import GuardPolicy, check
from candidly.journey.model import Journey
from candidly.journey.stages import FUNNEL
from candidly.review.policy import decide_tier
from candidly.review.tiers import Tier
from candidly.store.events import EventType
from candidly.store.models import Application, Event

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


def furthest_stage(session: Session, application: Application) -> str | None:
    """The furthest canonical stage along the funnel this application ever reached."""
    reached = {application.stage} if application.stage else set()
    moves = session.scalars(
        select(Event.payload).where(
            Event.application_id == application.id, Event.type == EventType.STAGE_CHANGED
        )
    )
    for payload in moves:
        reached.update(s for s in (payload.get("to"), payload.get("from")) if s)
    on_path = [s for s in reached if s in FUNNEL]
    return max(on_path, key=FUNNEL.index) if on_path else application.stage


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
    from candidly.library import published_version

    try:
        touchpoint = journey.touchpoint(touchpoint_id)
    except KeyError:
        known = ", ".join(t.id for t in journey.touchpoints)
        raise ComposeError(
            f"No touchpoint {touchpoint_id!r} in the journey; use one of {known}."
        ) from None
    application = session.get(Application, application_id)
    if application is None:
        raise ComposeError(f"No application with id {application_id}.")
    if version is None:
        version = published_version(session, touchpoint_id, application.job.role_type)
    if version is None:
        raise ComposeError(
            f"No published template for {touchpoint_id}: publish one (`candidly library list`) or "
            "install the defaults (`candidly library install-defaults`)."
        )
    context = build_context(session, application_id, journey, now=now, company=company)
    reached = furthest_stage(session, application)
    forbidden = tuple(version.forbidden_categories)
    before = decide_tier(
        touchpoint, furthest_stage=reached, version_tier=Tier(version.tier), forbidden=forbidden
    )
    base = Draft(
        touchpoint=touchpoint_id,
        application_id=application_id,
        candidate_id=application.candidate_id,
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
    if policy is None:
        from candidly.settings import Settings

        settings = Settings()
        policy = GuardPolicy(
            competitors=settings.competitor_names(), allowed_domains=settings.link_domains()
        )
    guard_policy = policy
    if version.word_limit:
        guard_policy = GuardPolicy(
            max_words=version.word_limit,
            competitors=guard_policy.competitors,
            allowed_domains=guard_policy.allowed_domains,
        )
    origin = "template"
    if llm is not None and version.allow_llm and version.llm_prompt:
        rendered, origin = _model_draft(
            llm, version.llm_prompt, context, rendered, guard_policy, forbidden
        )
    findings = tuple(check(rendered.text, guard_policy))
    subject_findings = tuple(
        check(
            rendered.subject,
            GuardPolicy(
                competitors=guard_policy.competitors, allowed_domains=guard_policy.allowed_domains
            ),
        )
    )
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
