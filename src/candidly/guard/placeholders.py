"""``placeholder``: template syntax that was never rendered, and stand-ins where a fact belongs.

Three families: template syntax (``{{ first_name }}``, ``{% if %}``, ``{first_name}``,
``%FIRST_NAME%``, ``${role}``, ``<<name>>``); bracketed stand-ins a person typed (``[Name]``,
``[FIRST NAME]``, ``<candidate name>``, ``[Insert bios here]``); and the values that empty
data prints (``None``, ``null``, ``undefined``, ``nan``, ``N/A``, ``TBD``) in the places a
fact goes — after a greeting, after a preposition, before "role" or "team". "None of the
steps…" and "reject the null hypothesis" are English, not missing data.
"""

from __future__ import annotations

import re
from typing import Final

from candidly.guard.rules import Accept, Draft, Rule, rule, words

# fmt: off
#: Words that mark bracketed text as a stand-in for a fact rather than an aside.
_FACT_WORDS: Final = frozenset(
    {
        "name", "names", "first", "last", "full", "preferred", "company", "employer", "organisation",
        "organization", "role", "title", "position", "job", "opening", "date", "time", "day", "days",
        "link", "url", "address", "location", "city", "office", "phone", "email", "signature", "salary",
        "pay", "team", "department", "manager", "interviewer", "interviewers", "recruiter", "candidate",
        "candidates", "applicant", "bio", "bios", "start", "deadline", "number", "amount",
        "placeholder", "insert", "here", "tbd", "x", "xx", "xxx",
    }
)
_VERBS: Final = ("insert", "add", "enter", "fill", "put", "include", "your")
#: Angle-bracketed words that are HTML, not stand-ins.
_HTML_TAGS: Final = frozenset(
    {
        "a", "abbr", "address", "article", "aside", "b", "big", "blockquote", "body", "br", "caption",
        "center", "cite", "code", "col", "dd", "del", "details", "div", "dl", "dt", "em", "figure",
        "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i",
        "img", "ins", "kbd", "label", "li", "main", "mark", "nav", "ol", "p", "pre", "q", "s", "samp",
        "section", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "title", "tr", "tt", "u", "ul", "var",
    }
)
# fmt: on
_MACHINE_TOKENS: Final = frozenset({"inst", "sys", "s"})  # chat-template tokens: see injection


def _is_stand_in(content: str) -> bool:
    """True when bracketed ``content`` reads as a stand-in for a fact ("First Name", "DATE")."""
    tokens = re.findall(r"[A-Za-z]+", content)
    if not tokens or content.strip().casefold() in _MACHINE_TOKENS:
        return False
    letters = "".join(tokens)
    if len(letters) >= 2 and letters.isupper():
        return True
    lowered = [t.casefold() for t in tokens]
    return lowered[0] in _VERBS or any(t in _FACT_WORDS for t in lowered)


def _bracketed(draft: Draft, match: re.Match[str]) -> bool:
    return _is_stand_in(match.group("content"))


#: Parenthesised text is usually an aside ("(Design Lead)"): only these read as stand-ins.
_PAREN_STAND_INS: Final = frozenset(
    {
        "name",
        "first name",
        "last name",
        "full name",
        "candidate name",
        "candidate",
        "company",
        "company name",
        "date",
        "time",
        "link",
        "url",
        "role",
        "job title",
        "title",
        "position",
        "your name",
        "recruiter name",
        "interviewer name",
        "interviewer",
        "location",
        "start date",
        "salary",
    }
)


def _parenthesised(draft: Draft, match: re.Match[str]) -> bool:
    content = " ".join(match.group("content").casefold().split())
    return content in _PAREN_STAND_INS or content.startswith(("insert ", "add ", "enter "))


def _angled(draft: Draft, match: re.Match[str]) -> bool:
    content = match.group("content")
    if content.split()[0].casefold() in _HTML_TAGS and " " not in content.strip():
        return False
    return _is_stand_in(content)


def _line_rule(
    pattern: str,
    reason: str,
    *triggers: str,
    flags: re.RegexFlag = re.IGNORECASE,
    accept: Accept | None = None,
) -> Rule:
    """A rule that scans whole lines: template syntax and brackets may hold a sentence end."""
    return rule(pattern, reason, *triggers, flags=flags, accept=accept, scope="line")


_EMPTY_VALUES: Final = words(
    "None", "null", "NULL", "Null", "undefined", "nan", "NaN", "nil", "N/A", "n/a", "TBD"
)
_GREETING: Final = r"\b(?i:hi|hello|hey|dear|greetings|good[ \t]+(?:morning|afternoon|evening))"
_ENDS_SLOT: Final = r"(?=[ \t]*(?:[,.!?:;)\-—–]|\r?\n|\Z))"

