"""Review tiers, from least to most human review, and the rule that the strictest one wins."""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    """How much human review a message needs before it may leave."""

    AUTO = "auto"  # sent without review
    BATCH = "batch"  # a recruiter scans and approves the day's batch
    INDIVIDUAL = "individual"  # a person approves this one message
    HUMAN_ONLY = "human_only"  # a person writes it; the system hands them a task, not a draft

    @property
    def rank(self) -> int:
        """0 for auto up to 3 for human_only."""
        return _ORDER.index(self)


_ORDER = (Tier.AUTO, Tier.BATCH, Tier.INDIVIDUAL, Tier.HUMAN_ONLY)


def strictest_tier(*tiers: Tier | str | None) -> Tier:
    """The strictest of ``tiers`` (missing ones ignored); ``auto`` when none is given."""
    present = [Tier(t) for t in tiers if t is not None]
    return max(present, key=lambda t: t.rank, default=Tier.AUTO)
