"""``candidly candidates``, ``candidly jobs`` and ``candidly events``: look at what is in the store."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.table import Table

from candidly.cli.common import console, fail, open_store, print_json
from candidly.store.queries import (
    CandidateFilter,
    EventFilter,
    count_candidates,
    list_candidates,
    list_jobs,
    parse_since,
    show_candidate,
    tail_events,
)
from candidly.store.types import utcnow

candidates_app = typer.Typer(help="List and show candidates.", no_args_is_help=True)
jobs_app = typer.Typer(help="List jobs.", no_args_is_help=True)
events_app = typer.Typer(help="Read the event log.", no_args_is_help=True)

JSON_OPTION = typer.Option(False, "--json", help="Print JSON for scripts instead of a table.")


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


@candidates_app.command("list")
def candidates_list(
    search: str | None = typer.Option(None, "--search", "-s", help="Part of a name or email."),
    stage: str | None = typer.Option(
        None, help="Only candidates with an application in this stage (canonical or as labelled)."
    ),
    job: int | None = typer.Option(None, help="Only candidates who applied to this job id."),
    owner: str | None = typer.Option(None, help="Only candidates owned by this recruiter's email."),
    source: str | None = typer.Option(None, help="Only candidates from this source channel."),
    limit: int = typer.Option(50, min=1, max=100_000, help="At most this many."),
    offset: int = typer.Option(0, min=0, help="Skip this many first (for paging)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List candidates, filtered; ``--json`` prints a JSON array."""
    flt = CandidateFilter(search, stage, job, owner, source, limit, offset)
    database = open_store()
    with database.session() as session:
        rows = list_candidates(session, flt)
        total = None if as_json else count_candidates(session, flt)
    database.dispose()
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"Candidates ({len(rows)} of {total})", title_justify="left")
    for column in ("id", "name", "email", "source", "owner", "apps", "latest stage"):
        table.add_column(column, overflow="fold")
    for row in rows:
        name = " ".join(p for p in (row["first_name"], row["last_name"]) if p)
        table.add_row(
            str(row["id"]),
            name,
            row["email"] or "",
            row["source_channel"] or "",
            row["owner_email"] or "",
            str(row["applications"]),
            row["latest_stage"] or "",
        )
    console.print(table)


@candidates_app.command("show")
def candidates_show(
    candidate_id: int = typer.Argument(..., help="The candidate's id (see `candidates list`)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Show one candidate: profile, applications with stages and interviews, recent events."""
    database = open_store()
    with database.session() as session:
        view = show_candidate(session, candidate_id)
    database.dispose()
    if view is None:
        fail(f"No candidate with id {candidate_id}. Find ids with `candidly candidates list`.")
    if as_json:
        print_json(view)
        return
    name = " ".join(p for p in (view["first_name"], view["last_name"]) if p) or "(no name)"
    console.print(
        f"[bold]{name}[/]  #{view['id']}  ({view['source_system']}:{view['external_id']})"
    )
    for label, key in (
        ("email", "email"),
        ("phone", "phone"),
        ("source", "source_channel"),
        ("owner", "owner_email"),
        ("timezone", "timezone"),
        ("consent", "consent_status"),
    ):
        if view[key]:
            console.print(f"  {label}: {view[key]}", highlight=False)
    if view["skills"]:
        console.print(f"  skills: {', '.join(view['skills'])}", highlight=False)
    table = Table(title="Applications", title_justify="left")
    for column in ("id", "job", "stage", "since", "outcome", "interviews"):
        table.add_column(column)
    for app in view["applications"]:
        table.add_row(
            str(app["id"]),
            app["job_title"],
            app["stage"] or f"({app['stage_label']})",
            _when(app["stage_entered_at"]),
            ", ".join(filter(None, [app["outcome"], *app["outcome_reasons"]])),
            str(len(app["interviews"])),
        )
    console.print(table)
    events = Table(title="Recent events", title_justify="left")
    for column in ("when", "type", "application", "details"):
        events.add_column(column, overflow="fold")
    for event in view["events"]:
        events.add_row(
            _when(event["occurred_at"]),
            event["type"],
            str(event["application_id"] or ""),
            _payload_summary(event["payload"]),
        )
    console.print(events)


@jobs_app.command("list")
def jobs_list(
    status: str | None = typer.Option(None, help="open, closed or draft."),
    role_type: str | None = typer.Option(None, help="A role type from the taxonomy."),
    department: str | None = typer.Option(None, help="A department name."),
    limit: int = typer.Option(200, min=1, max=100_000, help="At most this many."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List jobs with their application counts."""
    database = open_store()
    with database.session() as session:
        rows = list_jobs(
            session, status=status, role_type=role_type, department=department, limit=limit
        )
    database.dispose()
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"Jobs ({len(rows)})", title_justify="left")
    for column in ("id", "title", "role type", "department", "location", "status", "open/all"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["title"],
            row["role_type"] or "",
            row["department"] or "",
            row["location"] or "",
            row["status"],
            f"{row['open_applications']}/{row['applications']}",
        )
    console.print(table)


@events_app.command("tail")
def events_tail(
    type_: list[str] | None = typer.Option(
        None, "--type", "-t", help="Event type, repeatable; `stage.*` matches a prefix."
    ),
    candidate: int | None = typer.Option(None, help="Only this candidate's events."),
    application: int | None = typer.Option(None, help="Only this application's events."),
    job: int | None = typer.Option(None, help="Only this job's events."),
    since: str | None = typer.Option(None, help="From this time: 2026-03-01, or an age: 7d, 12h."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=100_000, help="The newest N."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Print the newest events, oldest first, filtered."""
    try:
        since_at = parse_since(since, utcnow()) if since else None
    except ValueError as exc:
        fail(f"--since: {exc}")
    flt = EventFilter(tuple(type_ or ()), candidate, application, job, since_at, limit)
    database = open_store()
    with database.session() as session:
        rows = tail_events(session, flt)
    database.dispose()
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"Events ({len(rows)})", title_justify="left")
    for column in ("id", "when (UTC)", "type", "candidate", "application", "source", "details"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row["id"]),
            _when(row["occurred_at"]),
            row["type"],
            str(row["candidate_id"] or ""),
            str(row["application_id"] or ""),
            row["source"],
            _payload_summary(row["payload"]),
        )
    console.print(table)


def _payload_summary(payload: dict[str, Any], width: int = 80) -> str:
    text = json.dumps(payload, ensure_ascii=False, default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


def register(app: typer.Typer) -> None:
    """Add the query command groups to ``app``."""
    app.add_typer(candidates_app, name="candidates")
    app.add_typer(jobs_app, name="jobs")
    app.add_typer(events_app, name="events")
