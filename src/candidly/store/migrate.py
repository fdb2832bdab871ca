"""Create or migrate the schema: ``candidly init``."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from candidly.store.db import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(database: Database) -> Config:
    """An Alembic configuration pointing at candidly's migrations and this database."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    return config


def current_revision(database: Database) -> str | None:
    """The revision the database is at, or None when it has no schema yet."""
    with database.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(database: Database) -> str | None:
    """The newest revision candidly ships."""
    return ScriptDirectory.from_config(alembic_config(database)).get_current_head()


def migrate(database: Database) -> tuple[str | None, str | None]:
    """Bring the schema to the newest revision; return (revision before, revision after)."""
    before = current_revision(database)
    config = alembic_config(database)
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return before, current_revision(database)
