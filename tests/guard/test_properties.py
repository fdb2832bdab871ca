"""Properties that hold for any text: no crash, honest spans, sorted, deterministic, monotone."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from candidly.guard import Finding, GuardPolicy, check
from tests.guard.corpus import load_corpus

MESSAGES = load_corpus()
SENTENCES = sorted(
    {s for m in MESSAGES for s in re.split(r"(?<=[.!?])\s+|\n+", m.text) if s.strip()}
)
#: Sentences with nothing to find, to add to any draft.
CLEAN_SENTENCES = (
    "Thanks again for your time.",
    "We will be in touch soon.",
    "Have a great weekend!",
    "Looking forward to speaking with you next week.",
    "Best regards, the recruiting team",
    "Our office is a short walk from the station.",
)

policies = st.builds(
    GuardPolicy,
    max_words=st.none() | st.integers(min_value=0, max_value=60),
    competitors=st.lists(
        st.sampled_from(["Globex", "Initech", "Umbrella Corp", "C3.ai", "Ünïcorp", "a", "+"]),
        max_size=3,
    ).map(tuple),
    allowed_domains=st.lists(st.sampled_from(["acme.com", "zoom.us", "b.io"]), max_size=2).map(
        tuple
    ),
)
#: Arbitrary text, and text assembled from real messages with odd joins (closer to drafts).
drafts = st.text() | st.lists(
    st.tuples(
        st.sampled_from(SENTENCES),
        st.sampled_from(["", " ", "\n", "\n\n", ". ", "! ", ", ", "\r\n", "\t", " — ", "İ"]),
    ),
    max_size=6,
).map(lambda parts: "".join(s + sep for s, sep in parts))


@settings(max_examples=300, deadline=None)
@given(text=drafts, policy=policies)
def test_findings_are_honest_sorted_spans_and_checking_is_deterministic(
    text: str, policy: GuardPolicy
) -> None:
    findings = check(text, policy)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.severity in ("block", "warn")
        assert f.reason
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.category))
    assert check(text, policy) == findings


def _covered(finding: Finding, others: list[Finding], shift: int = 0) -> bool:
    return any(
        o.category == finding.category
        and o.start <= finding.start + shift
        and o.end >= finding.end + shift
        for o in others
    )


@settings(max_examples=300, deadline=None)
@given(
    text=drafts,
    policy=policies,
    before=st.lists(st.sampled_from(CLEAN_SENTENCES), max_size=2),
    after=st.lists(st.sampled_from(CLEAN_SENTENCES), max_size=2),
)
def test_adding_clean_sentences_removes_no_finding(
    text: str, policy: GuardPolicy, before: list[str], after: list[str]
) -> None:
    prefix = "".join(s + "\n\n" for s in before)
    suffix = "".join("\n\n" + s for s in after)
    findings = check(text, policy)
    longer = check(prefix + text + suffix, policy)
    for finding in findings:
        assert _covered(finding, longer, shift=len(prefix)), (finding, longer)
