"""People: names from a culture, an address, an e-mail and a phone number that nobody else has.

E-mail domains are reserved for documentation (RFC 2606: ``example.com``, ``*.example``), so a
demo store can never mail a real person. Phone numbers are unique per person by construction: a
counter per number range, scrambled by a multiplication that is a bijection modulo 10^k.
"""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from candidly.demo.dice import Dice, Weighted
from candidly.demo.names import CULTURES, ENGLISH_PREFERRED, NameCulture
from candidly.demo.places import CITIES_BY_COUNTRY, COUNTRIES, City, Country, format_phone

#: Personal e-mail domains candidates use; all reserved, none deliverable.
PERSONAL_DOMAINS: Final = Weighted(
    [
        ("example.com", 30),
        ("example.net", 20),
        ("example.org", 10),
        ("mail.example", 15),
        ("inbox.example", 12),
        ("post.example", 8),
        ("campus.example.edu", 5),
    ]
)

#: The domain of the sample organisation's own staff.
COMPANY_DOMAIN: Final = "northwindcare.example"
COMPANY_NAME: Final = "Northwind Care"

_FOLD = str.maketrans(
    {"ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "œ": "oe"}
)


@lru_cache(maxsize=8192)
def fold_to_ascii(text: str) -> str:
    """``text`` without diacritics ("Nguyễn" → "Nguyen", "Weiß" → "Weiss"), as many systems store it."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=8192)
def email_local_part(text: str) -> str:
    """Lower-case ASCII letters and digits of ``text``, for building an e-mail address."""
    return "".join(char for char in fold_to_ascii(text).lower() if char.isalnum())


@dataclass(slots=True)
class Person:
    """Who someone really is: the true values that defects are later applied to."""

    culture: str
    gender: str
    first_name: str
    middle_name: str | None
    last_name: str
    preferred_name: str | None
    email: str
    phone_national: str
    phone: str
    city: City

    @property
    def country(self) -> Country:
        """The country the person lives in."""
        return COUNTRIES[self.city.country]

    @property
    def full_name(self) -> str:
        """First and last name, the way a form asks for them."""
        return f"{self.first_name} {self.last_name}"


class PeopleFactory:
    """Makes people with unique e-mail addresses and phone numbers, deterministically."""

    def __init__(self, dice: Dice) -> None:
        self._dice = dice
        self._emails: set[str] = set()
        self._phone_counters: dict[str, int] = {}
        self._cultures: dict[str, Weighted[str]] = {
            code: Weighted(country.cultures) for code, country in COUNTRIES.items()
        }

    def pick_culture(self, country: str) -> str:
        """A naming culture, as common as it is among the people living in ``country``."""
        return self._cultures[country].pick(self._dice)

    def nearby_city(self, city: City) -> City:
        """``city`` itself most of the time, otherwise another city of the same country."""
        if self._dice.chance(0.7):
            return city
        return self._dice.pick(CITIES_BY_COUNTRY[city.country])

    def make_person(self, culture_key: str, city: City, domain: str | None = None) -> Person:
        """A new person of ``culture_key`` living in ``city``, reachable at a unique address."""
        dice = self._dice
        culture = CULTURES[culture_key]
        gender = "female" if dice.chance(0.5) else "male"
        first = dice.pick(culture.female if gender == "female" else culture.male)
        last = dice.pick(culture.surnames)
        middle = self._middle_name(culture, gender)
        preferred = None
        abroad = city.country not in ("CN", "VN", "JP", "KR")
        if culture.english_preferred_names and abroad and dice.chance(0.3):
            preferred = dice.pick(ENGLISH_PREFERRED[gender])
        email = self.unique_email(first, last, domain or PERSONAL_DOMAINS.pick(dice))
        national = self.new_phone_number(city)
        pattern = dice.pick(COUNTRIES[city.country].phone_patterns)
        return Person(
            culture=culture_key,
            gender=gender,
            first_name=first,
            middle_name=middle,
            last_name=last,
            preferred_name=preferred,
            email=email,
            phone_national=national,
            phone=format_phone(national, pattern),
            city=city,
        )

    def _middle_name(self, culture: NameCulture, gender: str) -> str | None:
        options = culture.female_middle if gender == "female" else culture.male_middle
        if options and self._dice.chance(0.8):
            return self._dice.pick(options)
        if culture.key in ("english", "spanish") and self._dice.chance(0.15):
            source = culture.female if gender == "female" else culture.male
            return self._dice.pick(source)
        return None

    def unique_email(self, first: str, last: str, domain: str) -> str:
        """An address in one of the shapes people choose, made unique with digits if taken."""
        dice = self._dice
        given, family = email_local_part(first), email_local_part(last) or "x"
        shape = dice.integer(0, 7)
        if shape == 0:
            local = f"{given}.{family}"
        elif shape == 1:
            local = f"{given}{family}"
        elif shape == 2:
            local = f"{given[:1]}.{family}"
        elif shape == 3:
            local = f"{given}_{family}"
        elif shape == 4:
            local = f"{given}{family[:1]}"
        elif shape == 5:
            local = f"{family}.{given}"
        elif shape == 6:
            local = f"{given}.{family}{dice.integer(1, 99):02d}"
        else:
            local = f"{given}{dice.integer(1970, 2004)}"
        address = f"{local}@{domain}"
        while address in self._emails:
            address = f"{local}{dice.integer(2, 999)}@{domain}"
        self._emails.add(address)
        return address

    def claim_email(self, address: str) -> bool:
        """Reserve ``address`` for one person; False when someone already has it."""
        if address in self._emails:
            return False
        self._emails.add(address)
        return True

    def new_phone_number(self, city: City) -> str:
        """A national significant number for someone in ``city`` that no one else has."""
        country = COUNTRIES[city.country]
        if not country.prefixes:
            area = self._dice.pick(city.area_codes)
            count = self._next(area)
            # 555 is fiction's exchange; past 10,000 numbers per area code continue in 556, 557...
            return f"{area}{555 + count // 10_000}{_scramble(area, count % 10_000, 4)}"
        prefix = self._dice.pick(country.prefixes)
        key = country.code + prefix
        return prefix + _scramble(key, self._next(key), country.suffix_digits)

    def _next(self, key: str) -> int:
        count = self._phone_counters.get(key, 0)
        self._phone_counters[key] = count + 1
        return count


def _scramble(key: str, count: int, digits: int) -> str:
    # k -> (m*k + c) mod 10^digits is a bijection when m is coprime with 10 (odd, no factor 5):
    # unique numbers that do not look sequential. c differs per number range.
    offset = zlib.crc32(key.encode())
    return f"{(count * 2_654_435_761 + offset) % 10**digits:0{digits}d}"
