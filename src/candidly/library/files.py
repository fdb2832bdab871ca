"""Reading library files back: every problem found first, each with its file and line.

``read_library_files`` checks a folder written by ``export_library`` before anything is imported:
its structure, each version's content (as ``candidly library new`` would), and that each
version's state follows from its history under the library's rules — no self-approval,
compliance approval for individual tiers, owners publish.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from candidly.journey import Journey, Problem
from candidly.library.export import PEOPLE_FILE, stamp
from candidly.library.lifecycle import approver_roles
from candidly.library.rules import OWNER_ROLES, STATES, LibraryError
from candidly.library.spec import LibraryFileError, find_touchpoint, resolve_content, where
from candidly.review.tiers import Tier
from candidly.yamldoc import YamlDocument, YamlFileError, read_yaml

#: The state each step leaves a version in (steps not listed leave it as it was).
STATE_AFTER: Final = {
    "created": "draft",
    "submitted": "submitted",
    "tested": "tested",
    "approved": "approved",
    "published": "published",
    "rolled_back": "published",
    "retired": "retired",
}
STEPS: Final = (*STATE_AFTER, "test_run", "reviewed")

#: Which ``<stamp>_at``/``<stamp>_by_id`` columns a step sets on its version.
STAMP_OF: Final = {
    "submitted": "submitted",
    "tested": "tested",
    "approved": "approved",
    "published": "published",
    "rolled_back": "published",
    "retired": "retired",
}

_VERSION_KEYS: Final = frozenset({"version", "state", "author", "created_at", "history"})


@dataclass
class VersionFile:
    """One version as read from a file."""

    number: int
    state: str
    author: str
    created_at: datetime
    content: dict[str, Any]
    history: list[dict[str, Any]]


@dataclass
class EntryFile:
    """One entry file, checked."""

    document: YamlDocument
    touchpoint: str
    role_type: str
    created_by: str
    created_at: datetime
    versions: list[VersionFile]


class _Reader:
    """Reads values out of a document, collecting every problem with its line."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def report(self, doc: YamlDocument, path: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Problem(doc.source, doc.line_of(path), where(path), message))

    def text(self, doc: YamlDocument, data: dict[str, Any], path: tuple[str | int, ...]) -> str:
        value = data.get(str(path[-1]))
        if not isinstance(value, str) or not value.strip():
            self.report(doc, path, f"`{path[-1]}` is required text")
            return ""
        return value

    def moment(
        self, doc: YamlDocument, data: dict[str, Any], path: tuple[str | int, ...]
    ) -> datetime:
        value = data.get(str(path[-1]))
        try:
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            self.report(
                doc, path, f"`{path[-1]}` is a time with its offset, e.g. 2026-09-01T09:00:00+00:00"
            )
            return datetime.fromisoformat("1970-01-01T00:00:00+00:00")
        return moment

    def document(self, path: Path) -> YamlDocument | None:
        try:
            return read_yaml(path.read_text(encoding="utf-8"), str(path))
        except YamlFileError as exc:
            self.problems.append(Problem(str(path), None, "", str(exc).removeprefix(f"{path}: ")))
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(Problem(str(path), None, "", f"cannot read it: {exc}"))
        return None


def _read_people(directory: Path, reader: _Reader) -> dict[str, dict[str, str]]:
    path = directory / PEOPLE_FILE
    doc = reader.document(path) if path.exists() else None
    if doc is None:
        return {}
    rows = doc.data.get("people") if isinstance(doc.data, dict) else None
    if not isinstance(rows, list):
        reader.report(doc, (), "people.yaml holds `people:`, a list of {email, name, role}")
        return {}
    people = {}
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            reader.report(doc, ("people", i), "each person is {email, name, role}")
            continue
        person = {k: reader.text(doc, row, ("people", i, k)) for k in ("email", "name", "role")}
        people[person["email"].lower()] = person
    return people


