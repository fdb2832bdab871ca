"""A version as a person writes it in YAML: parsing and checking, every problem at its line.

The same shape is used by ``candidly library new``/``edit`` files, the shipped default library
and each version in an exported entry file. Fields left out get the touchpoint's defaults
(word limit and forbidden categories by its kind, tier from the journey).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from candidly.compose.fields import CONTEXT_FIELDS, EVALUATIVE_FIELDS
from candidly.compose.render import TemplateRenderError, TemplateSource, check_template
from candidly.journey import Journey, Problem, Touchpoint
from candidly.library.models import ANY_ROLE
from candidly.library.rules import (
    GUARD_CATEGORIES,
    LibraryError,
    default_forbidden_categories,
    default_word_limit,
)
from candidly.review.tiers import Tier, strictest_tier
from candidly.taxonomy.vocab import load_role_types
from candidly.yamldoc import Path, YamlDocument

_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


class LibraryFileError(LibraryError):
    """A library file (or a version spec) has problems; ``problems`` lists each with its line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VariantSpec(_Strict):
    """A named alternative subject and body for an experiment; the subject defaults to the main one."""

    name: Annotated[str, Field(min_length=1, max_length=40)]
    subject: str | None = None
    body: Annotated[str, Field(min_length=1)]

    @field_validator("name")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError("use lowercase letters, digits and underscores, e.g. shorter_subject")
        return value


class VersionSpec(_Strict):
    """The content of one version as written in YAML."""

    purpose: Annotated[str, Field(min_length=1)]
    tone: Annotated[str, Field(min_length=1, max_length=200)] = "warm, plain and brief"
    required_fields: tuple[str, ...] = ()
    optional_fields: tuple[str, ...] = ()
    word_limit: Annotated[int, Field(ge=10, le=2000)] | None = None
    forbidden_categories: tuple[str, ...] | None = None
    tier: Tier | None = None
    subject: Annotated[str, Field(min_length=1)]
    body: Annotated[str, Field(min_length=1)]
    allow_llm: bool = False
    llm_prompt: str | None = None
    variants: tuple[VariantSpec, ...] = ()


#: Keys an entry-level spec file may carry besides the version's content.
ENTRY_KEYS = ("touchpoint", "role_type")


def where(path: Path) -> str:
    """A path in a YAML file as people read it: ``versions[2].body``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _plain(message: str) -> str:
    return message.replace("Value error, ", "").replace(
        "Extra inputs are not permitted", "unknown field"
    )


def role_type_problem(role_type: str) -> str | None:
    """Why ``role_type`` is not a role type of the taxonomy (or ``any``), or None when it is."""
    keys = [r.key for r in load_role_types()]
    if role_type == ANY_ROLE or role_type in keys:
        return None
    return f"unknown role type {role_type!r}: use {ANY_ROLE} or one of {', '.join(keys)}"


def find_touchpoint(journey: Journey, touchpoint: str) -> Touchpoint:
    """The journey's touchpoint ``touchpoint``; a ``LibraryError`` naming the known ones if absent."""
    try:
        return journey.touchpoint(touchpoint)
    except KeyError:
        known = ", ".join(t.id for t in journey.touchpoints)
        raise LibraryError(
            f"the journey has no touchpoint {touchpoint!r}: use one of {known}"
        ) from None


def tier_floor(touchpoint: Touchpoint, fields: tuple[str, ...]) -> tuple[Tier, str]:
    """The weakest tier a version may have: its touchpoint's, or individual if it uses evaluative facts."""
    evaluative = sorted(set(fields) & EVALUATIVE_FIELDS)
    floor = touchpoint.tier
    reason = f"touchpoint {touchpoint.id} is {touchpoint.tier.value} in the journey"
    if evaluative and floor.rank < Tier.INDIVIDUAL.rank:
        floor = Tier.INDIVIDUAL
        reason = f"it uses evaluation or compensation facts ({', '.join(evaluative)})"
    return floor, reason


