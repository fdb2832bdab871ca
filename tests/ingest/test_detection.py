"""Telling a file's format and kind from its name and content, without a database."""

from __future__ import annotations

import json

import pytest

from candidly.ingest import Format, Kind, detect
from tests.ingest.stored import FIXTURES


@pytest.mark.parametrize(
    ("name", "format", "kind"),
    [
        ("candidates.csv", Format.csv, Kind.candidates),
        ("jobs.csv", Format.csv, Kind.jobs),
        ("applications.csv", Format.csv, Kind.applications),
        ("events.csv", Format.csv, Kind.events),
        ("greenhouse_candidates.json", Format.greenhouse, Kind.candidates),
        ("lever_opportunities.json", Format.lever, Kind.candidates),
    ],
)
def test_each_fixture_is_detected(name: str, format: Format, kind: Kind) -> None:
    plan = detect(FIXTURES / name)
    assert (plan.format, plan.kind) == (format, kind)


def test_content_decides_when_the_extension_does_not(write) -> None:
    assert detect(write("export", json.dumps([{"id": 1, "title": "Nurse"}]))).format is Format.json
    assert detect(write("export", json.dumps([{"id": 1, "title": "Nurse"}]))).kind is Kind.jobs
    assert detect(write("dump.txt", "first_name,email\nA,a@x.test\n")).format is Format.csv
    lines = detect(write("x.ndjson", '{"type": "job.viewed", "occurred_at": "2026-01-01"}\n'))
    assert (lines.layout, lines.kind) == ("lines", Kind.events)


def test_the_file_name_breaks_a_tie_between_kinds(write) -> None:
    assert detect(write("jobs.csv", "id,name\n1,Porter\n")).kind is Kind.jobs
    assert detect(write("people.csv", "id,name\n1,Ana\n")).kind is Kind.candidates
