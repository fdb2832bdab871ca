"""Blocking: which pairs of records are worth comparing at all.

Comparing every pair of a million records is half a trillion comparisons. A blocking rule puts
records that share a key (the same email, the same phone, the same name in either order, the
same surname sound and given initial…) in one block, and only pairs inside a block are compared.
Several rules each catch what another misses; the candidate pairs are their union.

Keys are integers built from the columns' key ids, so a rule is a few numpy operations over the
whole table. A block larger than ``max_block_size`` (a common name in a big file) is not
compared all-to-all: its records are sorted by name and each is compared with its ``window``
nearest neighbours, which bounds the work at ``size × window`` pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Final

import numpy as np
import numpy.typing as npt

from candidly.quality.dedupe.arrays import dense_codes, distinct
from candidly.quality.dedupe.compare import name_attributes
from candidly.quality.dedupe.keys import soundex
from candidly.quality.dedupe.nicknames import nickname_table
from candidly.quality.dedupe.records import IntArray, RecordTable, ValueColumn

Entries = tuple[IntArray, IntArray]
"""(record index, integer key) for every key a record has under one rule."""

_SHIFT: Final = np.int64(1 << 31)


@dataclass(frozen=True)
class BlockingRule:
    """A named way to give records keys; records sharing a key are compared."""

    name: str
    entries: Callable[[RecordTable], Entries]


@dataclass
class BlockingStats:
    """What blocking did, per rule: pairs it produced and blocks it had to cap."""

    pairs_by_rule: dict[str, int]
    capped_blocks: int
    candidate_pairs: int
    skipped_rules: list[str]


def _column_entries(column: ValueColumn) -> Entries:
    records, ids = column.entries()
    return records, ids.astype(np.int64)


def _mapped(column: ValueColumn, mapping: npt.NDArray[np.int64]) -> Entries:
    records, ids = column.entries()
    codes = mapping[ids]
    keep = codes >= 0
    return records[keep], codes[keep]


def _combine(a: Entries, b: Entries, *, unordered: bool = False) -> Entries:
    """Keys of records that have both parts: every combination of a record's a-keys and b-keys."""
    rec_a, key_a = a
    rec_b, key_b = b
    if len(rec_a) == 0 or len(rec_b) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order_b = np.argsort(rec_b, kind="stable")
    rec_b, key_b = rec_b[order_b], key_b[order_b]
    start = np.searchsorted(rec_b, rec_a, side="left")
    end = np.searchsorted(rec_b, rec_a, side="right")
    counts = end - start
    rows = np.repeat(np.arange(len(rec_a)), counts)
    offsets = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
    partner = start[rows] + offsets
    left, right = key_a[rows], key_b[partner]
    if unordered:
        left, right = np.minimum(left, right), np.maximum(left, right)
    # Dense codes keep combined keys small enough to combine again.
    _, dense = dense_codes(left * _SHIFT + right)
    return rec_a[rows], dense.astype(np.int64)


def _canonical_codes(column: ValueColumn) -> tuple[IntArray, IntArray]:
    """(record, code) where a name's code is its nickname group, or the name itself.

    Codes of groups and of ungrouped names share one space, so Bob and Robert get one code,
    and "John Smith" and "Smith John" the same unordered pair.
    """
    table = nickname_table()
    vocabulary = column.vocabulary
    cached = vocabulary.derived.get("canonical")
    if cached is None or cached[0] != len(vocabulary):
        value_ids: list[int] = []
        codes: list[int] = []
        for value_id, value in enumerate(vocabulary.values):
            groups = table.groups_of(value) or table.groups_of(value.split(" ")[0])
            if groups:
                for group in groups:
                    value_ids.append(value_id)
                    codes.append(group)
            else:
                value_ids.append(value_id)
                codes.append(table.group_count + value_id)
        cached = (
            len(vocabulary),
            (np.array(value_ids, dtype=np.int64), np.array(codes, dtype=np.int64)),
        )
        vocabulary.derived["canonical"] = cached
    value_index, value_codes = cached[1]
    records, ids = column.entries()
    # A value can have several codes: expand each entry by its value's codes.
    order = np.argsort(value_index, kind="stable")
    value_index, value_codes = value_index[order], value_codes[order]
    start = np.searchsorted(value_index, ids, side="left")
    end = np.searchsorted(value_index, ids, side="right")
    counts = end - start
    rows = np.repeat(np.arange(len(records)), counts)
    offsets = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
    return records[rows], value_codes[start[rows] + offsets]


