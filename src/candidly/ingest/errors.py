"""What can go wrong in an import: a bad row (reported, the import goes on) or a bad file (it stops)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RowError:
    """One bad row or record: where it is, which field, and why it was refused.

    ``line`` is the physical line of the file where the row or record starts (1-based), so a
    person can jump to it in an editor; ``field`` is the column or key as the file names it
    (empty when the whole row is at fault).
    """

    file: str
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, str | int]:
        """The error as a JSON-ready mapping."""
        return {"file": self.file, "line": self.line, "field": self.field, "reason": self.reason}


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says what is wrong, where, and what to do."""


class BadValue(Exception):
    """A value that cannot be parsed; carries the reason, the caller adds the file, line and field."""
