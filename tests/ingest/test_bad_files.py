"""A file that cannot be read at all: one clear sentence, exit code 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.ingest import ImportFileError, import_file
from candidly.store.db import Database
from tests.ingest.stored import candidates, events

GOOD = "id,first_name,email\n1,Ana,ana@example.com\n"
TRUNCATED = json.dumps([{"id": 1, "email": "a@x.test"}, {"id": 2, "email": "b@x.test"}])[:-12]

BAD_FILES = {
    "utf16.csv": (GOOD.encode("utf-16"), "UTF-16"),
    "utf16-no-bom.csv": (GOOD.encode("utf-16-le"), "UTF-16"),
    "latin1.csv": ("id,first_name,email\n1,José,jose@example.com\n".encode("latin-1"), "line 2"),
    "truncated.json": (TRUNCATED.encode(), "truncated"),
    "garbage.csv": (bytes(range(256)) * 4, "binary"),
    "workbook.csv": (b"PK\x03\x04" + b"\x00" * 40, "Excel"),
    "empty.csv": (b"", "empty"),
    "blank.json": (b"  \n\n ", "empty"),
    "broken.json": (b'[{"id": 1}, {"id": 2,, }]', "line 1, column"),
    "scalar.json": (b"42", "should start with"),
    "no-data.json": (b'{"candidates": []}', "'data'"),
    "no-columns.csv": (b"colour,size\nred,9\n", "--kind"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_malformed_file_is_one_sentence_and_exit_code_2(
    name: str, sqlite_db: Database, cli: CliRunner, tmp_path: Path
) -> None:
    content, expected = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = cli.invoke(app, ["import", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("error:") and expected in message, message
    assert "Traceback" not in result.output and message.count("\n") <= 2
    assert candidates(sqlite_db) == [] and events(sqlite_db) == []


def test_a_missing_file_and_a_folder_are_named_in_the_error(
    db: Database, cli: CliRunner, tmp_path: Path
) -> None:
    missing = cli.invoke(app, ["import", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    folder = cli.invoke(app, ["import", str(tmp_path)])
    assert folder.exit_code == 2 and "is a folder" in folder.stderr


def test_the_latin1_error_says_which_byte_and_what_to_do(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("id,first_name\n1,Zoë\n".encode("latin-1"))
    with pytest.raises(ImportFileError) as caught:
        import_file(db, path)
    message = str(caught.value)
    assert "0xeb" in message and "line 2" in message and "save it as UTF-8" in message


def test_a_kind_the_format_cannot_hold_is_a_usage_error(db: Database) -> None:
    from tests.ingest.stored import FIXTURES

    with pytest.raises(ImportFileError, match="leave out --kind"):
        import_file(db, FIXTURES / "greenhouse_candidates.json", kind="jobs")
    with pytest.raises(ImportFileError, match="is not a format"):
        import_file(db, FIXTURES / "candidates.csv", format="xml")
