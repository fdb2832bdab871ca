"""The one place LLM providers are registered and chosen from settings."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from candidly.compose.llm.openai_compatible import OpenAICompatibleProvider
from candidly.compose.llm.provider import LLMProvider
from candidly.settings import Settings

#: Builds a provider from settings; raises ``ValueError`` with a sentence for bad settings.
ProviderFactory = Callable[[Settings], LLMProvider]


def _openai_compatible(settings: Settings) -> LLMProvider:
    return OpenAICompatibleProvider(
        settings.llm_base_url,
        settings.llm_model,
        api_key=settings.llm_api_key,
        timeout_seconds=settings.llm_timeout_seconds,
        max_retries=settings.llm_max_retries,
        max_concurrency=settings.llm_max_concurrency,
    )


# OpenAI, vLLM, Ollama and llama.cpp server all speak the same chat-completions protocol, so
# one provider serves them all. A provider with another protocol adds its factory here, and a
# setting to choose it.
_PROVIDERS: Mapping[str, ProviderFactory] = MappingProxyType(
    {OpenAICompatibleProvider.name: _openai_compatible}
)
DEFAULT_PROVIDER = OpenAICompatibleProvider.name


def providers() -> Mapping[str, ProviderFactory]:
    """Return every registered provider factory by name (read-only)."""
    return _PROVIDERS


def provider_from_settings(settings: Settings) -> LLMProvider | None:
    """Return the configured provider, or None when ``llm_base_url`` is empty.

    With no endpoint configured, everything works on templates alone. Raises ``ValueError``
    with a sentence naming the setting to fix when an endpoint is set but unusable.
    """
    if not settings.llm_base_url.strip():
        return None
    return _PROVIDERS[DEFAULT_PROVIDER](settings)
