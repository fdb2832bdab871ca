"""Cleaning measured against the sample organisation's recorded truth: floors that mean something."""

from __future__ import annotations

from candidly.demo.generate import generate_organisation
from candidly.journey import load_journey
from candidly.quality.clean import clean_store
from candidly.quality.truth import measure_cleaning
from candidly.store.db import Database

FLOORS = {
    ("capitalization", "first_name"): 0.95,
    ("capitalization", "last_name"): 0.95,
    ("placeholder", "first_name"): 0.99,
    ("placeholder", "last_name"): 0.99,
    ("placeholder", "email"): 0.99,
    ("placeholder", "phone"): 0.99,
    ("placeholder", "city"): 0.99,
    ("skills_only_in_resume", "skills"): 0.98,
    ("skill_variant", "skills"): 0.98,
    ("source_channel_variant", "source_channel"): 0.98,
    ("title_variant", "role_type"): 0.9,
    ("unmapped_stage_label", "stage"): 0.9,
}


def test_every_cleaning_rule_clears_its_floor_and_doing_nothing_does_not(db: Database) -> None:
    generate_organisation(db, candidates=1500, seed=11)
    with db.session() as s:
        before = {(r.defect, r.field): r for r in measure_cleaning(s)}
    assert set(FLOORS) <= set(before), "the generator no longer records a defect the floors expect"
    for key, floor in FLOORS.items():
        assert before[key].total >= 5, f"too few {key} defects to measure"
        assert before[key].accuracy < floor, f"{key} passes untouched: the floor measures nothing"

    clean_store(db, load_journey())
    with db.session() as s:
        after = {(r.defect, r.field): r for r in measure_cleaning(s)}
    for key, floor in FLOORS.items():
        assert after[key].accuracy >= floor, f"{key}: {after[key].accuracy:.3f} < {floor}"
    # What a rule would not guess is on the review list, never silently wrong.
    stage = after[("unmapped_stage_label", "stage")]
    assert stage.correct + stage.flagged == stage.total
