"""build_context gathers a candidate's real facts; whatever is missing is absent, never "N/A"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from candidly.compose.context import build_context, diverse_applications, top_skills_for_job
from candidly.journey import load_journey
from candidly.store import Application, Candidate
from candidly.store.db import Database
from tests.fixture_org import build_fixture_org


def test_the_context_holds_the_facts_that_make_a_message_personal(db: Database) -> None:
    org = build_fixture_org(db)
    with db.session() as s:
        facts = build_context(s, org.ana_application, load_journey())
    assert facts["first_name"] == "Ana"
    assert facts["job_title"] == "Senior Data Engineer"
    assert facts["role"] == "Data Engineer"
    assert facts["top_skills"] == [
        "Python",
        "SQL",
    ]  # what she has that this job asks for, in its order
    assert facts["stage"] == "interview"
    assert facts["next_step"] == "the interview team shares its feedback"
    assert facts["next_step_timeline"] == "within 5 business days"
    assert facts["recruiter"] == "Rita Okafor"
    assert facts["source_channel"] == "LinkedIn"
    assert facts["interview_format"] == "on site"
    assert facts["interviewers"] == ["Sam Lindqvist"]
    assert facts["interview_time"] == "Tuesday 15 September at 11:00 (CEST)"  # in her time zone
    assert facts["prep_topics"] == ["Python", "Apache Airflow", "SQL"]
    assert "interviewer_bios" not in facts  # Sam has no public bio


def test_missing_and_placeholder_facts_are_absent_not_printed(db: Database) -> None:
    org = build_fixture_org(db)
    with db.session() as s:
        s.get(Candidate, org.chidi).first_name = "N/A"  # type: ignore[union-attr]
    with db.session() as s:
        app_id = s.query(Application.id).filter(Application.candidate_id == org.chidi).scalar()
        facts = build_context(s, app_id, load_journey())
    for absent in (
        "first_name",
        "top_skills",
        "source_channel",
        "interview_time",
        "role",
        "next_step",
    ):
        assert absent not in facts
    assert all(value not in ("", None, [], "N/A", "None") for value in facts.values())


def test_profiles_for_the_test_gate_span_role_types_and_stages(db: Database) -> None:
    org = build_fixture_org(db)
    with db.session() as s:
        chosen = diverse_applications(s, 10)
        stages = {s.get(Application, i).stage for i in chosen}  # type: ignore[union-attr]
    assert len(chosen) == len(set(chosen)) == 3
    assert org.ana_application in chosen
    assert stages == {"interview", "applied", "rejected"}


@given(
    st.lists(st.sampled_from(["Python", "python3", "SQL", "k8s", "Go", "Excel"]), max_size=6),
    st.lists(st.sampled_from(["Python", "Kubernetes", "SQL", "Go", "React"]), max_size=5),
)
def test_top_skills_are_the_overlap_in_the_jobs_order_and_at_most_three(
    have: list[str], want: list[str]
) -> None:
    top = top_skills_for_job(have, want)
    assert len(top) <= 3
    assert len(set(top)) == len(top)
    assert top == [w for w in dict.fromkeys(want) if w in top]


def test_an_onsite_interview_is_timed_where_it_happens_and_a_call_where_the_candidate_is(
    db: Database,
) -> None:
    from candidly.store import Interview

    org = build_fixture_org(db)
    with db.session() as s:
        s.get(Candidate, org.ana).timezone = "America/Chicago"  # type: ignore[union-attr]
    with db.session() as s:
        onsite = build_context(s, org.ana_application, load_journey())["interview_time"]
        interview = s.query(Interview).one()
        interview.format = "video"
    with db.session() as s:
        remote = build_context(s, org.ana_application, load_journey())["interview_time"]
    assert onsite == "Tuesday 15 September at 11:00 (CEST)"  # in Berlin, where she must be
    assert remote == "Tuesday 15 September at 04:00 (CDT)"  # on a call from Chicago
