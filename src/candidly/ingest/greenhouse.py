"""Greenhouse Harvest exports: the response of ``GET /v1/candidates`` (a JSON list of candidates).

Each candidate carries its ``applications``; each application its ``jobs``, ``current_stage``,
``status`` (active, rejected, hired), ``rejection_reason`` and ``source``. See docs/import.md for
the field-by-field mapping.
"""

from __future__ import annotations

from typing import Any

from candidly.ingest.items import ApplicationRow, Item, JobRow, UserRef
from candidly.ingest.nested import Fields
from candidly.ingest.values import describe
from candidly.taxonomy.stages import canonical_stage

_OUTCOMES = {"hired": "hired", "rejected": "rejected"}


def greenhouse_item(record: Any, file: str, line: int) -> tuple[Item | None, Fields]:
    """Map one Greenhouse candidate onto an item; the item is None when the record is refused."""
    f = Fields(file, line)
    if not isinstance(record, dict):
        f.error("", f"is {describe(record)}, not a Greenhouse candidate object")
        return None, f
    external_id = f.ident(record, "id", "id")
    emails = _values(f, record, "email_addresses", "candidate.email")
    phones = _values(f, record, "phone_numbers", "candidate.phone")
    addresses = _values(f, record, "addresses", None)
    candidate: dict[str, Any] = {
        "external_id": external_id,
        "first_name": f.text(record, "first_name", "first_name", "candidate.first_name"),
        "last_name": f.text(record, "last_name", "last_name", "candidate.last_name"),
        "current_company": f.text(record, "company", "company", "candidate.current_company"),
        "current_title": f.text(record, "title", "title", "candidate.current_title"),
        "email": emails[0] if emails else None,
        "other_emails": emails[1:],
        "phone": phones[0] if phones else None,
        "other_phones": phones[1:],
        # Greenhouse keeps addresses as free text; quality splits them into city/region/country.
        "city": f.fit(addresses[0], "addresses[0].value", "candidate.city") if addresses else None,
        "skills": _tags(f, record),
        "source_channel": None,
    }
    if not (candidate["first_name"] or candidate["last_name"] or candidate["email"]):
        f.error("", "has no name and no email; give at least one")
    owner = UserRef()
    recruiter = f.mapping(record.get("recruiter"), "recruiter")
    if recruiter is not None:
        owner = UserRef(
            external_id=f.ident(recruiter, "id", "recruiter.id"),
            full_name=_person_name(f, recruiter, "recruiter"),
        )
    jobs: list[JobRow] = []
    applications: list[ApplicationRow] = []
    item = Item(line, candidate=candidate, owner=owner, jobs=jobs, applications=applications)
    for index, application in enumerate(f.objects(record, "applications", "applications")):
        _application(f, item, application, f"applications[{index}]", jobs, applications)
    if f.errors or external_id is None:
        return None, f
    return item, f


def _values(f: Fields, record: dict[str, Any], key: str, column: str | None) -> list[str]:
    values = []
    for index, entry in enumerate(f.objects(record, key, key)):
        path = f"{key}[{index}].value"
        entry = f.mapping(entry, f"{key}[{index}]")
        if entry is not None:
            value = f.text(entry, "value", path, column)
            if value is not None:
                values.append(value)
    return values


def _tags(f: Fields, record: dict[str, Any]) -> list[str]:
    tags = []
    for index, tag in enumerate(f.objects(record, "tags", "tags")):
        value = f.text({"tag": tag}, "tag", f"tags[{index}]")
        if value is not None:
            tags.append(value)
    return tags


def _person_name(f: Fields, person: dict[str, Any], path: str) -> str | None:
    name = f.text(person, "name", f"{path}.name", "user.full_name")
    if name is None:
        parts = [person.get("first_name"), person.get("last_name")]
        name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip()) or None
    return name


def _application(
    f: Fields,
    item: Item,
    raw: Any,
    path: str,
    jobs_out: list[JobRow],
    applications_out: list[ApplicationRow],
) -> None:
    application = f.mapping(raw, path)
    if application is None:
        return
    app_id = f.ident(application, "id", f"{path}.id")
    stage = f.mapping(application.get("current_stage"), f"{path}.current_stage")
    label = (
        f.text(stage, "name", f"{path}.current_stage.name", "application.stage_label")
        if stage
        else None
    )
    status = f.text(application, "status", f"{path}.status")
    outcome = _OUTCOMES.get((status or "").lower())
    reason = f.mapping(application.get("rejection_reason"), f"{path}.rejection_reason")
    reason_name = f.text(reason, "name", f"{path}.rejection_reason.name") if reason else None
    rejected_at = f.time(application, "rejected_at", f"{path}.rejected_at")
    values: dict[str, Any] = {
        "stage_label": label,
        "stage": canonical_stage(label),
        "applied_at": f.time(application, "applied_at", f"{path}.applied_at"),
        "outcome": outcome,
        "outcome_reasons": [reason_name] if reason_name else [],
        "closed_at": rejected_at if outcome == "rejected" else None,
    }
    source = f.mapping(application.get("source"), f"{path}.source")
    if source and item.candidate is not None and item.candidate["source_channel"] is None:
        item.candidate["source_channel"] = f.text(
            source, "public_name", f"{path}.source.public_name", "candidate.source_channel"
        )
    jobs = [
        job
        for index, raw_job in enumerate(f.objects(application, "jobs", f"{path}.jobs"))
        if (job := f.mapping(raw_job, f"{path}.jobs[{index}]")) is not None
    ]
    if not jobs:
        f.warn(path, "names no job (a prospect?), so no application was stored for it")
    for index, job in enumerate(jobs):
        job_id = f.ident(job, "id", f"{path}.jobs[{index}].id")
        title = f.text(job, "name", f"{path}.jobs[{index}].name", "job.title")
        if job_id is None or app_id is None or item.candidate is None:
            continue
        external_id = app_id if len(jobs) == 1 else f"{app_id}:{job_id}"
        jobs_out.append(JobRow({"external_id": job_id, "title": title or job_id}, referenced=True))
        applications_out.append(
            ApplicationRow(
                {"external_id": external_id, **values},
                job_ref=job_id,
                candidate_ref=item.candidate["external_id"],
            )
        )
