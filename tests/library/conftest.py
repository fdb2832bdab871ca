"""Fixtures for the library: personas, varied profiles, the default journey, and a small spec."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import candidly.library  # noqa: F401 — registers the library's tables
from candidly.journey import Journey, load_journey
from candidly.store.db import Database, open_database
from tests.library.people import Personas, add_personas, add_profiles

ACK_SPEC = """\
touchpoint: application_acknowledgment
purpose: Confirm the application arrived and say what happens next.
tone: warm and brief
required_fields: [job_title]
optional_fields: [first_name, next_step, next_step_timeline]
subject: "We have your application for {{ job_title }}"
body: |
  Hi {% if first_name %}{{ first_name }}{% else %}there{% endif %},

  Thank you for applying for {{ job_title }}.
  {% if next_step %}What happens next: {{ next_step }}{% if next_step_timeline %}, {{ next_step_timeline }}{% endif %}.{% endif %}
"""


@pytest.fixture(scope="session")
def journey() -> Journey:
    return load_journey()


@pytest.fixture
def personas(db: Database) -> Personas:
    return add_personas(db)


@pytest.fixture
def profiles(db: Database, personas: Personas) -> list[int]:
    return add_profiles(db, personas)


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A store with the personas and profiles on SQLite only, for tests whose subject (a template's
    text, a file's lines, the child process's limits) does not depend on the engine."""
    path = tmp_path / "engine-free.db"
    shutil.copyfile(sqlite_template, path)
    database = open_database(f"sqlite:///{path}")
    add_profiles(database, add_personas(database))
    yield database
    database.dispose()
