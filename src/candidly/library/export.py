"""Library as code, outward: the whole library as readable YAML files, one per entry.

Each entry file holds every version with its state, content and history (people named by
email); ``people.yaml`` lists everyone those files name. ``library.importer`` reads them back.
The files carry nothing that only makes sense in one store (ids, per-candidate test results),
so exporting, importing into an empty store and exporting again gives the same files.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from candidly.library.history import LOCATOR_KEYS, entry_history, step_name
from candidly.library.models import LibraryEntry, TemplateVersion
from candidly.library.versions import content_of
from candidly.library.yamltext import dump_yaml
from candidly.store.models import Event, User

PEOPLE_FILE: Final = "people.yaml"

#: Payload keys that only make sense in the store that wrote them.
LOCAL_KEYS: Final = LOCATOR_KEYS | {"results", "run"}


def stamp(moment: datetime) -> str:
    """A time as written in library files: ISO 8601 with its offset."""
    return moment.isoformat()


def step_document(event: Event, emails: dict[int, str]) -> dict[str, Any]:
    """One history step as plain values: step, by (email), role, at, and its details if any."""
    step: dict[str, Any] = {
        "step": step_name(event.type),
        "by": emails.get(event.actor_id or 0, ""),
        "role": event.payload.get("role"),
        "at": stamp(event.occurred_at),
    }
    details = {k: v for k, v in event.payload.items() if k not in LOCAL_KEYS}
    if details:
        step["details"] = details
    return step


def user_emails(session: Session) -> dict[int, str]:
    """Every user's email by id (``user-<id>`` for an account without one)."""
    return {u.id: u.email or f"user-{u.id}" for u in session.scalars(select(User))}


def history_by_version(
    session: Session, entry: LibraryEntry, emails: dict[int, str]
) -> dict[int | None, list[dict[str, Any]]]:
    """The entry's history steps grouped by version number."""
    history: dict[int | None, list[dict[str, Any]]] = {}
    for event in entry_history(session, entry):
        history.setdefault(event.payload.get("version"), []).append(step_document(event, emails))
    return history


def version_document(
    version: TemplateVersion, emails: dict[int, str], history: list[dict[str, Any]]
) -> dict[str, Any]:
    """One version as plain values: number, state, author, content, history."""
    return {
        "version": version.number,
        "state": version.state,
        "author": emails[version.author_id],
        "created_at": stamp(version.created_at),
        **content_of(version),
        "history": history,
    }


def entry_document(session: Session, entry: LibraryEntry, emails: dict[int, str]) -> dict[str, Any]:
    """One entry with every version, its state and history, as plain values for YAML."""
    history = history_by_version(session, entry, emails)
    return {
        "touchpoint": entry.touchpoint,
        "role_type": entry.role_type,
        "created_by": emails[entry.created_by_id],
        "created_at": stamp(entry.created_at),
        "versions": [
            version_document(v, emails, history.get(v.number, [])) for v in entry.versions
        ],
    }


def export_library(session: Session, directory: Path) -> list[Path]:
    """Write every entry to ``directory/<entry>.yaml`` and the people they name to people.yaml."""
    directory.mkdir(parents=True, exist_ok=True)
    emails = user_emails(session)
    written = []
    named: set[str] = set()
    entries = session.scalars(
        select(LibraryEntry).order_by(LibraryEntry.touchpoint, LibraryEntry.role_type)
    )
    for entry in entries:
        document = entry_document(session, entry, emails)
        named.add(document["created_by"])
        for version in document["versions"]:
            named.add(version["author"])
            named.update(step["by"] for step in version["history"])
        path = directory / f"{entry.key}.yaml"
        path.write_text(
            f"# candidly template library: {entry.key}\n" + dump_yaml(document), encoding="utf-8"
        )
        written.append(path)
    people = [
        {"email": u.email, "name": u.full_name, "role": u.role}
        for u in session.scalars(select(User).order_by(User.email))
        if u.email in named
    ]
    path = directory / PEOPLE_FILE
    path.write_text(
        "# Everyone the library files name. Import creates missing ones as inactive accounts.\n"
        + dump_yaml({"people": people}),
        encoding="utf-8",
    )
    written.append(path)
    return written
