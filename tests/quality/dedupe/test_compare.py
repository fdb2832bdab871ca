"""Field comparisons: nicknames, swaps, typos, transpositions, gmail variants and phone formats."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from candidly.quality.dedupe import build_table
from candidly.quality.dedupe.compare import PairLevels, compare_pairs, comparisons_for
from candidly.quality.dedupe.synthetic import CANDIDATE_FIELDS, format_phone

Record = Mapping[str, str | None]


def compare(a: Record, b: Record) -> tuple[dict[str, str], bool]:
    """The level label of every field for one pair, and whether the names were swapped."""
    table = build_table(["a", "b"], CANDIDATE_FIELDS, lambda c: [a.get(c), b.get(c)])
    comparisons = comparisons_for(table)
    result: PairLevels = compare_pairs(comparisons, np.array([0]), np.array([1]))
    labels = {c.name: c.label(int(result.levels[0, i])) for i, c in enumerate(comparisons)}
    return labels, bool(result.swapped[0])


BOB = {
    "first_name": "Robert",
    "last_name": "Miller",
    "email": "bob.miller@gmail.com",
    "phone": "(415) 555-0134",
    "city": "San Francisco",
}


def test_bob_is_a_nickname_of_robert() -> None:
    levels, _ = compare(BOB, {**BOB, "first_name": "Bob"})
    assert levels["given_name"] == "nickname"


def test_swapped_names_are_compared_the_right_way_round() -> None:
    levels, swapped = compare(BOB, {**BOB, "first_name": "Miller", "last_name": "Robert"})
    assert swapped
    assert levels["given_name"] == "exact" and levels["surname"] == "exact"


def test_a_typo_and_a_transposition_are_close_not_different() -> None:
    typo, _ = compare(BOB, {**BOB, "last_name": "Milller"})
    transposed, _ = compare(BOB, {**BOB, "first_name": "Rboert"})
    assert typo["surname"] == "jw>=0.92"
    assert transposed["given_name"] in ("jw>=0.92", "jw>=0.88")


def test_gmail_dot_and_plus_variants_are_the_same_email() -> None:
    levels, _ = compare(BOB, {**BOB, "email": "BobMiller+jobs@googlemail.com"})
    assert levels["email"] == "exact"


def test_a_mistyped_email_is_a_typo_and_another_domain_is_the_same_local_part() -> None:
    typo, _ = compare(BOB, {**BOB, "email": "bob.miler@gmail.com"})
    other_domain, _ = compare(BOB, {**BOB, "email": "bob.miller@yahoo.com"})
    assert typo["email"] == "typo"
    assert other_domain["email"] == "same local part"


def test_every_phone_format_is_the_same_phone() -> None:
    for style in range(6):
        levels, _ = compare(BOB, {**BOB, "phone": format_phone("4155550134", "US", style)})
        assert levels["phone"] == "exact", style


def test_accents_do_not_make_names_different() -> None:
    jose = {**BOB, "first_name": "José", "last_name": "Nguyễn"}
    levels, _ = compare(jose, {**jose, "first_name": "JOSE", "last_name": "nguyen"})
    assert levels["given_name"] == "exact" and levels["surname"] == "exact"


def test_a_missing_value_is_missing_not_different() -> None:
    levels, _ = compare(BOB, {**BOB, "email": None, "phone": "N/A"})
    assert levels["email"] == "missing" and levels["phone"] == "missing"


def test_a_married_name_is_a_different_surname() -> None:
    levels, swapped = compare(BOB, {**BOB, "last_name": "Okafor"})
    assert levels["surname"] == "different" and not swapped


names = st.sampled_from(
    [
        "Robert",
        "Bob",
        "Robbie",
        "Rob",
        "Liz",
        "Elizabeth",
        "Miller",
        "Milller",
        "José",
        "Jose",
        None,
    ]
)
emails = st.sampled_from(
    ["bob.miller@gmail.com", "bobmiller@gmail.com", "bob@example.com", "bob.miler@gmail.com", None]
)
phones = st.sampled_from(
    ["(415) 555-0134", "+14155550134", "415 555 0135", "+44 20 7946 0958", None]
)
cities = st.sampled_from(["San Francisco", "san francisco", "Oakland", None])
records = st.fixed_dictionaries(
    {"first_name": names, "last_name": names, "email": emails, "phone": phones, "city": cities}
)


@settings(max_examples=60, deadline=None)
@given(records, records)
def test_comparison_is_symmetric(a: Record, b: Record) -> None:
    assert compare(a, b) == compare(b, a)
