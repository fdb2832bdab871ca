"""The organisation's hiring pipeline: stage orders, pass rates, waits and its own stage names.

These numbers shape the history (docs/demo.md lists them); the journeys module only runs them.
"""

from __future__ import annotations

from typing import Final

from candidly.demo.dice import Weighted
from candidly.demo.rows import encode_json

PIPELINES: Final = {
    "tech": ("applied", "screen", "phone_screen", "interview", "final_round", "offer", "hired"),
    "business": ("applied", "screen", "phone_screen", "interview", "final_round", "offer", "hired"),
    "clinical": ("applied", "screen", "phone_screen", "interview", "offer", "hired"),
    "hourly": ("applied", "screen", "interview", "offer", "hired"),
}
#: Probability of moving on from each stage.
PASS_RATES: Final = {
    "tech": {
        "applied": 0.55,
        "screen": 0.45,
        "phone_screen": 0.55,
        "interview": 0.45,
        "final_round": 0.42,
    },
    "business": {
        "applied": 0.6,
        "screen": 0.5,
        "phone_screen": 0.55,
        "interview": 0.5,
        "final_round": 0.45,
    },
    "clinical": {"applied": 0.7, "screen": 0.6, "phone_screen": 0.7, "interview": 0.6},
    "hourly": {"applied": 0.7, "screen": 0.6, "interview": 0.65},
}
#: Median days from entering a stage (or the end of its interview) to the decision.
WAIT_DAYS: Final = {"sourced": 2.0, "applied": 4.0, "screen": 5.0, "phone_screen": 3.0,
                    "interview": 4.0, "final_round": 5.0}  # fmt: skip
#: Share of applications nobody ever reviews: they wait at "applied" until the job closes.
UNREVIEWED_RATES: Final = {"tech": 0.12, "business": 0.12, "clinical": 0.05, "hourly": 0.06}
#: Share of candidates interviewing elsewhere, by role family.
OTHER_PROCESS_RATES: Final = {"tech": 0.4, "business": 0.3, "clinical": 0.3, "hourly": 0.15}
#: How fast each family moves relative to the medians.
PACE: Final = {"tech": 1.0, "business": 0.9, "clinical": 0.7, "hourly": 0.4}

#: The organisation's own names for the stages, by a job's pipeline flavour; each label names
#: one canonical stage only.
STAGE_LABELS: Final = (
    {"sourced": "Prospect", "applied": "New Applicant", "screen": "Resume Review",
     "phone_screen": "Phone Interview", "interview": "Technical Interview", "final_round": "Onsite",
     "offer": "Offer Extended", "hired": "Hired", "rejected": "Not Moving Forward",
     "withdrawn": "Candidate Withdrew"},
    {"sourced": "Sourced Lead", "applied": "Application Received", "screen": "HM Review",
     "phone_screen": "Recruiter Call", "interview": "First Interview", "final_round": "Final Interview",
     "offer": "Offer Out", "hired": "Offer Accepted - Hired", "rejected": "Rejected",
     "withdrawn": "Withdrawn"},
    {"sourced": "Talent Pool", "applied": "Inbound", "screen": "Screening",
     "phone_screen": "Phone Screen", "interview": "Hiring Manager Interview",
     "final_round": "Panel Interview", "offer": "Offer", "hired": "Started",
     "rejected": "Declined by Company", "withdrawn": "Declined by Candidate"},
)  # fmt: skip

REJECTION_REASONS: Final = {
    "sourced": ("unresponsive",),
    "applied": ("skills_mismatch", "insufficient_experience", "location_mismatch", "work_authorization"),
    "screen": ("skills_mismatch", "insufficient_experience", "better_qualified_candidates"),
    "phone_screen": ("compensation_expectations", "skills_mismatch", "role_level_mismatch"),
    "interview": ("technical_bar_not_met", "better_qualified_candidates", "role_level_mismatch"),
    "final_round": ("better_qualified_candidates", "hiring_manager_decision", "technical_bar_not_met"),
}  # fmt: skip
OTHER_WITHDRAWALS: Final = ("lost_interest", "personal_reasons", "relocation_not_possible",
                             "compensation_expectations", "role_not_a_fit")  # fmt: skip
REPLY_INTENTS: Final = Weighted(
    [("interested", 65), ("not_interested", 20), ("not_looking_now", 15)]
)


#: ``stage.changed`` payloads, encoded once per (flavour, mapped, from, to, reason): they repeat.
_STAGE_PAYLOADS: dict[tuple[int, bool, str | None, str, str | None], str] = {}


def stage_payload(
    flavor: int, mapped: bool, previous: str | None, stage: str, reason: str | None
) -> str:
    """The JSON payload of a ``stage.changed`` event; stages are NULL when the job's labels are
    unmapped (only the organisation's own names are known then)."""
    key = (flavor, mapped, previous, stage, reason)
    encoded = _STAGE_PAYLOADS.get(key)
    if encoded is None:
        encoded = _STAGE_PAYLOADS[key] = encode_json(_stage_payload(*key))
    return encoded


def _stage_payload(
    flavor: int, mapped: bool, previous: str | None, stage: str, reason: str | None
) -> dict[str, object]:
    labels = STAGE_LABELS[flavor]
    payload: dict[str, object] = {
        "from": previous if mapped else None,
        "to": stage if mapped else None,
        "from_label": labels[previous] if previous else None,
        "to_label": labels[stage],
    }
    if reason:
        payload["reason"] = reason
    return payload
