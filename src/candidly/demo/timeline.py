"""The sample organisation's clock: a fixed "now" and the nine months of history before it.

A fixed reference time, not the wall clock, so two runs with the same seed write the same bytes.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Final
from zoneinfo import ZoneInfo

#: The moment the sample organisation's history ends. Interviews may be booked after it.
REFERENCE_NOW: Final = datetime(2026, 11, 1, tzinfo=UTC)
#: How far back the history goes.
HISTORY_DAYS: Final = 273
WINDOW_START: Final = REFERENCE_NOW - timedelta(days=HISTORY_DAYS)

DAY: Final = timedelta(days=1)
HOUR: Final = timedelta(hours=1)
MINUTE: Final = timedelta(minutes=1)


def days(value: float) -> timedelta:
    """``value`` days as a timedelta, rounded to the second so stored times stay tidy."""
    return timedelta(seconds=round(value * 86_400))


def arrival_time(position: float) -> datetime:
    """When the candidate at ``position`` (0 to 1 through the list) first appeared.

    Arrivals grow by half over the window (density 1 + x/2), as an organisation that is hiring
    more each month: the inverse of that distribution's CDF.
    """
    x = 2.0 * (math.sqrt(1.0 + 1.25 * min(max(position, 0.0), 1.0)) - 1.0)
    return WINDOW_START + days(x * HISTORY_DAYS)


@cache
def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name``."""
    return ZoneInfo(name)


def at_local_time(moment: datetime, timezone: str, hour: int, minute: int = 0) -> datetime:
    """The UTC time of ``hour:minute`` in ``timezone`` on the local working day of ``moment``.

    Weekends roll forward to Monday: nobody books an interview for Saturday.
    """
    local = moment.astimezone(zone(timezone))
    weekday = local.weekday()
    if weekday >= 5:
        local += timedelta(days=7 - weekday)
    wall = datetime(local.year, local.month, local.day, hour, minute, tzinfo=zone(timezone))
    return wall.astimezone(UTC)


def business_days_later(moment: datetime, count: float) -> datetime:
    """``moment`` plus ``count`` days, skipping weekends the way a team's work does."""
    result = moment + days(count)
    weekday = result.weekday()
    if weekday >= 5:
        result += timedelta(days=7 - weekday)
    return result
