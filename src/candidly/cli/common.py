"""What every command shares: opening the store, failing clearly, printing JSON."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console

from candidly.settings import Settings
from candidly.store.db import Database, StoreError, open_database

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``message`` as an error on stderr and exit with ``code``."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def open_store(*, require_schema: bool = True) -> Database:
    """Open the configured store, or exit with a sentence that says what to do."""
    try:
        database = open_database(settings=Settings())
    except StoreError as exc:
        fail(str(exc))
    try:
        ready = database.is_initialized()
    except Exception as exc:
        fail(f"Cannot reach the database: {exc.__class__.__name__}: {_first_line(exc)}")
    if require_schema and not ready:
        fail("The store has no schema yet. Run `candidly init` first.")
    if require_schema:
        from candidly.store.migrate import current_revision, head_revision

        current, head = current_revision(database), head_revision(database)
        if current != head:
            fail(
                f"The store's schema ({current}) is older than this candidly's ({head}). "
                "Run `candidly init` to migrate it."
            )
    return database


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [""])[0]


def print_json(value: Any) -> None:
    """Write ``value`` as JSON to stdout (dates as ISO 8601), for scripts."""
    sys.stdout.write(json.dumps(value, default=_json_default, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serializable: {type(value).__name__}")
