"""The ways the sample organisation's data is messy, at documented rates, with the truth recorded.

Every rate below is a named constant and appears in docs/demo.md; tests measure the generated store
against them. Each injected defect writes one ``demo_truth`` row (the value shown and the value
that was true), and a field carries at most one defect, so ``shown_value`` is always what the
store holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Final

from candidly.demo.dice import Dice
from candidly.demo.rows import Row, Rows

# --- rates --------------------------------------------------------------------------------------

#: Share of candidates whose field holds a placeholder instead of the real value.
PLACEHOLDER_RATES: Final = {
    "first_name": 0.012,
    "last_name": 0.02,
    "email": 0.03,
    "phone": 0.05,
    "city": 0.06,
}
#: Share of candidates whose name is in the wrong case ("JOHN SMITH", "mcdonald", "Van Der Berg").
CAPITALIZATION_RATE: Final = 0.07
#: Share of candidates of family-name-first cultures (Chinese, Japanese, Korean, Vietnamese)
#: whose family name sits in first_name and given name in last_name.
NAME_ORDER_SWAPPED_RATE: Final = 0.15
#: Share of candidates with a résumé whose skills list is empty: the skills are only in the text.
SKILLS_ONLY_IN_RESUME_RATE: Final = 0.6
#: Share of candidates with skill tags where at least one tag is a synonym ("k8s", "Postgres").
SKILL_VARIANT_RATE: Final = 0.35
#: Share of candidates with no source channel at all.
MISSING_SOURCE_CHANNEL_RATE: Final = 0.12
#: Share of candidates with a source channel where it is written as a variant ("LI", "Referred").
SOURCE_CHANNEL_VARIANT_RATE: Final = 0.4
#: Share of candidates with no recruiter owner.
MISSING_OWNER_RATE: Final = 0.08
#: Share of candidate rows that are the same person again (a duplicate of an earlier row).
DUPLICATE_RATE: Final = 0.04
#: Share of duplicates that have applications of their own.
DUPLICATE_WITH_APPLICATIONS_RATE: Final = 0.6
#: Share of jobs whose role type is filled in; the rest only have a free-text title.
JOB_ROLE_TYPE_RECORDED_RATE: Final = 0.2
#: Share of jobs with no recruiter.
JOB_MISSING_RECRUITER_RATE: Final = 0.06
#: Share of applications whose stage is only the organisation's own label (stage NULL).
UNMAPPED_STAGE_RATE: Final = 0.25
#: Share of templated messages where a merge field was sent unrendered ("Hi {{first_name}},").
UNRENDERED_MERGE_FIELD_RATE: Final = 0.004

# --- values -------------------------------------------------------------------------------------

#: What people type when they do not know, or do not want to say.
PLACEHOLDERS: Final = {
    "first_name": ("N/A", "test", "-", "unknown", "none", "TBD", "?", "x"),
    "last_name": ("N/A", "test", "-", "unknown", "none", "TBD", ".", "xxx"),
    "email": ("N/A", "none", "-", "noemail@example.com", "test@test.invalid", "unknown", "TBD"),
    "phone": ("N/A", "000-000-0000", "-", "none", "1234567890", "TBD", "0", "unknown"),
    "city": ("N/A", "unknown", "-", "TBD", "none", "test"),
}

#: Every placeholder value, lower-cased, for checks that a value is one.
PLACEHOLDER_VALUES: Final = frozenset(
    value.lower() for values in PLACEHOLDERS.values() for value in values
)


def naive_title_case(name: str) -> str:
    """Capitalise each word and lower the rest, the way a careless import does ("O'neil")."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in name.split(" "))


def miscapitalize(dice: Dice, name: str) -> str:
    """``name`` in a wrong case: all capitals, all lower case, or naively title-cased."""
    style = dice.integer(0, 2)
    if style == 2:
        wrong = naive_title_case(name)
        if wrong != name:
            return wrong
        style = dice.integer(0, 1)
    return name.upper() if style == 0 else name.lower()


