"""Where the sample organisation hires and where its candidates live: cities, time zones, phones.

US numbers use the 555 exchange that North American numbering keeps for fiction; other countries'
numbers follow their national shape. Phone patterns write the national significant number's digits
into the ``#`` slots, the way different systems and people format the same number.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True, slots=True)
class Country:
    """A country's phone shape, currency and the naming cultures of the people who live there."""

    code: str
    name: str
    calling_code: str
    #: Leading digits of mobile numbers, the rest being ``suffix_digits`` long. Empty for the
    #: North American plan: there the city's area code, a 555 exchange and four digits.
    prefixes: tuple[str, ...]
    suffix_digits: int
    #: How the same number is written; ``#`` slots take the national significant number's digits.
    phone_patterns: tuple[str, ...]
    currency: str
    #: Local pay relative to the US, in local currency per US dollar of a US offer.
    pay_factor: float
    cultures: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class City:
    """A place people live and work in, with its time zone and (for the US) its area codes."""

    name: str
    region: str | None
    country: str
    timezone: str
    area_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Office:
    """A job location: a city, how a requisition writes it, and which role families hire there."""

    label: str
    city: City
    families: tuple[str, ...]
    remote: bool = False


_US_CULTURES = (
    ("english", 52), ("spanish", 15), ("indian", 8), ("chinese", 5), ("vietnamese", 4),
    ("nigerian", 3), ("irish", 4), ("arabic", 3), ("polish", 2), ("korean", 2), ("japanese", 1),
    ("german", 1),
)  # fmt: skip

