"""Field comparisons: how alike two records' values are, as a small ordered set of levels.

Level 0 means "one side is missing" and carries no evidence. Levels 1..K run from the most to
the least alike (``exact`` first, ``different`` last); the model learns how much each level
says about a match. Comparisons run on whole arrays of pairs: exact tests compare integer key
ids, fuzzy ones (Jaro-Winkler, Damerau-Levenshtein, token sets) go to rapidfuzz in C, once per
distinct pair of values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from candidly.quality.dedupe.arrays import dense_codes
from candidly.quality.dedupe.nicknames import MAX_GROUPS_PER_NAME, nickname_table
from candidly.quality.dedupe.records import I32Array, RecordTable, ValueColumn, Vocabulary

I8Array = npt.NDArray[np.int8]
F32Array = npt.NDArray[np.float32]
BoolArray = npt.NDArray[np.bool_]

MISSING: Final = "missing"


def _pair_scores(
    vocabulary: Vocabulary,
    va: I32Array,
    vb: I32Array,
    scorer: Callable[..., Any],
    strings: npt.NDArray[np.object_] | None = None,
    cutoff: float | None = None,
) -> F32Array:
    """Score value pairs with a rapidfuzz scorer, once per distinct (a, b) pair.

    ``cutoff`` lets rapidfuzz stop early: similarities below it come back as 0, distances
    above it as ``cutoff + 1``; the levels never need more.
    """
    if len(va) == 0:
        return np.zeros(0, dtype=np.float32)
    table = vocabulary.array if strings is None else strings
    codes = va.astype(np.int64) * max(len(table), 1) + vb.astype(np.int64)
    unique, inverse = dense_codes(codes)
    width = max(len(table), 1)
    a = table[unique // width]
    b = table[unique % width]
    scores = process.cpdist(a, b, scorer=scorer, workers=-1, dtype=np.float32, score_cutoff=cutoff)
    return np.asarray(scores, dtype=np.float32)[inverse]


@dataclass
class Comparison:
    """One compared field: its levels and how a pair of key ids maps onto them."""

    name: str
    kind: str
    column: ValueColumn
    labels: tuple[str, ...] = ()
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def level_count(self) -> int:
        """Levels including level 0 (missing)."""
        return len(self.labels) + 1

    def label(self, level: int) -> str:
        """The name of a level: ``missing`` for 0."""
        return MISSING if level == 0 else self.labels[level - 1]

    def levels_of(self, va: I32Array, vb: I32Array) -> I8Array:
        """Levels (1..K) of value-id pairs; both ids are present (>= 0)."""
        raise NotImplementedError

    def _assign(self, size: int, steps: Sequence[tuple[str, BoolArray]]) -> I8Array:
        """Start every pair at the last level, then let each step (weakest first) raise it."""
        levels = np.full(size, len(self.labels), dtype=np.int8)
        index = {label: i + 1 for i, label in enumerate(self.labels)}
        for label, mask in steps:
            levels[mask] = index[label]
        return levels


class GivenNameComparison(Comparison):
    """exact · nickname (Bob ~ Robert) · Jaro-Winkler ≥ 0.92 · ≥ 0.88 · shared first word or
    initial · ≥ 0.70 · different."""

    LABELS: Final = (
        "exact",
        "nickname",
        "jw>=0.92",
        "jw>=0.88",
        "first word or initial",
        "jw>=0.70",
        "different",
    )

    def __init__(self, name: str, column: ValueColumn) -> None:
        super().__init__(name, column.kind, column, self.LABELS)

    def levels_of(self, va: I32Array, vb: I32Array) -> I8Array:
        attrs = name_attributes(self.column.vocabulary)
        exact = va == vb
        groups = attrs.groups
        nick = np.zeros(len(va), dtype=bool)
        ga, gb = groups[va], groups[vb]
        for i in range(MAX_GROUPS_PER_NAME):
            for j in range(MAX_GROUPS_PER_NAME):
                nick |= (ga[:, i] == gb[:, j]) & (ga[:, i] >= 0)
        partial = _first_word_or_initial(attrs, va, vb)
        fuzzy = ~exact & ~nick
        jw = np.zeros(len(va), dtype=np.float32)
        jw[fuzzy] = _pair_scores(
            self.column.vocabulary,
            va[fuzzy],
            vb[fuzzy],
            JaroWinkler.normalized_similarity,
            attrs.compact,
            cutoff=0.70,
        )
        return self._assign(
            len(va),
            [
                ("jw>=0.70", jw >= 0.70),
                ("first word or initial", partial),
                ("jw>=0.88", jw >= 0.88),
                ("jw>=0.92", jw >= 0.92),
                ("nickname", nick),
                ("exact", exact),
            ],
        )


class SurnameComparison(Comparison):
    """exact · Jaro-Winkler ≥ 0.92 · ≥ 0.88 · a shared word (García ~ García López) · ≥ 0.70 ·
    different."""

    LABELS: Final = ("exact", "jw>=0.92", "jw>=0.88", "shared word", "jw>=0.70", "different")

    def __init__(self, name: str, column: ValueColumn) -> None:
        super().__init__(name, column.kind, column, self.LABELS)

    def levels_of(self, va: I32Array, vb: I32Array) -> I8Array:
        attrs = name_attributes(self.column.vocabulary)
        exact = va == vb
        shared = (
            (
                (attrs.first[va] == attrs.first[vb])
                | (attrs.last[va] == attrs.last[vb])
                | (attrs.first[va] == attrs.last[vb])
                | (attrs.last[va] == attrs.first[vb])
            )
            & attrs.long_words[va]
            & attrs.long_words[vb]
        )
        jw = np.zeros(len(va), dtype=np.float32)
        jw[~exact] = _pair_scores(
            self.column.vocabulary,
            va[~exact],
            vb[~exact],
            JaroWinkler.normalized_similarity,
            attrs.compact,
            cutoff=0.70,
        )
        return self._assign(
            len(va),
            [
                ("jw>=0.70", jw >= 0.70),
                ("shared word", shared),
                ("jw>=0.88", jw >= 0.88),
                ("jw>=0.92", jw >= 0.92),
                ("exact", exact),
            ],
        )


class EmailComparison(Comparison):
    """exact mailbox · a typo (Damerau-Levenshtein ≤ 2) · same local part, other domain ·
    different."""

    LABELS: Final = ("exact", "typo", "same local part", "different")

    def __init__(self, name: str, column: ValueColumn) -> None:
        super().__init__(name, column.kind, column, self.LABELS)

    def levels_of(self, va: I32Array, vb: I32Array) -> I8Array:
        local = self._cache.get("local")
        vocabulary = self.column.vocabulary
        if local is None or len(local) != len(vocabulary):
            locals_: dict[str, int] = {}
            local = np.fromiter(
                (
                    locals_.setdefault(v.rpartition("@")[0].replace(".", ""), len(locals_))
                    for v in vocabulary.values
                ),
                dtype=np.int32,
                count=len(vocabulary),
            )
            self._cache["local"] = local
        exact = va == vb
        distance = np.full(len(va), 99, dtype=np.float32)
        distance[~exact] = _pair_scores(
            vocabulary, va[~exact], vb[~exact], DamerauLevenshtein.distance, cutoff=2
        )
        return self._assign(
            len(va),
            [
                ("same local part", local[va] == local[vb]),
                ("typo", distance <= 2),
                ("exact", exact),
            ],
        )


class EditDistanceComparison(Comparison):
    """exact · Damerau-Levenshtein within each threshold · different (phones, ids, postcodes)."""

    def __init__(
        self, name: str, column: ValueColumn, thresholds: Sequence[int], prefix: int = 0
    ) -> None:
        labels = ["exact", *(f"dl<={t}" for t in thresholds)]
        if prefix:
            labels.append("same area")
        labels.append("different")
        super().__init__(name, column.kind, column, tuple(labels))
        self.thresholds = tuple(thresholds)
        self.prefix = prefix

    def levels_of(self, va: I32Array, vb: I32Array) -> I8Array:
        vocabulary = self.column.vocabulary
        exact = va == vb
        distance = np.full(len(va), 99, dtype=np.float32)
        distance[~exact] = _pair_scores(
            vocabulary,
            va[~exact],
            vb[~exact],
            DamerauLevenshtein.distance,
            cutoff=max(self.thresholds),
        )
        steps: list[tuple[str, BoolArray]] = []
        if self.prefix:
            area = self._cache.get("area")
            if area is None or len(area) != len(vocabulary):
                areas: dict[str, int] = {}
                area = np.fromiter(
                    (
                        areas.setdefault(
                            v[: self.prefix] if len(v) > self.prefix else "", len(areas)
                        )
                        for v in vocabulary.values
                    ),
                    dtype=np.int32,
                    count=len(vocabulary),
                )
                self._cache["area"] = area
                self._cache["no_area"] = areas.get("", -1)
            steps.append(
                ("same area", (area[va] == area[vb]) & (area[va] != self._cache["no_area"]))
            )
        for threshold in reversed(self.thresholds):
            steps.append((f"dl<={threshold}", distance <= threshold))
        steps.append(("exact", exact))
        return self._assign(len(va), steps)


class SimilarityComparison(Comparison):
    """exact · similarity at or above each threshold · different (cities, addresses, text)."""

    def __init__(
        self,
        name: str,
        column: ValueColumn,
        thresholds: Sequence[float],
        scorer: Callable[..., Any] = JaroWinkler.normalized_similarity,
        scale: float = 1.0,
        label: str = "jw",
    ) -> None:
        labels = ["exact", *(f"{label}>={t:g}" for t in thresholds), "different"]
        super().__init__(name, column.kind, column, tuple(labels))
        self.thresholds = tuple(thresholds)
        self.scorer = scorer
        self.scale = scale
        self.label_prefix = label

    def levels_of(self, va: I32Array, vb: I32Array) -> I8Array:
        exact = va == vb
        score = np.zeros(len(va), dtype=np.float32)
        score[~exact] = _pair_scores(
            self.column.vocabulary,
            va[~exact],
            vb[~exact],
            self.scorer,
            cutoff=min(self.thresholds) * self.scale,
        )
        score /= self.scale
        steps: list[tuple[str, BoolArray]] = [
            (f"{self.label_prefix}>={t:g}", score >= t) for t in sorted(self.thresholds)
        ]
        steps.append(("exact", exact))
        return self._assign(len(va), steps)


class DateComparison(Comparison):
    """exact · one digit off or day and month swapped · same year · different."""

    LABELS: Final = ("exact", "one digit or day/month swap", "same year", "different")

    def __init__(self, name: str, column: ValueColumn) -> None:
        super().__init__(name, column.kind, column, self.LABELS)

    def levels_of(self, va: I32Array, vb: I32Array) -> I8Array:
        vocabulary = self.column.vocabulary
        cached = self._cache.get("parts")
        if cached is None or len(cached[0]) != len(vocabulary):
            # Keys are YYYYMMDD; integer parts make the swap and year tests vectorized.
            numbers = np.array([int(v) for v in vocabulary.values], dtype=np.int64)
            cached = (numbers // 10_000, numbers // 100 % 100, numbers % 100)
            self._cache["parts"] = cached
        year, month, day = cached
        exact = va == vb
        swapped = (year[va] == year[vb]) & (month[va] == day[vb]) & (day[va] == month[vb])
        distance = np.full(len(va), 99, dtype=np.float32)
        distance[~exact] = _pair_scores(
            vocabulary, va[~exact], vb[~exact], DamerauLevenshtein.distance, cutoff=1
        )
        return self._assign(
            len(va),
            [
                ("same year", year[va] == year[vb]),
                ("one digit or day/month swap", swapped | (distance <= 1)),
                ("exact", exact),
            ],
        )


@dataclass
class NameAttributes:
    """Per-name facts the name comparisons use, one row per vocabulary entry."""

    compact: npt.NDArray[np.object_]
    first: I32Array
    last: I32Array
    initial: I32Array
    is_initial: BoolArray
    long_words: BoolArray
    groups: npt.NDArray[np.int32]


def name_attributes(vocabulary: Vocabulary) -> NameAttributes:
    """Compute (once per vocabulary size) the attributes of every name in ``vocabulary``."""
    cached = vocabulary.derived.get("names")
    if cached is not None and cached[0] == len(vocabulary):
        attributes: NameAttributes = cached[1]
        return attributes
    table = nickname_table()
    words: dict[str, int] = {}
    size = len(vocabulary)
    compact = np.empty(size, dtype=object)
    first = np.empty(size, dtype=np.int32)
    last = np.empty(size, dtype=np.int32)
    initial = np.empty(size, dtype=np.int32)
    long_words = np.empty(size, dtype=bool)
    groups = np.full((size, MAX_GROUPS_PER_NAME), -1, dtype=np.int32)
    for i, value in enumerate(vocabulary.values):
        parts = value.split(" ")
        compact[i] = "".join(parts)
        first[i] = words.setdefault(parts[0], len(words))
        last[i] = words.setdefault(parts[-1], len(words))
        initial[i] = ord(value[0])
        long_words[i] = min(len(parts[0]), len(parts[-1])) >= 2
        found = table.groups_of(value) or table.groups_of(parts[0])
        groups[i, : len(found)] = found
    is_initial = np.array([len(c) == 1 for c in compact], dtype=bool)
    attrs = NameAttributes(compact, first, last, initial, is_initial, long_words, groups)
    vocabulary.derived["names"] = (size, attrs)
    return attrs


def _first_word_or_initial(attrs: NameAttributes, va: I32Array, vb: I32Array) -> BoolArray:
    same_first = attrs.first[va] == attrs.first[vb]
    same_initial = attrs.initial[va] == attrs.initial[vb]
    partial: BoolArray = same_first | (same_initial & (attrs.is_initial[va] | attrs.is_initial[vb]))
    return partial


def comparisons_for(table: RecordTable) -> list[Comparison]:
    """The comparisons a table's fields call for, in a stable order (names first)."""
    result: list[Comparison] = []
    for name, column in table.columns.items():
        kind = column.kind
        comparison: Comparison
        if kind == "given_name":
            comparison = GivenNameComparison(name, column)
        elif kind == "surname":
            comparison = SurnameComparison(name, column)
        elif kind == "email":
            comparison = EmailComparison(name, column)
        elif kind == "phone":
            comparison = EditDistanceComparison(name, column, [1])
        elif kind == "id_number":
            comparison = EditDistanceComparison(name, column, [1, 2])
        elif kind == "postcode":
            comparison = EditDistanceComparison(name, column, [1], prefix=3)
        elif kind == "date":
            comparison = DateComparison(name, column)
        elif kind == "city":
            comparison = SimilarityComparison(name, column, [0.9])
        elif kind == "address":
            comparison = SimilarityComparison(
                name, column, [0.9, 0.7], scorer=fuzz.token_set_ratio, scale=100.0, label="tokens"
            )
        else:
            comparison = SimilarityComparison(name, column, [0.9, 0.7])
        result.append(comparison)
    order = {"given_name": 0, "surname": 1}
    result.sort(key=lambda c: order.get(c.kind, 2))
    return result


