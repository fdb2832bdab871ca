"""The match model: Fellegi–Sunter with a household class, learned without labels.

Fellegi–Sunter scores a pair by how much more likely its comparison levels are for the same
person (``m``) than for two different people (``u``), assuming fields are independent given
the class. One way they are not: two people of one household (a mother and her son, a couple)
share a family name, a phone, an address and a city at once. Counted independently, those four
agreements look like overwhelming proof of one person, and a plain model merges relatives.

So the model has three kinds of pair, not two:

- **match** — the same person: ``m`` per level, free;
- **household** — two people who share where they live: their *shared* fields (family name,
  phone, address, postcode, city, other text) have their own distribution ``h``; on their
  *personal* fields (given name, email, date of birth, id number) they agree as often as two
  random people do (``h`` is the random-pair ``u`` there, and stays fixed);
- **unrelated** — two people who merely met in a block: ``u`` per level.

A pair's match probability is the posterior of the match class. Estimation:

1. ``u`` from random pairs (almost all unrelated), as a prior for step 2.
2. All three distributions and the three shares by expectation maximisation over the
   candidate pairs' distinct comparison patterns, weighted by how often each occurs (the cost
   does not grow with the number of pairs). ``u`` is estimated on the candidate pairs
   themselves, since blocking makes different people agree far more often than random pairs;
   the random-pair ``u`` keeps rare levels from resting on a handful of pairs.
3. Monotonicity: within a comparison a more alike level never favours a match less against
   strangers (adjacent violators are pooled); for personal fields not against the household
   class either, so a more alike given name, email or birth date never lowers a probability.
   (A shared phone may: it is more typical of a household than of one person's two records.)
4. Term frequency: agreeing exactly on a rare value (a surname one family in a thousand has)
   says more than agreeing on a common one (Smith, Maria); the exact level's match evidence
   is shifted by how common the shared value is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from candidly.quality.dedupe.arrays import distinct_with_counts
from candidly.quality.dedupe.compare import Comparison, I8Array
from candidly.quality.dedupe.records import I32Array

F64Array = npt.NDArray[np.float64]

#: Fields that belong to one person even within a household; the rest a household can share.
PERSONAL_KINDS: Final = frozenset({"given_name", "email", "date", "id_number"})
#: Smallest probability any level may have, so no evidence is ever infinite.
_FLOOR: Final = 1e-6
#: How many pseudo-pairs the random-pair u counts for in the EM (a Dirichlet prior).
_U_PRIOR_PAIRS: Final = 200.0
#: Range of the term-frequency shift of an exact level's evidence, in bits.
TF_RANGE: Final = (-8.0, 4.0)


@dataclass
class LevelParameters:
    """One comparison's level distributions for each class (index 0, missing, is neutral)."""

    name: str
    labels: tuple[str, ...]
    personal: bool
    m: F64Array
    u: F64Array
    h: F64Array

    @property
    def weights(self) -> F64Array:
        """log2(m/u) per level (match against unrelated); 0 for missing."""
        weights = np.log2(self.m / self.u)
        weights[0] = 0.0
        return weights

    def as_dict(self) -> dict[str, Any]:
        """The parameters by level label, for reports and ``--json``."""
        return {
            label: {
                "m": round(float(self.m[i + 1]), 6),
                "u": round(float(self.u[i + 1]), 8),
                "h": round(float(self.h[i + 1]), 8),
                "weight": round(float(self.weights[i + 1]), 3),
            }
            for i, label in enumerate(self.labels)
        }


@dataclass
class MatchModel:
    """A trained model: level distributions per comparison and the shares of the classes."""

    parameters: list[LevelParameters]
    prior: float  # share of matches among candidate pairs
    household: float  # share of same-household pairs among candidate pairs
    iterations: int
    converged: bool
    #: True when the data had too few duplicates to learn m and the typical m was used.
    typical_m_used: bool = False
    #: Mean term-frequency shift (bits) per comparison among non-matching exact pairs; taken
    #: off every shift so that term frequencies move evidence between values, not add to it.
    tf_offsets: F64Array | None = None

    def log_odds(
        self,
        levels: I8Array,
        shift: F64Array | None = None,
        personal_shift: F64Array | None = None,
    ) -> F64Array:
        """log2 odds of a match for each pair from its levels.

        ``shift`` (bits) is how much rarer than usual the values a pair agrees on are: chance
        agreement between strangers is that much less likely. ``personal_shift`` is its part
        from personal fields, the only ones where two people of a household agree by chance.
        """
        log_m = np.full(len(levels), np.log2(self.prior), dtype=np.float64)
        log_h = np.full(len(levels), np.log2(max(self.household, 1e-300)), dtype=np.float64)
        log_u = np.full(len(levels), np.log2(max(1.0 - self.prior - self.household, 1e-300)))
        for c, parameters in enumerate(self.parameters):
            column = levels[:, c]
            log_m += np.log2(parameters.m)[column]
            log_h += np.log2(parameters.h)[column]
            log_u += np.log2(parameters.u)[column]
        if shift is not None:
            log_u -= shift
        if personal_shift is not None:
            log_h -= personal_shift
        odds: F64Array = log_m - np.logaddexp2(log_h, log_u)
        return odds

    def as_dict(self) -> dict[str, Any]:
        return {
            "prior": self.prior,
            "household": self.household,
            "iterations": self.iterations,
            "converged": self.converged,
            "typical_m_used": self.typical_m_used,
            "comparisons": {p.name: p.as_dict() for p in self.parameters},
        }


