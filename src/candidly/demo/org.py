"""The sample organisation's staff and requisitions: Northwind Care, a health-tech company with
clinics, fulfilment centres and a software product.

Staff carry habits that never reach a column (how fast a recruiter moves, how often they write
personally, send reminders, keep candidates posted). The history is generated from those habits,
so a later analysis can find them again in the event log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from candidly.demo.bios import staff_bio, staff_signature, staff_title
from candidly.demo.defects import JOB_MISSING_RECRUITER_RATE, JOB_ROLE_TYPE_RECORDED_RATE
from candidly.demo.dice import Dice, Weighted
from candidly.demo.people import COMPANY_DOMAIN, PeopleFactory, email_local_part
from candidly.demo.places import COUNTRIES, OFFICES, Office
from candidly.demo.roles import ASSESSMENTS, FAMILY, ROLE_DEMAND, TEAMS
from candidly.demo.rows import SOURCE_ATS, Rows
from candidly.demo.timeline import DAY, REFERENCE_NOW, WINDOW_START, days
from candidly.store.events import EventType
from candidly.taxonomy.vocab import RoleType, load_role_types


@dataclass(slots=True)
class Staff:
    """A member of staff, with the habits that shape the history they take part in."""

    id: int
    full_name: str
    first_name: str
    email: str
    role: str
    title: str
    timezone: str
    department: str | None = None
    family: str | None = None
    #: Multiplies every wait the person is responsible for (0.6 brisk … 2.0 slow).
    speed: float = 1.0
    #: Probability of writing with the candidate's facts rather than a template's generic text.
    personalization: float = 0.3
    #: Probability of sending an interview reminder the day before.
    reminders: float = 0.5
    #: Probability of a status update when a candidate has waited more than a week.
    keeps_in_touch: float = 0.3
    signature: str | None = None


@dataclass(slots=True)
class Job:
    """A requisition with everything the history needs to know about it."""

    id: int
    role: RoleType
    family: str
    title: str
    office: Office
    team: str
    recruiter: Staff
    hiring_manager: Staff
    panel: list[Staff]
    opened_at: datetime
    closed_at: datetime | None
    stage_flavor: int
    form_steps: int
    assessment: tuple[str, int] | None
    popularity: float
    acknowledgment_style: str
    sends_acknowledgment: bool

    @property
    def timezone(self) -> str:
        """The zone the job's team works in: its interviews are held in it."""
        return self.office.city.timezone


@dataclass(slots=True)
class Organisation:
    """Staff and jobs, with the jobs open in each week of the history, ready to pick from."""

    staff: list[Staff] = field(default_factory=list)
    recruiters: dict[str, list[Staff]] = field(default_factory=dict)
    coordinators: list[Staff] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    open_by_week: list[Weighted[Job]] = field(default_factory=list)
    open_by_week_and_role: list[dict[str, list[Job]]] = field(default_factory=list)

    def week_of(self, moment: datetime) -> int:
        """Index of ``moment``'s week in the history, clamped to the history."""
        index = (moment - WINDOW_START).days // 7
        return min(max(index, 0), len(self.open_by_week) - 1)

    def pick_open_job(self, dice: Dice, moment: datetime) -> Job:
        """A job open in ``moment``'s week, busier jobs more likely."""
        return self.open_by_week[self.week_of(moment)].pick(dice)

    def pick_similar_job(self, dice: Dice, role_key: str, moment: datetime) -> Job | None:
        """Another job of ``role_key`` open in ``moment``'s week, if there is one."""
        jobs = self.open_by_week_and_role[self.week_of(moment)].get(role_key)
        return dice.pick(jobs) if jobs else None


def _habit(dice: Dice, low: float, high: float) -> float:
    return round(dice.between(low, high), 3)


