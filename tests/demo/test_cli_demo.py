"""``candidly demo generate``: a thin door onto ``generate_organisation``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.store.db import Database
from candidly.store.models import Candidate


def test_generate_writes_the_organisation_and_prints_what_it_wrote(
    cli: CliRunner, db: Database
) -> None:
    result = cli.invoke(app, ["demo", "generate", "--candidates", "300", "--seed", "7"])
    assert result.exit_code == 0, result.output
    assert "300 candidates" in result.stdout
    for table in (
        "users",
        "jobs",
        "candidates",
        "applications",
        "interviews",
        "events",
        "demo_truth",
    ):
        assert table in result.stdout
    assert "duplicate" in result.stdout
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Candidate)) == 300


def test_generate_refuses_a_store_that_already_has_candidates(cli: CliRunner, db: Database) -> None:
    assert cli.invoke(app, ["demo", "generate", "--candidates", "40", "--seed", "1"]).exit_code == 0
    result = cli.invoke(app, ["demo", "generate", "--candidates", "40", "--seed", "1"])
    assert result.exit_code != 0
    assert "already holds 40 candidates" in result.stderr
    assert "CANDIDLY_DATABASE_URL" in result.stderr
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Candidate)) == 40


def test_generate_can_print_its_summary_as_json(cli: CliRunner, db: Database) -> None:
    result = cli.invoke(app, ["demo", "generate", "--candidates", "80", "--seed", "2", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["candidates"] == 80 and summary["seed"] == 2
    assert summary["rows"]["candidates"] == 80
    assert summary["reference_now"].startswith("2026-11-01")


def test_generate_asks_for_init_when_the_store_has_no_schema(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CANDIDLY_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    result = cli.invoke(app, ["demo", "generate", "--candidates", "10"])
    assert result.exit_code != 0
    assert "candidly init" in result.stderr


def test_generate_refuses_a_size_below_one(cli: CliRunner, db: Database) -> None:
    result = cli.invoke(app, ["demo", "generate", "--candidates", "0"])
    assert result.exit_code != 0
