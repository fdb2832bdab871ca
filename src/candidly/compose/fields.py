"""The facts a message may use about a candidate: the context's vocabulary.

The journey map names these per touchpoint; the composer fills them; templates refer to them.
"""

from __future__ import annotations

from typing import Final

#: Facts that differ by candidate: using any of these is what makes a message personal.
PERSONAL_FIELDS: Final[frozenset[str]] = frozenset(
    {
        "role",
        "job_title",
        "top_skills",
        "current_title",
        "current_company",
        "location",
        "stage",
        "next_step",
        "next_step_timeline",
        "interview_time",
        "interview_format",
        "interviewers",
        "interviewer_bios",
        "prep_topics",
        "job_recommendations",
        "application_date",
        "strength",
        "offer_details",
    }
)

#: Facts that carry evaluation or compensation: a message using them needs individual review.
EVALUATIVE_FIELDS: Final[frozenset[str]] = frozenset(
    {
        "assessment_score",
        "feedback",
        "strength",
        "rejection_reason",
        "compensation",
        "offer_details",
    }
)

#: Every fact a template may use.
CONTEXT_FIELDS: Final[frozenset[str]] = (
    PERSONAL_FIELDS
    | EVALUATIVE_FIELDS
    | frozenset(
        {
            "first_name",
            "last_name",
            "preferred_name",
            "source_channel",
            "recruiter",
            "recruiter_signature",
            "company",
            "scheduling_link",
            "consent_link",
            "documents",
            "deadline",
            "unsubscribe_link",
        }
    )
)
