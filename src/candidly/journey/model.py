"""The journey map: an organisation's stages and every communication moment in its candidate journey."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from candidly.review.tiers import Tier


class Category(StrEnum):
    """What kind of moment a touchpoint is; the review policy keys on it."""

    OUTREACH = "outreach"
    ACKNOWLEDGMENT = "acknowledgment"
    SCREENING = "screening"
    SCHEDULING = "scheduling"
    PREPARATION = "preparation"
    STATUS_UPDATE = "status_update"
    REJECTION = "rejection"
    OFFER = "offer"
    COMPLIANCE = "compliance"


#: Who may own a touchpoint: a staff role, or the system itself for fully automated ones.
OWNERS = ("recruiter", "coordinator", "hiring_manager", "ta_ops", "compliance", "system")

CHANNELS = ("email", "sms", "webhook", "portal")

_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Trigger(Strict):
    """What makes a touchpoint happen: an event (optionally a stage entered), a time, or silence."""

    event: str | None = Field(None, description="An event type, e.g. `application.created`.")
    to_stage: str | None = Field(None, description="For `stage.changed`: the stage entered.")
    from_stage: str | None = Field(None, description="For `stage.changed`: the stage left.")
    offset: str | None = Field(
        None, description="When relative to the event's subject, e.g. `-48h` before an interview."
    )
    silence_business_days: int | None = Field(
        None, ge=1, le=60, description="Fires when a candidate has heard nothing for this long."
    )
    description: str | None = None


class Escalation(Strict):
    """A stricter tier once a candidate has reached a stage (e.g. human_only after a final round)."""

    after_stage: str
    tier: Tier


class Touchpoint(Strict):
    """One communication moment: who sends what, when, through which gate."""

    id: Annotated[str, Field(min_length=2, max_length=64)]
    name: str
    category: Category
    stage: str | None = Field(
        None, description="The stage the candidate is in when it happens; empty for any stage."
    )
    trigger: Trigger | None = None
    owner: str | None = None
    channel: str = "email"
    fields: tuple[str, ...] = ()
    tier: Tier
    escalations: tuple[Escalation, ...] = ()
    phase: int = Field(ge=1, le=3)
    minutes_by_hand: float = Field(
        ge=0, le=240, description="Recruiter minutes to write one by hand."
    )
    volume: str | None = Field(None, description="high, medium or low: how the team sees it.")
    description: str | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError("use lowercase letters, digits and underscores, e.g. offer_letter")
        return value

    def tier_at(self, reached: str | None) -> Tier:
        """The tier once the candidate has reached stage ``reached`` (escalations applied)."""
        from candidly.journey.stages import stage_reached

        tier = self.tier
        for escalation in self.escalations:
            if reached and stage_reached(reached, escalation.after_stage):
                tier = max(tier, escalation.tier, key=lambda t: t.rank)
        return tier


class NextStep(Strict):
    """What happens after a stage, and when, in words a candidate reads."""

    step: str
    timeline: str | None = None


class Journey(Strict):
    """An organisation's candidate journey."""

    version: int = 1
    name: str
    stages: dict[str, str] = Field(
        default_factory=dict, description="The organisation's stage names → canonical stages."
    )
    silence_business_days: int = Field(
        5, ge=1, le=60, description="No candidate waits longer than this without hearing from us."
    )
    next_steps: dict[str, NextStep] = Field(
        default_factory=dict, description="Canonical stage → what happens next and when."
    )
    touchpoints: tuple[Touchpoint, ...]

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        """The touchpoint with this id; KeyError if there is none."""
        for touchpoint in self.touchpoints:
            if touchpoint.id == touchpoint_id:
                return touchpoint
        raise KeyError(touchpoint_id)

    def canonical_stage(self, label: str | None) -> str | None:
        """Map an organisation's stage name (or a canonical one) onto the canonical stages."""
        from candidly.taxonomy.stages import canonical_stage

        if not label:
            return None
        exact = canonical_stage(label)
        if exact:
            return exact
        folded = {k.strip().casefold(): v for k, v in self.stages.items()}
        return folded.get(label.strip().casefold())
