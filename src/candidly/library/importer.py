"""Library as code, inward: bring a folder written by ``export_library`` into a store.

Every file is checked first (``library.files``) and nothing is written unless all are sound.
Importing is idempotent: a version already in the store must match the file exactly (versions
are immutable), and only history steps the store lacks are added. People the files name who are
not in the store become inactive accounts: a file may say who did what, never grant access.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from candidly.journey import Journey, Problem
from candidly.library.export import PEOPLE_FILE, history_by_version, user_emails
from candidly.library.files import STAMP_OF, STATE_AFTER, EntryFile, read_library_files
from candidly.library.history import SOURCE, TemplateEvent
from candidly.library.models import LibraryEntry, TemplateVersion
from candidly.library.rules import OWNER_ROLES
from candidly.library.spec import LibraryFileError
from candidly.library.versions import content_of, create_version, require_role
from candidly.store.events import record_event
from candidly.store.models import User
from candidly.yamldoc import YamlDocument


@dataclass
class ImportSummary:
    """What an import changed."""

    entries_created: list[str] = field(default_factory=list)
    versions_created: list[str] = field(default_factory=list)
    steps_added: int = 0
    users_created: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when the import wrote anything."""
        return bool(self.entries_created or self.versions_created or self.steps_added)


def import_library(
    session: Session, journey: Journey, directory: Path, actor: User
) -> ImportSummary:
    """Bring the library in ``directory`` into the store; a no-op for what the store already has."""
    require_role(actor, OWNER_ROLES, "import the library")
    people, entries = read_library_files(directory, journey)
    summary = ImportSummary()
    users: dict[str, User] = {}

    def user(email: str, doc: YamlDocument) -> User:
        key = email.lower()
        if key not in users:
            found = session.scalar(select(User).where(func.lower(User.email) == key))
            if found is None:
                person = people.get(key)
                if person is None:
                    raise LibraryFileError(
                        [
                            Problem(
                                doc.source,
                                None,
                                "",
                                f"{email} is named here but is neither in the store nor in {PEOPLE_FILE}",
                            )
                        ]
                    )
                # Inactive: a file may say who did what; it never grants anyone access.
                found = User(
                    email=person["email"],
                    full_name=person["name"],
                    role=person["role"],
                    is_active=False,
                )
                session.add(found)
                session.flush()
                summary.users_created.append(person["email"])
            users[key] = found
        return users[key]

    for entry_file in entries:
        _import_entry(session, journey, entry_file, user, summary)
    if summary.changed:
        record_event(
            session,
            TemplateEvent.LIBRARY_IMPORTED,
            source=SOURCE,
            actor_id=actor.id,
            payload={
                "folder": directory.name,
                "entries_created": summary.entries_created,
                "versions_created": summary.versions_created,
                "steps_added": summary.steps_added,
            },
        )
    return summary


def _import_entry(
    session: Session,
    journey: Journey,
    data: EntryFile,
    user: Callable[[str, YamlDocument], User],
    summary: ImportSummary,
) -> None:
    doc = data.document
    entry = session.scalar(
        select(LibraryEntry).where(
            LibraryEntry.touchpoint == data.touchpoint, LibraryEntry.role_type == data.role_type
        )
    )
    stored: dict[int | None, list[dict[str, Any]]] = {}
    if entry is None:
        entry = LibraryEntry(
            touchpoint=data.touchpoint,
            role_type=data.role_type,
            created_at=data.created_at,
            created_by_id=user(data.created_by, doc).id,
        )
        session.add(entry)
        session.flush()
        summary.entries_created.append(entry.key)
    else:
        stored = history_by_version(session, entry, user_emails(session))
    existing = {v.number: v for v in entry.versions}
    new_steps: list[tuple[TemplateVersion, dict[str, Any]]] = []
    for i, item in enumerate(data.versions):
        version = existing.get(item.number)
        if version is None:
            version = create_version(
                session,
                journey,
                touchpoint=entry.touchpoint,
                role_type=entry.role_type,
                content=item.content,
                author=user(item.author, doc),
                at=item.created_at,
                number=item.number,
                record=False,
            )
            summary.versions_created.append(version.label)
        elif content_of(version) != item.content:
            raise LibraryFileError(
                [
                    Problem(
                        doc.source,
                        doc.line_of(("versions", i)),
                        f"versions[{i}]",
                        f"{version.label} in the store differs from this file; versions are immutable, so write the change as a new version",
                    )
                ]
            )
        have = stored.get(item.number, [])
        if item.history[: len(have)] == have:
            new_steps.extend((version, step) for step in item.history[len(have) :])
        elif have[: len(item.history)] != item.history:
            raise LibraryFileError(
                [
                    Problem(
                        doc.source,
                        doc.line_of(("versions", i, "history")),
                        f"versions[{i}].history",
                        f"the store's history of {version.label} differs from this file's; export the store and merge the two",
                    )
                ]
            )
    # In time order, retiring before publishing at the same moment: the database allows one
    # published version per entry at any time.
    new_steps.sort(key=lambda vs: (vs[1]["at"], STATE_AFTER.get(vs[1]["step"]) == "published"))
    for version, step in new_steps:
        _apply_step(session, entry, version, step, user(step["by"], doc))
        summary.steps_added += 1


def _apply_step(
    session: Session,
    entry: LibraryEntry,
    version: TemplateVersion,
    step: dict[str, Any],
    actor: User,
) -> None:
    at = datetime.fromisoformat(step["at"])
    payload = {
        "entry": entry.key,
        "version": version.number,
        "version_id": version.id,
        "role": step["role"],
        **step.get("details", {}),
    }
    record_event(
        session,
        f"template.{step['step']}",
        source=SOURCE,
        occurred_at=at,
        actor_id=actor.id,
        payload=payload,
    )
    column = STAMP_OF.get(step["step"])
    if column:
        setattr(version, f"{column}_at", at)
        setattr(version, f"{column}_by_id", actor.id)
    if step["step"] == "reviewed":
        entry.reviewed_at, entry.reviewed_by_id = at, actor.id
    if step["step"] in STATE_AFTER:
        version.state = STATE_AFTER[step["step"]]
        session.flush()
