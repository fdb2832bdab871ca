"""The two shortcuts that make checking fast must never change what is found.

1. A rule runs only when one of its triggers occurs: so every text a rule's pattern matches
   must hold one of its triggers.
2. A rule scans only the sentences (or lines) holding a trigger: so that must find exactly
   the matches that scanning the whole draft finds.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from candidly.guard.api import RULE_BOOK
from candidly.guard.rules import Draft, Rule, rule
from tests.guard.corpus import load_corpus

RULES = list(RULE_BOOK)
IDS = [f"{category}-{i}" for i, (category, _) in enumerate(RULES)]
TEXTS = [m.text for m in load_corpus()]
SEPARATORS = ["", " ", "\n", "\n\n", ". ", "! ", "? ", ", ", "\r\n", "\t", " — ", "... "]


def _full_scan(r: Rule, draft: Draft) -> list[tuple[int, int]]:
    return [
        m.span() for m in r.pattern.finditer(draft.text) if r.accept is None or r.accept(draft, m)
    ]


def _triggered(r: Rule, text: str) -> bool:
    draft = Draft(text)
    return r.could_match(draft.tokens, draft.folded)


def _matches_hold_triggers(r: Rule, text: str) -> None:
    """Each match of ``r`` in ``text``, widened to whole words, holds one of its triggers."""
    for m in r.pattern.finditer(text):
        start, end = m.span()
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        assert _triggered(r, text[start:end]), (m.group(0), text[start:end])


@pytest.mark.parametrize(("category", "r"), RULES, ids=IDS)
def test_every_match_in_the_corpus_holds_a_trigger_of_its_rule(category: str, r: Rule) -> None:
    for text in TEXTS:
        _matches_hold_triggers(r, text)


@pytest.mark.parametrize(("category", "r"), RULES, ids=IDS)
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_text_a_pattern_matches_holds_a_trigger(
    category: str, r: Rule, data: st.DataObject
) -> None:
    # Texts that contain a match of the pattern, in every spelling the pattern allows.
    _matches_hold_triggers(r, data.draw(st.from_regex(r.pattern)))


@pytest.mark.parametrize(("category", "r"), RULES, ids=IDS)
def test_scanning_by_sentence_finds_what_scanning_the_whole_corpus_finds(
    category: str, r: Rule
) -> None:
    for text in TEXTS:
        draft = Draft(text)
        assert [m.span() for m in r.matches(draft)] == _full_scan(r, draft)


@settings(max_examples=400, deadline=None)
@given(
    parts=st.lists(
        st.tuples(
            st.sampled_from(TEXTS) | st.text(max_size=30),
            st.sampled_from(SEPARATORS),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_scanning_by_sentence_finds_what_scanning_the_whole_draft_finds(
    parts: list[tuple[str, str]],
) -> None:
    draft = Draft("".join(text + separator for text, separator in parts))
    for _, r in RULES:
        assert [m.span() for m in r.matches(draft)] == _full_scan(r, draft)


def test_a_rule_skips_a_draft_without_its_triggers() -> None:
    salary = rule(r"\bsalary\b", "names pay", "salary")
    assert list(salary.matches(Draft("The base is good."))) == []
    assert [m.group(0) for m in salary.matches(Draft("Your SALARY."))] == ["SALARY"]


def test_a_starred_trigger_is_a_substring() -> None:
    filler = rule(r"X{3,}", "filler", "xxx*", flags=re.NOFLAG)
    assert filler.marks == ("xxx",)
    assert [m.group(0) for m in filler.matches(Draft("on XXXX at noon"))] == ["XXXX"]


def test_an_unknown_scope_is_refused() -> None:
    with pytest.raises(ValueError, match="scope"):
        rule("x", "x", "x", scope="paragraph")


def test_a_draft_whose_folding_changes_its_length_is_scanned_whole() -> None:
    text = "Straße\nYour salary is fine.\nİ"
    draft = Draft(text)
    salary = rule(r"\bsalary\b", "names pay", "salary")
    assert salary.windows(draft) == [(0, len(text))]
    assert [m.span() for m in salary.matches(draft)] == [(12, 18)]
