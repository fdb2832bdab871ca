"""``candidly guard``: run the policy checks on a draft, or on a whole corpus of drafts."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.text import Text

from candidly.cli.common import console, fail, print_json
from candidly.guard import Finding, GuardPolicy, check

guard_app = typer.Typer(
    help="Policy checks on drafts: compensation, protected characteristics, competitors, "
    "placeholders, evaluation language, length, links, model-output tells.",
    no_args_is_help=True,
)

#: Exit codes: 0 no findings, 1 findings (or a bad JSONL line), 2 the input could not be read.
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


@guard_app.command("check")
def check_command(
    file: str | None = typer.Argument(
        None, metavar="[FILE|-]", help="The draft to check; `-` or nothing reads standard input."
    ),
    max_words: int | None = typer.Option(
        None, "--max-words", min=0, help="Words beyond this many are a `length` finding."
    ),
    competitors: list[str] | None = typer.Option(
        None,
        "--competitors",
        help="Competitor names, comma-separated (repeatable): each mention is a finding.",
    ),
    allow_domain: list[str] | None = typer.Option(
        None,
        "--allow-domain",
        help="A domain links may point to, with its subdomains (repeatable). "
        "Without one, every link is a finding.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help='Print {"ok": …, "findings": […]} for scripts.'
    ),
    jsonl: str | None = typer.Option(
        None,
        "--jsonl",
        metavar="FILE",
        help='Check each line of a JSON Lines file (objects with a "text" field; `-` for '
        "standard input) and print one result object per line, in order.",
    ),
) -> None:
    """Check a draft and list its findings; exit 0 when there are none, 1 when there are.

    Severity `block`: the draft must change. Severity `warn`: a person must see it. Either way the draft is not ok (`ok` means no findings), and an unreadable input exits 2.
    """
    if jsonl is not None and file is not None:
        fail("Give either a FILE or --jsonl FILE, not both.", EXIT_UNREADABLE)
    try:
        policy = GuardPolicy(
            max_words=max_words,
            competitors=tuple(_split(competitors)),
            allowed_domains=tuple(_split(allow_domain)),
        )
    except ValueError as exc:
        fail(f"{exc}.", EXIT_UNREADABLE)
    if jsonl is not None:
        _check_jsonl(_read(jsonl), policy)
        return
    text = _read(file)
    findings = check(text, policy)
    if as_json:
        print_json({"ok": not findings, "findings": [f.as_dict() for f in findings]})
    else:
        _print_findings(text, findings, "standard input" if file in (None, "-") else file)
    if findings:
        raise typer.Exit(EXIT_FINDINGS)


def _split(values: list[str] | None) -> list[str]:
    """Repeated options, each of which may hold comma-separated values."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _read(source: str | None) -> str:
    """The UTF-8 text of file ``source`` (standard input for ``-`` or None), exactly as stored.

    Offsets in findings count characters of this text, so line endings are not translated.
    """
    name = "standard input" if source in (None, "-") else source
    try:
        data = sys.stdin.buffer.read() if source in (None, "-") else Path(source).read_bytes()
    except OSError as exc:
        fail(f"Cannot read {name}: {exc.strerror or exc}.", EXIT_UNREADABLE)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(
            f"{name} is not UTF-8 text (invalid byte at offset {exc.start}). "
            "Convert it to UTF-8 and try again.",
            EXIT_UNREADABLE,
        )


def _check_jsonl(content: str, policy: GuardPolicy) -> None:
    """One result line per input line; a bad line gets a result with an ``error``."""
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line does not start another
    all_ok = True
    out = sys.stdout
    for number, line in enumerate(lines, start=1):
        result = _check_line(line.removesuffix("\r"), number, policy)
        all_ok = all_ok and bool(result["ok"])
        out.write(json.dumps(result, ensure_ascii=False))
        out.write("\n")
    if not all_ok:
        raise typer.Exit(EXIT_FINDINGS)


def _check_line(line: str, number: int, policy: GuardPolicy) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _line_error(f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict) or "text" not in record:
        return _line_error(f'line {number}: expected a JSON object with a "text" field')
    if not isinstance(record["text"], str):
        return _line_error(f'line {number}: "text" must be a string')
    findings = check(record["text"], policy)
    return {"ok": not findings, "findings": [f.as_dict() for f in findings]}


def _line_error(message: str) -> dict[str, Any]:
    return {"ok": False, "findings": [], "error": message}


def _print_findings(text: str, findings: list[Finding], name: str) -> None:
    """Each finding with its line and column, reason, and its line with the span highlighted."""
    if not findings:
        console.print(f"{name}: no findings.", highlight=False)
        return
    blocking = sum(1 for f in findings if f.severity == "block")
    console.print(
        f"{name}: {len(findings)} finding{'s' if len(findings) != 1 else ''} "
        f"({blocking} block, {len(findings) - blocking} warn)",
        highlight=False,
    )
    for finding in findings:
        line_start = text.rfind("\n", 0, finding.start) + 1
        line_end = text.find("\n", finding.start)
        line_end = len(text) if line_end < 0 else line_end
        line_number = text.count("\n", 0, finding.start) + 1
        column = finding.start - line_start + 1
        header = Text(f"  {line_number}:{column}  ")
        header.append(finding.category, style="bold")
        header.append(
            f"  {finding.severity}  ", style="red" if finding.severity == "block" else "yellow"
        )
        header.append(finding.reason)
        console.print(header, soft_wrap=True)
        line = text[line_start:line_end].rstrip("\r")
        span_end = min(finding.end, line_start + len(line))
        shown = Text("      " + line)
        shown.stylize("bold reverse", finding.start - line_start + 6, span_end - line_start + 6)
        console.print(shown, soft_wrap=True)
        # Carets too, so the span shows where colour does not (a pipe, a log file).
        caret = " " * (finding.start - line_start + 6) + "^" * max(1, span_end - finding.start)
        console.print(
            caret + ("…" if finding.end > span_end else ""), highlight=False, soft_wrap=True
        )


def register(app: typer.Typer) -> None:
    """Add the guard command group to ``app``."""
    app.add_typer(guard_app, name="guard")
