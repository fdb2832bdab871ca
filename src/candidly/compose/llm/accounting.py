"""Token and latency accounting per provider: thread-safe counters and their snapshot."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class ProviderStats:
    """A provider's counters at one moment.

    ``requests`` counts draft calls and ``failures`` those that returned a failure; ``retries``
    counts HTTP attempts beyond each call's first. Tokens are summed as the endpoint reported
    them; ``latency_seconds`` sums the wall time of every call.
    """

    requests: int = 0
    failures: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_seconds: float = 0.0

    @property
    def mean_latency_seconds(self) -> float:
        """Average wall time of a draft call, or 0.0 before the first."""
        return self.latency_seconds / self.requests if self.requests else 0.0


class UsageCounter:
    """Accumulates :class:`ProviderStats` from many threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stats = ProviderStats()

    def record(
        self,
        *,
        failed: bool,
        attempts: int,
        prompt_tokens: int | None,
        completion_tokens: int | None,
        latency_seconds: float,
    ) -> None:
        """Add one finished draft call."""
        with self._lock:
            s = self._stats
            self._stats = ProviderStats(
                requests=s.requests + 1,
                failures=s.failures + int(failed),
                retries=s.retries + max(attempts - 1, 0),
                prompt_tokens=s.prompt_tokens + (prompt_tokens or 0),
                completion_tokens=s.completion_tokens + (completion_tokens or 0),
                latency_seconds=s.latency_seconds + latency_seconds,
            )

    def snapshot(self) -> ProviderStats:
        """Return the counters as they are now."""
        with self._lock:
            return self._stats
