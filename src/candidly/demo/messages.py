"""The historical message log: what the organisation actually sent, generic and personal.

Three styles, as a journey audit would find them: ``generic`` ("Dear Candidate"), ``first_name``
(a mass e-mail with "Hi {first name}") and ``personal`` (facts that differ by candidate: the role,
their skills, the next step and when). Templated styles merge the ATS's first name as stored, so a
placeholder or a wrong case shows up in the message ("Hi N/A,"); handwritten ones use the true name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from candidly.demo.defects import UNRENDERED_MERGE_FIELD_RATE
from candidly.demo.dice import Dice
from candidly.demo.people import COMPANY_NAME
from candidly.demo.rows import SOURCE_MAILER, Rows
from candidly.demo.timeline import zone
from candidly.store.events import EventType

_DAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

#: (subject, body, template name or None when written by hand), per touchpoint and style.
TEMPLATES: Final[dict[str, dict[str, tuple[str, str, str | None]]]] = {
    "application_acknowledgment": {
        "generic": (
            "Thank you for your application",
            "Dear Candidate,\n\nThank you for your interest in {company}. We have received your "
            "application and our team will review it. If your qualifications match our needs, we "
            "will be in touch.\n\nKind regards,\nThe {company} Talent Acquisition Team",
            "Default application auto-reply",
        ),
        "first_name": (
            "We received your application",
            "Hi {first},\n\nThanks for applying to {company}! We've received your application and "
            "will review it shortly. We'll be in touch about next steps.\n\nBest,\nThe Recruiting Team",
            "Application received v2",
        ),
        "personal": (
            "Your application for {role} in {city}",
            "Hi {first},\n\nThanks for applying for the {role} role on our {team} team in {city}. "
            "{skills_sentence}\n\nWhat happens next: {sender_first} reviews every application for "
            "this role and will get back to you within {review_days} business days, whatever the "
            "outcome.\n\nBest,\n{signature}",
            "Application received - role specific",
        ),
    },
    "sourcing_outreach": {
        "generic": (
            "Exciting opportunity at {company}",
            "Hi there,\n\nI came across your profile and think you could be a great fit for an "
            "exciting opportunity at a fast-growing company. We're hiring across several teams. "
            "Would you be open to a quick chat?\n\nBest,\n{signature}",
            "Sourcing - general",
        ),
        "first_name": (
            "Open roles at {company}",
            "Hi {first},\n\nAre you open to new opportunities? {company} is growing and we have "
            "several open roles that might interest you. Let me know if you'd like to chat!\n\n"
            "{signature}",
            "Sourcing - first touch",
        ),
        "personal": (
            "{role} on our {team} team",
            "Hi {first},\n\n{background_sentence} We're hiring a {role} for the {team} team in "
            "{city}; {skills_sentence_outreach}\n\nIf you're curious, I'd suggest a 20-minute call "
            "with me in the next two weeks, no preparation needed. If the timing is wrong, just say "
            "so and I won't follow up.\n\n{signature}",
            None,
        ),
    },
    "sourcing_follow_up": {
        "generic": (
            "Following up",
            "Hi,\n\nFollowing up on my previous message. Let me know if you're interested!\n\n"
            "{signature}",
            "Sourcing - follow-up",
        ),
        "first_name": (
            "Re: Open roles at {company}",
            "Hi {first},\n\nJust bumping this to the top of your inbox. Let me know!\n\n{signature}",
            "Sourcing - follow-up",
        ),
        "personal": (
            "Re: {role} on our {team} team",
            "Hi {first},\n\nOne short follow-up in case my note got buried: happy to share what the "
            "{team} team is working on this quarter if that would help you decide.\n\n{signature}",
            None,
        ),
    },
    "interview_scheduling_confirmation": {
        "generic": (
            "Interview confirmation",
            "Dear Candidate,\n\nThis is to confirm your interview on {when}. Please contact us if "
            "you need to reschedule.\n\nRegards,\nRecruiting Coordination",
            "Interview confirmation",
        ),
        "first_name": (
            "Your interview is confirmed",
            "Hi {first},\n\nYour interview is confirmed for {when}. Good luck!\n\nThe Recruiting Team",
            "Interview confirmation v2",
        ),
        "personal": (
            "Confirmed: {stage_phrase} for {role}, {when}",
            "Hi {first},\n\nYou're confirmed for {stage_phrase} for the {role} role on {when} "
            "({timezone}). {format_sentence} You'll meet {interviewers}.\n\nIf the time stops "
            "working, reply to this e-mail and we'll find another one.\n\nBest,\n{signature}",
            "Interview confirmation - detailed",
        ),
        "sms": (
            "",
            "{company}: your interview for {role} is confirmed for {when} at {location}. "
            "Reply R to reschedule.",
            "SMS interview confirmation",
        ),
    },
    "interview_reminder": {
        "generic": (
            "Interview reminder",
            "Dear Candidate,\n\nThis is a reminder of your interview on {when}.\n\nRegards,\n"
            "Recruiting Coordination",
            "Interview reminder",
        ),
        "first_name": (
            "See you tomorrow",
            "Hi {first},\n\nJust a reminder that your interview is tomorrow, {when}.\n\n"
            "The Recruiting Team",
            "Interview reminder v2",
        ),
        "personal": (
            "Tomorrow: {stage_phrase} with {interviewers}",
            "Hi {first},\n\nA reminder that you meet {interviewers} tomorrow, {when} ({timezone}). "
            "{format_sentence} Reply here if anything has changed.\n\n{signature}",
            "Interview reminder - detailed",
        ),
        "sms": (
            "",
            "{company} reminder: interview tomorrow {when} at {location}. Reply R to reschedule.",
            "SMS interview reminder",
        ),
    },
    "post_interview_status_update": {
        "generic": (
            "Thank you for interviewing",
            "Dear Candidate,\n\nThank you for taking the time to interview with us. We will be in "
            "touch once we have an update.\n\nRegards,\nThe Recruiting Team",
            "Post-interview thank you",
        ),
        "first_name": (
            "Thanks for your time",
            "Hi {first},\n\nThanks for interviewing with us! We'll be in touch soon.\n\n{signature}",
            "Post-interview thank you v2",
        ),
        "personal": (
            "Next steps after your {stage_phrase}",
            "Hi {first},\n\nThank you for your time with {interviewers}. The team compares notes "
            "this week, and I'll let you know where things stand by {next_date} at the latest.\n\n"
            "{signature}",
            None,
        ),
    },
    "status_update": {
        "generic": (
            "Application status",
            "Dear Candidate,\n\nYour application is still under review. Thank you for your "
            "patience.\n\nThe Recruiting Team",
            "Status - still under review",
        ),
        "first_name": (
            "An update on your application",
            "Hi {first},\n\nWe're still reviewing applications and will be in touch soon. Thanks "
            "for your patience!\n\nThe Recruiting Team",
            "Status - still under review v2",
        ),
        "personal": (
            "An update on the {role} role",
            "Hi {first},\n\nA quick update on the {role} role: the team is taking longer than we "
            "hoped to finish this stage. You're still in the process, and you'll hear from me by "
            "{next_date} either way.\n\n{signature}",
            None,
        ),
    },
    "rejection_feedback": {
        "generic": (
            "Your application to {company}",
            "Dear Candidate,\n\nThank you for your interest in {company}. After careful "
            "consideration, we have decided to move forward with other candidates whose "
            "qualifications more closely match our needs. We will keep your resume on file.\n\n"
            "We wish you the best in your job search.\n\nThe {company} Recruiting Team",
            "Rejection - standard",
        ),
        "first_name": (
            "Update on your application",
            "Hi {first},\n\nThank you for applying for the {role} position. Unfortunately, we have "
            "decided not to move forward with your application at this time. We wish you all the "
            "best.\n\nBest regards,\nThe Recruiting Team",
            "Rejection v2",
        ),
        "personal": (
            "Your application for {role}",
            "Hi {first},\n\nThank you for the time you gave the {role} process{met_phrase}. "
            "{strength_sentence} We've decided not to move forward, mainly because {reason_phrase}."
            "\n\nI'd be glad to hear from you when a {role_type} role opens again, and I'll reach "
            "out if one does.\n\n{signature}",
            None,
        ),
    },
    "offer_letter": {
        "personal": (
            "Your offer from {company}: {role}",
            "Hi {first},\n\nI'm delighted to send you our offer for the {role} role on the {team} "
            "team: {pay_phrase}, with a start date we agree together. The letter attached has the "
            "details.\n\nTake the time you need; {manager_first} and I are both happy to talk it "
            "through.\n\n{signature}",
            "Offer letter cover note",
        ),
    },
}


@dataclass(slots=True)
class MessageFacts:
    """What one application's messages may say; a missing fact changes the sentence."""

    candidate_id: int
    application_id: int
    job_id: int
    merged_first_name: str | None
    true_first_name: str
    role: str
    role_type: str
    team: str
    city: str
    skills: tuple[str, ...]
    current_company: str | None
    recruiter_first: str
    signature: str
    manager_first: str
    #: The merge fields that are the same in every message of the application (filled on use).
    fields: dict[str, str] | None = None

    def merge_fields(self) -> dict[str, str]:
        """The application's fixed merge fields, computed once."""
        if self.fields is None:
            self.fields = {
                "company": COMPANY_NAME,
                "role": self.role,
                "role_type": self.role_type,
                "team": self.team,
                "city": self.city,
                "sender_first": self.recruiter_first,
                "signature": self.signature,
                "manager_first": self.manager_first,
                "review_days": "5",
                "met_phrase": "",
                "reason_phrase": "we had candidates whose recent experience was closer to this role",
            }
        return self.fields


