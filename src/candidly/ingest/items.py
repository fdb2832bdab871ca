"""The shape every importer produces and the writer consumes: one ``Item`` per row or record.

Values are already typed (text trimmed, times in UTC, lists as lists) and keyed by store column,
so the writer only compares and writes. Dicts carry only the columns the file has, so a CSV
without a ``phone`` column never blanks the phones already stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class UserRef:
    """A member of staff a row names: by email (CSV) or by the source system's user id (ATS)."""

    email: str | None = None
    external_id: str | None = None
    full_name: str | None = None
    role: str = "recruiter"


@dataclass(slots=True)
class StageChange:
    """One move of an application into a stage, with when it happened (Lever ``stageChanges``)."""

    label: str
    at: datetime
    key: str  # the event's external id, so a re-import never writes it twice


@dataclass(slots=True)
class JobRow:
    """A job to upsert; ``values`` holds ``external_id`` and the columns the source gives."""

    values: dict[str, Any]
    recruiter: UserRef | None = None
    hiring_manager: UserRef | None = None
    #: True for jobs an ATS application merely mentions: the first mention in an import wins.
    referenced: bool = False


@dataclass(slots=True)
class ApplicationRow:
    """An application to upsert, naming its candidate and job by their external ids."""

    values: dict[str, Any]
    job_ref: str
    candidate_ref: str | None = None
    candidate_email: str | None = None
    stage_changes: list[StageChange] = field(default_factory=list)


@dataclass(slots=True)
class EventRow:
    """An event from an events file, naming its subjects by their external ids."""

    values: dict[str, Any]
    candidate_ref: str | None = None
    application_ref: str | None = None
    job_ref: str | None = None
    actor_email: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # ref name -> the file's column name


@dataclass(slots=True)
class Item:
    """Everything one row or record of a file says, ready to write."""

    line: int
    candidate: dict[str, Any] | None = None
    owner: UserRef | None = None
    #: True when other records may name the same person (a Lever contact): first one wins.
    shared_candidate: bool = False
    # Empty tuples, not lists, by default: a candidates file makes an Item per row, and two
    # empty lists per row are measurable at a million rows. ATS mappers pass lists.
    jobs: Sequence[JobRow] = ()
    applications: Sequence[ApplicationRow] = ()
    event: EventRow | None = None
    #: Column names as the file spells them, for errors the writer finds (unknown references).
    labels: dict[str, str] = field(default_factory=dict)
    #: The canonical field the external id was taken from (``email`` for a candidate without id).
    id_from: str = "external_id"
