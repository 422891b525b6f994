"""reminders and report runs

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("due_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("line", sa.Text(), nullable=True),
        sa.Column("sent_outbound_id", sa.Integer(), nullable=True),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_reminders_case_id_cases"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_reminders_unit_id_units")),
        sa.ForeignKeyConstraint(["sent_outbound_id"], ["outbound_messages.id"],
                                name=op.f("fk_reminders_sent_outbound_id_outbound_messages"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders")),
    )
    op.create_index("ix_reminders_state_due_at", "reminders", ["state", "due_at"], unique=False)
    op.create_index(op.f("ix_reminders_case_id"), "reminders", ["case_id"], unique=False)
    # Period figures (bot/reports/stats.py) filter on these; without them every summary scans all cases.
    op.create_index("ix_cases_closed_at", "cases", ["closed_at"], unique=False)
    op.create_index("ix_cases_dispatched_at", "cases", ["dispatched_at"], unique=False)
    op.create_index("ix_case_events_created_at", "case_events", ["created_at"], unique=False)
    op.create_index("ix_replies_created_at", "replies", ["created_at"], unique=False)
    op.create_table(
        "report_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_runs")),
        sa.UniqueConstraint("key", name=op.f("uq_report_runs_key")),
    )


def downgrade() -> None:
    op.drop_table("report_runs")
    for name, table in (("ix_replies_created_at", "replies"), ("ix_case_events_created_at", "case_events"),
                        ("ix_cases_dispatched_at", "cases"), ("ix_cases_closed_at", "cases")):
        op.drop_index(name, table_name=table)
    op.drop_index(op.f("ix_reminders_case_id"), table_name="reminders")
    op.drop_index("ix_reminders_state_due_at", table_name="reminders")
    op.drop_table("reminders")