COUNTRIES: Final = MappingProxyType(
    {
        country.code: country
        for country in (
            Country("US", "United States", "1", (), 7,
                    ("+1 (###) ###-####", "(###) ###-####", "###-###-####", "###.###.####",
                     "+1##########", "##########", "1-###-###-####", "+1 ### ### ####"),
                    "USD", 1.0, _US_CULTURES),
            Country("CA", "Canada", "1", (), 7,
                    ("+1 (###) ###-####", "(###) ###-####", "###-###-####", "+1##########"),
                    "CAD", 1.05, (("english", 55), ("chinese", 12), ("indian", 12), ("irish", 4),
                                  ("arabic", 5), ("vietnamese", 4), ("korean", 3), ("polish", 3),
                                  ("spanish", 2))),
            Country("MX", "Mexico", "52", ("55", "33", "81"), 8,
                    ("+52 ## #### ####", "## #### ####", "+52##########", "(##) ####-####"),
                    "MXN", 7.5, (("spanish", 95), ("english", 3), ("arabic", 2))),
            Country("BR", "Brazil", "55", ("119", "219", "319", "419"), 8,
                    ("+55 ## #####-####", "(##) #####-####", "+55###########", "## ##### ####"),
                    "BRL", 2.4, (("portuguese_br", 92), ("japanese", 4), ("arabic", 2),
                                 ("german", 2))),
            Country("GB", "United Kingdom", "44", ("74", "75", "77", "78", "79"), 8,
                    ("+44 #### ######", "0#### ######", "+44 (0) #### ######", "0##########",
                     "+44##########"),
                    "GBP", 0.62, (("english", 64), ("indian", 10), ("irish", 6), ("polish", 6),
                                  ("nigerian", 5), ("arabic", 4), ("chinese", 3), ("spanish", 2))),
            Country("IE", "Ireland", "353", ("83", "85", "86", "87", "89"), 7,
                    ("+353 ## ### ####", "0## ### ####", "+353#########", "0#########"),
                    "EUR", 0.72, (("irish", 70), ("english", 8), ("polish", 8), ("portuguese_br", 4),
                                  ("indian", 5), ("nigerian", 3), ("chinese", 2))),
            Country("DE", "Germany", "49", ("151", "152", "160", "170", "171", "176"), 8,
                    ("+49 ### ########", "0### ########", "0###/########", "+49###########",
                     "+49 (0)### ########"),
                    "EUR", 0.68, (("german", 70), ("polish", 7), ("arabic", 8), ("english", 4),
                                  ("spanish", 3), ("vietnamese", 3), ("indian", 3), ("chinese", 2))),
            Country("NL", "Netherlands", "31", ("6",), 8,
                    ("+31 # ########", "0#-########", "0# ## ## ## ##", "+31#########"),
                    "EUR", 0.66, (("dutch", 72), ("arabic", 8), ("german", 4), ("polish", 5),
                                  ("indian", 4), ("english", 4), ("chinese", 3))),
            Country("PL", "Poland", "48", ("5", "6", "7", "8"), 8,
                    ("+48 ### ### ###", "### ### ###", "+48#########", "###-###-###"),
                    "PLN", 1.6, (("polish", 92), ("german", 3), ("english", 3), ("vietnamese", 2))),
            Country("ES", "Spain", "34", ("6",), 8,
                    ("+34 ### ### ###", "### ## ## ##", "+34#########"),
                    "EUR", 0.5, (("spanish", 88), ("arabic", 6), ("english", 3), ("german", 3))),
            Country("IN", "India", "91", ("98", "99", "97", "90", "88", "70"), 8,
                    ("+91 ##### #####", "+91-##########", "0##########", "##########",
                     "+91 ### ### ####"),
                    "INR", 28.0, (("indian", 97), ("arabic", 2), ("english", 1))),
            Country("SG", "Singapore", "65", ("8", "9"), 7,
                    ("+65 #### ####", "#### ####", "+65########", "+65-####-####"),
                    "SGD", 1.1, (("chinese", 62), ("indian", 14), ("english", 10), ("arabic", 6),
                                 ("vietnamese", 4), ("japanese", 2), ("korean", 2))),
            Country("VN", "Vietnam", "84", ("90", "91", "93", "98"), 7,
                    ("+84 ## ### ####", "0## ### ####", "+84#########"),
                    "USD", 0.3, (("vietnamese", 97), ("chinese", 3))),
            Country("CN", "China", "86", ("138", "139", "150", "186"), 8,
                    ("+86 ### #### ####", "### #### ####", "+86###########"),
                    "CNY", 3.2, (("chinese", 100),)),
            Country("NG", "Nigeria", "234", ("803", "805", "806", "813", "816"), 7,
                    ("+234 ### ### ####", "0### ### ####", "+234##########"),
                    "USD", 0.35, (("nigerian", 98), ("english", 1), ("arabic", 1))),
            Country("JP", "Japan", "81", ("90", "80", "70"), 8,
                    ("+81 ##-####-####", "0##-####-####", "+81##########"),
                    "JPY", 110.0, (("japanese", 96), ("korean", 2), ("chinese", 2))),
            Country("AE", "United Arab Emirates", "971", ("50", "52", "55", "56"), 7,
                    ("+971 ## ### ####", "0## ### ####", "+971#########"),
                    "AED", 2.9, (("arabic", 55), ("indian", 30), ("english", 10), ("nigerian", 5))),
        )
    }
)  # fmt: skip


def _city(name: str, region: str | None, country: str, timezone: str, *codes: str) -> City:
    return City(name, region, country, timezone, codes)


_NY = "America/New_York"
_CHI = "America/Chicago"
_LA = "America/Los_Angeles"

