"""Measuring the cleaning against known truth: the sample organisation's recorded defects.

``demo_truth`` says, for every defect the generator injected, what the value should have been.
Comparing it with the store tells how accurate each cleaning rule is — before cleaning (the
baseline a do-nothing cleaner scores) and after.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from candidly.quality.placeholders import is_placeholder
from candidly.quality.skills import canonical_skill
from candidly.store.models import Application, Candidate, DemoTruth, Job, ReviewItem


@dataclass(frozen=True)
class RuleAccuracy:
    """How many of one kind of defect are now right."""

    defect: str
    field: str
    total: int
    correct: int
    flagged: int  # not fixed, but on the review list for a person

    @property
    def accuracy(self) -> float:
        """Share of the defects that are now correct."""
        return round(self.correct / self.total, 4) if self.total else 1.0


def _candidate_ok(
    defect: str, field: str, current: Any, shown: str | None, truth: str | None
) -> bool:
    if defect == "capitalization":
        return bool(current == truth)
    if defect == "placeholder":
        return current is None or (current != shown and not is_placeholder(str(current)))
    if defect in ("skills_only_in_resume", "skill_variant"):
        want = {canonical_skill(s) or s for s in json.loads(truth or "[]")}
        return want <= set(current or [])
    if defect == "source_channel_variant":
        return bool(current == truth)
    raise KeyError(defect)


MEASURED = {
    ("candidate", "capitalization"),
    ("candidate", "placeholder"),
    ("candidate", "skills_only_in_resume"),
    ("candidate", "skill_variant"),
    ("candidate", "source_channel_variant"),
    ("job", "title_variant"),
    ("application", "unmapped_stage_label"),
}


def measure_cleaning(session: Session) -> list[RuleAccuracy]:
    """Accuracy of every cleaning rule against the recorded truth, per defect and field."""
    truths = session.scalars(select(DemoTruth).order_by(DemoTruth.id)).all()
    open_items = session.scalars(select(ReviewItem).where(ReviewItem.status == "open")).all()
    flagged = {(item.subject_type, item.subject_id, item.field) for item in open_items}
    flagged_labels = {item.current_value for item in open_items if item.kind == "stage_label"}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    models = {"candidate": Candidate, "job": Job, "application": Application}
    for truth in truths:
        if (truth.subject_type, truth.defect) not in MEASURED or truth.field is None:
            continue
        row = session.get(models[truth.subject_type], truth.subject_id)
        if row is None:
            continue
        field = truth.field
        current = getattr(row, field, None)
        if truth.subject_type == "candidate":
            ok = _candidate_ok(truth.defect, field, current, truth.shown_value, truth.true_value)
        else:
            ok = current == truth.true_value
        tally = counts[(truth.defect, field)]
        tally[0] += 1
        tally[1] += ok
        if isinstance(row, Application):
            on_list = row.stage_label in flagged_labels
        else:
            on_list = (truth.subject_type, truth.subject_id, field) in flagged
        tally[2] += (not ok) and on_list
    return [RuleAccuracy(d, f, t, c, g) for (d, f), (t, c, g) in sorted(counts.items())]
