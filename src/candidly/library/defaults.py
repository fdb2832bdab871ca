"""The default library candidly ships: one entry for every touchpoint of the default journey.

Shipped templates go through the same lifecycle as anyone's, in this organisation's store:
they are authored and submitted by the system account ``candidly`` (inactive: it can never log
in or act otherwise), tested by the gate against this store's own candidates, approved by the
named library owner (auto and batch tiers) or by the named compliance reviewer (individual and
human_only tiers), and published by the owner. Without a compliance reviewer the individual-tier
entries stop at tested, waiting for one. Nothing is installed unless every default passes the gate.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from candidly.journey import Journey
from candidly.library.gate import GateReport, run_test_gates
from candidly.library.lifecycle import approve, approver_roles, publish, submit
from candidly.library.models import ANY_ROLE, LibraryEntry, TemplateVersion
from candidly.library.rules import MIN_PROFILES, OWNER_ROLES, LibraryError
from candidly.library.spec import LibraryFileError, find_touchpoint, resolve_content
from candidly.library.versions import create_version, require_role
from candidly.store.models import Application, Candidate, User
from candidly.yamldoc import read_yaml

#: The account shipped templates are authored by.
SYSTEM_EMAIL = "library@candidly.invalid"


@dataclass(frozen=True)
class DefaultSpec:
    """One shipped template: its file name, touchpoint and resolved content."""

    filename: str
    touchpoint: str
    content: dict[str, object]


@dataclass(frozen=True)
class Installed:
    """What happened to one default entry."""

    entry: str
    outcome: str  # installed, awaiting_compliance, already_present
    version: TemplateVersion | None = None
    report: GateReport | None = None


def default_specs(journey: Journey) -> list[DefaultSpec]:
    """The shipped templates, checked against ``journey``; a ``LibraryFileError`` if one is wrong."""
    folder = resources.files("candidly.library").joinpath("default")
    specs = []
    problems = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml"):
            continue
        document = read_yaml(item.read_text("utf-8"), f"default/{item.name}")
        data = document.data
        touchpoint = find_touchpoint(journey, str(data["touchpoint"]))
        content, found = resolve_content(data, document, (), touchpoint)
        problems.extend(found)
        if content is not None:
            specs.append(DefaultSpec(item.name, touchpoint.id, content))
    if problems:
        raise LibraryFileError(problems)
    return specs


def system_author(session: Session) -> User:
    """The inactive ``candidly`` account that authors the shipped templates (created if absent)."""
    user = session.scalar(select(User).where(User.email == SYSTEM_EMAIL))
    if user is None:
        user = User(
            email=SYSTEM_EMAIL,
            full_name="candidly (default library)",
            role="recruiter",
            is_active=False,
        )
        session.add(user)
        session.flush()
    return user


def install_defaults(
    session: Session,
    journey: Journey,
    owner: User,
    *,
    compliance: User | None = None,
    profiles: int = 10,
) -> list[Installed]:
    """Install every shipped template whose entry is not in the library yet, through the lifecycle.

    Raises ``LibraryError`` (and the caller's transaction rolls back) if any fails the test gate.
    """
    require_role(owner, OWNER_ROLES, "install the default library")
    if compliance is not None and compliance.role != "compliance":
        raise LibraryError(f"{compliance.email} is {compliance.role}, not a compliance reviewer")
    live = session.scalar(
        select(func.count(Application.id))
        .join(Candidate, Candidate.id == Application.candidate_id)
        .where(Candidate.merged_into_id.is_(None))
    )
    if (live or 0) < max(profiles, MIN_PROFILES):
        raise LibraryError(
            f"the test gate needs at least {max(profiles, MIN_PROFILES)} candidate profiles and "
            f"the store has {live or 0}: import candidates first (or `candidly demo generate`), "
            "then install the defaults"
        )
    author = system_author(session)
    results: list[Installed] = []
    fresh: list[TemplateVersion] = []
    for spec in default_specs(journey):
        exists = session.scalar(
            select(LibraryEntry).where(
                LibraryEntry.touchpoint == spec.touchpoint, LibraryEntry.role_type == ANY_ROLE
            )
        )
        if exists is not None:
            results.append(Installed(exists.key, "already_present"))
            continue
        version = create_version(
            session,
            journey,
            touchpoint=spec.touchpoint,
            role_type=ANY_ROLE,
            content=dict(spec.content),
            author=author,
        )
        submit(session, version, author)
        fresh.append(version)
    reports = run_test_gates(session, fresh, journey, owner, profiles=profiles) if fresh else []
    failures = [_failure(v, r) for v, r in zip(fresh, reports, strict=True) if not r.ok]
    if failures:
        raise LibraryError(
            "the default library did not pass the test gate on this store, so nothing was "
            "installed:\n" + "\n".join(failures)
        )
    for version, report in zip(fresh, reports, strict=True):
        approver = owner if owner.role in approver_roles(version.tier) else compliance
        if approver is None:
            results.append(Installed(version.entry.key, "awaiting_compliance", version, report))
            continue
        approve(session, version, approver)
        publish(session, version, owner)
        results.append(Installed(version.entry.key, "installed", version, report))
    return results


def _failure(version: TemplateVersion, report: GateReport) -> str:
    if len(report.profiles) < MIN_PROFILES:
        return f"{version.entry.key}: only {len(report.profiles)} candidate profiles to test with"
    reasons = sorted({c.error or ", ".join(c.blocking) for c in report.checks if not c.passed})
    return f"{version.entry.key}: {len(report.failed_profiles)} profile(s) failed: {'; '.join(reasons)}"