CITIES: Final = (
    _city("San Francisco", "CA", "US", _LA, "415", "628"),
    _city("Oakland", "CA", "US", _LA, "510"),
    _city("San Jose", "CA", "US", _LA, "408"),
    _city("Los Angeles", "CA", "US", _LA, "213", "310"),
    _city("Seattle", "WA", "US", _LA, "206"),
    _city("Portland", "OR", "US", _LA, "503"),
    _city("Reno", "NV", "US", _LA, "775"),
    _city("Phoenix", "AZ", "US", "America/Phoenix", "602"),
    _city("Denver", "CO", "US", "America/Denver", "303"),
    _city("Austin", "TX", "US", _CHI, "512"),
    _city("Dallas", "TX", "US", _CHI, "214"),
    _city("Houston", "TX", "US", _CHI, "713"),
    _city("Chicago", "IL", "US", _CHI, "312", "773"),
    _city("Memphis", "TN", "US", _CHI, "901"),
    _city("Minneapolis", "MN", "US", _CHI, "612"),
    _city("Columbus", "OH", "US", _NY, "614"),
    _city("Atlanta", "GA", "US", _NY, "404"),
    _city("Miami", "FL", "US", _NY, "305"),
    _city("New York", "NY", "US", _NY, "212", "646", "917"),
    _city("Brooklyn", "NY", "US", _NY, "718", "347"),
    _city("Boston", "MA", "US", _NY, "617"),
    _city("Philadelphia", "PA", "US", _NY, "215"),
    _city("Allentown", "PA", "US", _NY, "610"),
    _city("Washington", "DC", "US", _NY, "202"),
    _city("Raleigh", "NC", "US", _NY, "919"),
    _city("Toronto", "ON", "CA", "America/Toronto", "416", "647"),
    _city("Vancouver", "BC", "CA", "America/Vancouver", "604"),
    _city("Montréal", "QC", "CA", "America/Toronto", "514"),
    _city("Ciudad de México", "CDMX", "MX", "America/Mexico_City"),
    _city("Guadalajara", "Jalisco", "MX", "America/Mexico_City"),
    _city("Monterrey", "Nuevo León", "MX", "America/Monterrey"),
    _city("São Paulo", "SP", "BR", "America/Sao_Paulo"),
    _city("Rio de Janeiro", "RJ", "BR", "America/Sao_Paulo"),
    _city("Belo Horizonte", "MG", "BR", "America/Sao_Paulo"),
    _city("Curitiba", "PR", "BR", "America/Sao_Paulo"),
    _city("London", "England", "GB", "Europe/London"),
    _city("Manchester", "England", "GB", "Europe/London"),
    _city("Bristol", "England", "GB", "Europe/London"),
    _city("Edinburgh", "Scotland", "GB", "Europe/London"),
    _city("Dublin", "Leinster", "IE", "Europe/Dublin"),
    _city("Cork", "Munster", "IE", "Europe/Dublin"),
    _city("Galway", "Connacht", "IE", "Europe/Dublin"),
    _city("Berlin", "Berlin", "DE", "Europe/Berlin"),
    _city("München", "Bayern", "DE", "Europe/Berlin"),
    _city("Hamburg", "Hamburg", "DE", "Europe/Berlin"),
    _city("Leipzig", "Sachsen", "DE", "Europe/Berlin"),
    _city("Köln", "Nordrhein-Westfalen", "DE", "Europe/Berlin"),
    _city("Amsterdam", "Noord-Holland", "NL", "Europe/Amsterdam"),
    _city("Rotterdam", "Zuid-Holland", "NL", "Europe/Amsterdam"),
    _city("Utrecht", "Utrecht", "NL", "Europe/Amsterdam"),
    _city("Venlo", "Limburg", "NL", "Europe/Amsterdam"),
    _city("Warszawa", "Mazowieckie", "PL", "Europe/Warsaw"),
    _city("Kraków", "Małopolskie", "PL", "Europe/Warsaw"),
    _city("Poznań", "Wielkopolskie", "PL", "Europe/Warsaw"),
    _city("Wrocław", "Dolnośląskie", "PL", "Europe/Warsaw"),
    _city("Madrid", "Madrid", "ES", "Europe/Madrid"),
    _city("Barcelona", "Cataluña", "ES", "Europe/Madrid"),
    _city("Bengaluru", "Karnataka", "IN", "Asia/Kolkata"),
    _city("Hyderabad", "Telangana", "IN", "Asia/Kolkata"),
    _city("Pune", "Maharashtra", "IN", "Asia/Kolkata"),
    _city("Chennai", "Tamil Nadu", "IN", "Asia/Kolkata"),
    _city("Singapore", None, "SG", "Asia/Singapore"),
    _city("Hồ Chí Minh City", None, "VN", "Asia/Ho_Chi_Minh"),
    _city("Hà Nội", None, "VN", "Asia/Ho_Chi_Minh"),
    _city("Shanghai", None, "CN", "Asia/Shanghai"),
    _city("Shenzhen", "Guangdong", "CN", "Asia/Shanghai"),
    _city("Lagos", "Lagos", "NG", "Africa/Lagos"),
    _city("Abuja", "FCT", "NG", "Africa/Lagos"),
    _city("Tokyo", None, "JP", "Asia/Tokyo"),
    _city("Osaka", None, "JP", "Asia/Tokyo"),
    _city("Dubai", None, "AE", "Asia/Dubai"),
)

