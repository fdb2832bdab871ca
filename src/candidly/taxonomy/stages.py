"""The canonical application stages every organisation's own stage names map onto."""

from __future__ import annotations

from typing import Final

STAGES: Final[tuple[str, ...]] = (
    "sourced",
    "applied",
    "screen",
    "phone_screen",
    "interview",
    "final_round",
    "offer",
    "hired",
    "rejected",
    "withdrawn",
)

#: Stages after which an application is closed.
TERMINAL_STAGES: Final[frozenset[str]] = frozenset({"hired", "rejected", "withdrawn"})

#: Outcomes an application can close with (a subset of the stages).
OUTCOMES: Final[tuple[str, ...]] = ("hired", "rejected", "withdrawn")


def canonical_stage(label: str | None) -> str | None:
    """Return the canonical stage that ``label`` names exactly (ignoring case, spaces and dashes).

    Only exact spellings count: mapping an organisation's own names ("Phone Interview") is the
    journey map's job, not this function's.
    """
    if not label:
        return None
    key = label.strip().lower().replace("-", "_").replace(" ", "_")
    return key if key in STAGES else None
