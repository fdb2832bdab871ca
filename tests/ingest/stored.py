"""What the store holds after an import, read back for the tests' assertions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from candidly.store.db import Database
from candidly.store.models import Application, Candidate, Event, Job, User

FIXTURES = Path(__file__).parent / "fixtures"


def candidates(db: Database) -> list[Any]:
    with db.session() as s:
        return list(s.scalars(select(Candidate).order_by(Candidate.id)))


def jobs(db: Database) -> list[Any]:
    with db.session() as s:
        return list(s.scalars(select(Job).order_by(Job.id)))


def applications(db: Database) -> list[Any]:
    with db.session() as s:
        return list(s.scalars(select(Application).order_by(Application.id)))


def users(db: Database) -> list[Any]:
    with db.session() as s:
        return list(s.scalars(select(User).order_by(User.id)))


def events(db: Database, type: str | None = None) -> list[Any]:
    with db.session() as s:
        query = select(Event).order_by(Event.id)
        if type:
            query = query.where(Event.type == type)
        return list(s.scalars(query))


def by_external_id(rows: list[Any]) -> dict[str, Any]:
    return {row.external_id: row for row in rows}