def _value_map(column: ValueColumn, name: str, function: Callable[[str], str]) -> IntArray:
    """An integer code per vocabulary value from a text function (soundex, initial, prefix)."""
    vocabulary = column.vocabulary
    cached = vocabulary.derived.get(name)
    if cached is not None and cached[0] == len(vocabulary):
        mapping: IntArray = cached[1]
        return mapping
    seen: dict[str, int] = {}
    mapping = np.fromiter(
        (
            seen.setdefault(text, len(seen)) if (text := function(value)) else -1
            for value in vocabulary.values
        ),
        dtype=np.int64,
        count=len(vocabulary),
    )
    vocabulary.derived[name] = (len(vocabulary), mapping)
    return mapping


def _soundex_of(value: str) -> str:
    return soundex(value.replace(" ", ""))


def _initial(value: str) -> str:
    return value[:1]


def _sounds(column: ValueColumn) -> Entries:
    return _mapped(column, _value_map(column, "soundex", _soundex_of))


def _initials(column: ValueColumn) -> Entries:
    return _mapped(column, _value_map(column, "initial", _initial))


def _with_sound(column: ValueColumn, part: ValueColumn) -> Entries:
    return _combine(_column_entries(column), _sounds(part))


def _with_initial(column: ValueColumn, part: ValueColumn) -> Entries:
    return _combine(_column_entries(column), _initials(part))


def _both(first: ValueColumn, second: ValueColumn) -> Entries:
    return _combine(_column_entries(first), _column_entries(second))


def default_rules(table: RecordTable) -> list[BlockingRule]:
    """The blocking rules for the fields ``table`` has.

    Contact details alone (email, phone, an id) each make a rule: people rarely share them.
    Names make rules that survive one typo, a nickname or a swap: the nickname-folded names in
    either order; one name's sound with the other name; the two sounds in either order; a
    name's sound or initial with a date, a postcode or a city. Pairs of the other fields (a
    date of birth and a postcode, a street and a street number) find records whose names are
    missing or mangled altogether.
    """
    rules: list[BlockingRule] = []
    columns = table.columns
    given, surname = columns.get("given_name"), columns.get("surname")
    by_kind: dict[str, list[ValueColumn]] = {}
    for column in columns.values():
        by_kind.setdefault(column.kind, []).append(column)

    def rule(name: str, entries: Callable[[], Entries]) -> None:
        rules.append(BlockingRule(name, lambda _table: entries()))

    for kind in ("email", "phone", "id_number"):
        for column in by_kind.get(kind, []):
            rule(column.name, partial(_column_entries, column))

    if given is not None and surname is not None:
        g, s = given, surname
        rule(
            "names in either order",
            lambda: _combine(_canonical_codes(g), _canonical_codes(s), unordered=True),
        )
        rule("family-name sound + given name", lambda: _combine(_sounds(s), _canonical_codes(g)))
        rule("given-name sound + family name", lambda: _combine(_sounds(g), _column_entries(s)))
        rule(
            "name sounds in either order",
            lambda: _combine(_sounds(g), _sounds(s), unordered=True),
        )
    name_parts = [c for c in (given, surname) if c is not None]
    for kind in ("date", "postcode", "city", "address", "text"):
        for column in by_kind.get(kind, []):
            for part in name_parts:
                if kind in ("address", "text"):
                    if part is surname:
                        rule(
                            f"{column.name} + family-name sound", partial(_with_sound, column, part)
                        )
                elif kind == "city":
                    rule(f"{column.name} + {part.name} sound", partial(_with_sound, column, part))
                else:
                    rule(
                        f"{column.name} + {part.name} initial", partial(_with_initial, column, part)
                    )
    others = [
        c for kind in ("date", "postcode", "city", "address", "text") for c in by_kind.get(kind, [])
    ]
    for i, first in enumerate(others):
        for second in others[i + 1 :]:
            rule(f"{first.name} + {second.name}", partial(_both, first, second))
    for column in by_kind.get("address", []):
        rule(column.name, partial(_column_entries, column))
    return rules