def probability(log_odds: F64Array) -> F64Array:
    """Turn log2 odds into probabilities."""
    return 1.0 / (1.0 + np.exp2(-np.clip(log_odds, -60.0, 60.0)))


def level_frequencies(
    levels: I8Array, comparisons: Sequence[Comparison], weights: F64Array | None = None
) -> list[F64Array]:
    """Share of pairs at each non-missing level, per comparison (u from random pairs).

    ``weights`` (one per pair) lets pairs count less, e.g. by how unlikely they are to be
    one person's two records.
    """
    result = []
    for c, comparison in enumerate(comparisons):
        counts = np.bincount(
            levels[:, c], weights=weights, minlength=comparison.level_count
        ).astype(np.float64)
        counts[0] = 0.0
        counts[1:] += 0.5  # a level never seen in the sample is rare, not impossible
        result.append(counts / counts.sum())
    return result


#: What one person's two records typically look like, per kind: the share at the exact level
#: and at the last ("different") level; the levels between share the rest, halving.
_TYPICAL: Final = {
    "given_name": (0.80, 0.03),
    "surname": (0.85, 0.04),
    "email": (0.70, 0.25),
    "phone": (0.90, 0.07),
    "id_number": (0.90, 0.03),
    "postcode": (0.85, 0.07),
    "date": (0.90, 0.03),
    "city": (0.85, 0.10),
    "address": (0.70, 0.08),
    "text": (0.75, 0.10),
}


def typical_m(comparison: Comparison) -> F64Array:
    """m as duplicates typically have it for this kind of field: the EM's start, and the
    fallback when the data has too few duplicates to learn from."""
    count = comparison.level_count
    exact, different = _TYPICAL.get(comparison.kind, (0.75, 0.10))
    m = np.ones(count, dtype=np.float64)
    middle = count - 3
    m[1], m[count - 1] = exact, different
    if middle > 0:
        shares = 0.5 ** np.arange(middle)
        m[2 : count - 1] = (1.0 - exact - different) * shares / shares.sum()
    else:
        m[1] = 1.0 - different
    return m


def _match_like(
    m: Sequence[F64Array], typical: Sequence[F64Array], personal: Sequence[bool], coverage: F64Array
) -> bool:
    """Whether the class EM calls "match" looks like one person's records.

    On every personal field that most pairs have, it must agree exactly at least half as often
    as duplicates typically do. Without duplicates to find, EM still splits the pairs in two
    (people sharing a family name, say); that class fails this test.
    """
    checked = [c for c in range(len(m)) if personal[c] and coverage[c] >= 0.2]
    return all(m[c][1] >= 0.5 * typical[c][1] for c in checked)


def _initial_alike(level_count: int) -> F64Array:
    """A starting distribution for a class that mostly agrees: exact first, then halving."""
    dist = np.ones(level_count, dtype=np.float64)
    shares = 0.5 ** np.arange(level_count - 1)
    shares[0] = 4.0
    dist[1:] = shares / shares.sum()
    return dist


def _patterns(levels: I8Array, level_counts: Sequence[int]) -> tuple[I8Array, F64Array]:
    """Distinct rows of ``levels`` and how often each occurs."""
    if len(levels) == 0:
        return levels, np.zeros(0)
    code = np.zeros(len(levels), dtype=np.int64)
    for c, count in enumerate(level_counts):
        code = code * count + levels[:, c]
    _, first, counts = distinct_with_counts(code)
    return levels[first], counts.astype(np.float64)


def _normalized(counts: npt.NDArray[np.floating[Any]]) -> F64Array:
    dist: F64Array = np.maximum(counts / max(float(counts[1:].sum()), 1e-300), _FLOOR)
    dist[0] = 1.0
    return dist


