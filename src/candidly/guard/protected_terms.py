"""Word lists and context patterns for ``protected``: who counts as a person, which words name languages and nationalities, and which sentences may name characteristics on purpose."""

from __future__ import annotations

import re
from typing import Final

from candidly.guard.rules import words

#: Sentences that list characteristics in order to exclude them: equal-opportunity statements.
EEO: Final = re.compile(
    r"equal[ \t]+(?:employment[ \t]+)?opportunit|without[ \t]+regard|regardless[ \t]+of|"
    r"irrespective[ \t]+of|do(?:es)?[ \t]+not[ \t]+discriminate|don'?t[ \t]+discriminate|"
    r"no[ \t]+discrimination|discriminat\w*[ \t]+(?:on|based|against)|protected[ \t]+"
    r"(?:characteristics?|class|categor)|affirmative[ \t]+action|of[ \t]+all[ \t]+(?:ages|"
    r"backgrounds|races|genders|faiths|religions|abilities|identities|nationalities)|"
    r"all[ \t]+qualified[ \t]+applicants|\bEEO\b|committed[ \t]+to[ \t]+(?:equal|inclusi|divers)",
    re.IGNORECASE,
)

#: Sentences that offer adjustments or describe access: disability words are expected there.
ACCOMMODATION: Final = re.compile(
    r"accommodat|accessib|adjustments?\b|assistive|step-free|reasonable[ \t]+support",
    re.IGNORECASE,
)

#: "veteran of the payments world", "veteran engineer": experience, not service.
VETERAN_OF_A_FIELD: Final = re.compile(
    r"[ \t]+of[ \t]+(?!(?:the[ \t]+)?(?:u\.?s\.?[ \t]+)?(?:army|navy|military|armed|air[ \t]+force|"
    r"marines?|war|wars|gulf|iraq|afghanistan|vietnam|korea|korean|coast[ \t]+guard|"
    r"national[ \t]+guard|service)\b)",
    re.IGNORECASE,
)
VETERAN_AS_EXPERIENCED: Final = re.compile(
    r"[ \t]+(?:engineers?|developers?|designers?|nurses?|recruiters?|managers?|leaders?|"
    r"players?|journalists?|founders?|operators?|sellers?|salespeople|executives?|"
    r"researchers?|teachers?|analysts?|programmers?|architects?|actors?|team|staff[ \t]+engineer)\b",
    re.IGNORECASE,
)
FIELD_BEFORE_VETERAN: Final = re.compile(
    r"\b(?:industry|tech|technology|startup|start-up|sales|hr|recruiting|marketing|finance|"
    r"fintech|software|engineering|game|gaming|media|valley|street|payments|retail|hospitality|"
    r"healthcare|nursing|seasoned|\d+-year|decade-long|saas|product|design|data|ops|open[ \t-]source|"
    r"python|java|web|security|logistics)[ \t]+$",
    re.IGNORECASE,
)

#: Nouns for people: "Hispanic candidates", "someone under 35".
PEOPLE_BASE: Final = words(
    "candidates?",
    "applicants?",
    "people",
    "persons?",
    "men",
    "women",
    "man",
    "woman",
    "engineers?",
    "hires?",
    "employees?",
    "talent",
    "professionals?",
    "folks",
    "guys?",
    "nurses?",
    "designers?",
    "developers?",
    "workers?",
    "staff",
    "citizens?",
)
PEOPLE: Final = rf"(?:{PEOPLE_BASE}|community|communities)"
PERSON: Final = (
    r"(?:someone|somebody|candidates?|applicants?|people|person|engineers?|anyone|you|hires?|"
    r"talent|folks|individuals?|staff|workers?|employees?|who(?:'s|[ \t]+is|[ \t]+are)?|aged?)"
)
#: After "under 35": a number of things, not an age ("under 30 minutes", "over 40 countries").
NOT_A_QUANTITY: Final = (
    r"(?![ \t]*(?:%|percent|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?[ \t]+of|"
    r"people|employees|engineers|countries|cities|languages|customers|clients|users|offices|"
    r"locations|k\b|[,.]\d|\d))"
)
RACE_WORDS: Final = words(
    "black",
    "white",
    "asian",
    "arab",
    "latino",
    "latina",
    "latinx",
    "indigenous",
    "aboriginal",
    "native[ \t-]+american",
    "hispanic",
    "caucasian",
    "brown",
)

LANGUAGES: Final = words(
    "English",
    "French",
    "German",
    "Spanish",
    "Mandarin",
    "Chinese",
    "Japanese",
    "Korean",
    "Portuguese",
    "Italian",
    "Dutch",
    "Arabic",
    "Hindi",
    "Russian",
    "Polish",
    "Turkish",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Hebrew",
    "Greek",
    "Vietnamese",
    "Thai",
    "Indonesian",
    "Malay",
    "Tagalog",
    "Urdu",
    "Bengali",
    "Punjabi",
    "Tamil",
    "Telugu",
    "Cantonese",
    "Ukrainian",
    "Czech",
    "Romanian",
    "Hungarian",
    "Swahili",
    "Persian",
    "Farsi",
    "Flemish",
    "Catalan",
    "Afrikaans",
)

_DEMONYM_LIST: Final = (
    "American",
    "British",
    "English",
    "Scottish",
    "Irish",
    "Welsh",
    "Canadian",
    "Mexican",
    "Brazilian",
    "Argentinian",
    "Argentine",
    "Colombian",
    "Chilean",
    "Peruvian",
    "Venezuelan",
    "Cuban",
    "French",
    "German",
    "Dutch",
    "Belgian",
    "Swiss",
    "Austrian",
    "Italian",
    "Spanish",
    "Portuguese",
    "Polish",
    "Czech",
    "Slovak",
    "Hungarian",
    "Romanian",
    "Bulgarian",
    "Greek",
    "Turkish",
    "Russian",
    "Ukrainian",
    "Belarusian",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Icelandic",
    "Estonian",
    "Latvian",
    "Lithuanian",
    "Serbian",
    "Croatian",
    "Bosnian",
    "Albanian",
    "Israeli",
    "Palestinian",
    "Lebanese",
    "Syrian",
    "Iraqi",
    "Iranian",
    "Saudi",
    "Emirati",
    "Egyptian",
    "Moroccan",
    "Algerian",
    "Tunisian",
    "Nigerian",
    "Ghanaian",
    "Kenyan",
    "Ethiopian",
    "Somali",
    "South African",
    "Indian",
    "Pakistani",
    "Bangladeshi",
    "Sri Lankan",
    "Nepali",
    "Afghan",
    "Chinese",
    "Japanese",
    "Korean",
    "Vietnamese",
    "Thai",
    "Filipino",
    "Indonesian",
    "Malaysian",
    "Singaporean",
    "Australian",
    "New Zealander",
    "European",
    "African",
    "Asian",
    "Latin American",
    "Middle Eastern",
    "Eastern European",
    "foreign",
    "overseas",
    "non-US",
    "non-EU",
    "non-native",
)
DEMONYMS: Final = words(*(d.replace(" ", r"[ \t]+") for d in _DEMONYM_LIST))
#: One word of each demonym (its longest) for the trigger test: "Sri Lankan" → "lankan".
DEMONYM_KEYWORDS: Final = tuple(
    sorted({max(re.findall(r"[a-z]+", d.casefold()), key=len) for d in _DEMONYM_LIST})
)
