"""Importers: CSV, JSON, Greenhouse and Lever files into the store, with row-level errors.

``import_file`` is the one entry point; the CLI, the web app and the demo all call it.
"""

from candidly.ingest.api import detect, import_file
from candidly.ingest.errors import ImportFileError, RowError
from candidly.ingest.kinds import Format, Kind
from candidly.ingest.report import ImportReport, TableCounts

__all__ = [
    "Format",
    "ImportFileError",
    "ImportReport",
    "Kind",
    "RowError",
    "TableCounts",
    "detect",
    "import_file",
]