@dataclass
class PairLevels:
    """Levels of every comparison for a batch of pairs, and whether each pair's names were swapped."""

    levels: I8Array  # (pairs, comparisons)
    swapped: BoolArray
    tf_value: I32Array  # (pairs, comparisons): the shared key id on an exact level, else -1


def compare_pairs(
    comparisons: Sequence[Comparison], left: npt.NDArray[np.int64], right: npt.NDArray[np.int64]
) -> PairLevels:
    """Compare records ``left[k]`` and ``right[k]`` on every comparison.

    A multi-valued field counts its best-matching pair of values. When a record's given name
    and family name match the other record's the other way round better than straight, the
    pair is compared swapped (and marked so).
    """
    size = len(left)
    levels = np.zeros((size, len(comparisons)), dtype=np.int8)
    tf_value = np.full((size, len(comparisons)), -1, dtype=np.int32)
    for c, comparison in enumerate(comparisons):
        levels[:, c], tf_value[:, c] = _levels_for_column(comparison, left, right)
    swapped = np.zeros(size, dtype=bool)
    kinds = [c.kind for c in comparisons]
    if "given_name" in kinds and "surname" in kinds:
        g, s = kinds.index("given_name"), kinds.index("surname")
        swapped = _apply_swaps(comparisons[g], comparisons[s], left, right, levels, tf_value, g, s)
    return PairLevels(levels, swapped, tf_value)


