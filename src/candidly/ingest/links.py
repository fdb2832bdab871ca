"""The rows that name other rows: applications (a candidate and a job) and events.

A reference is an external id of the same source system; one that is neither in the batch nor in
the store refuses its row with a sentence saying which id was not found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from candidly.ingest.bulk import (
    APPLICATIONS,
    CANDIDATES,
    EVENTS,
    JOBS,
    USERS,
    chunks,
    find_by_external_id,
    find_by_lower_email,
    one_of,
)
from candidly.ingest.items import ApplicationRow, StageChange
from candidly.store.events import EventType
from candidly.taxonomy.stages import canonical_stage

if TYPE_CHECKING:
    from candidly.ingest.writer import Batch

_STAGE_FIELDS = {"stage", "stage_label", "stage_entered_at"}


def write_applications(b: Batch) -> None:
    """Upsert the batch's applications and append their events."""
    pending = [
        (index, app)
        for index, item in enumerate(b.items)
        if index not in b.refused
        for app in item.applications
    ]
    if not pending:
        return
    candidates, by_email = _candidate_ids(b, [app for _, app in pending])
    jobs = dict(b.job_ids)
    wanted = [app.job_ref for _, app in pending if app.job_ref not in jobs]
    for ext, row in find_by_external_id(b.conn, JOBS, b.source, wanted, []).items():
        jobs[ext] = row.id
    rows: dict[str, dict[str, Any]] = {}
    apps: dict[str, ApplicationRow] = {}
    for index, app in pending:
        labels = b.items[index].labels
        if app.candidate_ref:
            candidate_id = candidates.get(app.candidate_ref)
            if candidate_id is None:
                field = labels.get("candidate_ref", "candidate_id")
                b.fail(index, field, _missing("candidate", app.candidate_ref, b.source))
                continue
        else:
            email = (app.candidate_email or "").lower()
            matches = by_email.get(email)
            field = labels.get("candidate_email", "candidate_email")
            if matches is None:
                b.fail(index, field, _missing("a candidate by the email", email, b.source))
                continue
            if matches < 0:
                b.fail(
                    index, field, f"{email!r} is the email of several candidates; use candidate_id"
                )
                continue
            candidate_id = matches
        job_id = jobs.get(app.job_ref)
        if job_id is None:
            b.fail(index, labels.get("job_ref", "job_id"), _missing("job", app.job_ref, b.source))
            continue
        rows[app.values["external_id"]] = {
            **app.values,
            "candidate_id": candidate_id,
            "job_id": job_id,
        }
        apps[app.values["external_id"]] = app
    if not rows:
        return
    ids, changed, new = b.upsert(APPLICATIONS, list(rows.values()))
    recorded = _recorded_keys(b, [c.key for app in apps.values() for c in app.stage_changes])
    changes_of = {row["external_id"]: changes for row, changes in changed}
    created = {row["external_id"] for row in new}
    for ext, row in rows.items():
        subjects = {
            "application_id": ids[ext],
            "candidate_id": row["candidate_id"],
            "job_id": row["job_id"],
        }
        if ext in created:
            b.out.events.append(
                b.event(
                    EventType.APPLICATION_CREATED,
                    occurred_at=row.get("applied_at"),
                    payload={"stage": row.get("stage"), "stage_label": row.get("stage_label")},
                    subjects=subjects,
                )
            )
        moves = _stage_events(b, apps[ext].stage_changes, recorded, subjects)
        changes = changes_of.get(ext, {})
        if "stage_label" in changes and not moves:
            old, new_label = changes["stage_label"]
            b.out.events.append(
                b.event(
                    EventType.STAGE_CHANGED,
                    occurred_at=row.get("stage_entered_at"),
                    payload=_move(old, new_label),
                    subjects=subjects,
                )
            )
        other = {k: v for k, v in changes.items() if k not in _STAGE_FIELDS}
        if other:
            b.out.events.append(
                b.event(EventType.APPLICATION_UPDATED, changes=other, subjects=subjects)
            )


def _candidate_ids(b: Batch, apps: list[ApplicationRow]) -> tuple[dict[str, int], dict[str, int]]:
    """(external id -> candidate id, lower-cased email -> candidate id or -1 when ambiguous)."""
    ids = dict(b.candidate_ids)
    wanted = [a.candidate_ref for a in apps if a.candidate_ref and a.candidate_ref not in ids]
    for ext, row in find_by_external_id(b.conn, CANDIDATES, b.source, wanted, []).items():
        ids[ext] = row.id
    by_email: dict[str, int] = {}
    emails = list(
        {a.candidate_email.lower() for a in apps if not a.candidate_ref and a.candidate_email}
    )
    table = CANDIDATES
    for part in chunks(emails):
        # Candidates imported without an id have their lower-cased email as external id.
        query = select(table.c.id, table.c.email, table.c.external_id).where(
            table.c.source_system == b.source,
            or_(one_of(b.conn, table.c.external_id, part), one_of(b.conn, table.c.email, part)),
        )
        matched: dict[str, set[int]] = {}
        for row in b.conn.execute(query):
            for key in {row.external_id, (row.email or "").lower()} & set(part):
                matched.setdefault(key, set()).add(row.id)
        for email, found in matched.items():
            by_email[email] = found.pop() if len(found) == 1 else -1
    survivors = _survivors(b, {*ids.values(), *(i for i in by_email.values() if i > 0)})
    return (
        {ext: survivors.get(i, i) for ext, i in ids.items()},
        {email: survivors.get(i, i) for email, i in by_email.items()},
    )


