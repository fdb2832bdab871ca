"""A provider for any OpenAI-compatible chat-completions endpoint: OpenAI, vLLM, Ollama,
llama.cpp server and the many others that speak ``POST {base_url}/chat/completions``.

Each attempt is bounded by the timeout from connecting to the last byte of the reply;
connection errors, timeouts, 429 and 5xx are retried a bounded number of times with
exponential backoff and jitter (a ``Retry-After`` is honoured up to a cap); every other
answer is final. A semaphore bounds the requests in flight, so one busy worker cannot swamp
a small local model server.
"""

from __future__ import annotations

import json
import logging
import math
import random
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Final

import httpx
from pydantic import SecretStr

import candidly
from candidly.compose.llm.accounting import ProviderStats, UsageCounter
from candidly.compose.llm.prompt import build_messages
from candidly.compose.llm.provider import DraftFailure, DraftRequest, DraftResult, FailureReason

# Logs carry status, latency, attempts and token counts only: never the prompt, the reply,
# the endpoint's error body (it may quote the prompt) or the API key.
logger = logging.getLogger(__name__)

RETRYABLE_STATUSES: Final = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class _Outcome:
    """What one HTTP attempt produced, before retries are decided."""

    text: str | None = None
    model: str | None = None
    failure: DraftFailure | None = None
    retryable: bool = False
    retry_after: float | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class OpenAICompatibleProvider:
    """Drafts through an OpenAI-compatible chat-completions endpoint. Thread-safe."""

    name: Final = "openai_compatible"

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: SecretStr | str = "",
        timeout_seconds: float = 30.0,
        max_retries: int = 2,
        max_concurrency: int = 4,
        backoff_base_seconds: float = 0.5,
        backoff_max_seconds: float = 8.0,
        retry_after_cap_seconds: float = 30.0,
        queue_timeout_seconds: float | None = None,
        max_response_bytes: int = 1_000_000,
    ) -> None:
        """Configure the endpoint; raise ``ValueError`` for a base URL or model that cannot work.

        ``base_url`` is the API root, e.g. ``http://127.0.0.1:8080/v1``. A draft waits at most
        ``queue_timeout_seconds`` for a free slot (default: as long as one call may take).
        """
        url = httpx.URL(base_url.strip())
        if url.scheme not in ("http", "https") or not url.host:
            raise ValueError(
                "The LLM base URL must be an http:// or https:// URL such as "
                "http://127.0.0.1:8080/v1; set CANDIDLY_LLM_BASE_URL to one, or leave it "
                "empty to draft from templates alone."
            )
        if not model.strip():
            raise ValueError(
                "An LLM endpoint is set but no model is: set CANDIDLY_LLM_MODEL to a model "
                "the endpoint serves (e.g. gpt-4o-mini, or the name Ollama lists)."
            )
        if timeout_seconds <= 0 or max_retries < 0 or max_concurrency < 1:
            raise ValueError(
                "The LLM timeout must be positive, retries zero or more, concurrency one or more."
            )
        self._url = str(url).rstrip("/") + "/chat/completions"
        self._model = model.strip()
        self._timeout = timeout_seconds
        self._max_retries = max_retries
        self._backoff_base = backoff_base_seconds
        self._backoff_max = backoff_max_seconds
        self._retry_after_cap = retry_after_cap_seconds
        self._max_response_bytes = max_response_bytes
        self._queue_timeout = (
            queue_timeout_seconds
            if queue_timeout_seconds is not None
            else (max_retries + 1) * timeout_seconds + max_retries * backoff_max_seconds
        )
        self._slots = threading.BoundedSemaphore(max_concurrency)
        self._usage = UsageCounter()
        key = api_key.get_secret_value() if isinstance(api_key, SecretStr) else api_key
        headers = {"User-Agent": f"candidly/{candidly.__version__}"}
        if key:
            headers["Authorization"] = f"Bearer {key}"
        self._client = httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(timeout_seconds),
            limits=httpx.Limits(
                max_connections=max_concurrency, max_keepalive_connections=max_concurrency
            ),
        )

    def __repr__(self) -> str:
        return f"OpenAICompatibleProvider(model={self._model!r})"

    @property
    def model(self) -> str:
        """The model name sent with every request."""
        return self._model

    def draft(self, request: DraftRequest) -> DraftResult:
        """Return the model's draft for ``request``, or a typed failure; never raise for the
        endpoint's or the network's behaviour, and return within a bounded time."""
        started = time.monotonic()
        body = {
            "model": self._model,
            "messages": build_messages(request.instructions, request.facts, request.candidate_text),
            "temperature": request.temperature,
            "max_tokens": request.max_tokens,
            "stream": False,
        }
        attempts = 0
        if self._slots.acquire(timeout=self._queue_timeout):
            try:
                outcome, attempts = self._post_with_retries(body)
            finally:
                self._slots.release()
        else:
            outcome = _Outcome(
                failure=DraftFailure(
                    FailureReason.BUSY,
                    f"No free LLM slot within {self._queue_timeout:g} s: every one of the "
                    "CANDIDLY_LLM_MAX_CONCURRENCY slots stayed busy.",
                )
            )
        result = DraftResult(
            provider=self.name,
            model=outcome.model or self._model,
            text=outcome.text,
            failure=outcome.failure,
            prompt_tokens=outcome.prompt_tokens,
            completion_tokens=outcome.completion_tokens,
            latency_seconds=time.monotonic() - started,
            attempts=attempts,
        )
        self._usage.record(
            failed=not result.ok,
            attempts=attempts,
            prompt_tokens=result.prompt_tokens,
            completion_tokens=result.completion_tokens,
            latency_seconds=result.latency_seconds,
        )
        self._log(result)
        return result

    def stats(self) -> ProviderStats:
        """Return this provider's counters since it was created."""
        return self._usage.snapshot()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> OpenAICompatibleProvider:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _post_with_retries(self, body: dict[str, Any]) -> tuple[_Outcome, int]:
        attempt = 0
        while True:
            attempt += 1
            outcome = self._attempt(body)
            if outcome.failure is None or not outcome.retryable or attempt > self._max_retries:
                return outcome, attempt
            delay = self._retry_delay(attempt, outcome.retry_after)
            if delay is None:
                # The server asked for a longer pause than a draft is worth waiting for:
                # failing now lets the caller fall back to the template at once.
                return outcome, attempt
            logger.info(
                "chat completion attempt %d failed (%s, status %s); retrying in %.2f s",
                attempt,
                outcome.failure.reason,
                outcome.failure.status,
                delay,
            )
            time.sleep(delay)

    def _retry_delay(self, attempt: int, retry_after: float | None) -> float | None:
        if retry_after is not None:
            return retry_after if retry_after <= self._retry_after_cap else None
        # Equal jitter: at least half the exponential step, so retries do back off, plus a
        # random half, so many workers failing together do not retry in lockstep.
        step = min(self._backoff_max, self._backoff_base * 2.0 ** (attempt - 1))
        return step / 2 + random.uniform(0, step / 2)

    def _attempt(self, body: dict[str, Any]) -> _Outcome:
        deadline = time.monotonic() + self._timeout
        try:
            with self._client.stream("POST", self._url, json=body) as response:
                if not response.is_success:
                    return self._status_failure(response)
                raw = bytearray()
                for chunk in response.iter_bytes():
                    raw.extend(chunk)
                    if len(raw) > self._max_response_bytes:
                        return _bad_response(
                            f"The reply is larger than {self._max_response_bytes} bytes."
                        )
                    # Read timeouts bound each gap between bytes, not the whole reply: a
                    # server that trickles must still finish within the timeout.
                    if time.monotonic() > deadline:
                        return self._timeout_outcome()
        except httpx.TimeoutException:
            return self._timeout_outcome()
        except httpx.TransportError as exc:
            return _Outcome(
                failure=DraftFailure(
                    FailureReason.CONNECTION_ERROR,
                    f"The LLM endpoint could not be reached or dropped the connection "
                    f"({type(exc).__name__}); check CANDIDLY_LLM_BASE_URL and that the "
                    "server is running.",
                ),
                retryable=True,
            )
        except httpx.HTTPError as exc:
            return _bad_response(f"The reply could not be read ({type(exc).__name__}).")
        return _parse_completion(bytes(raw))

    def _timeout_outcome(self) -> _Outcome:
        return _Outcome(
            failure=DraftFailure(
                FailureReason.TIMEOUT,
                f"The LLM endpoint did not answer within {self._timeout:g} s "
                "(CANDIDLY_LLM_TIMEOUT_SECONDS).",
            ),
            retryable=True,
        )

    def _status_failure(self, response: httpx.Response) -> _Outcome:
        status = response.status_code
        if status in (401, 403):
            hint = "; check CANDIDLY_LLM_API_KEY"
        elif status == 404:
            hint = (
                "; check that CANDIDLY_LLM_BASE_URL ends with the API prefix (often /v1) "
                "and that CANDIDLY_LLM_MODEL names a model the server has"
            )
        elif status == 429:
            hint = "; the endpoint is rate-limiting"
        else:
            hint = ""
        return _Outcome(
            failure=DraftFailure(
                FailureReason.HTTP_ERROR,
                f"The LLM endpoint answered HTTP {status}{hint}.",
                status=status,
            ),
            retryable=status in RETRYABLE_STATUSES,
            retry_after=_retry_after_seconds(response.headers.get("Retry-After")),
        )

    def _log(self, result: DraftResult) -> None:
        if result.failure is None:
            logger.debug(
                "chat completion ok: attempts=%d latency=%.3fs prompt_tokens=%s "
                "completion_tokens=%s",
                result.attempts,
                result.latency_seconds,
                result.prompt_tokens,
                result.completion_tokens,
            )
        else:
            logger.warning(
                "chat completion failed: reason=%s status=%s attempts=%d latency=%.3fs",
                result.failure.reason,
                result.failure.status,
                result.attempts,
                result.latency_seconds,
            )