def _levels_for_column(
    comparison: Comparison, left: npt.NDArray[np.int64], right: npt.NDArray[np.int64]
) -> tuple[I8Array, I32Array]:
    column = comparison.column
    va = column.primary[left]
    vb = column.primary[right]
    levels = np.zeros(len(left), dtype=np.int8)
    tf_value = np.full(len(left), -1, dtype=np.int32)
    present = (va >= 0) & (vb >= 0)
    levels[present] = comparison.levels_of(va[present], vb[present])
    tf_value[present & (va == vb)] = va[present & (va == vb)]
    if column.extras:
        multi = column.has_extras()
        involved = np.flatnonzero(multi[left] | multi[right])
        if len(involved):
            owners: list[int] = []
            combo_a: list[int] = []
            combo_b: list[int] = []
            for k in involved.tolist():
                for a in column.all_ids(int(left[k])):
                    for b in column.all_ids(int(right[k])):
                        owners.append(k)
                        combo_a.append(a)
                        combo_b.append(b)
            if owners:
                owner = np.array(owners, dtype=np.int64)
                combo_levels = comparison.levels_of(
                    np.array(combo_a, dtype=np.int32), np.array(combo_b, dtype=np.int32)
                )
                best = np.full(len(left), 127, dtype=np.int8)
                np.minimum.at(best, owner, combo_levels)
                improved = best < np.where(levels == 0, 127, levels)
                levels[improved] = best[improved]
    return levels, tf_value


