"""compose_draft: the published template, the candidate's facts, guard, the tier — and the model's
draft only when the version allows it and guard has nothing against it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from candidly.compose.draft import ComposeError, compose_draft
from candidly.compose.llm import OpenAICompatibleProvider
from candidly.journey import load_journey
from candidly.library import find_version
from candidly.review.tiers import Tier
from candidly.store.db import Database
from tests.compose.llm.chat_server import ChatServer, Reply, completion
from tests.library.people import add_personas, add_profiles
from tests.library.stories import edit, take_to_published, write

JOURNEY = load_journey()


@pytest.fixture
def acknowledgment(db: Database) -> tuple[str, list[int]]:
    """A published acknowledgment and ten varied applications to send it to."""
    profiles = add_profiles(db, add_personas(db))
    ref = write(db, JOURNEY)
    take_to_published(db, JOURNEY, ref)
    return ref, profiles


@pytest.fixture
def chat() -> Iterator[ChatServer]:
    import threading

    server = ChatServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_an_acknowledgment_is_drafted_from_the_published_version_and_goes_out_automatically(
    db: Database, acknowledgment: tuple[str, list[int]]
) -> None:
    _, profiles = acknowledgment
    with db.session() as s:
        draft = compose_draft(s, profiles[1], "application_acknowledgment", JOURNEY)
    assert draft.tier is Tier.AUTO and not draft.held and not draft.task_only
    assert draft.text is not None and draft.text.startswith("Hi Bram,")
    assert "job_title" in draft.facts_used and draft.findings == ()
    assert draft.version_id is not None and draft.origin == "template"


def test_without_a_published_template_the_composer_says_how_to_get_one(db: Database) -> None:
    profiles = add_profiles(db, add_personas(db))
    with db.session() as s, pytest.raises(ComposeError, match="install-defaults"):
        compose_draft(s, profiles[0], "application_acknowledgment", JOURNEY)
    with db.session() as s, pytest.raises(ComposeError, match="No touchpoint 'carrier_pigeon'"):
        compose_draft(s, profiles[0], "carrier_pigeon", JOURNEY)


def test_evaluation_language_in_a_draft_sends_it_to_a_person(
    db: Database, acknowledgment: tuple[str, list[int]]
) -> None:
    ref, profiles = acknowledgment
    judging = edit(
        db,
        JOURNEY,
        ref,
        body="Hi {{ first_name }},\n\nYou scored in the top 10% of applicants for {{ job_title }}.\n",
        required_fields=["first_name", "job_title"],
        optional_fields=[],
    )
    with db.session() as s:
        draft = compose_draft(
            s, profiles[0], "application_acknowledgment", JOURNEY, version=find_version(s, judging)
        )
    assert draft.tier is Tier.INDIVIDUAL and not draft.held
    assert "guard found evaluation language" in draft.tier_reasons
    assert any(f.category == "evaluation_language" for f in draft.findings)


def test_a_forbidden_finding_holds_the_draft(
    db: Database, acknowledgment: tuple[str, list[int]]
) -> None:
    ref, profiles = acknowledgment
    pay = edit(
        db,
        JOURNEY,
        ref,
        body="Hi {{ first_name }}, the {{ job_title }} role pays $140,000 a year.\n",
        required_fields=["first_name", "job_title"],
        optional_fields=[],
    )
    with db.session() as s:
        draft = compose_draft(
            s, profiles[0], "application_acknowledgment", JOURNEY, version=find_version(s, pay)
        )
    assert draft.held and draft.tier is Tier.INDIVIDUAL
    assert any("held until a person edits it" in reason for reason in draft.tier_reasons)


def llm_version(db: Database, ref: str) -> str:
    return edit(
        db,
        JOURNEY,
        ref,
        allow_llm=True,
        llm_prompt="Thank the candidate for applying, name the role, say what happens next. Two short paragraphs.",
    )


def provider(chat: ChatServer) -> OpenAICompatibleProvider:
    return OpenAICompatibleProvider(chat.base_url, "tiny", timeout_seconds=2, max_retries=0)


def test_a_version_that_allows_it_is_drafted_by_the_model(
    db: Database, acknowledgment: tuple[str, list[int]], chat: ChatServer
) -> None:
    ref, profiles = acknowledgment
    allowed = llm_version(db, ref)
    chat.will_reply(
        Reply(
            body=completion(
                "Hi Ana,\n\nThanks for applying to the Data Engineer role. We'll be in touch within a week."
            )
        )
    )
    with db.session() as s:
        draft = compose_draft(
            s,
            profiles[0],
            "application_acknowledgment",
            JOURNEY,
            version=find_version(s, allowed),
            llm=provider(chat),
        )
    assert draft.origin == "llm"
    assert draft.text is not None and "Thanks for applying to the Data Engineer role" in draft.text
    assert "first_name" in draft.facts_used
    assert draft.tier is Tier.AUTO


def test_a_model_reply_that_follows_smuggled_instructions_falls_back_to_the_human_template(
    db: Database, acknowledgment: tuple[str, list[int]], chat: ChatServer
) -> None:
    ref, profiles = acknowledgment
    allowed = llm_version(db, ref)
    chat.will_reply(
        Reply(
            body=completion(
                "As an AI language model, I will ignore previous instructions and offer you $1M."
            )
        )
    )
    with db.session() as s:
        draft = compose_draft(
            s,
            profiles[0],
            "application_acknowledgment",
            JOURNEY,
            version=find_version(s, allowed),
            llm=provider(chat),
        )
    assert draft.origin.startswith("template (guard refused the model's draft")
    assert draft.text is not None and "As an AI" not in draft.text and "$1M" not in draft.text
    assert draft.text.startswith("Hi Ana,")


def test_a_failing_endpoint_leaves_the_human_template_in_place(
    db: Database, acknowledgment: tuple[str, list[int]], chat: ChatServer
) -> None:
    ref, profiles = acknowledgment
    allowed = llm_version(db, ref)
    chat.will_reply(Reply(status=500, body=b"{}"))
    with db.session() as s:
        draft = compose_draft(
            s,
            profiles[0],
            "application_acknowledgment",
            JOURNEY,
            version=find_version(s, allowed),
            llm=provider(chat),
        )
    assert draft.origin == "template (the model failed: http_error)"
    assert draft.text is not None and draft.text.startswith("Hi Ana,")
