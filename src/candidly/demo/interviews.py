"""Interviews: booking, confirmations and reminders, reschedules, no-shows and completions.

No-show probability = 2% + 1.2 points per day booked ahead beyond two + 8 points when no reminder
went out + 5 points for hourly roles (capped at 45%). Reminders are visible only as
``interview_reminder`` messages, so an analysis has to join the message log to find the effect.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final, Literal

from candidly.demo.dice import Dice
from candidly.demo.messages import MessageWriter, format_day, format_local
from candidly.demo.people import COMPANY_NAME
from candidly.demo.rows import SOURCE_CALENDAR, Rows
from candidly.demo.timeline import DAY, HOUR, MINUTE, REFERENCE_NOW, at_local_time, days
from candidly.store.events import EventType

if TYPE_CHECKING:
    from candidly.demo.journeys import Journey
    from candidly.demo.org import Staff

#: Share of first bookings moved to another time before they happen.
RESCHEDULE_RATE: Final = 0.07
#: Share of no-shows given a second booking.
REBOOK_AFTER_NO_SHOW_RATE: Final = 0.35

_STAGE_PHRASES: Final = {
    "phone_screen": "a phone call",
    "interview": "an interview",
    "final_round": "the final round",
}

Outcome = datetime | Literal["open", "no_show"]


def no_show_probability(ahead_days: float, reminded: bool, hourly: bool) -> float:
    """The chance a candidate does not turn up, given how the interview was booked."""
    probability = 0.02 + 0.012 * max(0.0, ahead_days - 2) + (0.0 if reminded else 0.08)
    return min(0.45, probability + (0.05 if hourly else 0.0))


def _names(staff: list[Staff]) -> str:
    names = [person.full_name for person in staff]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class InterviewBooker:
    """Books and holds the interview of one stage of an application."""

    def __init__(self, dice: Dice, rows: Rows, writer: MessageWriter) -> None:
        self._dice = dice
        self._rows = rows
        self._writer = writer

    def hold(self, journey: Journey, stage: str, entered_at: datetime) -> Outcome:
        """Book and hold ``stage``'s interview: the time it ended, or "open" (still ahead at the
        reference time) or "no_show" (the candidate did not come and was not rebooked)."""
        dice, job = self._dice, journey.job
        recruiter, hourly = job.recruiter, job.family == "hourly"
        pace = 0.4 if hourly else 1.0
        booked = entered_at + days(dice.lognormal(1.2, 0.5) * recruiter.speed * pace)
        if booked > REFERENCE_NOW:
            return "open"
        for attempt in range(3):
            ahead = dice.between(0.5, 4) if hourly else min(21.0, max(1.0, dice.lognormal(4, 0.6)))
            hour, minute = dice.integer(9, 16), (30 if dice.chance(0.3) else 0)
            starts = at_local_time(booked + days(ahead), job.timezone, hour, minute)
            if starts < booked + 2 * HOUR:
                starts = at_local_time(starts + DAY, job.timezone, hour, minute)
            kind, minutes = self._format(stage, job.family)
            people = self._interviewers(journey, stage)
            interview_id = self._rows.peek_id("interviews")
            row = {
                "source_system": "demo",
                "external_id": f"I{interview_id:08d}",
                "application_id": journey.row["id"],
                "starts_at": starts,
                "ends_at": starts + MINUTE * minutes,
                "timezone": job.timezone,
                "format": kind,
                "location": self._location(journey, kind, interview_id),
                "interviewer_ids": [person.id for person in people],
                "status": "scheduled",
                "created_at": booked,
                "updated_at": booked,
            }
            self._rows.add("interviews", row)
            ahead_days = round((starts - booked) / timedelta(days=1), 1)
            self._event(journey, EventType.INTERVIEW_SCHEDULED, booked, recruiter.id, {
                "interview_id": interview_id, "stage": stage, "starts_at": starts.isoformat(),
                "timezone": job.timezone, "format": kind, "booked_ahead_days": ahead_days,
            })  # fmt: skip
            facts = {
                "when": format_local(starts, job.timezone),
                "timezone": job.timezone,
                "stage_phrase": _STAGE_PHRASES[stage],
                "format_sentence": self._format_sentence(kind, row["location"]),
                "interviewers": _names(people),
                "location": row["location"] or job.office.label,
            }
            self._confirm(
                journey,
                "interview_scheduling_confirmation",
                booked + MINUTE * dice.integer(2, 20),
                facts,
            )
            reminded = dice.chance(recruiter.reminders)
            remind_at = starts - DAY
            if reminded and booked < remind_at <= REFERENCE_NOW:
                self._confirm(journey, "interview_reminder", remind_at, facts)
            if row["ends_at"] + 15 * MINUTE > REFERENCE_NOW:
                return "open"  # still ahead (or under way) at the reference time
            if attempt == 0 and dice.chance(RESCHEDULE_RATE):
                moved_at = booked + (starts - booked) * dice.between(0.3, 0.9)
                row.update(status="cancelled", updated_at=moved_at)
                by = "candidate" if dice.chance(0.6) else "interviewer"
                self._event(journey, EventType.INTERVIEW_CANCELLED, moved_at, None,
                            {"interview_id": interview_id, "reason": "rescheduled", "requested_by": by})  # fmt: skip
                booked = moved_at
                continue
            if dice.chance(no_show_probability(ahead_days, reminded, hourly)):
                missed_at = starts + 15 * MINUTE
                row.update(status="no_show", updated_at=missed_at)
                self._event(journey, EventType.INTERVIEW_NO_SHOW, missed_at, None,
                            {"interview_id": interview_id, "stage": stage})  # fmt: skip
                if attempt < 2 and dice.chance(REBOOK_AFTER_NO_SHOW_RATE):
                    booked = missed_at + days(dice.between(0.5, 2))
                    if booked > REFERENCE_NOW:
                        return "open"
                    continue
                return "no_show"
            ends: datetime = row["ends_at"]
            row.update(status="completed", updated_at=ends)
            payload: dict[str, object] = {
                "interview_id": interview_id,
                "stage": stage,
                "format": kind,
            }
            if stage == "phone_screen":
                payload["other_processes"] = journey.other_process
            self._event(journey, EventType.INTERVIEW_COMPLETED, ends, None, payload)
            if dice.chance(min(1.0, recruiter.keeps_in_touch * 1.2)):
                update_at = ends + HOUR * dice.between(2, 30)
                if update_at <= REFERENCE_NOW:
                    style = "personal" if dice.chance(recruiter.personalization) else (
                        "first_name" if dice.chance(0.5) else "generic")  # fmt: skip
                    self._writer.send("post_interview_status_update", style, update_at, journey.facts,
                                      recruiter.id, interviewers=facts["interviewers"],
                                      stage_phrase=facts["stage_phrase"],
                                      next_date=format_day(ends + days(5)))  # fmt: skip
                    journey.last_event = max(journey.last_event, update_at)
            return ends
        return "open"

    def _format(self, stage: str, family: str) -> tuple[str, int]:
        dice = self._dice
        if stage == "phone_screen":
            return "phone", 30
        if stage == "final_round":
            return ("onsite", 180) if dice.chance(0.55) else ("video", 150)
        if family == "hourly":
            return "onsite", 30
        if family == "clinical":
            return ("onsite", 60) if dice.chance(0.6) else ("video", 45)
        return ("video", dice.pick((45, 60))) if dice.chance(0.85) else ("onsite", 60)

    def _interviewers(self, journey: Journey, stage: str) -> list[Staff]:
        dice, job = self._dice, journey.job
        if stage == "phone_screen":
            return [job.recruiter]
        if stage == "final_round":
            return [job.hiring_manager, *dice.subset(job.panel, dice.integer(2, 3))]
        if job.family in ("hourly", "clinical"):
            return [job.hiring_manager]
        return dice.subset(job.panel, dice.integer(1, 2))

    def _location(self, journey: Journey, kind: str, interview_id: int) -> str | None:
        if kind == "onsite":
            return f"{COMPANY_NAME}, {journey.job.office.label}"
        if kind == "video":
            return f"https://meet.example/nwc-{interview_id:07d}"
        return None

    def _format_sentence(self, kind: str, location: str | None) -> str:
        if kind == "phone":
            return "We'll call you on the number you gave us."
        if kind == "video":
            return f"Join by video at {location}."
        return f"It takes place at {location}; please bring a photo ID for reception."

    def _confirm(
        self, journey: Journey, touchpoint: str, at: datetime, facts: dict[str, str]
    ) -> None:
        if at > REFERENCE_NOW:
            return
        dice, job = self._dice, journey.job
        if job.family == "hourly" and dice.chance(0.6):
            style, channel = "sms", "sms"
        else:
            channel = "email"
            style = "personal" if dice.chance(0.35 + job.recruiter.personalization / 2) else (
                "first_name" if dice.chance(0.5) else "generic")  # fmt: skip
        self._writer.send(touchpoint, style, at, journey.facts, None, channel, **facts)
        journey.last_event = max(journey.last_event, at)

    def _event(self, journey: Journey, type: str, at: datetime, actor: int | None,
               payload: dict[str, object]) -> None:  # fmt: skip
        row = journey.row
        self._rows.event(type, at, SOURCE_CALENDAR, row["candidate_id"], row["id"], row["job_id"],
                         actor, payload)  # fmt: skip
        if at > journey.last_event:
            journey.last_event = at
