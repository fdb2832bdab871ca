"""Sort-based set operations on integer arrays.

``numpy.unique`` on large int64 arrays takes a hash-based path that is several times slower
than sorting; at millions of pair codes that difference is most of a run. These do the same
by sorting.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


def distinct(values: IntArray) -> IntArray:
    """The distinct values, sorted."""
    if len(values) == 0:
        return values.astype(np.int64)
    ordered = np.sort(values)
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def dense_codes(values: IntArray) -> tuple[IntArray, IntArray]:
    """(distinct sorted values, index of each value among them)."""
    if len(values) == 0:
        return values.astype(np.int64), np.zeros(0, dtype=np.int64)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new = np.empty(len(ordered), dtype=bool)
    new[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    codes = np.cumsum(new) - 1
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = codes
    return ordered[new], inverse


def distinct_with_counts(values: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """(distinct sorted values, index of each one's first occurrence, how often each occurs)."""
    if len(values) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new = np.empty(len(ordered), dtype=bool)
    new[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(ordered)))
    return ordered[new], order[starts], counts
