"""``candidly init``: create the store, or migrate it, and say clearly when it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect
from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.store.db import open_database
from candidly.store.migrate import current_revision, head_revision


def test_init_creates_an_sqlite_store_in_the_working_directory_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: CliRunner
) -> None:
    monkeypatch.delenv("CANDIDLY_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    result = cli.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    assert "Store created on sqlite" in result.stdout
    assert (tmp_path / "candidly.db").exists()
    database = open_database(f"sqlite:///{tmp_path / 'candidly.db'}")
    assert {"candidates", "jobs", "applications", "interviews", "users", "events"} <= set(
        inspect(database.engine).get_table_names()
    )
    assert current_revision(database) == head_revision(database)
    database.dispose()


def test_init_twice_is_harmless(db, cli: CliRunner) -> None:  # type: ignore[no-untyped-def]
    result = cli.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.stdout


def test_init_explains_a_url_it_cannot_use(monkeypatch: pytest.MonkeyPatch, cli: CliRunner) -> None:
    monkeypatch.setenv("CANDIDLY_DATABASE_URL", "not a url")
    result = cli.invoke(app, ["init"])
    assert result.exit_code == 1
    assert "is not a database URL" in result.stderr
    monkeypatch.setenv("CANDIDLY_DATABASE_URL", "mysql://root@127.0.0.1/test")
    result = cli.invoke(app, ["init"])
    assert result.exit_code == 1
    assert "SQLite or PostgreSQL" in result.stderr


def test_init_explains_a_missing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: CliRunner
) -> None:
    monkeypatch.setenv("CANDIDLY_DATABASE_URL", f"sqlite:///{tmp_path / 'nope' / 'c.db'}")
    result = cli.invoke(app, ["init"])
    assert result.exit_code == 1
    assert "folder for the SQLite database does not exist" in result.stderr


def test_init_explains_an_unreachable_postgresql(
    monkeypatch: pytest.MonkeyPatch, cli: CliRunner
) -> None:
    monkeypatch.setenv(
        "CANDIDLY_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2"
    )
    result = cli.invoke(app, ["init"])
    assert result.exit_code == 1
    assert "Cannot reach the database" in result.stderr
    assert "Traceback" not in result.output


def test_commands_on_an_older_schema_say_to_migrate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: CliRunner
) -> None:
    from alembic import command

    from candidly.store.migrate import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    monkeypatch.setenv("CANDIDLY_DATABASE_URL", url)
    database = open_database(url)
    config = alembic_config(database)
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    database.dispose()
    result = cli.invoke(app, ["candidates", "list"])
    assert result.exit_code == 1
    assert "older than this candidly" in result.stderr and "candidly init" in result.stderr
    assert cli.invoke(app, ["init"]).exit_code == 0
    assert cli.invoke(app, ["candidates", "list"]).exit_code == 0
