"""``candidly library``: the governed template library, from the command line.

Each command opens the store, calls one function of ``candidly.library``, and presents the
result; a refusal is printed as the sentence the library wrote, naming the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.markup import escape
from rich.table import Table
from sqlalchemy.orm import Session

from candidly.cli.common import console, err_console, fail, open_store, print_json
from candidly.journey import Journey, JourneyError, load_journey
from candidly.library import LibraryError, LibraryFileError, find_entry, find_user, find_version
from candidly.library import lifecycle as life
from candidly.library.defaults import install_defaults
from candidly.library.export import (
    export_library,
    history_by_version,
    user_emails,
    version_document,
)
from candidly.library.gate import GateReport, run_test_gate
from candidly.library.importer import import_library
from candidly.library.models import TemplateVersion
from candidly.library.rules import MIN_PROFILES
from candidly.library.spec import template_warnings
from candidly.library.versions import (
    content_of,
    diff_versions,
    edit_version,
    new_entry,
    previous_version,
    split_ref,
    version_text,
)
from candidly.store.types import utcnow

library_app = typer.Typer(
    help="The template library: versions, lifecycle, the test gate, review, files.",
    no_args_is_help=True,
)

T = TypeVar("T")
REF = typer.Argument(
    ..., help="An entry, e.g. offer_letter or offer_letter.registered_nurse, optionally @VERSION."
)
BY = typer.Option(..., "--by", help="Email of the user taking this action.")
JOURNEY = typer.Option(
    None, "--journey", "-j", help="A journey YAML file; candidly's default if omitted."
)
AS_JSON = typer.Option(False, "--json", help="Print JSON for scripts.")


def _journey(path: Path | None) -> Journey:
    try:
        return load_journey(path)
    except JourneyError as exc:
        fail(escape(f"the journey has problems:\n{exc}"))


@contextmanager
def _session() -> Iterator[Session]:
    """One transaction; library refusals become a clear error and nothing is written."""
    database = open_store()
    try:
        with database.session() as session:
            yield session
    except LibraryFileError as exc:
        for problem in exc.problems:
            err_console.print(str(problem), highlight=False, markup=False, soft_wrap=True)
        fail(f"{len(exc.problems)} problem(s); fix them and try again.")
    except LibraryError as exc:
        fail(escape(str(exc)))
    finally:
        database.dispose()


def _act(ref: str, by: str, step: Callable[[Session, TemplateVersion, Any], T]) -> tuple[str, T]:
    with _session() as session:
        version = find_version(session, ref)
        result = step(session, version, find_user(session, by))
        return version.label, result


@library_app.command("list")
def list_entries(as_json: bool = AS_JSON) -> None:
    """List every entry with its published version, newest version and review due date."""
    with _session() as session:
        rows = life.list_entries(session)
    if as_json:
        print_json([asdict(r) for r in rows])
        return
    table = Table(title=f"Template library ({len(rows)} entries)", title_justify="left")
    for column in ("entry", "published", "tier", "newest", "review due"):
        table.add_column(column, no_wrap=column == "entry")
    for r in rows:
        table.add_row(
            r.entry,
            f"@{r.published}" if r.published else "—",
            r.tier,
            f"@{r.newest} {r.newest_state}",
            f"{r.review_due:%Y-%m-%d}" if r.review_due else "",
        )
    console.print(table)


@library_app.command("show")
def show(
    ref: str = REF,
    diff: bool = typer.Option(
        False, "--diff", help="Show a unified diff against the previous version."
    ),
    as_json: bool = AS_JSON,
) -> None:
    """Show a version (default: the newest): its state, content and history."""
    with _session() as session:
        version = find_version(session, ref)
        emails = user_emails(session)
        history = history_by_version(session, version.entry, emails).get(version.number, [])
        document = {"entry": version.entry.key, **version_document(version, emails, history)}
        text = diff_versions(previous_version(version), version) if diff else version_text(version)
    if as_json:
        print_json(document)
        return
    console.print(
        f"[bold]{escape(version.label)}[/] — {document['state']}, written by {escape(document['author'])}"
    )
    console.print(text, markup=False, highlight=False, soft_wrap=True)
    console.print("History:", style="bold")
    for step in history:
        details = ", ".join(f"{k} {v}" for k, v in step.get("details", {}).items() if v is not None)
        console.print(
            f"  {step['at'][:16].replace('T', ' ')}  {step['step']} by {step['by']} ({step['role']}){': ' + details if details else ''}",
            markup=False,
            highlight=False,
        )


@library_app.command("new")
def new(
    file: Path = typer.Option(
        ..., "--file", "-f", help="A YAML file: touchpoint, role_type, purpose, subject, body, …"
    ),
    by: str = BY,
    journey_path: Path | None = JOURNEY,
) -> None:
    """Create an entry and its first version (a draft) from a YAML file."""
    journey = _journey(journey_path)
    with _session() as session:
        version = new_entry(session, journey, _read(file), str(file), find_user(session, by))
        label, warnings = version.label, template_warnings(content_of(version))
    _created(label, warnings)


@library_app.command("edit")
def edit(
    ref: str = REF,
    file: Path | None = typer.Option(
        None, "--file", "-f", help="A YAML file with the fields that change."
    ),
    body: Path | None = typer.Option(None, "--body", help="A template file with the new body."),
    subject: str | None = typer.Option(None, "--subject", help="The new subject line."),
    by: str = BY,
    journey_path: Path | None = JOURNEY,
) -> None:
    """Write the next version of an entry with the changes given; versions are never edited in place."""
    if file is None and body is None and subject is None:
        fail("say what changes: --file YAML, --body TEMPLATE or --subject TEXT")
    changes: dict[str, Any] = {}
    if body is not None:
        changes["body"] = _read(body)
    if subject is not None:
        changes["subject"] = subject
    journey = _journey(journey_path)
    with _session() as session:
        version = edit_version(
            session,
            journey,
            ref,
            find_user(session, by),
            text=_read(file) if file else None,
            source=str(file) if file else "<changes>",
            changes=changes,
        )
        label, warnings = version.label, template_warnings(content_of(version))
    _created(label, warnings)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc.__class__.__name__}: {exc}")


def _created(label: str, warnings: list[str]) -> None:
    console.print(
        f"Wrote {escape(label)} (draft). Next: `candidly library submit {escape(label)} --by …`."
    )
    for warning in warnings:
        err_console.print(
            f"[yellow]warning:[/] {escape(warning)} — the test gate will refuse this."
        )


@library_app.command("submit")
def submit(ref: str = REF, by: str = BY) -> None:
    """Hand a draft in for testing and approval (its author or a library owner)."""
    label, _ = _act(ref, by, life.submit)
    console.print(f"{label} submitted. Next: `candidly library test {label} --by …`.")


@library_app.command("test")
def test(
    ref: str = REF,
    by: str | None = typer.Option(
        None, "--by", help="Email of who runs the gate; without it the run is a dry run."
    ),
    profiles: int = typer.Option(
        MIN_PROFILES, "--profiles", min=1, max=500, help="How many candidate profiles."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Report only: record nothing, change no state."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Leave out the rendered texts."),
    competitors: str | None = typer.Option(
        None, help="Competitor names guard flags, comma-separated (default: CANDIDLY_COMPETITORS)."
    ),
    allow_domain: list[str] | None = typer.Option(
        None,
        "--allow-domain",
        help="A domain links may point to; repeatable (default: CANDIDLY_ALLOWED_LINK_DOMAINS).",
    ),
    journey_path: Path | None = JOURNEY,
    as_json: bool = AS_JSON,
) -> None:
    """Render a version for real, varied candidates, run guard, and report per profile.

    A submitted version that passes with at least 10 profiles becomes tested (the run is recorded
    as the --by user's). Exits 1 when the gate is not passed.
    """
    journey = _journey(journey_path)
    with _session() as session:
        version = find_version(session, ref)
        report = run_test_gate(
            session,
            version,
            journey,
            find_user(session, by) if by else None,
            profiles=profiles,
            record=not dry_run and by is not None,
            competitors=None
            if competitors is None
            else tuple(c.strip() for c in competitors.split(",") if c.strip()),
            allowed_domains=tuple(allow_domain) if allow_domain else None,
        )
        state = version.state
    if as_json:
        print_json(
            {
                **report.summary(),
                "version": report.version,
                "state": state,
                "checks": [asdict(c) for c in report.checks],
            }
        )
    else:
        _print_report(report, state, quiet)
    if not report.ok:
        raise typer.Exit(1)


def _print_report(report: GateReport, state: str, quiet: bool) -> None:
    mode = (
        "in a resource-limited child process" if report.isolated else "in process (passed before)"
    )
    console.print(f"[bold]Test gate for {escape(report.version)}[/], rendered {mode}")
    for n, check in enumerate(report.checks, 1):
        head = f"application {check.application_id} · {check.role_type or 'no role type'} · {check.stage or 'no stage'}"
        if check.variant:
            head += f" · variant {check.variant}"
        verdict = "[green]pass[/]" if check.passed else "[red]FAIL[/]"
        console.print(f"\n{n}. {escape(head)} — {verdict}")
        if check.error:
            console.print(f"   error: {escape(check.error)}")
            continue
        console.print(
            f"   {check.words} words · personalization {check.personalization:.0%} · facts used: {', '.join(check.facts_used) or 'none'}"
        )
        if check.missing_optional:
            console.print(f"   missing, so the text fell back: {', '.join(check.missing_optional)}")
        for f in check.findings:
            tag = "[red]forbidden[/]" if f.blocking else "noted"
            console.print(
                f"   finding ({tag}): {f.category} in {f.part}: {escape(repr(f.text))} — {escape(f.reason)}"
            )
        if not quiet:
            console.print(
                f"   Subject: {check.subject}", markup=False, highlight=False, soft_wrap=True
            )
            for line in check.text.splitlines():
                console.print(f"   │ {line}", markup=False, highlight=False, soft_wrap=True)
    for app_id, why in report.skipped:
        console.print(f"skipped application {app_id}: {escape(why)}")
    passed, tried = len(report.passed_profiles), len(report.profiles)
    console.print(f"\n{passed} of {tried} profiles passed.")
    if report.promoted:
        console.print(f"[green]{escape(report.version)} is now tested.[/] Next: approval.")
    elif not report.ok:
        console.print(
            f"[red]Gate not passed[/]: it needs at least {MIN_PROFILES} profiles and every one passing; {escape(report.version)} stays {state}."
        )


@library_app.command("approve")
def approve(ref: str = REF, by: str = BY) -> None:
    """Approve a tested version (never your own; compliance alone for individual and human_only)."""
    label, _ = _act(ref, by, life.approve)
    console.print(f"{label} approved. Next: `candidly library publish {label} --by …` (ta_ops).")


@library_app.command("publish")
def publish(ref: str = REF, by: str = BY) -> None:
    """Publish an approved version; the entry's published version is retired in the same step."""
    label, old = _act(ref, by, life.publish)
    console.print(f"{label} published" + (f"; version {old.number} retired." if old else "."))


@library_app.command("retire")
def retire(ref: str = REF, by: str = BY) -> None:
    """Retire a version: nothing sends with it any more."""
    label, _ = _act(ref, by, life.retire)
    console.print(f"{label} retired.")


@library_app.command("rollback")
def rollback(
    ref: str = typer.Argument(
        ..., help="An entry (back to the version published before) or ENTRY@VERSION."
    ),
    by: str = BY,
) -> None:
    """Re-publish an earlier published version, retiring the current one."""
    with _session() as session:
        entry = find_entry(session, ref)
        target = find_version(session, ref) if split_ref(ref)[2] is not None else None
        back, old = life.rollback(session, entry, find_user(session, by), to=target)
        label, replaced = back.label, old.number if old else None
    console.print(f"{label} re-published" + (f"; version {replaced} retired." if replaced else "."))


@library_app.command("review-due")
def review_due(
    show_all: bool = typer.Option(
        False, "--all", help="List every published entry, not only the overdue."
    ),
    as_json: bool = AS_JSON,
) -> None:
    """List published entries whose quarterly review is due (90 days after publishing or the last review)."""
    now = utcnow()
    with _session() as session:
        rows = life.review_schedule(session) if show_all else life.review_due(session, now)
    if as_json:
        print_json([{**asdict(r), "overdue_days": r.overdue_days(now)} for r in rows])
        return
    if not rows:
        console.print("No entry is due for review.")
        return
    table = Table(title="Quarterly review", title_justify="left")
    for column in ("entry", "version", "published", "last review", "due", "overdue"):
        table.add_column(column, no_wrap=column == "entry")
    for r in rows:
        late = r.overdue_days(now)
        table.add_row(
            r.entry,
            f"@{r.version}",
            f"{r.published_at:%Y-%m-%d}",
            f"{r.reviewed_at:%Y-%m-%d}" if r.reviewed_at else "never",
            f"{r.due_at:%Y-%m-%d}",
            f"{late} days" if late >= 0 else "",
        )
    console.print(table)


@library_app.command("reviewed")
def reviewed(ref: str = REF, by: str = BY) -> None:
    """Record that an entry's quarterly review is done; the next is due in 90 days."""
    with _session() as session:
        entry = find_entry(session, ref)
        due = life.record_review(session, entry, find_user(session, by))
        key = entry.key
    console.print(f"Review of {key} recorded; the next is due {due:%Y-%m-%d}.")


@library_app.command("export")
def export(
    directory: Path = typer.Argument(..., help="The folder to write the library's YAML files to."),
) -> None:
    """Write the whole library (every version, state and history) as YAML files, one per entry."""
    with _session() as session:
        paths = export_library(session, directory)
    console.print(f"Wrote {len(paths) - 1} entries and people.yaml to {directory}.")


@library_app.command("import")
def import_(
    directory: Path = typer.Argument(..., help="A folder written by `candidly library export`."),
    by: str = BY,
    journey_path: Path | None = JOURNEY,
) -> None:
    """Bring a library folder into the store; checks every file first, and repeats change nothing."""
    journey = _journey(journey_path)
    with _session() as session:
        summary = import_library(session, journey, directory, find_user(session, by))
    if not summary.changed:
        console.print("Nothing to import: the store already has everything in these files.")
        return
    console.print(
        f"Imported {len(summary.entries_created)} new entries, {len(summary.versions_created)} new "
        f"versions and {summary.steps_added} history steps"
        + (
            f"; created inactive accounts for {', '.join(summary.users_created)}."
            if summary.users_created
            else "."
        )
    )


@library_app.command("install-defaults")
def install_defaults_command(
    by: str = BY,
    compliance: str | None = typer.Option(
        None,
        "--compliance",
        help="Email of the compliance reviewer who approves the individual-tier defaults.",
    ),
    profiles: int = typer.Option(
        MIN_PROFILES, "--profiles", min=MIN_PROFILES, max=500, help="Profiles per test."
    ),
    journey_path: Path | None = JOURNEY,
) -> None:
    """Install candidly's default template for every touchpoint, through the full lifecycle."""
    journey = _journey(journey_path)
    with _session() as session:
        reviewer = find_user(session, compliance) if compliance else None
        results = install_defaults(
            session, journey, find_user(session, by), compliance=reviewer, profiles=profiles
        )
        rows = [(r.entry, r.outcome, r.version.number if r.version else None) for r in results]
    for entry, outcome, number in rows:
        if outcome == "installed":
            console.print(f"published  {entry}@{number}")
        elif outcome == "awaiting_compliance":
            console.print(
                f"tested     {entry}@{number}: waiting for compliance approval (`candidly library approve {entry}@{number} --by COMPLIANCE`)"
            )
        else:
            console.print(f"kept       {entry}: already in the library")


def register(app: typer.Typer) -> None:
    """Add the library command group to ``app``."""
    app.add_typer(library_app, name="library")
