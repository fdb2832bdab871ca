"""``protected_characteristic``: a message that refers to who the candidate is rather than what they do.

Covers age, race and colour, religion, sex, pregnancy, sexual orientation, gender identity,
national origin, disability, genetic information, marital and family status, veteran status
and citizenship, and the usual proxies ("young and energetic", "digital native", "native
English speaker", "fresh blood", "overqualified").

Terms count only in their protected sense: "race condition", "age-old", "native Android",
"a veteran of the payments world", "single sign-on", "genetic algorithms", "Church Street",
"colour palette" and "blind spots" are not findings. Two kinds of sentence may name
characteristics on purpose and are exempt: an equal-opportunity statement (for the terms
after "without regard to", "regardless of", …) and an offer of accommodation or a statement
of accessibility (for disability terms). Proxies are never exempt.
"""

from __future__ import annotations

import re
from typing import Final

from candidly.guard import protected_terms as terms
from candidly.guard.rules import Draft, Rule, rule


def _outside_eeo(draft: Draft, match: re.Match[str]) -> bool:
    return not terms.EEO.search(draft.before(match))


def _no_accommodation(draft: Draft, match: re.Match[str]) -> bool:
    return _outside_eeo(draft, match) and not terms.ACCOMMODATION.search(draft.sentence(match))


def _military_veteran(draft: Draft, match: re.Match[str]) -> bool:
    """'Veteran' as in service, not as in "a veteran of the payments world"."""
    if not _outside_eeo(draft, match):
        return False
    after = draft.text[match.end() : match.end() + 40]
    before = draft.before(match)[-30:]
    return not (
        terms.VETERAN_OF_A_FIELD.match(after)
        or terms.VETERAN_AS_EXPERIENCED.match(after)
        or terms.FIELD_BEFORE_VETERAN.search(before)
    )


#: "race, colour", "race or ethnicity", "race/ethnicity": the ways a list joins two words.
_AND: Final = r"(?:[ \t]*[,/&][ \t]*|[ \t]+(?:or|and)[ \t]+)"


def _eeo_rule(pattern: str, reason: str, *triggers: str) -> Rule:
    return rule(pattern, reason, *triggers, accept=_outside_eeo)


