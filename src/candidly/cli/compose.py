"""``candidly compose``: draft one touchpoint's message for one application, with findings and tier."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.panel import Panel
from rich.text import Text

from candidly.cli.common import console, fail, open_store, print_json
from candidly.compose.draft import ComposeError, compose_draft
from candidly.guard import configured_policy
from candidly.journey import JourneyError, load_journey


def compose(
    touchpoint: str = typer.Option(
        ..., "--touchpoint", "-t", help="A touchpoint id from the journey."
    ),
    application: int = typer.Option(..., "--application", "-a", help="The application's id."),
    version: int | None = typer.Option(
        None, "--version", "-v", help="A template version id; the published one if omitted."
    ),
    journey_path: Path | None = typer.Option(
        None, "--journey", "-j", help="A journey file; candidly's default if omitted."
    ),
    competitors: str = typer.Option("", help="Competitor names guard flags, comma-separated."),
    allow_domain: list[str] | None = typer.Option(
        None, "--allow-domain", help="A domain links may point to; repeatable."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print JSON for scripts instead of the draft."
    ),
) -> None:
    """Print a draft with the facts it used, guard's findings and its review tier. Nothing is sent."""
    from candidly.library.models import TemplateVersion

    try:
        journey = load_journey(journey_path)
    except JourneyError as exc:
        fail(f"The journey file has problems; run `candidly journey validate`:\n{exc}")
    policy = configured_policy(
        None
        if competitors is None
        else tuple(c.strip() for c in competitors.split(",") if c.strip()),
        tuple(allow_domain) if allow_domain else None,
    )
    database = open_store()
    with database.session() as session:
        chosen = None
        if version is not None:
            chosen = session.get(TemplateVersion, version)
            if chosen is None:
                fail(f"No template version with id {version}. See `candidly library list`.")
        try:
            draft = compose_draft(
                session, application, touchpoint, journey, version=chosen, policy=policy
            )
        except ComposeError as exc:
            fail(str(exc))
    database.dispose()
    if as_json:
        print_json(draft.as_dict())
        return
    header = f"{draft.touchpoint} · application {draft.application_id} · tier [bold]{draft.tier.value}[/]"
    if draft.held:
        header += " · [red]held until a person edits it[/]"
    console.print(header)
    for reason in draft.tier_reasons:
        console.print(f"  why: {reason}", highlight=False)
    if draft.task_only:
        console.print("No draft: a person writes this one. Context for the task:")
        print_json(draft.context)
        return
    body = Text(draft.text or "")
    for finding in draft.findings:
        body.stylize("bold red underline", finding.start, finding.end)
    console.print(Panel(body, title=draft.subject or "", title_align="left"))
    console.print(
        f"personalization {draft.personalization:.0%} · facts used: {', '.join(draft.facts_used) or 'none'}"
        + (f" · missing: {', '.join(draft.missing_optional)}" if draft.missing_optional else ""),
        highlight=False,
    )
    for finding in (*draft.subject_findings, *draft.findings):
        console.print(
            f"  [red]{finding.category}[/] {finding.text!r}: {getattr(finding, 'reason', '')}",
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    """Add the compose command to ``app``."""
    app.command("compose")(compose)
