"""events: index application events by type too

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_events_application_type_time", "events", ["application_id", "type", "occurred_at"]
    )
    op.drop_index("ix_events_application_time", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_application_time", "events", ["application_id", "occurred_at"])
    op.drop_index("ix_events_application_type_time", table_name="events")
