"""Match keys: the forms of names, emails, phones and dates that two records are compared in.

A match key is not a cleaned value. It throws away what people write differently for the same
thing (case, accents, punctuation, gmail dots and ``+tags``, a phone's country code and
formatting) so that equal keys mean "written the same way once the noise is gone". Keys are only
ever compared with each other; nothing here is stored or shown.

Every function is pure, idempotent (``key(key(x)) == key(x)`` where the key is itself a valid
input) and cheap; callers cache them per distinct value.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from candidly.quality.placeholders import is_placeholder

# Letters NFKD does not decompose into a base letter plus marks.
_SPECIAL_LETTERS: Final = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŋ": "n",
    }
)
_NOT_WORD: Final = re.compile(r"[^0-9a-z]+")
_NOT_LETTER: Final = re.compile(r"[^a-z]+")
_NOT_DIGIT: Final = re.compile(r"\D+")
_NOT_ALNUM: Final = re.compile(r"[^0-9A-Za-z]+")
_EXTENSION: Final = re.compile(r"ext|x|;|#", re.IGNORECASE)
#: Addresses typed to get past a required field, as match keys.
_EMAIL_PLACEHOLDER_KEY: Final = re.compile(
    r"^(test|none|na|noemail|no-email|noreply|no-reply|unknown|nobody|x+|a+|asdf|fake|dummy|email)"
    r"@(test|example|none|na|noemail|email|unknown|x+|a+|asdf|fake|dummy|domain)\.(com|org|net|test|na)$"
)
#: Tokens that decorate a name without telling people apart.
_NAME_NOISE: Final = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "jr", "sr", "ii", "iii", "iv", "phd"}
)
#: Mail domains that ignore dots in the local part; googlemail.com is gmail.com.
_DOTLESS_DOMAINS: Final = frozenset({"gmail.com"})
_DOMAIN_ALIASES: Final = {"googlemail.com": "gmail.com"}
#: Street words and their usual abbreviations, so "12 Main Street" meets "12 main st".
_ADDRESS_WORDS: Final = {
    "street": "st",
    "str": "st",
    "road": "rd",
    "avenue": "ave",
    "av": "ave",
    "boulevard": "blvd",
    "drive": "dr",
    "lane": "ln",
    "court": "ct",
    "place": "pl",
    "square": "sq",
    "terrace": "tce",
    "crescent": "cres",
    "highway": "hwy",
    "parkway": "pkwy",
    "circuit": "cct",
    "close": "cl",
    "apartment": "apt",
    "suite": "ste",
    "unit": "u",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "strasse": "st",
    "calle": "c",
}


def fold(text: str) -> str:
    """Lowercase ``text`` and strip accents: ``Nguyễn`` → ``nguyen``, ``Müller`` → ``muller``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_tokens(raw: str | None) -> tuple[str, ...]:
    """The words of a name, folded, without titles or suffixes; empty for a placeholder.

    Apostrophes join (``O'Brien`` → ``obrien``); hyphens and spaces separate
    (``Fletcher-Price`` → ``fletcher``, ``price``).
    """
    if raw is None or is_placeholder(raw):
        return ()
    text = fold(raw).replace("'", "").replace("’", "").replace("`", "")
    return tuple(t for t in _NOT_WORD.split(text) if t and t not in _NAME_NOISE)


def name_key(raw: str | None) -> str | None:
    """A name as folded words of letters: ``José-María`` → ``jose maria``; None when there is none."""
    words = [w for w in (_NOT_LETTER.sub("", t) for t in name_tokens(raw)) if w]
    key = " ".join(words)
    # What is left once digits and marks go can itself be a stand-in ("0X" → "x").
    return None if not key or is_placeholder(key) else key


def split_full_name(raw: str | None) -> tuple[str | None, str | None]:
    """Split a full name into (given, family): the first word and the rest; ``Last, First`` understood.

    ``Ana María García López`` → (``ana``, ``maria garcia lopez``): the family-name comparison
    credits a shared word, so a middle name or a second surname does not hide a match.
    """
    if raw is None:
        return None, None
    if raw.count(",") == 1:
        family, given = raw.split(",")
        first = name_tokens(given)
        return (name_key(first[0]) if first else None), name_key(family)
    tokens = name_tokens(raw)
    if not tokens:
        return None, None
    if len(tokens) == 1:
        return name_key(tokens[0]), None
    return name_key(tokens[0]), name_key(" ".join(tokens[1:]))


def email_key(raw: str | None) -> str | None:
    """The mailbox an address reaches: lowercased, ``+tag`` removed, gmail dots removed.

    ``J.Doe+jobs@GoogleMail.com`` → ``jdoe@gmail.com``. None for an empty or placeholder
    address or one without an ``@``.
    """
    if raw is None or "@" not in raw:
        return None
    text = raw.strip().strip("<>").strip()
    if text[:7].lower() == "mailto:":
        text = text[7:]
    local, _, domain = fold(text).replace(" ", "").rpartition("@")
    domain = _DOMAIN_ALIASES.get(domain, domain).strip(".")
    local = local.partition("+")[0]
    if domain in _DOTLESS_DOMAINS:
        local = local.replace(".", "")
    if not local or not domain or _EMAIL_PLACEHOLDER_KEY.match(local + "@" + domain):
        return None
    return f"{local}@{domain}"


