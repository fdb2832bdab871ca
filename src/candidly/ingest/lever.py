"""Lever exports: the response of ``GET /v1/opportunities`` (``{"data": [...], "hasNext": ...}``).

An opportunity is one candidacy of a contact (the person). Times are milliseconds since 1970.
``stage``, ``owner``, ``applications`` and ``archived.reason`` are ids unless the export asked for
them expanded (``expand=stage&expand=owner&expand=applications``); expanded values give names.
See docs/import.md for the field-by-field mapping.
"""

from __future__ import annotations

from typing import Any

from candidly.ingest.items import ApplicationRow, Item, JobRow, StageChange, UserRef
from candidly.ingest.nested import Fields
from candidly.ingest.values import describe, split_full_name, stable_key
from candidly.taxonomy.stages import canonical_stage

_EVENT_ID_LENGTH = 200  # events.external_id


class LeverRecords:
    """Maps opportunities onto items, remembering stage names seen in expanded stages."""

    def __init__(self, file: str) -> None:
        """Map the opportunities of ``file``."""
        self.file = file
        self.stage_names: dict[str, str] = {}

    def item(self, record: Any, line: int) -> tuple[Item | None, Fields]:
        """Map one opportunity; the item is None when the record is refused."""
        f = Fields(self.file, line)
        if not isinstance(record, dict):
            f.error("", f"is {describe(record)}, not a Lever opportunity object")
            return None, f
        opportunity_id = f.ident(record, "id", "id")
        contact = f.ident(record, "contact", "contact", required=False)
        name = f.text(record, "name", "name")
        first, middle, last = split_full_name(name or "")
        emails = [
            e
            for i, raw in enumerate(f.objects(record, "emails", "emails"))
            if (e := f.text({"v": raw}, "v", f"emails[{i}]", "candidate.email"))
        ]
        phones = [
            p
            for i, raw in enumerate(f.objects(record, "phones", "phones"))
            if (p := self._phone(f, raw, i))
        ]
        sources = [
            s
            for i, raw in enumerate(f.objects(record, "sources", "sources"))
            if (s := f.text({"v": raw}, "v", f"sources[{i}]", "candidate.source_channel"))
        ]
        tags = [
            t
            for i, raw in enumerate(f.objects(record, "tags", "tags"))
            if (t := f.text({"v": raw}, "v", f"tags[{i}]"))
        ]
        candidate: dict[str, Any] = {
            "external_id": contact or opportunity_id,
            "first_name": f.fit(first, "name", "candidate.first_name"),
            "middle_name": f.fit(middle, "name", "candidate.middle_name"),
            "last_name": f.fit(last, "name", "candidate.last_name"),
            "email": emails[0] if emails else None,
            "other_emails": emails[1:],
            "phone": phones[0] if phones else None,
            "other_phones": phones[1:],
            "city": f.fit(f.text(record, "location", "location"), "location", "candidate.city"),
            "skills": tags,
            "source_channel": sources[0]
            if sources
            else f.text(record, "origin", "origin", "candidate.source_channel"),
        }
        if not (name or emails):
            f.error("", "has no name and no email; give at least one")
        jobs, applications = self._applications(f, record, candidate["external_id"], opportunity_id)
        item = Item(
            line,
            candidate=candidate,
            owner=self._owner(f, record.get("owner")),
            shared_candidate=contact is not None,
            jobs=jobs,
            applications=applications,
        )
        if f.errors or opportunity_id is None:
            return None, f
        return item, f

    def _phone(self, f: Fields, raw: Any, index: int) -> str | None:
        if isinstance(raw, dict):
            return f.text(raw, "value", f"phones[{index}].value", "candidate.phone")
        return f.text({"v": raw}, "v", f"phones[{index}]", "candidate.phone")

    def _owner(self, f: Fields, raw: Any) -> UserRef:
        if raw is None:
            return UserRef()
        if isinstance(raw, dict):
            return UserRef(
                external_id=f.ident(raw, "id", "owner.id"),
                full_name=f.text(raw, "name", "owner.name", "user.full_name"),
                email=f.text(raw, "email", "owner.email", "user.email"),
            )
        return UserRef(external_id=f.ident({"id": raw}, "id", "owner"))

    def _stage(self, f: Fields, raw: Any, path: str) -> str | None:
        """A stage's name: the expanded ``text``, a name seen for its id, or the id itself."""
        if isinstance(raw, dict):
            stage_id = f.ident(raw, "id", f"{path}.id", required=False)
            text = f.text(raw, "text", f"{path}.text", "application.stage_label")
            if stage_id and text:
                self.stage_names[stage_id] = text
            return text or stage_id
        stage_id = f.text({"v": raw}, "v", path, "application.stage_label")
        return self.stage_names.get(stage_id, stage_id) if stage_id else None

    def _named(self, f: Fields, raw: Any, path: str) -> str | None:
        """An expanded value's ``text`` (its ``id`` failing that), or the plain id given."""
        if isinstance(raw, dict):
            return f.text(raw, "text", f"{path}.text") or f.ident(raw, "id", f"{path}.id")
        return f.text({"v": raw}, "v", path)

    def _applications(
        self,
        f: Fields,
        record: dict[str, Any],
        candidate_ref: str | None,
        opportunity_id: str | None,
    ) -> tuple[list[JobRow], list[ApplicationRow]]:
        label = self._stage(f, record.get("stage"), "stage")
        changes: list[StageChange] = []
        for index, raw in enumerate(f.objects(record, "stageChanges", "stageChanges")):
            change = f.mapping(raw, f"stageChanges[{index}]")
            if change is None:
                continue
            to = self._stage(f, change.get("toStageId"), f"stageChanges[{index}].toStageId")
            at = f.time(change, "updatedAt", f"stageChanges[{index}].updatedAt", epoch_ms=True)
            if to and at:
                key = f"{change.get('toStageId')}@{round(at.timestamp() * 1000)}"
                changes.append(StageChange(to, at, key))
        changes.sort(key=lambda c: c.at)
        archived = f.mapping(record.get("archived"), "archived")
        reason = None
        closed_at = None
        if archived:
            raw_reason = archived.get("reason")
            reason = self._named(f, raw_reason, "archived.reason") if raw_reason else None
            closed_at = f.time(archived, "archivedAt", "archived.archivedAt", epoch_ms=True)
        outcome = _outcome(reason) if archived else None
        created_at = f.time(record, "createdAt", "createdAt", epoch_ms=True)
        jobs: list[JobRow] = []
        out: list[ApplicationRow] = []
        applications = f.objects(record, "applications", "applications")
        if applications and not any(isinstance(a, dict) for a in applications):
            f.warn(
                "applications",
                "are ids, not objects: export with expand=applications to import the applications",
            )
        for index, raw in enumerate(applications):
            if not isinstance(raw, dict) or candidate_ref is None:
                continue
            path = f"applications[{index}]"
            app_id = f.ident(raw, "id", f"{path}.id")
            posting = raw.get("posting")
            title = None
            if isinstance(posting, dict):
                posting_id = f.ident(posting, "id", f"{path}.posting.id", required=False)
                title = f.text(posting, "text", f"{path}.posting.text", "job.title")
            else:
                posting_id = f.ident({"id": posting}, "id", f"{path}.posting", required=False)
            if posting_id is None:
                f.warn(path, "names no posting (a general application?), so it was not stored")
                continue
            if app_id is None:
                continue
            jobs.append(
                JobRow({"external_id": posting_id, "title": title or posting_id}, referenced=True)
            )
            applied_at = f.time(raw, "createdAt", f"{path}.createdAt", epoch_ms=True) or created_at
            out.append(
                ApplicationRow(
                    {
                        "external_id": app_id,
                        "stage_label": label,
                        "stage": canonical_stage(label),
                        "stage_entered_at": changes[-1].at if changes else None,
                        "applied_at": applied_at,
                        "outcome": outcome,
                        "outcome_reasons": [reason] if reason else [],
                        "closed_at": closed_at,
                    },
                    job_ref=posting_id,
                    candidate_ref=candidate_ref,
                    stage_changes=[
                        StageChange(c.label, c.at, _event_key(app_id, c.key)) for c in changes
                    ],
                )
            )

        return jobs, out


def _event_key(application_id: str, change: str) -> str:
    """The external id of a stage change's event: readable, or a hash when too long to store."""
    key = f"stage:{application_id}:{change}"
    return key if len(key) <= _EVENT_ID_LENGTH else stable_key("stage", application_id, change)


def _outcome(reason: str | None) -> str:
    """An archived opportunity's outcome: hired or withdrawn when its reason says so, else rejected."""
    lowered = (reason or "").lower()
    if "hired" in lowered:
        return "hired"
    if "withdr" in lowered:
        return "withdrawn"
    return "rejected"
