"""The data is messy at the documented rates, and demo_truth says exactly what was done."""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from datetime import timedelta

from candidly.demo import defects
from candidly.demo.duplicates import normalize_name
from candidly.store.events import EventType
from candidly.taxonomy.stages import STAGES
from candidly.taxonomy.vocab import (
    load_skills,
    load_source_channels,
    normalize_term,
    role_type_lookup,
    skill_lookup,
    source_channel_lookup,
)
from tests.demo.conftest import SampleOrg

CANDIDATE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "city",
    "skills",
    "source_channel",
    "owner_id",
)


def assert_rate(count: int, total: int, expected: float, what: str, slack: float = 0.0) -> None:
    """``count / total`` lies within four standard errors (plus ``slack``) of ``expected``."""
    measured = count / total
    tolerance = 4 * math.sqrt(expected * (1 - expected) / total) + slack
    assert abs(measured - expected) <= tolerance, (
        f"{what}: {measured:.4f} vs {expected} ± {tolerance:.4f}"
    )


def truth_by(sample_org: SampleOrg) -> dict[str, list]:
    grouped = defaultdict(list)
    for row in sample_org.rows("demo_truth"):
        grouped[row.defect].append(row)
    return grouped


def test_candidate_defects_occur_at_the_documented_rates(sample_org: SampleOrg) -> None:
    candidates = sample_org.rows("candidates")
    truth = truth_by(sample_org)
    duplicates = {row.subject_id for row in truth["duplicate"]}
    originals = [row for row in candidates if row.id not in duplicates]
    for field, rate in defects.PLACEHOLDER_RATES.items():
        shown = [row for row in originals if getattr(row, field) in defects.PLACEHOLDERS[field]]
        recorded = [row for row in truth["placeholder"] if row.field == field]
        assert len(shown) == len(recorded), field
        assert_rate(len(shown), len(originals), rate, f"placeholder {field}")
    miscased = {row.subject_id for row in truth["capitalization"]}
    assert_rate(len(miscased), len(originals), defects.CAPITALIZATION_RATE, "capitalization", 0.01)

    with_resume = [row for row in candidates if row.resume_text]
    skills_only = [row for row in with_resume if row.skills == []]
    assert len(skills_only) == len(truth["skills_only_in_resume"])
    assert_rate(
        len(skills_only),
        len(with_resume),
        defects.SKILLS_ONLY_IN_RESUME_RATE,
        "skills only in résumé",
    )
    tagged = [row for row in candidates if row.skills]
    assert_rate(
        len(truth["skill_variant"]), len(tagged), defects.SKILL_VARIANT_RATE, "skill variants", 0.03
    )

    no_channel = [row for row in candidates if row.source_channel is None]
    assert len(no_channel) == len(truth["missing_source_channel"])
    assert_rate(
        len(no_channel), len(candidates), defects.MISSING_SOURCE_CHANNEL_RATE, "missing channel"
    )
    display_names = {channel.display_name for channel in load_source_channels()}
    variants = [
        row for row in candidates if row.source_channel and row.source_channel not in display_names
    ]
    assert len(variants) == len(truth["source_channel_variant"])
    assert_rate(
        len(variants),
        len(candidates) - len(no_channel),
        defects.SOURCE_CHANNEL_VARIANT_RATE,
        "channel variants",
    )

    no_owner = [row for row in candidates if row.owner_id is None]
    assert len(no_owner) == len(truth["missing_owner"])
    assert_rate(len(no_owner), len(candidates), defects.MISSING_OWNER_RATE, "missing owner")

    # Duplicates scheduled near the end of the list can fall off it: a little under the rate.
    assert_rate(len(duplicates), len(candidates), defects.DUPLICATE_RATE, "duplicates", 0.005)
    applicants = {app.candidate_id for app in sample_org.rows("applications")}
    with_apps = [subject for subject in duplicates if subject in applicants]
    assert_rate(
        len(with_apps),
        len(duplicates),
        defects.DUPLICATE_WITH_APPLICATIONS_RATE,
        "duplicates applying",
    )


