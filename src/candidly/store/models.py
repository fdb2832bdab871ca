"""SQLAlchemy models of the store.

Conventions: every imported row carries ``source_system`` + ``external_id`` (unique together) so
re-imports upsert; times are timezone-aware UTC; list-valued facts (extra emails, skills) are JSON
lists; an application's stage history is its ``stage.changed`` events (see ``store.events``), not a
second table that could disagree with the log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from candidly.store.types import BigIntKey, JSONType, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        datetime: UTCDateTime,
        dict[str, Any]: JSONType,
        list[str]: JSONType,
        list[int]: JSONType,
    }


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


#: Roles a staff account can hold.
USER_ROLES = (
    "recruiter",
    "coordinator",
    "hiring_manager",
    "interviewer",
    "ta_ops",
    "compliance",
    "admin",
)


class User(Timestamps, Base):
    """A member of staff: recruiter, hiring manager, interviewer, TA operations, compliance, admin."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("source_system", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str | None] = mapped_column(String(64))
    external_id: Mapped[str | None] = mapped_column(String(128))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32), default="recruiter")
    title: Mapped[str | None] = mapped_column(String(200))
    bio: Mapped[str | None] = mapped_column(Text, doc="Public background, shown to candidates.")
    signature: Mapped[str | None] = mapped_column(Text)
    timezone: Mapped[str | None] = mapped_column(String(64))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))


class Candidate(Timestamps, Base):
    """A person, as the organisation knows them."""

    __tablename__ = "candidates"
    __table_args__ = (
        UniqueConstraint("source_system", "external_id"),
        Index("ix_candidates_name", "last_name", "first_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(128))
    source_values: Mapped[dict[str, Any] | None] = mapped_column(
        doc="The values as the source last gave them: a re-import changes only what the source changed."
    )
    first_name: Mapped[str | None] = mapped_column(String(120))
    middle_name: Mapped[str | None] = mapped_column(String(120))
    last_name: Mapped[str | None] = mapped_column(String(120))
    preferred_name: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(320), index=True, doc="Primary address.")
    other_emails: Mapped[list[str]] = mapped_column(default=list)
    phone: Mapped[str | None] = mapped_column(String(64), doc="Primary number, as given.")
    other_phones: Mapped[list[str]] = mapped_column(default=list)
    city: Mapped[str | None] = mapped_column(String(120))
    region: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str | None] = mapped_column(String(64))
    timezone: Mapped[str | None] = mapped_column(String(64))
    current_title: Mapped[str | None] = mapped_column(String(200))
    current_company: Mapped[str | None] = mapped_column(String(200))
    source_channel: Mapped[str | None] = mapped_column(String(120), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    skills: Mapped[list[str]] = mapped_column(default=list)
    resume_text: Mapped[str | None] = mapped_column(Text)
    # Consent: placeholders the compliance work fills in. "unknown" until a candidate says.
    consent_status: Mapped[str] = mapped_column(String(16), default="unknown")
    consent_recorded_at: Mapped[datetime | None]
    consent_source: Mapped[str | None] = mapped_column(String(120))
    marketing_opt_in: Mapped[bool | None] = mapped_column(Boolean)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id"),
        index=True,
        doc="Set when this record was merged into another; it stays for unmerging.",
    )

    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    applications: Mapped[list[Application]] = relationship(
        back_populates="candidate", order_by="Application.id"
    )

    @property
    def display_name(self) -> str:
        """The name to show a person: preferred or first name with the last name."""
        first = self.preferred_name or self.first_name or ""
        return " ".join(part for part in (first, self.last_name or "") if part) or "(no name)"


class Job(Timestamps, Base):
    """A requisition."""

    __tablename__ = "jobs"
    __table_args__ = (UniqueConstraint("source_system", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(128))
    source_values: Mapped[dict[str, Any] | None] = mapped_column(
        doc="The values as the source last gave them: a re-import changes only what the source changed."
    )
    title: Mapped[str] = mapped_column(String(200))
    role_type: Mapped[str | None] = mapped_column(String(64), index=True)
    department: Mapped[str | None] = mapped_column(String(120))
    location: Mapped[str | None] = mapped_column(String(200))
    required_skills: Mapped[list[str]] = mapped_column(default=list)
    hiring_manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recruiter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]

    hiring_manager: Mapped[User | None] = relationship(foreign_keys=[hiring_manager_id])
    recruiter: Mapped[User | None] = relationship(foreign_keys=[recruiter_id])


