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


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(",") if w.strip())


@dataclass(frozen=True)
class _Culture:
    given: tuple[str, ...]
    surnames: tuple[str, ...]
    weight: float


_CULTURES: Final = (
    _Culture(
        _words(
            "Robert, William, Elizabeth, Katherine, Margaret, Michael, James, Jennifer, Christopher,"
            " Daniel, Joseph, Thomas, Anthony, Matthew, Nicholas, Benjamin, Samuel, Jonathan,"
            " Andrew, Patricia, Rebecca, Victoria, Susan, Deborah, Kimberly, Stephanie, Jessica,"
            " Edward, Timothy, Steven, Gregory, Richard, Abigail, Samantha, Emily, Hannah, Olivia,"
            " Sarah, Lauren, Megan, Ashley, Amanda, Rachel, Grace, Natalie, Zoë, Chloe, Tyler,"
            " Ryan, Brandon, Ethan, Oliver, Harry, George, Charlotte, Madison, Jacob, Joshua,"
            " Kevin, Brian, Jason, Justin, Heather, Melissa, Amy, Laura, Nicole, Alexander, Peter"
        ),
        _words(
            "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor,"
            " Thomas, Moore, Martin, Thompson, White, Harris, Clark, Lewis, Walker, Hall, Young,"
            " Allen, King, Wright, Scott, Green, Baker, Adams, Nelson, Carter, Mitchell, Roberts,"
            " Turner, Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Cooper,"
            " Hughes, Ward, Brooks, Bennett, Wood, Foster, Hayes, Fletcher-Price, Ashworth,"
            " Whitfield, O'Brien, McAllister, Sullivan, Murphy, Kelly, Gallagher, Donnelly,"
            " Harrington, Pemberton, Blackwood, Caldwell, Montgomery, Sinclair, Thornton, Whitaker"
        ),
        3.0,
    ),
    _Culture(
        _words(
            "José, María, Alejandro, Guadalupe, Francisco, Ana, Lucía, Sofía, Valentina, Camila,"
            " Daniela, Fernanda, Ximena, Mariana, Gabriela, Alejandra, Carmen, Isabel, Rocío,"
            " Verónica, Natalia, Juan, Luis, Carlos, Jorge, Miguel, Javier, Enrique, Fernando,"
            " Roberto, Eduardo, Ignacio, Jesús, Raúl, Andrés, Sebastián, Mateo, Diego, Santiago,"
            " Ángel, Joaquín, Dolores, Concepción, Pilar, Ramón, Rafael"
        ),
        _words(
            "García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez,"
            " Torres, Flores, Rivera, Gómez, Díaz, Reyes, Morales, Cruz, Ortiz, Gutiérrez, Chávez,"
            " Ramos, Ruiz, Álvarez, Mendoza, Castillo, Jiménez, Vásquez, Moreno, Romero, Herrera,"
            " Medina, Aguilar, Vargas, Castro, Guzmán, Fernández, Muñoz, Salazar, Peña, Ibáñez,"
            " Núñez, Cervantes, Villanueva, Domínguez, de la Cruz, García López"
        ),
        2.0,
    ),
    _Culture(
        _words(
            "Anh, Linh, Minh, Huong, Thao, Trang, Hoa, Lan, Mai, Ngoc, Duc, Tuan, Hung, Quang,"
            " Long, Phuong, Thanh, Hai, Khanh, Bao, Dung, Hieu, Nam, Vy, Yen"
        ),
        _words(
            "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý"
        ),
        1.0,
    ),
    _Culture(
        _words(
            "Wei, Jing, Li, Ming, Hui, Yan, Xin, Jun, Lei, Fang, Hao, Yu, Xiaoming, Xiaoling,"
            " Jian, Qiang, Mei, Ling, Tao, Yong, Zhen, Bo, Chen, Rui, Yi, Lin, Hong, Jie"
        ),
        _words(
            "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo,"
            " He, Lin, Gao, Luo, Zheng, Liang, Xie, Tang, Han, Cao, Deng, Feng"
        ),
        1.5,
    ),
    _Culture(
        _words(
            "Priyanka, Rajesh, Venkatesh, Subramanian, Aishwarya, Ananya, Arjun, Rahul, Rohit,"
            " Siddharth, Abhishek, Deepak, Sanjay, Vijay, Anil, Sunita, Kavita, Pooja, Neha,"
            " Divya, Lakshmi, Krishna, Srinivas, Nikhil, Pradeep, Sandeep, Gurpreet, Harpreet,"
            " Meera, Shreya, Aditya, Vikram, Karthik, Ramesh, Suresh, Anjali"
        ),
        _words(
            "Patel, Sharma, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Rao, Menon, Krishnan, Joshi,"
            " Mehta, Shah, Desai, Chatterjee, Banerjee, Mukherjee, Das, Bose, Pillai, Agarwal,"
            " Malhotra, Kapoor, Venkataraman, Subramaniam, Ramachandran, Bhattacharya, Chopra"
        ),
        1.5,
    ),
    _Culture(
        _words(
            "Mohammed, Ahmed, Youssef, Hussein, Hassan, Ibrahim, Omar, Khaled, Mustafa, Ali,"
            " Aisha, Fatima, Khadija, Mariam, Zainab, Layla, Noor, Salma, Yasmin, Rania, Karim,"
            " Tariq, Samir, Nadia, Hana"
        ),
        _words(
            "Al-Sayed, Haddad, Khoury, Mansour, Nasser, Saleh, Hamdan, Aziz, Rahman, Hussain,"
            " Khan, Farouk, El-Amin, Qureshi, Siddiqui, Abdullah, Karimi, Sabbagh, Bakr, Darwish"
        ),
        1.0,
    ),
    _Culture(
        _words(
            "Johannes, Katharina, Maximilian, Wolfgang, Jürgen, Lukas, Felix, Jonas, Leon, Paul,"
            " Anna, Lena, Laura, Julia, Sophie, Marie, Hannah, Stefan, Andreas, Matthias,"
            " Sebastian, Tobias, Sabine, Claudia, Björn, Søren, Astrid, Ingrid, Sven, Lars"
        ),
        _words(
            "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,"
            " Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann,"
            " Braun, Krüger, Hofmann, Hartmann, Lange, Weiß, Jensen, Nielsen, Hansen, Lindqvist,"
            " Johansson, Andersson, van der Berg, de Vries, Jansen"
        ),
        1.5,
    ),
    _Culture(
        _words(
            "François, Chloé, Renée, Hélène, Céline, Amélie, Élodie, Mathieu, Stéphane, Jérôme,"
            " Théo, Hugo, Louis, Camille, Léa, Manon, Inès, Giuseppe, Giovanni, Francesco,"
            " Alessandro, Lorenzo, Giulia, Chiara, Francesca, Federica, João, Luiz, Thiago, Gabriel"
        ),
        _words(
            "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau,"
            " Lefèvre, Girard, Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci,"
            " Marino, Greco, Silva, Santos, Oliveira, Souza, Pereira, Costa, Rodrigues, Almeida"
        ),
        1.5,
    ),
    _Culture(
        _words(
            "Łukasz, Małgorzata, Katarzyna, Wojciech, Jakub, Agnieszka, Krzysztof, Paweł, Piotr,"
            " Tomasz, Magdalena, Joanna, Anna, Dmitri, Ekaterina, Natalya, Sergei, Olga, Ivan,"
            " Mikhail, Tatiana, Aleksandr, Svetlana"
        ),
        _words(
            "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński,"
            " Szymański, Woźniak, Dąbrowski, Ivanov, Smirnov, Kuznetsov, Popov, Sokolov, Petrov,"
            " Volkov, Fedorov, Morozov"
        ),
        1.0,
    ),
    _Culture(
        _words(
            "Oluwaseun, Oluwatobi, Chukwuemeka, Babatunde, Funmilayo, Chinedu, Ngozi, Adebayo,"
            " Kemi, Tunde, Emeka, Chiamaka, Kwame, Kwabena, Ama, Akosua, Yaw, Adaeze, Ifeoma, Obinna"
        ),
        _words(
            "Okafor, Okonkwo, Adeyemi, Balogun, Eze, Nwosu, Olawale, Adebayo, Ogunleye, Mensah,"
            " Boateng, Asante, Owusu, Obi, Chukwu, Ibrahim, Danjuma, Afolabi, Oyelaran, Nnamdi"
        ),
        1.0,
    ),
    _Culture(
        _words(
            "Hiroshi, Kenji, Takeshi, Yuki, Haruka, Sakura, Aiko, Kenichi, Takahiro, Yoshihiro,"
            " Minjun, Seojun, Jihoon, Jiwoo, Seoyeon, Minji, Hyun, Soyeon"
        ),
        _words(
            "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato,"
            " Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim"
        ),
        1.0,
    ),
)

