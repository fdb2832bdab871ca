"""Staff titles, e-mail signatures and the public bios a pre-interview guide can quote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from candidly.demo.dice import Dice
from candidly.demo.people import COMPANY_NAME
from candidly.demo.places import Office

if TYPE_CHECKING:
    from candidly.demo.org import Staff

#: Share of hiring managers and interviewers without a public bio: a guide must cope without.
MISSING_BIO_RATE: Final = 0.1

_RECRUITER_TITLES: Final = {
    "tech": ("Technical Recruiter", "Senior Technical Recruiter", "Lead Technical Recruiter"),
    "business": ("Recruiter", "Senior Recruiter", "Talent Acquisition Partner"),
    "clinical": ("Healthcare Recruiter", "Senior Clinical Recruiter", "Nurse Recruiter"),
    "hourly": ("High Volume Recruiter", "Recruiter, Operations", "Senior Recruiter, Fulfilment"),
}
_MANAGER_TITLES: Final = {
    "Engineering": ("Engineering Manager", "Director of Engineering", "Senior Engineering Manager"),
    "Data": ("Data Engineering Manager", "Head of Data Science", "Analytics Manager"),
    "Product": ("Director of Product", "Group Product Manager"),
    "Design": ("Design Manager", "Head of Design"),
    "Sales": ("Sales Director", "Head of Sales Development", "Regional Sales Director"),
    "Customer Success": ("Director of Customer Success", "Customer Success Lead"),
    "Marketing": ("Head of Growth Marketing", "Marketing Director"),
    "People": ("Head of Talent Acquisition", "People Partner"),
    "Finance": ("Controller", "Accounting Manager", "Director of Finance"),
    "Clinical": ("Nurse Manager", "Director of Nursing", "Clinical Operations Manager"),
    "Operations": ("Operations Manager", "General Manager", "Area Manager"),
}
_INTERVIEWER_TITLES: Final = {
    "Engineering": ("Senior Software Engineer", "Staff Software Engineer", "Site Reliability Engineer",
                    "Software Engineer II", "Principal Engineer"),
    "Data": ("Senior Data Engineer", "Staff Data Scientist", "Data Scientist", "Analytics Engineer"),
    "Product": ("Senior Product Manager", "Product Manager", "Principal Product Manager"),
    "Design": ("Senior Product Designer", "Staff Designer", "UX Researcher"),
    "Sales": ("Senior Account Executive", "Sales Engineer", "SDR Team Lead"),
    "Customer Success": ("Senior Customer Success Manager", "Technical Account Manager"),
    "Marketing": ("Product Marketing Manager", "Senior Content Strategist", "Marketing Ops Manager"),
    "People": ("Senior Recruiter", "People Operations Partner"),
    "Finance": ("Senior Accountant", "Revenue Accountant", "FP&A Analyst"),
    "Clinical": ("Charge Nurse", "Clinical Nurse Educator", "Senior Staff Nurse"),
    "Operations": ("Shift Lead", "Safety Coordinator", "Inventory Control Lead"),
}  # fmt: skip
_FIXED_TITLES: Final = {
    "admin": "People Systems Administrator",
    "ta_ops": "Talent Acquisition Operations Lead",
    "compliance": "Compliance Reviewer, People & Legal",
    "coordinator": "Recruiting Coordinator",
}

_WORK: Final = {
    "Engineering": ("the services behind appointment booking", "the payments stack",
                    "the patient mobile app", "internal developer tooling", "the pharmacy order pipeline"),
    "Data": ("the data platform", "forecasting models for clinic demand",
             "the analytics the clinics run on", "experimentation tooling"),
    "Product": ("the booking experience", "tools for clinicians", "the growth roadmap"),
    "Design": ("the design system", "the patient app's booking flow", "research with clinicians"),
    "Sales": ("partnerships with health systems", "mid-market sales", "the outbound team"),
    "Customer Success": ("onboarding new clinics", "our largest accounts"),
    "Marketing": ("demand generation", "the brand", "lifecycle e-mail"),
    "People": ("hiring across the company", "recruiting operations"),
    "Finance": ("the month-end close", "revenue accounting", "planning and budgets"),
    "Clinical": ("patient care on the unit", "training new graduate nurses", "care quality"),
    "Operations": ("the inbound dock", "night-shift operations", "safety on the floor",
                   "inventory accuracy"),
}  # fmt: skip
_BEFORE: Final = (
    "a regional hospital network",
    "a logistics start-up",
    "a large bank",
    "a consultancy",
    "a public health agency",
    "an e-commerce company",
    "a university research lab",
    "a SaaS scale-up",
    "a national retailer",
    "a pharmacy chain",
)
_INTERVIEW_STYLE: Final = (
    "likes interviews to feel like working on a real problem together",
    "will ask you to walk through something you built and the trade-offs you made",
    "keeps interviews conversational and leaves time for your questions",
    "cares most about how you reason when you are unsure",
    "will share how the team works day to day and what a first month looks like",
)
_OUTSIDE: Final = (
    "trail running",
    "sourdough",
    "learning Portuguese",
    "coaching youth football",
    "board games",
    "birdwatching",
    "cycling to work all year",
    "restoring old bikes",
    "choir",
    "rock climbing",
    "gardening",
    "photography",
)
_YEARS_WORDS: Final = (
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twelve",
    "fifteen",
)


def staff_title(dice: Dice, role: str, department: str | None, family: str | None) -> str:
    """A job title for a member of staff in ``role``."""
    if role in _FIXED_TITLES:
        return _FIXED_TITLES[role]
    if role == "recruiter":
        return dice.pick(_RECRUITER_TITLES[family or "business"])
    if role == "hiring_manager":
        return dice.pick(_MANAGER_TITLES[department or "People"])
    return dice.pick(_INTERVIEWER_TITLES[department or "People"])


def staff_signature(dice: Dice, staff: Staff, phone: str) -> str:
    """The e-mail signature a recruiter or coordinator closes messages with."""
    lines = [staff.full_name, f"{staff.title} · {COMPANY_NAME}", staff.email]
    if dice.chance(0.6):
        lines[-1] += f" · {phone}"
    if dice.chance(0.3):
        lines.append(f"Book time with me: https://calendar.example/{staff.email.split('@')[0]}")
    return "\n".join(lines)


def staff_bio(dice: Dice, staff: Staff, office: Office, teams: tuple[str, ...]) -> str | None:
    """A public background a candidate may read before meeting ``staff``, or None.

    Bios name facts (team, work, background, interview style), never pronouns: nobody has to
    guess how a colleague would like to be referred to.
    """
    if staff.role in ("admin", "compliance", "ta_ops", "coordinator"):
        return None
    if staff.role in ("hiring_manager", "interviewer") and dice.chance(MISSING_BIO_RATE):
        return None
    name = staff.first_name
    department = staff.department or "People"
    city = office.city.name if not office.remote else "a home office"
    years = dice.pick(_YEARS_WORDS)
    if staff.role == "recruiter":
        return (
            f"{name} recruits for {COMPANY_NAME}'s {_family_words(staff.family)} roles from "
            f"{city}, after {years} years in recruiting at {dice.pick(_BEFORE)}. "
            f"{name} will be your first point of contact and answers questions about pay, "
            "process and timing at any point."
        )
    team = dice.pick(teams)
    work = dice.pick(_WORK[department])
    joined = dice.integer(2016, 2025)
    if staff.role == "hiring_manager":
        opening = f"{name} leads the {team} team in {city} and is responsible for {work}."
    else:
        opening = f"{name} works on the {team} team in {city}, mostly on {work}."
    return (
        f"{opening} Before joining {COMPANY_NAME} in {joined}, {name} spent {years} years at "
        f"{dice.pick(_BEFORE)}. In interviews {name} {dice.pick(_INTERVIEW_STYLE)}. "
        f"Outside work: {dice.pick(_OUTSIDE)}."
    )


def _family_words(family: str | None) -> str:
    return {
        "tech": "engineering, data and product",
        "business": "sales, customer success and business",
        "clinical": "nursing",
        "hourly": "fulfilment centre",
    }.get(family or "", "")