def test_job_and_application_defects_occur_at_the_documented_rates(sample_org: SampleOrg) -> None:
    truth = truth_by(sample_org)
    jobs = sample_org.rows("jobs")
    untyped = [job for job in jobs if job.role_type is None]
    assert len(untyped) == len(truth["title_variant"])
    assert_rate(len(untyped), len(jobs), 1 - defects.JOB_ROLE_TYPE_RECORDED_RATE, "untyped jobs")
    assert len([job for job in jobs if job.recruiter_id is None]) == len(truth["missing_recruiter"])
    applications = sample_org.rows("applications")
    unmapped = [app for app in applications if app.stage is None]
    assert len(unmapped) == len(truth["unmapped_stage_label"])
    assert_rate(len(unmapped), len(applications), defects.UNMAPPED_STAGE_RATE, "unmapped stages")
    assert (
        0
        < len(truth["unrendered_merge_field"])
        < 0.02 * sample_org.summary.events_by_type[EventType.MESSAGE_SENT]
    )


def test_each_truth_row_shows_what_the_store_holds_and_what_was_true(sample_org: SampleOrg) -> None:
    candidates = {row.id: row for row in sample_org.rows("candidates")}
    recruiters = {user.id for user in sample_org.rows("users") if user.role == "recruiter"}
    channel_keys = {channel.key for channel in load_source_channels()}
    seen: Counter[tuple[str, int, str | None]] = Counter()
    for truth in sample_org.rows("demo_truth"):
        seen[truth.subject_type, truth.subject_id, truth.field] += 1
        if truth.subject_type != "candidate" or truth.field not in CANDIDATE_FIELDS:
            continue
        stored = getattr(candidates[truth.subject_id], truth.field)
        if truth.field == "skills":
            assert json.loads(truth.shown_value) == stored
        else:
            assert truth.shown_value == (None if stored is None else str(stored))
        if truth.defect == "placeholder":
            assert truth.shown_value in defects.PLACEHOLDERS[truth.field] and truth.true_value
        elif truth.defect == "capitalization":
            assert truth.shown_value != truth.true_value
            assert truth.shown_value.casefold() == truth.true_value.casefold()
        elif truth.defect == "missing_source_channel":
            assert truth.true_value in channel_keys
        elif truth.defect == "source_channel_variant":
            assert source_channel_lookup()[normalize_term(truth.shown_value)] == truth.true_value
        elif truth.defect == "missing_owner":
            assert int(truth.true_value) in recruiters
        elif truth.defect == "skill_variant":
            tags, canonical = json.loads(truth.shown_value), json.loads(truth.true_value)
            assert [skill_lookup()[normalize_term(tag)] for tag in tags] == canonical
    assert max(count for (_, _, field), count in seen.items() if field is not None) == 1


def test_swapped_names_are_recorded_as_a_pair(sample_org: SampleOrg) -> None:
    swapped = defaultdict(dict)
    for truth in truth_by(sample_org)["name_order_swapped"]:
        swapped[truth.subject_id][truth.field] = truth
    assert swapped
    for pair in swapped.values():
        first, last = pair["first_name"], pair["last_name"]
        assert (first.shown_value, last.shown_value) == (last.true_value, first.true_value)


def test_skills_only_in_the_resume_are_all_mentioned_in_it(sample_org: SampleOrg) -> None:
    candidates = {row.id: row for row in sample_org.rows("candidates")}
    spellings = {skill.name: (skill.name, *skill.synonyms) for skill in load_skills()}
    cases = truth_by(sample_org)["skills_only_in_resume"]
    assert cases
    for truth in cases:
        candidate = candidates[truth.subject_id]
        assert candidate.skills == []
        resume = candidate.resume_text.casefold()
        for skill in json.loads(truth.true_value):
            assert any(
                re.search(rf"(?<![\w+#]){re.escape(spelling.casefold())}(?![\w+#])", resume)
                for spelling in spellings[skill]
            ), (skill, candidate.id)


