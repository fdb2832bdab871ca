"""Seeded randomness whose results do not depend on the Python version.

Python only promises that ``Random.random()`` repeats for a seed; ``choice``, ``sample`` and
friends have changed between releases. Everything here is built on ``random()`` alone, so the
same seed gives the same organisation on every supported Python.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Dice(random.Random):
    """A seeded stream of decisions. Seeded from text, so streams are named, not numbered."""

    def __init__(self, seed: int, stream: str) -> None:
        # Text seeds are hashed with SHA-512 (seed version 2): stable across Python releases.
        super().__init__(f"candidly-demo/{seed}/{stream}")

    def chance(self, probability: float) -> bool:
        """True with the given probability."""
        return self.random() < probability

    def pick(self, items: Sequence[T]) -> T:
        """One item, uniformly."""
        return items[int(self.random() * len(items))]

    def pick_weighted(self, items: Sequence[T], cumulative: Sequence[float]) -> T:
        """One item, with ``cumulative`` the running totals of the weights (see ``cumulate``)."""
        index = bisect_right(cumulative, self.random() * cumulative[-1])
        return items[min(index, len(items) - 1)]

    def integer(self, low: int, high: int) -> int:
        """An integer from ``low`` to ``high``, both included."""
        return low + int(self.random() * (high - low + 1))

    def between(self, low: float, high: float) -> float:
        """A float from ``low`` to ``high``."""
        return low + (high - low) * self.random()

    def normal(self, mean: float, spread: float) -> float:
        """A normally distributed float (Box-Muller)."""
        u = 1.0 - self.random()
        return mean + spread * math.sqrt(-2.0 * math.log(u)) * math.cos(
            2.0 * math.pi * self.random()
        )

    def lognormal(self, median: float, sigma: float) -> float:
        """A positive, right-skewed float: most values near ``median``, a long tail above."""
        return median * math.exp(self.normal(0.0, sigma))

    def subset(self, items: Sequence[T], count: int) -> list[T]:
        """``count`` distinct items in a random order (a partial Fisher-Yates shuffle)."""
        pool = list(items)
        count = min(count, len(pool))
        for index in range(count):
            other = index + int(self.random() * (len(pool) - index))
            pool[index], pool[other] = pool[other], pool[index]
        return pool[:count]


def cumulate(weights: Sequence[float]) -> tuple[float, ...]:
    """Running totals of ``weights``, for ``Dice.pick_weighted``."""
    return tuple(accumulate(weights))


class Weighted(Generic[T]):
    """Items with weights, ready for repeated weighted picks."""

    __slots__ = ("cumulative", "items")

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = tuple(item for item, _ in pairs)
        self.cumulative = cumulate([weight for _, weight in pairs])

    def pick(self, dice: Dice) -> T:
        """One item, with probability proportional to its weight."""
        return dice.pick_weighted(self.items, self.cumulative)


__all__ = ["Dice", "Weighted", "cumulate"]
