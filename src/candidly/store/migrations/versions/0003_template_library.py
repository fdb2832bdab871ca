"""template library: entries and immutable versions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: A version's content: once written it never changes (an edit is a new version).
CONTENT_COLUMNS = (
    "entry_id",
    "number",
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
    "author_id",
    "created_at",
)
IMMUTABLE = "template versions are immutable: write a new version"

IMMUTABLE_SQLITE = (
    f"CREATE TRIGGER template_versions_immutable BEFORE UPDATE OF {', '.join(CONTENT_COLUMNS)} "
    f"ON template_versions BEGIN SELECT RAISE(ABORT, '{IMMUTABLE}'); END",
    "CREATE TRIGGER template_versions_kept BEFORE DELETE ON template_versions "
    f"BEGIN SELECT RAISE(ABORT, '{IMMUTABLE}'); END",
)
IMMUTABLE_POSTGRESQL = (
    "CREATE FUNCTION candidly_template_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN "
    "IF TG_OP = 'DELETE' OR "
    f"({', '.join('NEW.' + c for c in CONTENT_COLUMNS)}) IS DISTINCT FROM "
    f"({', '.join('OLD.' + c for c in CONTENT_COLUMNS)}) "
    f"THEN RAISE EXCEPTION '{IMMUTABLE}'; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER template_versions_immutable BEFORE UPDATE OR DELETE ON template_versions "
    "FOR EACH ROW EXECUTE FUNCTION candidly_template_versions_immutable()",
)


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "library_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("touchpoint", sa.String(length=64), nullable=False),
        sa.Column("role_type", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_library_entries_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"], ["users.id"], name=op.f("fk_library_entries_reviewed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_entries")),
    )
    op.create_index(
        "uq_library_entries_touchpoint", "library_entries", ["touchpoint", "role_type"], unique=True
    )

    stamps = []
    for step in ("submitted", "tested", "approved", "published", "retired"):
        stamps.append(sa.Column(f"{step}_at", sa.DateTime(timezone=True), nullable=True))
        stamps.append(sa.Column(f"{step}_by_id", sa.Integer(), nullable=True))
    op.create_table(
        "template_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("tone", sa.String(length=200), nullable=False),
        sa.Column("required_fields", _json(), nullable=False),
        sa.Column("optional_fields", _json(), nullable=False),
        sa.Column("word_limit", sa.Integer(), nullable=False),
        sa.Column("forbidden_categories", _json(), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("allow_llm", sa.Boolean(), nullable=False),
        sa.Column("llm_prompt", sa.Text(), nullable=True),
        sa.Column("variants", _json(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *stamps,
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["library_entries.id"],
            name=op.f("fk_template_versions_entry_id_library_entries"),
        ),
        *(
            sa.ForeignKeyConstraint(
                [column], ["users.id"], name=op.f(f"fk_template_versions_{column}_users")
            )
            for column in (
                "author_id",
                "submitted_by_id",
                "tested_by_id",
                "approved_by_id",
                "published_by_id",
                "retired_by_id",
            )
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_template_versions")),
    )
    op.create_index(
        "uq_template_versions_entry_number",
        "template_versions",
        ["entry_id", "number"],
        unique=True,
    )
    # At most one published version per entry, whatever the application does.
    op.create_index(
        "uq_template_versions_published",
        "template_versions",
        ["entry_id"],
        unique=True,
        sqlite_where=sa.text("state = 'published'"),
        postgresql_where=sa.text("state = 'published'"),
    )
    dialect = op.get_bind().dialect.name
    for statement in IMMUTABLE_POSTGRESQL if dialect == "postgresql" else IMMUTABLE_SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS template_versions_immutable ON template_versions")
        op.execute("DROP FUNCTION IF EXISTS candidly_template_versions_immutable()")
    op.drop_index(
        "uq_template_versions_published",
        table_name="template_versions",
        sqlite_where=sa.text("state = 'published'"),
        postgresql_where=sa.text("state = 'published'"),
    )
    op.drop_index("uq_template_versions_entry_number", table_name="template_versions")
    op.drop_table("template_versions")
    op.drop_index("uq_library_entries_touchpoint", table_name="library_entries")
    op.drop_table("library_entries")
