"""Source channels normalized onto the shipped taxonomy."""

from __future__ import annotations

from candidly.quality.placeholders import is_placeholder
from candidly.taxonomy.vocab import load_source_channels, normalize_term, source_channel_lookup


def map_source_channel(value: str | None) -> str | None:
    """The canonical channel key for ``value`` (a key, display name or known variant), or None."""
    if value is None or is_placeholder(value):
        return None
    lookup = source_channel_lookup()
    term = normalize_term(value)
    if term in lookup:
        return lookup[term]
    for channel in load_source_channels():
        if term in (channel.key, normalize_term(channel.display_name)):
            return channel.key
    return None
