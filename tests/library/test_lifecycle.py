"""The lifecycle: who may take each step, in which order, and what each step leaves behind."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from candidly.journey import Journey
from candidly.library import (
    LibraryError,
    TemplateVersion,
    find_entry,
    find_user,
    find_version,
    published_version,
    require_sendable,
)
from candidly.library import lifecycle as life
from candidly.library.history import entry_history, step_name
from candidly.store.db import Database
from candidly.store.types import utcnow
from tests.library.people import AUTHOR, COMPLIANCE, OUTSIDER, OWNER, Personas
from tests.library.stories import act, edit, gate, state_of, take_to_published, write

OFFER_SPEC = """\
touchpoint: offer_letter
purpose: Make the offer.
required_fields: [job_title]
optional_fields: [first_name, compensation]
subject: "Your offer: {{ job_title }}"
body: |
  Hi {% if first_name %}{{ first_name }}{% else %}there{% endif %},

  We'd love you to join as {{ job_title }}.{% if compensation %} Compensation: {{ compensation }}.{% endif %}
"""


def test_a_version_goes_from_draft_to_published_with_who_and_when_for_each_step(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    label = write(db, journey)
    take_to_published(db, journey, label)
    with db.session() as s:
        version = find_version(s, label)
        assert version.state == "published"
        assert version.submitted_by_id == find_user(s, AUTHOR).id
        assert version.approved_by_id == version.published_by_id == find_user(s, OWNER).id
        assert version.created_at <= version.submitted_at <= version.tested_at  # type: ignore[operator]
        assert version.tested_at <= version.approved_at <= version.published_at  # type: ignore[operator]
        steps = [(step_name(e.type), e.actor_id) for e in entry_history(s, version.entry)]
        assert [name for name, _ in steps] == [
            "created",
            "submitted",
            "test_run",
            "tested",
            "approved",
            "published",
        ]
        assert published_version(s, "application_acknowledgment", "data_engineer") is version
        require_sendable(version)


def test_authors_cannot_approve_their_own_versions(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    label = write(db, journey, by=OWNER)
    act(db, life.submit, label, OWNER)
    assert gate(db, journey, label, by=OWNER).promoted
    with pytest.raises(LibraryError, match=r"authors cannot approve their own versions"):
        act(db, life.approve, label, OWNER)
    act(db, life.approve, label, COMPLIANCE)
    assert state_of(db, label) == "approved"


def test_only_compliance_approves_an_individual_tier_version(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    label = write(db, journey, OFFER_SPEC)
    act(db, life.submit, label, AUTHOR)
    assert gate(db, journey, label).promoted
    with pytest.raises(
        LibraryError, match=r"versions of the individual tier are approved only by compliance"
    ):
        act(db, life.approve, label, OWNER)
    act(db, life.approve, label, COMPLIANCE)
    with pytest.raises(LibraryError, match=r"only admin, ta_ops may publish"):
        act(db, life.publish, label, COMPLIANCE)
    act(db, life.publish, label, OWNER)
    assert state_of(db, label) == "published"


def test_steps_out_of_order_are_refused_with_the_rule(
    db: Database, journey: Journey, personas: Personas
) -> None:
    label = write(db, journey)
    with pytest.raises(
        LibraryError, match=r"cannot publish .*@1: it is draft, and only a compliance-approved"
    ):
        act(db, life.publish, label, OWNER)
    with pytest.raises(
        LibraryError, match=r"cannot approve .*: it is draft, and only a tested version"
    ):
        act(db, life.approve, label, COMPLIANCE)
    act(db, life.submit, label, AUTHOR)
    with pytest.raises(LibraryError, match=r"cannot submit .*: it is submitted, and only a draft"):
        act(db, life.submit, label, AUTHOR)
    with pytest.raises(LibraryError, match=r"only .*author .* or a library owner"):
        act(db, life.submit, edit(db, journey, label, subject="Hello"), COMPLIANCE)


def test_people_without_a_library_role_can_do_nothing(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    label = write(db, journey)
    act(db, life.submit, label, AUTHOR)
    with pytest.raises(LibraryError, match=r"otto@acme.test is interviewer"):
        gate(db, journey, label, by=OUTSIDER)
    with pytest.raises(LibraryError, match=r"otto@acme.test is interviewer"):
        act(db, life.retire, label, OUTSIDER)
    with pytest.raises(
        LibraryError,
        match=r"otto@acme.test is interviewer; versions of the auto tier are approved only by",
    ):
        act(db, life.approve, label, OUTSIDER)


def test_publishing_a_new_version_retires_the_old_one_in_the_same_step(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    first = write(db, journey)
    take_to_published(db, journey, first)
    second = edit(db, journey, first, subject="Your application for {{ job_title }} is in")
    assert state_of(db, first) == "published"  # a draft replaces nothing until it is published
    take_to_published(db, journey, second)
    assert (state_of(db, first), state_of(db, second)) == ("retired", "published")
    with db.session() as s:
        old = find_version(s, first)
        assert old.retired_at == find_version(s, second).published_at
        assert published_version(s, "application_acknowledgment", None) is find_version(s, second)
        with pytest.raises(LibraryError, match=r"only a published version can be used to send"):
            require_sendable(old)
    edit(db, journey, second, subject="A third subject")
    with pytest.raises(IntegrityError), db.session() as s:  # the database holds the line too
        s.execute(update(TemplateVersion).values(state="published"))


def test_rollback_republishes_an_earlier_published_version_and_says_so(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    first = write(db, journey)
    take_to_published(db, journey, first)
    second = edit(db, journey, first, subject="New subject for {{ job_title }}")
    take_to_published(db, journey, second)
    with db.session() as s:
        back, old = life.rollback(s, find_entry(s, first), find_user(s, OWNER))
        assert (back.number, old and old.number) == (1, 2)
    assert (state_of(db, first), state_of(db, second)) == ("published", "retired")
    with db.session() as s:
        last = entry_history(s, find_entry(s, first))[-2:]
        assert [(step_name(e.type), e.payload["version"]) for e in last] == [
            ("retired", 2),
            ("rolled_back", 1),
        ]
        with pytest.raises(LibraryError, match=r"only admin, ta_ops may roll back"):
            life.rollback(s, find_entry(s, first), find_user(s, AUTHOR))
    draft = edit(db, journey, second, subject="Never published")
    act(db, life.retire, draft, AUTHOR)  # authors may withdraw their own drafts
    with db.session() as s, pytest.raises(LibraryError, match=r"only a retired version that was"):
        life.rollback(s, find_entry(s, first), find_user(s, OWNER), to=find_version(s, draft))


def test_a_published_entry_is_due_for_review_90_days_later_until_reviewed(
    db: Database, journey: Journey, profiles: list[int]
) -> None:
    label = write(db, journey)
    take_to_published(db, journey, label)
    now = utcnow()
    with db.session() as s:
        assert life.review_due(s, now) == []
        (due,) = life.review_due(s, now + timedelta(days=91))
        assert (
            due.entry == "application_acknowledgment"
            and due.overdue_days(now + timedelta(days=91)) == 1
        )
        with pytest.raises(LibraryError, match=r"only admin, ta_ops may record a library review"):
            life.record_review(s, find_entry(s, label), find_user(s, AUTHOR))
        life.record_review(
            s, find_entry(s, label), find_user(s, OWNER), at=now + timedelta(days=91)
        )
    with db.session() as s:
        assert life.review_due(s, now + timedelta(days=100)) == []
        assert len(life.review_due(s, now + timedelta(days=182))) == 1
        assert s.scalars(select(TemplateVersion.state)).all() == ["published"]
