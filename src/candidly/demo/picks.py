"""Pick people and applications out of a sample organisation, for scripted walk-throughs.

    python -m candidly.demo.picks user ta_ops        # the first active user with that role
    python -m candidly.demo.picks application interview   # an application in that stage
    python -m candidly.demo.picks rejected-after final_round

Prints one value, or nothing and exit 1 when there is none.
"""

from __future__ import annotations

import sys

from sqlalchemy import select

from candidly.settings import Settings
from candidly.store.db import open_database
from candidly.store.events import EventType
from candidly.store.models import Application, Event, Interview, User


def pick(kind: str, value: str) -> str | None:
    """The first user with role ``value``, application in stage ``value``, or rejection after it."""
    database = open_database(settings=Settings())
    found: object = None
    with database.session() as session:
        if kind == "user":
            found = session.scalar(
                select(User.email)
                .where(User.role == value, User.is_active.is_(True))
                .order_by(User.id)
            )
        elif kind == "application":
            query = (
                select(Application.id).where(Application.stage == value).order_by(Application.id)
            )
            if value == "interview":
                query = query.join(Interview, Interview.application_id == Application.id).where(
                    Interview.status == "scheduled"
                )
            found = session.scalar(query.limit(1))
        elif kind == "rejected-after":
            found = session.scalar(
                select(Application.id)
                .join(Event, Event.application_id == Application.id)
                .where(
                    Application.stage == "rejected",
                    Event.type == EventType.STAGE_CHANGED,
                    Event.payload["to"].as_string() == value,
                )
                .order_by(Application.id)
                .limit(1)
            )
        else:
            raise SystemExit(f"unknown kind {kind!r}: use user, application or rejected-after")
    database.dispose()
    return None if found is None else str(found)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    result = pick(sys.argv[1], sys.argv[2])
    if result is None:
        raise SystemExit(1)
    print(result)
