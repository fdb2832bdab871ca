"""Which tier a draft gets, and why: the strictest of every rule that applies (decision 6).

- the touchpoint's tier in the journey (with its escalations for how far the candidate got);
- the template version's tier;
- what guard found: evaluation language needs a person's approval; any other finding in a
  category the version forbids holds the draft until a person edits it;
- where the candidate stands: a rejection after a phone screen is approved individually, and
  after a final round it is written by a person (human_only: a task, not a draft).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from candidly.journey.model import Category, Touchpoint
from candidly.journey.stages import stage_reached
from candidly.review.tiers import Tier

#: Guard categories whose presence sends a draft to individual approval rather than blocking it.
NEEDS_APPROVAL = frozenset({"evaluation_language"})


@dataclass(frozen=True)
class TierDecision:
    """A draft's tier, every reason that pushed it there, and whether it is held for an edit."""

    tier: Tier
    reasons: tuple[str, ...]
    held: bool

    @property
    def task_only(self) -> bool:
        """True when a person must write the message: no draft is produced."""
        return self.tier is Tier.HUMAN_ONLY


def decide_tier(
    touchpoint: Touchpoint,
    *,
    furthest_stage: str | None,
    version_tier: Tier | None = None,
    finding_categories: Iterable[str] = (),
    forbidden: Iterable[str] = (),
) -> TierDecision:
    """Apply every tier rule to one draft; the strictest wins and each reason is kept."""
    candidates: list[tuple[Tier, str]] = [
        (touchpoint.tier, f"the {touchpoint.name} touchpoint is {touchpoint.tier.value}")
    ]
    escalated = touchpoint.tier_at(furthest_stage)
    if escalated is not touchpoint.tier:
        candidates.append(
            (
                escalated,
                f"the candidate reached {furthest_stage}: {touchpoint.name} becomes {escalated.value}",
            )
        )
    if version_tier is not None:
        candidates.append((version_tier, f"the template version is {version_tier.value}"))
    if touchpoint.category is Category.REJECTION and furthest_stage:
        if stage_reached(furthest_stage, "final_round"):
            candidates.append(
                (
                    Tier.HUMAN_ONLY,
                    "a candidate who reached a final round gets a message a person wrote",
                )
            )
        elif stage_reached(furthest_stage, "phone_screen"):
            candidates.append(
                (
                    Tier.INDIVIDUAL,
                    "a candidate who reached a phone screen gets an individually approved rejection",
                )
            )
    found = set(finding_categories)
    for category in sorted(found & NEEDS_APPROVAL):
        candidates.append((Tier.INDIVIDUAL, f"guard found {category.replace('_', ' ')}"))
    blocking = sorted((found - NEEDS_APPROVAL) & set(forbidden))
    if blocking:
        candidates.append(
            (Tier.INDIVIDUAL, f"guard found {', '.join(blocking)}: held until a person edits it")
        )
    tier = max((t for t, _ in candidates), key=lambda t: t.rank)
    reasons = tuple(reason for t, reason in candidates if t is tier)
    return TierDecision(tier, reasons, held=bool(blocking))