def _survivors(b: Batch, candidate_ids: set[int]) -> dict[int, int]:
    """For candidates merged into another, the record that survives (merges can chain)."""
    table = CANDIDATES
    target = {i: i for i in candidate_ids if i > 0}
    pending = set(target.values())
    for _ in range(50):  # far deeper than any real chain of merges
        moved: dict[int, int] = {}
        for part in chunks(sorted(pending)):
            query = select(table.c.id, table.c.merged_into_id).where(
                table.c.id.in_(part), table.c.merged_into_id.is_not(None)
            )
            moved.update({row.id: row.merged_into_id for row in b.conn.execute(query)})
        if not moved:
            break
        target = {start: moved.get(now, now) for start, now in target.items()}
        pending = set(moved.values())
    return {start: end for start, end in target.items() if start != end}


def _recorded_keys(b: Batch, keys: list[str]) -> set[str]:
    """The event external ids among ``keys`` that the log already holds for this source."""
    table = EVENTS
    recorded: set[str] = set()
    for part in chunks(keys):
        query = select(table.c.external_id).where(
            table.c.source == b.source, one_of(b.conn, table.c.external_id, part)
        )
        recorded.update(b.conn.scalars(query))
    return recorded


def _stage_events(
    b: Batch, moves: list[StageChange], recorded: set[str], subjects: dict[str, int]
) -> bool:
    """Append a ``stage.changed`` per move the log does not hold yet; True if any was new."""
    previous: str | None = None
    wrote = False
    for move in moves:
        if move.key not in recorded:
            recorded.add(move.key)
            b.out.events.append(
                b.event(
                    EventType.STAGE_CHANGED,
                    occurred_at=move.at,
                    payload=_move(previous, move.label),
                    subjects=subjects,
                )
                | {"external_id": move.key}
            )
            wrote = True
        previous = move.label
    return wrote


def _move(old_label: str | None, new_label: str | None) -> dict[str, Any]:
    return {
        "from": canonical_stage(old_label),
        "to": canonical_stage(new_label),
        "from_label": old_label,
        "to_label": new_label,
    }


def write_events(b: Batch) -> None:
    """Append the events an events file holds, skipping those the log already has."""
    pending = [(i, item.event) for i, item in enumerate(b.items) if item.event is not None]
    if not pending:
        return
    refs: dict[str, dict[str, int]] = {}
    for name, table in (("candidate", CANDIDATES), ("application", APPLICATIONS), ("job", JOBS)):
        wanted = [getattr(e, f"{name}_ref") for _, e in pending if getattr(e, f"{name}_ref")]
        found = find_by_external_id(b.conn, table, b.source, wanted, [])
        refs[name] = {ext: row.id for ext, row in found.items()}
    actors = [e.actor_email for _, e in pending if e.actor_email]
    users = {row.email.lower(): row.id for row in find_by_lower_email(b.conn, USERS, actors)}
    recorded = _recorded_keys(b, [e.values["external_id"] for _, e in pending])
    counts = b.out.counts["events"]
    for index, event in pending:
        labels = b.items[index].labels
        subjects: dict[str, int | None] = {}
        refused = False
        for name in ("candidate", "application", "job"):
            ref = getattr(event, f"{name}_ref")
            subjects[f"{name}_id"] = refs[name].get(ref) if ref else None
            if ref and subjects[f"{name}_id"] is None:
                b.fail(
                    index, labels.get(f"{name}_ref", f"{name}_id"), _missing(name, ref, b.source)
                )
                refused = True
        actor = users.get(event.actor_email.lower()) if event.actor_email else None
        if event.actor_email and actor is None:
            b.fail(
                index,
                labels.get("actor_email", "actor_email"),
                f"no user has the email {event.actor_email!r}",
            )
            refused = True
        if refused:
            continue
        values = event.values
        if values["external_id"] in recorded:
            counts.unchanged += 1
            continue
        recorded.add(values["external_id"])
        counts.created += 1
        b.out.events.append(
            b.event(
                values["type"],
                occurred_at=values["occurred_at"],
                payload=values.get("payload") or {},
                actor_id=actor,
                candidate_id=subjects["candidate_id"],
                application_id=subjects["application_id"],
                job_id=subjects["job_id"],
            )
            | {"external_id": values["external_id"]}
        )


def _missing(what: str, ref: str, source: str) -> str:
    return (
        f"names {what} {ref!r}, which is not in the store for source {source!r}; "
        "import it first (with the same --source)"
    )
