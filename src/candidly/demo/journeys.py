"""Applications moving through the stages, with interviews, assessments, offers and messages.

The history has causes a later analysis can recover (docs/demo.md states them as formulas):

- withdrawals follow long silences between stages, less so when the recruiter sent an update;
- no-shows rise with how far ahead an interview was booked and when no reminder went out;
- offer declines rise with time-to-offer, with the candidate interviewing elsewhere (noted at the
  phone screen) and with an offer low in its band;
- long take-home assessments go uncompleted more often;
- personal sourcing messages get more replies than generic ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from candidly.demo.defects import UNMAPPED_STAGE_RATE
from candidly.demo.dice import Dice, Weighted
from candidly.demo.interviews import InterviewBooker
from candidly.demo.messages import MessageFacts, MessageWriter, format_day
from candidly.demo.org import Job, Organisation
from candidly.demo.pipeline import (
    OTHER_PROCESS_RATES,
    OTHER_WITHDRAWALS,
    PACE,
    PASS_RATES,
    PIPELINES,
    REJECTION_REASONS,
    REPLY_INTENTS,
    STAGE_LABELS,
    UNREVIEWED_RATES,
    WAIT_DAYS,
    stage_payload,
)
from candidly.demo.places import COUNTRIES
from candidly.demo.roles import BASE_PAY, HOURLY_ROLES
from candidly.demo.rows import SOURCE_ASSESSMENTS, SOURCE_ATS, Row, Rows
from candidly.demo.timeline import HOUR, MINUTE, REFERENCE_NOW, days
from candidly.store.events import EventType


@dataclass(slots=True)
class CandidateFacts:
    """What the journeys need to know about a candidate."""

    id: int
    merged_first_name: str | None
    true_first_name: str
    skills: tuple[str, ...]
    current_company: str | None


@dataclass(slots=True)
class Journey:
    """One application in flight."""

    job: Job
    row: Row
    facts: MessageFacts
    mapped: bool
    other_process: bool
    applied_at: datetime
    stage: str | None = None
    entered_at: datetime = REFERENCE_NOW
    last_event: datetime = REFERENCE_NOW

    def label(self, stage: str | None) -> str | None:
        """The organisation's name for ``stage`` on this job."""
        return STAGE_LABELS[self.job.stage_flavor][stage] if stage else None


