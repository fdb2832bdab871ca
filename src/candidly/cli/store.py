"""``candidly init``: create or migrate the store."""

from __future__ import annotations

import typer

from candidly.cli.common import console, fail, open_store
from candidly.store.migrate import migrate


def init() -> None:
    """Create the store, or migrate it to the newest schema. Safe to run again."""
    database = open_store(require_schema=False)
    try:
        before, after = migrate(database)
    except Exception as exc:
        fail(f"Could not migrate {database.dialect} database: {exc.__class__.__name__}: {exc}")
    finally:
        database.dispose()
    if before == after:
        console.print(f"Store is up to date (schema {after}) on {database.dialect}.")
    else:
        console.print(
            f"Store {'created' if before is None else 'migrated'} on {database.dialect}: "
            f"schema {before or 'none'} → {after}."
        )


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("init")(init)
