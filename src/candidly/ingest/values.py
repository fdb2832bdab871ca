"""Turning one raw value from a file into the type the store keeps: text, a list, a UTC time.

Ingest parses types but never cleans: text is stored as given, only trimmed. Each function raises
``BadValue`` with a reason a person can act on; the caller adds the file, line and field.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, tzinfo
from typing import Any

from candidly.ingest.errors import BadValue

LIST_SEPARATORS = re.compile(r"[;|,\n]")
_SPACES = re.compile(r"\s+")
_NOT_DIGITS = re.compile(r"\D+")


def text_value(raw: Any, max_length: int | None = None) -> str | None:
    """Return ``raw`` as trimmed text, or None when empty; refuse values the store cannot hold."""
    if raw is None:
        return None
    if isinstance(raw, str):
        value = raw.strip()
    elif isinstance(raw, bool):
        value = "true" if raw else "false"
    elif isinstance(raw, int | float):
        value = str(raw)
    else:
        raise BadValue(f"expected text, got {describe(raw)}")
    if not value:
        return None
    if max_length is not None and len(value) > max_length:
        raise BadValue(f"is {len(value)} characters long; the store keeps at most {max_length}")
    if "\x00" in value:
        raise BadValue("contains a NUL character")
    if not value.isascii():
        # JSON escapes can spell lone surrogates, which no database can store.
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise BadValue("contains an invalid \\u escape (a lone surrogate)") from None
    return value


def list_value(raw: Any, max_length: int | None = None) -> list[str]:
    """Return ``raw`` as a list of trimmed, non-empty strings.

    Text is split on ``;``, ``|``, ``,`` or new lines, unless it is a JSON array (``["a", "b"]``).
    """
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = raw.strip()
        if not raw:
            return []
        if raw.startswith("["):
            try:
                parsed = json.loads(raw)
            except ValueError:
                parsed = None
            if isinstance(parsed, list):
                return list_value(parsed, max_length)
        items: list[Any] = LIST_SEPARATORS.split(raw)
    elif isinstance(raw, list):
        items = raw
    else:
        raise BadValue(f"expected a list, got {describe(raw)}")
    result = []
    for item in items:
        value = text_value(item, max_length)
        if value is not None:
            result.append(value)
    return result


def datetime_value(raw: Any, default_zone: tzinfo = UTC) -> datetime | None:
    """Parse an ISO 8601 date or time into a timezone-aware UTC datetime.

    A value without a zone is read in ``default_zone``; a date alone means its midnight.
    """
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise BadValue(f"expected an ISO 8601 date, got {describe(raw)}")
    value = raw.strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BadValue(
            f"{_quote(value)} is not a date: use ISO 8601, e.g. 2026-03-26 or 2026-03-26T14:30:00Z"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=default_zone)
    return parsed.astimezone(UTC)


def epoch_ms_value(raw: Any) -> datetime | None:
    """Parse a time given in milliseconds since 1970 (Lever's convention) into UTC."""
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        if isinstance(raw, str):
            return datetime_value(raw)
        raise BadValue(f"expected milliseconds since 1970, got {describe(raw)}")
    try:
        return datetime.fromtimestamp(raw / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise BadValue(f"{raw} milliseconds since 1970 is not a representable time") from None


def split_full_name(full_name: str) -> tuple[str | None, str | None, str | None]:
    """Split a whole name into (first, middle, last): first word, last word, the words between.

    A single word is a first name. This is a split, not an interpretation: "de la Cruz" and
    family-name-first orders are the quality package's business.
    """
    words = full_name.split()
    if not words:
        return None, None, None
    if len(words) == 1:
        return words[0], None, None
    middle = " ".join(words[1:-1]) or None
    return words[0], middle, words[-1]


def name_phone_key(name: str, phone: str | None) -> str:
    """The external id of a person known only by name (and phone): a stable hash.

    ``name+phone:`` and the first 20 hex digits of SHA-256 over the lower-cased name with runs of
    spaces collapsed, ``|``, and the phone's digits.
    """
    normalized = _SPACES.sub(" ", name.strip().lower())
    digits = _NOT_DIGITS.sub("", phone or "")
    digest = hashlib.sha256(f"{normalized}|{digits}".encode()).hexdigest()
    return f"name+phone:{digest[:20]}"


def stable_key(prefix: str, *parts: Any) -> str:
    """A stable id built from ``parts`` (for rows without an id of their own)."""
    blob = json.dumps(parts, default=str, sort_keys=True, ensure_ascii=False)
    return f"{prefix}:{hashlib.sha256(blob.encode()).hexdigest()[:20]}"


def describe(raw: Any) -> str:
    """Name a JSON value's type the way a person would: an object, a list, a number."""
    if isinstance(raw, dict):
        return "an object"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, bool):
        return "true/false"
    if isinstance(raw, int | float):
        return "a number"
    return type(raw).__name__


def _quote(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")