def _rank(given: I8Array, surname: I8Array) -> npt.NDArray[np.int32]:
    """Order readings of a swap: fewer levels in total first, then the better given name."""
    total = given.astype(np.int32) + surname
    return total * 256 + given.astype(np.int32) * 16 + surname


def _apply_swaps(
    given: Comparison,
    surname: Comparison,
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    levels: I8Array,
    tf_value: I32Array,
    g: int,
    s: int,
) -> BoolArray:
    ga, gb = given.column.primary[left], given.column.primary[right]
    sa, sb = surname.column.primary[left], surname.column.primary[right]
    straight = levels[:, g].astype(np.int16) + levels[:, s]
    candidates = np.flatnonzero(
        (ga >= 0)
        & (gb >= 0)
        & (sa >= 0)
        & (sb >= 0)
        & (straight > 2)
        & ((ga == sb) | (sa == gb) | (straight > 4))
    )
    swapped = np.zeros(len(left), dtype=bool)
    if len(candidates) == 0:
        return swapped
    ga, gb, sa, sb = ga[candidates], gb[candidates], sa[candidates], sb[candidates]
    # The swap can be read two ways (A's given name is B's family name, or B's is A's); both
    # are scored and the better taken, so comparing A with B equals comparing B with A.
    first = (given.levels_of(ga, sb), surname.levels_of(sa, gb), ga, sa)
    second = (given.levels_of(gb, sa), surname.levels_of(sb, ga), gb, sb)
    take_second = _rank(second[0], second[1]) < _rank(first[0], first[1])
    cross_g = np.where(take_second, second[0], first[0])
    cross_s = np.where(take_second, second[1], first[1])
    value_g = np.where(take_second, second[2], first[2])
    value_s = np.where(take_second, second[3], first[3])
    # Both crossed parts must be at least a close typo: "Lee Wong" vs "Wong Lee" is a swap,
    # "Ann Lee" vs "Lee Park" is not.
    good = (
        (cross_g <= 4)
        & (cross_s <= 3)
        & (cross_g.astype(np.int16) + cross_s < straight[candidates])
    )
    chosen = candidates[good]
    levels[chosen, g] = cross_g[good]
    levels[chosen, s] = cross_s[good]
    tf_value[chosen, g] = np.where(cross_g[good] == 1, value_g[good], -1)
    tf_value[chosen, s] = np.where(cross_s[good] == 1, value_s[good], -1)
    swapped[chosen] = True
    return swapped
