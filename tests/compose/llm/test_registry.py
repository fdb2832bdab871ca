"""Choosing a provider from settings: none without an endpoint, the OpenAI-compatible one with."""

from __future__ import annotations

import pytest

from candidly.compose.llm import OpenAICompatibleProvider, provider_from_settings, providers
from candidly.settings import Settings


def test_no_endpoint_means_no_provider_and_drafts_from_templates_alone() -> None:
    assert provider_from_settings(Settings(llm_base_url="", llm_model="gpt-4o-mini")) is None


def test_an_endpoint_and_model_build_the_openai_compatible_provider() -> None:
    settings = Settings(
        llm_base_url="http://127.0.0.1:11434/v1", llm_model="llama3.1:8b", llm_max_concurrency=2
    )

    provider = provider_from_settings(settings)

    assert isinstance(provider, OpenAICompatibleProvider)
    assert provider.model == "llama3.1:8b"
    provider.close()


def test_an_endpoint_without_a_model_is_refused_with_the_setting_to_fix() -> None:
    with pytest.raises(ValueError, match="CANDIDLY_LLM_MODEL"):
        provider_from_settings(Settings(llm_base_url="http://127.0.0.1:8080/v1"))


def test_the_registry_names_the_openai_compatible_provider() -> None:
    assert list(providers()) == ["openai_compatible"]


def test_settings_read_the_llm_environment_and_never_print_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CANDIDLY_LLM_BASE_URL", "https://api.openai.com/v1")
    monkeypatch.setenv("CANDIDLY_LLM_MODEL", "gpt-4o-mini")
    monkeypatch.setenv("CANDIDLY_LLM_API_KEY", "sk-live-7d2e")
    monkeypatch.setenv("CANDIDLY_LLM_TIMEOUT_SECONDS", "12.5")

    settings = Settings(_env_file=None)

    assert settings.llm_api_key.get_secret_value() == "sk-live-7d2e"
    assert settings.llm_timeout_seconds == 12.5
    assert "sk-live-7d2e" not in repr(settings) and "sk-live-7d2e" not in str(settings)
    assert "sk-live-7d2e" not in settings.model_dump_json()
