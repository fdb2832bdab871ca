"""The library's tables: entries (a touchpoint × role type) and their immutable versions.

A version's content (purpose, fields, tone, limits, tier, subject, body, prompt, variants) is
written once and never updated; only its lifecycle columns move. The lifecycle history itself
is the event log (``template.*`` events, see ``library.lifecycle``); the ``*_at``/``*_by_id``
columns are the latest step of each kind, for display and for the rules that read them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Dialect, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from candidly.compose.render import TemplateSource
from candidly.review.tiers import Tier
from candidly.store.models import Base, User
from candidly.store.types import JSONType, utcnow

#: What an entry's role type is when it serves every role type.
ANY_ROLE = "any"


class TierType(TypeDecorator[Tier]):
    """A review tier stored as its name and read back as a ``Tier``."""

    impl = String(16)
    cache_ok = True

    def process_bind_param(self, value: Tier | str | None, dialect: Dialect) -> str | None:
        return None if value is None else Tier(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> Tier | None:
        return None if value is None else Tier(value)


class LibraryEntry(Base):
    """A governed template for one touchpoint and one role type (or ``any``)."""

    __tablename__ = "library_entries"
    __table_args__ = (
        Index("uq_library_entries_touchpoint", "touchpoint", "role_type", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    touchpoint: Mapped[str] = mapped_column(String(64))
    role_type: Mapped[str] = mapped_column(String(64), default=ANY_ROLE)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(doc="The last quarterly review.")
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    versions: Mapped[list[TemplateVersion]] = relationship(
        back_populates="entry", order_by="TemplateVersion.number"
    )

    @property
    def key(self) -> str:
        """How people name the entry: ``touchpoint`` or ``touchpoint.role_type``."""
        return entry_key(self.touchpoint, self.role_type)


def entry_key(touchpoint: str, role_type: str | None) -> str:
    """``touchpoint`` for the entry serving every role type, else ``touchpoint.role_type``."""
    return touchpoint if role_type in (None, ANY_ROLE) else f"{touchpoint}.{role_type}"


class TemplateVersion(Base):
    """One immutable revision of a library entry, with where it stands in its lifecycle."""

    __tablename__ = "template_versions"
    __table_args__ = (
        Index("uq_template_versions_entry_number", "entry_id", "number", unique=True),
        # At most one published version per entry, enforced by the database on both engines:
        # two people publishing at once cannot leave an entry with two live versions.
        Index(
            "uq_template_versions_published",
            "entry_id",
            unique=True,
            sqlite_where=text("state = 'published'"),
            postgresql_where=text("state = 'published'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("library_entries.id"))
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default="draft")
    purpose: Mapped[str] = mapped_column(Text)
    tone: Mapped[str] = mapped_column(String(200))
    required_fields: Mapped[list[str]] = mapped_column(default=list)
    optional_fields: Mapped[list[str]] = mapped_column(default=list)
    word_limit: Mapped[int] = mapped_column(Integer)
    forbidden_categories: Mapped[list[str]] = mapped_column(default=list)
    tier: Mapped[Tier] = mapped_column(TierType())
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    allow_llm: Mapped[bool] = mapped_column(Boolean, default=False)
    llm_prompt: Mapped[str | None] = mapped_column(Text)
    variants: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONType, default=list, doc="Named alternatives for experiments: [{name, subject, body}]."
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    tested_at: Mapped[datetime | None]
    tested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None]
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    published_at: Mapped[datetime | None]
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    retired_at: Mapped[datetime | None]
    retired_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    entry: Mapped[LibraryEntry] = relationship(back_populates="versions")
    author: Mapped[User] = relationship(foreign_keys=[author_id])

    @property
    def label(self) -> str:
        """``entry@number``, the way commands name a version."""
        return f"{self.entry.key}@{self.number}"

    @property
    def variant_names(self) -> tuple[str, ...]:
        """The names of this version's experiment variants, in order."""
        return tuple(str(v["name"]) for v in self.variants)

    def source(self, variant: str | None = None) -> TemplateSource:
        """What the renderer needs: the subject and body (of ``variant``, if named) and the fields."""
        subject, body = self.subject, self.body
        if variant is not None:
            chosen = next((v for v in self.variants if v["name"] == variant), None)
            if chosen is None:
                raise KeyError(f"{self.label} has no variant {variant!r}")
            subject, body = str(chosen["subject"]), str(chosen["body"])
        return TemplateSource(
            subject=subject,
            body=body,
            required_fields=tuple(self.required_fields),
            optional_fields=tuple(self.optional_fields),
        )


#: The version's content: written once, never changed (a change is a new version).
CONTENT_FIELDS = (
    "purpose",
    "tone",
    "required_fields",
    "optional_fields",
    "word_limit",
    "forbidden_categories",
    "tier",
    "subject",
    "body",
    "allow_llm",
    "llm_prompt",
    "variants",
)
