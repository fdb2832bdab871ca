"""Career-site behaviour: job views, applications started (and abandoned), repeated browsing.

Known visitors' views carry their candidate id (the site stitches a visitor to the candidate once
they sign in or apply); anonymous views carry only a visitor id. Abandonment follows the form:
5% + 3 points per step beyond five + 10 points on a phone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from candidly.demo.dice import Dice
from candidly.demo.org import Job, Organisation
from candidly.demo.rows import SOURCE_CAREERS, Rows
from candidly.demo.timeline import HOUR, MINUTE, REFERENCE_NOW, WINDOW_START, days
from candidly.store.events import EventType

#: Share of candidates who come back and finish an application they abandoned.
RETURN_AFTER_ABANDONING_RATE: Final = 0.45


def abandonment_probability(steps: int, mobile: bool) -> float:
    """The chance an application started on the site is never submitted."""
    return 0.05 + 0.03 * max(0, steps - 5) + (0.10 if mobile else 0.0)


def visitor_id(candidate_id: int) -> str:
    """The career site's cookie id of a known candidate (stable, opaque)."""
    return f"v{(candidate_id * 2_654_435_761) % 2**32:08x}"


class CareerSite:
    """Writes what the careers site saw: ``job.viewed`` and ``application.started`` events."""

    def __init__(self, dice: Dice, org: Organisation, rows: Rows) -> None:
        self._dice = dice
        self._org = org
        self._rows = rows

    def view(self, candidate_id: int | None, job: Job, at: datetime, mobile: bool) -> None:
        """One view of ``job``'s posting, by a known candidate or (``None``) an anonymous visitor."""
        visitor = (
            visitor_id(candidate_id) if candidate_id else f"a{self._dice.integer(0, 2**32 - 1):08x}"
        )
        device = "mobile" if mobile else "desktop"
        # Both values are plain ASCII letters and digits: the JSON is written directly.
        self._rows.event(EventType.JOB_VIEWED, at, SOURCE_CAREERS, candidate_id, None, job.id, None,
                         f'{{"visitor": "{visitor}", "device": "{device}"}}')  # fmt: skip

    def views_before_applying(
        self, candidate_id: int, job: Job, at: datetime, mobile: bool
    ) -> None:
        """One or two views before an application at ``at``: the job itself, maybe a similar one."""
        dice = self._dice
        for _ in range(dice.integer(1, 2)):
            seen = self._org.pick_similar_job(dice, job.role.key, at) if dice.chance(0.3) else job
            when = at - HOUR * dice.lognormal(20, 1.0)
            if seen is not None and when > max(WINDOW_START, seen.opened_at):
                self.view(candidate_id, seen, when, mobile)

    def start_application(
        self, candidate_id: int, job: Job, at: datetime, mobile: bool, finished: bool
    ) -> None:
        """An application form opened on the site; ``finished`` says whether it was submitted."""
        steps = job.form_steps
        reached = steps if finished else self._dice.integer(1, steps - 1)
        self._rows.event(EventType.APPLICATION_STARTED, at, SOURCE_CAREERS,
                         candidate_id=candidate_id, job_id=job.id,
                         payload={"steps_total": steps, "step_reached": reached,
                                  "device": "mobile" if mobile else "desktop",
                                  "visitor": visitor_id(candidate_id)})  # fmt: skip

    def abandons(self, job: Job, mobile: bool) -> bool:
        """Whether a form started on ``job`` is left unfinished."""
        return self._dice.chance(abandonment_probability(job.form_steps, mobile))

    def browse(
        self, candidate_id: int, role_key: str, start: datetime, mobile: bool
    ) -> datetime | None:
        """Three to six views of jobs of one role type over a few weeks, without applying.

        Returns the time of the last view, or None if none fell before the reference time.
        """
        dice, last = self._dice, None
        when = start
        for _ in range(dice.integer(3, 6)):
            when += days(dice.lognormal(5, 0.7)) + MINUTE * dice.integer(0, 600)
            if when > REFERENCE_NOW:
                break
            job = self._org.pick_similar_job(dice, role_key, when)
            if job is not None:
                self.view(candidate_id, job, when, mobile)
                last = when
        return last
