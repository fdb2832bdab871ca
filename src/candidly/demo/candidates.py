"""Candidates: who they are, where they came from, what they applied to, and their duplicates.

Candidate ids rise with the time a candidate first appeared, as in a real ATS. A duplicate is the
same person arriving again later (re-applying, or added by a sourcer) with a typo'd name, a
nickname, another e-mail or a reformatted phone; it always keeps one strong link to the original
(a phone number, an e-mail or the full name, after normalisation), so deduplication is possible.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from candidly.demo.careers import RETURN_AFTER_ABANDONING_RATE, CareerSite
from candidly.demo.defects import (
    DUPLICATE_RATE,
    DUPLICATE_WITH_APPLICATIONS_RATE,
    apply_person_defects,
    owner_shown,
    skills_shown,
    source_channel_shown,
)
from candidly.demo.dice import Dice, Weighted
from candidly.demo.duplicates import DuplicateTwist, normalize_name, twist_duplicate
from candidly.demo.journeys import CandidateFacts, Journeys
from candidly.demo.messages import MessageWriter
from candidly.demo.names import CULTURES
from candidly.demo.org import Job, Organisation
from candidly.demo.people import PeopleFactory, Person
from candidly.demo.places import ABROAD_COUNTRIES, CITIES_BY_COUNTRY, City
from candidly.demo.resumes import COMPANIES, write_resume
from candidly.demo.roles import FAMILY
from candidly.demo.rows import SOURCE_ATS, Row, Rows
from candidly.demo.timeline import HOUR, MINUTE, REFERENCE_NOW, WINDOW_START, arrival_time, days
from candidly.store.events import EventType
from candidly.taxonomy.vocab import RoleType, load_role_types, load_skills, load_source_channels

#: Where candidates of each role family come from (canonical source channels and weights).
CHANNEL_MIX: Final = {
    "tech": (("linkedin", 24), ("career_site", 18), ("referral", 12), ("sourced_outreach", 18),
             ("indeed", 5), ("glassdoor", 3), ("job_board", 6), ("agency", 4), ("university", 4),
             ("event", 2), ("internal", 2), ("social_media", 2)),
    "business": (("linkedin", 25), ("career_site", 18), ("referral", 12), ("sourced_outreach", 14),
                 ("indeed", 10), ("glassdoor", 4), ("job_board", 5), ("agency", 4), ("university", 3),
                 ("event", 2), ("internal", 2), ("social_media", 1)),
    "clinical": (("indeed", 25), ("career_site", 22), ("job_board", 12), ("referral", 12),
                 ("agency", 10), ("linkedin", 6), ("university", 6), ("sourced_outreach", 4),
                 ("event", 2), ("internal", 1)),
    "hourly": (("indeed", 35), ("career_site", 20), ("job_board", 12), ("referral", 12),
               ("event", 8), ("social_media", 8), ("agency", 4), ("internal", 1)),
}  # fmt: skip
#: Channels whose candidates read postings on the careers site before applying.
BROWSING_CHANNELS: Final = frozenset(
    {"career_site", "linkedin", "indeed", "glassdoor", "job_board", "social_media"}
)
#: Skills people list beyond their role's core skills.
EXTRA_SKILLS: Final = {
    "tech": ("Git", "Agile", "Jira", "Communication", "Mentoring", "Code Review", "Linux", "Scrum"),
    "business": ("Microsoft Excel", "Communication", "Public Speaking", "Google Workspace", "Spanish",
                 "Project Management"),
    "clinical": ("Phlebotomy", "HIPAA", "Cerner", "Pediatric Advanced Life Support", "Spanish"),
    "hourly": ("Reach Truck", "Quality Control", "Lean", "Spanish", "Data Entry", "Customer Service"),
}  # fmt: skip
#: Source variants that only make sense for one role family (a nursing job board, say).
FAMILY_VARIANTS: Final = {
    "Nurse.com": "clinical", "Travel Nurse Agency": "clinical", "Snagajob": "hourly",
    "Walk-in Hiring Event": "hourly", "Dice": "tech", "Dice.com": "tech", "Built In": "tech",
    "Wellfound": "tech", "Sourced (GitHub)": "tech", "Hackathon": "tech",
}  # fmt: skip
_ABROAD_RATE: Final = {"tech": 0.12, "business": 0.06, "clinical": 0.02, "hourly": 0.01}
_EMEA: Final = ("GB", "IE", "DE", "NL", "PL", "ES")
_ABROAD: Final = Weighted(ABROAD_COUNTRIES)
_MORE_APPLICATIONS: Final = Weighted([(0, 82), (1, 14), (2, 4)])


@dataclass(slots=True)
class Original:
    """What a later duplicate of a candidate needs to know about the first record."""

    candidate_id: int
    person: Person
    created_at: datetime
    profile_role: RoleType
    skills: tuple[str, ...]
    email_usable: bool
    phone_usable: bool
    name_usable: bool
    job: Job


class CandidateMaker:
    """Makes candidate ``index`` of ``total``, with everything that happened to them."""

    def __init__(
        self, seed: int, org: Organisation, rows: Rows, total: int, people: PeopleFactory
    ) -> None:
        self.dice = Dice(seed, "candidates")
        self.people = people
        writer = MessageWriter(Dice(seed, "messages"), rows)
        self.journeys = Journeys(Dice(seed, "journeys"), org, rows, writer)
        self.site = CareerSite(Dice(seed, "careers"), org, rows)
        self.org, self.rows, self.total = org, rows, total
        self.duplicates = 0
        self._due: list[tuple[int, int, Original]] = []
        self._synonyms = {skill.name: skill.synonyms for skill in load_skills()}
        self._channels = {channel.key: channel for channel in load_source_channels()}
        self._channel_mix = {family: Weighted(mix) for family, mix in CHANNEL_MIX.items()}
        self._variants = {
            (family, channel.key): tuple(
                variant for variant in channel.variants
                if FAMILY_VARIANTS.get(variant, family) == family
            )
            for family in CHANNEL_MIX for channel in self._channels.values()
        }  # fmt: skip
        self._roles_by_family: dict[str, list[RoleType]] = {}
        for role in load_role_types():
            self._roles_by_family.setdefault(FAMILY[role.key], []).append(role)

    def make(self, index: int) -> None:
        """Write candidate ``index``: an original person, or a duplicate that is due."""
        at = arrival_time((index + self.dice.random()) / self.total)
        if self._due and self._due[0][0] <= index:
            original = heapq.heappop(self._due)[2]
            if self._make_duplicate(original, at):
                return
        self._make_original(index, at)

    # --- originals ------------------------------------------------------------------------------

    def _make_original(self, index: int, at: datetime) -> None:
        dice, people = self.dice, self.people
        job = self.org.pick_open_job(dice, at)
        if at < job.opened_at:
            at = job.opened_at + days(dice.between(0, 2))
        at = min(at, REFERENCE_NOW - HOUR)
        family = job.family
        channel = self._channel_mix[family].pick(dice)
        city = self._residence(job)
        culture = people.pick_culture(city.country)
        person = people.make_person(culture, city)
        profile_role = job.role if dice.chance(0.85) else dice.pick(self._roles_by_family[family])
        skills = self._true_skills(profile_role, family)
        candidate_id = self.rows.peek_id("candidates")
        row = self._row(candidate_id, person, profile_role, family, skills, at,
                        has_resume=not dice.chance(0.4 if channel == "sourced_outreach" else 0.04))  # fmt: skip
        shown_phone = row["phone"]
        apply_person_defects(dice, row, CULTURES[culture].family_name_first, self.rows)
        self._finish_row(row, skills, channel, job)
        last = self._history(row, person, skills, job, channel, at, profile_role)
        row["updated_at"] = last
        if dice.chance(DUPLICATE_RATE / (1 - DUPLICATE_RATE)) and index + 1 < self.total:
            remaining = self.total - index - 1
            target = index + 1 + int(remaining * dice.random() ** 3)
            shown_names = {normalize_name(row["first_name"]), normalize_name(row["last_name"])}
            original = Original(
                candidate_id=candidate_id, person=person, created_at=at, profile_role=profile_role,
                skills=skills, email_usable=row["email"] == person.email,
                phone_usable=row["phone"] == shown_phone,
                name_usable=shown_names == {normalize_name(person.first_name), normalize_name(person.last_name)},
                job=job,
            )  # fmt: skip
            heapq.heappush(self._due, (target, candidate_id, original))

    def _residence(self, job: Job) -> City:
        dice, office = self.dice, job.office
        if dice.chance(_ABROAD_RATE[job.family]):
            country = _ABROAD.pick(dice)
            return dice.pick(CITIES_BY_COUNTRY[country])
        if office.remote:
            country = dice.pick(_EMEA) if office.city.country != "US" else "US"
            return dice.pick(CITIES_BY_COUNTRY[country])
        return self.people.nearby_city(office.city)

    def _true_skills(self, role: RoleType, family: str) -> tuple[str, ...]:
        dice = self.dice
        core = dice.subset(role.core_skills, dice.integer(3, 6))
        extras = [
            name
            for name in dice.subset(EXTRA_SKILLS[family], dice.integer(0, 2))
            if name not in core
        ]
        return tuple(core + extras)

    def _row(self, candidate_id: int, person: Person, role: RoleType, family: str,
             skills: tuple[str, ...], at: datetime, has_resume: bool) -> Row:  # fmt: skip
        dice = self.dice
        employed = dice.chance(0.92)
        company = dice.pick(COMPANIES[family]) if employed else None
        resume = None
        if has_resume:
            resume = write_resume(
                dice, person, family, role.titles, skills, self._synonyms, company
            )
        other_emails = []
        if dice.chance(0.08):
            other_emails.append(
                self.people.unique_email(person.first_name, person.last_name, "work.example")
            )
        return {
            "id": candidate_id, "source_system": "demo", "external_id": f"C{candidate_id:07d}",
            "first_name": person.first_name, "middle_name": person.middle_name,
            "last_name": person.last_name, "preferred_name": person.preferred_name,
            "email": person.email, "other_emails": other_emails, "phone": person.phone,
            "other_phones": [], "city": person.city.name, "region": person.city.region,
            "country": person.city.country, "timezone": person.city.timezone,
            "current_title": dice.pick(role.titles) if employed else None,
            "current_company": company, "source_channel": None, "owner_id": None, "skills": [],
            "resume_text": resume, "consent_status": "unknown", "consent_recorded_at": None,
            "consent_source": None, "marketing_opt_in": None, "created_at": at, "updated_at": at,
        }  # fmt: skip

    def _finish_row(self, row: Row, skills: tuple[str, ...], channel_key: str, job: Job) -> None:
        """Apply the defects of the skills, channel and owner fields, then queue the row."""
        dice, rows, candidate_id = self.dice, self.rows, row["id"]
        channel = self._channels[channel_key]
        row["skills"] = skills_shown(dice, candidate_id, skills, row["resume_text"] is not None,
                                     self._synonyms, rows)  # fmt: skip
        row["source_channel"] = source_channel_shown(
            dice, candidate_id, channel.key, channel.display_name,
            self._variants[job.family, channel.key], rows,
        )  # fmt: skip
        row["owner_id"] = owner_shown(dice, candidate_id, job.recruiter.id, rows)
        rows.add("candidates", row)

    def _history(self, row: Row, person: Person, skills: tuple[str, ...], job: Job, channel: str,
                 at: datetime, role: RoleType) -> datetime:  # fmt: skip
        """Everything the candidate did from ``at`` on; returns the time of the last event."""
        dice, site, candidate_id = self.dice, self.site, row["id"]
        self.rows.event(EventType.CANDIDATE_CREATED, at, SOURCE_ATS, candidate_id=candidate_id,
                        payload={"source_channel": row["source_channel"]})  # fmt: skip
        facts = CandidateFacts(candidate_id, row["first_name"], person.first_name, skills,
                               row["current_company"])  # fmt: skip
        mobile = dice.chance(0.55 if job.family == "hourly" else 0.4)
        if channel in BROWSING_CHANNELS and dice.chance(0.25):
            site.views_before_applying(candidate_id, job, at, mobile)
        last, applied = at, True
        on_site = channel == "career_site" or (
            channel in ("indeed", "job_board") and dice.chance(0.3)
        )
        if on_site and site.abandons(job, mobile):
            site.start_application(candidate_id, job, at, mobile, finished=False)
            applied = dice.chance(RETURN_AFTER_ABANDONING_RATE)
            if applied:
                at = at + days(dice.lognormal(2, 0.8))
                applied = at < REFERENCE_NOW
        if applied:
            if on_site:
                site.start_application(
                    candidate_id, job, at - MINUTE * dice.integer(4, 25), mobile, True
                )
            last = max(
                last, self.journeys.apply(facts, job, at, sourced=channel == "sourced_outreach")
            )
            when = at
            for _ in range(_MORE_APPLICATIONS.pick(dice)):
                when += days(dice.lognormal(25, 0.8))
                if when >= REFERENCE_NOW:
                    break
                other = (
                    self.org.pick_similar_job(dice, role.key, when) if dice.chance(0.7) else None
                )
                other = other or self.org.pick_open_job(dice, when)
                if other.id != job.id and other.opened_at <= when:
                    last = max(last, self.journeys.apply(facts, other, when, sourced=False))
        if not applied or dice.chance(0.04):
            browsed = site.browse(candidate_id, role.key, last + days(dice.between(1, 40)), mobile)
            last = max(last, browsed or last)
        if dice.chance(0.1):
            seen_at = min(at + HOUR * dice.between(-48, 48), REFERENCE_NOW - MINUTE)
            job = self.org.pick_open_job(dice, seen_at)
            if seen_at > max(job.opened_at, WINDOW_START):
                self.site.view(None, job, seen_at, mobile)
        return last

    # --- duplicates ----------------------------------------------------------------------------

    def _make_duplicate(self, original: Original, at: datetime) -> bool:
        dice = self.dice
        twist: DuplicateTwist | None = twist_duplicate(dice, self.people, original)
        if twist is None:
            return False
        at = min(max(at, original.created_at + days(1)), REFERENCE_NOW - HOUR)
        person = twist.person
        family = FAMILY[original.profile_role.key]
        candidate_id = self.rows.peek_id("candidates")
        row = self._row(candidate_id, person, original.profile_role, family, original.skills, at,
                        has_resume=dice.chance(0.7))  # fmt: skip
        row["phone"] = twist.phone
        row["email"] = twist.email
        with_applications = dice.chance(DUPLICATE_WITH_APPLICATIONS_RATE)
        job = original.job
        if with_applications and (
            (job.closed_at is not None and job.closed_at < at) or dice.chance(0.7)
        ):
            job = self.org.pick_similar_job(dice, job.role.key, at) or self.org.pick_open_job(
                dice, at
            )
        channel = self._channel_mix[job.family].pick(dice)
        self._finish_row(row, original.skills, channel, job)
        self.rows.truth("duplicate", "candidate", candidate_id, None, twist.describe(),
                        str(original.candidate_id))  # fmt: skip
        self.rows.event(EventType.CANDIDATE_CREATED, at, SOURCE_ATS, candidate_id=candidate_id,
                        payload={"source_channel": row["source_channel"]})  # fmt: skip
        last = at
        if with_applications:
            facts = CandidateFacts(candidate_id, row["first_name"], person.first_name,
                                   original.skills, row["current_company"])  # fmt: skip
            last = self.journeys.apply(
                facts, job, max(at, job.opened_at), sourced=channel == "sourced_outreach"
            )
        row["updated_at"] = max(last, at)
        self.duplicates += 1
        return True
