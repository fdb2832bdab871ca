"""Order along the funnel: whether a candidate has reached a stage."""

from __future__ import annotations

from typing import Final

#: The forward path; rejected and withdrawn can happen from anywhere and are not on it.
FUNNEL: Final[tuple[str, ...]] = (
    "sourced",
    "applied",
    "screen",
    "phone_screen",
    "interview",
    "final_round",
    "offer",
    "hired",
)


def stage_reached(furthest: str, threshold: str) -> bool:
    """True when ``furthest`` (the furthest stage a candidate got to) is at or past ``threshold``."""
    if furthest not in FUNNEL or threshold not in FUNNEL:
        return furthest == threshold
    return FUNNEL.index(furthest) >= FUNNEL.index(threshold)