def build_organisation(
    dice: Dice, people: PeopleFactory, candidates: int, rows: Rows
) -> Organisation:
    """Create the staff and the requisitions for an organisation of ``candidates`` candidates."""
    org = Organisation()
    roles = {role.key: role for role in load_role_types()}
    job_count = max(24, candidates // 50)
    role_keys = list(roles)
    role_pick = Weighted([(key, ROLE_DEMAND[key][0]) for key in role_keys])
    job_roles = role_keys + [role_pick.pick(dice) for _ in range(job_count - len(role_keys))]
    family_jobs = {family: 0 for family in ("tech", "business", "clinical", "hourly")}
    department_jobs: dict[str, int] = {}
    for key in job_roles:
        family_jobs[FAMILY[key]] += 1
        department = roles[key].department
        department_jobs[department] = department_jobs.get(department, 0) + 1

    def hire(
        role: str,
        office: Office,
        department: str | None,
        family: str | None,
        manager: Staff | None = None,
    ) -> Staff:
        culture = people.pick_culture(office.city.country)
        person = people.make_person(culture, office.city)
        given, family_name = email_local_part(person.first_name), email_local_part(person.last_name)
        email = f"{given}.{family_name}@{COMPANY_DOMAIN}"
        number = 2
        while not people.claim_email(email):
            email = f"{given}.{family_name}{number}@{COMPANY_DOMAIN}"
            number += 1
        staff = Staff(
            id=0,
            full_name=person.full_name,
            first_name=person.first_name,
            email=email,
            role=role,
            title=staff_title(dice, role, department, family),
            timezone=office.city.timezone,
            department=department,
            family=family,
            speed=_habit(dice, 0.6, 2.0),
            personalization=_habit(dice, 0.05, 0.75),
            reminders=_habit(dice, 0.15, 0.95),
            keeps_in_touch=_habit(dice, 0.05, 0.7),
        )
        if role in ("recruiter", "coordinator", "ta_ops"):
            staff.signature = staff_signature(dice, staff, person.phone)
        bio = staff_bio(dice, staff, office, TEAMS.get(department or "", ("Operations",)))
        staff.id = rows.peek_id("users")
        rows.add(
            "users",
            {
                "source_system": "demo",
                "external_id": f"U{staff.id:05d}",
                "email": staff.email,
                "full_name": staff.full_name,
                "role": role,
                "title": staff.title,
                "bio": bio,
                "signature": staff.signature,
                "timezone": staff.timezone,
                "manager_id": manager.id if manager else None,
                "is_active": True,
                "password_hash": None,
                "created_at": WINDOW_START - timedelta(days=400),
                "updated_at": WINDOW_START - timedelta(days=400),
            },
        )
        rows.event(EventType.USER_CREATED, WINDOW_START - timedelta(days=400), SOURCE_ATS, actor_id=None,
                   payload={"user_id": staff.id, "role": role})  # fmt: skip
        org.staff.append(staff)
        return staff

    head_office = OFFICES[0]
    hire("admin", head_office, "People", None)
    ta_ops = hire("ta_ops", head_office, "People", None)
    hire("compliance", head_office, "People", None)
    recruiter_count = max(4, round(candidates / 400))
    families = Weighted([(family, max(count, 1)) for family, count in family_jobs.items()])
    recruiter_families = list(family_jobs) + [
        families.pick(dice) for _ in range(max(0, recruiter_count - len(family_jobs)))
    ]
    for family in recruiter_families[:recruiter_count]:
        office = dice.pick([office for office in OFFICES if family in office.families])
        org.recruiters.setdefault(family, []).append(
            hire("recruiter", office, "People", family, ta_ops)
        )
    for _ in range(max(1, recruiter_count // 5)):
        org.coordinators.append(hire("coordinator", dice.pick(OFFICES), "People", None, ta_ops))
    managers: dict[str, list[Staff]] = {}
    interviewers: dict[str, list[Staff]] = {}
    for department, count in sorted(department_jobs.items()):
        offices = [o for o in OFFICES if _department_family(department) in o.families]
        for _ in range(max(1, round(count / 4))):
            managers.setdefault(department, []).append(
                hire("hiring_manager", dice.pick(offices), department, None)
            )
        for _ in range(max(3, round(count * 1.5))):
            manager = dice.pick(managers[department])
            interviewers.setdefault(department, []).append(
                hire("interviewer", dice.pick(offices), department, None, manager)
            )

    for key in job_roles:
        _open_job(dice, org, roles[key], managers, interviewers, rows)
    _index_open_jobs(org)
    return org


def _department_family(department: str) -> str:
    return {"Clinical": "clinical", "Operations": "hourly"}.get(department, "tech")


def _open_job(
    dice: Dice,
    org: Organisation,
    role: RoleType,
    managers: dict[str, list[Staff]],
    interviewers: dict[str, list[Staff]],
    rows: Rows,
) -> None:
    family = FAMILY[role.key]
    office = dice.pick([office for office in OFFICES if family in office.families])
    recruiter = dice.pick(org.recruiters[family])
    evergreen = (family in ("clinical", "hourly") and dice.chance(0.5)) or dice.chance(0.15)
    opened_at = WINDOW_START + days(dice.between(-120, 250 if not evergreen else -30))
    closed_at: datetime | None = None
    if not evergreen:
        closing = opened_at + days(dice.lognormal(80, 0.4))
        closed_at = closing if closing < REFERENCE_NOW - 2 * DAY else None
    title = dice.pick(role.titles)
    team = dice.pick(TEAMS[role.department])
    assessment = dice.pick(ASSESSMENTS[role.key]) if role.key in ASSESSMENTS else None
    required = dice.subset(role.core_skills, dice.integer(3, 6)) if dice.chance(0.65) else []
    job = Job(
        id=0,
        role=role,
        family=family,
        title=title,
        office=office,
        team=team,
        recruiter=recruiter,
        hiring_manager=dice.pick(managers[role.department]),
        panel=dice.subset(interviewers[role.department], dice.integer(2, 4)),
        opened_at=opened_at,
        closed_at=closed_at,
        stage_flavor=dice.integer(0, 2),
        form_steps=dice.integer(3, 6) if family == "hourly" else dice.integer(4, 14),
        assessment=assessment,
        popularity=ROLE_DEMAND[role.key][1] * dice.lognormal(1.0, 0.5),
        acknowledgment_style=Weighted([("generic", 45), ("first_name", 45), ("personal", 10)]).pick(
            dice
        ),
        sends_acknowledgment=dice.chance(0.92),
    )
    role_type = role.key if dice.chance(JOB_ROLE_TYPE_RECORDED_RATE) else None
    recruiter_id: int | None = recruiter.id
    missing_recruiter = dice.chance(JOB_MISSING_RECRUITER_RATE)
    if missing_recruiter:
        recruiter_id = None
    job.id = rows.peek_id("jobs")
    rows.add(
        "jobs",
        {
            "source_system": "demo",
            "external_id": f"REQ-{1000 + job.id}",
            "title": title,
            "role_type": role_type,
            "department": role.department,
            "location": office.label,
            "required_skills": required,
            "hiring_manager_id": job.hiring_manager.id,
            "recruiter_id": recruiter_id,
            "status": "closed" if closed_at else "open",
            "opened_at": opened_at,
            "closed_at": closed_at,
            "created_at": opened_at,
            "updated_at": closed_at or opened_at,
        },
    )
    if role_type is None:
        rows.truth("title_variant", "job", job.id, "role_type", title, role.key)
    if missing_recruiter:
        rows.truth("missing_recruiter", "job", job.id, "recruiter_id", None, str(recruiter.id))
    rows.event(
        EventType.JOB_CREATED, opened_at, SOURCE_ATS, job_id=job.id, actor_id=recruiter_id,
        payload={"title": title, "location": office.label, "timezone": office.city.timezone,
                 "department": role.department, "team": team,
                 "country": COUNTRIES[office.city.country].name},
    )  # fmt: skip
    if closed_at:
        rows.event(EventType.JOB_UPDATED, closed_at, SOURCE_ATS, job_id=job.id, actor_id=recruiter_id,
                   payload={"status": "closed"})  # fmt: skip
    org.jobs.append(job)


def _index_open_jobs(org: Organisation) -> None:
    weeks = (REFERENCE_NOW - WINDOW_START).days // 7 + 1
    for week in range(weeks):
        start = WINDOW_START + timedelta(days=7 * week)
        end = start + timedelta(days=7)
        open_jobs = [
            job for job in org.jobs
            if job.opened_at < end and (job.closed_at is None or job.closed_at > start)
        ]  # fmt: skip
        if not open_jobs:  # a tiny organisation between requisitions: the nearest one stays open
            open_jobs = [min(org.jobs, key=lambda job: abs((job.opened_at - start).days))]
        org.open_by_week.append(Weighted([(job, job.popularity) for job in open_jobs]))
        by_role: dict[str, list[Job]] = {}
        for job in open_jobs:
            by_role.setdefault(job.role.key, []).append(job)
        org.open_by_week_and_role.append(by_role)
