"""Rendering templates that have not passed the test gate, in a child process with hard limits.

The Jinja2 sandbox keeps a template away from Python objects, files and the network, but not from
looping for ever or building a huge string. An untested template therefore renders in a child
process with a CPU-time and an address-space limit; whatever it does, it cannot take the caller
down with it. Many templates and contexts go to one child, because starting Python costs more
than rendering a hundred messages.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from candidly.compose.render import Rendered, TemplateSource

#: The child: limits first, then the renderer, nothing else.
_CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu}))
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from dataclasses import asdict
from candidly.compose.render import TemplateRenderError, TemplateSource, render_template
request = json.loads(sys.stdin.read())
contexts = request["contexts"]
replies = []
for job in request["jobs"]:
    fields = {{k: tuple(v) if isinstance(v, list) else v for k, v in job["source"].items()}}
    source = TemplateSource(**fields)
    results = []
    for index in job["contexts"]:
        try:
            results.append(asdict(render_template(source, contexts[index])))
        except TemplateRenderError as exc:
            results.append({{"error": str(exc)}})
        except MemoryError:
            results.append({{"error": "the template exceeded its memory limit while rendering"}})
    replies.append(results)
sys.stdout.write(json.dumps(replies))
"""


def render_isolated(
    source: TemplateSource,
    contexts: Sequence[Mapping[str, Any]],
    *,
    cpu_seconds: int = 2,
    memory_mb: int = 512,
) -> list[Rendered | str]:
    """Render ``source`` for each context in a limited child; each result is a ``Rendered`` or an error."""
    (results,) = render_isolated_many(
        [(source, contexts)], cpu_seconds=cpu_seconds, memory_mb=memory_mb
    )
    return results


def render_isolated_many(
    jobs: Sequence[tuple[TemplateSource, Sequence[Mapping[str, Any]]]],
    *,
    cpu_seconds: int = 2,
    memory_mb: int = 512,
) -> list[list[Rendered | str]]:
    """Render each (template, contexts) job in one child process with CPU and memory limits.

    A template that exhausts a limit fails every message of the batch: whatever it did, it must
    not reach a candidate, and the batch cannot say which of its templates did it.
    """
    contexts: list[dict[str, Any]] = []
    seen: dict[int, int] = {}
    request_jobs = []
    for source, job_contexts in jobs:
        indices = []
        for context in job_contexts:
            if id(context) not in seen:
                seen[id(context)] = len(contexts)
                contexts.append(dict(context))
            indices.append(seen[id(context)])
        request_jobs.append({"source": asdict(source), "contexts": indices})
    request = json.dumps({"contexts": contexts, "jobs": request_jobs}, default=str)
    code = _CHILD.format(cpu=cpu_seconds, memory=memory_mb << 20)
    timeout = cpu_seconds * 3 + 5
    try:
        done = subprocess.run(  # noqa: S603 — our own interpreter running our own renderer
            [sys.executable, "-c", code],
            input=request,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return _all_failed(jobs, f"the template took longer than {timeout} s to render")
    if done.returncode != 0:
        if "MemoryError" in done.stderr:
            why = "the template exceeded its memory limit while rendering"
        elif done.returncode in (-24, -9, 152, 137):
            why = "the template exceeded its CPU-time limit while rendering"
        else:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            why = (
                f"the template could not be rendered in isolation (exit {done.returncode}: {last})"
            )
        return _all_failed(jobs, why)
    return [[_result(reply) for reply in replies] for replies in json.loads(done.stdout)]


def _all_failed(
    jobs: Sequence[tuple[TemplateSource, Sequence[Mapping[str, Any]]]], why: str
) -> list[list[Rendered | str]]:
    return [[why] * len(job_contexts) for _, job_contexts in jobs]


def _result(reply: dict[str, Any]) -> Rendered | str:
    if "error" in reply:
        return str(reply["error"])
    reply["facts_used"] = tuple(reply["facts_used"])
    reply["missing_optional"] = tuple(reply["missing_optional"])
    return Rendered(**reply)
