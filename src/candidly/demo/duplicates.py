"""How a duplicate record differs from the person's first one.

Each duplicate changes the name (a typo, a nickname, another transliteration, dropped diacritics,
capitals), the e-mail (kept, re-cased or new) and the phone (kept, reformatted, missing or new),
but always keeps at least one of e-mail, phone or full name equal after normalisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from candidly.demo.dice import Dice, Weighted
from candidly.demo.names import NICKNAMES, SPELLING_VARIANTS
from candidly.demo.people import PERSONAL_DOMAINS, PeopleFactory, Person, fold_to_ascii
from candidly.demo.places import format_phone

if TYPE_CHECKING:
    from candidly.demo.candidates import Original

_EMAIL_CHANGES: Final = Weighted([("same", 35), ("recased", 20), ("new", 45)])
_PHONE_CHANGES: Final = Weighted([("reformatted", 45), ("same", 15), ("missing", 20), ("new", 20)])
#: Name changes that normalisation (case-folding, dropping diacritics) undoes.
_NAME_KEPT: Final = frozenset({"none", "diacritics_dropped", "recased"})
_VOWELS: Final = "aeiou"


@dataclass(slots=True)
class DuplicateTwist:
    """The duplicate's person and contact details, and what changed from the original."""

    person: Person
    email: str | None
    phone: str | None
    changes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """The changes as ``name:nickname;email:new;phone:reformatted``."""
        return ";".join(self.changes)


def normalize_name(name: str | None) -> str:
    """A name compared the way deduplication should: no diacritics, no case, single spaces."""
    return " ".join(fold_to_ascii(name or "").casefold().split())


def misspell(dice: Dice, name: str) -> str:
    """``name`` with one typing slip: two letters swapped, one dropped, doubled or a vowel changed."""
    if len(name) < 4:
        return name + name[-1]
    position = dice.integer(1, len(name) - 2)
    slip = dice.integer(0, 3)
    if slip == 0 and name[position] != name[position + 1]:
        return name[:position] + name[position + 1] + name[position] + name[position + 2 :]
    if slip == 1:
        return name[:position] + name[position + 1 :]
    if slip == 2:
        return name[: position + 1] + name[position] + name[position + 1 :]
    vowels = [index for index in range(1, len(name)) if name[index] in _VOWELS]
    if vowels:
        index = dice.pick(vowels)
        replacement = dice.pick([vowel for vowel in _VOWELS if vowel != name[index]])
        return name[:index] + replacement + name[index + 1 :]
    return name[:position] + name[position + 1 :]


def recase_email(address: str) -> str:
    """The same address typed with capitals: ``Amara.Okafor@Example.com``."""
    local, _, domain = address.partition("@")
    recased = ".".join(part.capitalize() for part in local.split(".")) + "@" + domain.capitalize()
    return recased if recased != address else address.upper()


def twist_duplicate(dice: Dice, people: PeopleFactory, original: Original) -> DuplicateTwist | None:
    """Decide how the duplicate of ``original`` differs; None when no strong link could be kept."""
    person = original.person
    options = [("none", 30.0), ("typo", 20.0), ("recased", 10.0)]
    if person.first_name in NICKNAMES:
        options.append(("nickname", 20.0))
    if person.first_name in SPELLING_VARIANTS or person.last_name in SPELLING_VARIANTS:
        options.append(("spelling_variant", 10.0))
    if fold_to_ascii(person.full_name) != person.full_name:
        options.append(("diacritics_dropped", 10.0))
    name_change = Weighted(options).pick(dice)
    email_change = _EMAIL_CHANGES.pick(dice)
    phone_change = _PHONE_CHANGES.pick(dice)
    keeps_email = email_change != "new" and original.email_usable
    keeps_phone = phone_change in ("reformatted", "same") and original.phone_usable
    keeps_name = name_change in _NAME_KEPT and original.name_usable
    if not (keeps_email or keeps_phone or keeps_name):
        if original.email_usable:
            email_change = "same"
        elif original.phone_usable:
            phone_change = "reformatted"
        elif original.name_usable:
            name_change = "none"
        else:
            return None

    first, last = person.first_name, person.last_name
    if name_change == "typo":
        if dice.chance(0.6):
            last = misspell(dice, last)
        else:
            first = misspell(dice, first)
    elif name_change == "nickname":
        first = dice.pick(NICKNAMES[first])
    elif name_change == "spelling_variant":
        if first in SPELLING_VARIANTS:
            first = dice.pick(SPELLING_VARIANTS[first])
        else:
            last = dice.pick(SPELLING_VARIANTS[last])
    elif name_change == "diacritics_dropped":
        first, last = fold_to_ascii(first), fold_to_ascii(last)
    elif name_change == "recased":
        first, last = first.upper(), last.upper()

    city = person.city if dice.chance(0.8) else people.nearby_city(person.city)
    if email_change == "same":
        email = person.email
    elif email_change == "recased":
        email = recase_email(person.email)
    else:
        email = people.unique_email(first, last, PERSONAL_DOMAINS.pick(dice))

    patterns = person.country.phone_patterns
    national: str = person.phone_national
    phone: str | None
    if phone_change == "same":
        phone = person.phone
    elif phone_change == "reformatted":
        others = [p for p in patterns if format_phone(national, p) != person.phone]
        phone = format_phone(national, dice.pick(others or list(patterns)))
    elif phone_change == "missing":
        phone = None
    else:
        national = people.new_phone_number(city)
        phone = format_phone(national, dice.pick(patterns))

    duplicate = Person(
        culture=person.culture,
        gender=person.gender,
        first_name=first,
        middle_name=person.middle_name if dice.chance(0.5) else None,
        last_name=last,
        preferred_name=person.preferred_name,
        email=email,
        phone_national=national,
        phone=phone or "",
        city=city,
    )
    changes = [f"name:{name_change}", f"email:{email_change}", f"phone:{phone_change}"]
    return DuplicateTwist(duplicate, email, phone, changes)