def format_local(moment: datetime, timezone: str) -> str:
    """``moment`` as a person in ``timezone`` reads it: "Tue 14 Jul, 14:30"."""
    local = moment.astimezone(zone(timezone))
    return f"{_DAYS[local.weekday()]} {local.day} {_MONTHS[local.month - 1]}, {local:%H:%M}"


def format_day(moment: datetime) -> str:
    """A date as a sentence names it: "Tue 14 Jul"."""
    return f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]}"


class MessageWriter:
    """Writes ``message.sent`` events in the organisation's voice of the moment."""

    def __init__(self, dice: Dice, rows: Rows) -> None:
        self._dice = dice
        self._rows = rows

    def send(
        self,
        touchpoint: str,
        style: str,
        at: datetime,
        facts: MessageFacts,
        actor_id: int | None,
        channel: str = "email",
        **extra: str,
    ) -> int:
        """Queue one sent message; returns its event id."""
        subject, body, template = TEMPLATES[touchpoint][style]
        handwritten = template is None
        first = facts.true_first_name if handwritten else (facts.merged_first_name or "")
        if not handwritten and "{first}" in body and self._dice.chance(UNRENDERED_MERGE_FIELD_RATE):
            first = "{{candidate.first_name}}"
        fields = _Fields(facts.merge_fields())
        fields.facts = facts
        fields["first"] = first
        if extra:
            fields.update(extra)
        text = body.format_map(fields)
        if "  " in text or " \n" in text:  # an empty optional sentence left a gap
            text = text.replace("  ", " ").replace(" \n", "\n")
        payload = {
            "touchpoint": "sourcing_outreach" if touchpoint == "sourcing_follow_up" else touchpoint,
            "channel": channel,
            "subject": subject.format_map(fields),
            "body": text,
            "template": template,
        }
        event_id = self._rows.event(
            EventType.MESSAGE_SENT, at, SOURCE_MAILER, facts.candidate_id, facts.application_id,
            facts.job_id, actor_id, payload,
        )  # fmt: skip
        if first == "{{candidate.first_name}}":
            self._rows.truth(
                "unrendered_merge_field", "event", event_id, "payload.body",
                "{{candidate.first_name}}", facts.merged_first_name,
            )  # fmt: skip
        return event_id


