"""``link``: a URL whose host is not an allowed domain (or a subdomain of one).

An empty allowlist allows no links: a draft may only link where someone decided it may.
URLs are found with a scheme (``https://…``, ``ftp://…``), as ``www.…``, as a bare domain
with a common generic TLD or a path (``calendly.com/x``), and as script or data URLs.
Email addresses and ``mailto:`` links are not checked. The host is read the way a browser
and a URL parser would both read it: "https://acme.com@evil.example/" points at
evil.example, and a link is allowed only if every reading lands on an allowed host.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final
from urllib.parse import urlsplit

from candidly.guard.findings import SEVERITIES, Category, Finding

_GENERIC_TLDS: Final = (
    "com|net|org|io|co|ai|app|dev|me|info|biz|xyz|link|site|online|ly|gl|gg|tv|page|click|top|"
    "live|jobs|careers"
)
_URL: Final = re.compile(
    r"\b(?:https?|ftp)://[^\s<>\"'`]+"
    r"|(?<![\w@.\-/])www\.[^\s<>\"'`]+"
    rf"|(?<![\w@.\-/:])(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{_GENERIC_TLDS})"
    r"(?![\w@-])(?::\d{1,5})?(?:/[^\s<>\"'`]*)?"
    r"|(?<![\w@.\-/:])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?::\d{1,5})?/[^\s<>\"'`]*"
    r"|\b(?:javascript|vbscript):[^\s<>\"'`]+|\bdata:[a-z]+/[a-z0-9.+-]+[;,][^\s<>\"'`]*"
    r"|\bfile:/[^\s<>\"'`]+",
    re.IGNORECASE,
)
#: Names that look like domains but are technologies.
_NOT_DOMAINS: Final = frozenset(
    {"asp.net", "vb.net", "ado.net", "socket.io", "dot.net", "f.co", "e.g", "i.e"}
)
_TRAILING: Final = ".,;:!?'\"*_~"
_PAIRS: Final = {")": "(", "]": "[", "}": "{"}


def _trim(url: str) -> str:
    """``url`` without the punctuation that ends the sentence or closes a bracket around it."""
    while url:
        last = url[-1]
        unbalanced = last in _PAIRS and url.count(_PAIRS[last]) < url.count(last)
        if last in _TRAILING or unbalanced:
            url = url[:-1]
        else:
            break
    return url


def _hosts(url: str) -> list[str]:
    """Every host a reader could take ``url`` to point at; empty when there is none."""
    if not re.match(r"(?i)[a-z][a-z0-9+.-]*://", url):
        if re.match(r"(?i)(?:javascript|vbscript|data|file):", url):
            return []
        url = "http://" + url
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        hostname = parts.hostname or ""
    except ValueError:
        return []
    hosts = {hostname.rstrip(".").lower()}
    # Browsers treat "\" as "/", so "https://acme.com\@evil.example" may go to acme.com or
    # to evil.example depending on who reads it: both readings must be allowed.
    before_userinfo = re.split(r"[@\\]", netloc, maxsplit=1)[0]
    hosts.add(before_userinfo.rsplit(":", 1)[0].rstrip(".").lower())
    return sorted(h for h in hosts if h)


def _is_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in allowed)


@lru_cache(maxsize=1024)
def _verdict(url: str, allowed: tuple[str, ...]) -> str | None:
    """Why ``url`` is a finding under ``allowed``, or None when it may stay."""
    if url.casefold() in _NOT_DOMAINS:
        return None
    hosts = _hosts(url)
    if not hosts:
        return "a link with no web host (script, data or file URL)"
    if not allowed:
        return "a link, and no domain is allowed"
    outside = [h for h in hosts if not _is_allowed(h, allowed)]
    if outside:
        return f"a link to {outside[0]}, which is not an allowed domain"
    return None


#: A dot or colon followed by a character a URL may hold: where a URL could be.
_HIT: Final = re.compile(r"[.:](?=[^\s<>\"'`])")
_ENDS_RUN: Final = frozenset("<>\"'`")


def find_links(text: str, allowed_domains: tuple[str, ...]) -> list[Finding]:
    """Every link in ``text`` that points outside ``allowed_domains``."""
    severity = SEVERITIES[Category.LINK]
    findings = []
    scanned_to = 0
    # A URL lies within one run of characters a URL may hold, and holds a dot or a colon:
    # matching only inside such runs finds what matching the whole text would, far faster.
    for hit in _HIT.finditer(text):
        if hit.start() < scanned_to:
            continue
        start = hit.start()
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _ENDS_RUN:
            start -= 1
        end = hit.start() + 1
        while end < len(text) and not text[end].isspace() and text[end] not in _ENDS_RUN:
            end += 1
        scanned_to = end
        for match in _URL.finditer(text, start, end):
            url = _trim(match.group(0))
            if not url:
                continue
            reason = _verdict(url, allowed_domains)
            if reason is not None:
                at = match.start()
                findings.append(Finding(Category.LINK, at, at + len(url), url, severity, reason))
    return findings
