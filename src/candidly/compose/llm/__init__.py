"""Optional LLM drafting through any OpenAI-compatible chat-completions endpoint.

``provider_from_settings(settings)`` returns None when no endpoint is configured: every draft
then comes from the published templates alone. A provider's ``draft`` returns text or a
typed failure and never raises for what the endpoint or the network does.
"""

from candidly.compose.llm.accounting import ProviderStats
from candidly.compose.llm.openai_compatible import OpenAICompatibleProvider
from candidly.compose.llm.prompt import build_messages
from candidly.compose.llm.provider import (
    DraftFailure,
    DraftRequest,
    DraftResult,
    FailureReason,
    LLMProvider,
)
from candidly.compose.llm.registry import ProviderFactory, provider_from_settings, providers

__all__ = [
    "DraftFailure",
    "DraftRequest",
    "DraftResult",
    "FailureReason",
    "LLMProvider",
    "OpenAICompatibleProvider",
    "ProviderFactory",
    "ProviderStats",
    "build_messages",
    "provider_from_settings",
    "providers",
]
