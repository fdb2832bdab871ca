"""``candidly quality dedupe`` and ``candidly quality unmerge``: find, merge and unmerge duplicates.

Two modes share one engine. Without ``--in`` it works on the store's candidates (``--apply``
merges); with ``--in FILE.csv`` it deduplicates any CSV of people and writes ``id,cluster_id``,
no database needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from sqlalchemy import func, select

from candidly.cli.common import console, err_console, fail, open_store, print_json
from candidly.quality.dedupe import (
    FIELD_KINDS,
    DedupeOptions,
    InputError,
    dedupe_candidates,
    dedupe_file,
    parse_field,
)
from candidly.quality.merge import MergeError, unmerge
from candidly.store.db import Database
from candidly.store.models import User

JSON_OPTION = typer.Option(False, "--json", help="Print JSON for scripts instead of a table.")
_KINDS_HELP = ", ".join(FIELD_KINDS)


class BarProgress:
    """The engine's ``Progress``, drawn as a rich progress bar on stderr."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task: TaskID = bar.add_task("starting", total=None)

    def stage(self, description: str, total: int | None = None) -> None:
        self.bar.update(self.task, description=description, total=total, completed=0)

    def advance(self, amount: int = 1) -> None:
        self.bar.advance(self.task, amount)


def _bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def _user_id(database: Database, email: str | None) -> int | None:
    if email is None:
        return None
    with database.session() as session:
        user_id = session.scalar(
            select(User.id).where(func.lower(User.email) == email.strip().lower())
        )
    if user_id is None:
        fail(f"No user has the email {email!r}. `--by` names the person who decides, by email.")
    return user_id


def _print_summary(title: str, rows: list[tuple[str, Any]]) -> None:
    table = Table(title=title, title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in rows:
        table.add_row(label, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(table)


def dedupe(
    input_path: Path | None = typer.Option(
        None, "--in", help="Deduplicate this CSV of people instead of the store's candidates."
    ),
    id_column: str | None = typer.Option(
        None, "--id-column", help="File mode: the column that identifies each row (unique)."
    ),
    fields: list[str] = typer.Option(
        [],
        "--field",
        help=f"File mode, repeatable: COLUMN:KIND to compare on. Kinds: {_KINDS_HELP}.",
    ),
    out: str | None = typer.Option(
        None, "--out", help="File mode: where to write id,cluster_id (`-` for stdout)."
    ),
    apply: bool = typer.Option(
        False, "--apply", help="Store mode: merge the clusters above the merge threshold."
    ),
    by: str | None = typer.Option(
        None, "--by", help="Store mode: the email of the user the merges are recorded for."
    ),
    merge_threshold: float = typer.Option(
        0.95, min=0.0, max=1.0, help="Pairs at or above this probability may be merged."
    ),
    review_threshold: float = typer.Option(
        0.5, min=0.0, max=1.0, help="Pairs from here up to the merge threshold go to review."
    ),
    max_cluster_size: int = typer.Option(
        20, min=2, help="No cluster grows beyond this many records; larger ones go to review."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Find duplicate people: candidates in the store, or the rows of a CSV (--in).

    Store mode writes the pairs between the two thresholds to the review list and, with
    --apply, merges each cluster above the merge threshold (unmerge undoes one). File mode
    writes id,cluster_id for every row; rows of one person share a cluster id.
    """
    try:
        options = DedupeOptions(
            merge_threshold=merge_threshold,
            review_threshold=review_threshold,
            max_cluster_size=max_cluster_size,
        )
    except ValueError as exc:
        fail(f"{exc}.")
    if input_path is not None:
        _file_mode(input_path, id_column, fields, out, options, apply, by, as_json)
        return
    if id_column or fields or out:
        fail("--id-column, --field and --out are for file mode: add --in FILE.csv.")
    database = open_store()
    by_user_id = _user_id(database, by)
    with _bar() as bar:
        summary = dedupe_candidates(
            database, options, apply=apply, by_user_id=by_user_id, progress=BarProgress(bar)
        )
    database.dispose()
    result = summary.as_dict()
    if as_json:
        print_json(result)
        return
    rows: list[tuple[str, Any]] = [
        ("candidates compared", result["records"]),
        ("pairs compared", result["pairs_compared"]),
        ("clusters (2+ records)", result["clusters"]),
        ("auto-merge candidates (records to fold in)", result["auto_merge_candidates"]),
        ("review pairs", result["review_pairs"]),
        ("review items written", result["review_items_written"]),
    ]
    if apply:
        rows.append(("merges applied", result["merges_applied"]))
    _print_summary("Duplicate candidates", rows)
    for problem in summary.skipped_clusters:
        err_console.print(f"[yellow]skipped cluster[/] {problem}", highlight=False)
    if not apply and result["clusters"]:
        console.print(
            "Run again with --apply to merge the clusters; `candidly quality unmerge` undoes one."
        )


def _file_mode(
    input_path: Path,
    id_column: str | None,
    fields: list[str],
    out: str | None,
    options: DedupeOptions,
    apply: bool,
    by: str | None,
    as_json: bool,
) -> None:
    if apply or by:
        fail("--apply and --by merge candidates in the store; file mode only writes clusters.")
    if not id_column:
        fail("File mode needs --id-column: the column that identifies each row.")
    if not fields:
        fail(f"File mode needs at least one --field COLUMN:KIND. Kinds: {_KINDS_HELP}.")
    if not out:
        fail("File mode needs --out: the CSV to write id,cluster_id to (`-` for stdout).")
    try:
        specs = [parse_field(text) for text in fields]
        with _bar() as bar:
            result = dedupe_file(
                input_path,
                id_column=id_column,
                fields=specs,
                out=out,
                options=options,
                progress=BarProgress(bar),
            )
    except InputError as exc:
        fail(str(exc))
    summary = result.summary()
    if as_json:
        print_json({**summary, "out": out})
        return
    rows: list[tuple[str, Any]] = [
        ("records", summary["records"]),
        ("pairs compared", summary["pairs_compared"]),
        ("clusters (2+ records)", summary["clusters"]),
        ("records in clusters", summary["records_in_clusters"]),
        ("review pairs (not clustered)", summary["review_pairs"]),
    ]
    if out == "-":
        return
    _print_summary(f"Duplicates in {input_path.name} → {out}", rows)


def unmerge_command(
    merge_id: int = typer.Argument(..., help="The merge to undo (its id is in the merge events)."),
    by: str | None = typer.Option(
        None, "--by", help="The email of the user the unmerge is recorded for."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Undo a merge: restore every candidate and application exactly as before it.

    The pairs it joined are marked as not duplicates, so dedupe will not merge them again.
    """
    database = open_store()
    by_user_id = _user_id(database, by)
    try:
        with database.session() as session:
            merge = unmerge(session, merge_id, undone_by_id=by_user_id)
            restored_ids = [merge.survivor_id, *merge.merged_ids]
            result = {
                "merge_id": merge.id,
                "survivor_id": merge.survivor_id,
                "restored_ids": restored_ids,
                "undone_at": merge.undone_at,
            }
    except MergeError as exc:
        fail(f"{exc}.")
    finally:
        database.dispose()
    if as_json:
        print_json(result)
        return
    restored = ", ".join(str(i) for i in restored_ids)
    console.print(f"Merge {merge_id} undone: candidates {restored} are separate again.")


def register(quality_app: typer.Typer) -> None:
    """Add ``dedupe`` and ``unmerge`` to the ``candidly quality`` group."""
    quality_app.command("dedupe")(dedupe)
    quality_app.command("unmerge")(unmerge_command)
