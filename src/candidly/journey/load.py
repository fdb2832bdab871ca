"""Reading and validating journey files, with every problem reported at its line."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from candidly.compose.fields import CONTEXT_FIELDS
from candidly.journey.model import CHANNELS, OWNERS, Journey
from candidly.journey.policy import policy_problems
from candidly.store.events import EventType
from candidly.taxonomy.stages import STAGES
from candidly.yamldoc import YamlDocument, YamlFileError, read_yaml

KNOWN_EVENTS = frozenset(
    value for name, value in vars(EventType).items() if name.isupper() and isinstance(value, str)
)

DEFAULT_JOURNEY = "default_journey.yaml"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a journey file, and where."""

    source: str
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        place = f"{self.source}:{self.line}" if self.line else self.source
        return (
            f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        )


class JourneyError(Exception):
    """A journey file has problems; ``problems`` lists each with its line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _where(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def validate_journey_text(text: str, source: str) -> tuple[Journey | None, list[Problem]]:
    """Parse and check a journey; return it (when its structure is sound) and every problem."""
    try:
        document = read_yaml(text, source)
    except YamlFileError as exc:
        return None, [Problem(source, None, "", str(exc).removeprefix(f"{source}: "))]
    if not isinstance(document.data, dict):
        return None, [
            Problem(source, 1, "", "a journey file is a mapping with `name` and `touchpoints`")
        ]
    try:
        journey = Journey.model_validate(document.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            path = tuple(error["loc"])
            problems.append(
                Problem(source, document.line_of(path), _where(path), _plain(error["msg"]))
            )
        return None, problems
    return journey, _semantic_problems(journey, document)


def _plain(message: str) -> str:
    return message.replace("Value error, ", "").replace(
        "Extra inputs are not permitted", "unknown field"
    )


def _semantic_problems(journey: Journey, doc: YamlDocument) -> list[Problem]:
    problems: list[Problem] = []

    def report(path: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(doc.source, doc.line_of(path), _where(path), message))

    stage_names = ", ".join(STAGES)
    for label, stage in journey.stages.items():
        if stage not in STAGES:
            report(("stages", label), f"{stage!r} is not a canonical stage ({stage_names})")

    for label in journey.next_steps:
        if label not in STAGES:
            report(("next_steps", label), f"{label!r} is not a canonical stage ({stage_names})")

    def check_stage(path: tuple[str | int, ...], label: str | None) -> None:
        if label and journey.canonical_stage(label) is None:
            report(
                path, f"unknown stage {label!r}: use one of {stage_names}, or map it under `stages`"
            )

    seen: dict[str, int] = {}
    for i, tp in enumerate(journey.touchpoints):
        base: tuple[str | int, ...] = ("touchpoints", i)
        if tp.id in seen:
            report(
                (*base, "id"),
                f"touchpoint id {tp.id!r} is used twice (first in touchpoint {seen[tp.id] + 1})",
            )
        seen.setdefault(tp.id, i)
        check_stage((*base, "stage"), tp.stage)
        if tp.owner is None:
            report(
                base, f"touchpoint {tp.id!r} has no owner: name who sends it ({', '.join(OWNERS)})"
            )
        elif tp.owner not in OWNERS:
            report((*base, "owner"), f"unknown owner {tp.owner!r}: use one of {', '.join(OWNERS)}")
        if tp.trigger is None:
            report(
                base, f"touchpoint {tp.id!r} has no trigger: say which event or silence starts it"
            )
        else:
            trigger = tp.trigger
            if trigger.event is None and trigger.silence_business_days is None:
                report((*base, "trigger"), "a trigger needs an `event` or `silence_business_days`")
            if trigger.event is not None and trigger.event not in KNOWN_EVENTS:
                report(
                    (*base, "trigger", "event"),
                    f"unknown event type {trigger.event!r}: use one of {', '.join(sorted(KNOWN_EVENTS))}",
                )
            check_stage((*base, "trigger", "to_stage"), trigger.to_stage)
            check_stage((*base, "trigger", "from_stage"), trigger.from_stage)
        if tp.channel not in CHANNELS:
            report(
                (*base, "channel"),
                f"unknown channel {tp.channel!r}: use one of {', '.join(CHANNELS)}",
            )
        for j, name in enumerate(tp.fields):
            if name not in CONTEXT_FIELDS:
                report(
                    (*base, "fields", j),
                    f"unknown candidate field {name!r}: use one of {', '.join(sorted(CONTEXT_FIELDS))}",
                )
        for j, escalation in enumerate(tp.escalations):
            check_stage((*base, "escalations", j, "after_stage"), escalation.after_stage)
        for field, message in policy_problems(tp):
            report((*base, field), message)
    return problems


def read_journey_file(path: Path) -> tuple[Journey | None, list[Problem]]:
    """Validate the journey file at ``path``; unreadable files are one problem, not a traceback."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(str(path), None, "", "no such file")]
    except IsADirectoryError:
        return None, [Problem(str(path), None, "", "is a folder; give a journey YAML file")]
    except UnicodeDecodeError:
        return None, [Problem(str(path), None, "", "is not UTF-8 text; save it as UTF-8")]
    return validate_journey_text(text, str(path))


def default_journey_text() -> str:
    """The text of the journey file candidly ships."""
    return resources.files("candidly.journey").joinpath(DEFAULT_JOURNEY).read_text("utf-8")


def load_journey(path: Path | None = None) -> Journey:
    """The journey at ``path``, or candidly's default; raise ``JourneyError`` listing every problem."""
    if path is None:
        text = default_journey_text()
        journey, problems = validate_journey_text(text, DEFAULT_JOURNEY)
    else:
        journey, problems = read_journey_file(path)
    if problems or journey is None:
        raise JourneyError(problems)
    return journey