def _pool_adjacent_violators(m: F64Array, others: Sequence[F64Array]) -> None:
    """Pool neighbouring levels (in place) until m/other falls from level 1 to K for every other.

    Pooled levels share one ratio against each other class; each keeps its own share of ``m``.
    """
    blocks: list[list[int]] = []

    def ratio_rises(a: list[int], b: list[int]) -> bool:
        return any(m[a].sum() / o[a].sum() < m[b].sum() / o[b].sum() for o in others)

    for level in range(1, len(m)):
        blocks.append([level])
        while len(blocks) > 1 and ratio_rises(blocks[-2], blocks[-1]):
            blocks[-2:] = [blocks[-2] + blocks[-1]]
    for block in blocks:
        if len(block) > 1:
            reference = others[0]
            share = reference[block] / reference[block].sum()
            m[block] = m[block].sum() * share
            for other in others[1:]:
                other[block] = other[block].sum() * share


def train_model(
    levels: I8Array,
    comparisons: Sequence[Comparison],
    random_u: Sequence[F64Array],
    *,
    max_iterations: int = 300,
    tolerance: float = 1e-7,
) -> MatchModel:
    """Estimate the three classes' level distributions and shares by EM over candidate pairs.

    When the match class EM finds does not look like duplicates (see ``_match_like``), the EM
    runs again with ``m`` held at the typical values and learns only the rest: how many
    duplicates there are (often none) and what the other pairs look like.
    """
    level_counts = [c.level_count for c in comparisons]
    personal = [c.kind in PERSONAL_KINDS for c in comparisons]
    patterns, counts = _patterns(levels, level_counts)
    typical = [typical_m(c) for c in comparisons]
    fit = _expectation_maximisation(
        patterns,
        counts,
        level_counts,
        personal,
        typical,
        random_u,
        False,
        max_iterations,
        tolerance,
    )
    total = max(counts.sum(), 1.0)
    coverage = np.array([counts[patterns[:, c] > 0].sum() / total for c in range(len(comparisons))])
    fallback = not _match_like(fit[0], typical, personal, coverage)
    if fallback:
        fit = _expectation_maximisation(
            patterns,
            counts,
            level_counts,
            personal,
            typical,
            random_u,
            True,
            max_iterations,
            tolerance,
        )
    m, u, h, shares, iteration, converged = fit
    parameters = []
    for c, comparison in enumerate(comparisons):
        mc, uc, hc = m[c].copy(), u[c].copy(), h[c].copy()
        # Personal fields: more alike always favours a match, against both other classes.
        # Shared fields only against strangers: a shared phone is rightly *more* typical of
        # two people of one household than of one person's two records.
        _pool_adjacent_violators(mc, [uc, hc] if personal[c] else [uc])
        for dist in (mc, uc, hc):
            dist[0] = 1.0
        parameters.append(
            LevelParameters(comparison.name, comparison.labels, personal[c], mc, uc, hc)
        )
    return MatchModel(
        parameters,
        float(shares[0]),
        float(shares[1]),
        iteration,
        converged,
        typical_m_used=fallback,
    )


