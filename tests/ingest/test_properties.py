"""Properties: no input crashes an importer, and valid rows survive the trip through a CSV."""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
from datetime import UTC
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from candidly.ingest import Format, ImportFileError, ImportReport, import_file
from candidly.ingest.api import plan_import, read_entries
from candidly.ingest.sniff import check_file, open_text
from candidly.store.db import Database
from candidly.store.models import Candidate

FORMATS = [None, *Format]
NAMES = ["f.csv", "f.json", "f.jsonl", "f"]
_counter = itertools.count()


def parse_only(path: Path, format: Format | None) -> None:
    """Everything an import does before the database: check, detect, read every row."""
    check_file(path)
    plan = plan_import(path, format, None)
    report = ImportReport(str(path), plan.format.value, plan.kind.value, "test")
    raw, text = open_text(path)
    with raw, text:
        for _ in read_entries(plan, text, str(path), UTC, report):
            pass


def fresh_file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / f"{next(_counter)}-{name}"
    path.write_bytes(content)
    return path


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)
ats_keys = st.sampled_from(
    ["id", "first_name", "name", "emails", "email_addresses", "applications", "stageChanges",
     "phones", "phone_numbers", "archived", "owner", "recruiter", "stage", "createdAt", "tags",
     "contact", "type", "occurred_at", "job_id", "candidate_id", "title", "email"]
)  # fmt: skip
ats_records = st.lists(st.dictionaries(ats_keys, json_like, max_size=8), max_size=4)


@settings(max_examples=150, deadline=None)
@given(
    content=st.binary(max_size=400), name=st.sampled_from(NAMES), format=st.sampled_from(FORMATS)
)
def test_arbitrary_bytes_never_crash_the_reading_of_any_format(
    tmp_path_factory, content: bytes, name: str, format: Format | None
) -> None:
    path = fresh_file(tmp_path_factory.mktemp("bytes"), name, content)
    with contextlib.suppress(ImportFileError):
        parse_only(path, format)


@settings(max_examples=150, deadline=None)
@given(content=st.text(max_size=400), name=st.sampled_from(NAMES), format=st.sampled_from(FORMATS))
def test_arbitrary_text_never_crashes_the_reading_of_any_format(
    tmp_path_factory, content: str, name: str, format: Format | None
) -> None:
    path = fresh_file(
        tmp_path_factory.mktemp("text"), name, content.encode("utf-8", "surrogatepass")
    )
    with contextlib.suppress(ImportFileError):
        parse_only(path, format)


@settings(max_examples=100, deadline=None)
@given(records=ats_records, format=st.sampled_from([Format.greenhouse, Format.lever, None]))
def test_arbitrary_json_records_never_crash_the_ats_readers(
    tmp_path_factory, records: list[dict[str, object]], format: Format | None
) -> None:
    import json

    path = fresh_file(tmp_path_factory.mktemp("ats"), "f.json", json.dumps(records).encode())
    with contextlib.suppress(ImportFileError):
        parse_only(path, format)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        ats_records.map(lambda r: __import__("json").dumps(r).encode()),
    ),
    name=st.sampled_from(NAMES),
    format=st.sampled_from(FORMATS),
)
def test_arbitrary_input_into_a_real_store_gives_a_report_or_a_file_error(
    db: Database, tmp_path_factory, content: bytes, name: str, format: Format | None
) -> None:
    path = fresh_file(tmp_path_factory.mktemp("db"), name, content)
    try:
        report = import_file(db, path, format=format, source=f"prop-{next(_counter)}")
    except ImportFileError:
        return
    assert report.read == report.failed + report.created + report.updated + report.unchanged or (
        report.format in {"greenhouse", "lever"}
    )


cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)
row = st.fixed_dictionaries(
    {"first_name": cell, "last_name": cell, "phone": cell, "city": cell, "current_title": cell}
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(row, min_size=1, max_size=12))
def test_any_csv_of_valid_rows_round_trips(
    db: Database, tmp_path_factory, rows: list[dict[str, str]]
) -> None:
    source = f"roundtrip-{next(_counter)}"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    fields = sorted(rows[0])
    writer.writerow(["id", "email", *fields])
    for i, values in enumerate(rows):
        writer.writerow([f"R{i}", f"r{i}@example.com", *(values[f] for f in fields)])
    path = fresh_file(tmp_path_factory.mktemp("rt"), "candidates.csv", buffer.getvalue().encode())
    report = import_file(db, path, source=source)
    assert report.ok, report.errors
    assert report.created == len(rows)
    with db.session() as s:
        stored = {
            c.external_id: c
            for c in s.scalars(select(Candidate).where(Candidate.source_system == source))
        }
    for i, values in enumerate(rows):
        candidate = stored[f"R{i}"]
        for column, value in values.items():
            assert getattr(candidate, column) == (value.strip() or None), column
    assert import_file(db, path, source=source).unchanged == len(rows)
