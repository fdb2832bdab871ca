"""The guard policy an organisation configured, with any list a caller overrides."""

from __future__ import annotations

from candidly.guard.findings import GuardPolicy


def configured_policy(
    competitors: tuple[str, ...] | None = None,
    allowed_domains: tuple[str, ...] | None = None,
    max_words: int | None = None,
) -> GuardPolicy:
    """A policy from ``CANDIDLY_COMPETITORS`` and ``CANDIDLY_ALLOWED_LINK_DOMAINS``; a list given
    here replaces the configured one."""
    from candidly.settings import Settings

    settings = Settings()
    return GuardPolicy(
        max_words=max_words,
        competitors=settings.competitor_names() if competitors is None else competitors,
        allowed_domains=settings.link_domains() if allowed_domains is None else allowed_domains,
    )
