"""File mode: any CSV of people in, ``id,cluster_id`` out; bad input is one clear sentence."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.quality.dedupe import InputError, dedupe_file, parse_field
from candidly.quality.dedupe.synthetic import CANDIDATE_FIELDS, COLUMNS, generate_people

FIELD_OPTIONS = [
    "--field",
    "first_name:given_name",
    "--field",
    "last_name:surname",
    "--field",
    "email:email",
    "--field",
    "phone:phone",
    "--field",
    "city:city",
]


def write_people(path: Path, count: int = 800) -> list[int]:
    people = generate_people(count, seed=3)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(people.records)
    return people.person


def read_clusters(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_input_row_gets_exactly_one_cluster_id(tmp_path: Path) -> None:
    source, out = tmp_path / "people.csv", tmp_path / "clusters.csv"
    truth = write_people(source)
    dedupe_file(source, id_column="id", fields=CANDIDATE_FIELDS, out=out)
    rows = read_clusters(out)
    with source.open(newline="", encoding="utf-8") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    assert [row["id"] for row in rows] == ids
    assert len({row["id"] for row in rows}) == len(ids)
    clusters: dict[str, set[int]] = {}
    for row, person in zip(rows, truth, strict=True):
        clusters.setdefault(row["cluster_id"], set()).add(person)
    pure = sum(len(people) == 1 for people in clusters.values())
    assert pure >= 0.98 * len(clusters)
    assert len(clusters) < len(ids)  # duplicates share a cluster id


def test_the_cli_writes_clusters_without_a_database(
    tmp_path: Path, cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CANDIDLY_DATABASE_URL", "sqlite:////nonexistent/folder/candidly.db")
    source, out = tmp_path / "people.csv", tmp_path / "clusters.csv"
    write_people(source, 300)
    result = cli.invoke(
        app,
        [
            "quality",
            "dedupe",
            "--in",
            str(source),
            "--id-column",
            "id",
            *FIELD_OPTIONS,
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "clusters" in result.output
    assert len(read_clusters(out)) == 300


def test_a_full_name_column_is_split_into_given_and_family_name(tmp_path: Path) -> None:
    source, out = tmp_path / "people.csv", tmp_path / "clusters.csv"
    rows = [
        ("1", "Robert Miller", "bob@example.com"),
        ("2", "Miller, Bob", "BOB@example.com"),
        ("3", "Ana García", "ana@example.com"),
    ] + [(str(i), f"Person{i} Name{i}", f"p{i}@example.com") for i in range(4, 60)]
    with source.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([("id", "full_name", "email"), *rows])
    dedupe_file(
        source,
        id_column="id",
        fields=[parse_field("full_name:name"), parse_field("email:email")],
        out=out,
    )
    clusters = {row["id"]: row["cluster_id"] for row in read_clusters(out)}
    assert clusters["1"] == clusters["2"] != clusters["3"]


def bad_input(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "bad.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "args", "expected"),
    [
        ("id,name\n1,Ana\n", ["--field", "email:email"], "line 1: there is no column 'email'"),
        ("id,name\n1,Ana\n", ["--field", "name:nickname"], "unknown kind 'nickname'"),
        ("id,name\n1,Ana\n", ["--field", "name"], "is not COLUMN:KIND"),
        (
            "id,name\n1,Ana\n2,Bo\n1,Cy\n",
            ["--field", "name:name"],
            "line 4: id '1' in column 'id' is also on line 2",
        ),
        ("id,name\n1,Ana\n,Bo\n", ["--field", "name:name"], "line 3: the id column 'id' is empty"),
        (
            "id,name\n1,Ana\n2,Bo,extra\n",
            ["--field", "name:name"],
            "line 3: 3 fields, but the header has 2",
        ),
        (
            b"id,name\n1,Ana\n2,\xff\xfeBo\n",
            ["--field", "name:name"],
            "line 3: the file is not UTF-8",
        ),
        ("", ["--field", "name:name"], "is empty"),
    ],
)
def test_bad_input_is_one_sentence_with_file_line_and_field(
    tmp_path: Path,
    cli: CliRunner,
    content: str | bytes,
    args: list[str],
    expected: str,
) -> None:
    path = bad_input(tmp_path, content)
    result = cli.invoke(
        app,
        [
            "quality",
            "dedupe",
            "--in",
            str(path),
            "--id-column",
            "id",
            *args,
            "--out",
            str(tmp_path / "o.csv"),
        ],
    )
    assert result.exit_code != 0
    assert expected in " ".join(result.output.split()), result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, InputError)


def test_an_unreadable_file_is_an_error_not_a_traceback(tmp_path: Path, cli: CliRunner) -> None:
    result = cli.invoke(
        app,
        [
            "quality",
            "dedupe",
            "--in",
            str(tmp_path / "missing.csv"),
            "--id-column",
            "id",
            "--field",
            "n:name",
            "--out",
            "-",
        ],
    )
    assert result.exit_code == 1
    assert "cannot read" in result.output and "missing.csv" in result.output


def test_file_mode_refuses_store_options(tmp_path: Path, cli: CliRunner) -> None:
    path = bad_input(tmp_path, "id,name\n1,Ana\n")
    result = cli.invoke(
        app,
        [
            "quality",
            "dedupe",
            "--in",
            str(path),
            "--id-column",
            "id",
            "--field",
            "name:name",
            "--out",
            "-",
            "--apply",
        ],
    )
    assert result.exit_code == 1
    assert "file mode only writes clusters" in result.output