def apply_person_defects(dice: Dice, row: Row, family_name_first: bool, rows: Rows) -> None:
    """Inject placeholder, swapped-order and capitalisation defects into a candidate row.

    At most one defect per field: placeholders first, then (for family-name-first cultures) the
    swapped name order, then the wrong case on name fields left untouched.
    """
    candidate_id = row["id"]
    touched: set[str] = set()
    for field, rate in PLACEHOLDER_RATES.items():
        if row[field] and dice.chance(rate):
            shown = dice.pick(PLACEHOLDERS[field])
            rows.truth("placeholder", "candidate", candidate_id, field, shown, row[field])
            row[field] = shown
            touched.add(field)
    names = ("first_name", "last_name")
    if (
        family_name_first
        and not touched.intersection(names)
        and dice.chance(NAME_ORDER_SWAPPED_RATE)
    ):
        first, last = row["first_name"], row["last_name"]
        rows.truth("name_order_swapped", "candidate", candidate_id, "first_name", last, first)
        rows.truth("name_order_swapped", "candidate", candidate_id, "last_name", first, last)
        row["first_name"], row["last_name"] = last, first
        touched.update(names)
    if dice.chance(CAPITALIZATION_RATE):
        fields = [field for field in names if field not in touched]
        if len(fields) == 2 and dice.chance(0.4):
            fields = [dice.pick(fields)]
        shared_style = dice.integer(0, 2)
        for field in fields:
            true_name = row[field]
            if shared_style < 2:
                shown = true_name.upper() if shared_style == 0 else true_name.lower()
            else:
                shown = miscapitalize(dice, true_name)
            if shown != true_name:
                rows.truth("capitalization", "candidate", candidate_id, field, shown, true_name)
                row[field] = shown


def skills_shown(
    dice: Dice,
    candidate_id: int,
    true_skills: Sequence[str],
    has_resume: bool,
    synonyms: dict[str, tuple[str, ...]],
    rows: Rows,
) -> list[str]:
    """The skills list as the ATS holds it: empty (skills only in the résumé), or tags, some of
    them synonyms; records the truth of either defect."""
    canonical = list(true_skills)
    if has_resume and dice.chance(SKILLS_ONLY_IN_RESUME_RATE):
        rows.truth(
            "skills_only_in_resume", "candidate", candidate_id, "skills", "[]",
            json.dumps(canonical, ensure_ascii=False),
        )  # fmt: skip
        return []
    tags = list(canonical)
    if dice.chance(SKILL_VARIANT_RATE):
        replaceable = [index for index, name in enumerate(tags) if synonyms.get(name)]
        for index in dice.subset(replaceable, dice.integer(1, 2)):
            tags[index] = dice.pick(synonyms[tags[index]])
        if tags != canonical:
            rows.truth(
                "skill_variant", "candidate", candidate_id, "skills",
                json.dumps(tags, ensure_ascii=False), json.dumps(canonical, ensure_ascii=False),
            )  # fmt: skip
    return tags


def source_channel_shown(
    dice: Dice,
    candidate_id: int,
    channel_key: str,
    display_name: str,
    variants: Sequence[str],
    rows: Rows,
) -> str | None:
    """The source channel as recorded: missing, a messy variant, or its display name."""
    if dice.chance(MISSING_SOURCE_CHANNEL_RATE):
        rows.truth(
            "missing_source_channel", "candidate", candidate_id, "source_channel", None, channel_key
        )
        return None
    if variants and dice.chance(SOURCE_CHANNEL_VARIANT_RATE):
        shown = dice.pick(variants)
        rows.truth(
            "source_channel_variant",
            "candidate",
            candidate_id,
            "source_channel",
            shown,
            channel_key,
        )
        return shown
    return display_name


def owner_shown(dice: Dice, candidate_id: int, owner_id: int, rows: Rows) -> int | None:
    """The candidate's recruiter owner, or none at ``MISSING_OWNER_RATE``."""
    if dice.chance(MISSING_OWNER_RATE):
        rows.truth("missing_owner", "candidate", candidate_id, "owner_id", None, str(owner_id))
        return None
    return owner_id
