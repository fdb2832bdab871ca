"""Where encoded batches go: straight into the transaction, or to a writer process.

A writer thread does not help: SQLite releases the GIL for every row it inserts and then waits up
to the interpreter's switch interval (5 ms) to get it back from the generating thread, so the two
take turns instead of overlapping. A writer process has its own interpreter: it encodes and
inserts batch N while this process generates batch N+1, on the second core.

The writer is ``python -m candidly.demo.writer_process``, fed pickled messages on its standard
input and answering on its standard output. A plain child process rather than
``multiprocessing``: spawning re-imports the caller's main script, and forking copies its threads
and open connections.
"""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

from candidly.demo.errors import DemoError
from candidly.demo.writer import BatchWriter, write_session
from candidly.store.db import Database, open_database

#: How long the parent waits for the writer to finish after an abort before ending it.
_ABORT_SECONDS = 30


class Sink(Protocol):
    """Receives encoded batches; ``first_ids`` are the ids the generator numbers from."""

    first_ids: dict[str, int]

    def write(self, batch: dict[str, list[Any]]) -> None:
        """Insert one batch of pending rows (in order, inside the one transaction)."""


class _InlineSink:
    def __init__(self, writer: BatchWriter, first_ids: dict[str, int]) -> None:
        self.write = writer.write
        self.first_ids = first_ids


@contextmanager
def open_sink(database: Database, in_process: bool) -> Iterator[Sink]:
    """A sink for one generation: commits when the block ends, rolls back if it raises.

    ``in_process`` writes from this process; otherwise a writer process holds the transaction
    (the database must be reachable by URL, not an in-memory SQLite).
    """
    if in_process:
        with write_session(database) as (conn, first_ids):
            yield _InlineSink(BatchWriter(conn), first_ids)
        return
    # The writer's SQLite connection can only leave WAL mode when no other connection has the
    # file open: return this process's idle pooled connections first.
    database.engine.dispose()
    sink = _ProcessSink(database.url)
    try:
        yield sink
    except BaseException:
        sink.abort()
        raise
    sink.commit()


class _ProcessSink:
    def __init__(self, url: str) -> None:
        source_root = str(Path(__file__).resolve().parents[2])  # the folder holding ``candidly``
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [source_root, env.get("PYTHONPATH")]))
        self._process = subprocess.Popen(
            [sys.executable, "-m", "candidly.demo.writer_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._requests: IO[bytes] = self._process.stdin
        self._replies: IO[bytes] = self._process.stdout
        # The URL may carry a password: it travels on the pipe, never on the command line.
        self._send(("open", url))
        kind, value = self._reply()
        if kind == "refused":
            self._process.wait()
            raise DemoError(value)
        if kind != "ready":
            self._process.wait()
            raise RuntimeError(f"The demo writer process failed to start: {value}")
        self.first_ids: dict[str, int] = value

    def write(self, batch: dict[str, list[Any]]) -> None:
        self._send(("batch", batch))

    def commit(self) -> None:
        self._send(("commit", None))
        kind, value = self._reply()
        self._process.wait()
        if kind != "done":
            raise RuntimeError(f"Writing the sample organisation failed: {value}")

    def abort(self) -> None:
        try:
            self._send(("abort", None))
            self._process.wait(timeout=_ABORT_SECONDS)
        except (RuntimeError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()

    def _send(self, message: tuple[str, Any]) -> None:
        try:
            pickle.dump(message, self._requests, protocol=pickle.HIGHEST_PROTOCOL)
            self._requests.flush()
        except (BrokenPipeError, OSError):
            # The writer stopped; it said why on its way out.
            kind, value = self._reply()
            raise RuntimeError(
                f"Writing the sample organisation failed ({kind}): {value}"
            ) from None

    def _reply(self) -> tuple[str, Any]:
        try:
            # Our own child process wrote this; nothing else can reach the pipe.
            reply: tuple[str, Any] = pickle.load(self._replies)  # noqa: S301
            return reply
        except (EOFError, pickle.UnpicklingError, OSError):
            code = self._process.wait()
            return "error", f"the writer process exited with code {code}"


class _Aborted(Exception):
    pass


def serve_writes(requests: IO[bytes], replies: IO[bytes]) -> None:
    """The writer process: open the store, one transaction, batches inserted as they arrive.

    Reads ``("open", url)``, replies ``("ready", first_ids)``; then reads ``("batch", batch)``
    until ``("commit", None)`` and replies ``("done", None)``, or ``("refused", message)`` /
    ``("error", message)`` / ``("aborted", None)``.
    """

    def reply(kind: str, value: Any) -> None:
        pickle.dump((kind, value), replies, protocol=pickle.HIGHEST_PROTOCOL)
        replies.flush()

    gc.set_threshold(100_000, *gc.get_threshold()[1:])  # unpickling makes millions of tuples
    database: Database | None = None
    try:
        kind, url = pickle.load(requests)  # noqa: S301 — sent by the parent process only
        database = open_database(url)
        with write_session(database) as (conn, first_ids):
            reply("ready", first_ids)
            writer = BatchWriter(conn)
            while True:
                kind, batch = pickle.load(requests)  # noqa: S301
                if kind == "batch":
                    writer.write(batch)
                elif kind == "commit":
                    break
                else:
                    raise _Aborted
        reply("done", None)
    except _Aborted:
        reply("aborted", None)
    except DemoError as exc:
        reply("refused", str(exc))
    except BaseException as exc:
        reply("error", f"{exc.__class__.__name__}: {exc}")
    finally:
        if database is not None:
            database.dispose()
