"""source values: what each imported record last looked like at its source

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("candidates", "jobs", "applications")


def upgrade() -> None:
    json_type = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
    for table in TABLES:
        op.add_column(table, sa.Column("source_values", json_type, nullable=True))


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "source_values")