CITY_BY_NAME: Final = MappingProxyType({city.name: city for city in CITIES})

#: Cities in each country, for candidates who live near, but not in, the job's city.
CITIES_BY_COUNTRY: Final = MappingProxyType(
    {code: tuple(city for city in CITIES if city.country == code) for code in COUNTRIES}
)

#: Where candidates who apply from abroad live (relocation, remote roles).
ABROAD_COUNTRIES: Final = (
    ("IN", 22), ("NG", 10), ("VN", 6), ("CN", 6), ("BR", 8), ("MX", 8), ("PL", 8), ("ES", 8),
    ("AE", 5), ("JP", 3), ("GB", 8), ("DE", 8),
)  # fmt: skip

_TECH = "tech"
_BUSINESS = "business"
_CLINICAL = "clinical"
_HOURLY = "hourly"


def _office(label: str, city: str, *families: str, remote: bool = False) -> Office:
    return Office(label, CITY_BY_NAME[city], families, remote)


OFFICES: Final = (
    _office("San Francisco, CA", "San Francisco", _TECH, _BUSINESS),
    _office("New York, NY", "New York", _TECH, _BUSINESS),
    _office("Austin, TX", "Austin", _TECH, _BUSINESS),
    _office("Seattle, WA", "Seattle", _TECH),
    _office("Remote - US", "Chicago", _TECH, _BUSINESS, remote=True),
    _office("Toronto, ON", "Toronto", _TECH, _BUSINESS),
    _office("London, UK", "London", _TECH, _BUSINESS),
    _office("Dublin, Ireland", "Dublin", _TECH, _BUSINESS),
    _office("Berlin, Germany", "Berlin", _TECH),
    _office("Amsterdam, NL", "Amsterdam", _TECH, _BUSINESS),
    _office("Warsaw, Poland", "Warszawa", _TECH),
    _office("Remote - EMEA", "London", _TECH, remote=True),
    _office("Bengaluru, India", "Bengaluru", _TECH, _BUSINESS),
    _office("Singapore", "Singapore", _BUSINESS, _TECH),
    _office("São Paulo, Brazil", "São Paulo", _TECH, _BUSINESS),
    _office("Mexico City, MX", "Ciudad de México", _BUSINESS),
    _office("Chicago, IL - Lakeshore Clinic", "Chicago", _CLINICAL, _BUSINESS),
    _office("Boston, MA - Back Bay Clinic", "Boston", _CLINICAL),
    _office("Houston, TX - Medical Center", "Houston", _CLINICAL),
    _office("Phoenix, AZ - Desert View Clinic", "Phoenix", _CLINICAL),
    _office("Atlanta, GA - Midtown Clinic", "Atlanta", _CLINICAL),
    _office("Minneapolis, MN - Northside Clinic", "Minneapolis", _CLINICAL),
    _office("Philadelphia, PA", "Philadelphia", _CLINICAL, _BUSINESS),
    _office("Reno, NV (RNO1)", "Reno", _HOURLY),
    _office("Columbus, OH (CMH2)", "Columbus", _HOURLY),
    _office("Memphis, TN (MEM1)", "Memphis", _HOURLY),
    _office("Allentown, PA (ABE3)", "Allentown", _HOURLY),
    _office("Dallas, TX (DFW4)", "Dallas", _HOURLY),
    _office("Venlo, NL (VNL1)", "Venlo", _HOURLY),
    _office("Leipzig, DE (LEJ1)", "Leipzig", _HOURLY),
    _office("Poznań, PL (POZ1)", "Poznań", _HOURLY),
)


def format_phone(national: str, pattern: str) -> str:
    """Write the national significant number ``national`` into ``pattern``'s ``#`` slots.

    A pattern with a trunk prefix (``0####``) carries the ``0`` itself; slots left over when a
    number is shorter than the pattern are dropped, extra digits are appended.
    """
    digits = iter(national)
    out = []
    for char in pattern:
        if char == "#":
            out.append(next(digits, ""))
        else:
            out.append(char)
    out.extend(digits)
    return "".join(out).rstrip(" -.")
