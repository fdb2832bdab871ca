"""The trained model: copies match, look-alikes stay apart, probabilities mean what they say."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from candidly.quality.dedupe import DedupeResult
from candidly.quality.dedupe.engine import pair_probability
from candidly.quality.dedupe.keys import fold
from candidly.quality.dedupe.model import PERSONAL_KINDS, probability
from candidly.quality.dedupe.synthetic import CANDIDATE_FIELDS, SyntheticPeople, format_phone

MERGE_THRESHOLD = 0.95


def reformat(record: dict[str, str | None], how: dict[str, int]) -> dict[str, str | None]:
    """The same person written differently: case, accents, phone format, gmail form, order."""
    copy = dict(record)
    if how["case"] == 1 and copy["first_name"]:
        copy["first_name"] = copy["first_name"].upper()
    if how["case"] == 2 and copy["last_name"]:
        copy["last_name"] = copy["last_name"].lower()
    if how["accents"] and copy["first_name"] and copy["last_name"]:
        copy["first_name"], copy["last_name"] = fold(copy["first_name"]), fold(copy["last_name"])
    if copy["phone"]:
        digits = "".join(c for c in copy["phone"] if c.isdigit())[-10:]
        if len(digits) == 10 and digits[0] not in "01":
            copy["phone"] = format_phone(digits, "US", how["phone"])
    if how["email"] and copy["email"]:
        local, _, domain = copy["email"].partition("@")
        copy["email"] = f"{local.upper()}+{how['email']}@{domain}"
    if how["swap"]:
        copy["first_name"], copy["last_name"] = copy["last_name"], copy["first_name"]
    return copy


ways = st.fixed_dictionaries(
    {
        "case": st.integers(0, 2),
        "accents": st.booleans(),
        "phone": st.integers(0, 5),
        "email": st.integers(0, 3),
        "swap": st.booleans(),
    }
)


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 2999), ways)
def test_a_record_matches_a_reformatted_copy_of_itself(
    people: SyntheticPeople, trained: DedupeResult, index: int, how: dict[str, int]
) -> None:
    record = people.records[index]
    prob, levels = pair_probability(trained.model, CANDIDATE_FIELDS, record, reformat(record, how))
    assert prob >= MERGE_THRESHOLD, levels


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2999), st.integers(0, 2999))
def test_scores_are_symmetric(
    trained: DedupeResult, people: SyntheticPeople, i: int, j: int
) -> None:
    a, b = people.records[i], people.records[j]
    forward, _ = pair_probability(trained.model, CANDIDATE_FIELDS, a, b)
    backward, _ = pair_probability(trained.model, CANDIDATE_FIELDS, b, a)
    assert forward == backward


def test_two_maria_garcias_with_their_own_contacts_are_not_merged(trained: DedupeResult) -> None:
    maria = {
        "first_name": "María",
        "last_name": "García",
        "email": "maria.garcia@gmail.com",
        "phone": "(312) 555-0101",
        "city": "Chicago",
    }
    other = {
        "first_name": "Maria",
        "last_name": "Garcia",
        "email": "mgarcia77@yahoo.com",
        "phone": "(312) 555-0188",
        "city": "Chicago",
    }
    prob, _ = pair_probability(trained.model, CANDIDATE_FIELDS, maria, other)
    assert prob < MERGE_THRESHOLD


def test_a_mother_and_son_sharing_a_phone_and_surname_are_not_merged(trained: DedupeResult) -> None:
    mother = {
        "first_name": "Ngozi",
        "last_name": "Okafor",
        "email": "ngozi.okafor@gmail.com",
        "phone": "+1 404 555 0199",
        "city": "Atlanta",
    }
    son = {
        "first_name": "Chinedu",
        "last_name": "Okafor",
        "email": "chinedu.o@outlook.com",
        "phone": "(404) 555-0199",
        "city": "Atlanta",
    }
    prob, levels = pair_probability(trained.model, CANDIDATE_FIELDS, mother, son)
    assert levels["phone"] == "exact"
    assert prob < MERGE_THRESHOLD


def test_a_married_name_with_the_same_email_and_phone_is_merged(trained: DedupeResult) -> None:
    before = {
        "first_name": "Katherine",
        "last_name": "Smith",
        "email": "kate.smith@gmail.com",
        "phone": "(206) 555-0123",
        "city": "Seattle",
    }
    after = {
        "first_name": "Kate",
        "last_name": "Okonkwo",
        "email": "katesmith@gmail.com",
        "phone": "+12065550123",
        "city": "Seattle",
    }
    prob, _ = pair_probability(trained.model, CANDIDATE_FIELDS, before, after)
    assert prob >= MERGE_THRESHOLD


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_more_alike_personal_field_never_lowers_the_probability(
    trained: DedupeResult, data: st.DataObject
) -> None:
    model = trained.model
    counts = [len(p.m) for p in model.parameters]
    levels = np.array([[data.draw(st.integers(0, n - 1)) for n in counts]], dtype=np.int8)
    personal = [i for i, p in enumerate(model.parameters) if p.personal]
    c = data.draw(st.sampled_from(personal))
    if levels[0, c] <= 1:
        return
    better = levels.copy()
    better[0, c] = data.draw(st.integers(1, int(levels[0, c]) - 1))
    assert model.log_odds(better)[0] >= model.log_odds(levels)[0] - 1e-9


def test_personal_fields_are_the_personal_kinds(trained: DedupeResult) -> None:
    personal = {p.name for p in trained.model.parameters if p.personal}
    assert personal == {c.name for c in trained.comparisons if c.kind in PERSONAL_KINDS}


def test_probabilities_are_calibrated_on_data_with_known_truth(
    trained: DedupeResult, people: SyntheticPeople
) -> None:
    """Among scored pairs, the share of true duplicates rises with the probability and is
    close to it: high-probability pairs are nearly all duplicates, low ones nearly none."""
    pairs = trained.pairs  # every pair at or above the review threshold
    person = np.array(people.person)
    truth = person[pairs.left] == person[pairs.right]
    sure = pairs.prob >= 0.99
    likely = (pairs.prob >= 0.95) & ~sure
    assert truth[sure].mean() >= 0.98
    assert truth[likely].mean() >= 0.8
    assert truth[sure].mean() >= truth[likely].mean() >= truth[pairs.prob < 0.95].mean()


def test_probability_rises_with_the_match_weight() -> None:
    weights = np.linspace(-40, 40, 81)
    assert np.all(np.diff(probability(weights)) > 0)
