"""The review list: what cleaning and dedupe left for a person to decide."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from candidly.store.models import ReviewItem


def list_review_items(
    session: Session, *, kind: str | None = None, status: str = "open", limit: int = 50
) -> list[dict[str, Any]]:
    """Review items in ``status`` (optionally of one ``kind``), oldest first, as plain dicts."""
    query = (
        select(ReviewItem).where(ReviewItem.status == status).order_by(ReviewItem.id).limit(limit)
    )
    if kind:
        query = query.where(ReviewItem.kind == kind)
    return [
        {
            "id": i.id,
            "kind": i.kind,
            "subject_type": i.subject_type,
            "subject_id": i.subject_id,
            "other_id": i.other_id or None,
            "field": i.field,
            "current_value": i.current_value,
            "proposed_value": i.proposed_value,
            "confidence": i.confidence,
            "details": i.details,
            "status": i.status,
        }
        for i in session.scalars(query)
    ]
