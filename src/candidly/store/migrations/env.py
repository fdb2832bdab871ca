"""Alembic environment: runs on the connection candidly hands it, or on the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from candidly.store.db import open_database
from candidly.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    database = open_database(config.get_main_option("sqlalchemy.url") or None)
    with database.engine.connect() as conn:
        run_on(conn)
        conn.commit()
    database.dispose()
