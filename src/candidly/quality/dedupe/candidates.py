"""Store mode: find duplicate candidates in the store, list the doubtful pairs, merge the sure ones.

``dedupe_candidates`` is what ``candidly quality dedupe`` (and any other door) calls. It reads
every candidate not already merged away, runs the same engine as file mode, writes the pairs
between the two thresholds to the review list (``ReviewItem`` kind ``duplicate_pair``), and —
only when asked to apply — merges each cluster above the merge threshold.

Pairs a person rejected (in the review list, or by undoing a merge) are never merged again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from candidly.quality.dedupe.engine import (
    DedupeOptions,
    DedupeResult,
    Progress,
    ScoredPairs,
    find_duplicates,
)
from candidly.quality.dedupe.records import FieldSpec, RecordTable, build_table
from candidly.quality.merge import MergeError, merge_candidates
from candidly.store.db import Database
from candidly.store.models import Candidate, ReviewItem

REVIEW_KIND: Final = "duplicate_pair"
#: Other emails and phones compared per candidate (beyond the primary one).
MAX_EXTRA_CONTACTS: Final = 5
#: Clusters merged per transaction when applying.
MERGE_BATCH: Final = 200


@dataclass
class CandidateDuplicates:
    """What dedupe found among the candidates, in candidate ids."""

    result: DedupeResult
    candidate_ids: list[int]

    def clusters(self) -> list[tuple[list[int], float]]:
        """Each cluster's candidate ids (sorted) and its weakest merge-worthy link."""
        labels = self.result.clustering.labels
        pairs = self.result.pairs
        together = labels[pairs.left] == labels[pairs.right]
        weakest: dict[int, float] = {}
        for label, prob in zip(
            labels[pairs.left[together]].tolist(), pairs.prob[together].tolist(), strict=True
        ):
            weakest[label] = min(weakest.get(label, 1.0), prob)
        result = []
        for members in self.result.clusters():
            ids = sorted(self.candidate_ids[i] for i in members)
            result.append((ids, weakest.get(int(labels[members[0]]), 1.0)))
        return result

    def review_pairs(self) -> list[tuple[int, int, float, dict[str, Any]]]:
        """(lower id, higher id, probability, per-field levels) for every pair to review."""
        pairs: ScoredPairs = self.result.review_pairs()
        rows = []
        for k in range(len(pairs)):
            a = self.candidate_ids[int(pairs.left[k])]
            b = self.candidate_ids[int(pairs.right[k])]
            rows.append(
                (min(a, b), max(a, b), float(pairs.prob[k]), self.result.describe(pairs, k))
            )
        return rows


@dataclass
class DedupeSummary:
    """The outcome of a store-mode run, for people (``--json`` prints ``as_dict``)."""

    counts: dict[str, Any]
    review_items_written: int
    merges: list[int] = field(default_factory=list)
    skipped_clusters: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.counts,
            "review_items_written": self.review_items_written,
            "merges_applied": len(self.merges),
            "merge_ids": self.merges,
            "skipped_clusters": self.skipped_clusters,
        }


_SPECS: Final = (
    FieldSpec("first_name", "given_name"),
    FieldSpec("preferred_name", "given_name"),
    FieldSpec("last_name", "surname"),
    FieldSpec("email", "email"),
    *(FieldSpec(f"other_email_{i}", "email") for i in range(MAX_EXTRA_CONTACTS)),
    FieldSpec("phone", "phone"),
    *(FieldSpec(f"other_phone_{i}", "phone") for i in range(MAX_EXTRA_CONTACTS)),
    FieldSpec("city", "city"),
)


def load_candidates(session: Session) -> tuple[RecordTable, list[int]]:
    """Every candidate not merged away, as a ``RecordTable``, and the candidate id per record."""
    query = (
        select(
            Candidate.id,
            Candidate.first_name,
            Candidate.preferred_name,
            Candidate.last_name,
            Candidate.email,
            Candidate.other_emails,
            Candidate.phone,
            Candidate.other_phones,
            Candidate.city,
        )
        .where(Candidate.merged_into_id.is_(None))
        .order_by(Candidate.id)
        .execution_options(yield_per=10_000)
    )
    columns: dict[str, list[str | None]] = {spec.column: [] for spec in _SPECS}
    ids: list[int] = []
    for row in session.execute(query):
        ids.append(row.id)
        columns["first_name"].append(row.first_name)
        columns["preferred_name"].append(row.preferred_name)
        columns["last_name"].append(row.last_name)
        columns["email"].append(row.email)
        columns["phone"].append(row.phone)
        columns["city"].append(row.city)
        for prefix, values in (
            ("other_email", row.other_emails),
            ("other_phone", row.other_phones),
        ):
            extra = list(values or [])[:MAX_EXTRA_CONTACTS]
            for i in range(MAX_EXTRA_CONTACTS):
                columns[f"{prefix}_{i}"].append(extra[i] if i < len(extra) else None)
    table = build_table(ids, _SPECS, lambda column: columns[column])
    return table, ids


