"""Person records as columns of match keys, ready for blocking and comparison at a million rows.

A field's values are stored once per distinct match key (a ``Vocabulary``); a record holds the
integer id of its key (``-1`` when missing), plus any further keys for a multi-valued field
(other emails, other phones, a preferred name). Everything downstream works on these integer
arrays, so normalization runs once per distinct value, not once per pair.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from candidly.quality.dedupe import keys

IntArray = npt.NDArray[np.int64]
I32Array = npt.NDArray[np.int32]

#: The kinds of field a person record can carry, and what each one means for matching.
FIELD_KINDS: Final[dict[str, str]] = {
    "name": "a full name, split into given name (first word) and family name (last word)",
    "given_name": "a first or preferred name; nicknames count as equal (Bob ~ Robert)",
    "surname": "a family name; a shared part of a double-barrelled name counts",
    "email": "an email address; case, gmail dots and +tags are ignored",
    "phone": "a phone number in any format; the last nine digits are compared",
    "date": "a date such as a date of birth; a day/month swap counts as close",
    "address": "a street address; word order and street-word abbreviations are ignored",
    "postcode": "a postal code; spaces and case are ignored",
    "city": "a town or city; accents and punctuation are ignored",
    "text": "any other text, compared by spelling",
    "id_number": "an identifier such as a national id; one or two typos count as close",
}

#: Kinds whose several columns pool into one multi-valued field (a person has many emails).
POOLED_KINDS: Final = ("given_name", "surname", "email", "phone")

_KEY_FUNCTIONS: Final[dict[str, Callable[[str | None], str | None]]] = {
    "given_name": keys.name_key,
    "surname": keys.name_key,
    "email": keys.email_key,
    "phone": keys.phone_key,
    "date": keys.date_key,
    "address": keys.address_key,
    "postcode": keys.postcode_key,
    "city": keys.city_key,
    "text": keys.text_key,
    "id_number": keys.id_number_key,
}


@dataclass(frozen=True)
class FieldSpec:
    """One input column and the kind of value it holds."""

    column: str
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in FIELD_KINDS:
            raise ValueError(
                f"unknown field kind {self.kind!r}; use one of: {', '.join(FIELD_KINDS)}"
            )


class Vocabulary:
    """Distinct match keys of one field (or of all name parts), with their integer ids."""

    def __init__(self, key_function: Callable[[str | None], str | None]) -> None:
        self.key_function = key_function
        self.values: list[str] = []
        self._ids: dict[str, int] = {}
        self._raw: dict[str | None, int] = {}
        self._array: npt.NDArray[np.object_] | None = None
        #: Facts computed from the values (name parts, nickname groups), with the size they saw.
        self.derived: dict[str, tuple[int, Any]] = {}

    def id_of_raw(self, raw: str | None) -> int:
        """The id of ``raw``'s match key, adding it when new; -1 when it has no key."""
        cached = self._raw.get(raw)
        if cached is not None:
            return cached
        key = self.key_function(raw) if raw is not None and raw != "" else None
        value_id = -1 if key is None else self.id_of_key(key)
        if len(self._raw) < 2_000_000:
            self._raw[raw] = value_id
        return value_id

    def ids_of_raw(self, raws: Sequence[str | None]) -> I32Array:
        """The key id of every raw value (-1 where there is no key), computed once per distinct value."""
        lookup = {raw: self.id_of_raw(raw) for raw in set(raws)}
        return np.fromiter(map(lookup.__getitem__, raws), dtype=np.int32, count=len(raws))

    def ids_of_keys(self, keys_: Sequence[str | None]) -> I32Array:
        """The id of every already-computed key (-1 for None)."""
        lookup = {key: (self.id_of_key(key) if key else -1) for key in set(keys_)}
        return np.fromiter(map(lookup.__getitem__, keys_), dtype=np.int32, count=len(keys_))

    def id_of_key(self, key: str) -> int:
        """The id of an already-computed match key, adding it when new."""
        value_id = self._ids.get(key)
        if value_id is None:
            value_id = len(self.values)
            self._ids[key] = value_id
            self.values.append(key)
            self._array = None
        return value_id

    def lookup(self, key: str) -> int:
        """The id of a key, or -1 when the key was never seen."""
        return self._ids.get(key, -1)

    @property
    def array(self) -> npt.NDArray[np.object_]:
        """The keys as a numpy object array, indexable by an id array."""
        if self._array is None or len(self._array) != len(self.values):
            self._array = np.array(self.values, dtype=object)
        return self._array

    def __len__(self) -> int:
        return len(self.values)

    def forget_raw(self) -> None:
        """Drop the raw-value cache once the table is built (it can be large)."""
        self._raw = {}


