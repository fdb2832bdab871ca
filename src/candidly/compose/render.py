"""Rendering templates in a sandbox: facts in, a message out, nothing else reachable.

Templates are human-written Jinja2 text stored in the library (never a file path a user picks),
rendered by a ``SandboxedEnvironment`` (Jinja2 ≥ 3.1.6): authors cannot reach Python objects,
files or the network. A field the context vocabulary does not know is an error; a known fact
that is missing for this candidate is falsy in ``{% if %}`` (so the sentence changes) and an
error if printed bare (so "Hi ," or "N/A" never reaches anyone). The sandbox does not bound
time or memory: ``render_in_subprocess`` does, for versions that have not passed the test gate.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from typing import Any, NoReturn

from jinja2 import Template, TemplateSyntaxError, Undefined, meta, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import missing as _MISSING
from markupsafe import escape

from candidly.compose.fields import CONTEXT_FIELDS, PERSONAL_FIELDS
from candidly.quality.placeholders import is_placeholder

#: Rendered text longer than this is refused: no legitimate candidate message is this long.
MAX_OUTPUT_CHARS = 20_000


class TemplateRenderError(Exception):
    """A template cannot be rendered for this context; the message says what and where."""


@dataclass(frozen=True)
class TemplateSource:
    """What a library version gives the renderer."""

    subject: str
    body: str
    required_fields: tuple[str, ...] = ()
    optional_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rendered:
    """A rendered message and what it used."""

    subject: str
    text: str
    html: str
    facts_used: tuple[str, ...]
    missing_optional: tuple[str, ...]
    personalization: float


class MissingFact(Undefined):
    """A known fact this candidate does not have: false in tests, an error when printed."""

    __slots__ = ()

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> NoReturn:
        if self._undefined_obj is not _MISSING:
            raise UndefinedError(f"{self._undefined_name!r} is not available in templates")
        raise UndefinedError(
            f"the fact {self._undefined_name!r} is missing for this candidate; "
            "wrap it in {% if " + str(self._undefined_name) + " %}…{% endif %}"
        )

    __str__ = _fail_with_undefined_error
    __html__ = _fail_with_undefined_error

    def __bool__(self) -> bool:
        return False

    def __iter__(self) -> Any:
        return iter(())

    def __len__(self) -> int:
        return 0


@cache
def _environment(autoescape: bool) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        undefined=MissingFact,
        autoescape=autoescape,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals.clear()  # no range(), lipsum(), dict(), cycler(): facts and filters only
    return env


def referenced_fields(source: TemplateSource) -> set[str]:
    """Every name the subject and body refer to; raises ``TemplateRenderError`` on bad syntax."""
    return set(_names_in("subject", source.subject)) | set(_names_in("body", source.body))


@lru_cache(maxsize=1024)
def _names_in(part: str, text: str) -> frozenset[str]:
    env = _environment(False)
    try:
        ast = env.parse(text)
    except TemplateSyntaxError as exc:
        raise TemplateRenderError(f"{part} line {exc.lineno}: {exc.message}") from None
    names = meta.find_undeclared_variables(ast)
    return frozenset(names - {n.name for n in ast.find_all(nodes.Name) if n.ctx == "store"})


@lru_cache(maxsize=1024)
def _compiled(text: str, autoescape: bool) -> Template:
    # Templates are immutable text (versions never change), so compiling once per process is safe.
    return _environment(autoescape).from_string(text)


def check_template(source: TemplateSource) -> None:
    """Refuse a template that names a field outside the context vocabulary."""
    unknown = referenced_fields(source) - CONTEXT_FIELDS
    if unknown:
        raise TemplateRenderError(
            f"unknown field(s) {', '.join(sorted(unknown))}: a template may use "
            f"{', '.join(sorted(CONTEXT_FIELDS))}"
        )
    undeclared = (
        referenced_fields(source) - set(source.required_fields) - set(source.optional_fields)
    )
    if undeclared:
        raise TemplateRenderError(
            f"field(s) {', '.join(sorted(undeclared))} are used but not declared as required or optional inputs"
        )


def render_template(source: TemplateSource, context: Mapping[str, Any]) -> Rendered:
    """Render ``source`` for one candidate's ``context`` (facts that are absent are simply missing)."""
    check_template(source)
    missing_required = [f for f in source.required_fields if fact_is_absent(context.get(f))]
    if missing_required:
        raise TemplateRenderError(f"required fact(s) missing: {', '.join(missing_required)}")
    facts = {k: v for k, v in context.items() if k in CONTEXT_FIELDS and not fact_is_absent(v)}
    subject = _render(source.subject, facts, autoescape=False).strip()
    text = tidy_text(_render(source.body, facts, autoescape=False))
    # Templates are text, so the HTML body is the text escaped: every fact, the candidate's own
    # words included, arrives as data and never as markup.
    body_html = _paragraphs(str(escape(text)))
    referenced = referenced_fields(source)
    used = tuple(
        sorted(
            name
            for name in referenced
            if name in facts and mentions(facts[name], subject + "\n" + text)
        )
    )
    missing = tuple(sorted(f for f in source.optional_fields if f not in facts))
    possible = referenced & PERSONAL_FIELDS
    score = round(len(set(used) & PERSONAL_FIELDS) / len(possible), 3) if possible else 0.0
    return Rendered(subject, text, body_html, used, missing, score)


