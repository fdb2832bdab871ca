"""The one interface every LLM provider implements, and the values that cross it.

A provider turns a :class:`DraftRequest` into a :class:`DraftResult`. It never raises for
anything the endpoint or the network does: a failure comes back as a typed
:class:`DraftFailure`, so the composer can fall back to the published human-written version
or hold the message for review. Nothing unguarded is sent, and nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from candidly.compose.llm.accounting import ProviderStats


class FailureReason(StrEnum):
    """Why a provider produced no usable draft."""

    #: No reply within the timeout, on every attempt.
    TIMEOUT = "timeout"
    #: The endpoint could not be reached, or dropped the connection, on every attempt.
    CONNECTION_ERROR = "connection_error"
    #: The endpoint answered with a non-2xx status (see ``DraftFailure.status``).
    HTTP_ERROR = "http_error"
    #: A 2xx reply that is not a chat completion: bad JSON, no choices, no text, too large.
    BAD_RESPONSE = "bad_response"
    #: The model declined (a ``refusal`` or ``finish_reason: content_filter``).
    REFUSED = "refused"
    #: The reply stopped at ``max_tokens``: a message cut mid-sentence must not be sent.
    TRUNCATED = "truncated"
    #: No free slot under the concurrency limit in time.
    BUSY = "busy"


@dataclass(frozen=True)
class DraftRequest:
    """What to draft: the published version's instructions and the candidate's data.

    ``facts`` are the context's values; ``candidate_text`` is text the candidate wrote (a
    resume snippet, a reply), keyed by what it is. Both reach the model only inside the
    quoted data block that :func:`candidly.compose.llm.prompt.build_messages` builds.
    """

    instructions: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    candidate_text: Mapping[str, str] | None = None
    temperature: float = 0.4
    max_tokens: int = 800


@dataclass(frozen=True)
class DraftFailure:
    """A typed failure: its reason, the HTTP status when there was one, and a sentence.

    ``detail`` names what went wrong and what to check; it never carries candidate data,
    the prompt, the reply body or the API key.
    """

    reason: FailureReason
    detail: str
    status: int | None = None


@dataclass(frozen=True)
class DraftResult:
    """Either a draft's ``text`` or a ``failure``, never both, with what the call cost.

    Token counts are ``None`` when the endpoint did not report them. ``latency_seconds`` is the
    wall time of the whole call, retries and backoff included; ``attempts`` counts HTTP requests.
    """

    provider: str
    model: str
    text: str | None = None
    failure: DraftFailure | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_seconds: float = 0.0
    attempts: int = 0

    def __post_init__(self) -> None:
        if (self.text is None) == (self.failure is None):
            raise ValueError("a DraftResult holds either text or a failure, exactly one of them")

    @property
    def ok(self) -> bool:
        """True when the result carries a draft's text."""
        return self.failure is None


@runtime_checkable
class LLMProvider(Protocol):
    """A source of drafts. Implementations are thread-safe and never raise from ``draft``."""

    @property
    def name(self) -> str:
        """A short, stable name for logs and metrics, e.g. ``openai_compatible``."""
        ...

    def draft(self, request: DraftRequest) -> DraftResult:
        """Return a draft's text or a typed failure; return within a bounded time."""
        ...

    def stats(self) -> ProviderStats:
        """Return a snapshot of this provider's counters since it was created."""
        ...

    def close(self) -> None:
        """Release connections; the provider must not be used afterwards."""
        ...
