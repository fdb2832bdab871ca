"""``candidly candidates|jobs|events``: what a recruiting-ops person types to see their data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.store.db import Database
from candidly.store.queries import parse_since
from tests.fixture_org import build_fixture_org


def run_json(cli: CliRunner, *args: str) -> object:
    result = cli.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_candidates_list_json_prints_every_candidate_as_an_array(
    db: Database, cli: CliRunner
) -> None:
    org = build_fixture_org(db)
    rows = run_json(cli, "candidates", "list")
    assert isinstance(rows, list)
    assert [r["id"] for r in rows] == [org.ana, org.bram, org.chidi]
    ana = rows[0]
    assert ana["first_name"] == "Ana" and ana["last_name"] == "Nguyễn"
    assert ana["owner_email"] == "rita@acme.test"
    assert ana["applications"] == 1 and ana["latest_stage"] == "interview"


def test_candidates_list_filters_by_owner_stage_job_source_and_search(
    db: Database, cli: CliRunner
) -> None:
    org = build_fixture_org(db)

    def ids(*args: str) -> list[int]:
        return [r["id"] for r in run_json(cli, "candidates", "list", *args)]  # type: ignore[union-attr]

    assert ids("--owner", "RITA@acme.test") == [org.ana, org.bram]
    assert ids("--stage", "interview") == [org.ana]
    assert ids("--stage", "Onsite") == [org.ana]
    assert ids("--job", str(org.nurse)) == [org.chidi]
    assert ids("--source", "referral") == [org.bram]
    assert ids("--search", "van der") == [org.bram]
    assert ids("--search", "CHIDI@") == [org.chidi]
    assert ids("--limit", "1", "--offset", "1") == [org.bram]
    assert ids("--owner", "nobody@acme.test") == []


def test_candidates_list_prints_a_table_with_the_total(db: Database, cli: CliRunner) -> None:
    build_fixture_org(db)
    result = cli.invoke(app, ["candidates", "list", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "Candidates (2 of 3)" in result.stdout
    assert "Nguyễn" in result.stdout


def test_candidates_show_gives_applications_interviews_and_the_timeline(
    db: Database, cli: CliRunner
) -> None:
    org = build_fixture_org(db)
    view = run_json(cli, "candidates", "show", str(org.ana))
    assert isinstance(view, dict)
    (application,) = view["applications"]
    assert application["job_title"] == "Senior Data Engineer"
    assert application["stage"] == "interview" and application["stage_label"] == "Onsite"
    assert application["interviews"][0]["format"] == "onsite"
    assert [e["type"] for e in view["events"]] == [
        "application.created",
        "stage.changed",
        "stage.changed",
    ]
    table = cli.invoke(app, ["candidates", "show", str(org.ana)])
    assert table.exit_code == 0 and "Senior Data Engineer" in table.stdout


def test_showing_a_missing_candidate_says_how_to_find_one(db: Database, cli: CliRunner) -> None:
    build_fixture_org(db)
    result = cli.invoke(app, ["candidates", "show", "999"])
    assert result.exit_code == 1
    assert "No candidate with id 999" in result.stderr
    assert "candidly candidates list" in result.stderr


def test_jobs_list_counts_open_and_total_applications(db: Database, cli: CliRunner) -> None:
    org = build_fixture_org(db)
    rows = run_json(cli, "jobs", "list")
    by_id = {r["id"]: r for r in rows}  # type: ignore[union-attr]
    assert by_id[org.data_engineer]["applications"] == 2
    assert by_id[org.data_engineer]["open_applications"] == 2
    assert by_id[org.nurse]["applications"] == 1
    assert by_id[org.nurse]["open_applications"] == 0
    assert [r["id"] for r in run_json(cli, "jobs", "list", "--status", "closed")] == [org.nurse]  # type: ignore[union-attr]
    assert [r["id"] for r in run_json(cli, "jobs", "list", "--role-type", "data_engineer")] == [  # type: ignore[union-attr]
        org.data_engineer
    ]


def test_events_tail_filters_by_type_prefix_candidate_and_since(
    db: Database, cli: CliRunner
) -> None:
    org = build_fixture_org(db)
    everything = run_json(cli, "events", "tail")
    assert [e["type"] for e in everything] == [  # type: ignore[union-attr]
        "job.viewed",
        "application.created",
        "stage.changed",
        "stage.changed",
    ]
    assert len(run_json(cli, "events", "tail", "-n", "2")) == 2  # type: ignore[arg-type]
    stages = run_json(cli, "events", "tail", "--type", "stage.*")
    assert [e["payload"]["to"] for e in stages] == ["screen", "interview"]  # type: ignore[union-attr]
    assert [e["type"] for e in run_json(cli, "events", "tail", "--candidate", str(org.chidi))] == [  # type: ignore[union-attr]
        "job.viewed"
    ]
    late = run_json(cli, "events", "tail", "--since", "2026-09-05")
    assert [e["payload"]["to"] for e in late] == ["interview"]  # type: ignore[union-attr]


def test_events_tail_explains_a_since_it_cannot_read(db: Database, cli: CliRunner) -> None:
    result = cli.invoke(app, ["events", "tail", "--since", "last tuesday"])
    assert result.exit_code == 1
    assert "ISO date" in result.stderr and "7d" in result.stderr


def test_queries_before_init_say_to_run_init(tmp_path, monkeypatch, cli: CliRunner) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CANDIDLY_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    result = cli.invoke(app, ["candidates", "list"])
    assert result.exit_code == 1
    assert "candidly init" in result.stderr


NOW = datetime(2026, 11, 1, tzinfo=UTC)


@given(st.integers(min_value=0, max_value=10_000), st.sampled_from("mhdwMHDW"))
def test_an_age_is_that_long_before_now(amount: int, unit: str) -> None:
    seconds = {"m": 60, "h": 3600, "d": 86400, "w": 604800}[unit.lower()]
    assert parse_since(f"{amount}{unit}", NOW) == NOW - timedelta(seconds=amount * seconds)


@given(st.text(max_size=30))
def test_parse_since_either_reads_a_time_or_explains(text: str) -> None:
    try:
        value = parse_since(text, NOW)
    except ValueError as exc:
        assert "ISO date" in str(exc)
    else:
        assert value.tzinfo is not None
