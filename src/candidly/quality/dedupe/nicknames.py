"""Given names that can belong to one person (Bob and Robert, Liz and Elizabeth), from ``nicknames.yaml``."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final

import yaml

from candidly.quality.dedupe.keys import name_key

#: At most this many groups are kept per name; a name in more is too vague to be evidence.
MAX_GROUPS_PER_NAME: Final = 4


class NicknameTable:
    """Groups of equivalent given names, looked up by name key (folded letters)."""

    def __init__(self, groups: list[list[str]]) -> None:
        members: dict[str, list[int]] = {}
        for group_id, group in enumerate(groups):
            for name in group:
                key = name_key(str(name))
                if key and group_id not in members.setdefault(key, []):
                    members[key].append(group_id)
        self._groups: MappingProxyType[str, tuple[int, ...]] = MappingProxyType(
            {key: tuple(ids[:MAX_GROUPS_PER_NAME]) for key, ids in members.items()}
        )
        self.group_count = len(groups)

    def groups_of(self, key: str | None) -> tuple[int, ...]:
        """The group ids of a name key; empty when the name is in no group."""
        if not key:
            return ()
        return self._groups.get(key, ())

    def equivalent(self, a: str | None, b: str | None) -> bool:
        """True when two given names (raw or keyed) share a group, or are the same name."""
        ka, kb = name_key(a), name_key(b)
        if not ka or not kb:
            return False
        return ka == kb or bool(set(self.groups_of(ka)) & set(self.groups_of(kb)))

    def canonical_keys(self, key: str | None) -> tuple[str, ...]:
        """Keys to block on: one per group the name is in (as ``#id``), else the name itself.

        Robert and Bob share a key, and so do Alex and Alejandro, so they meet in one block.
        """
        if not key:
            return ()
        groups = self.groups_of(key)
        return tuple(f"#{g}" for g in groups) if groups else (key,)

    def group_members(self) -> dict[int, list[str]]:
        """Every group's name keys, by group id."""
        members: dict[int, list[str]] = {}
        for key, groups in self._groups.items():
            for group in groups:
                members.setdefault(group, []).append(key)
        return members

    def __len__(self) -> int:
        return len(self._groups)


def _load(text: str) -> list[list[str]]:
    data: Any = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise ValueError("nicknames.yaml must hold a mapping with a 'groups' list")
    return [[str(name) for name in group] for group in data["groups"]]


@lru_cache(maxsize=1)
def nickname_table() -> NicknameTable:
    """The table candidly ships, read once."""
    text = resources.files("candidly.quality.dedupe").joinpath("nicknames.yaml").read_text("utf-8")
    return NicknameTable(_load(text))
