"""``candidly guard check``: the contract scripts rely on (JSON shapes, JSONL, exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from candidly.cli.main import app
from tests.guard.corpus import CORPUS, load_corpus

DRAFT = "Hi None,\r\n\r\nYou scored 62% on the test. Unlike Globex, see https://jobs.acme.com/x\n"


def test_json_output_is_ok_and_findings_with_offsets_into_the_file(
    tmp_path: Path, cli: CliRunner
) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(DRAFT.encode())
    result = cli.invoke(app, ["guard", "check", str(path), "--json", "--competitors", "Globex"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"ok", "findings"} and report["ok"] is False
    for finding in report["findings"]:
        assert {"category", "start", "end", "text", "severity"} <= set(finding)
        # Offsets count characters of the file as stored: \r\n is two characters.
        assert DRAFT[finding["start"] : finding["end"]] == finding["text"]
    assert [f["category"] for f in report["findings"]] == [
        "placeholder",
        "evaluation_language",
        "competitor",
        "link",
    ]


def test_allowed_domains_and_a_word_limit_come_from_options(cli: CliRunner) -> None:
    args = ["guard", "check", "-", "--json", "--allow-domain", "acme.com", "--max-words", "2"]
    report = json.loads(cli.invoke(app, args, input="See https://jobs.acme.com/x now").stdout)
    assert [(f["category"], f["text"]) for f in report["findings"]] == [("length", "now")]


def test_a_clean_draft_from_stdin_exits_zero(cli: CliRunner) -> None:
    for args in (["guard", "check"], ["guard", "check", "-"], ["guard", "check", "--json"]):
        result = cli.invoke(app, args, input="Thanks for applying, Dana.")
        assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"ok": True, "findings": []}


def test_the_readable_list_shows_where_each_finding_is(cli: CliRunner) -> None:
    result = cli.invoke(app, ["guard", "check"], input="Thanks!\nHi None, welcome.\n")
    assert result.exit_code == 1
    assert "1 finding (1 block, 0 warn)" in result.stdout
    assert "2:4  placeholder  block" in result.stdout
    assert "      Hi None, welcome.\n         ^^^^\n" in result.stdout


def test_jsonl_checks_every_line_in_order_and_reports_bad_lines(cli: CliRunner) -> None:
    lines = [
        json.dumps({"id": 1, "text": "Hi None,"}),
        "not json",
        json.dumps({"body": "no text field"}),
        json.dumps({"text": 42}),
        json.dumps(["text"]),
        "",
        json.dumps({"text": "Thanks for applying."}),
    ]
    result = cli.invoke(app, ["guard", "check", "--jsonl", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["ok"] is False and out[0]["findings"][0]["text"] == "None"
    for bad in out[1:6]:
        assert bad["ok"] is False and bad["findings"] == [] and bad["error"].startswith("line ")
    assert "line 2" in out[1]["error"] and "JSON" in out[1]["error"]
    assert '"text"' in out[2]["error"]
    assert out[6] == {"ok": True, "findings": []}


def test_jsonl_exits_zero_when_every_line_is_ok(tmp_path: Path, cli: CliRunner) -> None:
    path = tmp_path / "drafts.jsonl"
    path.write_text('{"text": "Thanks!"}\r\n{"text": "See you Monday."}\r\n', encoding="utf-8")
    result = cli.invoke(app, ["guard", "check", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ['{"ok": true, "findings": []}'] * 2


def test_jsonl_checks_the_whole_corpus_like_the_library_does(cli: CliRunner) -> None:
    args = ["guard", "check", "--jsonl", str(CORPUS), "--max-words", "150"]
    args += ["--competitors", "Globex,Initech", "--competitors", "Hooli,Umbrella Corp"]
    args += ["--allow-domain", "acme.com", "--allow-domain", "zoom.us"]
    result = cli.invoke(app, args)
    assert result.exit_code == 1
    results = [json.loads(line) for line in result.stdout.splitlines()]
    messages = load_corpus()
    assert len(results) == len(messages)
    for message, outcome in zip(messages, results, strict=True):
        assert {f["category"] for f in outcome["findings"]} == set(message.categories), message.id


def test_unreadable_input_is_one_clear_error_and_exit_two(tmp_path: Path, cli: CliRunner) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Grüße".encode("latin-1"))
    for args in (
        ["guard", "check", str(latin1)],
        ["guard", "check", "--jsonl", str(latin1)],
        ["guard", "check", str(tmp_path / "missing.txt")],
        ["guard", "check", str(tmp_path)],
    ):
        result = cli.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == ""
        assert result.stderr.count("error:") == 1
    assert "not UTF-8" in cli.invoke(app, ["guard", "check", str(latin1)]).stderr


def test_bad_options_exit_two(cli: CliRunner) -> None:
    result = cli.invoke(app, ["guard", "check", "--allow-domain", "not a domain"], input="x")
    assert result.exit_code == 2 and "not a domain" in result.stderr
    result = cli.invoke(app, ["guard", "check", "a.txt", "--jsonl", "b.jsonl"])
    assert result.exit_code == 2 and "not both" in result.stderr
