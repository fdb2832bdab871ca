"""``candidly import``: a thin door over ``import_file`` with honest exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.store.db import Database
from tests.ingest.stored import FIXTURES, candidates


def test_a_clean_import_exits_0_and_prints_the_counts(db: Database, cli: CliRunner) -> None:
    result = cli.invoke(app, ["import", str(FIXTURES / "candidates.csv")])
    assert result.exit_code == 0, result.output
    assert "read 3, created 3, updated 0, unchanged 0, failed 0" in result.stdout
    assert result.stderr == ""


def test_bad_rows_exit_1_with_the_summary_and_each_error_on_stderr(
    db: Database, cli: CliRunner, write
) -> None:
    path = write("c.csv", "id,email\n1,a@x.test\n2,b@x.test,extra\n3,\n")
    result = cli.invoke(app, ["import", str(path)])
    assert result.exit_code == 1
    assert "read 3, created 1, updated 0, unchanged 0, failed 2" in result.stdout
    assert f"{path}:3: has 3 fields" in result.stderr
    assert f"{path}:4: has no name and no email" in result.stderr
    assert len(candidates(db)) == 1


def test_json_output_is_only_the_report(db: Database, cli: CliRunner, write) -> None:
    path = write("c.csv", "id,email,shoe_size\n1,a@x.test,44\n1,b@x.test,45\n")
    result = cli.invoke(app, ["import", str(path), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["read"], report["created"], report["failed"]) == (2, 1, 1)
    assert report["errors"] == [
        {
            "file": str(path),
            "line": 3,
            "field": "id",
            "reason": "repeats the id '1' of line 2; only the first is imported",
        }
    ]
    assert report["warnings"][0]["field"] == "shoe_size"
    assert report["counts"]["candidates"]["created"] == 1


def test_kind_format_and_source_options_are_passed_through(
    db: Database, cli: CliRunner, write
) -> None:
    path = write("export.txt", "id,name\nJ1,Porter\n")
    result = cli.invoke(
        app,
        ["import", str(path), "--kind", "jobs", "--format", "csv", "--source", "legacy", "--json"],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["kind"], report["format"], report["source"], report["created"]) == (
        "jobs", "csv", "legacy", 1,
    )  # fmt: skip


def test_an_unknown_kind_is_refused_by_the_option_parser(db: Database, cli: CliRunner) -> None:
    result = cli.invoke(app, ["import", str(FIXTURES / "candidates.csv"), "--kind", "people"])
    assert result.exit_code == 2 and "people" in result.output
