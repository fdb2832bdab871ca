"""Email addresses and phone numbers: validate and normalize, or say why not."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

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
    (``00``, ``011``) are understood. Impossible numbers are refused, not guessed.
    """
    if raw is None or not raw.strip():
        return Normalized(None, "empty")
    if is_placeholder(raw):
        return Normalized(None, "placeholder")
    try:
        number = phonenumbers.parse(_international_prefix(raw), region.upper())
    except phonenumbers.NumberParseException as exc:
        return Normalized(None, f"not a phone number: {exc._msg}")
    if not phonenumbers.is_possible_number(number):
        return Normalized(None, "not a possible phone number (wrong length)")
    if not phonenumbers.is_valid_number(number):
        return Normalized(None, "not a valid phone number for its region")
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
