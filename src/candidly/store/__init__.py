"""The candidate store: models, engines and sessions, migrations and the event log."""

from candidly.store.db import Database, open_database
from candidly.store.events import EventType, record_event
from candidly.store.models import (
    Application,
    Base,
    Candidate,
    DemoTruth,
    Event,
    Interview,
    Job,
    Merge,
    ReviewItem,
    User,
)

__all__ = [
    "Application",
    "Base",
    "Candidate",
    "Database",
    "DemoTruth",
    "Event",
    "EventType",
    "Interview",
    "Job",
    "Merge",
    "ReviewItem",
    "User",
    "open_database",
    "record_event",
]