def _read_entry(path: Path, journey: Journey, reader: _Reader) -> EntryFile | None:
    doc = reader.document(path)
    if doc is None:
        return None
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("versions"), list):
        reader.report(doc, (), "an entry file has touchpoint, role_type and versions")
        return None
    try:
        touchpoint = find_touchpoint(journey, reader.text(doc, data, ("touchpoint",)))
    except LibraryError as exc:
        reader.report(doc, ("touchpoint",), str(exc))
        return None
    entry = EntryFile(
        doc,
        touchpoint.id,
        reader.text(doc, data, ("role_type",)),
        reader.text(doc, data, ("created_by",)),
        reader.moment(doc, data, ("created_at",)),
        [],
    )
    for i, raw in enumerate(data["versions"]):
        base: tuple[str | int, ...] = ("versions", i)
        if not isinstance(raw, dict):
            reader.report(doc, base, "a version is a mapping")
            continue
        content_data = {k: v for k, v in raw.items() if k not in _VERSION_KEYS}
        content, problems = resolve_content(content_data, doc, base, touchpoint)
        reader.problems.extend(problems)
        if raw.get("version") != i + 1:
            reader.report(
                doc, (*base, "version"), f"versions are numbered 1, 2, …: expected {i + 1}"
            )
        if raw.get("state") not in STATES:
            reader.report(doc, (*base, "state"), f"state is one of {', '.join(STATES)}")
        version = VersionFile(
            i + 1,
            str(raw.get("state")),
            reader.text(doc, raw, (*base, "author")),
            reader.moment(doc, raw, (*base, "created_at")),
            content or {},
            _read_history(doc, raw.get("history") or [], base, reader),
        )
        tier = _tier(content["tier"]) if content else _tier(raw.get("tier"))
        _check_history(doc, base, version, tier, reader)
        entry.versions.append(version)
    published = [v.number for v in entry.versions if v.state == "published"]
    if len(published) > 1:
        reader.report(
            doc, ("versions",), f"versions {published} are all published; an entry has one"
        )
    return entry


def _read_history(
    doc: YamlDocument, steps: Any, base: tuple[str | int, ...], reader: _Reader
) -> list[dict[str, Any]]:
    if not isinstance(steps, list):
        reader.report(doc, (*base, "history"), "history is a list of steps")
        return []
    history = []
    for j, step in enumerate(steps):
        at = (*base, "history", j)
        if not isinstance(step, dict) or step.get("step") not in STEPS:
            reader.report(
                doc, at, f"a step is {{step, by, role, at}} with step one of {', '.join(STEPS)}"
            )
            continue
        history.append(
            {
                "step": step["step"],
                "by": reader.text(doc, step, (*at, "by")),
                "role": reader.text(doc, step, (*at, "role")),
                "at": stamp(reader.moment(doc, step, (*at, "at")).astimezone(UTC)),
                **({"details": step["details"]} if step.get("details") else {}),
            }
        )
    return history


def _tier(value: Any) -> Tier | None:
    try:
        return Tier(value)
    except ValueError:
        return None


def _check_history(
    doc: YamlDocument,
    base: tuple[str | int, ...],
    version: VersionFile,
    tier: Tier | None,
    reader: _Reader,
) -> None:
    """The state must follow from the history, and the history from the library's rules."""
    state = None
    for j, step in enumerate(version.history):
        at = (*base, "history", j)
        if step["step"] == "approved":
            if step["by"].lower() == version.author.lower():
                reader.report(doc, at, "the author approved their own version; authors cannot")
            if tier is not None and step["role"] not in approver_roles(tier):
                roles = ", ".join(sorted(approver_roles(tier)))
                reader.report(
                    doc, at, f"versions of the {tier.value} tier are approved only by {roles}"
                )
        if step["step"] in ("published", "rolled_back") and step["role"] not in OWNER_ROLES:
            reader.report(doc, at, f"only {', '.join(sorted(OWNER_ROLES))} publish")
        state = STATE_AFTER.get(step["step"], state)
    if state != version.state:
        reader.report(
            doc,
            (*base, "state"),
            f"the history leaves this version {state or 'without a state'}, not {version.state}",
        )


def read_library_files(
    directory: Path, journey: Journey
) -> tuple[dict[str, dict[str, str]], list[EntryFile]]:
    """Read and check every file in ``directory``; raise ``LibraryFileError`` listing every problem."""
    if not directory.is_dir():
        raise LibraryError(f"{directory} is not a folder of library files")
    reader = _Reader()
    people = _read_people(directory, reader)
    entries = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name != PEOPLE_FILE:
            entry = _read_entry(path, journey, reader)
            if entry is not None:
                entries.append(entry)
    if reader.problems:
        raise LibraryFileError(reader.problems)
    return people, entries
