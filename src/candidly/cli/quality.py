"""``candidly quality``: audit the data, clean it, list what needs a person, find and merge duplicates."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from candidly.cli import dedupe
from candidly.cli.common import console, err_console, fail, open_store, print_json
from candidly.journey import JourneyError, load_journey
from candidly.quality.audit import audit_quality
from candidly.quality.clean import clean_store
from candidly.quality.review_list import list_review_items
from candidly.settings import Settings

quality_app = typer.Typer(
    help="Data quality: audit, clean, review, dedupe, unmerge.", no_args_is_help=True
)
dedupe.register(quality_app)

JSON_OPTION = typer.Option(False, "--json", help="Print JSON for scripts instead of a table.")


@quality_app.command("audit")
def audit(as_json: bool = JSON_OPTION) -> None:
    """Report completeness, placeholders, non-standard values, duplicates and readiness per field."""
    database = open_store()
    with database.session() as session:
        result = audit_quality(session, Settings().default_phone_region)
    database.dispose()
    if as_json:
        print_json(result.as_dict())
        return
    table = Table(
        title=f"Data readiness: {result.overall_readiness:.0%} overall", title_justify="left"
    )
    for column in ("field", "records", "complete", "placeholder", "non-std", "shared", "ready"):
        table.add_column(
            column, justify="left" if column == "field" else "right", no_wrap=True, min_width=6
        )
    for f in result.fields:
        table.add_row(
            f.field,
            f"{f.records:,}",
            f"{f.complete:.1%}",
            f"{f.placeholder:.1%}",
            f"{f.non_standard:.1%}",
            "" if f.suspected_duplicates is None else f"{f.suspected_duplicates:,}",
            f"{f.readiness:.1%}",
        )
    console.print(table)
    for f in result.fields:
        console.print(f"  {f.field}: {f.note}", highlight=False)
    console.print(
        f"Suspected duplicate candidates (sharing an email or phone): {result.suspected_duplicate_candidates:,}. "
        "Run `candidly quality clean`, then `candidly quality dedupe`."
    )


@quality_app.command("clean")
def clean(
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Report what would change; write nothing."
    ),
    journey_path: Path | None = typer.Option(
        None, "--journey", "-j", help="Journey file whose stage names to map."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Standardize names, emails, phones, titles, skills, channels and stages; every change is an event."""
    try:
        journey = load_journey(journey_path)
    except JourneyError as exc:
        fail(f"The journey file has problems; run `candidly journey validate`:\n{exc}")
    settings = Settings()
    database = open_store()
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("cleaning candidates", total=None)

        def progress(phase: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"cleaning {phase}")

        report = clean_store(
            database,
            journey,
            region=settings.default_phone_region,
            dry_run=dry_run,
            batch_size=settings.import_batch_size,
            progress=progress,
        )
    database.dispose()
    if as_json:
        print_json(report.as_dict())
        return
    verb = "Would change" if dry_run else "Changed"
    table = Table(
        title=f"{verb}: " + ", ".join(f"{n:,} {s}s" for s, n in sorted(report.changed.items())),
        title_justify="left",
    )
    for column in ("record", "field", "rule", "count", "example"):
        table.add_column(column, overflow="fold")
    for (subject, field, rule), count in sorted(report.changes.items()):
        old, new = report.examples[(subject, field, rule)]
        table.add_row(subject, field, rule, f"{count:,}", f"{old!r} → {new!r}")
    console.print(table)
    if report.flags:
        console.print("Left for a person to decide (`candidly quality review`):")
        for (kind, field), count in sorted(report.flags.items()):
            console.print(f"  {kind} ({field}): {count:,}", highlight=False)
    if dry_run:
        console.print("Dry run: nothing was written.")


@quality_app.command("measure")
def measure(as_json: bool = JSON_OPTION) -> None:
    """Score every cleaning rule against the sample organisation's recorded truth."""
    from candidly.quality.truth import measure_cleaning

    database = open_store()
    with database.session() as session:
        results = measure_cleaning(session)
    database.dispose()
    if not results:
        fail(
            "No recorded truth in this store: measuring needs a sample organisation (`candidly demo generate`)."
        )
    if as_json:
        print_json([{**r.__dict__, "accuracy": r.accuracy} for r in results])
        return
    table = Table(title="Cleaning accuracy against the recorded truth", title_justify="left")
    for column in ("defect", "field", "records", "correct", "accuracy", "left for review"):
        table.add_column(column, justify="left" if column in ("defect", "field") else "right")
    for r in results:
        table.add_row(
            r.defect,
            r.field,
            f"{r.total:,}",
            f"{r.correct:,}",
            f"{r.accuracy:.1%}",
            f"{r.flagged:,}",
        )
    console.print(table)


@quality_app.command("review")
def review(
    kind: str | None = typer.Option(
        None,
        help="Only this kind: placeholder, invalid_email, invalid_phone, role_type, source_channel, stage_label, duplicate_pair.",
    ),
    status: str = typer.Option("open", help="open, accepted or rejected."),
    limit: int = typer.Option(50, min=1, max=100_000, help="At most this many."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List what the cleaning and dedupe left for a person to decide."""
    database = open_store()
    with database.session() as session:
        items = list_review_items(session, kind=kind, status=status, limit=limit)
    database.dispose()
    if as_json:
        print_json(items)
        return
    table = Table(title=f"Review list ({len(items)})", title_justify="left")
    for column in ("id", "kind", "subject", "field", "current", "proposed", "confidence"):
        table.add_column(column, overflow="fold")
    for item in items:
        subject = f"{item['subject_type']} {item['subject_id']}" + (
            f" ~ {item['other_id']}" if item["other_id"] else ""
        )
        confidence = "" if item["confidence"] is None else f"{item['confidence']:.2f}"
        table.add_row(
            str(item["id"]),
            str(item["kind"]),
            subject,
            str(item["field"] or ""),
            str(item["current_value"] or ""),
            str(item["proposed_value"] or ""),
            confidence,
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the quality command group to ``app``."""
    app.add_typer(quality_app, name="quality")