#: City, country code for phones, and its weight.
_CITIES: Final = (
    ("San Francisco", "US", 6.0),
    ("New York", "US", 8.0),
    ("Austin", "US", 4.0),
    ("Seattle", "US", 4.0),
    ("Chicago", "US", 4.0),
    ("Boston", "US", 3.0),
    ("Los Angeles", "US", 5.0),
    ("Denver", "US", 2.0),
    ("Atlanta", "US", 2.0),
    ("Toronto", "CA", 3.0),
    ("Montréal", "CA", 1.5),
    ("London", "GB", 5.0),
    ("Manchester", "GB", 1.5),
    ("Berlin", "DE", 3.0),
    ("München", "DE", 1.5),
    ("Paris", "FR", 2.0),
    ("Madrid", "ES", 1.5),
    ("São Paulo", "BR", 1.5),
    ("Ciudad de México", "MX", 1.5),
    ("Bengaluru", "IN", 3.0),
    ("Hyderabad", "IN", 1.5),
    ("Lagos", "NG", 1.0),
    ("Singapore", "SG", 1.0),
    ("Sydney", "AU", 1.5),
    ("Dublin", "IE", 1.0),
    ("Amsterdam", "NL", 1.0),
    ("Warszawa", "PL", 1.0),
    ("Tokyo", "JP", 1.0),
    ("Seoul", "KR", 1.0),
    ("Hồ Chí Minh City", "VN", 0.8),
)
_US_AREA: Final = {
    "San Francisco": ("415", "628"),
    "New York": ("212", "646", "917", "718"),
    "Austin": ("512", "737"),
    "Seattle": ("206", "425"),
    "Chicago": ("312", "773"),
    "Boston": ("617", "857"),
    "Los Angeles": ("213", "310", "323"),
    "Denver": ("303", "720"),
    "Atlanta": ("404", "678"),
    "Toronto": ("416", "647"),
    "Montréal": ("514", "438"),
}
#: Country calling code and national significant number length for international numbers.
_COUNTRY: Final = {
    "GB": ("44", 10),
    "DE": ("49", 11),
    "FR": ("33", 9),
    "ES": ("34", 9),
    "BR": ("55", 11),
    "MX": ("52", 10),
    "IN": ("91", 10),
    "NG": ("234", 10),
    "SG": ("65", 8),
    "AU": ("61", 9),
    "IE": ("353", 9),
    "NL": ("31", 9),
    "PL": ("48", 9),
    "JP": ("81", 10),
    "KR": ("82", 10),
    "VN": ("84", 9),
}
_DOMAINS: Final = (
    ("gmail.com", 45.0),
    ("outlook.com", 10.0),
    ("yahoo.com", 10.0),
    ("hotmail.com", 6.0),
    ("icloud.com", 6.0),
    ("proton.me", 3.0),
    ("fastmail.com", 2.0),
    ("web.de", 2.0),
)
_TAGS: Final = ("jobs", "careers", "linkedin", "apply", "recruiting", "2024")
#: Full names several different people have.
_COMMON_NAMES: Final = (
    ("María", "García"),
    ("John", "Smith"),
    ("Wei", "Zhang"),
    ("Mohammed", "Khan"),
    ("Priya", "Patel"),
    ("Anh", "Nguyễn"),
    ("David", "Kim"),
    ("Anna", "Müller"),
)


_SYLLABLES: Final = _words(
    "ka, ro, mi, len, dar, son, ber, to, lu, vi, na, sha, tor, el, an, is, ov, ski, ez, ra, mo,"
    " ham, wick, ley, ton, field, bu, chi, de, fa, go, hi, jo, ku, li, ma, ne, pa, qui, ri, sa,"
    " ta, un, va, wa, ya, zo, bre, cla, dra, fre, gri, kro, pla, sto, tra, vel, mar, ling, dorf"
)


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