@dataclass
class ValueColumn:
    """One field across all records: a primary key id per record and any extra ids."""

    name: str
    kind: str
    vocabulary: Vocabulary
    primary: I32Array
    extras: dict[int, tuple[int, ...]] = field(default_factory=dict)
    counts: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def all_ids(self, record: int) -> tuple[int, ...]:
        """Every key id a record has for this field, primary first; empty when none."""
        first = int(self.primary[record])
        rest = self.extras.get(record, ())
        return ((first,) if first >= 0 else ()) + rest

    def has_extras(self) -> npt.NDArray[np.bool_]:
        """A mask of the records that hold more than one value for this field."""
        mask = np.zeros(len(self.primary), dtype=bool)
        if self.extras:
            mask[np.fromiter(self.extras.keys(), dtype=np.int64, count=len(self.extras))] = True
        return mask

    def entries(self) -> tuple[IntArray, I32Array]:
        """Every (record, key id) this column holds, for blocking: primaries then extras."""
        present = np.flatnonzero(self.primary >= 0)
        records = [present]
        ids = [self.primary[present]]
        if self.extras:
            extra_records = np.fromiter(
                (r for r, vals in self.extras.items() for _ in vals), dtype=np.int64
            )
            extra_ids = np.fromiter(
                (v for vals in self.extras.values() for v in vals), dtype=np.int32
            )
            records.append(extra_records)
            ids.append(extra_ids)
        return np.concatenate(records), np.concatenate(ids).astype(np.int32)


class ColumnBuilder:
    """Collects one field's values record by record, then freezes them into a ``ValueColumn``."""

    def __init__(self, name: str, kind: str, vocabulary: Vocabulary, size: int) -> None:
        self.name = name
        self.kind = kind
        self.vocabulary = vocabulary
        self.primary = np.full(size, -1, dtype=np.int32)
        self.extras: dict[int, tuple[int, ...]] = {}

    def add_column(self, raws: Sequence[str | None]) -> None:
        """Add one raw value per record (a value without a key, or repeating one, adds nothing)."""
        self.add_ids(self.vocabulary.ids_of_raw(raws))

    def add_keys(self, keys_: Sequence[str | None]) -> None:
        """Add one already-computed match key per record."""
        self.add_ids(self.vocabulary.ids_of_keys(keys_))

    def add_ids(self, ids: I32Array) -> None:
        """Add one key id per record: the first becomes the primary, later ones extras."""
        empty = self.primary < 0
        self.primary[empty] = ids[empty]
        more = np.flatnonzero(~empty & (ids >= 0) & (ids != self.primary))
        for record, value_id in zip(more.tolist(), ids[more].tolist(), strict=True):
            extra = self.extras.get(record, ())
            if value_id not in extra:
                self.extras[record] = (*extra, value_id)

    def build(self) -> ValueColumn:
        counts = np.bincount(
            self.primary[self.primary >= 0], minlength=len(self.vocabulary)
        ).astype(np.int64)
        for extra in self.extras.values():
            for value_id in extra:
                counts[value_id] += 1
        return ValueColumn(self.name, self.kind, self.vocabulary, self.primary, self.extras, counts)


@dataclass
class RecordTable:
    """Records ready to match: their ids and one ``ValueColumn`` per compared field."""

    ids: list[object]
    columns: dict[str, ValueColumn]

    @property
    def size(self) -> int:
        return len(self.ids)

    def column(self, name: str) -> ValueColumn | None:
        return self.columns.get(name)


def build_table(
    ids: Sequence[object],
    specs: Sequence[FieldSpec],
    values: Callable[[str], Iterable[str | None]],
) -> RecordTable:
    """Build a ``RecordTable`` from ids and a function that yields one column's raw values.

    Columns of a pooled kind (given names, surnames, emails, phones) become one multi-valued
    field; a ``name`` column feeds the given-name and surname fields. Every other column is a
    field of its own, named after the column.
    """
    size = len(ids)
    names = Vocabulary(keys.name_key)
    builders: dict[str, ColumnBuilder] = {}

    def builder(name: str, kind: str, vocabulary: Vocabulary | None = None) -> ColumnBuilder:
        if name not in builders:
            builders[name] = ColumnBuilder(
                name,
                kind,
                vocabulary if vocabulary is not None else Vocabulary(_KEY_FUNCTIONS[kind]),
                size,
            )
        return builders[name]

    pooled: dict[str, Vocabulary] = {}
    for spec in specs:
        raws = list(values(spec.column))
        if spec.kind == "name":
            split = {raw: keys.split_full_name(raw) for raw in set(raws)}
            builder("given_name", "given_name", names).add_keys([split[r][0] for r in raws])
            builder("surname", "surname", names).add_keys([split[r][1] for r in raws])
        elif spec.kind in POOLED_KINDS:
            vocabulary = names if spec.kind in ("given_name", "surname") else None
            if vocabulary is None:
                vocabulary = pooled.setdefault(spec.kind, Vocabulary(_KEY_FUNCTIONS[spec.kind]))
            builder(spec.kind, spec.kind, vocabulary).add_column(raws)
        else:
            builder(spec.column, spec.kind).add_column(raws)
    columns = {name: b.build() for name, b in builders.items()}
    for column in columns.values():
        column.vocabulary.forget_raw()
    return RecordTable(list(ids), columns)