class Journeys:
    """Runs applications from creation to their outcome, or to the reference "now"."""

    def __init__(self, dice: Dice, org: Organisation, rows: Rows, writer: MessageWriter) -> None:
        self.dice = dice
        self.org = org
        self.rows = rows
        self.writer = writer
        self.interviews = InterviewBooker(dice, rows, writer)

    def apply(self, candidate: CandidateFacts, job: Job, at: datetime, sourced: bool) -> datetime:
        """Create an application of ``candidate`` to ``job`` at ``at``; return its last event time."""
        journey = self._create(candidate, job, at, sourced)
        if not sourced or self._outreach(journey):
            self._advance(journey)
        self._finish(journey)
        return journey.last_event

    # --- the stages ---------------------------------------------------------------------------

    def _create(self, candidate: CandidateFacts, job: Job, at: datetime, sourced: bool) -> Journey:
        dice = self.dice
        app_id = self.rows.peek_id("applications")
        row: Row = {
            "source_system": "demo", "external_id": f"A{app_id:08d}", "candidate_id": candidate.id,
            "job_id": job.id, "stage": None, "stage_label": None, "stage_entered_at": None,
            "applied_at": at, "outcome": None, "outcome_reasons": [], "closed_at": None,
            "created_at": at, "updated_at": at,
        }  # fmt: skip
        self.rows.add("applications", row)
        role_skills = set(job.role.core_skills)
        facts = MessageFacts(
            candidate_id=candidate.id, application_id=app_id, job_id=job.id,
            merged_first_name=candidate.merged_first_name, true_first_name=candidate.true_first_name,
            role=job.title, role_type=job.role.display_name, team=job.team,
            city="a remote team" if job.office.remote else job.office.city.name,
            skills=tuple(name for name in candidate.skills if name in role_skills)[:2],
            current_company=candidate.current_company, recruiter_first=job.recruiter.first_name,
            signature=job.recruiter.signature or job.recruiter.full_name,
            manager_first=job.hiring_manager.first_name,
        )  # fmt: skip
        other_rate = OTHER_PROCESS_RATES[job.family]
        journey = Journey(
            job=job, row=row, facts=facts, mapped=not dice.chance(UNMAPPED_STAGE_RATE),
            other_process=dice.chance(other_rate), applied_at=at, entered_at=at, last_event=at,
        )  # fmt: skip
        actor = job.recruiter.id if sourced else None
        self._event(journey, EventType.APPLICATION_CREATED, at, actor, "{}")
        self._move(journey, "sourced" if sourced else "applied", at, actor)
        if not sourced and job.sends_acknowledgment:
            self._message(journey, "application_acknowledgment", job.acknowledgment_style,
                          at + MINUTE * dice.integer(1, 30), None)  # fmt: skip
        return journey

    def _outreach(self, journey: Journey) -> bool:
        """Sourcing messages and the reply; True when the candidate moves on to a screen."""
        dice, recruiter = self.dice, journey.job.recruiter
        style = "personal" if dice.chance(recruiter.personalization) else (
            "first_name" if dice.chance(0.6) else "generic")  # fmt: skip
        reply_rate = {"personal": 0.32, "first_name": 0.14, "generic": 0.07}[style]
        sent_at = journey.entered_at + HOUR * dice.between(0.5, 6)
        self._message(journey, "sourcing_outreach", style, sent_at, recruiter.id)
        reply_at: datetime | None = None
        if dice.chance(reply_rate):
            reply_at = sent_at + days(dice.lognormal(1.5, 0.7))
        elif dice.chance(0.55):
            follow_at = sent_at + days(dice.between(4, 8))
            if follow_at <= REFERENCE_NOW:
                sent_at = follow_at
                self._message(journey, "sourcing_follow_up", style, follow_at, recruiter.id)
                if dice.chance(reply_rate * 0.5):
                    reply_at = follow_at + days(dice.lognormal(1.5, 0.7))
        if reply_at is None:
            self._close(journey, "rejected", sent_at + days(dice.between(21, 35)), ["unresponsive"])
            return False
        if reply_at > REFERENCE_NOW:
            return False
        intent = REPLY_INTENTS.pick(dice)
        self._event(journey, EventType.MESSAGE_REPLIED, reply_at, None,
                    {"touchpoint": "sourcing_outreach", "intent": intent})  # fmt: skip
        if intent != "interested":
            self._close(journey, "withdrawn", reply_at + HOUR * dice.between(1, 30), [intent])
            return False
        screen_at = reply_at + days(dice.lognormal(1.5, 0.5) * recruiter.speed)
        if screen_at > REFERENCE_NOW:
            return False
        self._move(journey, "screen", screen_at, recruiter.id)
        return True

    def _advance(self, journey: Journey) -> None:
        dice, job = self.dice, journey.job
        recruiter, family = job.recruiter, job.family
        pipeline = PIPELINES[family]
        while journey.stage not in (None, "hired", "rejected", "withdrawn"):
            stage = journey.stage
            assert stage is not None
            if stage == "offer":
                self._offer(journey)
                return
            start = journey.entered_at
            if stage == "applied" and dice.chance(UNREVIEWED_RATES[family]):
                if job.closed_at is not None:
                    self._reject(journey, max(job.closed_at, start) + days(dice.between(0.5, 3)),
                                 ["position_filled"])  # fmt: skip
                return
            if stage in ("phone_screen", "interview", "final_round"):
                outcome = self.interviews.hold(journey, stage, start)
                if isinstance(outcome, str):
                    if outcome == "no_show":
                        self._reject(
                            journey, journey.last_event + days(dice.between(0.5, 2)), ["no_show"]
                        )
                    return
                start = outcome
            wait = WAIT_DAYS[stage] * PACE[family] * recruiter.speed * dice.lognormal(1.0, 0.6)
            decision = start + days(wait)
            silence = wait
            if wait > 7 and dice.chance(recruiter.keeps_in_touch):
                update_at = start + days(wait / 2)
                if update_at <= REFERENCE_NOW:
                    self._message(journey, "status_update", self._style(recruiter.personalization),
                                  update_at, recruiter.id, next_date=format_day(decision))  # fmt: skip
                    silence = wait / 2
            withdraw = 0.01 + 0.012 * max(0.0, silence - 5) + (0.05 if journey.other_process else 0)
            if dice.chance(min(withdraw, 0.6)):
                self._close(journey, "withdrawn", start + days(wait * dice.between(0.4, 0.9)),
                            self._withdrawal_reasons(silence, journey.other_process))  # fmt: skip
                return
            if decision > REFERENCE_NOW:
                return
            if job.closed_at is not None and decision > job.closed_at:
                self._reject(journey, max(job.closed_at, start) + days(dice.between(0.5, 3)),
                             ["position_filled"])  # fmt: skip
                return
            if not dice.chance(PASS_RATES[family][stage]):
                self._reject(journey, decision, [dice.pick(REJECTION_REASONS[stage])])
                return
            if stage == "phone_screen" and job.assessment is not None:
                after = self._assessment(journey, decision)
                if after is None or after > REFERENCE_NOW:
                    return
                decision = after
            self._move(journey, pipeline[pipeline.index(stage) + 1], decision, recruiter.id)

    def _assessment(self, journey: Journey, invited_at: datetime) -> datetime | None:
        dice, job = self.dice, journey.job
        assert job.assessment is not None
        name, minutes = job.assessment
        if dice.chance(0.03 + minutes * 0.0008):
            self._close(journey, "withdrawn", invited_at + days(dice.between(7, 12)),
                        ["assessment_not_completed"])  # fmt: skip
            return None
        done = invited_at + days(dice.lognormal(3, 0.5))
        if done > REFERENCE_NOW:
            return None
        score = min(100, max(5, round(dice.normal(70, 13))))
        self._event(journey, EventType.ASSESSMENT_COMPLETED, done, None,
                    {"assessment": name, "minutes": minutes, "score": score, "max_score": 100},
                    source=SOURCE_ASSESSMENTS)  # fmt: skip
        if score < 55:
            self._reject(journey, done + days(dice.between(1, 3)), ["assessment_below_bar"])
            return None
        return done + days(dice.between(0.5, 3) * job.recruiter.speed)

    def _offer(self, journey: Journey) -> None:
        dice, job = self.dice, journey.job
        offered_at = journey.entered_at
        days_to_offer = round((offered_at - journey.applied_at) / timedelta(days=1), 1)
        country = COUNTRIES[job.office.city.country]
        band = dice.between(0.85, 1.15)
        band_position = "low" if band < 0.93 else ("high" if band > 1.07 else "mid")
        hourly = job.role.key in HOURLY_ROLES
        pay = BASE_PAY[job.role.key] * country.pay_factor * band
        amount = round(pay, 2) if hourly else round(pay, -3)
        period = "hour" if hourly else "year"
        self._event(journey, EventType.OFFER_EXTENDED, offered_at, job.recruiter.id,
                    {"pay": amount, "currency": country.currency, "period": period,
                     "band_position": band_position, "days_to_offer": days_to_offer})  # fmt: skip
        pay_phrase = (
            f"{amount:,.2f} {country.currency} an hour"
            if hourly
            else f"a base salary of {amount:,.0f} {country.currency} a year"
        )
        self._message(journey, "offer_letter", "personal", offered_at + HOUR * dice.between(1, 5),
                      job.recruiter.id, pay_phrase=pay_phrase)  # fmt: skip
        answer_at = offered_at + days(dice.lognormal(3, 0.6))
        if answer_at > REFERENCE_NOW:
            return
        slow = 0.01 * max(0.0, days_to_offer - 21)
        elsewhere = 0.22 if journey.other_process else 0.0
        low = 0.15 if band_position == "low" else 0.0
        if dice.chance(min(0.85, 0.08 + slow + elsewhere + low)):
            reason = Weighted([("accepted_other_offer", elsewhere + 0.02), ("process_too_slow", slow + 0.01),
                               ("compensation", low + 0.02), ("personal_reasons", 0.03),
                               ("counter_offer", 0.03)]).pick(dice)  # fmt: skip
            self._event(journey, EventType.OFFER_DECLINED, answer_at, None,
                        {"reason": reason, "days_to_offer": days_to_offer})  # fmt: skip
            reasons = ["offer_declined", reason]
            if journey.other_process and reason != "accepted_other_offer":
                reasons.append("interviewing_elsewhere")
            self._close(journey, "withdrawn", answer_at + HOUR * dice.between(1, 24), reasons)
            return
        start_date = (answer_at + days(dice.between(14, 35))).date().isoformat()
        self._event(journey, EventType.OFFER_ACCEPTED, answer_at, None, {"start_date": start_date})
        self._close(journey, "hired", answer_at + days(dice.between(0.5, 3)), [])

    # --- writing -------------------------------------------------------------------------------

    def _style(self, personalization: float) -> str:
        if self.dice.chance(personalization):
            return "personal"
        return "first_name" if self.dice.chance(0.5) else "generic"

    def _withdrawal_reasons(self, silence: float, other_process: bool) -> list[str]:
        dice = self.dice
        if silence > 12 and dice.chance(0.6):
            primary = "no_response_from_us"
        elif other_process and dice.chance(0.6):
            primary = "accepted_other_offer"
        else:
            primary = dice.pick(OTHER_WITHDRAWALS)
        reasons = [primary]
        if other_process and primary != "accepted_other_offer":
            reasons.append("interviewing_elsewhere")
        if silence > 10 and primary != "no_response_from_us":
            reasons.append("long_silence")
        return reasons

    def _event(self, journey: Journey, type: str, at: datetime, actor: int | None,
               payload: dict[str, object] | str, source: str = SOURCE_ATS) -> None:  # fmt: skip
        row = journey.row
        self.rows.event(
            type, at, source, row["candidate_id"], row["id"], row["job_id"], actor, payload
        )
        if at > journey.last_event:
            journey.last_event = at

    def _message(self, journey: Journey, touchpoint: str, style: str, at: datetime,
                 actor: int | None, channel: str = "email", **extra: str) -> None:  # fmt: skip
        if at > REFERENCE_NOW:
            return
        self.writer.send(touchpoint, style, at, journey.facts, actor, channel, **extra)
        if at > journey.last_event:
            journey.last_event = at

    def _move(self, journey: Journey, stage: str, at: datetime, actor: int | None,
              reason: str | None = None) -> None:  # fmt: skip
        previous = journey.stage
        payload = stage_payload(journey.job.stage_flavor, journey.mapped, previous, stage, reason)
        self._event(journey, EventType.STAGE_CHANGED, at, actor, payload)
        journey.stage, journey.entered_at = stage, at

    def _close(self, journey: Journey, outcome: str, at: datetime, reasons: list[str]) -> bool:
        """Close the application at ``at`` unless that is after "now"; True if it closed."""
        if at > REFERENCE_NOW:
            return False
        actor = None if outcome == "withdrawn" else journey.job.recruiter.id
        self._move(journey, outcome, at, actor, reasons[0] if reasons else None)
        journey.row.update(outcome=outcome, outcome_reasons=reasons, closed_at=at)
        return True

    def _reject(self, journey: Journey, at: datetime, reasons: list[str]) -> None:
        reached = journey.stage or "applied"
        if not self._close(journey, "rejected", at, reasons) or reasons == ["unresponsive"]:
            return
        dice, recruiter = self.dice, journey.job.recruiter
        early = reached in ("sourced", "applied", "screen")
        if not dice.chance(
            {"phone_screen": 0.8, "interview": 0.85, "final_round": 0.95}.get(reached, 0.6)
        ):
            return
        if early:
            style, actor = ("first_name" if dice.chance(0.4) else "generic"), None
        elif reached == "final_round":
            style, actor = (
                ("personal" if dice.chance(0.5 + recruiter.personalization / 2) else "first_name"),
                recruiter.id,
            )
        else:
            style, actor = self._style(min(1.0, recruiter.personalization * 1.2)), recruiter.id
        met = (
            f", and for meeting {journey.job.hiring_manager.first_name}"
            if reached in ("interview", "final_round")
            else ""
        )
        self._message(journey, "rejection_feedback", style, at + HOUR * dice.between(0.1, 30), actor,
                      met_phrase=met)  # fmt: skip

    def _finish(self, journey: Journey) -> None:
        row, stage = journey.row, journey.stage
        label = journey.label(stage)
        row["stage"] = stage if journey.mapped else None
        row["stage_label"] = label
        row["stage_entered_at"] = journey.entered_at
        row["updated_at"] = journey.last_event
        if not journey.mapped:
            self.rows.truth("unmapped_stage_label", "application", row["id"], "stage", label, stage)
