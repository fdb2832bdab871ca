"""Steps the library's tests take again and again, written once."""

from __future__ import annotations

from typing import Any

from candidly.journey import Journey
from candidly.library import find_user, find_version
from candidly.library import lifecycle as life
from candidly.library.gate import GateReport, run_test_gate
from candidly.library.versions import edit_version, new_entry
from candidly.store.db import Database
from tests.library.conftest import ACK_SPEC
from tests.library.people import AUTHOR, OWNER


def write(db: Database, journey: Journey, spec: str = ACK_SPEC, by: str = AUTHOR) -> str:
    """A new entry's first version; returns its label."""
    with db.session() as s:
        return new_entry(s, journey, spec, "spec.yaml", find_user(s, by)).label


def edit(db: Database, journey: Journey, ref: str, by: str = AUTHOR, **changes: Any) -> str:
    with db.session() as s:
        return edit_version(s, journey, ref, find_user(s, by), changes=changes).label


def act(db: Database, step: Any, ref: str, by: str) -> Any:
    with db.session() as s:
        return step(s, find_version(s, ref), find_user(s, by))


def gate(db: Database, journey: Journey, ref: str, by: str = AUTHOR, **options: Any) -> GateReport:
    with db.session() as s:
        return run_test_gate(s, find_version(s, ref), journey, find_user(s, by), **options)


def take_to_published(db: Database, journey: Journey, ref: str, approver: str = OWNER) -> None:
    """Submit, test, approve and publish ``ref`` the ordinary way."""
    act(db, life.submit, ref, AUTHOR)
    report = gate(db, journey, ref)
    assert report.ok, [c.error or c.blocking for c in report.checks if not c.passed]
    act(db, life.approve, ref, approver)
    act(db, life.publish, ref, OWNER)


def state_of(db: Database, ref: str) -> str:
    with db.session() as s:
        return find_version(s, ref).state
