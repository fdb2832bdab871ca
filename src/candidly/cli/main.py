"""The ``candidly`` entry point: registers every command group."""

from __future__ import annotations

import typer

from candidly import __version__
from candidly.cli import compose, demo, guard, ingest, journey, library, quality, queries, store

app = typer.Typer(
    name="candidly",
    help="Every candidate hears from you at every stage: personal, prompt, accurate, governed.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"candidly {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """candidly: the candidate store, its importers, and the tools around them."""


for module in (store, ingest, demo, queries, journey, quality, library, compose, guard):
    module.register(app)
