"""The test gate: a version meets real, varied candidates before anyone approves it.

The gate renders a version (and each of its variants) for at least ten candidate profiles from
the store, chosen to differ in role type and stage and to include a sparse record, runs guard on
every message, and reports per profile the words, findings, missing facts and personalization.
A profile passes when its messages render and guard finds nothing the version forbids. A
submitted version becomes tested only when every profile tried passes and there are at least
``MIN_PROFILES`` of them; every run is recorded as evidence either way.

A version that has not passed the gate is untrusted code: it renders in a child process with
CPU-time and memory limits (all profiles in one child, so the gate stays quick). Versions that
passed render in-process.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from candidly.compose.context import build_context, diverse_applications
from candidly.compose.render import Rendered, TemplateRenderError, TemplateSource, render_template
from candidly.journey import Journey
from candidly.library.history import TemplateEvent, record_step
from candidly.library.isolation import render_isolated_many
from candidly.library.lifecycle import mark_tested
from candidly.library.models import TemplateVersion
from candidly.library.rules import AUTHOR_ROLES, MIN_PROFILES, LibraryError
from candidly.library.versions import require_role
from candidly.store.models import Application, Candidate, Job, User


@dataclass(frozen=True)
class FindingNote:
    """One thing guard objected to in a test message, and whether the version forbids it."""

    category: str
    text: str
    severity: str
    reason: str
    part: str  # subject or body
    blocking: bool


@dataclass(frozen=True)
class ProfileCheck:
    """One message (the main text or a variant) rendered for one candidate profile."""

    application_id: int
    role_type: str | None
    stage: str | None
    variant: str | None
    subject: str
    text: str
    words: int
    findings: tuple[FindingNote, ...]
    missing_optional: tuple[str, ...]
    facts_used: tuple[str, ...]
    personalization: float
    error: str | None

    @property
    def blocking(self) -> tuple[str, ...]:
        """The forbidden categories guard found, each once."""
        return tuple(dict.fromkeys(f.category for f in self.findings if f.blocking))

    @property
    def passed(self) -> bool:
        """True when the message rendered and guard found nothing the version forbids."""
        return self.error is None and not self.blocking


@dataclass(frozen=True)
class GateReport:
    """What one run of the gate found, profile by profile."""

    version: str
    checks: tuple[ProfileCheck, ...]
    skipped: tuple[tuple[int, str], ...]
    isolated: bool
    promoted: bool = False

    @property
    def profiles(self) -> tuple[int, ...]:
        """The application ids tried, in order."""
        return tuple(dict.fromkeys(c.application_id for c in self.checks))

    @property
    def passed_profiles(self) -> tuple[int, ...]:
        """Profiles whose every message passed."""
        failed = set(self.failed_profiles)
        return tuple(p for p in self.profiles if p not in failed)

    @property
    def failed_profiles(self) -> tuple[int, ...]:
        """Profiles with at least one message that failed."""
        return tuple(dict.fromkeys(c.application_id for c in self.checks if not c.passed))

    @property
    def ok(self) -> bool:
        """True when at least ``MIN_PROFILES`` profiles were tried and every one passed."""
        return len(self.passed_profiles) >= MIN_PROFILES and not self.failed_profiles

    def summary(self) -> dict[str, Any]:
        """The run as evidence for the event log: counts, and per message what was found."""
        return {
            "profiles": len(self.profiles),
            "passed": len(self.passed_profiles),
            "failed": len(self.failed_profiles),
            "skipped": len(self.skipped),
            "ok": self.ok,
            "isolated": self.isolated,
            "results": [
                {
                    "application_id": c.application_id,
                    "variant": c.variant,
                    "words": c.words,
                    "categories": sorted({f.category for f in c.findings}),
                    "blocking": list(c.blocking),
                    "missing": list(c.missing_optional),
                    "personalization": c.personalization,
                    "error": c.error,
                }
                for c in self.checks
            ],
        }


def run_test_gate(
    session: Session,
    version: TemplateVersion,
    journey: Journey,
    actor: User | None,
    *,
    profiles: int = MIN_PROFILES,
    record: bool = True,
    competitors: tuple[str, ...] | None = None,
    allowed_domains: tuple[str, ...] | None = None,
    cpu_seconds: int = 2,
    memory_mb: int = 512,
) -> GateReport:
    """Test ``version`` against ``profiles`` varied candidates; promote a submitted version that passes.

    With ``record`` the run is written to the event log as ``actor``'s (and, when it passes a
    submitted version, the version moves to tested); without it the run is a dry run that changes
    nothing and needs no actor.
    """
    (report,) = run_test_gates(
        session,
        [version],
        journey,
        actor,
        profiles=profiles,
        record=record,
        competitors=competitors,
        allowed_domains=allowed_domains,
        cpu_seconds=cpu_seconds,
        memory_mb=memory_mb,
    )
    return report


def run_test_gates(
    session: Session,
    versions: Sequence[TemplateVersion],
    journey: Journey,
    actor: User | None,
    *,
    profiles: int = MIN_PROFILES,
    record: bool = True,
    competitors: tuple[str, ...] | None = None,
    allowed_domains: tuple[str, ...] | None = None,
    cpu_seconds: int = 2,
    memory_mb: int = 512,
) -> list[GateReport]:
    """``run_test_gate`` for several versions at once: one child process renders every untested one.

    The CPU budget of the child is ``cpu_seconds`` per template rendered in it.
    """
    if actor is not None:
        require_role(actor, AUTHOR_ROLES, "run the test gate")
    elif record:
        raise LibraryError("name who runs the gate (--by EMAIL) to record it; or make it a dry run")
    from candidly.guard import GuardPolicy, check, configured_policy

    # Unless told otherwise, the gate checks what production will: the configured lists.
    configured = configured_policy(competitors, allowed_domains)
    competitors, allowed_domains = configured.competitors, configured.allowed_domains
    cache: dict[int, _Profile] = {}
    plans = []
    jobs: list[tuple[TemplateSource, list[dict[str, Any]]]] = []
    for version in versions:
        chosen, skipped = _profiles(session, version, journey, profiles, cache)
        if not chosen:
            raise LibraryError(
                "the store has no candidate profiles to test with: import candidates and "
                "applications first (or `candidly demo generate`)"
            )
        contexts = [p.context for p in chosen]
        variants = (None, *version.variant_names)
        isolated = version.tested_at is None
        first = len(jobs)
        if isolated:
            jobs.extend((version.source(v), contexts) for v in variants)
        plans.append((version, chosen, skipped, variants, isolated, first))
    rendered = (
        render_isolated_many(jobs, cpu_seconds=cpu_seconds * len(jobs), memory_mb=memory_mb)
        if jobs
        else []
    )
    reports = []
    subject_policy = GuardPolicy(competitors=competitors, allowed_domains=allowed_domains)
    for version, chosen, skipped, variants, isolated, first in plans:
        body_policy = GuardPolicy(
            max_words=version.word_limit, competitors=competitors, allowed_domains=allowed_domains
        )
        forbidden = set(version.forbidden_categories)
        results = [
            rendered[first + i]
            if isolated
            else [_render_here(version.source(v), p.context) for p in chosen]
            for i, v in enumerate(variants)
        ]
        checks = []
        for index, profile in enumerate(chosen):
            for variant, outcome in zip(variants, results, strict=True):
                result = outcome[index]
                if isinstance(result, str):
                    checks.append(profile.check(variant, None, (), result))
                    continue
                notes = tuple(
                    FindingNote(
                        f.category, f.text, str(f.severity), f.reason, part, f.category in forbidden
                    )
                    for part, text, policy in (
                        ("subject", result.subject, subject_policy),
                        ("body", result.text, body_policy),
                    )
                    for f in check(text, policy)
                )
                checks.append(profile.check(variant, result, notes, None))
        report = GateReport(version.label, tuple(checks), tuple(skipped), isolated)
        reports.append(_record(session, version, actor, report) if record and actor else report)
    return reports


def _record(
    session: Session, version: TemplateVersion, actor: User, report: GateReport
) -> GateReport:
    summary = report.summary()
    run = record_step(
        session, version.entry, version, TemplateEvent.TEST_RUN, actor, details=summary
    )
    if not (report.ok and version.state == "submitted"):
        return report
    session.flush()
    evidence = {k: v for k, v in summary.items() if k != "results"}
    mark_tested(session, version, actor, {**evidence, "run": run.id})
    return GateReport(report.version, report.checks, report.skipped, report.isolated, True)


def _render_here(source: TemplateSource, context: Mapping[str, Any]) -> Rendered | str:
    try:
        return render_template(source, context)
    except TemplateRenderError as exc:
        return str(exc)


@dataclass(frozen=True)
class _Profile:
    application_id: int
    role_type: str | None
    stage: str | None
    context: dict[str, Any]

    def check(
        self,
        variant: str | None,
        result: Rendered | None,
        findings: tuple[FindingNote, ...],
        error: str | None,
    ) -> ProfileCheck:
        if result is None:
            return ProfileCheck(
                self.application_id,
                self.role_type,
                self.stage,
                variant,
                "",
                "",
                0,
                (),
                (),
                (),
                0.0,
                error,
            )
        return ProfileCheck(
            self.application_id,
            self.role_type,
            self.stage,
            variant,
            result.subject,
            result.text,
            len(result.text.split()),
            findings,
            result.missing_optional,
            result.facts_used,
            result.personalization,
            error,
        )


def _profiles(
    session: Session,
    version: TemplateVersion,
    journey: Journey,
    count: int,
    cache: dict[int, _Profile],
) -> tuple[list[_Profile], list[tuple[int, str]]]:
    """``count`` varied profiles that have the version's required facts, and those skipped."""
    required = list(version.required_fields)
    chosen: list[_Profile] = []
    skipped: list[tuple[int, str]] = []
    tried: set[int] = set()

    def take(ids: Sequence[int]) -> None:
        for app_id in ids:
            if len(chosen) >= count or app_id in tried:
                continue
            tried.add(app_id)
            if app_id not in cache:
                row = session.execute(
                    select(Job.role_type, Application.stage)
                    .join(Job, Job.id == Application.job_id)
                    .where(Application.id == app_id)
                ).one()
                context = build_context(session, app_id, journey)
                cache[app_id] = _Profile(app_id, row.role_type, row.stage, context)
            profile = cache[app_id]
            missing = [f for f in required if f not in profile.context]
            if missing:
                skipped.append((app_id, f"lacks required fact(s) {', '.join(missing)}"))
                continue
            chosen.append(profile)

    take(diverse_applications(session, count))
    if len(chosen) < count:
        # Not enough differing (role, stage) pairs, or some lacked required facts: widen to one
        # application per job, then to the newest applications.
        take(_one_per_job(session, count * 5))
    if len(chosen) < count:
        take(
            list(
                session.scalars(
                    _live_applications().order_by(Application.id.desc()).limit(count * 10)
                )
            )
        )
    return chosen, skipped


def _live_applications() -> Any:
    return (
        select(Application.id)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .where(Candidate.merged_into_id.is_(None))
    )


def _one_per_job(session: Session, limit: int) -> list[int]:
    return list(
        session.scalars(
            select(func.min(Application.id))
            .join(Candidate, Candidate.id == Application.candidate_id)
            .where(Candidate.merged_into_id.is_(None))
            .group_by(Application.job_id)
            .order_by(func.min(Application.id))
            .limit(limit)
        )
    )
