"""A real chat-completions server on 127.0.0.1 for the provider tests.

It speaks just enough of the OpenAI protocol: ``POST /v1/chat/completions`` with a JSON body.
Each request takes the next scripted :class:`Reply` (a normal completion once the script is
empty), and the server records what it received and how many requests it served at once.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_TEXT = "Hi Ada, thanks for applying to the Data Engineer role. We'll be in touch by Friday."


def completion(
    text: str | None = DEFAULT_TEXT,
    *,
    finish_reason: str = "stop",
    prompt_tokens: int = 120,
    completion_tokens: int = 24,
    refusal: str | None = None,
) -> dict[str, Any]:
    """A chat-completions reply body as OpenAI, vLLM, Ollama and llama.cpp send it."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text, "refusal": refusal},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


@dataclass
class Reply:
    """One scripted answer: a JSON body (or raw bytes), a status, headers, and a delay."""

    body: dict[str, Any] | bytes = field(default_factory=completion)
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Received:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    at: float


class ChatServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: deque[Reply] = deque()
        self.received: list[Received] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def will_reply(self, *replies: Reply) -> None:
        self.script.extend(replies)

    def next_reply(self) -> Reply:
        with self.lock:
            return self.script.popleft() if self.script else Reply()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ChatServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output quiet

    def handle(self) -> None:
        # The client closes kept-alive connections, or gives up first in the timeout tests.
        with contextlib.suppress(ConnectionError):
            super().handle()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        if self.path != "/v1/chat/completions":
            self._send(Reply(body={"error": {"message": "not found"}}, status=404))
            return
        with self.server.lock:
            self.server.received.append(
                Received(self.path, dict(self.headers.items()), json.loads(raw), time.monotonic())
            )
            self.server.in_flight += 1
            self.server.max_in_flight = max(self.server.max_in_flight, self.server.in_flight)
        try:
            reply = self.server.next_reply()
            if reply.delay:
                self.server.stopping.wait(reply.delay)
            self._send(reply)
        finally:
            with self.server.lock:
                self.server.in_flight -= 1

    def _send(self, reply: Reply) -> None:
        body = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
