"""``injection``: model output that talks about itself, follows instructions, or exposes its prompt.

A draft an LLM wrote must read as the recruiter's message. These are the tells that it does
not: the model naming itself ("as an AI", "as a language model"), refusing ("I cannot
comply"), quoting or obeying instructions ("ignore previous instructions", "my
instructions", "system prompt"), chat-transcript and chat-template markers ("Assistant:",
``<|im_start|>``, ``[INST]``, ``<<SYS>>``, "### Response:"), and asides to whoever asked
for the draft ("Here's a draft…", "Let me know if you'd like me to adjust the tone").

Not injection: a job that is about AI ("As an AI engineer you'd…", "designing system prompts
and evals", "defending against prompt injection", "building on the OpenAI API"), an
interview exercise ("a short role-play with a mock customer"), "act as a liaison".
"""

from __future__ import annotations

import re
from typing import Final

from candidly.guard.rules import Rule, rule

_MODEL: Final = (
    r"(?:(?:large[ \t]+)?language[ \t]+model|LLM|AI(?:[ \t]+(?:language[ \t]+model|model|"
    r"assistant|system|chatbot|program))?|chatbot|virtual[ \t]+assistant|AI-powered[ \t]+assistant)"
)
#: After "as an AI": what makes it a job ("as an AI engineer") rather than the model talking.
_NOT_A_JOB: Final = (
    r"(?=[ \t]*(?:[,.;:!?)—–]|\r?\n|\Z|(?:I|I'm|I[ \t]+am|I've|I[ \t]+have|I[ \t]+do|I[ \t]+don't|"
    r"I[ \t]+cannot|I[ \t]+can't|my|we|it|this|there|trained|developed|created|built|made|"
    r"designed|without|with(?:out)?[ \t]+no|that|who|and[ \t]+not)\b))"
)
_DRAFTED: Final = r"(?:draft|version|email|message|note|letter|rewrite|template|outreach|rejection|response|reply)"
_INSTRUCTIONS: Final = r"(?:instructions?|prompts?|directions|directives|rules|guidelines|context)"

