"""Email addresses and phone numbers: validate and normalize, or say why not."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from candidly.quality.placeholders import is_placeholder


@dataclass(frozen=True)
class Normalized:
    """A normalized value, or None with the reason it could not be."""

    value: str | None
    problem: str | None = None


def normalize_email(raw: str | None) -> Normalized:
    """Validate an address's syntax and normalize it (lowercased, Unicode NFC, no ``mailto:``).

    Providers treat the local part case-insensitively in practice, so the whole address is
    lowercased: ``Ana.Silva@Example.COM`` and ``ana.silva@example.com`` are one person's inbox.
    Deliverability (DNS) is not checked: no network at import or clean time.
    """
    if raw is None or not raw.strip():
        return Normalized(None, "empty")
    text = raw.strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if is_placeholder(text):
        return Normalized(None, "placeholder")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return Normalized(None, str(exc))
    return Normalized(result.normalized.lower())


@lru_cache(maxsize=65_536)
def normalize_phone(raw: str | None, region: str = "US") -> Normalized:
    """Parse a phone number written any common way into E.164 (``+14155550134``).

    Numbers without a country code are read in ``region``; international dialling prefixes
    (``00``, ``011``) are understood. Numbers of an impossible length are refused, not guessed,
    and keyboard fillers ("1234567890", "0000000000") are placeholders.
    """
    if raw is None or not raw.strip():
        return Normalized(None, "empty")
    if is_placeholder(raw) or _dummy_number(raw):
        return Normalized(None, "placeholder")
    try:
        number = phonenumbers.parse(_international_prefix(raw), region.upper())
    except phonenumbers.NumberParseException as exc:
        return Normalized(None, f"not a phone number: {exc._msg}")
    if not phonenumbers.is_possible_number(number):
        return Normalized(None, "not a possible phone number (wrong length)")
    # A possible number is kept even if its range is unallocated: refusing a real candidate's
    # new mobile range would lose a way to reach them; a wrong length is a typo, not a range.
    return Normalized(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _international_prefix(raw: str) -> str:
    """Rewrite the ``00``/``011`` dialling prefixes as ``+``, whatever region they were dialled from."""
    text = raw.strip()
    digits = "".join(c for c in text if c.isdigit())
    if not text.startswith("+"):
        if digits.startswith("011") and len(digits) > 11:
            return "+" + digits[3:]
        if digits.startswith("00") and len(digits) > 10:
            return "+" + digits[2:]
    return text


def _dummy_number(raw: str) -> bool:
    """Digits typed to get past a required field: one repeated digit, or a run like 1234567890."""
    digits = "".join(c for c in raw if c.isdigit())
    if len(digits) < 7:
        return False
    if len(set(digits)) == 1:
        return True
    steps = {(int(b) - int(a)) % 10 for a, b in pairwise(digits)}
    return steps in ({1}, {9})