def _name_rank(table: RecordTable) -> IntArray:
    """A rank per record that sorts records by family name then given name (missing last)."""
    rank = np.zeros(table.size, dtype=np.int64)
    for name in ("surname", "given_name"):
        column = table.columns.get(name)
        if column is None:
            continue
        values = column.vocabulary.values
        order = (
            np.argsort(np.array(values, dtype=object)) if values else np.zeros(0, dtype=np.int64)
        )
        value_rank = np.empty(len(values) + 1, dtype=np.int64)
        value_rank[order] = np.arange(len(values))
        value_rank[len(values)] = len(values)  # missing sorts last
        ids = np.where(column.primary >= 0, column.primary, len(values))
        rank = rank * (len(values) + 1) + value_rank[ids]
    return rank


def _window_pairs(sizes: IntArray, window: int) -> IntArray:
    """Pairs a block of each size gives when windowed: each record with its next ``window``."""
    w = np.minimum(sizes - 1, window)
    pairs: IntArray = w * sizes - w * (w + 1) // 2
    return pairs


def _affordable_cap(sizes: IntArray, budget: float, max_block_size: int, window: int) -> int:
    """The largest block size compared all-to-all that keeps the rule's pairs within ``budget``.

    Blocks above the cap are windowed. Returns 0 when even the smallest sensible cap (twice
    the window) is over budget: the rule's key hardly tells records apart.
    """
    ordered = np.sort(sizes)
    full = np.cumsum(ordered * (ordered - 1) // 2)  # pairs of all blocks up to each size
    windowed = _window_pairs(ordered, window)
    windowed_after = np.concatenate((np.cumsum(windowed[::-1])[::-1], [0]))
    caps = np.unique(np.clip(ordered, 2 * window, max_block_size))
    # Blocks of size <= cap are the first ``split`` sorted ones.
    split = np.searchsorted(ordered, caps, side="right")
    totals = np.where(split > 0, full[np.maximum(split - 1, 0)], 0) + windowed_after[split]
    affordable = caps[totals <= budget]
    return int(affordable.max()) if len(affordable) else 0


def _block_pairs(
    records: IntArray,
    codes: IntArray,
    rank: IntArray,
    max_block_size: int,
    window: int,
    max_pairs_per_record: float,
) -> tuple[IntArray, int]:
    """Pairs (as ``low * n + high`` codes) of records sharing a key.

    Blocks up to a cap are compared all-to-all; larger ones are windowed in ``rank`` order.
    The cap is ``max_block_size`` or lower, so that the rule gives at most
    ``max_pairs_per_record`` pairs per record. Returns ``-1`` blocks when the rule is skipped.
    """
    size = len(rank)
    if len(records) < 2:
        return np.zeros(0, dtype=np.int64), 0
    order = np.lexsort((rank[records], codes))
    records, codes = records[order], codes[order]
    boundaries = np.flatnonzero(np.diff(codes)) + 1
    starts = np.concatenate(([0], boundaries)).astype(np.int64)
    sizes = np.diff(np.concatenate((starts, [len(codes)]))).astype(np.int64)
    cap = _affordable_cap(sizes, max_pairs_per_record * size, max_block_size, window)
    if cap == 0:
        # The key hardly tells people apart (a state and a street number): the rule would
        # compare each record with many others that the selective rules already pass over.
        return np.zeros(0, dtype=np.int64), -1
    chunks: list[IntArray] = []
    for block_size in distinct(sizes[(sizes >= 2) & (sizes <= cap)]).tolist():
        block_starts = starts[sizes == block_size]
        members = records[block_starts[:, None] + np.arange(block_size)]
        upper = np.triu_indices(block_size, 1)
        chunks.append(_pair_codes(members[:, upper[0]].ravel(), members[:, upper[1]].ravel(), size))
    big = sizes > cap
    if big.any():
        # Windowed blocks: each record meets the next ``window`` records of its block.
        block_end = np.repeat(starts + sizes, sizes)
        in_big = np.repeat(big, sizes)
        positions = np.flatnonzero(in_big)
        for offset in range(1, window + 1):
            ok = positions[positions + offset < block_end[positions]]
            chunks.append(_pair_codes(records[ok], records[ok + offset], size))
    if not chunks:
        return np.zeros(0, dtype=np.int64), int(big.sum())
    return distinct(np.concatenate(chunks)), int(big.sum())


def _pair_codes(left: IntArray, right: IntArray, size: int) -> IntArray:
    low, high = np.minimum(left, right), np.maximum(left, right)
    keep = low != high
    codes: IntArray = low[keep].astype(np.int64) * size + high[keep]
    return codes


def _sorted_neighbourhood(rank: IntArray, window: int) -> IntArray:
    """Each record paired with its ``window`` neighbours in name order: catches late typos."""
    order = np.argsort(rank, kind="stable")
    chunks = [
        _pair_codes(order[:-d], order[d:], len(rank)) for d in range(1, window + 1) if d < len(rank)
    ]
    return distinct(np.concatenate(chunks)) if chunks else np.zeros(0, dtype=np.int64)


def candidate_pairs(
    table: RecordTable,
    rules: Sequence[BlockingRule] | None = None,
    *,
    max_block_size: int = 200,
    window: int = 10,
    neighbourhood: int = 4,
    max_pairs_per_record: float = 3.0,
    on_rule: Callable[[str], None] | None = None,
) -> tuple[IntArray, IntArray, BlockingStats]:
    """The union of every rule's pairs as ``(left, right)`` record indices with left < right.

    Each rule gives at most ``max_pairs_per_record`` pairs per record (its all-to-all block cap
    is lowered until it does; larger blocks are windowed); a rule that cannot is skipped and
    named in the stats.
    """
    rules = list(rules) if rules is not None else default_rules(table)
    rank = _name_rank(table)
    size = table.size
    collected: list[IntArray] = []
    pairs_by_rule: dict[str, int] = {}
    skipped: list[str] = []
    capped = 0
    for rule in rules:
        records, codes = rule.entries(table)
        pairs, big = _block_pairs(
            records, codes, rank, max_block_size, window, max_pairs_per_record
        )
        if big < 0:
            skipped.append(rule.name)
            big = 0
        pairs_by_rule[rule.name] = len(pairs)
        capped += big
        collected.append(pairs)
        if on_rule is not None:
            on_rule(rule.name)
    if neighbourhood and ("surname" in table.columns or "given_name" in table.columns):
        pairs = _sorted_neighbourhood(rank, neighbourhood)
        pairs_by_rule["name order neighbours"] = len(pairs)
        collected.append(pairs)
    union = distinct(np.concatenate(collected)) if collected else np.zeros(0, dtype=np.int64)
    stats = BlockingStats(pairs_by_rule, capped, len(union), skipped)
    return union // max(size, 1), union % max(size, 1), stats


def name_attributes_ready(table: RecordTable) -> None:
    """Compute name attributes up front so the first comparison batch is not the slow one."""
    for name in ("given_name", "surname"):
        column = table.columns.get(name)
        if column is not None:
            name_attributes(column.vocabulary)
