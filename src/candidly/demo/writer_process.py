"""The writer process's entry point: ``python -m candidly.demo.writer_process`` (see sinks.py).

A module of its own, which nothing imports, so running it does not import it twice.
"""

from __future__ import annotations

import os
import sys

from candidly.demo.sinks import serve_writes

if __name__ == "__main__":
    # Replies get their own copy of standard output; anything printed goes to standard error.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve_writes(sys.stdin.buffer, answers)
