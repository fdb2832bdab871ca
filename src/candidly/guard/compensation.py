"""``compensation``: pay, salary, ranges, equity, bonuses, rates and currency amounts.

Money is only compensation where it could be: "$145,000", "€78k", "42 an hour", "INR 38 LPA"
are; "100k requests per second", "lift 50 pounds", "8 hours a day" and a "$40M Series B" are
not. Words are compensation in their pay sense only: "base pay" and "pay range" are,
"pay attention" is not; "a signing bonus" is, "Vault experience is a bonus" is not; "equity
grant" is, "diversity, equity and inclusion" is not; "salary" always is.
"""

from __future__ import annotations

import re
from typing import Final

from candidly.guard.rules import Draft, Rule, rule, words

_SYMBOL: Final = r"(?:US\$|A\$|C\$|NZ\$|HK\$|S\$|R\$|[$€£¥₹₩₽₺₪₫₱])"
_CODE: Final = words(
    "USD",
    "EUR",
    "GBP",
    "CAD",
    "AUD",
    "NZD",
    "CHF",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "CZK",
    "INR",
    "JPY",
    "CNY",
    "RMB",
    "SGD",
    "HKD",
    "BRL",
    "MXN",
    "ZAR",
    "AED",
    "ILS",
    "KRW",
)
_NUMBER: Final = r"\d[\d,.]*\d|\d"
_SCALE: Final = (
    r"(?:[ \t]?(?:[kKmMbB](?![a-zA-Z])|bn\b|million\b|billion\b|thousand\b|lakhs?\b|crores?\b))?"
)
_AMOUNT: Final = (
    rf"(?:{_SYMBOL}[ \t]?(?:{_NUMBER}){_SCALE}"
    rf"|(?<![^\W\d_]){_CODE}[ \t]?(?:{_NUMBER}){_SCALE}"
    rf"|(?:{_NUMBER}){_SCALE}[ \t]?{_CODE}(?![^\W\d_])"
    rf"|(?:{_NUMBER}){_SCALE}[ \t]?(?:dollars|euros|pounds[ \t]+sterling|rupees|yen|francs)\b)"
)
_RANGE: Final = rf"{_AMOUNT}(?:[ \t]*(?:-|–|—|to|and)[ \t]*(?:{_AMOUNT}|(?:{_NUMBER}){_SCALE}))?"
_PER: Final = r"(?:[ \t]*/[ \t]*|[ \t]+(?:per|an?)[ \t]+)"
_PERIOD: Final = r"(?:hour|hr|day|week|month|year|yr|annum|shift)"
#: Money that is the company's, not anyone's pay: a funding round, a valuation, revenue.
_COMPANY_MONEY: Final = re.compile(
    r"[ \t]*(?:[A-Za-z]+[ \t]+){0,2}(?:series[ \t]+[a-h]\b|seed\b|funding|round\b|valuation|"
    r"revenue|ARR\b|sales\b|investment|raise\b|volume|GMV\b|transactions|turnover|"
    r"market[ \t]+cap|budget|assets[ \t]+under)",
    re.IGNORECASE,
)
_COMPANY_MONEY_BEFORE: Final = re.compile(
    r"(?:raised|closed|valued[ \t]+at|valuation[ \t]+of|revenue[ \t]+of|ARR[ \t]+of|"
    r"funding[ \t]+of|worth)[ \t]+(?:a[ \t]+|an[ \t]+|over[ \t]+|about[ \t]+|nearly[ \t]+)?$",
    re.IGNORECASE,
)


_EQUITY_OF_A_GROUP: Final = re.compile(r"\b(?:health|racial|gender|social|educational)\W*$")
_AND_INCLUSION: Final = re.compile(r"[^\w\n]*(?:and|&)?[^\w\n]*inclusi", re.IGNORECASE)


def _is_pay(draft: Draft, match: re.Match[str]) -> bool:
    before = draft.before(match)[-40:]
    return not (
        _COMPANY_MONEY.match(draft.text, match.end()) or _COMPANY_MONEY_BEFORE.search(before)
    )


def _not_inclusion(draft: Draft, match: re.Match[str]) -> bool:
    """'Equity' in "diversity, equity and inclusion" or "health equity" is not a stake."""
    before = draft.before(match)[-30:].casefold()
    return not (
        "divers" in before
        or _EQUITY_OF_A_GROUP.search(before)
        or _AND_INCLUSION.match(draft.text, match.end())
    )


def _not_a_proper_noun(draft: Draft, match: re.Match[str]) -> bool:
    """ "the European Commission" is a body, not a sales commission (unless it opens a sentence)."""
    start = match.start()
    return not draft.text[start].isupper() or draft.sentence_start(start) == start


