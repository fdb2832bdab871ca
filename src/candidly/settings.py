"""One settings class for the whole of candidly, read from the environment (prefix ``CANDIDLY_``).

Every field carries a description; ``docs/settings.md`` lists them all and a test keeps the two in step.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """candidly's configuration. Environment variables win over the ``.env`` file."""

    model_config = SettingsConfigDict(env_prefix="CANDIDLY_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="",
        description=(
            "SQLAlchemy URL of the store, e.g. `sqlite:///candidly.db` or "
            "`postgresql+psycopg://user@host:5432/dbname`. Empty means an SQLite file "
            "`candidly.db` in the working directory."
        ),
    )
    sqlite_busy_timeout_ms: int = Field(
        default=10_000,
        ge=0,
        description=(
            "How long an SQLite connection waits for another writer's lock before failing, "
            "in milliseconds."
        ),
    )
    import_batch_size: int = Field(
        default=5_000,
        ge=1,
        le=100_000,
        description="Rows per database round trip when importing files; larger is faster but holds more in memory.",
    )
    default_phone_region: str = Field(
        default="US",
        min_length=2,
        max_length=2,
        description="ISO 3166 region assumed for phone numbers written without a country code.",
    )
    default_timezone: str = Field(
        default="UTC",
        description="IANA time zone assumed for candidates and interviews whose data names none.",
    )
    log_level: str = Field(
        default="WARNING",
        description="Python logging level for candidly's own loggers (DEBUG, INFO, WARNING, ERROR).",
    )
    llm_base_url: str = Field(
        default="",
        description=(
            "Base URL of an OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, Ollama, "
            "llama.cpp server), e.g. `http://127.0.0.1:8080/v1`. Empty means no LLM: every "
            "draft is rendered from the published template alone."
        ),
    )
    llm_model: str = Field(
        default="",
        description="Model name sent with every chat-completions request; required when an LLM endpoint is set.",
    )
    llm_api_key: SecretStr = Field(
        default=SecretStr(""),
        description=(
            "API key sent as `Authorization: Bearer <key>`; empty sends no Authorization header. "
            "Never logged or printed."
        ),
    )
    llm_timeout_seconds: float = Field(
        default=30.0,
        gt=0,
        le=600,
        description="Longest wait for one chat-completions attempt (connect and full reply), in seconds.",
    )
    llm_max_retries: int = Field(
        default=2,
        ge=0,
        le=10,
        description=(
            "Retries after a connection error, timeout, 429 or 5xx, with exponential backoff "
            "and jitter; other errors are not retried."
        ),
    )
    llm_max_concurrency: int = Field(
        default=4,
        ge=1,
        le=256,
        description="Most chat-completions requests in flight at once from one process.",
    )

    company_name: str = Field(
        default="",
        description="Your organisation's name as candidates know it; templates use it as `company`.",
    )
    allowed_link_domains: str = Field(
        default="",
        description=(
            "Comma-separated domains that links in messages may point to (subdomains included), "
            "e.g. your careers site and scheduling tool. Any other link is a guard finding."
        ),
    )
    competitors: str = Field(
        default="",
        description="Comma-separated competitor names that guard flags when a message mentions them.",
    )

    def link_domains(self) -> tuple[str, ...]:
        """The allowed link domains as a tuple."""
        return _split(self.allowed_link_domains)

    def competitor_names(self) -> tuple[str, ...]:
        """The competitor names as a tuple."""
        return _split(self.competitors)

    def resolved_database_url(self) -> str:
        """Return the database URL, defaulting to an SQLite file in the working directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{Path.cwd() / 'candidly.db'}"


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()
