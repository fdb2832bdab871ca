"""Journey files: the default is valid, and every problem in a bad one is reported at its line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from candidly.journey import load_journey, validate_journey_text
from candidly.journey.model import Category, Touchpoint
from candidly.journey.policy import policy_problems
from candidly.review.tiers import Tier, strictest_tier

REQUIRED_DEFAULTS = {
    # touchpoint: (tier, phase) from the product's table
    "sourcing_outreach": ("batch", 1),
    "application_acknowledgment": ("auto", 1),
    "interview_scheduling_confirmation": ("auto", 2),
    "pre_interview_prep": ("batch", 2),
    "post_interview_status_update": ("auto", 2),
    "rejection_feedback": ("individual", 3),
    "offer_letter": ("individual", 3),
}


def test_the_default_journey_has_every_touchpoint_the_product_promises() -> None:
    journey = load_journey()
    ids = {t.id for t in journey.touchpoints}
    assert {
        "screening_decision_notice",
        "stage_gate_status_update",
        "consent_request",
        "background_check_authorization",
        "i9_reminder",
    } <= ids
    for touchpoint_id, (tier, phase) in REQUIRED_DEFAULTS.items():
        touchpoint = journey.touchpoint(touchpoint_id)
        assert (touchpoint.tier.value, touchpoint.phase) == (tier, phase), touchpoint_id
    feedback = journey.touchpoint("rejection_feedback")
    assert feedback.tier_at("phone_screen") is Tier.INDIVIDUAL
    assert feedback.tier_at("final_round") is Tier.HUMAN_ONLY
    assert journey.touchpoint("silence_check_in").trigger.silence_business_days == 5  # type: ignore[union-attr]


BAD = """\
name: Acme journey
stages:
  Onsite: interview
  Culture Chat: vibes
touchpoints:
  - id: offer_letter
    name: Offer
    category: offer
    stage: offer
    trigger: {event: stage.changed, to_stage: offer}
    owner: recruiter
    tier: auto
    phase: 3
    minutes_by_hand: 30
  - id: rejection_feedback
    name: Feedback
    category: rejection
    stage: rejected
    trigger: {event: stage.changed, to_stage: Rejected Politely}
    tier: individual
    phase: 3
    minutes_by_hand: 20
  - id: ack
    name: Acknowledgment
    category: acknowledgment
    stage: Applied Online
    owner: system
    fields: [first_name, shoe_size]
    tier: auto
    phase: 1
    minutes_by_hand: 3
  - id: ack
    name: Nudge
    category: status_update
    trigger: {event: application.teleported}
    owner: robot
    tier: auto
    phase: 1
    minutes_by_hand: 3
"""


def problems_by_line(text: str) -> dict[int | None, list[str]]:
    _, problems = validate_journey_text(text, "acme.yaml")
    found: dict[int | None, list[str]] = {}
    for problem in problems:
        found.setdefault(problem.line, []).append(str(problem))
    return found


def test_every_problem_in_a_bad_journey_is_reported_with_its_line() -> None:
    found = problems_by_line(BAD)
    assert "not a canonical stage" in " ".join(found[4])  # Culture Chat: vibes
    assert "weaker than the policy allows" in " ".join(found[12])  # offer at auto
    assert "has no owner" in " ".join(found[15])  # rejection_feedback without owner
    assert "unknown stage 'Rejected Politely'" in " ".join(found[19])
    assert "must get a message a person wrote" in " ".join(found[15])  # no human_only escalation
    assert "unknown stage 'Applied Online'" in " ".join(found[26])
    assert "unknown candidate field 'shoe_size'" in " ".join(found[28])
    assert "has no trigger" in " ".join(found[23])
    assert "used twice" in " ".join(found[32])
    assert "unknown event type 'application.teleported'" in " ".join(found[35])
    assert "unknown owner 'robot'" in " ".join(found[36])
    assert all(str(p).startswith("acme.yaml:") for lines in found.values() for p in lines)


def test_structural_mistakes_point_at_their_line() -> None:
    text = "name: J\ntouchpoints:\n  - id: x1\n    name: X\n    category: gossip\n    tier: sometimes\n    phase: 9\n    minutes_by_hand: 1\n    colour: red\n"
    found = problems_by_line(text)
    joined = {line: " ".join(msgs) for line, msgs in found.items()}
    assert "category" in joined[5]
    assert "tier" in joined[6]
    assert "phase" in joined[7]
    assert "unknown field" in joined[9]


def test_broken_yaml_and_repeated_keys_are_one_clear_problem() -> None:
    (problem,) = validate_journey_text("name: [unclosed\n", "j.yaml")[1]
    assert problem.source == "j.yaml" and "not valid YAML" in problem.message
    (problem,) = validate_journey_text("name: a\nname: b\ntouchpoints: []\n", "j.yaml")[1]
    assert "given twice" in problem.message and "line 2" in problem.message


def touchpoint(
    category: Category, tier: Tier, fields: tuple[str, ...] = (), escalate: bool = True
) -> Touchpoint:
    escalations = [{"after_stage": "final_round", "tier": "human_only"}] if escalate else []
    return Touchpoint.model_validate(
        {
            "id": "t1",
            "name": "T",
            "category": category,
            "tier": tier,
            "fields": fields,
            "escalations": escalations,
            "phase": 1,
            "minutes_by_hand": 1,
        }
    )


@given(st.sampled_from(list(Category)), st.sampled_from(list(Tier)))
def test_offers_and_rejections_are_never_weaker_than_individual(
    category: Category, tier: Tier
) -> None:
    problems = [field for field, _ in policy_problems(touchpoint(category, tier))]
    must_be_individual = category in (Category.OFFER, Category.REJECTION)
    assert ("tier" in problems) == (must_be_individual and tier.rank < Tier.INDIVIDUAL.rank)


@given(
    st.sampled_from(list(Tier)),
    st.sampled_from(["compensation", "feedback", "assessment_score", "strength"]),
)
def test_evaluation_language_needs_individual_review(tier: Tier, field: str) -> None:
    problems = [f for f, _ in policy_problems(touchpoint(Category.STATUS_UPDATE, tier, (field,)))]
    assert ("tier" in problems) == (tier.rank < Tier.INDIVIDUAL.rank)


def test_rejections_need_a_human_written_message_after_a_final_round() -> None:
    problems = policy_problems(touchpoint(Category.REJECTION, Tier.INDIVIDUAL, escalate=False))
    assert [field for field, _ in problems] == ["escalations"]
    assert policy_problems(touchpoint(Category.REJECTION, Tier.HUMAN_ONLY, escalate=False)) == []


@given(st.lists(st.sampled_from([*Tier, None]), max_size=6))
def test_the_strictest_tier_wins(tiers: list[Tier | None]) -> None:
    result = strictest_tier(*tiers)
    present = [t for t in tiers if t is not None]
    assert all(result.rank >= t.rank for t in present)
    assert result in present or (not present and result is Tier.AUTO)
