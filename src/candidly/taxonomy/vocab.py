"""The shared vocabularies shipped as data: role types, skills and source channels.

Each YAML file next to this module is product data (``role_types.yaml``, ``skills.yaml``,
``source_channels.yaml``). The loaders read it once, check its shape, and return frozen values;
the lookups map any known spelling (a synonym, a title variant, a channel variant) onto the
canonical name, ignoring case and surrounding space.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

import yaml


class TaxonomyError(ValueError):
    """A taxonomy file is malformed or contradicts itself; the message names the file and entry."""


@dataclass(frozen=True, slots=True)
class Skill:
    """A canonical skill and the other ways people write it."""

    name: str
    category: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoleType:
    """A role type of the job-title taxonomy, with the titles seen for it and its core skills."""

    key: str
    display_name: str
    department: str
    titles: tuple[str, ...]
    core_skills: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceChannel:
    """A canonical source channel and the messy ways an ATS records it."""

    key: str
    display_name: str
    direction: str
    variants: tuple[str, ...]


def normalize_term(text: str) -> str:
    """Return ``text`` as the vocabularies compare it: case-folded, with runs of space collapsed."""
    return " ".join(text.casefold().split())


def _read(filename: str) -> Any:
    text = files("candidly.taxonomy").joinpath(filename).read_text(encoding="utf-8")
    # The C loader, where PyYAML was built with it, reads the files several times faster.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TaxonomyError(f"{where}: expected a non-empty text, found {value!r}")
    return value.strip()


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise TaxonomyError(f"{where}: expected a list, found {value!r}")
    return tuple(_text(item, f"{where}[{index}]") for index, item in enumerate(value))


def _section(document: Any, filename: str, key: str) -> Any:
    if not isinstance(document, dict) or key not in document:
        raise TaxonomyError(f"{filename}: expected a top-level {key!r} entry")
    return document[key]


@cache
def load_skills() -> tuple[Skill, ...]:
    """Return every canonical skill from ``skills.yaml``, in file order."""
    filename = "skills.yaml"
    entries = _section(_read(filename), filename, "skills")
    if not isinstance(entries, list):
        raise TaxonomyError(f"{filename}: 'skills' must be a list")
    skills = []
    for index, entry in enumerate(entries):
        where = f"{filename}: skills[{index}]"
        if not isinstance(entry, dict):
            raise TaxonomyError(f"{where}: expected a mapping, found {entry!r}")
        skills.append(
            Skill(
                name=_text(entry.get("name"), f"{where}.name"),
                category=_text(entry.get("category"), f"{where}.category"),
                synonyms=_texts(entry.get("synonyms"), f"{where}.synonyms"),
            )
        )
    return tuple(skills)


@cache
def load_role_types() -> tuple[RoleType, ...]:
    """Return every role type from ``role_types.yaml``; each core skill is a known skill."""
    filename = "role_types.yaml"
    entries = _section(_read(filename), filename, "role_types")
    if not isinstance(entries, dict):
        raise TaxonomyError(f"{filename}: 'role_types' must be a mapping of key to role type")
    known_skills = {skill.name for skill in load_skills()}
    role_types = []
    for key, entry in entries.items():
        where = f"{filename}: role_types.{key}"
        if not isinstance(entry, dict):
            raise TaxonomyError(f"{where}: expected a mapping, found {entry!r}")
        core_skills = _texts(entry.get("core_skills"), f"{where}.core_skills")
        unknown = [name for name in core_skills if name not in known_skills]
        if unknown:
            raise TaxonomyError(f"{where}.core_skills: not in skills.yaml: {', '.join(unknown)}")
        role_types.append(
            RoleType(
                key=_text(key, where),
                display_name=_text(entry.get("display_name"), f"{where}.display_name"),
                department=_text(entry.get("department"), f"{where}.department"),
                titles=_texts(entry.get("titles"), f"{where}.titles"),
                core_skills=core_skills,
            )
        )
    return tuple(role_types)


@cache
def load_source_channels() -> tuple[SourceChannel, ...]:
    """Return every canonical source channel from ``source_channels.yaml``, in file order."""
    filename = "source_channels.yaml"
    entries = _section(_read(filename), filename, "source_channels")
    if not isinstance(entries, dict):
        raise TaxonomyError(f"{filename}: 'source_channels' must be a mapping of key to channel")
    channels = []
    for key, entry in entries.items():
        where = f"{filename}: source_channels.{key}"
        if not isinstance(entry, dict):
            raise TaxonomyError(f"{where}: expected a mapping, found {entry!r}")
        direction = _text(entry.get("direction"), f"{where}.direction")
        if direction not in ("inbound", "outbound"):
            raise TaxonomyError(
                f"{where}.direction: must be inbound or outbound, not {direction!r}"
            )
        channels.append(
            SourceChannel(
                key=_text(key, where),
                display_name=_text(entry.get("display_name"), f"{where}.display_name"),
                direction=direction,
                variants=_texts(entry.get("variants"), f"{where}.variants"),
            )
        )
    return tuple(channels)


def _lookup(pairs: Iterable[tuple[str, str]], what: str) -> Mapping[str, str]:
    table: dict[str, str] = {}
    for spelling, canonical in pairs:
        key = normalize_term(spelling)
        if table.get(key, canonical) != canonical:
            raise TaxonomyError(f"{what} {spelling!r} means both {table[key]!r} and {canonical!r}")
        table[key] = canonical
    return MappingProxyType(table)


@cache
def skill_lookup() -> Mapping[str, str]:
    """Map every skill name and synonym (normalized) onto its canonical skill name."""
    return _lookup(
        (
            (spelling, skill.name)
            for skill in load_skills()
            for spelling in (skill.name, *skill.synonyms)
        ),
        "skill spelling",
    )


@cache
def role_type_lookup() -> Mapping[str, str]:
    """Map every role type's display name and known title (normalized) onto its key."""
    return _lookup(
        (
            (spelling, role.key)
            for role in load_role_types()
            for spelling in (role.key, role.display_name, *role.titles)
        ),
        "job title",
    )


@cache
def source_channel_lookup() -> Mapping[str, str]:
    """Map every channel key, display name and variant (normalized) onto its channel key."""
    return _lookup(
        (
            (spelling, channel.key)
            for channel in load_source_channels()
            for spelling in (channel.key, channel.display_name, *channel.variants)
        ),
        "source channel",
    )
