"""``candidly demo``: the realistic sample organisation (see docs/demo.md)."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from candidly.cli.common import console, err_console, fail, open_store, print_json
from candidly.demo import DemoError, GenerationSummary, generate_organisation

demo_app = typer.Typer(
    name="demo",
    help="A realistic sample organisation to try candidly on.",
    no_args_is_help=True,
)


@demo_app.command("generate")
def generate(
    candidates: int = typer.Option(
        2_000, "--candidates", "-n", min=1, help="How many candidate records to write."
    ),
    seed: int = typer.Option(
        1, "--seed", help="Seed of the organisation: the same seed writes the same data."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Write a realistic, deterministic sample organisation into an empty store.

    Staff, requisitions, candidates with nine months of history, and the messy data a real ATS
    export has, with the truth about every defect in the demo_truth table.
    """
    database = open_store()
    progress = Progress(
        TextColumn("Generating"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("candidates"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=as_json,
    )
    try:
        with progress:
            task = progress.add_task("generate", total=candidates)
            summary = generate_organisation(
                database,
                candidates=candidates,
                seed=seed,
                progress=lambda done, _total: progress.update(task, completed=done),
            )
    except DemoError as exc:
        fail(str(exc))
    finally:
        database.dispose()
    if as_json:
        print_json(summary.as_dict())
    else:
        _print_summary(summary)


def _print_summary(summary: GenerationSummary) -> None:
    console.print(
        f"Wrote a sample organisation of {summary.candidates:,} candidates "
        f"({summary.duplicates:,} of them duplicates) with seed {summary.seed} on "
        f"{summary.dialect} in {summary.seconds:.1f} s ({summary.rows_per_second:,.0f} rows/s). "
        f"History ends {summary.reference_now:%Y-%m-%d %H:%M} UTC.",
        highlight=False,
    )
    rows = Table("table", "rows", title="Rows written", title_justify="left")
    for table, count in summary.rows.items():
        rows.add_row(table, f"{count:,}")
    console.print(rows)
    staff = ", ".join(f"{count} {role}" for role, count in summary.users_by_role.items())
    console.print(f"Staff: {staff}.", highlight=False)
    stages = ", ".join(
        f"{stage} {count:,}" for stage, count in summary.applications_by_stage.items()
    )
    console.print(f"Applications by stage: {stages}.", highlight=False)
    defects = Table("defect", "rows", title="Ground truth (demo_truth)", title_justify="left")
    for defect, count in summary.truth_by_defect.items():
        defects.add_row(defect, f"{count:,}")
    console.print(defects)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.add_typer(demo_app)
