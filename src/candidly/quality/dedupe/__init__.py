"""Duplicate detection: probabilistic matching of person records, in files or in the store.

The pipeline (``engine.find_duplicates``): match keys per field (``keys``, ``records``),
blocking rules (``blocking``), field comparisons (``compare``), a Fellegi–Sunter model with a
household class trained by EM (``model``), and clustering that refuses to chain (``cluster``).
File mode (``files.dedupe_file``) and store mode (``candidates.dedupe_candidates``) are the two
ways in; ``candidly.quality.merge`` merges and unmerges candidates.
"""

from candidly.quality.dedupe.candidates import (
    CandidateDuplicates,
    DedupeSummary,
    dedupe_candidates,
    find_candidate_duplicates,
    write_review_items,
)
from candidly.quality.dedupe.engine import (
    DedupeOptions,
    DedupeResult,
    Progress,
    SilentProgress,
    find_duplicates,
)
from candidly.quality.dedupe.files import InputError, dedupe_file, parse_field, read_table
from candidly.quality.dedupe.records import FIELD_KINDS, FieldSpec, RecordTable, build_table

__all__ = [
    "FIELD_KINDS",
    "CandidateDuplicates",
    "DedupeOptions",
    "DedupeResult",
    "DedupeSummary",
    "FieldSpec",
    "InputError",
    "Progress",
    "RecordTable",
    "SilentProgress",
    "build_table",
    "dedupe_candidates",
    "dedupe_file",
    "find_candidate_duplicates",
    "find_duplicates",
    "parse_field",
    "read_table",
    "write_review_items",
]
