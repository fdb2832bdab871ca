"""``evaluation_language``: judging this candidate, their scores, and the reasons for a decision.

The line: a message contains evaluation language when it reports how *this candidate* was
assessed — a score, a rank, what the panel felt about their answers, whether they passed,
whether they were (not) a fit — or why a decision about them was made. Such a message needs
a person's approval (it forces the ``individual`` tier).

Not evaluation language: praise of fit in outreach ("you'd be a strong fit for the team's
Kubernetes work" is a guess about the future, not a judgement of an assessment); describing
the process ("every candidate is assessed on the same rubric"); a decision without reasons
("we have decided not to move forward with your application" — early rejections may be
automated); encouragement ("don't worry if you're not a perfect fit").
"""

from __future__ import annotations

import re
from typing import Final

from candidly.guard.rules import Draft, Rule, rule, words

_YOU_BEFORE: Final = re.compile(r"\b(?:you|your|you're|you've|yours)\b", re.IGNORECASE)
_HYPOTHETICAL: Final = re.compile(
    r"\b(?:if|even[ \t]+if|whether|don'?t[ \t]+worry|do[ \t]+not[ \t]+worry|even[ \t]+when)\b",
    re.IGNORECASE,
)
_ASSESSED: Final = words(
    "interview",
    "interviews",
    "answers",
    "answer",
    "responses",
    "performance",
    "presentation",
    "solution",
    "submission",
    "take-home",
    "assessment",
    "case study",
    "exercise",
    "test",
    "system design",
    "technical",
    "coding",
    "screen",
    "round",
    "demo",
    "approach",
)
_PANEL: Final = (
    r"(?:panel|panelists|interviewers?|interview[ \t]+(?:team|panel)|hiring[ \t]+"
    r"(?:manager|team|committee|panel)|committee|reviewers?|assessors?|(?:the|our)[ \t]+team)"
)
_JUDGED: Final = (
    r"(?:felt|thought|believed|noted|observed|found|concluded|agreed|determined|remarked|"
    r"did[ \t]+not[ \t]+(?:feel|think|believe)|didn'?t[ \t]+(?:feel|think|believe)|"
    r"do[ \t]+not[ \t]+(?:feel|think|believe)|don'?t[ \t]+(?:feel|think|believe)|"
    r"(?:were|was)[ \t]+(?:not[ \t]+)?(?:convinced|concerned|unsure)|had[ \t]+concerns)"
)
_DECISION: Final = (
    r"\b(?:decided|decision|chosen|chose|opted|elected|unable|not[ \t]+able|won'?t[ \t]+be|"
    r"will[ \t]+not[ \t]+be|can'?t|cannot)[ \t]+(?:\w+[ \t]+){0,3}?"
    r"(?:move|moving|proceed|proceeding|progress|progressing|advance|advancing|"
    r"continue[ \t]+with|continuing[ \t]+with|pursue|pursuing)\b"
)
#: Reasons about the role, not the candidate: "because the position has been filled".
_ROLE_STATUS: Final = (
    r"[ \t]+(?:the|this|our)[ \t]+(?:role|position|job|opening|requisition|vacancy|team)[ \t]+"
    r"(?:has[ \t]+been|was|is|had[ \t]+been|got)[ \t]+(?:now[ \t]+)?(?:filled|closed|cancell?ed|"
    r"put[ \t]+on[ \t]+hold|paused|withdrawn|eliminated|frozen)|[ \t]+(?:a|an|the)[ \t]+(?:hiring[ \t]+"
    r"freeze|reorgani[sz]ation|budget[ \t]+(?:cut|freeze))"
)
_REASON: Final = (
    r"\b(?:because|due[ \t]+to|since|owing[ \t]+to|on[ \t]+account[ \t]+of|based[ \t]+on|"
    r"on[ \t]+the[ \t]+basis[ \t]+of|given[ \t]+(?:that[ \t]+)?your|as[ \t]+(?:you|your|we[ \t]+"
    r"felt|the[ \t]+panel|other))\b"
)


