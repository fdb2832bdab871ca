"""The review policy a journey may not weaken, and the checks that enforce it."""

from __future__ import annotations

from candidly.compose.fields import EVALUATIVE_FIELDS
from candidly.journey.model import Category, Touchpoint
from candidly.review.tiers import Tier

#: The weakest tier each kind of moment may have (PRODUCT.md: offers and feedback after a phone
#: screen are approved one by one; the machine never decides alone on those).
MINIMUM_TIER: dict[Category, Tier] = {
    Category.OFFER: Tier.INDIVIDUAL,
    Category.REJECTION: Tier.INDIVIDUAL,
}

#: Feedback to someone who reached a final round is written by a person.
HUMAN_ONLY_AFTER: dict[Category, str] = {Category.REJECTION: "final_round"}


def minimum_tier(touchpoint: Touchpoint) -> tuple[Tier, str]:
    """The weakest tier the policy allows for ``touchpoint`` and why."""
    floor, reason = Tier.AUTO, "no policy minimum"
    if touchpoint.category in MINIMUM_TIER:
        floor = MINIMUM_TIER[touchpoint.category]
        reason = f"{touchpoint.category.value} messages need at least {floor.value} review"
    evaluative = sorted(set(touchpoint.fields) & EVALUATIVE_FIELDS)
    if evaluative and floor.rank < Tier.INDIVIDUAL.rank:
        floor = Tier.INDIVIDUAL
        reason = f"it uses evaluation or compensation facts ({', '.join(evaluative)})"
    return floor, reason


def policy_problems(touchpoint: Touchpoint) -> list[tuple[str, str]]:
    """``(field, message)`` for every way ``touchpoint`` is weaker than the policy allows."""
    problems = []
    floor, reason = minimum_tier(touchpoint)
    if touchpoint.tier.rank < floor.rank:
        problems.append(
            (
                "tier",
                f"tier {touchpoint.tier.value} is weaker than the policy allows: {reason}; "
                f"use {floor.value} or stricter",
            )
        )
    after = HUMAN_ONLY_AFTER.get(touchpoint.category)
    if after and touchpoint.tier_at(after) is not Tier.HUMAN_ONLY:
        problems.append(
            (
                "escalations",
                f"a candidate who reached {after} must get a message a person wrote: add "
                f"`escalations: [{{after_stage: {after}, tier: human_only}}]`",
            )
        )
    return problems