# Trigger lists stay packed, one rule's triggers in a few lines.
# fmt: off
RULES: Final[tuple[Rule, ...]] = (
    # age
    _eeo_rule(
        r"\b(?:your|their|his|her)[ \t]+age\b|\bage[ \t-]+(?:limit|requirement|range|group|"
        r"bracket|restriction|cap)s?\b|\b(?:aged|ages?)[ \t]+(?:\d{2}|between|under|over)\b"
        r"|\bat[ \t]+your[ \t]+age\b|\bhow[ \t]+old[ \t]+are[ \t]+you\b|\b\d{2}[ \t]+years[ \t]+old\b"
        r"|\b(?:too|so)[ \t]+(?:old|young)\b|\b\d{2}[ \t]*(?:-|–|to|and)[ \t]*\d{2}[ \t]+years[ \t]+"
        r"(?:old|of[ \t]+age)\b|\byears[ \t]+of[ \t]+age\b|\b\d{2}-year-olds?\b(?![ \t-]+(?:codebase|"
        r"company|system|platform|product|business|brand|app|firm|building|code|tradition|process|"
        r"startup|stack|service|monolith|database|car|house))"
        r"|\b(?:must|should|need[ \t]+to|needs[ \t]+to)[ \t]+be[ \t]+(?:under|over|younger[ \t]+than|"
        r"older[ \t]+than|between)[ \t]+\d{2}\b"
        r"|\bgraduated?[ \t]+(?:from[ \t]+)?high[ \t]+school[ \t]+in\b|\bhigh[ \t]+school[ \t]+"
        r"graduation[ \t]+(?:year|date)\b|\bwhat[ \t]+year[ \t]+did[ \t]+you[ \t]+graduate\b",
        "refers to age",
        "age", "aged", "ages", "old", "olds", "young", "under", "over", "younger", "older",
        "between", "school", "graduate",
    ),
    _eeo_rule(
        r"\b(?:date[ \t]+of[ \t]+birth|birth[ \t]?date|DOB|year[ \t]+of[ \t]+birth|"
        r"born[ \t]+(?:in|after|before)[ \t]+(?:the[ \t]+)?(?:19|20)\d\d(?:'?s)?)\b",
        "asks for age",
        "birth", "dob", "born", "birthdate",
    ),
    _eeo_rule(
        rf"\b{terms.PERSON}[ \t]+(?:[\w-]+[ \t]+)?(?:under|over|younger[ \t]+than|"
        rf"older[ \t]+than|below|above)[ \t]+\d{{2}}\b{terms.NOT_A_QUANTITY}",
        "an age limit",
        "under", "over", "younger", "older", "below", "above",
    ),
    _eeo_rule(
        r"\b(?:in[ \t]+(?:your|their|his|her)[ \t]+|(?:early|mid|late)[ \t-]+)(?:teens|twenties|"
        r"thirties|forties|fifties|sixties|20s|30s|40s|50s|60s)\b",
        "refers to age",
        "teens", "twenties", "thirties", "forties", "fifties", "sixties", "20", "30", "40", "50",
        "60",
    ),
    _eeo_rule(
        r"\b(?:near|nearing|close[ \t]+to|approaching|thinking[ \t]+(?:about|of))[ \t]+retirement\b"
        r"|\bretirement[ \t]+age\b|\bwhen[ \t]+(?:do|will)[ \t]+you[ \t]+(?:plan[ \t]+to[ \t]+)?retire\b"
        r"|\b(?:older|mature|elderly|senior[ \t]+citizen)[ \t]+(?:candidates?|applicants?|"
        r"workers?|people|employees?|professionals?)\b",
        "refers to age",
        "retirement", "retire", "older", "mature", "elderly", "senior",
    ),
    rule(
        r"\b(?:young|youthful|younger)(?:[ \t]*[,&][ \t]*|[ \t]+)(?:and[ \t]+)?(?:energetic|dynamic|"
        r"hungry|vibrant|fresh|enthusiastic|ambitious)\b|\b(?:energetic|dynamic|vibrant|fresh)"
        r"(?:[ \t]*[,&][ \t]*|[ \t]+)(?:and[ \t]+)?young\b|\byoung[ \t]+(?:team|crew|people|person|"
        r"candidates?|applicants?|talent|professionals?|blood|guys?|men|women|man|woman|folks|"
        r"engineers?|hires?|workforce|staff|gun|guns)\b|\byouthful\b",
        "an age proxy",
        "young", "youthful", "younger",
    ),
    rule(
        r"\bdigital[ \t-]+natives?\b|\bgen(?:eration)?[ \t-]?(?:z|y|x|alpha)\b|\bgen[ \t-]?zers?\b"
        r"|\b(?:millennials?|boomers?|zoomers?)\b|\bfresh[ \t]+(?:blood|faces?)\b"
        r"|\b(?:over|under)[ -]?qualified\b|\b(?:recent|new)[ \t]+(?:college[ \t]+|university[ \t]+)?"
        r"grad(?:uate)?s?[ \t]+only\b",
        "an age proxy",
        "digital", "gen", "generation", "genz", "geny", "genx", "genalpha", "generationz",
        "generationy", "generationx", "generationalpha", "genzer", "genzers", "millennial",
        "millennials", "boomer", "boomers", "zoomer", "zoomers", "fresh", "overqualified",
        "underqualified", "qualified", "grad", "grads", "graduate", "graduates",
    ),
    # race, colour, ethnicity
    _eeo_rule(
        rf"\b(?:your|their|his|her)[ \t]+race\b|\brace{_AND}(?:ethnicity|colou?r|religion|gender|"
        rf"sex|national)|\b(?:ethnicity|colou?r|religion){_AND}race\b"
        r"|\bracial(?:ly)?\b|\bmixed[ \t-]+race\b|\bof[ \t]+(?:a[ \t]+)?"
        r"(?:different|another|any|the[ \t]+same)[ \t]+race\b|\bethnic(?:ity|ities|ally)?\b"
        r"|\b(?:caucasian|hispanic|latinx|latine|african[ \t-]+american|asian[ \t-]+american)\b"
        r"|\b(?-i:BIPOC)\b",
        "refers to race or ethnicity",
        "race", "racial", "racially", "ethnic", "ethnicity", "ethnicities", "ethnically",
        "caucasian", "hispanic", "latinx", "latine", "american", "bipoc",
    ),
    _eeo_rule(
        rf"\b{terms.RACE_WORDS}[ \t]+{terms.PEOPLE}\b",
        "refers to race or ethnicity",
        "black", "white", "asian", "arab", "latino", "latina", "latinx", "indigenous", "aboriginal",
        "native", "hispanic", "caucasian", "brown",
    ),
    _eeo_rule(
        r"\bskin[ \t]+(?:colou?r|tone)\b|\bcolou?r[ \t]+of[ \t]+(?:your|their|his|her)[ \t]+skin\b"
        r"|\b(?:people|persons?|candidates?|applicants?)[ \t]+of[ \t]+colou?r\b"
        r"|\b(?:your|their)[ \t]+colou?r\b(?![ \t]+(?:palette|scheme|choices?|theme|preferences?|"
        r"coding|grading|system|tokens?))",
        "refers to colour",
        "skin", "color", "colour",
    ),
    # religion
    _eeo_rule(
        r"\breligio(?:n|ns|us|sity)\b|\b(?:muslims?|jewish|jews|hindus?|sikhs?|buddhists?|"
        r"catholics?|protestants?|mormons?|evangelicals?|atheists?|agnostics?|islamic|judaism|"
        r"hinduism|buddhism|christianity|islam)\b|\bmosques?\b|\bsynagogues?\b"
        r"|\b(?:hijab|headscarf|turban|yarmulke|kippah|burqa|niqab)s?\b"
        r"|\b(?-i:Ramadan|Eid|Diwali|Passover|Yom Kippur|Rosh Hashanah|Hanukkah|Lent|Sabbath|"
        r"Shabbat|Vaisakhi)\b"
        r"|\b(?:faith[ \t-]based|(?:person|people)[ \t]+of[ \t]+faith|(?:your|religious)[ \t]+"
        r"(?:faith|beliefs?)|prayer[ \t]+(?:times?|breaks?|schedule))\b"
        r"|\b(?:attend|attending|go[ \t]+to|goes[ \t]+to|going[ \t]+to)[ \t]+(?:church|mosque|"
        r"synagogue|temple|mass)\b|\b(?:your|their)[ \t]+(?:church|temple|pastor|imam|rabbi|priest)\b"
        r"|\bchristians?(?=[ \t]+(?:values|faith|church|community|beliefs?|principles|ethos|"
        r"organi[sz]ation|school|college|ministry|background|candidates?|applicants?|employers?|"
        r"company|workplace|environment|culture|nurses?|people))",
        "refers to religion",
        "relig*", "muslim*", "jew*", "hindu*", "sikh*", "buddhis*", "catholic*", "protestant*",
        "mormon*", "evangelical*", "atheist*", "agnostic*", "islam*", "mosque*", "synagogue*",
        "hijab*", "headscar*", "turban*", "yarmulke*", "kippah*", "burqa*", "niqab*", "ramadan",
        "eid", "diwali", "passover", "yom", "rosh", "hanukkah", "lent", "sabbath", "shabbat",
        "vaisakhi", "faith", "beliefs", "belief", "prayer", "church", "temple", "mass", "pastor",
        "imam", "rabbi", "priest", "christian", "christians", "christianity", "judaism",
    ),
    _eeo_rule(
        r"\b(?:a|as[ \t]+a|are[ \t]+you(?:[ \t]+a)?|devout|practicing|practising|fellow|"
        r"born-again)[ \t]+(?P<span>christians?)\b",
        "refers to religion",
        "christian", "christians",
    ),
    # sex and gender
    _eeo_rule(
        r"\b(?:women|woman|female|females|girls?|ladies|males?|men|gentlemen)\b|\b(?:sex|sexes|"
        r"gender|genders|gendered)\b|\bsexual\b(?![ \t]+harassment)|\b(?:a|young|older|strong|"
        r"ideal|right|single|married|family|gay|straight|good)[ \t]+man\b(?![ \t-]+in\b|-)"
        r"|\b(?:all|only|mostly|just)[ \t]+(?:guys|dudes|bros|boys|girls|gals)\b"
        r"|\bboys'?[ \t]+club\b|\bbro[ \t]+culture\b",
        "refers to sex or gender",
        "women", "woman", "female", "females", "girl", "girls", "ladies", "male", "males", "men",
        "gentlemen", "sex", "sexes", "gender", "genders", "gendered", "sexual", "man", "guys",
        "dudes", "bros", "boys", "gals", "bro",
    ),
    # pregnancy
    _eeo_rule(
        r"\b(?:pregnan(?:t|cy|cies)|expecting[ \t]+(?:a[ \t]+)?(?:baby|child)|(?:baby|child)[ \t]+"
        r"on[ \t]+the[ \t]+way|maternity(?![ \t]+(?:leave|pay|policy|benefits?|cover))|"
        r"start(?:ing)?[ \t]+a[ \t]+family|(?:plan|plans|planning|intend|intending)[ \t]+"
        r"(?:to[ \t]+have|on[ \t]+having)[ \t]+(?:a[ \t]+)?(?:children|kids|baby|babies|family|"
        r"child)|family[ \t]+plans?|(?:take|taking|going[ \t]+on|go[ \t]+on|plan(?:ning)?[ \t]+"
        r"(?:to[ \t]+take|on)|your)[ \t]+(?:maternity|paternity|parental)[ \t]+leave)\b",
        "refers to pregnancy or family plans",
        "pregnant", "pregnancy", "pregnancies", "expecting", "baby", "child", "maternity", "family",
        "children", "kids", "babies", "paternity", "parental",
    ),
    # sexual orientation and gender identity
    _eeo_rule(
        r"\b(?:sexual[ \t]+orientation|sexuality|gay|lesbians?|bisexual|homosexual|heterosexual|"
        r"straight[ \t]+or[ \t]+gay|queer|pansexual|asexual)\b|\b(?-i:LGBT\w*)",
        "refers to sexual orientation",
        "sexual", "sexuality", "gay", "lesbian", "lesbians", "bisexual", "homosexual",
        "heterosexual", "queer", "pansexual", "asexual", "lgbt*",
    ),
    _eeo_rule(
        r"\b(?:gender[ \t]+(?:identity|expression|reassignment|transition)|transgender|trans[ \t]+"
        r"(?:man|woman|men|women|person|people|candidates?|folks|employees?)|non-?binary|"
        r"cisgender|genderqueer|gender[ \t]+non-?conforming|deadname)\b",
        "refers to gender identity",
        "gender", "transgender", "trans", "nonbinary", "binary", "cisgender", "genderqueer",
        "deadname",
    ),
    # national origin
    _eeo_rule(
        r"\b(?:national[ \t]+origin|nationality|nationalities|ethnic[ \t]+origin|country[ \t]+of[ \t]+"
        r"(?:origin|birth)|place[ \t]+of[ \t]+birth|birthplace|mother[ \t]+tongue|"
        r"(?:your|their)[ \t]+(?:first|native)[ \t]+language|foreigners?|immigrants?|"
        r"(?:of|from)[ \t]+\w+[ \t]+(?:descent|heritage|extraction)|where[ \t]+are[ \t]+you[ \t]+"
        r"(?:originally[ \t]+|really[ \t]+)?from|where[ \t]+(?:were[ \t]+you|was[ \t]+your[ \t]+"
        r"family)[ \t]+born|where[ \t]+is[ \t]+your[ \t]+family[ \t]+from)\b",
        "refers to national origin",
        "national", "nationality", "nationalities", "origin", "birth", "birthplace", "tongue",
        "language", "foreigner", "foreigners", "immigrant", "immigrants", "descent", "heritage",
        "extraction", "where",
    ),
    rule(
        rf"\bnative(?:[ \t-]+(?:level|like))?[ \t-]+(?:{terms.LANGUAGES}|speakers?|language|tongue|"
        r"fluency|proficiency)(?:[ \t-]+(?:speakers?|fluency|proficiency|level))?\b"
        r"|\bnon-?native\b|\bnative[ \t-]born\b",
        "a national-origin proxy",
        "native", "nonnative",
    ),
    _eeo_rule(
        rf"\b(?:your|heavy|thick|strong|foreign|neutral|noticeable|native|no|{terms.DEMONYMS})"
        r"[ \t]+accent\b(?![ \t-]*(?:colou?r|border|line|text))|\baccent[ \t-]?(?:free|less)\b",
        "refers to an accent",
        "accent", "accentless", "accentfree",
    ),
    _eeo_rule(
        rf"\b{terms.DEMONYMS}[ \t]+(?:{terms.PEOPLE_BASE}|nationals?|background|origin|descent|"
        r"heritage)\b",
        "refers to national origin",
        *terms.DEMONYM_KEYWORDS,
    ),
    # citizenship
    _eeo_rule(
        r"\bcitizens?(?![ \t]+(?:developers?|data|science|scientists?|journalis\w*))\b"
        r"|\bcitizenship\b|\bgreen[ \t-]card(?:[ \t]+holders?)?\b|\bpermanent[ \t]+residents?[ \t]+"
        r"only\b|\bimmigration[ \t]+status\b|\b(?:your|their)[ \t]+visa[ \t]+status\b"
        r"|\bnaturali[sz]ed\b|\bundocumented\b",
        "refers to citizenship",
        "citizen", "citizens", "citizenship", "green", "residents", "resident", "immigration",
        "visa", "naturalized", "naturalised", "undocumented",
    ),
    # disability
    rule(
        r"\b(?:disabilit(?:y|ies)|disabled|handicap(?:ped)?|wheelchairs?|impairments?|impaired|"
        r"deaf|hard[ \t]+of[ \t]+hearing|autis(?:m|tic)|ADHD|dyslexi(?:a|c)|neurodiver(?:gent|se|"
        r"sity)|epilep(?:sy|tic)|special[ \t]+needs|able[ \t-]bodied|physically[ \t]+fit|"
        r"mental[ \t]+illness|chronic[ \t]+(?:pain|illness|fatigue|condition)|(?:medical|health|"
        r"mental[ \t]+health)[ \t]+(?:conditions?|issues?|problems?|history)|(?:your|any)[ \t]+"
        r"(?:illness|illnesses|diagnos[ie]s|medications?|prescriptions?)|"
        r"(?:your|recent)[ \t]+(?:surgery|surgeries|injury|injuries|medical[ \t]+leave|"
        r"sick[ \t]+leave))\b"
        r"|(?<!color[ -])(?<!colour[ -])\bblind\b(?![ \t-]*(?:spots?|review|test|testing|copy|"
        r"audition|date|side|ly|hiring|screening|safe|friendly))",
        "refers to disability or health",
        "disab*", "handicap*", "wheelchair*", "impair*", "deaf", "hearing", "autis*", "adhd",
        "dyslexi*", "neurodiver*", "epilep*", "special", "bodied", "physically", "illness",
        "illnesses", "chronic", "medical", "health", "mental", "diagnosis", "diagnoses",
        "medication", "medications", "prescription", "prescriptions", "blind", "surgery",
        "surgeries", "injury", "injuries", "sick",
        accept=_no_accommodation,
    ),
    # genetic information
    _eeo_rule(
        r"\b(?:genetic[ \t]+(?:information|testing|tests?|screening|history|predispositions?|"
        r"markers?|makeup|data|conditions?|disorders?)|DNA[ \t]+(?:tests?|testing|samples?)|"
        r"family[ \t]+(?:medical|health)[ \t]+history|hereditary[ \t]+(?:conditions?|diseases?|"
        r"illness(?:es)?))\b",
        "refers to genetic information",
        "genetic", "dna", "family", "hereditary",
    ),
    # marital and family status
    _eeo_rule(
        r"\b(?:marital[ \t]+status|married|unmarried|divorced|divorce|widow(?:ed|er)?|maiden[ \t]+"
        r"name|engaged[ \t]+to|spouses?|husbands?|wives|wife|fianc[eé]e?s?|boyfriend|girlfriend)\b"
        r"|\b(?:single|stay-at-home|expectant)[ \t-]+(?:mom|mum|mother|dad|father|parent)s?\b"
        r"|\bworking[ \t]+(?:mom|mum|mother)s?\b"
        r"|\b(?:do[ \t]+you[ \t]+have|have[ \t]+any|how[ \t]+many|your)[ \t]+(?:young[ \t]+)?"
        r"(?:children|kids|child|dependents|dependants)\b"
        r"|\b(?:reliable|your|arrange|arranged|need)[ \t]+(?:childcare|child[ \t]+care)\b"
        r"|\b(?:childcare|child[ \t]+care|family)[ \t]+(?:responsibilities|commitments|"
        r"obligations|situation|status)\b|\b(?:mother|father|mom|mum|dad|parent)[ \t]+of[ \t]+"
        r"(?:one|two|three|four|five|\d)\b|\b(?:are[ \t]+you|you're|you[ \t]+are)[ \t]+(?:single|"
        r"engaged|a[ \t]+(?:mother|father|parent|mom|mum|dad))\b",
        "refers to marital or family status",
        "marital", "married", "unmarried", "divorced", "divorce", "widow*", "maiden", "engaged",
        "spouse", "spouses", "husband", "husbands", "wife", "wives", "fianc*", "boyfriend",
        "girlfriend", "single", "expectant", "mom", "mum", "mother", "dad", "father", "parent",
        "moms", "mums", "mothers", "dads", "fathers", "parents", "children", "kids", "child",
        "dependents", "dependants", "childcare", "family",
    ),
    # veteran status
    _eeo_rule(
        r"\b(?:veteran[ \t]+status|military[ \t]+(?:service|status|discharge|background|record|"
        r"history|spouse)|discharge[ \t]+(?:status|papers)|(?:dis)?honou?rabl[ey][ \t]+discharged?|"
        r"served[ \t]+in[ \t]+the[ \t]+(?:army|navy|military|air[ \t]+force|marines|armed[ \t]+"
        r"forces|national[ \t]+guard)|national[ \t]+guard|reservists?|(?:ex|former)[ \t-]+"
        r"(?:military|soldiers?|servicem[ae]n|service[ \t]+members?|marines?))\b",
        "refers to veteran status",
        "veteran", "military", "discharge", "discharged", "served", "guard", "reservist",
        "reservists", "soldier", "soldiers", "serviceman", "servicemen", "service", "marine",
        "marines",
    ),
    rule(
        r"\bveterans?\b",
        "refers to veteran status",
        "veteran", "veterans",
        accept=_military_veteran,
    ),
)
# fmt: on