# Trigger lists stay packed, one rule's triggers in a few lines.
# fmt: off
RULES: Final[tuple[Rule, ...]] = (
    rule(
        _RANGE,
        "a currency amount", "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "₱", "usd", "eur",
        "gbp", "cad", "aud", "nzd", "chf", "sek", "nok", "dkk", "pln", "czk", "inr", "jpy", "cny",
        "rmb", "sgd", "hkd", "brl", "mxn", "zar", "aed", "ils", "krw", "dollars", "euros", "pounds",
        "rupees", "yen", "francs",
        flags=re.NOFLAG,
        accept=_is_pay,
    ),
    rule(
        rf"(?<![\w.,])\d+(?:[.,]\d+)?(?:[ \t]*[-–][ \t]*\d+(?:[.,]\d+)?|[ \t]+to[ \t]+\d+(?:[.,]\d+)?)?"
        rf"[ \t]?[kK]\b"
        rf"(?=[ \t]*(?:[-–/][ \t]*)?(?:base|salary|OTE|TC|total[ \t]+comp|per[ \t]+{_PERIOD}|"
        rf"an?[ \t]+{_PERIOD}|/[ \t]*{_PERIOD}|annually|p\.?a\.?\b|gross|net\b|pre-tax|"
        rf"plus[ \t]+(?:bonus|equity)))",
        "a pay figure",
        "k",
    ),
    rule(
        r"(?<![\w.,])\d+(?:[.,]\d+)?[ \t]?(?:LPA|lakhs?[ \t]+per[ \t]+annum)\b",
        "a pay figure",
        "lpa", "lakh", "lakhs",
    ),
    rule(
        rf"(?<![\w.,/])(?:\d{{2,}}(?:[.,]\d+)?{_PER}(?:hour|hr)"
        rf"|(?:\d{{1,3}}(?:,\d{{3}})+|\d{{4,}})(?:\.\d+)?{_PER}(?:day|week|month|year|yr|annum))\b",
        "a rate of pay",
        "hour", "hr", "day", "week", "month", "year", "yr", "annum",
    ),
    rule(
        r"\b(?:base|salary|OTE|comp|compensation|pay|package|earnings|earn|paying|pays)[ \t]+"
        r"(?:(?:of|is|at|around|about|up[ \t]+to|between|from|starting[ \t]+at)[ \t]+)*"
        r"\d[\d,.]*[ \t]?(?:[kK]\b)?",
        "a pay figure",
        "base", "salary", "ote", "comp", "compensation", "pay", "package", "earnings", "earn",
        "paying", "pays",
    ),
    rule(
        r"\b(?:salary|salaries|salaried|wages?|compensation|remuneration|paycheck|payslip|"
        r"pay[ \t-]?stub|stipend|OTE|on-target[ \t]+earnings|RSUs?|stock[ \t]+options?|"
        r"share[ \t]+options?|stock[ \t]+grants?|equity[ \t]+(?:grant|package|stake|award)s?|"
        r"vesting|vests?[ \t]+over|sign(?:ing|-on|[ \t]on)[ \t]+bonus(?:es)?|"
        r"(?:annual|performance|quarterly|yearly|year-end|cash|target|retention|referral|"
        r"holiday)[ \t]+bonus(?:es)?|bonus(?:es)?[ \t]+(?:structure|plan|scheme|target|"
        r"payout|potential|eligibility|of)|quarterly[ \t]+bonuses|uncapped[ \t]+commissions?|"
        r"commissions?[ \t]+(?:structure|plan|rate|based)|overtime[ \t]+pay|"
        r"(?:hourly|day|daily|weekly|pay|contract|bill|shift)[ \t]+rates?|rate[ \t]+of[ \t]+pay|"
        r"pay(?:ment)?[ \t]+(?:range|band|scale|rate|grade|bracket|package|transparency|"
        r"increase|rise|raise|cut|structure|level|review|equity|gap)s?|"
        r"(?:base|basic|take-home|starting|hourly|annual|overtime|holiday|sick|shift)[ \t]+pay|"
        r"(?:competitive|attractive|generous|total|overall|compensation|relocation|rewards?)"
        r"[ \t]+package|well[ \t-]paid|highly[ \t-]paid|paid[ \t]+(?:hourly|weekly|monthly|"
        r"biweekly|fortnightly|annually|at)|(?:pay[ \t]+you|we[ \t]+pay)(?![ \t]+(?:close[ \t]+)?"
        r"(?:attention|a[ \t]+visit|tribute|heed|for|it[ \t]+forward))|pays[ \t]+(?:well|"
        r"above|competitively|between|up[ \t]+to|from)|earn[ \t]+up[ \t]+to|"
        r"salary[ \t]+expectations?|pay[ \t]+expectations?|"
        r"(?:salary|pay)[ \t]+(?:increase|raise|rise|bump))\b",
        "names pay",
        "salary", "salaries", "salaried", "wage", "wages", "compensation", "remuneration",
        "paycheck", "paychecks", "payslip", "payslips", "paystub", "stub", "stubs", "stipend",
        "ote", "earnings", "rsu", "rsus", "option", "options", "grant", "grants", "equity",
        "vesting", "vests", "vest", "bonus", "bonuses", "commission", "commissions", "overtime",
        "rate", "rates", "pay", "payment", "paid", "pays", "package", "earn", "expectations",
    ),
    rule(r"\bequity\b", "names equity", "equity", accept=_not_inclusion),
    rule(
        r"(?<!\bis[ \t]a[ \t])(?<!\bas[ \t]a[ \t])(?<!\bbe[ \t]a[ \t])(?<!'s[ \t]a[ \t])(?<!\bis[ \t])"
        r"(?<!\bare[ \t])(?<!\bbig[ \t])(?<!\bnice[ \t])(?<!\bhuge[ \t])(?<!\breal[ \t])"
        r"(?<!\bgreat[ \t])(?<!\badded[ \t])\bbonus(?:es)?\b(?![ \t:]*(?:points?|round|question|"
        r"track|features?|content|material|level|section|tip|episode|:))",
        "names a bonus",
        "bonus", "bonuses",
    ),
    rule(
        r"\bcommissions?\b",
        "names commission",
        "commission", "commissions",
        accept=_not_a_proper_noun,
    ),
)
# fmt: on
