"""The candidate journey: stages, touchpoints, owners, triggers, tiers, and its opportunity audit."""

from candidly.journey.load import JourneyError, Problem, load_journey, validate_journey_text
from candidly.journey.model import Category, Journey, Touchpoint, Trigger

__all__ = [
    "Category",
    "Journey",
    "JourneyError",
    "Problem",
    "Touchpoint",
    "Trigger",
    "load_journey",
    "validate_journey_text",
]
