"""Flat rows (a CSV row, a plain JSON object) of each kind into ``Item``s.

``FlatRows`` is built once per file from its headers; ``build`` then runs per row and does only
what must be done per row: trim, parse types, check lengths, pick the external id.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import tzinfo
from operator import itemgetter
from typing import Any

from candidly.ingest.bulk import APPLICATIONS, CANDIDATES, EVENTS, JOBS, USERS
from candidly.ingest.errors import BadValue, ImportFileError, RowError
from candidly.ingest.items import ApplicationRow, EventRow, Item, JobRow, UserRef
from candidly.ingest.kinds import ALIASES, Kind, alias_table, normalize_header
from candidly.ingest.values import (
    LIST_SEPARATORS,
    datetime_value,
    list_value,
    name_phone_key,
    split_full_name,
    stable_key,
    text_value,
)
from candidly.taxonomy.stages import OUTCOMES, canonical_stage

Converter = Callable[[Any], Any]

_TABLES = {
    Kind.candidates: CANDIDATES,
    Kind.jobs: JOBS,
    Kind.applications: APPLICATIONS,
    Kind.events: EVENTS,
}
_LIST_FIELDS = {"other_emails", "other_phones", "skills", "required_skills", "outcome_reasons"}
_TIME_FIELDS = {"opened_at", "closed_at", "stage_entered_at", "applied_at", "occurred_at"}
_EMAIL_LENGTH: int = getattr(USERS.c.email.type, "length", 320)
_TEXT, _LIST, _OTHER = 0, 1, 2
_REF_LENGTH = 128


def column_length(kind: Kind, name: str) -> int | None:
    """The longest text the store keeps in ``name`` for ``kind`` (None: unlimited)."""
    table = _TABLES[kind]
    if name in table.c:
        length: int | None = getattr(table.c[name].type, "length", None)
        return length
    if name == "full_name":
        return None
    if name.endswith("_email"):
        return _EMAIL_LENGTH
    return _REF_LENGTH


def _outcome(raw: Any) -> str | None:
    value = text_value(raw)
    if value is None:
        return None
    lowered = value.lower()
    if lowered not in OUTCOMES:
        raise BadValue(f"{value!r} is not an outcome: use one of {', '.join(OUTCOMES)}")
    return lowered


def _payload(raw: Any) -> dict[str, Any]:
    if raw is None or raw == "":
        return {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise BadValue('is not a JSON object, e.g. {"to": "interview"}') from None
    if not isinstance(raw, dict):
        raise BadValue("must be a JSON object")
    text = json.dumps(raw, ensure_ascii=False)
    if "\\u0000" in text:
        raise BadValue("contains a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadValue("contains an invalid \\u escape (a lone surrogate)") from None
    return raw


class FlatRows:
    """Builds items of one kind from rows whose fields sit at fixed positions (a file's columns)."""

    def __init__(
        self,
        kind: Kind,
        columns: list[tuple[int, str, str]],
        file: str,
        zone: tzinfo,
        text_rows: bool = False,
    ) -> None:
        """``columns`` lists (position in the row, canonical field, header as the file spells it).

        ``text_rows``: every row is a list of strings from a checked UTF-8 file (CSV).
        """
        self.kind = kind
        self.text_rows = text_rows
        self.labels = {name: label for _, name, label in columns}
        self.file = file
        self.converters = [
            (index, name, label, self._converter(name, zone), *self._shape(name))
            for index, name, label in columns
        ]
        # For rows of text (CSV): pick the used cells in one C call, and check lengths field
        # by field only when some cell is longer than the shortest limit.
        self._names = [name for _, name, _ in columns]
        self._pick = itemgetter(*(index for index, _, _ in columns)) if columns else None
        self._typed = [
            (name, label, convert, shape == _LIST)
            for _, name, label, convert, shape, _ in self.converters
            if shape != _TEXT
        ]
        self._limits = [
            (name, label, length)
            for _, name, label, _, shape, length in self.converters
            if shape == _TEXT
        ]
        self._shortest = min((length for _, _, length in self._limits), default=1 << 30)
        self.build: Callable[[Sequence[Any], int], Item | list[RowError]] = {
            Kind.candidates: self._candidate,
            Kind.jobs: self._job,
            Kind.applications: self._application,
            Kind.events: self._event,
        }[kind]
        self._check_required()

    @classmethod
    def from_headers(
        cls, kind: Kind, headers: Sequence[str], file: str, zone: tzinfo, text_rows: bool = False
    ) -> tuple[FlatRows, list[str]]:
        """Map a file's headers onto fields; return the builder and the headers it does not use."""
        table = alias_table(kind)
        columns: list[tuple[int, str, str]] = []
        labels: dict[str, str] = {}
        unused: list[str] = []
        for index, header in enumerate(headers):
            name = table.get(normalize_header(header))
            if name is None:
                if header.strip():
                    unused.append(header.strip())
                continue
            if name in labels:
                raise ImportFileError(
                    f"{file}: the columns {labels[name]!r} and {header.strip()!r} both mean "
                    f"{name} for {kind}; rename or remove one and import again."
                )
            labels[name] = header.strip()
            columns.append((index, name, header.strip()))
        return cls(kind, columns, file, zone, text_rows), unused

    def _check_required(self) -> None:
        have = set(self.labels)
        needs: dict[Kind, list[set[str]]] = {
            Kind.candidates: [{"first_name", "last_name", "full_name", "email"}],
            Kind.jobs: [{"title"}],
            Kind.applications: [{"job_ref"}, {"candidate_ref", "candidate_email"}],
            Kind.events: [{"type"}, {"occurred_at"}],
        }
        for alternatives in needs[self.kind]:
            if not have & alternatives:
                wanted = " or ".join(
                    repr(ALIASES[self.kind][name][0]) for name in sorted(alternatives)
                )
                raise ImportFileError(
                    f"{self.file} has no {wanted} column, which {self.kind} need; "
                    "see docs/import.md for the accepted headers."
                )

    def _converter(self, name: str, zone: tzinfo) -> Converter:
        length = column_length(self.kind, name)
        if name in _LIST_FIELDS:
            return lambda raw: list_value(raw, length)
        if name in _TIME_FIELDS:
            return lambda raw: datetime_value(raw, zone)
        if name == "outcome":
            return _outcome
        if name == "payload":
            return _payload
        return lambda raw: text_value(raw, length)

    def _shape(self, name: str) -> tuple[int, int]:
        """(_TEXT, length limit), (_LIST, 0) or (_OTHER, 0): which fast path a field may take."""
        if name in _LIST_FIELDS:
            return _LIST, 0
        if name in _TIME_FIELDS or name in {"outcome", "payload"}:
            return _OTHER, 0
        return _TEXT, column_length(self.kind, name) or 1 << 30

    def _convert(self, row: Sequence[Any], line: int) -> tuple[dict[str, Any], list[RowError]]:
        if self.text_rows and self._pick is not None:
            return self._convert_text(row, line)  # type: ignore[arg-type]
        return self._convert_any(row, line)

    def _convert_text(self, row: list[str], line: int) -> tuple[dict[str, Any], list[RowError]]:
        """A row of text cells (CSV): the hot path of an import, so done in as few steps as can be.

        The file check already refused NUL bytes and anything that is not UTF-8, so cells need
        no further checks than trimming and their length.
        """
        picked = self._pick(row) if len(self._names) > 1 else (self._pick(row),)  # type: ignore[misc]
        cells = [cell.strip() or None for cell in picked]
        values = dict(zip(self._names, cells, strict=True))
        errors: list[RowError] = []
        if max(map(len, picked)) > self._shortest:
            for name, label, length in self._limits:
                value = values[name]
                if value is not None and len(value) > length:
                    reason = f"is {len(value)} characters long; the store keeps at most {length}"
                    errors.append(RowError(self.file, line, label, reason))
        for name, label, convert, is_list in self._typed:
            value = values[name]
            if is_list and (value is None or value[0] != "["):
                # A separated list (most list cells): split without the general converter.
                if value is None:
                    values[name] = []
                else:
                    values[name] = [
                        i for i in (p.strip() for p in LIST_SEPARATORS.split(value)) if i
                    ]
                continue
            try:
                values[name] = convert(value)
            except BadValue as exc:
                errors.append(RowError(self.file, line, label, str(exc)))
        return values, errors

    def _convert_any(self, row: Sequence[Any], line: int) -> tuple[dict[str, Any], list[RowError]]:
        values: dict[str, Any] = {}
        errors: list[RowError] = []
        for index, name, label, convert, shape, length in self.converters:
            value = row[index]
            # Fast paths for plain ASCII text (most JSON strings); anything unusual (numbers,
            # lists, non-ASCII that may hide a lone surrogate) takes the full converter.
            if value.__class__ is str and shape != _OTHER:
                value = value.strip()
                if not value:
                    values[name] = [] if shape == _LIST else None
                    continue
                if value.isascii() and "\x00" not in value:
                    if shape == _TEXT and len(value) <= length:
                        values[name] = value
                        continue
                    if shape == _LIST and value[0] != "[":
                        items = [item.strip() for item in LIST_SEPARATORS.split(value)]
                        values[name] = [item for item in items if item]
                        continue
            try:
                values[name] = convert(value)
            except BadValue as exc:
                errors.append(RowError(self.file, line, label, str(exc)))
        return values, errors

    def _candidate(self, raw: Sequence[Any], line: int) -> Item | list[RowError]:
        values, errors = self._convert(raw, line)
        if errors:
            return errors
        if "full_name" in values:
            full_name = values.pop("full_name")
            for part in ("first_name", "middle_name", "last_name"):
                values.setdefault(part, None)
            if full_name and not (values["first_name"] or values["last_name"]):
                first, middle, last = split_full_name(full_name)
                values["first_name"], values["last_name"] = first, last
                values["middle_name"] = values["middle_name"] or middle
                for part in ("first_name", "middle_name", "last_name"):
                    length = column_length(Kind.candidates, part)
                    if values[part] and length and len(values[part]) > length:
                        reason = f"its {part.replace('_', ' ')} is longer than {length} characters"
                        return [RowError(self.file, line, self.labels["full_name"], reason)]
        email = values.get("email")
        get = values.get
        if not (email or get("first_name") or get("last_name") or get("middle_name")):
            return [RowError(self.file, line, "", "has no name and no email; give at least one")]
        id_from = "external_id"
        if not values.get("external_id"):
            if email:
                id_from, external_id = "email", email.lower()
                if len(external_id) > _REF_LENGTH:
                    external_id = stable_key("email", external_id)
            else:
                parts = (get("first_name"), get("middle_name"), get("last_name"))
                name = " ".join(p for p in parts if p)
                id_from, external_id = "name+phone", name_phone_key(name, get("phone"))
            values["external_id"] = external_id
        owner = None
        if "owner_email" in values:
            owner_email = values.pop("owner_email")
            owner = UserRef(email=owner_email) if owner_email else UserRef()
        return Item(line, candidate=values, owner=owner, labels=self.labels, id_from=id_from)

    def _job(self, raw: Sequence[Any], line: int) -> Item | list[RowError]:
        values, errors = self._convert(raw, line)
        if not errors and not values.get("title"):
            errors.append(RowError(self.file, line, self.labels["title"], "is empty"))
        if errors:
            return errors
        if not values.get("external_id"):
            values["external_id"] = stable_key(
                "job", values["title"].lower(), values.get("department"), values.get("location")
            )
        job = JobRow(values)
        if "recruiter_email" in values:
            email = values.pop("recruiter_email")
            job.recruiter = UserRef(email=email) if email else UserRef()
        if "hiring_manager_email" in values:
            email = values.pop("hiring_manager_email")
            job.hiring_manager = UserRef(email=email, role="hiring_manager") if email else UserRef()
        return Item(line, jobs=[job], labels=self.labels)

    def _application(self, raw: Sequence[Any], line: int) -> Item | list[RowError]:
        values, errors = self._convert(raw, line)
        if errors:
            return errors
        job_ref = values.pop("job_ref", None)
        candidate_ref = values.pop("candidate_ref", None)
        candidate_email = values.pop("candidate_email", None)
        if not job_ref:
            errors.append(RowError(self.file, line, self.labels["job_ref"], "is empty"))
        if not candidate_ref and not candidate_email:
            label = self.labels.get("candidate_ref") or self.labels["candidate_email"]
            errors.append(RowError(self.file, line, label, "is empty: which candidate applied?"))
        if errors or job_ref is None:
            return errors
        if not values.get("external_id"):
            who = candidate_ref or (candidate_email or "").lower()
            external_id = f"{who}/{job_ref}"
            if len(external_id) > _REF_LENGTH:
                external_id = stable_key("application", who, job_ref)
            values["external_id"] = external_id
        if "stage_label" in values:
            values["stage"] = canonical_stage(values["stage_label"])
        application = ApplicationRow(values, job_ref, candidate_ref, candidate_email)
        return Item(line, applications=[application], labels=self.labels)

    def _event(self, raw: Sequence[Any], line: int) -> Item | list[RowError]:
        values, errors = self._convert(raw, line)
        for name in ("type", "occurred_at"):
            if not errors and values.get(name) is None:
                errors.append(RowError(self.file, line, self.labels[name], "is empty"))
        if errors:
            return errors
        event = EventRow(
            values,
            candidate_ref=values.pop("candidate_ref", None),
            application_ref=values.pop("application_ref", None),
            job_ref=values.pop("job_ref", None),
            actor_email=values.pop("actor_email", None),
        )
        values.setdefault("payload", {})
        if not values.get("external_id"):
            values["external_id"] = stable_key(
                "event",
                values["type"],
                values["occurred_at"].isoformat(),
                event.candidate_ref,
                event.application_ref,
                event.job_ref,
                values["payload"],
            )
        return Item(line, event=event, labels=self.labels)