class _Fields(dict[str, Any]):
    """A message's merge fields; the sentences are only written when a template asks for them."""

    facts: MessageFacts

    def __missing__(self, key: str) -> str:
        facts, skills = self.facts, self.facts.skills
        if key == "skills_sentence":
            return _skills_sentence(skills)
        if key == "skills_sentence_outreach":
            return _outreach_skills(skills)
        if key == "background_sentence":
            if facts.current_company:
                return f"Your work at {facts.current_company} caught my eye."
            return "Your background caught my eye."
        if key == "strength_sentence":
            return f"Your depth in {skills[0]} came through clearly." if skills else ""
        raise KeyError(key)


def _skills_sentence(skills: tuple[str, ...]) -> str:
    if len(skills) >= 2:
        return f"Your experience with {skills[0]} and {skills[1]} is close to what the team works with every day."
    if skills:
        return f"Your experience with {skills[0]} is close to what the team works with every day."
    return "We'll read your experience against what the team needs day to day."


def _outreach_skills(skills: tuple[str, ...]) -> str:
    if len(skills) >= 2:
        return f"the team works with {skills[0]} and {skills[1]} every day, and your background looks close."
    if skills:
        return f"the team works with {skills[0]} every day, and your background looks close."
    return "your background looks close to what the team needs."
