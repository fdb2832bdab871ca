from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from candidly.compose.llm import OpenAICompatibleProvider
from tests.compose.llm.chat_server import ChatServer


@pytest.fixture
def chat_server() -> Iterator[ChatServer]:
    """A chat-completions server on an ephemeral port, serving from a thread."""
    server = ChatServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.stopping.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


MakeProvider = Callable[..., OpenAICompatibleProvider]


@pytest.fixture
def make_provider(chat_server: ChatServer) -> Iterator[MakeProvider]:
    """Providers pointed at ``chat_server`` with test-sized timeouts and backoff."""
    made: list[OpenAICompatibleProvider] = []

    def make(**overrides: Any) -> OpenAICompatibleProvider:
        options: dict[str, Any] = {
            "api_key": "sk-test-4f9a1c",
            "timeout_seconds": 0.3,
            "max_retries": 2,
            "max_concurrency": 4,
            "backoff_base_seconds": 0.01,
            "backoff_max_seconds": 0.05,
            "retry_after_cap_seconds": 1.0,
        }
        options.update(overrides)
        provider = OpenAICompatibleProvider(chat_server.base_url, "test-model", **options)
        made.append(provider)
        return provider

    yield make
    for provider in made:
        provider.close()