def test_every_duplicate_points_at_an_earlier_original_it_can_be_matched_with(
    sample_org: SampleOrg,
) -> None:
    candidates = {row.id: row for row in sample_org.rows("candidates")}
    duplicates = truth_by(sample_org)["duplicate"]
    assert len(duplicates) > 50
    duplicate_ids = {truth.subject_id for truth in duplicates}
    changes: Counter[str] = Counter()
    for truth in duplicates:
        copy, original = candidates[truth.subject_id], candidates[int(truth.true_value)]
        assert original.id < copy.id and original.id not in duplicate_ids
        assert original.created_at < copy.created_at
        same_email = (
            bool(copy.email)
            and (copy.email or "").strip().lower() == (original.email or "").strip().lower()
        )
        same_phone = bool(copy.phone) and digits(copy.phone)[-8:] == digits(original.phone)[-8:]
        same_name = {normalize_name(copy.first_name), normalize_name(copy.last_name)} == {
            normalize_name(original.first_name),
            normalize_name(original.last_name),
        }
        assert same_email or same_phone or same_name, (truth.shown_value, copy, original)
        changes.update(truth.shown_value.split(";"))
    for change in (
        "name:typo",
        "name:nickname",
        "email:new",
        "email:recased",
        "phone:reformatted",
        "phone:missing",
    ):
        assert changes[change] > 0, change


def digits(text: str | None) -> str:
    return "".join(char for char in text or "" if char.isdigit())


def test_job_and_application_truth_matches_the_rows(sample_org: SampleOrg) -> None:
    jobs = {job.id: job for job in sample_org.rows("jobs")}
    applications = {app.id: app for app in sample_org.rows("applications")}
    truth = truth_by(sample_org)
    for row in truth["title_variant"]:
        job = jobs[row.subject_id]
        assert job.role_type is None and job.title == row.shown_value
        assert role_type_lookup()[normalize_term(job.title)] == row.true_value
    for row in truth["missing_recruiter"]:
        assert jobs[row.subject_id].recruiter_id is None and row.true_value
    for row in truth["unmapped_stage_label"]:
        app = applications[row.subject_id]
        assert app.stage is None and app.stage_label == row.shown_value and row.true_value in STAGES
    events = {
        event.id: event
        for event in sample_org.rows("events")
        if event.type == EventType.MESSAGE_SENT
    }
    for row in truth["unrendered_merge_field"]:
        assert "{{candidate.first_name}}" in events[row.subject_id].payload["body"]


def test_a_placeholder_first_name_shows_up_in_templated_messages(sample_org: SampleOrg) -> None:
    bodies = [
        event.payload["body"]
        for event in sample_org.rows("events")
        if event.type == EventType.MESSAGE_SENT
    ]
    assert any(
        body.startswith(f"Hi {value},")
        for body in bodies
        for value in ("N/A", "test", "TBD", "unknown")
    )


def test_no_shows_are_more_likely_when_no_reminder_went_out(sample_org: SampleOrg) -> None:
    events = sample_org.rows("events")
    reminders = {
        (event.application_id, event.occurred_at)
        for event in events
        if event.type == EventType.MESSAGE_SENT
        and event.payload["touchpoint"] == "interview_reminder"
    }
    outcomes: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for interview in sample_org.rows("interviews"):
        if interview.status in ("completed", "no_show"):
            was_reminded = (
                interview.application_id,
                interview.starts_at - timedelta(days=1),
            ) in reminders
            outcomes[was_reminded][interview.status] += 1
    rate = {key: counts["no_show"] / sum(counts.values()) for key, counts in outcomes.items()}
    assert rate[False] > rate[True] + 0.03


def test_offers_are_declined_more_often_by_candidates_interviewing_elsewhere(
    sample_org: SampleOrg,
) -> None:
    events = sample_org.rows("events")
    elsewhere = {
        event.application_id
        for event in events
        if event.type == EventType.INTERVIEW_COMPLETED and event.payload.get("other_processes")
    }
    screened = {
        event.application_id
        for event in events
        if event.type == EventType.INTERVIEW_COMPLETED and "other_processes" in event.payload
    }
    answers: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for event in events:
        if (
            event.type in (EventType.OFFER_ACCEPTED, EventType.OFFER_DECLINED)
            and event.application_id in screened
        ):
            answers[event.application_id in elsewhere][event.type] += 1
    decline = {
        key: counts[EventType.OFFER_DECLINED] / sum(counts.values())
        for key, counts in answers.items()
    }
    assert decline[True] > decline[False] + 0.1
