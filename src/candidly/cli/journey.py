"""``candidly journey``: validate a journey file, show it, and audit it against the store."""

from __future__ import annotations

import csv
import sys
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path

import typer
from rich.table import Table

from candidly.cli.common import console, err_console, fail, open_store, print_json
from candidly.journey import JourneyError, load_journey
from candidly.journey.audit import PHASE_3, TouchpointAudit, audit_journey
from candidly.journey.load import default_journey_text, read_journey_file

journey_app = typer.Typer(
    help="The candidate journey: touchpoints, tiers, and its audit.", no_args_is_help=True
)

JOURNEY_OPTION = typer.Option(
    None, "--journey", "-j", help="A journey YAML file; candidly's default if omitted."
)


def _journey(path: Path | None):  # type: ignore[no-untyped-def]
    try:
        return load_journey(path)
    except JourneyError as exc:
        for problem in exc.problems:
            err_console.print(str(problem), highlight=False, markup=False, soft_wrap=True)
        fail(f"{len(exc.problems)} problem(s) in the journey; fix them and try again.")


@journey_app.command("validate")
def validate(path: Path = typer.Argument(..., help="The journey YAML file to check.")) -> None:
    """Check a journey file and report every problem with its line."""
    journey, problems = read_journey_file(path)
    for problem in problems:
        console.print(str(problem), highlight=False, markup=False, soft_wrap=True)
    if problems or journey is None:
        fail(f"{len(problems)} problem(s) in {path}.")
    console.print(
        f"{path}: valid — {len(journey.touchpoints)} touchpoints, {len(journey.stages)} stage names mapped."
    )


@journey_app.command("show")
def show(
    path: Path | None = JOURNEY_OPTION,
    as_yaml: bool = typer.Option(
        False, "--yaml", help="Print the default journey file to start your own from."
    ),
) -> None:
    """Show the journey's touchpoints with owner, trigger, tier and phase."""
    if as_yaml:
        text = path.read_text("utf-8") if path else default_journey_text()
        sys.stdout.write(text)
        return
    journey = _journey(path)
    table = Table(title=journey.name, title_justify="left")
    for column in ("touchpoint", "stage", "trigger", "owner", "tier", "phase", "min/msg"):
        table.add_column(column, overflow="fold")
    for tp in journey.touchpoints:
        trigger = tp.trigger
        if trigger is None:
            what = ""
        elif trigger.silence_business_days:
            what = f"silence {trigger.silence_business_days} business days"
        else:
            what = " ".join(
                filter(
                    None,
                    [
                        trigger.event,
                        f"→ {trigger.to_stage}" if trigger.to_stage else None,
                        trigger.offset,
                    ],
                )
            )
        tier = tp.tier.value + "".join(
            f"; {e.tier.value} after {e.after_stage}" for e in tp.escalations
        )
        table.add_row(
            tp.name,
            tp.stage or "any",
            what,
            tp.owner or "",
            tier,
            str(tp.phase),
            f"{tp.minutes_by_hand:g}",
        )
    console.print(table)


@journey_app.command("audit")
def audit(
    path: Path | None = JOURNEY_OPTION,
    months: float = typer.Option(
        6, min=0.25, max=60, help="How many months of history to measure."
    ),
    until: datetime | None = typer.Option(
        None, help="End of the window (UTC); default: the newest event."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print JSON for scripts instead of a table."
    ),
    csv_path: Path | None = typer.Option(
        None, "--csv", help="Also write the audit to this CSV file."
    ),
) -> None:
    """Measure each touchpoint's volume, personalization, deficit and recruiter hours; rank them."""
    journey = _journey(path)
    database = open_store()
    with database.session() as session:
        result = audit_journey(
            session, journey, months=months, until=until.astimezone() if until else None
        )
    database.dispose()
    if csv_path:
        with csv_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, [f.name for f in fields(TouchpointAudit)])
            writer.writeheader()
            writer.writerows(asdict(row) for row in result.touchpoints)
    if as_json:
        print_json(result.as_dict())
        return
    table = Table(
        title=f"Journey audit, {result.start:%Y-%m-%d} to {result.end:%Y-%m-%d} (per month)",
        title_justify="left",
    )
    for column in (
        "#",
        "priority",
        "touchpoint",
        "tier",
        "demand",
        "sent",
        "personal",
        "deficit",
        "hours by hand",
        "hours at stake",
    ):
        table.add_column(
            column, justify="right" if column not in ("priority", "touchpoint", "tier") else "left"
        )
    for row in result.touchpoints:
        table.add_row(
            str(row.rank),
            row.priority,
            row.name,
            row.tier,
            f"{row.monthly_demand:,.0f}",
            f"{row.monthly_sent:,.0f}",
            "—" if row.personalized_share is None else f"{row.personalized_share:.0%}",
            f"{row.deficit:.0%}",
            f"{row.hours_by_hand:,.1f}",
            f"{row.hours_at_stake:,.1f}",
        )
    console.print(table)
    at_stake = sum(r.hours_at_stake for r in result.touchpoints if r.priority != PHASE_3)
    console.print(
        f"Recruiter hours a month at stake in touchpoints that can be automated now or next: {at_stake:,.0f}"
    )
    if csv_path:
        console.print(f"Wrote {csv_path}")


def register(app: typer.Typer) -> None:
    """Add the journey command group to ``app``."""
    app.add_typer(journey_app, name="journey")
