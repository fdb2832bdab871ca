"""The shared vocabularies the sample organisation draws from: role types, skills, channels."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import pytest

from candidly.taxonomy.vocab import (
    load_role_types,
    load_skills,
    load_source_channels,
    normalize_term,
    role_type_lookup,
    skill_lookup,
    source_channel_lookup,
)


def test_every_role_types_core_skills_are_skills_in_skills_yaml() -> None:
    names = {skill.name for skill in load_skills()}
    for role in load_role_types():
        assert role.core_skills, role.key
        assert set(role.core_skills) <= names, role.key


def test_no_synonym_means_two_skills() -> None:
    meanings = defaultdict(set)
    for skill in load_skills():
        for spelling in (skill.name, *skill.synonyms):
            meanings[normalize_term(spelling)].add(skill.name)
    ambiguous = {spelling: names for spelling, names in meanings.items() if len(names) > 1}
    assert ambiguous == {}


def test_no_synonym_just_repeats_its_own_skill_name() -> None:
    for skill in load_skills():
        assert normalize_term(skill.name) not in {normalize_term(s) for s in skill.synonyms}, (
            skill.name
        )
        assert len({normalize_term(s) for s in skill.synonyms}) == len(skill.synonyms), skill.name


def test_no_title_means_two_role_types_and_no_variant_two_channels() -> None:
    assert len(role_type_lookup()) == len(
        {normalize_term(s) for r in load_role_types() for s in (r.key, r.display_name, *r.titles)}
    )
    assert len(source_channel_lookup()) == len(
        {
            normalize_term(s)
            for c in load_source_channels()
            for s in (c.key, c.display_name, *c.variants)
        }
    )


def test_the_vocabularies_are_big_enough_to_be_useful() -> None:
    assert len(load_skills()) >= 150
    assert 12 <= len(load_role_types()) <= 16
    assert all(len(role.titles) >= 10 for role in load_role_types())
    keys = {channel.key for channel in load_source_channels()}
    assert {"linkedin", "referral", "career_site", "indeed", "agency", "job_board", "event",
            "sourced_outreach", "university"} <= keys  # fmt: skip


@pytest.mark.parametrize(
    ("spelling", "skill"),
    [
        ("JS", "JavaScript"),
        ("k8s", "Kubernetes"),
        ("Postgres", "PostgreSQL"),
        ("ML", "Machine Learning"),
        ("golang", "Go"),
        ("  react.JS ", "React"),
        ("SFDC", "Salesforce"),
        ("BLS", "Basic Life Support"),
        ("forklift certified", "Forklift Operation"),
    ],
)
def test_common_abbreviations_map_onto_their_skill(spelling: str, skill: str) -> None:
    assert skill_lookup()[normalize_term(spelling)] == skill


@pytest.mark.parametrize(
    ("title", "role_type"),
    [
        ("Sr. SWE", "software_engineer"),
        ("Software Dev II", "software_engineer"),
        ("RN - ICU", "registered_nurse"),
        ("picker/packer", "warehouse_associate"),
        ("Sr. PM", "product_manager"),
        ("SRE", "site_reliability_engineer"),
    ],
)
def test_messy_titles_map_onto_their_role_type(title: str, role_type: str) -> None:
    assert role_type_lookup()[normalize_term(title)] == role_type


@pytest.mark.parametrize(
    ("variant", "channel"),
    [
        ("LinkedIn Jobs", "linkedin"),
        ("LI", "linkedin"),
        ("linked in", "linkedin"),
        ("Employee Referral", "referral"),
        ("Company Website", "career_site"),
        ("ZipRecruiter", "job_board"),
    ],
)
def test_messy_source_channels_map_onto_their_channel(variant: str, channel: str) -> None:
    assert source_channel_lookup()[normalize_term(variant)] == channel


def test_loaders_return_frozen_values_read_once() -> None:
    assert load_skills() is load_skills()
    role = load_role_types()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        role.key = "changed"  # type: ignore[misc]
