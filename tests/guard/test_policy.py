"""What a policy configures: the word limit, competitor names, the link allowlist."""

from __future__ import annotations

import dataclasses

import pytest

from candidly.guard import GuardPolicy, check


def test_the_default_policy_checks_everything_that_needs_no_settings() -> None:
    policy = GuardPolicy()
    assert (policy.max_words, policy.competitors, policy.allowed_domains) == (None, (), ())
    assert check("Hi None, welcome aboard.", policy)[0].category == "placeholder"
    assert [f.category for f in check("Hi None", GuardPolicy())] == ["placeholder"]


def test_a_policy_is_frozen_and_hashable() -> None:
    policy = GuardPolicy(competitors=("Globex",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.max_words = 3  # type: ignore[misc]
    assert hash(policy) == hash(GuardPolicy(competitors=("Globex",)))


def test_a_policy_refuses_a_negative_limit_and_a_non_domain() -> None:
    with pytest.raises(ValueError, match="max_words"):
        GuardPolicy(max_words=-1)
    with pytest.raises(ValueError, match="not a domain"):
        GuardPolicy(allowed_domains=("not a domain",))


def test_allowed_domains_are_normalized() -> None:
    policy = GuardPolicy(allowed_domains=("https://Acme.COM/", "*.zoom.us", "acme.com"))
    assert policy.allowed_domains == ("acme.com", "zoom.us")


# length ------------------------------------------------------------------------------------


def test_the_length_span_is_the_words_beyond_the_limit() -> None:
    text = "one two  three\nfour five "
    (finding,) = check(text, GuardPolicy(max_words=3))
    assert finding.category == "length"
    assert finding.text == "four five"
    assert (finding.start, finding.end) == (15, 24)
    assert "5 words" in finding.reason


@pytest.mark.parametrize(("limit", "found"), [(None, False), (4, False), (3, True), (0, True)])
def test_a_draft_at_the_limit_passes_and_one_word_over_fails(
    limit: int | None, found: bool
) -> None:
    findings = check("Thanks for applying, Dana.", GuardPolicy(max_words=limit))
    assert any(f.category == "length" for f in findings) is found


def test_with_a_limit_of_zero_every_word_is_too_many() -> None:
    (finding,) = check("  Thanks, Dana. ", GuardPolicy(max_words=0))
    assert finding.text == "Thanks, Dana."


# competitors -------------------------------------------------------------------------------


def test_competitors_are_whole_words_in_any_case() -> None:
    policy = GuardPolicy(competitors=("Globex", "Umbrella Corp", "C3.ai"))
    text = "globex's team, Umbrella  Corp, (C3.ai), Globextra, umbrella insurance, xC3.ai"
    found = [f.text for f in check(text, policy) if f.category == "competitor"]
    assert found == ["globex", "Umbrella  Corp", "C3.ai"]


def test_no_competitors_means_no_competitor_findings() -> None:
    assert check("Globex is great.", GuardPolicy()) == []


# links -------------------------------------------------------------------------------------

ACME = GuardPolicy(allowed_domains=("acme.com",))


@pytest.mark.parametrize(
    "url",
    [
        "https://acme.com",
        "https://acme.com/jobs?id=1&ref=x",
        "http://careers.acme.com/x",
        "https://ACME.com:8443/x",
        "acme.com/careers",
        "www.acme.com",
    ],
)
def test_links_to_an_allowed_domain_or_its_subdomains_pass(url: str) -> None:
    assert check(f"See {url} today.", ACME) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://acme.com.evil.io/login",
        "https://notacme.com",
        "https://acme-careers.net/apply",
        "https://acme.com@phish.example/reset",
        "http://192.168.1.20/jobs",
        "https://bit.ly/3xYz",
        "calendly.com/priya",
        "www.glassdoor.com/acme",
        "javascript:alert(1)",
    ],
)
def test_links_elsewhere_are_findings(url: str) -> None:
    (finding,) = check(f"See {url} today.", ACME)
    assert (finding.category, finding.text) == ("link", url)


def test_with_an_empty_allowlist_every_link_is_a_finding() -> None:
    (finding,) = check("Book at https://acme.com/book.", GuardPolicy())
    assert finding.text == "https://acme.com/book"
    assert "no domain is allowed" in finding.reason


def test_email_addresses_and_mailto_links_are_not_checked() -> None:
    assert check("Write to jobs@evil.example or mailto:jobs@evil.example.", GuardPolicy()) == []


def test_punctuation_around_a_link_is_not_part_of_it() -> None:
    text = "(see https://evil.example/a_(b).) and <https://evil.example/c>, [x](https://evil.example/d)"
    assert [f.text for f in check(text, ACME)] == [
        "https://evil.example/a_(b)",
        "https://evil.example/c",
        "https://evil.example/d",
    ]
