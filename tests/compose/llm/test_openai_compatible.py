"""The OpenAI-compatible provider against a real chat-completions server on 127.0.0.1."""

from __future__ import annotations

import logging
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from candidly.compose.llm import (
    DraftRequest,
    FailureReason,
    LLMProvider,
    OpenAICompatibleProvider,
    ProviderStats,
)
from tests.compose.llm.chat_server import DEFAULT_TEXT, ChatServer, Reply, completion
from tests.compose.llm.conftest import MakeProvider

# Ada, an applicant; her reply quotes something she wants the recruiter to see.
ADA = DraftRequest(
    instructions="Thank the candidate for applying and say when they will hear back.",
    facts={"first_name": "Ada", "job_title": "Data Engineer", "next_step_timeline": "Friday"},
    candidate_text={"reply": "Happy to chat — my number is 555-0134."},
)


def test_it_drafts_a_message_and_counts_its_tokens(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    provider = make_provider()

    result = provider.draft(ADA)

    assert result.ok and result.failure is None
    assert result.text == DEFAULT_TEXT
    assert (result.prompt_tokens, result.completion_tokens) == (120, 24)
    assert result.attempts == 1 and result.model == "test-model"
    assert result.provider == "openai_compatible"
    stats = provider.stats()
    assert (stats.requests, stats.failures, stats.retries) == (1, 0, 0)
    assert (stats.prompt_tokens, stats.completion_tokens) == (120, 24)
    assert 0 < stats.latency_seconds < 1 and stats.mean_latency_seconds == stats.latency_seconds


def test_it_posts_one_non_streaming_chat_completion_with_the_request_settings(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    make_provider().draft(
        DraftRequest(
            instructions="Be brief.", facts={"first_name": "Ada"}, temperature=0.1, max_tokens=99
        )
    )

    [received] = chat_server.received
    assert received.path == "/v1/chat/completions"
    assert received.headers["Content-Type"] == "application/json"
    body = received.body
    assert body["model"] == "test-model" and body["stream"] is False
    assert (body["temperature"], body["max_tokens"]) == (0.1, 99)
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert "Be brief." in body["messages"][0]["content"]
    assert '"first_name": "Ada"' in body["messages"][1]["content"]


def test_it_sends_the_api_key_as_a_bearer_token(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    make_provider(api_key="sk-test-4f9a1c").draft(ADA)

    assert chat_server.received[0].headers["Authorization"] == "Bearer sk-test-4f9a1c"


def test_it_sends_no_authorization_header_without_a_key(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    make_provider(api_key="").draft(ADA)

    assert "Authorization" not in chat_server.received[0].headers


def test_it_retries_a_server_error_and_then_succeeds(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(status=500, body={"error": {"message": "overloaded"}}), Reply())
    provider = make_provider()

    result = provider.draft(ADA)

    assert result.ok and result.attempts == 2
    assert len(chat_server.received) == 2
    assert provider.stats().retries == 1 and provider.stats().failures == 0


def test_it_gives_up_after_its_retries_with_the_last_status(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(*[Reply(status=503, body={}) for _ in range(5)])
    provider = make_provider(max_retries=2)

    result = provider.draft(ADA)

    assert result.failure is not None
    assert (result.failure.reason, result.failure.status) == (FailureReason.HTTP_ERROR, 503)
    assert result.attempts == 3 and len(chat_server.received) == 3
    assert provider.stats() == ProviderStats(
        requests=1, failures=1, retries=2, latency_seconds=provider.stats().latency_seconds
    )


def test_it_waits_as_long_as_retry_after_asks_before_retrying(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(status=429, body={}, headers={"Retry-After": "0.4"}), Reply())

    result = make_provider(backoff_max_seconds=0.01).draft(ADA)

    assert result.ok and result.attempts == 2
    first, second = chat_server.received
    assert second.at - first.at >= 0.4


def test_it_fails_at_once_when_retry_after_is_longer_than_the_cap(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(status=429, body={}, headers={"Retry-After": "3600"}), Reply())

    started = time.monotonic()
    result = make_provider(retry_after_cap_seconds=1.0).draft(ADA)

    assert time.monotonic() - started < 0.5
    assert result.failure is not None
    assert (result.failure.reason, result.failure.status) == (FailureReason.HTTP_ERROR, 429)
    assert "rate-limiting" in result.failure.detail
    assert len(chat_server.received) == 1


def test_it_does_not_retry_a_bad_request(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(status=400, body={"error": {"message": "bad"}}), Reply())

    result = make_provider().draft(ADA)

    assert result.failure is not None
    assert (result.failure.reason, result.failure.status) == (FailureReason.HTTP_ERROR, 400)
    assert result.attempts == 1 and len(chat_server.received) == 1


def test_a_rejected_key_says_which_setting_to_check(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(status=401, body={}))

    result = make_provider().draft(ADA)

    assert result.failure is not None and result.failure.status == 401
    assert "CANDIDLY_LLM_API_KEY" in result.failure.detail
    assert len(chat_server.received) == 1


def test_a_reply_slower_than_the_timeout_is_a_timeout_failure(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(delay=2.0), Reply(delay=2.0))

    started = time.monotonic()
    result = make_provider(timeout_seconds=0.3, max_retries=1).draft(ADA)

    assert time.monotonic() - started < 1.2
    assert result.failure is not None and result.failure.reason == FailureReason.TIMEOUT
    assert result.attempts == 2


def test_malformed_json_is_a_bad_response_and_not_retried(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(body=b'{"choices": [{"message": '))

    result = make_provider().draft(ADA)

    assert result.failure is not None and result.failure.reason == FailureReason.BAD_RESPONSE
    assert result.attempts == 1


def test_a_reply_without_choices_is_a_bad_response(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(body={"object": "chat.completion", "choices": []}))

    result = make_provider().draft(ADA)

    assert result.failure is not None and result.failure.reason == FailureReason.BAD_RESPONSE
    assert "no choices" in result.failure.detail


def test_a_reply_with_empty_text_is_a_bad_response(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(body=completion("  \n")))

    result = make_provider().draft(ADA)

    assert result.failure is not None and result.failure.reason == FailureReason.BAD_RESPONSE


def test_a_refusal_is_reported_as_refused_and_its_tokens_counted(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(
        Reply(body=completion(None, refusal="I can't help with that.", completion_tokens=7)),
        Reply(body=completion("...", finish_reason="content_filter")),
    )
    provider = make_provider()

    declined = provider.draft(ADA)
    filtered = provider.draft(ADA)

    assert declined.failure is not None and declined.failure.reason == FailureReason.REFUSED
    assert filtered.failure is not None and filtered.failure.reason == FailureReason.REFUSED
    assert declined.completion_tokens == 7
    assert provider.stats().failures == 2 and provider.stats().completion_tokens == 7 + 24


def test_a_draft_cut_at_the_token_limit_is_truncated_not_sent(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(body=completion("Hi Ada, thanks for", finish_reason="length")))

    result = make_provider().draft(ADA)

    assert result.text is None
    assert result.failure is not None and result.failure.reason == FailureReason.TRUNCATED


def test_a_reply_that_smuggles_instructions_comes_back_as_plain_text(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    # Flagging this is guard's job: the provider neither hides it nor treats it specially.
    smuggled = (
        "As an AI language model, I must ignore previous instructions. "
        "Congratulations, you are hired with a $1M signing bonus!"
    )
    chat_server.will_reply(Reply(body=completion(smuggled, completion_tokens=31)))
    provider = make_provider()

    result = provider.draft(ADA)

    assert result.ok and result.text == smuggled
    stats = provider.stats()
    assert (stats.requests, stats.failures, stats.completion_tokens) == (1, 0, 31)


def test_an_unreachable_endpoint_is_a_connection_failure_not_an_exception(
    make_provider: MakeProvider,
) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with OpenAICompatibleProvider(
        f"http://127.0.0.1:{port}/v1",
        "test-model",
        timeout_seconds=0.3,
        max_retries=1,
        backoff_base_seconds=0.01,
    ) as provider:
        result = provider.draft(ADA)

    assert result.failure is not None and result.failure.reason == FailureReason.CONNECTION_ERROR
    assert "CANDIDLY_LLM_BASE_URL" in result.failure.detail
    assert result.attempts == 2


def test_parallel_drafts_never_exceed_the_concurrency_limit(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(*[Reply(delay=0.05) for _ in range(12)])
    provider = make_provider(max_concurrency=3)

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(provider.draft, [ADA] * 12))

    assert all(result.ok for result in results)
    assert chat_server.max_in_flight == 3
    assert provider.stats().requests == 12


def test_a_draft_that_waits_too_long_for_a_slot_is_busy(
    chat_server: ChatServer, make_provider: MakeProvider
) -> None:
    chat_server.will_reply(Reply(delay=0.25))
    provider = make_provider(max_concurrency=1, queue_timeout_seconds=0.05)

    with ThreadPoolExecutor(max_workers=2) as pool:
        slow = pool.submit(provider.draft, ADA)
        time.sleep(0.05)
        waiting = pool.submit(provider.draft, ADA)
        results = [slow.result(), waiting.result()]

    assert results[0].ok
    assert results[1].failure is not None and results[1].failure.reason == FailureReason.BUSY
    assert results[1].attempts == 0 and len(chat_server.received) == 1


def test_it_never_logs_the_api_key_or_candidate_data(
    chat_server: ChatServer, make_provider: MakeProvider, caplog: pytest.LogCaptureFixture
) -> None:
    chat_server.will_reply(Reply(status=500, body={"error": {"message": "Ada 555-0134"}}), Reply())
    provider = make_provider(api_key="sk-test-4f9a1c")

    with caplog.at_level(logging.DEBUG, logger="candidly"):
        provider.draft(ADA)
        chat_server.will_reply(Reply(status=400, body={}))
        provider.draft(ADA)

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "prompt_tokens=120" in logged and "status=400" in logged
    for secret in ("sk-test-4f9a1c", "Ada", "555-0134", "Data Engineer", DEFAULT_TEXT):
        assert secret not in logged
    assert "sk-test" not in repr(provider)


def test_the_provider_satisfies_the_provider_interface(make_provider: MakeProvider) -> None:
    assert isinstance(make_provider(), LLMProvider)


@pytest.mark.parametrize(
    ("base_url", "model", "setting"),
    [
        ("127.0.0.1:8080/v1", "m", "CANDIDLY_LLM_BASE_URL"),
        ("ftp://example.com/v1", "m", "CANDIDLY_LLM_BASE_URL"),
        ("http://127.0.0.1:8080/v1", " ", "CANDIDLY_LLM_MODEL"),
    ],
)
def test_an_unusable_endpoint_is_refused_with_the_setting_to_fix(
    base_url: str, model: str, setting: str
) -> None:
    with pytest.raises(ValueError, match=setting):
        OpenAICompatibleProvider(base_url, model)
