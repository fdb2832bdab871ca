"""Entries and their versions: writing a new version, finding one, and what the composer reads.

A version is never edited: ``edit_version`` writes the next number with the changes applied.
"""

from __future__ import annotations

import difflib
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from candidly.journey import Journey, Problem
from candidly.library.history import TemplateEvent, record_step
from candidly.library.models import (
    ANY_ROLE,
    CONTENT_FIELDS,
    LibraryEntry,
    TemplateVersion,
    entry_key,
)
from candidly.library.rules import AUTHOR_ROLES, LIFECYCLE, LibraryError
from candidly.library.spec import (
    ENTRY_KEYS,
    LibraryFileError,
    find_touchpoint,
    resolve_content,
    role_type_problem,
)
from candidly.library.yamltext import dump_yaml
from candidly.review.tiers import Tier
from candidly.store.models import User
from candidly.store.types import utcnow
from candidly.yamldoc import YamlDocument, YamlFileError, read_yaml


def find_user(session: Session, email: str) -> User:
    """The active staff account with this email; a ``LibraryError`` saying what to do otherwise."""
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        raise LibraryError(
            f"no user with email {email!r}: add them to the store (e.g. `candidly import` a users "
            "file) before they act on the library"
        )
    if not user.is_active:
        raise LibraryError(f"{user.email} is not an active user; reactivate the account first")
    return user


def require_role(user: User, roles: frozenset[str], action: str) -> None:
    """Refuse ``action`` unless ``user`` holds one of ``roles``."""
    if user.role not in roles:
        raise LibraryError(
            f"{user.email} is {user.role}; only {', '.join(sorted(roles))} may {action}"
        )


def split_ref(ref: str) -> tuple[str, str, int | None]:
    """``touchpoint[.role_type][@version]`` → (touchpoint, role type, version number or None)."""
    name, _, number = ref.strip().partition("@")
    touchpoint, _, role_type = name.partition(".")
    if not touchpoint:
        raise LibraryError(f"{ref!r} names no entry: use e.g. offer_letter or offer_letter@2")
    version: int | None = None
    if number:
        if not number.isdigit():
            raise LibraryError(f"{ref!r}: the version after @ is a number, e.g. offer_letter@2")
        version = int(number)
    return touchpoint, role_type or ANY_ROLE, version


def find_entry(session: Session, ref: str) -> LibraryEntry:
    """The entry named by ``ref`` (any ``@version`` is ignored)."""
    touchpoint, role_type, _ = split_ref(ref)
    entry = session.scalar(
        select(LibraryEntry).where(
            LibraryEntry.touchpoint == touchpoint, LibraryEntry.role_type == role_type
        )
    )
    if entry is None:
        raise LibraryError(
            f"the library has no entry {entry_key(touchpoint, role_type)!r}; "
            "`candidly library list` shows the entries"
        )
    return entry


def find_version(session: Session, ref: str) -> TemplateVersion:
    """The version ``ref`` names: ``entry@N``, or the entry's newest version when no @N is given."""
    entry = find_entry(session, ref)
    number = split_ref(ref)[2]
    if not entry.versions:
        raise LibraryError(f"{entry.key} has no versions yet")
    if number is None:
        return entry.versions[-1]
    for version in entry.versions:
        if version.number == number:
            return version
    raise LibraryError(
        f"{entry.key} has no version {number}; it has versions 1 to {entry.versions[-1].number}"
    )


def published_version(
    session: Session, touchpoint: str, role_type: str | None
) -> TemplateVersion | None:
    """The version to send with for this touchpoint: the role type's own entry, else ``any``'s.

    Only a published version is ever returned: nothing else may be used to send.
    """
    for role in dict.fromkeys([role_type or ANY_ROLE, ANY_ROLE]):
        version = session.scalar(
            select(TemplateVersion)
            .join(LibraryEntry, LibraryEntry.id == TemplateVersion.entry_id)
            .where(
                LibraryEntry.touchpoint == touchpoint,
                LibraryEntry.role_type == role,
                TemplateVersion.state == "published",
            )
        )
        if version is not None:
            return version
    return None


def require_sendable(version: TemplateVersion) -> None:
    """Refuse to send with a version that is not published."""
    if version.state != "published":
        raise LibraryError(
            f"{version.label} is {version.state}: only a published version can be used to send "
            f"({LIFECYCLE})"
        )


def content_of(version: TemplateVersion) -> dict[str, Any]:
    """A version's content as plain values, in ``CONTENT_FIELDS`` order."""
    content = {name: getattr(version, name) for name in CONTENT_FIELDS}
    content["tier"] = version.tier.value
    content["required_fields"] = list(version.required_fields)
    content["optional_fields"] = list(version.optional_fields)
    content["forbidden_categories"] = list(version.forbidden_categories)
    content["variants"] = [dict(v) for v in version.variants]
    return content