def resolve_content(
    data: Any, document: YamlDocument, base: Path, touchpoint: Touchpoint
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Validate one version's content at ``base`` in ``document``; return it with defaults filled.

    The result has every key of ``models.CONTENT_FIELDS`` with plain JSON-able values.
    """

    def problem(path: Path, message: str) -> Problem:
        full = (*base, *path)
        return Problem(document.source, document.line_of(full), where(full), message)

    if not isinstance(data, dict):
        return None, [problem((), "a version is a mapping with purpose, subject and body")]
    content_data = {k: v for k, v in data.items() if k not in ENTRY_KEYS}
    try:
        spec = VersionSpec.model_validate(content_data)
    except ValidationError as exc:
        return None, [problem(tuple(e["loc"]), _plain(e["msg"])) for e in exc.errors()]

    problems: list[Problem] = []
    known = ", ".join(sorted(CONTEXT_FIELDS))
    seen: set[str] = set()
    for key in ("required_fields", "optional_fields"):
        for i, name in enumerate(getattr(spec, key)):
            if name not in CONTEXT_FIELDS:
                problems.append(
                    problem((key, i), f"unknown candidate field {name!r}: use one of {known}")
                )
            elif name in seen:
                problems.append(problem((key, i), f"{name!r} is listed twice; keep it once"))
            seen.add(name)
    forbidden = (
        spec.forbidden_categories
        if spec.forbidden_categories is not None
        else default_forbidden_categories(touchpoint.category)
    )
    for i, category in enumerate(forbidden):
        if category not in GUARD_CATEGORIES:
            problems.append(
                problem(
                    ("forbidden_categories", i),
                    f"unknown guard category {category!r}: use one of {', '.join(GUARD_CATEGORIES)}",
                )
            )
    fields = spec.required_fields + spec.optional_fields
    floor, reason = tier_floor(touchpoint, fields)
    tier = spec.tier or floor
    if tier.rank < floor.rank:
        problems.append(
            problem(
                ("tier",),
                f"tier {tier.value} is weaker than allowed: {reason}; use {floor.value} or stricter",
            )
        )
    if spec.allow_llm and not (spec.llm_prompt or "").strip():
        problems.append(problem(("allow_llm",), "allow_llm needs an llm_prompt to draft with"))
    if (spec.llm_prompt or "").strip() and not spec.allow_llm:
        problems.append(
            problem(
                ("llm_prompt",),
                "an llm_prompt is only used with allow_llm: true; set it or remove the prompt",
            )
        )
    names = [v.name for v in spec.variants]
    for i, name in enumerate(names):
        if name in names[:i]:
            problems.append(problem(("variants", i, "name"), f"variant {name!r} is named twice"))
    if problems:
        return None, problems
    content = {
        "purpose": spec.purpose.strip(),
        "tone": spec.tone.strip(),
        "required_fields": list(spec.required_fields),
        "optional_fields": list(spec.optional_fields),
        "word_limit": spec.word_limit or default_word_limit(touchpoint.category),
        "forbidden_categories": [c for c in GUARD_CATEGORIES if c in forbidden],
        "tier": strictest_tier(tier).value,
        "subject": spec.subject.strip(),
        "body": spec.body,
        "allow_llm": spec.allow_llm,
        "llm_prompt": spec.llm_prompt if spec.allow_llm else None,
        "variants": [
            {"name": v.name, "subject": (v.subject or spec.subject).strip(), "body": v.body}
            for v in spec.variants
        ],
    }
    return content, []


def template_warnings(content: dict[str, Any]) -> list[str]:
    """What the test gate will refuse in this content's templates, said early (syntax, fields)."""
    warnings = []
    bodies = [("", content["subject"], content["body"])] + [
        (f"variant {v['name']}: ", v["subject"], v["body"]) for v in content["variants"]
    ]
    for prefix, subject, body in bodies:
        source = TemplateSource(
            subject, body, tuple(content["required_fields"]), tuple(content["optional_fields"])
        )
        try:
            check_template(source)
        except TemplateRenderError as exc:
            warnings.append(prefix + str(exc))
    return warnings
