"""Checking a file before anything is written, and telling its format and kind.

Every problem with the file as a whole becomes one ``ImportFileError`` sentence here, before the
first row is stored: a missing file, a folder, an empty file, bytes that are not UTF-8 text.
"""

from __future__ import annotations

import codecs
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from candidly.ingest.errors import ImportFileError
from candidly.ingest.kinds import Format, Kind

CHUNK = 1 << 20
_RESAVE = "save it as UTF-8 (in a spreadsheet: CSV UTF-8) and import it again"
_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive or an Excel workbook; export the sheet as CSV"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first"),
    (b"%PDF", "a PDF document, not CSV or JSON"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file; export the sheet as CSV"),
    (b"SQLite format 3", "an SQLite database, not CSV or JSON"),
)


@dataclass(frozen=True)
class Plan:
    """How a file will be read: its format and kind, and for JSON its layout."""

    format: Format
    kind: Kind
    layout: str  # "csv", "array" (a JSON list), "object" (Lever's {"data": [...]}), "lines"
    delimiter: str = ","


def check_file(path: Path) -> int:
    """Check that ``path`` is a readable, non-empty UTF-8 text file; return its size in bytes."""
    name = str(path)
    if not path.exists():
        raise ImportFileError(f"{name} does not exist; check the path and import again.")
    if path.is_dir():
        raise ImportFileError(
            f"{name} is a folder, not a file; give the path of a CSV or JSON file inside it."
        )
    if not path.is_file():
        raise ImportFileError(f"{name} is not a regular file; give the path of a CSV or JSON file.")
    try:
        with path.open("rb") as raw:
            return _check_bytes(raw, name)
    except PermissionError:
        raise ImportFileError(f"{name} cannot be read: permission denied.") from None
    except OSError as exc:
        raise ImportFileError(f"{name} cannot be read: {exc.strerror or exc}.") from None


def _check_bytes(raw: BinaryIO, name: str) -> int:
    head = raw.read(CHUNK)
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            raise ImportFileError(f"{name} is {what}.")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(head):
        raise ImportFileError(f"{name} is UTF-16 text, not UTF-8; {_RESAVE}.")
    decoder = codecs.getincrementaldecoder("utf-8")()
    size, lines, chunk, blank = 0, 1, head, True
    while chunk:
        nul = chunk.find(b"\x00")
        if nul >= 0:
            line = lines + chunk.count(b"\n", 0, nul)
            raise ImportFileError(
                f"{name} looks binary (it has a NUL byte on line {line}), not CSV or JSON text; "
                "check that you picked the right file."
            )
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            start = max(exc.start, 0)
            line = lines + chunk.count(b"\n", 0, start)
            byte = chunk[start] if start < len(chunk) else 0
            raise ImportFileError(
                f"{name} is not UTF-8 text: byte 0x{byte:02x} on line {line} is not valid UTF-8 "
                f"(the file is probably Latin-1 or Windows-1252); {_RESAVE}."
            ) from None
        if blank and text.lstrip("\ufeff \t\r\n"):
            blank = False
        size += len(chunk)
        lines += chunk.count(b"\n")
        chunk = raw.read(CHUNK)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ImportFileError(
            f"{name} is not UTF-8 text: it ends in the middle of a character; {_RESAVE}."
        ) from None
    if blank:
        raise ImportFileError(f"{name} is empty: there is nothing to import.")
    return size


def _looks_utf16(head: bytes) -> bool:
    # UTF-16 without a BOM: ASCII text with a NUL after (or before) every character.
    sample = head[:200]
    return len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 3)


def open_text(path: Path) -> tuple[BinaryIO, TextIO]:
    """Open ``path`` as UTF-8 text (a BOM is skipped); the binary handle tells the progress."""
    raw = path.open("rb")
    return raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def read_head(path: Path, size: int = 1 << 16) -> str:
    """The first ``size`` bytes of ``path`` as text, for detection."""
    with path.open("rb") as raw:
        head = raw.read(size)
    return head.decode("utf-8-sig", errors="ignore")


def json_layout(path: Path) -> str:
    """``array``, ``object`` or ``lines``: how the records of a JSON file are laid out."""
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return "lines"
    head = read_head(path).lstrip()
    if head.startswith("["):
        return "array"
    if not head.startswith("{"):
        raise ImportFileError(
            f"{path} is not JSON: it should start with [ (a list of records) or {{ (an object)."
        )
    first_line, _, rest = head.partition("\n")
    try:
        json.loads(first_line)
    except ValueError:
        return "object"
    return "lines" if rest.lstrip().startswith("{") else "object"


def csv_delimiter(path: Path) -> str:
    """The delimiter of a CSV file: tab for ``.tsv``, else the commonest of , ; tab in its header."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    header = read_head(path).lstrip("\r\n").split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def guess_format(path: Path) -> Format:
    """``csv`` or ``json`` from the extension, else from the first character."""
    suffix = path.suffix.lower()
    if suffix in {".csv", ".tsv"}:
        return Format.csv
    if suffix in {".json", ".jsonl", ".ndjson"}:
        return Format.json
    return Format.json if read_head(path).lstrip()[:1] in {"[", "{"} else Format.csv


def ats_format(record: object) -> Format:
    """Tell a Greenhouse or Lever export from plain JSON by its first record."""
    if isinstance(record, dict):
        if "email_addresses" in record or (
            isinstance(record.get("applications"), list) and "first_name" in record
        ):
            return Format.greenhouse
        lever_keys = ("stageChanges", "contact", "archived", "origin")
        if any(key in record for key in lever_keys) or isinstance(record.get("emails"), list):
            return Format.lever
    return Format.json
