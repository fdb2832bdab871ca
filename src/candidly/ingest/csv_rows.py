"""Streaming the rows out of a CSV file, each with the physical line it starts on."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from candidly.ingest.errors import ImportFileError, RowError

# A quoted field may hold a whole résumé; the default limit (128 KiB) would refuse it.
csv.field_size_limit(min(sys.maxsize, 16 << 20))


def csv_rows(
    text: TextIO, file: str, delimiter: str
) -> tuple[list[str], Iterator[tuple[int, list[str]] | RowError]]:
    """Return the header and an iterator of ``(line, fields)`` or ``RowError`` per data row.

    Lines are physical: a row whose quoted field spans three lines starts on the first of them,
    and the next row on the fourth. Blank lines are skipped. A row with more or fewer fields than
    the header is an error (usually a stray delimiter or an unclosed quote); rows with
    only empty fields are skipped.
    """
    reader = csv.reader(text, delimiter=delimiter)
    header: list[str] = []
    last = 0
    try:
        for fields in reader:
            last = reader.line_num
            if any(field.strip() for field in fields):
                header = fields
                break
    except csv.Error as exc:
        raise ImportFileError(
            f"{file}: the header row (line {reader.line_num}) cannot be read as CSV: {exc}; "
            "check the file is CSV and import it again."
        ) from None
    return header, _rows(reader, file, len(header), last)


def _rows(
    reader: Any, file: str, width: int, last: int
) -> Iterator[tuple[int, list[str]] | RowError]:
    while True:
        start = last + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            last = reader.line_num
            yield RowError(file, start, "", f"cannot be read as CSV: {exc}")
            continue
        last = reader.line_num
        if not "".join(fields).strip():
            continue  # a blank row (spreadsheets leave them at the end) holds nothing to import
        if len(fields) == width:
            yield start, fields
        else:
            more = "more" if len(fields) > width else "fewer"
            yield RowError(
                file,
                start,
                "",
                f"has {len(fields)} fields, {more} than the header's {width} "
                "(a stray delimiter or an unclosed quote?)",
            )
