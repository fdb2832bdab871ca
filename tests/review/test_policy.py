"""The tier policy: strictest wins, every reason kept, gates never weakened."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from candidly.journey import load_journey
from candidly.journey.stages import FUNNEL, stage_reached
from candidly.review.policy import decide_tier
from candidly.review.tiers import Tier

JOURNEY = load_journey()
CATEGORIES = [
    "compensation",
    "protected_characteristic",
    "competitor",
    "placeholder",
    "evaluation_language",
    "length",
    "link",
    "injection",
]


def test_an_acknowledgment_with_nothing_found_goes_out_automatically() -> None:
    decision = decide_tier(
        JOURNEY.touchpoint("application_acknowledgment"), furthest_stage="applied"
    )
    assert decision.tier is Tier.AUTO and not decision.held and not decision.task_only


def test_evaluation_language_sends_a_status_update_to_a_person() -> None:
    decision = decide_tier(
        JOURNEY.touchpoint("post_interview_status_update"),
        furthest_stage="interview",
        finding_categories=["evaluation_language"],
        forbidden=CATEGORIES,
    )
    assert decision.tier is Tier.INDIVIDUAL and not decision.held
    assert decision.reasons == ("guard found evaluation language",)


def test_a_forbidden_finding_holds_the_draft_until_edited() -> None:
    decision = decide_tier(
        JOURNEY.touchpoint("sourcing_outreach"),
        furthest_stage="sourced",
        finding_categories=["compensation"],
        forbidden=CATEGORIES,
    )
    assert decision.held and decision.tier is Tier.INDIVIDUAL


def test_compensation_in_an_offer_letter_is_expected_not_held() -> None:
    allowed = [c for c in CATEGORIES if c != "compensation"]
    decision = decide_tier(
        JOURNEY.touchpoint("offer_letter"),
        furthest_stage="offer",
        finding_categories=["compensation"],
        forbidden=allowed,
    )
    assert not decision.held and decision.tier is Tier.INDIVIDUAL


def test_rejections_escalate_with_how_far_the_candidate_got() -> None:
    feedback = JOURNEY.touchpoint("rejection_feedback")
    assert decide_tier(feedback, furthest_stage="phone_screen").tier is Tier.INDIVIDUAL
    final = decide_tier(feedback, furthest_stage="final_round")
    assert final.tier is Tier.HUMAN_ONLY and final.task_only
    assert any("final round" in reason for reason in final.reasons)


@given(
    touchpoint=st.sampled_from(JOURNEY.touchpoints),
    furthest=st.sampled_from([None, *FUNNEL]),
    version=st.sampled_from([None, *Tier]),
    found=st.lists(st.sampled_from(CATEGORIES), max_size=4),
)
def test_the_strictest_rule_always_wins(touchpoint, furthest, version, found) -> None:  # type: ignore[no-untyped-def]
    decision = decide_tier(
        touchpoint,
        furthest_stage=furthest,
        version_tier=version,
        finding_categories=found,
        forbidden=CATEGORIES,
    )
    assert decision.tier.rank >= touchpoint.tier.rank
    assert version is None or decision.tier.rank >= version.rank
    if found:
        assert decision.tier.rank >= Tier.INDIVIDUAL.rank
    assert decision.held == bool(set(found) - {"evaluation_language"})
    if (
        touchpoint.category.value == "rejection"
        and furthest
        and stage_reached(furthest, "final_round")
    ):
        assert decision.tier is Tier.HUMAN_ONLY
    assert decision.reasons