def create_version(
    session: Session,
    journey: Journey,
    *,
    touchpoint: str,
    role_type: str,
    content: dict[str, Any],
    author: User,
    at: datetime | None = None,
    number: int | None = None,
    record: bool = True,
) -> TemplateVersion:
    """Write a new draft version (and the entry, if this is its first); records ``created``.

    ``content`` is already resolved (``spec.resolve_content``). ``number`` and ``record`` are for
    imports, which bring their own numbering and history.
    """
    find_touchpoint(journey, touchpoint)
    problem = role_type_problem(role_type)
    if problem:
        raise LibraryError(problem)
    at = at or utcnow()
    entry = session.scalar(
        select(LibraryEntry).where(
            LibraryEntry.touchpoint == touchpoint, LibraryEntry.role_type == role_type
        )
    )
    if entry is None:
        entry = LibraryEntry(
            touchpoint=touchpoint, role_type=role_type, created_at=at, created_by_id=author.id
        )
        session.add(entry)
        session.flush()
    latest = max((v.number for v in entry.versions), default=0)
    version = TemplateVersion(
        entry=entry,
        number=number if number is not None else latest + 1,
        state="draft",
        author_id=author.id,
        created_at=at,
        **{name: content[name] for name in CONTENT_FIELDS if name != "tier"},
        tier=Tier(content["tier"]),
    )
    session.add(version)
    session.flush()
    if record:
        record_step(session, entry, version, TemplateEvent.CREATED, author, at=at)
    return version


def _document(text: str, source: str) -> YamlDocument:
    try:
        document = read_yaml(text, source)
    except YamlFileError as exc:
        raise LibraryFileError(
            [Problem(source, None, "", str(exc).removeprefix(f"{source}: "))]
        ) from None
    if not isinstance(document.data, dict):
        raise LibraryFileError(
            [Problem(source, 1, "", "a template file is a mapping with purpose, subject and body")]
        )
    return document


def read_entry_spec(text: str, source: str, journey: Journey) -> tuple[str, str, dict[str, Any]]:
    """Check a new entry's YAML spec; return (touchpoint, role type, content with defaults).

    Raises ``LibraryFileError`` listing every problem with its line.
    """
    document = _document(text, source)
    data = document.data
    touchpoint = data.get("touchpoint")
    role_type = str(data.get("role_type") or ANY_ROLE)
    if not isinstance(touchpoint, str):
        raise LibraryFileError(
            [Problem(source, 1, "", "name the entry's `touchpoint`, e.g. touchpoint: offer_letter")]
        )
    problem = role_type_problem(role_type)
    if problem:
        raise LibraryFileError(
            [Problem(source, document.line_of(("role_type",)), "role_type", problem)]
        )
    try:
        tp = find_touchpoint(journey, touchpoint)
    except LibraryError as exc:
        raise LibraryFileError(
            [Problem(source, document.line_of(("touchpoint",)), "touchpoint", str(exc))]
        ) from None
    content, problems = resolve_content(data, document, (), tp)
    if problems or content is None:
        raise LibraryFileError(problems)
    return touchpoint, role_type, content


def new_entry(
    session: Session, journey: Journey, text: str, source: str, author: User
) -> TemplateVersion:
    """Create an entry and its first (draft) version from a YAML spec naming its touchpoint."""
    require_role(author, AUTHOR_ROLES, "write library templates")
    touchpoint, role_type, content = read_entry_spec(text, source, journey)
    existing = session.scalar(
        select(LibraryEntry).where(
            LibraryEntry.touchpoint == touchpoint, LibraryEntry.role_type == role_type
        )
    )
    if existing is not None:
        raise LibraryError(
            f"the library already has {existing.key}: change it with "
            f"`candidly library edit {existing.key}`, which writes a new version"
        )
    return create_version(
        session, journey, touchpoint=touchpoint, role_type=role_type, content=content, author=author
    )


def edit_version(
    session: Session,
    journey: Journey,
    ref: str,
    author: User,
    *,
    text: str | None = None,
    source: str = "<changes>",
    changes: dict[str, Any] | None = None,
) -> TemplateVersion:
    """Write the next version of ``ref``'s entry: ``ref``'s version (default: the newest) with
    ``text``'s fields applied.

    ``text`` is YAML giving only what changes; ``changes`` (e.g. a new body) is applied on top.
    """
    require_role(author, AUTHOR_ROLES, "write library templates")
    base = find_version(session, ref)
    entry = base.entry
    data: dict[str, Any] = {}
    document = YamlDocument(source=source, data={})
    if text is not None:
        document = _document(text, source)
        data = dict(document.data)
    for key in ENTRY_KEYS:
        given = data.pop(key, None)
        if given is not None and given != getattr(entry, key):
            raise LibraryFileError(
                [
                    Problem(
                        source,
                        document.line_of((key,)),
                        key,
                        f"this file is for {key} {given!r}, but {entry.key} has {getattr(entry, key)!r}",
                    )
                ]
            )
    merged = {**content_of(base), **data, **(changes or {})}
    if merged == content_of(base):
        raise LibraryError(f"nothing changed from {base.label}; a new version needs a change")
    content, problems = resolve_content(
        merged, document, (), find_touchpoint(journey, entry.touchpoint)
    )
    if problems or content is None:
        raise LibraryFileError(problems)
    return create_version(
        session,
        journey,
        touchpoint=entry.touchpoint,
        role_type=entry.role_type,
        content=content,
        author=author,
    )


def version_text(version: TemplateVersion) -> str:
    """A version's content as the YAML a person would write for it."""
    return dump_yaml(content_of(version))


def diff_versions(old: TemplateVersion | None, new: TemplateVersion) -> str:
    """A unified diff of ``new``'s content against ``old``'s (or against nothing)."""
    before = version_text(old).splitlines(keepends=True) if old else []
    after = version_text(new).splitlines(keepends=True)
    return "".join(
        difflib.unified_diff(
            before,
            after,
            fromfile=old.label if old else "(nothing)",
            tofile=new.label,
        )
    )


def previous_version(version: TemplateVersion) -> TemplateVersion | None:
    """The version numbered just before ``version`` in its entry, if any."""
    earlier = [v for v in version.entry.versions if v.number < version.number]
    return earlier[-1] if earlier else None
