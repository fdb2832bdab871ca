"""Reading typed values out of nested ATS records, collecting every error with its key path."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from candidly.ingest.errors import BadValue, RowError
from candidly.ingest.values import datetime_value, describe, epoch_ms_value, text_value
from candidly.store.models import Application, Candidate, Job, User

#: Longest text per store column, for the ATS mappers.
LENGTHS: dict[str, int | None] = {
    **{f"candidate.{c.name}": getattr(c.type, "length", None) for c in Candidate.__table__.c},
    **{f"job.{c.name}": getattr(c.type, "length", None) for c in Job.__table__.c},
    **{f"application.{c.name}": getattr(c.type, "length", None) for c in Application.__table__.c},
    **{f"user.{c.name}": getattr(c.type, "length", None) for c in User.__table__.c},
}


class Fields:
    """Typed reads from one record; errors and warnings pile up instead of stopping the record."""

    def __init__(self, file: str, line: int) -> None:
        """Read a record of ``file`` that starts on ``line``."""
        self.file = file
        self.line = line
        self.errors: list[RowError] = []
        self.warnings: list[RowError] = []

    def error(self, path: str, reason: str) -> None:
        """Refuse the record because of ``path``."""
        self.errors.append(RowError(self.file, self.line, path, reason))

    def warn(self, path: str, reason: str) -> None:
        """Note something the record holds that is not stored; the record still lands."""
        self.warnings.append(RowError(self.file, self.line, path, reason))

    def text(
        self, obj: dict[str, Any], key: str, path: str, column: str | None = None
    ) -> str | None:
        """``obj[key]`` as trimmed text no longer than ``column`` allows (``table.column``)."""
        try:
            return text_value(obj.get(key), LENGTHS.get(column) if column else None)
        except BadValue as exc:
            self.error(path, str(exc))
            return None

    def ident(self, obj: dict[str, Any], key: str, path: str, required: bool = True) -> str | None:
        """An id (number or text) as text; missing is an error when ``required``."""
        value = self.text(obj, key, path, "candidate.external_id")
        if value is None and required and not any(e.field == path for e in self.errors):
            self.error(path, "is missing")
        return value

    def time(
        self, obj: dict[str, Any], key: str, path: str, epoch_ms: bool = False
    ) -> datetime | None:
        """``obj[key]`` as a UTC time: ISO 8601, or milliseconds since 1970 when ``epoch_ms``."""
        try:
            raw = obj.get(key)
            return epoch_ms_value(raw) if epoch_ms else datetime_value(raw)
        except BadValue as exc:
            self.error(path, str(exc))
            return None

    def objects(self, obj: dict[str, Any], key: str, path: str) -> list[Any]:
        """``obj[key]`` as a list (missing or null: empty)."""
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, f"expected a list, got {describe(value)}")
            return []
        return value

    def mapping(self, value: Any, path: str) -> dict[str, Any] | None:
        """``value`` when it is an object (null: None; anything else: an error)."""
        if value is None or isinstance(value, dict):
            return value
        self.error(path, f"expected an object, got {describe(value)}")
        return None

    def fit(self, value: str | None, path: str, column: str) -> str | None:
        """``value`` if it fits ``column``; else a warning and None (for optional extras)."""
        length = LENGTHS.get(column)
        if value is not None and length is not None and len(value) > length:
            self.warn(path, f"is longer than {length} characters and was not stored")
            return None
        return value