class Application(Timestamps, Base):
    """A candidate × job, with its current stage. The history is in the event log."""

    __tablename__ = "applications"
    __table_args__ = (
        UniqueConstraint("source_system", "external_id"),
        Index("ix_applications_job_stage", "job_id", "stage"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(128))
    source_values: Mapped[dict[str, Any] | None] = mapped_column(
        doc="The values as the source last gave them: a re-import changes only what the source changed."
    )
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"))
    stage: Mapped[str | None] = mapped_column(
        String(32), doc="Canonical stage; empty until the organisation's label is mapped."
    )
    stage_label: Mapped[str | None] = mapped_column(
        String(120), doc="The stage as the source system names it."
    )
    stage_entered_at: Mapped[datetime | None]
    applied_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_reasons: Mapped[list[str]] = mapped_column(default=list)
    closed_at: Mapped[datetime | None]

    candidate: Mapped[Candidate] = relationship(back_populates="applications")
    job: Mapped[Job] = relationship()
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="application", order_by="Interview.starts_at"
    )


class Interview(Timestamps, Base):
    """A scheduled conversation within an application."""

    __tablename__ = "interviews"
    __table_args__ = (UniqueConstraint("source_system", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(128))
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    timezone: Mapped[str] = mapped_column(String(64), doc="The zone the interview is held in.")
    format: Mapped[str] = mapped_column(String(16), default="video")  # onsite, video, phone
    location: Mapped[str | None] = mapped_column(String(300))
    interviewer_ids: Mapped[list[int]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(16), default="scheduled")

    application: Mapped[Application] = relationship(back_populates="interviews")


class Event(Base):
    """An immutable fact with a time. Database triggers refuse UPDATE and DELETE.

    Subject ids are plain indexed integers, not foreign keys: the log outlives, and must not
    block, the rows it talks about.
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_candidate_time", "candidate_id", "occurred_at"),
        # Application queries filter by type as well ("its stage changes"); with the type in the
        # index, SQLite's planner cannot wander off to the type index and scan every such event.
        Index("ix_events_application_type_time", "application_id", "type", "occurred_at"),
        Index("ix_events_type_time", "type", "occurred_at"),
        Index(
            "uq_events_source_external_id",
            "source",
            "external_id",
            unique=True,
            sqlite_where=text("external_id IS NOT NULL"),
            postgresql_where=text("external_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigIntKey, primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    candidate_id: Mapped[int | None] = mapped_column(Integer)
    application_id: Mapped[int | None] = mapped_column(Integer)
    job_id: Mapped[int | None] = mapped_column(Integer)
    actor_id: Mapped[int | None] = mapped_column(Integer, doc="The user who acted, if a person.")
    source: Mapped[str] = mapped_column(String(64), doc="Where the fact came from.")
    external_id: Mapped[str | None] = mapped_column(
        String(200), doc="The source's id for this event; redeliveries are refused by it."
    )
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Merge(Base):
    """One merge of duplicate candidates into a survivor, with what is needed to undo it."""

    __tablename__ = "merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    merged_ids: Mapped[list[int]] = mapped_column(default=list)
    snapshot: Mapped[dict[str, Any]] = mapped_column(
        default=dict, doc="Every touched row as it was before the merge."
    )
    match_probability: Mapped[float | None]
    method: Mapped[str] = mapped_column(String(16), doc="auto or review.")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_at: Mapped[datetime | None]
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ReviewItem(Base):
    """Something the data-quality work would not guess at: a person decides.

    Kinds: ``duplicate_pair`` (subject and other are candidates), ``role_type`` (a job title
    mapped with low confidence), ``stage_label``, ``source_channel``, ``placeholder``.
    """

    __tablename__ = "review_items"
    __table_args__ = (
        UniqueConstraint("kind", "subject_type", "subject_id", "other_id"),
        Index("ix_review_items_open", "kind", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int] = mapped_column(Integer)
    other_id: Mapped[int] = mapped_column(Integer, default=0, doc="0 when there is no other.")
    field: Mapped[str | None] = mapped_column(String(64))
    current_value: Mapped[str | None] = mapped_column(Text)
    proposed_value: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None]
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, accepted, rejected
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class DemoTruth(Base):
    """Ground truth of the defects the sample organisation was generated with.

    Empty in a real deployment; in a demo it lets the cleaning be measured against what is known.
    """

    __tablename__ = "demo_truth"
    __table_args__ = (Index("ix_demo_truth_defect", "defect", "subject_type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    defect: Mapped[str] = mapped_column(String(48))
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(64))
    shown_value: Mapped[str | None] = mapped_column(Text)
    true_value: Mapped[str | None] = mapped_column(Text)


# The library's tables share this metadata so that migrations and schema checks see them.
import candidly.library.models  # noqa: E402, F401
