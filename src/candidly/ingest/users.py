"""Finding or creating the staff a file names: owners, recruiters, hiring managers.

A CSV names them by email; an ATS export by its own user id (``source_system`` + ``external_id``),
sometimes with a name and an email. Staff are few, so they are cached for the whole import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert

from candidly.ingest.bulk import USERS, find_by_external_id, find_by_lower_email
from candidly.ingest.items import Item, UserRef
from candidly.store.events import EventType, event_row

if TYPE_CHECKING:
    from candidly.ingest.writer import Outcome

_USERS = USERS


class UserDirectory:
    """The users an import has met, by lower-cased email and by the source's user id."""

    def __init__(self, source: str) -> None:
        """Find and create users for ``source``."""
        self.source = source
        self.by_email: dict[str, int] = {}
        self.by_external_id: dict[str, int] = {}
        self.checked: set[int] = set()  # users whose name this import has compared already

    def snapshot(self) -> tuple[dict[str, int], dict[str, int], set[int]]:
        """The cache, to restore when a batch rolls back."""
        return dict(self.by_email), dict(self.by_external_id), set(self.checked)

    def restore(self, saved: tuple[dict[str, int], dict[str, int], set[int]]) -> None:
        """Forget what a rolled-back batch taught the cache."""
        self.by_email, self.by_external_id, self.checked = (
            dict(saved[0]),
            dict(saved[1]),
            set(saved[2]),
        )

    def id_of(self, ref: UserRef) -> int | None:
        """The id of the user ``ref`` names (None for an empty reference)."""
        if ref.external_id:
            return self.by_external_id.get(ref.external_id)
        if ref.email:
            return self.by_email.get(ref.email.lower())
        return None

    def resolve(self, conn: Connection, items: list[Item], out: Outcome) -> None:
        """Make sure every user the items name exists, creating the missing ones."""
        refs = [ref for item in items for ref in _refs(item)]
        by_ext: dict[str, UserRef] = {}
        by_email: dict[str, UserRef] = {}
        for ref in refs:  # the first mention of a user wins, as for jobs
            if ref.external_id:
                by_ext.setdefault(ref.external_id, ref)
            elif ref.email:
                by_email.setdefault(ref.email.lower(), ref)
        emails = [r.email for r in by_ext.values() if r.email] + [
            r.email for r in by_email.values() if r.email
        ]
        counts = out.counts["users"]
        missing_ext = [e for e in by_ext if e not in self.by_external_id]
        if missing_ext:
            for ext, row in find_by_external_id(
                conn, _USERS, self.source, missing_ext, ["full_name", "email"]
            ).items():
                self.by_external_id[ext] = row.id
                self._refresh(conn, row, by_ext[ext], out)
        missing_emails = [e for e in emails if e.lower() not in self.by_email]
        if missing_emails:
            for row in find_by_lower_email(conn, _USERS, missing_emails):
                self.by_email[row.email.lower()] = row.id
        for ext, ref in by_ext.items():
            if ext in self.by_external_id:
                continue
            if ref.email and ref.email.lower() in self.by_email:
                # The person is already known by email (e.g. from a CSV): link, do not duplicate.
                self.by_external_id[ext] = self.by_email[ref.email.lower()]
                counts.unchanged += 1
                continue
            self.by_external_id[ext] = self._create(conn, ref, out, external_id=ext)
        for email, ref in by_email.items():
            if email not in self.by_email:
                self.by_email[email] = self._create(conn, ref, out)

    def _refresh(self, conn: Connection, row: Any, ref: UserRef, out: Outcome) -> None:
        if row.id in self.checked:
            return
        self.checked.add(row.id)
        changes = {}
        if ref.full_name and ref.full_name != row.full_name:
            changes["full_name"] = ref.full_name
        if changes:
            conn.execute(_USERS.update().where(_USERS.c.id == row.id).values(**changes))
            out.counts["users"].updated += 1
        else:
            out.counts["users"].unchanged += 1

    def _create(
        self, conn: Connection, ref: UserRef, out: Outcome, external_id: str | None = None
    ) -> int:
        values = {
            "email": ref.email,
            "full_name": ref.full_name or "",
            "role": ref.role,
            "source_system": self.source if external_id else None,
            "external_id": external_id,
        }
        user_id = int(conn.execute(insert(_USERS).returning(_USERS.c.id), values).scalar_one())
        self.checked.add(user_id)
        if ref.email:
            self.by_email[ref.email.lower()] = user_id
        out.counts["users"].created += 1
        payload = {"email": ref.email, "role": ref.role, "external_id": external_id}
        out.events.append(event_row(EventType.USER_CREATED, source=self.source, payload=payload))
        return user_id


def _refs(item: Item) -> list[UserRef]:
    refs = [item.owner] if item.owner is not None else []
    for job in item.jobs:
        refs.extend(r for r in (job.recruiter, job.hiring_manager) if r is not None)
    return [r for r in refs if r.email or r.external_id]