def _expectation_maximisation(
    patterns: I8Array,
    counts: F64Array,
    level_counts: Sequence[int],
    personal: Sequence[bool],
    typical: Sequence[F64Array],
    random_u: Sequence[F64Array],
    fix_m: bool,
    max_iterations: int,
    tolerance: float,
) -> tuple[list[F64Array], list[F64Array], list[F64Array], F64Array, int, bool]:
    total = max(counts.sum(), 1.0)
    m = [t.copy() for t in typical]
    u: list[F64Array] = []
    for c, count in enumerate(level_counts):
        # u starts from the candidate pairs themselves (nearly all are different people).
        observed = np.bincount(patterns[:, c], weights=counts, minlength=count)
        observed[0] = 0.0
        u.append(_normalized(observed + _U_PRIOR_PAIRS * random_u[c]))
    random_dist = [_normalized(np.asarray(r, dtype=np.float64).copy()) for r in random_u]
    h = [random_dist[c] if personal[c] else _initial_alike(k) for c, k in enumerate(level_counts)]
    shares = np.array([0.05, 0.02, 0.93])
    converged = False
    iteration = 0
    for iteration in range(1, max_iterations + 1):  # noqa: B007 - the count is reported
        log_class = np.tile(np.log(shares), (len(patterns), 1))
        for c in range(len(level_counts)):
            column = patterns[:, c]
            log_class[:, 0] += np.log(m[c][column])
            log_class[:, 1] += np.log(h[c][column])
            log_class[:, 2] += np.log(u[c][column])
        log_class -= log_class.max(axis=1, keepdims=True)
        posterior = np.exp(log_class)
        posterior /= posterior.sum(axis=1, keepdims=True)
        weighted = posterior * counts[:, None]
        new_shares = np.clip(weighted.sum(axis=0) / total, 1e-9, None)
        new_shares /= new_shares.sum()
        change = float(np.abs(new_shares - shares).max())
        new_m, new_h, new_u = [], [], []
        for c, count in enumerate(level_counts):
            column = patterns[:, c]
            by_class = [
                np.bincount(column, weights=weighted[:, k], minlength=count) for k in range(3)
            ]
            mc = m[c] if fix_m else _normalized(by_class[0] + 0.1)
            uc = _normalized(by_class[2] + _U_PRIOR_PAIRS * random_u[c])
            # Two people of one household are strangers on their personal fields: they agree
            # on them as often as two random people, whatever blocking did.
            hc = random_dist[c] if personal[c] else _normalized(by_class[1] + 0.1)
            for old, new in ((m[c], mc), (u[c], uc), (h[c], hc)):
                change = max(change, float(np.abs(new - old).max()))
            new_m.append(mc)
            new_u.append(uc)
            new_h.append(hc)
        m, u, h, shares = new_m, new_u, new_h, new_shares
        if change < tolerance:
            converged = True
            break
    return m, u, h, shares, iteration, converged


def tf_adjustments(comparison: Comparison) -> F64Array:
    """Shift in bits of the exact level's match evidence, per key id, from how common it is.

    A value held by a share ``tf`` of records, against the share ``E[tf]`` expected of the
    value two random agreeing records share, shifts the evidence by ``log2(E[tf] / tf)``:
    positive for rare values, negative for common ones (clipped to ``TF_RANGE``).
    """
    counts = comparison.column.counts.astype(np.float64)
    total = counts.sum()
    if total == 0:
        return np.zeros(len(counts), dtype=np.float64)
    tf = counts / total
    expected = float((tf**3).sum() / max((tf**2).sum(), 1e-300))
    with np.errstate(divide="ignore"):
        shift: F64Array = np.clip(np.log2(expected / np.maximum(tf, 1e-300)), *TF_RANGE)
    return shift


def tf_floor(parameters: LevelParameters) -> float:
    """The lowest term-frequency shift allowed: exact never weighs less than the next level."""
    if len(parameters.m) < 3:
        return 0.0
    weights = parameters.weights
    return min(0.0, float(weights[2] - weights[1]))


def tf_shift(
    model: MatchModel, levels: I8Array, tf_bits: npt.NDArray[np.int8], scale: float
) -> tuple[F64Array, F64Array]:
    """Term-frequency shift per pair: (all fields, personal fields only), in bits."""
    total = np.zeros(len(levels), dtype=np.float64)
    personal = np.zeros(len(levels), dtype=np.float64)
    offsets = model.tf_offsets if model.tf_offsets is not None else np.zeros(len(model.parameters))
    for c, parameters in enumerate(model.parameters):
        exact = levels[:, c] == 1
        if not exact.any():
            continue
        bits = tf_bits[exact, c].astype(np.float64) / scale - offsets[c]
        part = np.maximum(bits, tf_floor(parameters))
        total[exact] += part
        if parameters.personal:
            personal[exact] += part
    return total, personal


def center_tf(
    model: MatchModel,
    levels: I8Array,
    tf_bits: npt.NDArray[np.int8],
    scale: float,
    non_match: F64Array,
) -> None:
    """Set ``model.tf_offsets`` so the shift averages to zero over non-matching exact pairs.

    The EM estimated each exact level's ``u`` as an average over the values pairs agree on;
    centring keeps that average while letting rare values count for more and common ones
    for less, so the adjustment does not inflate every exact agreement.
    """
    offsets = np.zeros(len(model.parameters), dtype=np.float64)
    for c in range(len(model.parameters)):
        exact = levels[:, c] == 1
        weights = non_match[exact]
        if weights.sum() > 0:
            offsets[c] = float(
                np.average(tf_bits[exact, c].astype(np.float64) / scale, weights=weights)
            )
    model.tf_offsets = offsets


__all__ = [
    "PERSONAL_KINDS",
    "I32Array",
    "LevelParameters",
    "MatchModel",
    "center_tf",
    "level_frequencies",
    "probability",
    "tf_adjustments",
    "tf_shift",
    "train_model",
]
