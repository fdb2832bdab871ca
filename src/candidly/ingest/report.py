"""The result of an import: what was read, what changed, and every row that was refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from candidly.ingest.errors import RowError

#: Tables an import writes to, in the order a report lists them.
TABLES = ("candidates", "jobs", "applications", "users", "events")


@dataclass(slots=True)
class TableCounts:
    """Rows of one table that an import created, updated or found unchanged."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: TableCounts) -> None:
        """Add ``other``'s counts to these."""
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged

    def to_dict(self) -> dict[str, int]:
        """The counts as a JSON-ready mapping."""
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


def empty_counts() -> dict[str, TableCounts]:
    """A fresh set of zero counts, one per table."""
    return {table: TableCounts() for table in TABLES}


@dataclass
class ImportReport:
    """What one import did.

    ``read`` counts the file's rows (CSV, JSON Lines) or records (JSON); ``failed`` those refused,
    each with its reasons in ``errors``. ``created``/``updated``/``unchanged`` are the counts of the
    file's own kind (candidates for Greenhouse and Lever exports); ``counts`` has every table.
    ``warnings`` are facts the file holds that could not be stored, on rows that were imported.
    """

    file: str
    format: str
    kind: str
    source_system: str
    read: int = 0
    failed: int = 0
    counts: dict[str, TableCounts] = field(default_factory=empty_counts)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def primary(self) -> TableCounts:
        """The counts of the table this file's kind fills."""
        return self.counts[self.kind]

    @property
    def created(self) -> int:
        """Rows of the file's kind that are new."""
        return self.primary.created

    @property
    def updated(self) -> int:
        """Rows of the file's kind that existed and changed."""
        return self.primary.updated

    @property
    def unchanged(self) -> int:
        """Rows of the file's kind that existed and were already up to date."""
        return self.primary.unchanged

    @property
    def ok(self) -> bool:
        """True when no row was refused."""
        return self.failed == 0

    def summary(self) -> str:
        """One line with the counts, e.g. ``read 10, created 7, updated 1, unchanged 1, failed 1``."""
        return (
            f"read {self.read}, created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, failed {self.failed}"
        )

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready mapping (what ``candidly import --json`` prints)."""
        return {
            "file": self.file,
            "format": self.format,
            "kind": self.kind,
            "source": self.source_system,
            "read": self.read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "counts": {table: counts.to_dict() for table, counts in self.counts.items()},
            "errors": [error.to_dict() for error in self.errors],
            "warnings": [warning.to_dict() for warning in self.warnings],
            "seconds": round(self.seconds, 3),
        }