def _about_you(draft: Draft, match: re.Match[str]) -> bool:
    """The judged thing belongs to the candidate: 'you'/'your' earlier in the sentence."""
    return bool(_YOU_BEFORE.search(draft.before(match) + match.group(0)))


def _not_hypothetical(draft: Draft, match: re.Match[str]) -> bool:
    return not _HYPOTHETICAL.search(draft.before(match))


def _judges_you(draft: Draft, match: re.Match[str]) -> bool:
    return _about_you(draft, match) and _not_hypothetical(draft, match)


# Trigger lists stay packed, one rule's triggers in a few lines.
# fmt: off
RULES: Final[tuple[Rule, ...]] = (
    rule(
        r"\byou[ \t]+(?:scored|score|ranked|placed|rated|achieved[ \t]+a[ \t]+score|"
        r"got[ \t]+a[ \t]+score|received[ \t]+a[ \t]+score)\b",
        "reports the candidate's score or rank",
        "scored", "score", "ranked", "placed", "rated",
    ),
    rule(
        r"\byour[ \t]+(?:(?:overall|final|total|average|aggregate|combined|assessment|test|"
        r"interview|technical|coding|cognitive|skills?|personality|aptitude|panel|screening|"
        r"exam|quiz|case[ \t]+study)[ \t]+){0,2}(?:score|scores|rating|ranking|percentile|grade|"
        r"marks)\b",
        "reports the candidate's score or rank",
        "score", "scores", "rating", "ranking", "percentile", "grade", "marks",
    ),
    rule(
        r"\b\d+(?:\.\d+)?[ \t]*(?:%|percent|points?|marks?)?[ \t]*\bout[ \t]+of[ \t]+\d+\b",
        "reports a score",
        "out",
    ),
    rule(
        r"\b(?:based[ \t]+on|after[ \t]+reviewing|reviewing|review[ \t]+of|given)[ \t]+your[ \t]+"
        r"(?:[\w-]+[ \t]+){0,2}?(?:results?|performance|scores?|answers|responses|assessment|"
        r"interviews?|submission|test)\b",
        "gives the candidate's assessment as a reason",
        "results", "result", "performance", "scores", "score", "answers", "responses", "assessment",
        "interview", "interviews", "submission", "test",
    ),
    rule(
        r"\byou[ \t]+(?:did[ \t]+not|didn'?t|failed[ \t]+to|were[ \t]+unable[ \t]+to|"
        r"could[ \t]+not|couldn'?t)[ \t]+(?:pass|meet|clear|reach|achieve|demonstrate|show)\b"
        r"|\byou[ \t]+(?:passed|failed|cleared|aced)\b",
        "says whether the candidate passed",
        "pass", "meet", "clear", "reach", "achieve", "demonstrate", "show", "passed", "failed",
        "cleared", "aced",
    ),
    rule(
        r"(?:\bnot|n't)[ \t]+(?:\w+[ \t]+|you're[ \t]+){0,4}?(?:fit|match)\b"
        r"|\b(?:lack[ \t]+of|poor|weak|no)[ \t]+(?:culture[ \t]+)?fit\b",
        "judges the candidate's fit",
        "fit", "match",
        accept=_not_hypothetical,
    ),
    rule(
        r"\byou[ \t]+(?:were|was)[ \t]+(?:\w+[ \t]+){0,2}?(?:fit|match)\b",
        "judges the candidate's fit",
        "fit", "match",
    ),
    rule(
        rf"\b{_PANEL}[ \t]+(?:all[ \t]+)?{_JUDGED}[ \t]+(?:that[ \t]+)?(?:you|your)\b",
        "reports what the interviewers judged",
        "felt", "thought", "believed", "noted", "observed", "found", "concluded", "agreed",
        "determined", "remarked", "feel", "think", "believe", "convinced", "concerned", "unsure",
        "concerns",
    ),
    rule(
        r"\b(?:we|i)(?:'ve|[ \t]+have|'d|[ \t]+had)?[ \t]+(?:felt|concluded|determined|"
        r"did[ \t]+not[ \t]+(?:feel|think|believe)|didn'?t[ \t]+(?:feel|think|believe)|"
        r"do[ \t]+not[ \t]+(?:feel|think|believe)|don'?t[ \t]+(?:feel|think|believe)|"
        r"(?:were|was)[ \t]+not[ \t]+convinced|had[ \t]+concerns)[ \t]+(?:that[ \t]+)?"
        r"(?:you|your)\b|\bwe[ \t]+found[ \t]+that[ \t]+(?:you|your)\b",
        "reports a judgement of the candidate",
        "felt", "concluded", "determined", "feel", "think", "believe", "convinced", "concerns",
        "found",
    ),
    rule(
        rf"\b(?:we|i)[ \t]+(?:were|was)[ \t]+(?:very[ \t]+|really[ \t]+)?impressed[ \t]+"
        rf"(?:by|with)[ \t]+(?:how[ \t]+)?your[ \t]+(?:[\w-]+[ \t]+){{0,2}}?{_ASSESSED}\b"
        rf"|\byou[ \t]+impressed[ \t]+(?:the|our|everyone)\b"
        rf"|\byou[ \t]+did[ \t]+(?:really[ \t]+|very[ \t]+|so[ \t]+)?(?:well|great|brilliantly|"
        rf"poorly|badly)\b",
        "judges the candidate's performance",
        "impressed", "did",
    ),
    rule(
        r"\b(?:lacked|lacking|fell[ \t]+short|falls[ \t]+short|below[ \t]+(?:the|our)[ \t]+"
        r"(?:bar|expectations|threshold|standard|level)|below[ \t]+expectations|"
        r"did[ \t]+not[ \t]+meet[ \t]+(?:the|our)[ \t]+(?:bar|requirements?|standards?|"
        r"expectations|criteria|minimum)|underperformed)\b",
        "judges the candidate's performance",
        "lacked", "lacking", "short", "below", "meet", "underperformed",
        accept=_about_you,
    ),
    rule(
        r"\b(?:is|are|was|were|isn't|aren't|wasn't|weren't)[ \t]+(?:not[ \t]+)?(?:\w+[ \t]+)?"
        r"enough\b|\b(?:was|were)[ \t]+(?:a[ \t]+(?:bit|little)[ \t]+|slightly[ \t]+|much[ \t]+)?"
        r"too[ \t]+(?:generic|vague|shallow|junior|theoretical|brief|short|slow|high-level|"
        r"general|narrow|limited|basic|simple|unstructured|long)\b",
        "judges the candidate's performance",
        "enough", "too",
        accept=_judges_you,
    ),
    rule(
        rf"\b(?:{_PANEL}|panel's|interviewers'|hiring[ \t]+manager's)[ \t]+feedback[ \t]+"
        rf"(?:was|is|said|noted|suggested)\b|\bfeedback[ \t]+from[ \t]+(?:the|your)[ \t]+"
        rf"(?:panel|interviewers?|hiring[ \t]+manager|interview[ \t]+team)[ \t]+(?:was|is|said|noted|"
        rf"suggested|highlighted)\b",
        "reports what the interviewers judged",
        "feedback",
    ),
    rule(
        r"\byour[ \t]+(?:lack|absence)[ \t]+of\b|\b(?:a|the)[ \t]+lack[ \t]+of[ \t]+(?:relevant[ \t]+)?"
        r"(?:experience|depth|clarity|detail|examples|knowledge|skills?|leadership|fit)\b",
        "judges the candidate's experience",
        "lack", "absence",
    ),
    rule(
        r"\byou[ \t]+(?:struggled|underperformed|performed|fell[ \t]+short|came[ \t]+across[ \t]+as|"
        r"seemed[ \t]+(?:less|unsure|nervous|unprepared|not)|appeared[ \t]+(?:less|unsure|"
        r"nervous|unprepared|not))\b"
        r"|\b(?:you|you're|you[ \t]+are|you[ \t]+were)[ \t]+not[ \t]+(?:yet[ \t]+|quite[ \t]+)?"
        r"(?:ready|senior|strong|experienced|technical|qualified)[ \t]+enough\b"
        r"|\b(?:you|you're|you[ \t]+are|you[ \t]+were)[ \t]+not[ \t]+(?:yet[ \t]+|quite[ \t]+)?ready\b",
        "judges the candidate's performance",
        "struggled", "underperformed", "performed", "fell", "came", "seemed", "appeared", "ready",
        "enough",
    ),
    rule(
        r"\byour[ \t]+(?:[\w-]+[ \t]+)?performance\b",
        "refers to the candidate's assessed performance",
        "performance",
    ),
    rule(
        r"\byour[ \t]+(?:limited|insufficient|inadequate|lack[ \t]+of)[ \t]+(?:[\w-]+[ \t]+)?"
        r"(?:experience|skills?|knowledge|exposure|background)\b",
        "judges the candidate's experience",
        "limited", "insufficient", "inadequate", "lack",
    ),
    rule(
        r"\byou[ \t]+(?:were|are|was)[ \t]+(?:one[ \t]+of[ \t]+)?(?:our|the|a|an)?[ \t]*"
        r"(?:very[ \t]+|really[ \t]+|truly[ \t]+)?(?:strong|stronger|strongest|top|best|weak|weaker|"
        r"weakest|impressive|exceptional|outstanding|excellent|promising|close)[ \t]+"
        r"(?:second[ \t]+)?(?:candidates?|applicants?|finalists?|performers?|contenders?)\b",
        "ranks the candidate against others",
        "candidate", "candidates", "applicant", "applicants", "finalist", "finalists", "performer",
        "performers", "contender", "contenders",
    ),
    rule(
        r"\b(?:other|another|different)[ \t]+(?:candidates?|applicants?|profiles?)[ \t]+(?:whose|"
        r"who|with|that|were|was|had|have)\b"
        r"|\bcandidates?[ \t]+whose[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:more|better|closer|closely)\b"
        r"|\b(?:stronger|more[ \t]+(?:qualified|experienced|suitable)|better[ \t]+"
        r"(?:qualified|suited|matched))[ \t]+(?:candidates?|applicants?)\b",
        "compares the candidate with others as a reason",
        "candidate", "candidates", "applicant", "applicants", "profile", "profiles",
    ),
    rule(
        rf"{_DECISION}[^.!?\n]{{0,80}}?{_REASON}(?!{_ROLE_STATUS})",
        "gives a reason for a decision about the candidate",
        "move", "moving", "proceed", "proceeding", "progress", "progressing", "advance",
        "advancing", "continue", "continuing", "pursue", "pursuing",
    ),
    rule(
        r"\b(?:someone|somebody|a[ \t]+candidate|another[ \t]+candidate|others)[ \t]+(?:with|who[ \t]+"
        r"(?:has|had|have))[ \t]+(?:more|stronger|deeper|broader|greater|closer)\b|\b(?:were|are[ \t]+"
        r"now|ultimately)[ \t]+looking[ \t]+for[ \t]+(?:someone|somebody|a[ \t]+candidate|candidates)"
        r"[ \t]+with[ \t]+(?:more|stronger|deeper|broader)\b",
        "compares the candidate with others as a reason",
        "someone", "somebody", "candidate", "others", "looking",
    ),
    rule(
        r"\b(?:over|under)[ -]?qualified\b",
        "judges the candidate's level",
        "overqualified", "underqualified", "qualified",
    ),
)
# fmt: on
