"""The kinds and formats of file candidly imports, and the names their columns may go by."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final


class Kind(StrEnum):
    """What a file's rows are."""

    candidates = "candidates"
    jobs = "jobs"
    applications = "applications"
    events = "events"


class Format(StrEnum):
    """How a file is written."""

    csv = "csv"
    json = "json"
    greenhouse = "greenhouse"
    lever = "lever"


#: Every accepted header per kind: canonical field -> its aliases (the field's own name included).
#: Headers are matched ignoring case, surrounding spaces, and ``-``/``.``/space versus ``_``.
ALIASES: Final[dict[Kind, dict[str, tuple[str, ...]]]] = {
    Kind.candidates: {
        "external_id": ("id", "external_id", "candidate_id", "candidate_external_id"),
        "first_name": ("first_name", "firstname", "first", "given_name", "forename"),
        "middle_name": ("middle_name", "middlename", "middle"),
        "last_name": ("last_name", "lastname", "last", "surname", "family_name"),
        "full_name": ("name", "full_name", "fullname", "candidate_name"),
        "preferred_name": ("preferred_name", "nickname", "preferred_first_name"),
        "email": ("email", "email_address", "e_mail", "e_mail_address", "primary_email"),
        "other_emails": ("other_emails", "secondary_emails", "additional_emails"),
        "phone": ("phone", "phone_number", "mobile", "mobile_phone", "telephone", "cell"),
        "other_phones": ("other_phones", "secondary_phones", "additional_phones"),
        "city": ("city", "town", "location"),
        "region": ("region", "state", "province"),
        "country": ("country", "country_code"),
        "timezone": ("timezone", "time_zone", "tz"),
        "current_title": ("current_title", "title", "job_title", "headline", "position"),
        "current_company": ("current_company", "company", "employer", "organization"),
        "source_channel": ("source_channel", "source", "channel", "lead_source"),
        "owner_email": ("owner_email", "recruiter_email", "owner"),
        "skills": ("skills", "tags", "keywords"),
        "resume_text": ("resume_text", "resume", "cv_text"),
    },
    Kind.jobs: {
        "external_id": ("id", "external_id", "job_id", "requisition_id", "req_id"),
        "title": ("title", "job_title", "name", "job_name", "position"),
        "role_type": ("role_type",),
        "department": ("department", "dept", "team"),
        "location": ("location", "office"),
        "required_skills": ("required_skills", "skills"),
        "status": ("status", "job_status"),
        "opened_at": ("opened_at", "open_date", "opened"),
        "closed_at": ("closed_at", "close_date", "closed"),
        "recruiter_email": ("recruiter_email", "recruiter", "owner_email"),
        "hiring_manager_email": ("hiring_manager_email", "hiring_manager", "manager_email"),
    },
    Kind.applications: {
        "external_id": ("id", "external_id", "application_id"),
        "candidate_ref": ("candidate_id", "candidate_external_id", "candidate"),
        "candidate_email": ("candidate_email", "email"),
        "job_ref": ("job_id", "job_external_id", "requisition_id", "job"),
        "stage_label": ("stage", "stage_name", "stage_label", "current_stage"),
        "stage_entered_at": ("stage_entered_at", "stage_changed_at"),
        "applied_at": ("applied_at", "application_date", "applied"),
        "outcome": ("outcome", "result"),
        "outcome_reasons": ("outcome_reasons", "rejection_reason", "rejection_reasons", "reason"),
        "closed_at": ("closed_at", "close_date", "closed"),
    },
    Kind.events: {
        "external_id": ("id", "external_id", "event_id"),
        "type": ("type", "event_type", "event"),
        "occurred_at": ("occurred_at", "timestamp", "time", "at"),
        "candidate_ref": ("candidate_id", "candidate_external_id"),
        "application_ref": ("application_id", "application_external_id"),
        "job_ref": ("job_id", "job_external_id"),
        "actor_email": ("actor_email", "user_email"),
        "payload": ("payload", "data", "details"),
    },
}

_HEADER_NOISE = re.compile(r"[\s\-./]+")


def normalize_header(header: str) -> str:
    """``" E-mail Address "`` -> ``e_mail_address``: how headers are compared."""
    return _HEADER_NOISE.sub("_", header.strip().lower()).strip("_")


def alias_table(kind: Kind) -> dict[str, str]:
    """Normalized header -> canonical field, for one kind."""
    return {alias: name for name, aliases in ALIASES[kind].items() for alias in aliases}


def guess_kind(headers: list[str], file_name: str) -> Kind | None:
    """Tell a flat file's kind from its headers (or, failing that, its name), or None."""
    keys = {normalize_header(h) for h in headers}

    def has(kind: Kind, name: str) -> bool:
        return any(alias in keys for alias in ALIASES[kind][name])

    if has(Kind.events, "type") and has(Kind.events, "occurred_at"):
        return Kind.events
    if has(Kind.applications, "job_ref") and (
        has(Kind.applications, "candidate_ref") or has(Kind.applications, "candidate_email")
    ):
        return Kind.applications
    person = ("first_name", "last_name", "email", "phone")
    job_only = ("department", "required_skills", "role_type", "recruiter_email", "opened_at")
    if any(has(Kind.candidates, name) for name in person):
        return Kind.candidates
    if any(has(Kind.jobs, name) for name in job_only):
        return Kind.jobs
    # Only a "name" or a "title": ambiguous, so the file's name decides, then the column.
    lowered = file_name.lower()
    for kind in (Kind.applications, Kind.candidates, Kind.events, Kind.jobs):
        if kind.value.rstrip("s") in lowered:
            return kind
    if has(Kind.candidates, "full_name"):
        return Kind.candidates
    if has(Kind.jobs, "title"):
        return Kind.jobs
    return None
