"""Streaming the records out of a JSON file without loading it whole.

Three layouts: a list of records (``[{...}, {...}]``), an object whose ``data`` key holds the list
(Lever's ``{"data": [...], "hasNext": ...}``), and JSON Lines (one record per line). Each record
comes with the line it starts on, so errors point into the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, NoReturn, TextIO

from candidly.ingest.errors import ImportFileError, RowError

_WHITESPACE = re.compile(r"[ \t\r\n]*")
_CHUNK = 1 << 20
#: A single record larger than this is taken for a broken file rather than read on and on.
_MAX_RECORD = 64 << 20
_DECODER = json.JSONDecoder()
_AGAIN = "export it again and import it again"


class JsonStream:
    """Reads one JSON document (a list, or an object with a ``data`` list) record by record."""

    def __init__(self, text: TextIO, file: str) -> None:
        """Read from ``text``; ``file`` names it in errors."""
        self.text = text
        self.file = file
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._line = 1  # the line at self._line_pos
        self._line_pos = 0

    def records(self) -> Iterator[tuple[int, Any]]:
        """Yield ``(line, record)`` for every record; raise ``ImportFileError`` if the JSON breaks."""
        first = self._peek()
        if first == "[":
            self.pos += 1
            yield from self._array()
        elif first == "{":
            self.pos += 1
            yield from self._object()
        else:
            self._fail("it should start with [ (a list of records) or { (an object)")
        if self._peek() is not None:
            self._fail("there is more after the end of the JSON document")

    def _object(self) -> Iterator[tuple[int, Any]]:
        found = False
        if self._peek() == "}":
            self.pos += 1
        else:
            while True:
                key = self._value()
                if not isinstance(key, str):
                    self._fail("expected a key in double quotes")
                self._expect(":")
                if key == "data" and self._peek() == "[":
                    self.pos += 1
                    found = True
                    yield from self._array()
                else:
                    self._value()
                if self._expect(",", "}") == "}":
                    break
        if not found:
            raise ImportFileError(
                f"{self.file} is a JSON object without a 'data' list of records; "
                "give a list of records, or a Lever export with its 'data' list."
            )

    def _array(self) -> Iterator[tuple[int, Any]]:
        if self._peek() == "]":
            self.pos += 1
            return
        while True:
            self._peek()
            line = self._line_at(self.pos)
            yield line, self._value()
            if self._expect(",", "]") == "]":
                return

    def _peek(self) -> str | None:
        while True:
            match = _WHITESPACE.match(self.buf, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return None

    def _expect(self, *chars: str) -> str:
        char = self._peek()
        if char is None or char not in chars:
            wanted = " or ".join(repr(c) for c in chars)
            self._fail(f"expected {wanted}")
        self.pos += 1
        return char

    def _value(self) -> Any:
        self._peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self.eof or len(self.buf) - self.pos > _MAX_RECORD:
                    self._fail(exc.msg.lower(), exc.pos)
                self._fill()
                continue
            if end == len(self.buf) and not self.eof and not isinstance(value, dict | list | str):
                self._fill()  # a number or literal may go on in the next chunk
                continue
            self.pos = end
            return value

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.text.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        if self.pos > _CHUNK:
            self._line_at(self.pos)
            self.buf = self.buf[self.pos :]
            self._line_pos -= self.pos
            self.pos = 0
        self.buf += chunk
        return True

    def _line_at(self, pos: int) -> int:
        self._line += self.buf.count("\n", self._line_pos, pos)
        self._line_pos = pos
        return self._line

    def _fail(self, reason: str, pos: int | None = None) -> NoReturn:
        pos = self.pos if pos is None else pos
        pos = min(pos, len(self.buf))
        line = self._line + self.buf.count("\n", self._line_pos, pos)
        column = pos - (self.buf.rfind("\n", 0, pos) + 1) + 1
        if self.eof and (pos >= len(self.buf.rstrip()) or reason.startswith("unterminated")):
            raise ImportFileError(
                f"{self.file} ends before its JSON is complete (line {line}): the file looks "
                f"truncated; {_AGAIN}."
            )
        raise ImportFileError(
            f"{self.file} is not valid JSON: {reason} at line {line}, column {column}; {_AGAIN}."
        )


def json_lines(text: TextIO, file: str) -> Iterator[tuple[int, Any] | RowError]:
    """Yield ``(line, record)`` per non-blank line of a JSON Lines file, or a ``RowError``."""
    for number, line in enumerate(text, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except ValueError as exc:
            reason = exc.msg.lower() if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield RowError(file, number, "", f"is not valid JSON: {reason}")