def _parse_completion(raw: bytes) -> _Outcome:
    """Read a chat-completions reply body into an outcome (text or a typed failure)."""
    try:
        data = json.loads(raw)
    except ValueError:  # JSONDecodeError and UnicodeDecodeError alike
        return _bad_response("The reply is not JSON.")
    if not isinstance(data, dict):
        return _bad_response("The reply is not a JSON object.")
    model = data.get("model")
    usage = data.get("usage")
    # Refused, truncated and malformed replies still cost tokens: count them all.
    return replace(
        _read_first_choice(data.get("choices")),
        model=model if isinstance(model, str) else None,
        prompt_tokens=_count(usage, "prompt_tokens"),
        completion_tokens=_count(usage, "completion_tokens"),
    )


def _read_first_choice(choices: object) -> _Outcome:
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        return _bad_response("The reply has no choices.")
    choice = choices[0]
    message = choice.get("message")
    if not isinstance(message, dict):
        return _bad_response("The reply's first choice has no message.")
    refusal = message.get("refusal")
    finish_reason = choice.get("finish_reason")
    if (isinstance(refusal, str) and refusal.strip()) or finish_reason == "content_filter":
        return _Outcome(
            failure=DraftFailure(FailureReason.REFUSED, "The model declined to write this draft.")
        )
    if finish_reason == "length":
        return _Outcome(
            failure=DraftFailure(
                FailureReason.TRUNCATED,
                "The draft stopped at the token limit; a message cut short is not sent.",
            )
        )
    content = message.get("content")
    if not isinstance(content, str) or not content.strip():
        return _bad_response("The reply's message has no text.")
    return _Outcome(text=content.strip())


def _bad_response(detail: str) -> _Outcome:
    return _Outcome(failure=DraftFailure(FailureReason.BAD_RESPONSE, detail))


def _count(usage: object, key: str) -> int | None:
    if not isinstance(usage, dict):
        return None
    value = usage.get(key)
    # bool is an int subclass; a "true" token count is a broken reply, not one token.
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _retry_after_seconds(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date), or None."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)
