"""web users, and indexes behind the dashboard's case list

Revision ID: 0003
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = '0003'
down_revision = '0002'  # linear history: 0001 → 0002 (reminders) → 0003 (users)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('session_version', sa.Integer(), nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_users_unit_id_units')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_users_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    # The case list at a million rows (bench/dashboard.py): newest first within a status, a unit's cases
    # from case_units without touching cases, and sorting by deadline without a full sort.
    op.create_index('ix_cases_status_created_at', 'cases', ['status', 'created_at'])
    op.create_index('ix_cases_due_at', 'cases', ['due_at'])
    op.create_index('ix_case_units_unit_id_case_id', 'case_units', ['unit_id', 'case_id'])


def downgrade() -> None:
    op.drop_index('ix_case_units_unit_id_case_id', table_name='case_units')
    op.drop_index('ix_cases_due_at', table_name='cases')
    op.drop_index('ix_cases_status_created_at', table_name='cases')
    op.drop_table('users')
