"""A model trained once on generated candidate records, shared by the tests that score pairs."""

from __future__ import annotations

import pytest

from candidly.quality.dedupe import DedupeResult, build_table, find_duplicates
from candidly.quality.dedupe.synthetic import CANDIDATE_FIELDS, SyntheticPeople, generate_people


@pytest.fixture(scope="session")
def people() -> SyntheticPeople:
    """Three thousand candidate records with known duplicates and look-alikes."""
    return generate_people(3000, seed=42)


@pytest.fixture(scope="session")
def trained(people: SyntheticPeople) -> DedupeResult:
    """The dedupe of ``people``: its model scores pairs in the property tests."""
    records = people.records
    table = build_table(
        [r["id"] for r in records], CANDIDATE_FIELDS, lambda column: [r[column] for r in records]
    )
    return find_duplicates(table)