# Trigger lists stay packed, one rule's triggers in a few lines.
# fmt: off
RULES: Final[tuple[Rule, ...]] = (
    _line_rule(r"\{\{.{0,200}?\}\}", "unrendered template expression", "{{", flags=re.DOTALL),
    _line_rule(r"\{%.{0,200}?%\}", "unrendered template tag", "{%", flags=re.DOTALL),
    _line_rule(r"\{#.{0,200}?#\}", "unrendered template comment", "{#", flags=re.DOTALL),
    _line_rule(r"\{\{|\}\}|\{%|%\}", "template syntax", "{{", "}}", "{%", "%}"),
    _line_rule(r"\{[ \t]*[A-Za-z_][\w. -]{0,40}?[ \t]*\}", "unfilled merge field", "{"),
    _line_rule(r"\$\{[^{}\n]{1,60}\}", "unfilled merge field", "${"),
    _line_rule(r"(?<![\w$])\$[A-Za-z_]\w*", "unfilled merge field", "$"),
    _line_rule(r"(?<![\w%])%[A-Za-z_][A-Za-z0-9_]*%(?![\w%])", "unfilled merge field", "%"),
    _line_rule(r"%\([A-Za-z_]\w*\)[sdr]|(?<![\w%])%[sd](?!\w)", "unfilled format field", "%"),
    _line_rule(r"<<(?!/?SYS>>)[ \t]*[\w .-]{1,40}?[ \t]*>>", "unfilled merge field", "<<"),
    _line_rule(r"\[\[[ \t]*[\w .-]{1,40}?[ \t]*\]\]", "unfilled merge field", "[["),
    _line_rule(r"(?<![A-Za-z0-9])__[A-Z][A-Z0-9_]*__(?![A-Za-z0-9])", "unfilled merge field", "__"),
    _line_rule(
        r"\[[ \t]*(?P<content>[A-Za-z][^\[\]\n]{0,40}?)[ \t]*\](?![(\[])",
        "a bracketed stand-in for a fact",
        "[",
        accept=_bracketed,
    ),
    _line_rule(
        r"<[ \t]*(?P<content>[A-Za-z][A-Za-z0-9 _'-]{0,40}?)[ \t]*>",
        "a bracketed stand-in for a fact",
        "<",
        accept=_angled,
    ),
    _line_rule(
        r"\((?P<content>[A-Za-z][A-Za-z _'-]{0,40}?)\)",
        "a bracketed stand-in for a fact",
        "(",
        accept=_parenthesised,
    ),
    _line_rule(
        r"(?<![\w/])(?:X{3,}|x{3,}|XX/XX(?:/XX(?:XX)?)?)(?![\w/])|\b(?i:lorem[ \t]+ipsum)\b"
        r"|\b(?:TODO|FIXME|TKTK)\b",
        "filler where a fact belongs",
        "xxx*", "xx/xx", "lorem", "todo", "fixme", "tktk",
        flags=re.NOFLAG,
    ),
    _line_rule(
        r"(?<![\w/])(?:N/A|n/a|TBD|TBA|TBC)(?![\w/])",
        "a placeholder value where a fact belongs",
        "n/a", "tbd", "tba", "tbc",
        flags=re.NOFLAG,
    ),
    _line_rule(
        _GREETING
        + r"[ \t]+(?P<span>"
        + _EMPTY_VALUES
        + r"|unknown|Unknown|UNKNOWN|test|Test|TEST|name|Name|NAME|first_?name|FIRST_?NAME|FirstName)"
        + _ENDS_SLOT,
        "a placeholder value where the name belongs", "none", "null", "undefined", "nan", "nil",
        "n/a", "tbd", "unknown", "test", "name", "firstname", "first",
        flags=re.NOFLAG,
    ),
    _line_rule(
        _GREETING + r"[ \t]+,",
        "a greeting with the name missing", " ,", "\t,",
        flags=re.NOFLAG,
    ),
    _line_rule(
        r"(?<=[a-z,;:] )None\b(?![ \t]+of\b)|(?m:^)None" + _ENDS_SLOT,
        "a missing value printed as None",
        "none",
        flags=re.NOFLAG,
    ),
    _line_rule(
        r"(?:\b(?i:at|on|for|with|from|by|in)[ \t]+|:[ \t]*)"
        r"(?P<span>null|NULL|undefined|nan|NaN|nil)\b(?![ \t]+(?i:hypothesis|and[ \t]+void|pointer))",
        "a missing value where a fact belongs",
        "null", "undefined", "nan", "nil",
        flags=re.NOFLAG,
    ),
    _line_rule(
        r"\b(?P<span>None|null|NULL|undefined|nan|NaN|nil|N/A|TBD)[ \t]+"
        r"(?i:role|team|position|job|office|department|site|opening|interview|stage|company)\b",
        "a missing value where a fact belongs",
        "none", "null", "undefined", "nan", "nil", "n/a", "tbd",
        flags=re.NOFLAG,
    ),
)
# fmt: on
