"""Résumé text that mentions a candidate's real skills in natural sentences.

Every true skill is named in the text, by its canonical name or, a third of the time, by one of
its synonyms ("k8s", "Postgres"): recovering skills from résumés is part of the cleaning work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from candidly.demo.dice import Dice
from candidly.demo.people import Person

COMPANIES: Final = {
    "tech": ("Quantix Labs", "Bluefin Analytics", "Larkspur Software", "Helio Payments",
             "Tidewater Systems", "Corvid Cloud", "Brightline Health Tech", "Meridian Data",
             "Foxglove Apps", "Ironbark Security", "Kestrel Mobility", "Pebblestone AI"),
    "business": ("Summit Partners Group", "Oakridge Supply", "Keystone Insurance",
                 "Willowmere Media", "Cobalt Commerce", "Pinecrest Consulting", "Redwood Retail Co.",
                 "Granite Bay Bank", "Lumenfield SaaS", "Copperleaf Software"),
    "clinical": ("St. Brigid's Hospital", "Mercy Valley Medical Center", "Lakeside Community Hospital",
                 "Riverbend Health", "Crescent Children's Hospital", "Northgate Clinic",
                 "Good Samaritan Regional"),
    "hourly": ("Swiftship Logistics", "Parcelpoint", "Midwest Distribution Co.", "Greenfield Foods DC",
               "BoxLine Fulfilment", "Crossdock Partners", "Valley Grocers Warehouse", "QuickCart"),
}  # fmt: skip

_CONTEXTS: Final = {
    "tech": ("a patient-facing web app", "an internal data platform",
             "a payments system processing $40M a year", "a B2B SaaS product with 900 customers",
             "a team of six engineers", "a logistics routing service"),
    "business": ("a book of 60 mid-market accounts", "a territory across the Midwest",
                 "a team of eight SDRs", "a portfolio of enterprise customers",
                 "a fast-growing EMEA region", "a month-end close for three entities"),
    "clinical": ("a 28-bed med-surg unit", "a level II trauma center's emergency department",
                 "an outpatient clinic seeing 60 patients a day", "a 12-bed ICU",
                 "a pediatric ward", "a telemetry step-down unit"),
    "hourly": ("a 1M sq ft fulfilment centre", "night shift on the outbound dock",
               "a cold-chain pharmacy warehouse", "a cross-dock handling 40 trailers a day",
               "peak season at a parcel hub"),
}  # fmt: skip
_OUTCOMES: Final = {
    "tech": ("cutting p95 latency by 40%", "reducing cloud costs by a quarter",
             "taking deploys from weekly to daily", "halving the on-call pages"),
    "business": ("growing net revenue 30% year over year", "beating quota four quarters running",
                 "lifting renewal rates to 94%", "shortening the close by two days"),
    "clinical": ("improving patient satisfaction scores", "cutting medication errors on the unit",
                 "reducing falls by a third", "shortening ED wait times"),
    "hourly": ("keeping pick accuracy above 99.8%", "hitting 140 units an hour at peak",
               "zero recordable safety incidents in two years", "cutting dock-to-stock time"),
}  # fmt: skip
_PAIR_SENTENCES: Final = (
    "Worked hands-on with {a} and {b} on {context}, {outcome}.",
    "Applied {a} and {b} every day in {context}.",
    "Used {a} alongside {b} for {context}, {outcome}.",
)
_ONE_SENTENCES: Final = (
    "Led work relying on {a} for {context}, {outcome}.",
    "Trained three new colleagues in {a}.",
    "Known on the team as the go-to person for {a}.",
    "Brought {a} to {context}.",
)
_DEGREES: Final = {
    "tech": ("BSc Computer Science", "MSc Data Science", "BEng Software Engineering",
             "BSc Mathematics", "MSc Statistics"),
    "business": ("BA Economics", "BBA Marketing", "BA Communications", "BSc Accounting and Finance"),
    "clinical": ("BSN Nursing", "ADN Nursing", "BSc Nursing"),
    "hourly": ("High school diploma", "Forklift operator certification", "GED"),
}  # fmt: skip
_SCHOOLS: Final = {
    "US": ("University of Michigan", "Georgia Tech", "UC Davis", "Ohio State University",
           "Community College of Philadelphia", "University of Texas at Austin"),
    "CA": ("University of Toronto", "University of British Columbia"),
    "MX": ("UNAM", "Tecnológico de Monterrey"),
    "BR": ("Universidade de São Paulo", "Unicamp"),
    "GB": ("University of Manchester", "University of Bristol"),
    "IE": ("Trinity College Dublin", "University College Cork"),
    "DE": ("TU München", "Universität Leipzig"),
    "NL": ("TU Delft", "Universiteit van Amsterdam"),
    "PL": ("Politechnika Warszawska", "Uniwersytet Jagielloński"),
    "ES": ("Universidad Complutense de Madrid",),
    "IN": ("IIT Madras", "Anna University", "VIT Vellore", "University of Pune"),
    "SG": ("National University of Singapore",),
    "VN": ("Hanoi University of Science and Technology",),
    "CN": ("Zhejiang University", "Fudan University"),
    "NG": ("University of Lagos", "Obafemi Awolowo University"),
    "JP": ("Osaka University",),
    "AE": ("American University of Sharjah",),
}  # fmt: skip


def write_resume(
    dice: Dice,
    person: Person,
    family: str,
    titles: Sequence[str],
    skills: Sequence[str],
    synonyms: dict[str, tuple[str, ...]],
    current_company: str | None,
) -> str:
    """A résumé for ``person`` that names every one of ``skills``."""
    spelled = [
        dice.pick(synonyms[name]) if synonyms.get(name) and dice.chance(0.3) else name
        for name in skills
    ]
    contexts, outcomes = _CONTEXTS[family], _OUTCOMES[family]
    years = dice.integer(1, 16)
    lines = [
        person.full_name,
        f"{person.city.name}, {person.country.name} · {person.email} · {person.phone}",
        "",
        f"{dice.pick(titles)} with {years} year{'s' if years > 1 else ''} of experience, "
        f"most recently in {dice.pick(contexts)}.",
        "",
        "Experience",
    ]
    sentences = []
    pending = list(spelled)
    while pending:
        if len(pending) >= 2 and dice.chance(0.6):
            a, b = pending.pop(0), pending.pop(0)
            template = dice.pick(_PAIR_SENTENCES)
        else:
            a, b = pending.pop(0), ""
            template = dice.pick(_ONE_SENTENCES)
        sentences.append(
            template.format(a=a, b=b, context=dice.pick(contexts), outcome=dice.pick(outcomes))
        )
    employers = [current_company or dice.pick(COMPANIES[family]), dice.pick(COMPANIES[family])]
    split = max(1, len(sentences) // 2 + 1)
    start = 2026 - dice.integer(1, 5)
    lines.append(f"{dice.pick(titles)}, {employers[0]} ({start}–present)")
    lines.extend(f"- {sentence}" for sentence in sentences[:split])
    if sentences[split:]:
        lines.append(f"{dice.pick(titles)}, {employers[1]} ({start - dice.integer(2, 6)}–{start})")
        lines.extend(f"- {sentence}" for sentence in sentences[split:])
    schools = _SCHOOLS.get(person.city.country, _SCHOOLS["US"])
    degree = dice.pick(_DEGREES[family])
    lines += ["", "Education", degree if family == "hourly" else f"{degree}, {dice.pick(schools)}"]
    return "\n".join(lines)
