"""The sample organisation looks like a real one: its staff, jobs, candidates and history."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import timedelta
from zoneinfo import ZoneInfo

from candidly.demo.timeline import REFERENCE_NOW, WINDOW_START
from candidly.store.events import EventType
from candidly.store.models import Event
from candidly.taxonomy.stages import STAGES
from tests.demo.conftest import SampleOrg

CANDIDATE_EVENT_TYPES = {
    EventType.CANDIDATE_CREATED,
    EventType.JOB_VIEWED,
    EventType.APPLICATION_STARTED,
    EventType.APPLICATION_CREATED,
    EventType.STAGE_CHANGED,
    EventType.INTERVIEW_SCHEDULED,
    EventType.INTERVIEW_COMPLETED,
    EventType.INTERVIEW_NO_SHOW,
    EventType.INTERVIEW_CANCELLED,
    EventType.ASSESSMENT_COMPLETED,
    EventType.OFFER_EXTENDED,
    EventType.OFFER_ACCEPTED,
    EventType.OFFER_DECLINED,
    EventType.MESSAGE_SENT,
    EventType.MESSAGE_REPLIED,
}


def test_the_staff_has_every_role_recruiters_sign_and_interviewers_have_bios(
    sample_org: SampleOrg,
) -> None:
    users = sample_org.rows("users")
    roles = Counter(user.role for user in users)
    assert roles["recruiter"] >= 6  # one per 400 candidates, at least four
    assert roles["ta_ops"] == roles["compliance"] == roles["admin"] == 1
    assert roles["hiring_manager"] >= 5 and roles["interviewer"] >= 20
    recruiters = [user for user in users if user.role == "recruiter"]
    assert all(user.signature and user.full_name in user.signature for user in recruiters)
    interviewers = [user for user in users if user.role in ("interviewer", "hiring_manager")]
    with_bio = [user for user in interviewers if user.bio]
    assert len(with_bio) / len(interviewers) > 0.8
    assert all(user.bio and user.full_name.split()[0] in user.bio for user in with_bio)
    assert all(user.email and user.email.endswith("@northwindcare.example") for user in users)
    assert all(user.timezone for user in users)


def test_there_are_twenty_jobs_or_more_across_role_types_and_locations(
    sample_org: SampleOrg,
) -> None:
    jobs = sample_org.rows("jobs")
    truth = {
        row.subject_id: row.true_value
        for row in sample_org.rows("demo_truth")
        if row.defect == "title_variant"
    }
    role_types = {job.role_type or truth[job.id] for job in jobs}
    assert len(jobs) >= 20
    assert len(role_types) >= 10
    assert len({job.location for job in jobs}) >= 8
    assert {"open", "closed"} <= {job.status for job in jobs}
    created = sample_org.rows("events", Event.__table__.c.type == EventType.JOB_CREATED)
    assert all(event.payload["timezone"] for event in created)
    assert len(created) == len(jobs)


def test_candidates_have_international_names_as_their_owners_write_them(
    sample_org: SampleOrg,
) -> None:
    candidates = sample_org.rows("candidates")
    names = {f"{row.first_name} {row.last_name}" for row in candidates}
    text = " ".join(names)
    for fragment in ("ễ", "ł", "ü", "ñ" if "ñ" in text else "á", "van ", "O'", "Mc"):
        assert fragment in text, fragment
    assert len({row.country for row in candidates}) >= 8
    assert len({row.timezone for row in candidates}) >= 10
    assert sum(1 for row in candidates if row.preferred_name) > 10


def test_applications_reach_every_canonical_stage(sample_org: SampleOrg) -> None:
    truth = {
        row.subject_id: row.true_value
        for row in sample_org.rows("demo_truth")
        if row.defect == "unmapped_stage_label"
    }
    applications = sample_org.rows("applications")
    stages = Counter(app.stage or truth[app.id] for app in applications)
    assert set(stages) == set(STAGES)
    assert stages["rejected"] > stages["hired"] > 0
    closed = [app for app in applications if app.outcome]
    assert all(app.closed_at and (app.stage in (None, app.outcome)) for app in closed)
    assert all(app.outcome_reasons for app in closed if app.outcome != "hired")


def test_every_kind_of_event_is_in_the_log(sample_org: SampleOrg) -> None:
    kinds = set(sample_org.summary.events_by_type)
    assert kinds >= CANDIDATE_EVENT_TYPES
    per_candidate = sample_org.summary.rows["events"] / sample_org.summary.candidates
    assert 6 <= per_candidate <= 11


def test_candidate_history_lies_within_the_nine_months_before_the_reference_time(
    sample_org: SampleOrg,
) -> None:
    events = sample_org.rows("events")
    history = [event for event in events if event.type in CANDIDATE_EVENT_TYPES]
    assert min(event.occurred_at for event in history) >= WINDOW_START
    assert max(event.occurred_at for event in history) <= REFERENCE_NOW
    assert max(event.occurred_at for event in history) > REFERENCE_NOW - timedelta(days=2)
    assert all(event.recorded_at == event.occurred_at for event in events)
    for row in sample_org.rows("candidates"):
        assert WINDOW_START <= row.created_at <= row.updated_at <= REFERENCE_NOW


def test_each_applications_stage_events_follow_one_another_in_order(sample_org: SampleOrg) -> None:
    changes = defaultdict(list)
    for event in sample_org.rows("events"):
        if event.type == EventType.STAGE_CHANGED:
            changes[event.application_id].append(event)
    applications = {app.id: app for app in sample_org.rows("applications")}
    assert set(changes) == set(applications)
    for app_id, history in changes.items():
        app = applications[app_id]
        assert history[0].payload["from_label"] is None
        for before, after in itertools.pairwise(history):
            assert before.occurred_at <= after.occurred_at
            assert before.payload["to_label"] == after.payload["from_label"]
            assert before.payload["to"] == after.payload["from"]
        assert history[-1].payload["to_label"] == app.stage_label
        assert history[-1].payload["to"] == app.stage
        assert history[-1].occurred_at == app.stage_entered_at


def test_interviews_have_interviewers_formats_zones_and_outcomes(sample_org: SampleOrg) -> None:
    interviews = sample_org.rows("interviews")
    staff = {user.id for user in sample_org.rows("users")}
    assert all(
        interview.interviewer_ids and set(interview.interviewer_ids) <= staff
        for interview in interviews
    )
    assert {interview.format for interview in interviews} == {"phone", "video", "onsite"}
    assert {"completed", "no_show", "cancelled", "scheduled"} <= {
        interview.status for interview in interviews
    }
    assert len({interview.timezone for interview in interviews}) >= 5
    for interview in interviews:
        assert interview.ends_at > interview.starts_at
        local = interview.starts_at.astimezone(ZoneInfo(interview.timezone))
        assert 9 <= local.hour <= 16 and local.weekday() < 5
    upcoming = [interview for interview in interviews if interview.status == "scheduled"]
    assert upcoming and all(
        interview.starts_at > REFERENCE_NOW - timedelta(hours=4) for interview in upcoming
    )


def test_the_message_log_covers_the_touchpoints_generic_and_personal(sample_org: SampleOrg) -> None:
    messages = [
        event.payload for event in sample_org.rows("events") if event.type == EventType.MESSAGE_SENT
    ]
    assert all(
        set(message) == {"touchpoint", "channel", "subject", "body", "template"}
        for message in messages
    )
    touchpoints = Counter(message["touchpoint"] for message in messages)
    for touchpoint in (
        "application_acknowledgment",
        "sourcing_outreach",
        "interview_scheduling_confirmation",
        "interview_reminder",
        "post_interview_status_update",
        "rejection_feedback",
        "offer_letter",
        "status_update",
    ):
        assert touchpoints[touchpoint] > 0, touchpoint
    bodies = [message["body"] for message in messages]
    assert any(body.startswith("Dear Candidate") for body in bodies)
    assert any(message["template"] is None for message in messages)  # written by hand
    personal = [
        body for body in bodies if "Your experience with" in body or "caught my eye" in body
    ]
    assert personal
    assert {"email", "sms"} <= {message["channel"] for message in messages}


def test_career_site_visitors_view_jobs_and_abandon_applications(sample_org: SampleOrg) -> None:
    events = sample_org.rows("events")
    views = [event for event in events if event.type == EventType.JOB_VIEWED]
    assert any(event.candidate_id is None for event in views)  # anonymous visitors
    known = Counter(event.candidate_id for event in views if event.candidate_id)
    assert max(known.values()) >= 3  # someone keeps coming back
    applied = {
        (event.candidate_id, event.job_id)
        for event in events
        if event.type == EventType.APPLICATION_CREATED
    }
    started = [event for event in events if event.type == EventType.APPLICATION_STARTED]
    abandoned = [event for event in started if (event.candidate_id, event.job_id) not in applied]
    assert abandoned and all(
        event.payload["step_reached"] < event.payload["steps_total"] for event in abandoned
    )
    assessments = [
        event.payload for event in events if event.type == EventType.ASSESSMENT_COMPLETED
    ]
    assert assessments and all(
        0 <= payload["score"] <= payload["max_score"] for payload in assessments
    )