def phone_digits(raw: str | None) -> str | None:
    """A phone number's digits without an international dialling prefix, or None.

    ``+1 (415) 555-0134``, ``001-415-555-0134`` and ``011 1 415 555 0134`` all give
    ``14155550134``; ``(415) 555-0134`` gives ``4155550134``. Fewer than seven digits, or one
    digit repeated (``000-000-0000``), is not a phone number.
    """
    if not raw:
        return None
    text = _EXTENSION.split(raw, 1)[0]
    digits = _NOT_DIGIT.sub("", text)
    if len(digits) < 7 or digits.count(digits[0]) == len(digits):
        return None
    if text.lstrip()[:1] != "+":
        if digits.startswith("011") and len(digits) > 11:
            digits = digits[3:]
        elif digits.startswith("00") and len(digits) > 10:
            digits = digits[2:]
    return digits


def phone_key(raw: str | None) -> str | None:
    """The last nine digits of a phone number: equal for the same line written any way.

    Nine digits survive a missing country code (``+1``, ``+44``) and a national trunk ``0``
    (``020 7946 0958`` ~ ``+44 20 7946 0958``) while leaving random collisions rare.
    """
    digits = phone_digits(raw)
    return digits[-9:] if digits else None


def date_key(raw: str | None) -> str | None:
    """A date as ``YYYYMMDD``, from ISO (``1987-03-09``), ``19870309``, ``09/03/1987`` or similar.

    Day-first and month-first cannot be told apart in ``03/09/1987``; the key keeps the order
    it was written in (day, month) and the comparison treats a day/month swap as near-equal.
    """
    if raw is None or is_placeholder(raw):
        return None
    text = raw.strip().split("T")[0].split(" ")[0]
    parts = [p for p in _NOT_DIGIT.split(text) if p]
    if len(parts) == 1 and len(parts[0]) == 8:
        value = parts[0]
        if value[:2] not in ("19", "20") and value[4:6] in ("19", "20"):
            value = value[4:] + value[2:4] + value[:2]
    elif len(parts) == 3 and len(parts[0]) == 4:
        value = f"{parts[0]}{int(parts[1]):02d}{int(parts[2]):02d}"
    elif len(parts) == 3 and len(parts[2]) == 4:
        value = f"{parts[2]}{int(parts[1]):02d}{int(parts[0]):02d}"
    else:
        return None
    if not value.isdigit() or len(value) != 8 or value == "00000000":
        return None
    return value


def postcode_key(raw: str | None) -> str | None:
    """A postcode without spaces or punctuation, uppercased: ``sw1a 1aa`` → ``SW1A1AA``."""
    if raw is None or is_placeholder(raw):
        return None
    key = _NOT_ALNUM.sub("", fold(raw)).upper()
    return key or None


def id_number_key(raw: str | None) -> str | None:
    """An identifier's letters and digits, uppercased; None for an empty or placeholder one."""
    return postcode_key(raw)


def address_key(raw: str | None) -> str | None:
    """An address as folded words with the usual abbreviations: ``12 Main Street`` → ``12 main st``."""
    if raw is None or is_placeholder(raw):
        return None
    words = [_ADDRESS_WORDS.get(w, w) for w in _NOT_WORD.split(fold(raw)) if w]
    return " ".join(words) or None


def text_key(raw: str | None) -> str | None:
    """Free text folded to lowercase words separated by single spaces."""
    if raw is None or is_placeholder(raw):
        return None
    words = [w for w in _NOT_WORD.split(fold(raw)) if w]
    return " ".join(words) or None


def city_key(raw: str | None) -> str | None:
    """A place name as one run of letters: ``São Paulo`` → ``saopaulo``, ``St. Louis`` → ``stlouis``."""
    if raw is None or is_placeholder(raw):
        return None
    key = _NOT_LETTER.sub("", fold(raw).replace("saint", "st"))
    return key or None


_SOUNDEX: Final = str.maketrans("abcdefghijklmnopqrstuvwxyz", "01230120022455012623010202")
_REPEATS: Final = re.compile(r"(\d)\1+")


def soundex(key: str) -> str:
    """American Soundex of an already-folded name key: ``robert`` and ``rupert`` → ``r163``.

    Used only for blocking, where a phonetic code lets a typo past the first letter still meet
    its twin.
    """
    if not key:
        return ""
    # h and w do not separate equal codes; vowels do.
    codes = key.translate(_SOUNDEX)
    codes = codes[0] + "".join(c for i, c in enumerate(codes[1:], 1) if key[i] not in "hw")
    codes = _REPEATS.sub(r"\1", codes)
    return (key[0] + codes[1:].replace("0", "") + "000")[:4]
