"""Sandboxed rendering: facts in, a message out; holes, unknown fields and escapes refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from candidly.compose.render import (
    TemplateRenderError,
    TemplateSource,
    render_in_subprocess,
    render_template,
)

ACK = TemplateSource(
    subject="Your application for {{ job_title }}",
    body=(
        "Hi {{ first_name }},\n\n"
        "Thanks for applying for the {{ job_title }} role."
        "{% if top_skills %} Your work with {{ top_skills | join(' and ') }} caught our eye.{% endif %}\n\n"
        "{% if next_step_timeline %}You'll hear from us {{ next_step_timeline }}.{% else %}We'll be in touch soon.{% endif %}\n\n"
        "{{ recruiter }}"
    ),
    required_fields=("first_name", "job_title", "recruiter"),
    optional_fields=("top_skills", "next_step_timeline"),
)
RICH = {
    "first_name": "Ana",
    "job_title": "Data Engineer",
    "recruiter": "Rita Okafor",
    "top_skills": ["Python", "Apache Airflow"],
    "next_step_timeline": "within 5 business days",
}


def test_a_rich_context_renders_every_fact_and_scores_full_personalization() -> None:
    out = render_template(ACK, RICH)
    assert out.subject == "Your application for Data Engineer"
    assert "Your work with Python and Apache Airflow caught our eye." in out.text
    assert "You'll hear from us within 5 business days." in out.text
    assert out.facts_used == (
        "first_name",
        "job_title",
        "next_step_timeline",
        "recruiter",
        "top_skills",
    )
    assert out.missing_optional == ()
    assert out.personalization == 1.0


def test_a_missing_fact_changes_the_sentence_instead_of_leaving_a_hole() -> None:
    sparse = {k: RICH[k] for k in ("first_name", "job_title", "recruiter")}
    out = render_template(ACK, {**sparse, "top_skills": [], "next_step_timeline": "N/A"})
    assert "caught our eye" not in out.text
    assert "We'll be in touch soon." in out.text
    assert "N/A" not in out.text and "None" not in out.text
    assert out.missing_optional == ("next_step_timeline", "top_skills")
    assert out.personalization == pytest.approx(1 / 3, abs=0.001)


def test_paragraphs_survive_inline_conditionals() -> None:
    out = render_template(ACK, RICH)
    assert out.text.count("\n\n") == 3


def test_candidate_text_is_escaped_in_the_html_body_only() -> None:
    out = render_template(ACK, {**RICH, "first_name": "<b>Ana</b> & co"})
    assert "Hi <b>Ana</b> & co," in out.text
    assert "Hi &lt;b&gt;Ana&lt;/b&gt; &amp; co," in out.html
    assert out.html.startswith("<p>") and "<br>" not in out.html.split("</p>")[0]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Hi {{ shoe_size }}", "unknown field"),
        ("Hi {{ top_skills }}", "missing for this candidate"),
        ("{{ ''.__class__.__mro__ }}", "sandbox forbids"),
        ("{{ first_name.__class__ }}", "not available in templates"),
        ("{% for i in range(3) %}x{% endfor %}", r"unknown field\(s\) range"),
        ("{{ job_title }}", "not declared"),
        ("{% if %}", "line 1"),
    ],
)
def test_templates_cannot_reach_past_their_facts(body: str, message: str) -> None:
    source = TemplateSource("s", body, ("first_name",), ("top_skills",))
    with pytest.raises(TemplateRenderError, match=message):
        render_template(source, {"first_name": "Ana"})


def test_a_missing_required_fact_is_refused() -> None:
    with pytest.raises(TemplateRenderError, match="required fact"):
        render_template(
            ACK, {"first_name": "Ana", "job_title": "Data Engineer", "recruiter": "unknown"}
        )


def test_the_subprocess_stops_a_template_that_builds_a_huge_string() -> None:
    bloat = TemplateSource(
        "s", "{% set x = first_name * 100000000 %}{{ x | length }}", ("first_name",)
    )
    with pytest.raises(TemplateRenderError, match="memory limit"):
        render_in_subprocess(bloat, {"first_name": "abcdefgh"}, memory_mb=256)


def test_the_subprocess_stops_a_template_that_loops_for_ever() -> None:
    loop = TemplateSource(
        "s",
        "{% for a in first_name * 100000 %}{% for b in first_name * 100000 %}{% endfor %}{% endfor %}",
        ("first_name",),
    )
    with pytest.raises(TemplateRenderError, match="CPU time limit"):
        render_in_subprocess(loop, {"first_name": "abcdefgh"}, cpu_seconds=1)


def test_the_subprocess_renders_a_good_template_exactly_as_in_process() -> None:
    assert render_in_subprocess(ACK, RICH) == render_template(ACK, RICH)


names = st.text(alphabet=st.characters(categories=("L", "N", "P", "S")), min_size=1, max_size=30)


@given(first=names, title=names)
def test_any_candidate_text_renders_literally_and_never_runs(first: str, title: str) -> None:
    from candidly.quality.placeholders import is_placeholder

    context = {"first_name": first, "job_title": title, "recruiter": "Rita"}
    if any(is_placeholder(v) for v in (first, title)):
        with pytest.raises(TemplateRenderError):
            render_template(ACK, context)
        return
    out = render_template(ACK, context)
    assert f"Hi {first}," in out.text  # literally: "{{ 7*7 }}" stays "{{ 7*7 }}"
    assert f"the {title} role" in out.text
