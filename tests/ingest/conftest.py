"""Fixtures for the importer tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from candidly.store.db import Database, open_database


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text (or bytes) to a file in the test's folder and return its path."""

    def write_file(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write_file


@pytest.fixture
def sqlite_db(
    sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Database]:
    """An empty SQLite store only, for tests of files that never reach the database engine."""
    path = tmp_path / "candidly.db"
    shutil.copyfile(sqlite_template, path)
    database = open_database(f"sqlite:///{path}")
    monkeypatch.setenv("CANDIDLY_DATABASE_URL", f"sqlite:///{path}")
    yield database
    database.dispose()