# Trigger lists stay packed, one rule's triggers in a few lines.
# fmt: off
RULES: Final[tuple[Rule, ...]] = (
    rule(
        rf"\bas[ \t]+(?:an?|your)[ \t]+{_MODEL}\b{_NOT_A_JOB}",
        "the model describes itself",
        "ai", "llm", "model", "chatbot", "assistant",
    ),
    rule(
        rf"\b(?:I[ \t]+am|I'm|I[ \t]+was)[ \t]+(?:just[ \t]+|only[ \t]+|merely[ \t]+)?(?:an?[ \t]+)"
        rf"{_MODEL}\b|\b(?:I[ \t]+was|I've[ \t]+been|I[ \t]+have[ \t]+been)[ \t]+(?:trained|"
        r"programmed|instructed|told|designed)[ \t]+(?:by|on|to)\b|\bmy[ \t]+(?:training[ \t]+"
        r"(?:data|cutoff)|knowledge[ \t]+cut-?off)\b|\bknowledge[ \t]+cut-?off\b|\bas[ \t]+of[ \t]+"
        r"my[ \t]+(?:last|latest)[ \t]+(?:update|training)\b",
        "the model describes itself",
        "ai", "llm", "model", "chatbot", "assistant", "trained", "programmed", "instructed", "told",
        "designed", "training", "knowledge", "update",
    ),
    rule(
        rf"\b(?:ignore|disregard|forget|override|bypass)[ \t]+(?:all[ \t]+|any[ \t]+)?(?:of[ \t]+)?"
        rf"(?:the[ \t]+|your[ \t]+|my[ \t]+|these[ \t]+|those[ \t]+)?(?:previous|prior|above|"
        rf"earlier|preceding|foregoing|original|initial|system|old)?[ \t]*{_INSTRUCTIONS}\b"
        rf"|\bnew[ \t]+instructions[ \t]*:|\bdeveloper[ \t]+mode\b|\bjailbreak\w*\b|\bDAN[ \t]+mode\b"
        r"|\b(?:ignore|disregard|forget)[ \t]+(?:all[ \t]+)?(?:of[ \t]+)?(?:the[ \t]+|everything[ \t]+)?"
        r"(?:above|previous|prior|preceding|earlier)\b(?![ \t]+(?:address|email|emails|message|"
        r"messages|link|example|date|time|step|invite|invitation|version|note|slot|one))",
        "instructions to the model",
        "ignore", "disregard", "forget", "override", "bypass", "instructions", "developer",
        "jailbreak*", "dan",
    ),
    rule(
        r"\byou[ \t]+are[ \t]+(?:now[ \t]+)?(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:assistant|bot|"
        r"chatbot|AI|language[ \t]+model|LLM|agent)\b(?![ \t-]+(?:manager|director|professor|editor|"
        r"buyer|engineer|store|principal|coach|to|in|at|for|of))",
        "a system prompt echoed into the draft",
        "assistant", "bot", "chatbot", "ai", "model", "llm", "agent",
    ),
    rule(
        r"\bmy[ \t]+(?:original[ \t]+|previous[ \t]+|initial[ \t]+|current[ \t]+|hidden[ \t]+|"
        r"system[ \t]+)?(?:instructions|programming|guidelines[ \t]+(?:say|state|prevent|require|"
        r"forbid|don't|do[ \t]+not))\b(?![ \t]+(?:for|on[ \t]+how|below|attached|in[ \t]+the[ \t]+"
        r"(?:invite|calendar|email)))",
        "the model refers to its instructions",
        "instructions", "programming", "guidelines",
    ),
    rule(
        r"\b(?:per|according[ \t]+to|under|within|against|violates?|violating|following|"
        r"outside|beyond)[ \t]+my[ \t]+(?:guidelines|instructions|programming|rules|policies|"
        r"training|directives|constraints|system[ \t]+prompt)\b",
        "the model refers to its instructions",
        "guidelines", "instructions", "programming", "rules", "policies", "training", "directives",
        "constraints", "prompt",
    ),
    rule(
        r"\b(?:generated|written|drafted|produced|created)[ \t]+(?:by|with|using)[ \t]+"
        r"(?:(?:the|an|a|this)[ \t]+)?(?:AI|assistant|model|language[ \t]+model|LLM|chatbot|ChatGPT|"
        r"GPT-?\d*)\b|\b(?:AI|model|LLM)-(?:generated|written)\b|\bfeel[ \t]+free[ \t]+to[ \t]+"
        r"(?:edit|adjust|tweak|customi[sz]e|modify|personali[sz]e)[ \t]+(?:it|this|as[ \t]+needed|"
        r"accordingly|the[ \t]+(?:draft|template|message|email|tone|wording))\b",
        "the model addresses whoever asked for the draft",
        "ai", "assistant", "model", "llm", "chatbot", "chatgpt", "gpt", "free",
    ),
    rule(
        r"\bsystem[ \t]+prompt\b(?![ \t-]*(?:design|engineering|injection|templates?|versions?|"
        r"changes|management|library))|\b(?:the|my)[ \t]+prompt[ \t]+(?:says|said|tells|told|"
        r"instructs|asks|asked|above|I[ \t]+was[ \t]+given)\b|\bhere[ \t]+(?:is|are)[ \t]+"
        r"(?:the|my)[ \t]+(?:instructions|prompt)\b",
        "exposes the prompt",
        "prompt", "instructions",
    ),
    rule(
        r"\bI[ \t]+(?:cannot|can't|can[ \t]+not|won't|will[ \t]+not|am[ \t]+unable[ \t]+to|'m[ \t]+"
        r"unable[ \t]+to|am[ \t]+not[ \t]+able[ \t]+to|must[ \t]+not|shouldn't)[ \t]+(?:comply|"
        r"fulfil+|assist[ \t]+with[ \t]+(?:that|this)|help[ \t]+with[ \t]+(?:that|this)[ \t]+request|"
        r"reveal|disclose|share[ \t]+my|provide[ \t]+(?:personal[ \t]+)?opinions|browse|"
        r"access[ \t]+(?:the[ \t]+internet|real-time|external))\b"
        r"|\bI'm[ \t]+unable[ \t]+to[ \t]+(?:comply|fulfil+|assist|help[ \t]+with[ \t]+that)\b"
        r"|\b(?:I'm|I[ \t]+am)[ \t]+sorry,?[ \t]+but[ \t]+I[ \t]+(?:cannot|can't|am[ \t]+unable|"
        r"won't)\b|\bunable[ \t]+to[ \t]+comply\b|\bI[ \t]+(?:do[ \t]+not|don't)[ \t]+have[ \t]+"
        r"(?:personal[ \t]+(?:opinions|feelings|experiences|preferences|beliefs)|feelings|"
        r"(?:access[ \t]+to[ \t]+)?(?:real-time|live)[ \t]+(?:information|data|access)|"
        r"the[ \t]+ability[ \t]+to[ \t]+browse|access[ \t]+to[ \t]+the[ \t]+internet)\b",
        "the model refuses or explains its limits",
        "comply", "fulfil*", "assist", "help", "reveal", "disclose", "share", "provide", "browse",
        "access", "unable", "sorry", "opinions", "feelings", "experiences", "preferences",
        "beliefs", "real", "live", "ability", "internet",
    ),
    rule(
        r"<\|[a-z_]{1,20}\|>|\[/?INST\]|<</?SYS>>|</?s>|<\|?(?:endoftext|im_start|im_end)\|?>"
        r"|(?m:^)[ \t]*#{2,}[ \t]*(?:Instruction|Instructions|Response|System|Input|Output|"
        r"Assistant|User|Human)\b",
        "a chat-template marker",
        "<|", "|>", "[inst", "[/inst", "<<sys", "<</sys", "<s>", "</s>", "endoftext", "im_", "##",
        flags=re.NOFLAG,
    ),
    rule(
        r"(?m:^)[ \t]*(?:System|SYSTEM|Assistant|ASSISTANT|User|USER|Human|HUMAN|AI|Model|MODEL|"
        r"ChatGPT|GPT-?\d?|Claude|Bot|BOT)"
        r"[ \t]*:(?![/\d])",
        "a chat-transcript role marker",
        "system", "assistant", "user", "human", "ai", "model", "chatgpt", "gpt", "claude", "bot",
        flags=re.NOFLAG,
    ),
    rule(
        r"\b(?:stay(?:ing)?|remain(?:ing)?|break(?:ing)?)[ \t]+in[ \t]+character\b|\bI(?:'ll|[ \t]+"
        r"will)[ \t]+(?:play|act[ \t]+as|pretend[ \t]+to[ \t]+be)\b|\bpretend[ \t]+(?:to[ \t]+be|"
        r"you[ \t]+are|that[ \t]+you)\b|\byou[ \t]+are[ \t]+now[ \t]+(?:an?|in|my|DAN)\b(?![ \t]+"
        r"(?:confirmed|booked|scheduled|registered|set|all[ \t]+set))",
        "role-play directed at the model",
        "character", "play", "act", "pretend", "now",
    ),
    rule(
        r"\b(?:Sure|Certainly|Of[ \t]+course|Absolutely)[!,.][ \t]*(?:here(?:'s|[ \t]+is)|below[ \t]+"
        rf"is)[ \t]+(?:a|an|the|your)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_DRAFTED}\b",
        "the model addresses whoever asked for the draft",
        "sure", "certainly", "course", "absolutely",
        scope="line",
    ),
    rule(
        r"\bhere(?:'s|[ \t]+is)[ \t]+(?:a|an|the|your)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:draft|version|"
        r"rewrite|template)(?:[ \t]+(?:of|for)[ \t]+(?:the|an?|your)?[ \t]*(?:\w+[ \t]+)?"
        r"(?:email|message|note|letter))?(?:[ \t]+for[ \t]+\w+)?[ \t]*[:.]"
        r"|\bhere(?:'s|[ \t]+is)[ \t]+(?:a|an|your)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:email|message|note|"
        r"letter|response|reply|draft)(?:[ \t]+(?:for|to)[ \t]+[\w '-]{1,30}?)?[ \t]*:",
        "the model addresses whoever asked for the draft",
        "draft", "version", "rewrite", "template", "email", "message", "note", "letter", "response",
        "reply",
        scope="line",
    ),
    rule(
        r"\bI[ \t]+hope[ \t]+this[ \t]+helps[ \t]*[!.](?=[ \t]*(?:\r?\n|\Z|let[ \t]+me|feel[ \t]+free))"
        r"|\b(?:let[ \t]+me[ \t]+know|feel[ \t]+free[ \t]+to[ \t]+ask)[ \t]+if[ \t]+you(?:'d|[ \t]+"
        r"would)?[ \t]+(?:like|want)[ \t]+(?:me[ \t]+to|any)[ \t]+(?:adjust|revise|tweak|modify|"
        r"change|rewrite|shorten|lengthen|make|changes|adjustments|revisions|tweaks|edits)\b"
        r"|\bas[ \t]+requested,[ \t]+here\b"
        r"|\bI(?:'ve|[ \t]+have)[ \t]+(?:drafted|written|composed|created|prepared)[ \t]+(?:a|an|the|"
        r"this|your)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:draft|version|template|response)\b",
        "the model addresses whoever asked for the draft",
        "helps", "adjust", "revise", "tweak", "modify", "change", "rewrite", "shorten", "lengthen",
        "make", "changes", "adjustments", "revisions", "tweaks", "edits", "requested", "drafted",
        "written", "composed", "created", "prepared",
        scope="line",
    ),
)
# fmt: on
