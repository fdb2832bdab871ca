"""``candidly import``: read a CSV, JSON, Greenhouse or Lever file into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TaskID, TimeRemainingColumn
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from candidly.cli.common import console, err_console, fail, open_store, print_json
from candidly.ingest import Format, ImportFileError, ImportReport, Kind, import_file

#: Files smaller than this import in a blink: no progress bar.
_PROGRESS_FROM_BYTES = 1 << 20
#: Row errors printed in full; the rest are counted (``--json`` has them all).
_SHOWN_ERRORS = 50


def import_command(
    file: Annotated[Path, typer.Argument(help="The CSV, JSON or JSON Lines file to import.")],
    kind: Annotated[
        Kind | None,
        typer.Option("--kind", help="What the rows are; detected from the headers when left out."),
    ] = None,
    format: Annotated[
        Format | None,
        typer.Option("--format", help="How the file is written; detected when left out."),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="Source system the rows come from (default: the format's name). "
            "Re-imports match rows by source and id.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as JSON on stdout, for scripts.")
    ] = False,
) -> None:
    """Import candidates, jobs, applications or events from a file; safe to run again.

    Exits 1 when some rows were refused (the others are imported), 2 when the file cannot be read.
    """
    database = open_store()
    try:
        with _progress(file) as (bar, task):
            report = import_file(
                database,
                file,
                kind=kind,
                format=format,
                source=source,
                progress=(lambda done, total: bar.update(task, completed=done, total=total)),
            )
    except ImportFileError as exc:
        fail(str(exc), code=2)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        fail(
            f"The database failed during the import ({reason}). Rows imported before it are "
            "kept; import the file again once the database is back (it is safe to repeat)."
        )
    finally:
        database.dispose()
    if as_json:
        print_json(report.to_dict())
    else:
        _print(report)
    if report.failed:
        raise typer.Exit(1)


class _progress:
    """A transient progress bar on stderr for big files, invisible for small ones."""

    def __init__(self, file: Path) -> None:
        try:
            big = file.is_file() and file.stat().st_size >= _PROGRESS_FROM_BYTES
        except OSError:
            big = False
        self.bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=err_console,
            transient=True,
            disable=not big,
        )

    def __enter__(self) -> tuple[Progress, TaskID]:
        self.bar.__enter__()
        return self.bar, self.bar.add_task("importing", total=None)

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(None, None, None)


def _print(report: ImportReport) -> None:
    for error in report.errors[:_SHOWN_ERRORS]:
        err_console.print(str(error), style="red", highlight=False, markup=False, soft_wrap=True)
    if len(report.errors) > _SHOWN_ERRORS:
        more = len(report.errors) - _SHOWN_ERRORS
        err_console.print(f"… and {more} more errors (use --json to see them all).")
    for warning in report.warnings[:_SHOWN_ERRORS]:
        err_console.print(f"warning: {warning}", highlight=False, markup=False, soft_wrap=True)
    table = Table(
        title=f"Imported {report.file} ({report.format}, {report.kind})", title_justify="left"
    )
    for column in ("", "created", "updated", "unchanged"):
        table.add_column(column, justify="right" if column else "left")
    for name, counts in report.counts.items():
        if counts.created or counts.updated or counts.unchanged or name == report.kind:
            table.add_row(name, str(counts.created), str(counts.updated), str(counts.unchanged))
    console.print(table)
    verdict = "" if report.ok else f" — {report.failed} rows refused, see above"
    console.print(
        f"{report.summary()} in {report.seconds:.1f}s (source {report.source_system}){verdict}.",
        soft_wrap=True,
        highlight=False,
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("import")(import_command)
