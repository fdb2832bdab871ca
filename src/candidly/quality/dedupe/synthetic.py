"""Candidate-shaped person records with known duplicates, for tests and benchmarks.

Deterministic for a seed on every Python (only ``Random.random()`` is used). The duplicates
carry what real candidate data does: nicknames (Bob for Robert), a married name with the same
email or phone, gmail dots and ``+tags``, stripped accents (Jose for José, Nguyen for Nguyễn),
given and family name swapped, typos and transpositions, phones written six ways and
international numbers. The hard negatives are different people who look alike: several
"Maria Garcia"s with their own contact details, and relatives who share a family name, a
household phone and a city.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

from candidly.quality.dedupe.keys import fold
from candidly.quality.dedupe.nicknames import nickname_table
from candidly.quality.dedupe.records import FieldSpec
from candidly.quality.dedupe.synthetic_data import (
    _CITIES,
    _COMMON_NAMES,
    _COUNTRY,
    _CULTURES,
    _DOMAINS,
    _SYLLABLES,
    _TAGS,
    _US_AREA,
)

T = TypeVar("T")

#: The fields a candidate record has, and their kinds, for ``dedupe_file`` and ``build_table``.
CANDIDATE_FIELDS: Final = (
    FieldSpec("first_name", "given_name"),
    FieldSpec("last_name", "surname"),
    FieldSpec("email", "email"),
    FieldSpec("phone", "phone"),
    FieldSpec("city", "city"),
)
COLUMNS: Final = ("id", "first_name", "last_name", "email", "phone", "city")


def _invented(dice: _Dice, syllables: int) -> str:
    """A plausible name nobody in the lists has: the long tail real name data has."""
    count = dice.integer(2, syllables)
    return "".join(dice.pick(_SYLLABLES) for _ in range(count)).title()


class _Dice:
    """Seeded decisions built only on ``random()``, so results do not move between Pythons."""

    def __init__(self, seed: int, stream: str) -> None:
        self._random = random.Random(f"candidly-dedupe/{seed}/{stream}")

    def random(self) -> float:
        return self._random.random()

    def chance(self, probability: float) -> bool:
        return self._random.random() < probability

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self._random.random() * len(items))]

    def zipf(self, items: Sequence[T], exponent: float = 1.0) -> T:
        """An item with weight 1/rank^exponent: the first few are common, the rest rare."""
        weights = _zipf_cumulative(len(items), exponent)
        target = self._random.random() * weights[-1]
        low, high = 0, len(weights) - 1
        while low < high:
            mid = (low + high) // 2
            if weights[mid] < target:
                low = mid + 1
            else:
                high = mid
        return items[low]

    def weighted(self, items: Sequence[tuple[T, float]]) -> T:
        total = sum(w for _, w in items)
        target = self._random.random() * total
        for item, weight in items:
            target -= weight
            if target <= 0:
                return item
        return items[-1][0]

    def digits(self, count: int) -> str:
        return "".join(str(int(self._random.random() * 10)) for _ in range(count))

    def integer(self, low: int, high: int) -> int:
        return low + int(self._random.random() * (high - low + 1))


_ZIPF_CACHE: dict[tuple[int, float], list[float]] = {}


def _zipf_cumulative(size: int, exponent: float) -> list[float]:
    cached = _ZIPF_CACHE.get((size, exponent))
    if cached is None:
        total, cached = 0.0, []
        for rank in range(1, size + 1):
            total += 1.0 / rank**exponent
            cached.append(total)
        _ZIPF_CACHE[(size, exponent)] = cached
    return cached


@dataclass
class _Person:
    given: str
    surname: str
    city: str
    country: str
    phone_digits: str  # national number without trunk prefix
    email: str


@dataclass
class SyntheticPeople:
    """Generated records (dicts with ``COLUMNS``) and the person each record belongs to."""

    records: list[dict[str, str | None]]
    person: list[int]
    #: Which variations each duplicate record carries, by record index.
    variations: dict[int, list[str]] = field(default_factory=dict)
    #: Pairs of record indices that look alike but are different people.
    hard_negatives: list[tuple[int, int]] = field(default_factory=list)


def _ascii_token(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalnum())


def _email_for(dice: _Dice, given: str, surname: str) -> str:
    first, last = _ascii_token(given), _ascii_token(surname)
    domain = dice.weighted(_DOMAINS)
    style = dice.integer(0, 5)
    if style == 0:
        local = f"{first}.{last}"
    elif style == 1:
        local = f"{first}{last}{dice.integer(1, 99)}"
    elif style == 2:
        local = f"{first[:1]}{last}"
    elif style == 3:
        local = f"{first}_{last}"
    elif style == 4:
        local = f"{last}.{first}{dice.integer(70, 99)}"
    else:
        local = f"{first}{dice.digits(3)}"
    return f"{local}@{domain}"


def _phone_for(dice: _Dice, city: str, country: str) -> str:
    if country in ("US", "CA"):
        area = dice.pick(_US_AREA[city])
        return f"{area}{dice.integer(2, 9)}{dice.digits(2)}{dice.digits(4)}"
    _, length = _COUNTRY[country]
    return f"{dice.integer(2, 9)}{dice.digits(length - 1)}"


def format_phone(digits: str, country: str, style: int) -> str:
    """A national number written one of six ways: international with spaces, national with
    punctuation, dots, bare digits, E.164, or with an ``00`` international prefix."""
    if country in ("US", "CA"):
        a, b, c = digits[:3], digits[3:6], digits[6:]
        return (
            f"+1 {a} {b} {c}",
            f"({a}) {b}-{c}",
            f"{a}.{b}.{c}",
            digits,
            f"+1{digits}",
            f"001-{a}-{b}-{c}",
        )[style % 6]
    code, _ = _COUNTRY[country]
    head, tail = digits[:3], digits[3:]
    trunk = "" if country in ("ES", "SG", "NG", "IN") else "0"
    return (
        f"+{code} {head} {tail}",
        f"{trunk}{head} {tail}",
        f"{trunk}{head}.{tail[:3]}.{tail[3:]}",
        f"{trunk}{digits}",
        f"+{code}{digits}",
        f"00{code} {head} {tail}",
    )[style % 6]


def _typo(dice: _Dice, text: str) -> str:
    if len(text) < 4:
        return text
    position = dice.integer(1, len(text) - 2)
    kind = dice.integer(0, 3)
    if kind == 0:  # transposition
        return text[:position] + text[position + 1] + text[position] + text[position + 2 :]
    if kind == 1:  # deletion
        return text[:position] + text[position + 1 :]
    if kind == 2:  # doubled letter
        return text[:position] + text[position] + text[position:]
    keyboard = "qwertyuiopasdfghjklzxcvbnm"
    return text[:position] + dice.pick(keyboard) + text[position + 1 :]


_NICKNAMES: dict[str, list[str]] = {}


def _nicknames_of(given: str) -> list[str]:
    if not _NICKNAMES:
        for members in nickname_table().group_members().values():
            for name in members:
                _NICKNAMES.setdefault(name, []).extend(
                    m for m in members if m != name and " " not in m
                )
    return _NICKNAMES.get(_ascii_token(given), [])


def _gmail_variant(dice: _Dice, email: str) -> str:
    local, _, domain = email.partition("@")
    choice = dice.integer(0, 3)
    if domain == "gmail.com" and choice == 0:
        bare = local.replace(".", "")
        cut = dice.integer(1, max(1, len(bare) - 1))
        return f"{bare[:cut]}.{bare[cut:]}@{domain}"
    if domain == "gmail.com" and choice == 1:
        return f"{local}@googlemail.com"
    if choice == 2:
        return f"{local}+{dice.pick(_TAGS)}@{domain}"
    return f"{local}@{domain}".upper() if dice.chance(0.5) else f"{local.title()}@{domain}"


def _record(
    identifier: str,
    given: str | None,
    surname: str | None,
    email: str | None,
    phone: str | None,
    city: str | None,
) -> dict[str, str | None]:
    return {
        "id": identifier,
        "first_name": given,
        "last_name": surname,
        "email": email,
        "phone": phone,
        "city": city,
    }


def generate_people(count: int, *, seed: int = 7, duplicate_share: float = 0.25) -> SyntheticPeople:
    """``count`` candidate records, about ``duplicate_share`` of them duplicates of another.

    About 3% of people share a common full name with others, and about 4% have a relative
    in the data (same family name, household phone and city; a different first name).
    """
    dice = _Dice(seed, "people")
    records: list[dict[str, str | None]] = []
    person_of: list[int] = []
    variations: dict[int, list[str]] = {}
    hard: list[tuple[int, int]] = []
    cultures = [(c, c.weight) for c in _CULTURES]
    cities = [((name, country), weight) for name, country, weight in _CITIES]
    people: list[_Person] = []

    used_emails: set[str] = set()

    def unique_email(given: str, surname: str) -> str:
        # One address, one person: a collision gets digits, as a mail provider would insist.
        email = _email_for(dice, given, surname)
        while email in used_emails:
            local, _, domain = email.partition("@")
            email = f"{local}{dice.integer(0, 9)}@{domain}"
        used_emails.add(email)
        return email

    def new_person(given: str | None = None, surname: str | None = None) -> _Person:
        culture = dice.weighted(cultures)
        city, country = dice.weighted(cities)
        if given is None:
            given = dice.zipf(culture.given, 0.8) if dice.chance(0.85) else _invented(dice, 2)
        if surname is None:
            surname = dice.zipf(culture.surnames, 0.9) if dice.chance(0.6) else _invented(dice, 3)
        return _Person(
            given,
            surname,
            city,
            country,
            _phone_for(dice, city, country),
            unique_email(given, surname),
        )

    def emit(person_id: int, record: dict[str, str | None]) -> int:
        records.append(record)
        person_of.append(person_id)
        return len(records) - 1

    def original(person_id: int, person: _Person) -> int:
        phone = format_phone(person.phone_digits, person.country, dice.integer(0, 5))
        return emit(
            person_id,
            _record(
                f"C{len(records) + 1:07d}",
                person.given,
                person.surname,
                person.email,
                phone,
                person.city,
            ),
        )

    while len(records) < count:
        person_id = len(people)
        roll = dice.random()
        if roll < 0.03:
            given, surname = dice.pick(_COMMON_NAMES)
            person = new_person(given, surname)
        else:
            person = new_person()
        people.append(person)
        first = original(person_id, person)
        if dice.chance(0.04) and len(records) < count:
            # A relative: same family name, household phone and city; own first name and email.
            relative = new_person(surname=person.surname)
            while _ascii_token(relative.given) == _ascii_token(person.given) or (
                _nicknames_of(relative.given)
                and _ascii_token(person.given) in _nicknames_of(relative.given)
            ):
                relative.given = new_person().given
            relative.city, relative.country = person.city, person.country
            relative.phone_digits = person.phone_digits
            relative.email = unique_email(relative.given, relative.surname)
            people.append(relative)
            hard.append((first, original(len(people) - 1, relative)))
        duplicates = 0
        if dice.chance(duplicate_share / (1.0 - duplicate_share) / 1.3):
            duplicates = 1 + int(dice.chance(0.3))
        for _ in range(duplicates):
            if len(records) >= count:
                break
            index, applied = _duplicate(dice, person, person_id, records, emit, unique_email)
            variations[index] = applied
    return SyntheticPeople(records[:count], person_of[:count], variations, hard)


def _duplicate(
    dice: _Dice,
    person: _Person,
    person_id: int,
    records: list[dict[str, str | None]],
    emit: Callable[[int, dict[str, str | None]], int],
    unique_email: Callable[[str, str], str],
) -> tuple[int, list[str]]:
    given, surname = person.given, person.surname
    email: str | None = person.email
    city: str | None = person.city
    phone: str | None = format_phone(person.phone_digits, person.country, dice.integer(0, 5))
    applied: list[str] = ["phone format"]
    keep_email = True
    if dice.chance(0.25) and _nicknames_of(given):
        given = dice.pick(_nicknames_of(given)).title()
        applied.append("nickname")
    if dice.chance(0.3) and fold(given + surname) != given.lower() + surname.lower():
        given, surname = fold(given).title(), fold(surname).title()
        applied.append("accents stripped")
    if dice.chance(0.1):
        surname = dice.zipf(dice.pick(_CULTURES).surnames)
        applied.append("married name")
    if dice.chance(0.08):
        given, surname = surname, given
        applied.append("names swapped")
    if dice.chance(0.15):
        if dice.chance(0.5):
            given = _typo(dice, given)
        else:
            surname = _typo(dice, surname)
        applied.append("typo")
    if dice.chance(0.4) and email is not None:
        email = _gmail_variant(dice, email)
        applied.append("email variant")
    if dice.chance(0.2):
        email = unique_email(given, surname)
        keep_email = False
        applied.append("other email")
    if keep_email and dice.chance(0.15):
        phone = None
        applied.append("no phone")
    elif dice.chance(0.15) and "married name" not in applied:
        email = None
        applied.append("no email")
    if dice.chance(0.1):
        city = None
        applied.append("no city")
    if dice.chance(0.15):
        given = given.upper() if dice.chance(0.5) else given.lower()
        applied.append("case")
    record = _record(f"C{len(records) + 1:07d}", given, surname, email, phone, city)
    return emit(person_id, record), applied