def rejected_pairs(session: Session) -> set[tuple[int, int]]:
    """Candidate pairs a person said are not the same person."""
    rows = session.execute(
        select(ReviewItem.subject_id, ReviewItem.other_id).where(
            ReviewItem.kind == REVIEW_KIND, ReviewItem.status == "rejected"
        )
    )
    return {(min(a, b), max(a, b)) for a, b in rows}


def find_candidate_duplicates(
    session: Session, options: DedupeOptions | None = None, *, progress: Progress | None = None
) -> CandidateDuplicates:
    """Find duplicates among the candidates not merged away (reads only)."""
    if progress is not None:
        progress.stage("reading candidates", None)
    table, ids = load_candidates(session)
    index = {candidate_id: i for i, candidate_id in enumerate(ids)}
    cannot_link = [
        (index[a], index[b]) for a, b in rejected_pairs(session) if a in index and b in index
    ]
    result = find_duplicates(table, options, progress=progress, cannot_link=cannot_link)
    return CandidateDuplicates(result, ids)


def write_review_items(session: Session, found: CandidateDuplicates) -> int:
    """Add (or refresh, while still open) a ``duplicate_pair`` review item for each doubtful pair.

    A pair a person already decided is left as they decided it. Returns how many items were
    added or refreshed.
    """
    pairs = found.review_pairs()
    if not pairs:
        return 0
    existing = {
        (item.subject_id, item.other_id): item
        for item in session.scalars(
            select(ReviewItem).where(
                ReviewItem.kind == REVIEW_KIND, ReviewItem.subject_type == "candidate"
            )
        )
    }
    written = 0
    for subject, other, prob, details in pairs:
        item = existing.get((subject, other))
        if item is None:
            session.add(
                ReviewItem(
                    kind=REVIEW_KIND,
                    subject_type="candidate",
                    subject_id=subject,
                    other_id=other,
                    confidence=round(prob, 6),
                    details=details,
                )
            )
            written += 1
        elif item.status == "open":
            item.confidence = round(prob, 6)
            item.details = details
            written += 1
    return written


def _merge_batch(
    database: Database,
    batch: Sequence[tuple[list[int], float]],
    by_user_id: int | None,
    merges: list[int],
    skipped: list[str],
) -> None:
    with database.session() as session:
        for ids, prob in batch:
            # Another process may have merged one of these since we read them: the merge
            # re-reads them under lock and refuses; that cluster waits for the next run.
            try:
                with session.begin_nested():
                    merge = merge_candidates(
                        session,
                        ids,
                        match_probability=round(prob, 6),
                        method="auto",
                        decided_by_id=by_user_id,
                    )
                    merges.append(merge.id)
            except MergeError as exc:
                skipped.append(f"{', '.join(map(str, ids))}: {exc}")


def dedupe_candidates(
    database: Database,
    options: DedupeOptions | None = None,
    *,
    apply: bool = False,
    by_user_id: int | None = None,
    progress: Progress | None = None,
) -> DedupeSummary:
    """Find duplicate candidates, write the review list, and merge the clusters when ``apply``."""
    with database.session() as session:
        found = find_candidate_duplicates(session, options, progress=progress)
    counts = found.result.summary()
    with database.session() as session:
        written = write_review_items(session, found)
    merges: list[int] = []
    skipped: list[str] = []
    if apply:
        clusters = found.clusters()
        if progress is not None:
            progress.stage("merging clusters", len(clusters))
        for start in range(0, len(clusters), MERGE_BATCH):
            batch = clusters[start : start + MERGE_BATCH]
            _merge_batch(database, batch, by_user_id, merges, skipped)
            if progress is not None:
                progress.advance(len(batch))
    return DedupeSummary(counts, written, merges, skipped)
