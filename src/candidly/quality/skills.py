"""Skills as tags: extracted from resume text and mapped onto the shipped skills vocabulary."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from candidly.taxonomy.vocab import load_skills, normalize_term, skill_lookup

#: Skill names that are also everyday words ("I react quickly", "a lean team", "every spring"):
#: in free text they only count when written with their capital, as the skill is.
EVERYDAY_WORDS: Final[frozenset[str]] = frozenset(
    {
        "go", "swift", "ruby", "rust", "spark", "sketch", "react", "node", "rails", "torch",
        "lean", "closing", "helm", "epic", "lever", "greenhouse", "spring", "excel", "collections",
        "kube", "stats", "vue", "next.js", "scala", "jest", "flask", "lambda functions",
    }
)  # fmt: skip

# Letters, digits and the symbols that continue a skill's name ("C++", "C#", ".NET").
_WORD = r"A-Za-z0-9_+#"


def _needs_case(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    acronym = len(letters) >= 2 and all(c.isupper() for c in letters) and len(term) <= 5
    return len(term) <= 2 or acronym or term.casefold() in EVERYDAY_WORDS


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern for terms matched case-insensitively, one for those that need their case."""
    loose: set[str] = set()
    strict: set[str] = set()
    for skill in load_skills():
        for term in (skill.name, *skill.synonyms):
            (strict if _needs_case(term) else loose).add(term)

    def compile_terms(terms: set[str], flags: int) -> re.Pattern[str]:
        # Longest first, so "Node.js" wins over "Node" and "Spark SQL" over "Spark".
        body = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))
        return re.compile(rf"(?<![{_WORD}])(?:{body})(?![{_WORD}])", flags)

    return compile_terms(loose, re.IGNORECASE), compile_terms(strict, 0)


@cache
def canonical_skill(tag: str) -> str | None:
    """The vocabulary's name for ``tag`` (a name or synonym in any case), or None if unknown."""
    return skill_lookup().get(normalize_term(tag))


def extract_skills(text: str | None) -> list[str]:
    """The vocabulary's skills that ``text`` mentions, in order of first mention, each once."""
    if not text:
        return []
    lookup = skill_lookup()
    spans = [
        (m.start(), m.end(), m.group()) for pattern in _patterns() for m in pattern.finditer(text)
    ]
    # The two patterns can overlap ("React JS" and "JS"): the longer mention wins.
    spans.sort(key=lambda span: (span[0], span[0] - span[1]))
    found: dict[str, int] = {}
    covered = -1
    for start, end, term in spans:
        if start < covered:
            continue
        covered = end
        name = lookup.get(normalize_term(term))
        if name is not None and name not in found:
            found[name] = start
    return list(found)