def _render(text: str, facts: Mapping[str, Any], *, autoescape: bool) -> str:
    try:
        out = _compiled(text, autoescape).render(**facts)
    except UndefinedError as exc:
        raise TemplateRenderError(str(exc)) from None
    except SecurityError as exc:
        raise TemplateRenderError(
            f"the template tried something the sandbox forbids: {exc}"
        ) from None
    except TemplateSyntaxError as exc:
        raise TemplateRenderError(f"line {exc.lineno}: {exc.message}") from None
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as exc:
        raise TemplateRenderError(f"the template failed: {exc}") from None
    if len(out) > MAX_OUTPUT_CHARS:
        raise TemplateRenderError(f"the rendered message is over {MAX_OUTPUT_CHARS:,} characters")
    return out


def fact_is_absent(value: Any) -> bool:
    """True for a fact a message must not print: None, empty, or a placeholder ("N/A", "-")."""
    if value is None:
        return True
    if isinstance(value, str):
        return is_placeholder(value)  # blank text counts as a placeholder
    if isinstance(value, list | tuple | set | dict):
        return len(value) == 0
    return False


def mentions(value: Any, text: str) -> bool:
    """True when ``text`` contains ``value`` (or, for a list, any of its items), ignoring case."""
    folded = text.casefold()
    values = value if isinstance(value, list | tuple) else [value]
    return any(str(v).casefold() in folded for v in values if str(v).strip())


_BLANKS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t]+\n")


def tidy_text(text: str) -> str:
    """Collapse runs of blank lines and trailing spaces; end with one newline."""
    return _BLANKS.sub("\n\n", _SPACES.sub("\n", text)).strip() + "\n"


def _paragraphs(escaped: str) -> str:
    blocks = [
        b.strip()
        for b in _BLANKS.sub("\n\n", _SPACES.sub("\n", escaped)).split("\n\n")
        if b.strip()
    ]
    # ``escaped`` came out of the autoescaping environment: candidate text in it is already safe.
    return "\n".join("<p>" + b.replace("\n", "<br>") + "</p>" for b in blocks)


def render_in_subprocess(
    source: TemplateSource,
    context: Mapping[str, Any],
    *,
    cpu_seconds: int = 2,
    memory_mb: int = 512,
) -> Rendered:
    """Render in a child process with CPU-time and memory limits: for versions not yet trusted.

    A template that loops for ever or builds a huge string is killed and reported, not waited on.
    """
    request = json.dumps({"source": asdict(source), "context": dict(context)}, default=str)
    code = (
        "import resource, sys; "
        f"resource.setrlimit(resource.RLIMIT_CPU, ({cpu_seconds}, {cpu_seconds})); "
        f"resource.setrlimit(resource.RLIMIT_AS, ({memory_mb << 20}, {memory_mb << 20})); "
        "from candidly.compose.render import _serve_one; _serve_one()"
    )
    try:
        done = subprocess.run(  # noqa: S603 — our own interpreter running our own module
            [sys.executable, "-c", code],
            input=request,
            capture_output=True,
            text=True,
            timeout=cpu_seconds * 3 + 5,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise TemplateRenderError(
            f"the template took longer than {cpu_seconds * 3 + 5} s to render"
        ) from None
    if done.returncode != 0:
        if done.returncode in (-9, -24, 152, 137) or "MemoryError" in done.stderr:
            limit = "memory" if "MemoryError" in done.stderr else "CPU time"
            raise TemplateRenderError(f"the template exceeded its {limit} limit while rendering")
        raise TemplateRenderError(
            f"the template could not be rendered in isolation (exit {done.returncode})"
        )
    reply = json.loads(done.stdout)
    if "error" in reply:
        raise TemplateRenderError(reply["error"])
    reply["facts_used"] = tuple(reply["facts_used"])
    reply["missing_optional"] = tuple(reply["missing_optional"])
    return Rendered(**reply)


def _serve_one() -> None:
    """Child side of ``render_in_subprocess``: read one request on stdin, answer on stdout."""
    request = json.loads(sys.stdin.read())
    spec = request["source"]
    source = TemplateSource(
        spec["subject"],
        spec["body"],
        tuple(spec["required_fields"]),
        tuple(spec["optional_fields"]),
    )
    try:
        result: dict[str, Any] = asdict(render_template(source, request["context"]))
    except TemplateRenderError as exc:
        result = {"error": str(exc)}
    except MemoryError:
        sys.stderr.write("MemoryError\n")
        raise SystemExit(3) from None
    sys.stdout.write(json.dumps(result))


__all__ = [
    "MissingFact",
    "Rendered",
    "TemplateRenderError",
    "TemplateSource",
    "check_template",
    "referenced_fields",
    "render_in_subprocess",
    "render_template",
]
