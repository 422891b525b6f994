"""units' photo evidence, one rating row per closing, replies to citizens

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base

revision = '0004'
down_revision = '0003'  # linear history: 0001 → 0002 (reminders) → 0003 (users) → 0004
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('inbound_id', sa.Integer(), nullable=True),
    sa.Column('file_name', sa.String(length=128), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('context', sa.String(length=16), nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('attached_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_evidence_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_case_evidence_unit_id_units')),
    sa.ForeignKeyConstraint(['author_id'], ['people.id'], name=op.f('fk_case_evidence_author_id_people')),
    sa.ForeignKeyConstraint(['inbound_id'], ['inbound_messages.id'],
                            name=op.f('fk_case_evidence_inbound_id_inbound_messages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_evidence')),
    )
    op.create_index(op.f('ix_case_evidence_case_id'), 'case_evidence', ['case_id'])
    op.create_index('ix_case_evidence_author_id_case_id', 'case_evidence', ['author_id', 'case_id'])

    op.create_table('case_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('level', sa.String(length=8), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('rated_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_ratings_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_case_ratings_unit_id_units')),
    sa.ForeignKeyConstraint(['rated_by_id'], ['people.id'], name=op.f('fk_case_ratings_rated_by_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_ratings')),
    sa.UniqueConstraint('case_id', 'round', name=op.f('uq_case_ratings_case_id')),
    )
    op.create_index('ix_case_ratings_created_at', 'case_ratings', ['created_at'])

    op.create_table('citizen_replies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('final_reply_id', sa.Integer(), nullable=True),
    sa.Column('posted_where', sa.String(length=512), nullable=True),
    sa.Column('posted_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('posted_by_id', sa.Integer(), nullable=True),
    sa.Column('posted_by_label', sa.String(length=128), nullable=True),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_citizen_replies_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['final_reply_id'], ['replies.id'], name=op.f('fk_citizen_replies_final_reply_id_replies')),
    sa.ForeignKeyConstraint(['posted_by_id'], ['people.id'], name=op.f('fk_citizen_replies_posted_by_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citizen_replies')),
    )
    op.create_index(op.f('ix_citizen_replies_case_id'), 'citizen_replies', ['case_id'])
    op.create_index('ix_citizen_replies_posted_at', 'citizen_replies', ['posted_at'])

    _backfill_ratings()


def _backfill_ratings() -> None:
    """Until now a rating lived only in cases.satisfaction (overwritten by the next one) and a 'rated'
    event. Rebuild one row per rated closing from the events; the unit is the case's lead unit, and
    reopen/rated events get it too, so per-unit figures count earlier reopenings."""
    conn = op.get_bind()
    events = sa.table('case_events', sa.column('id', sa.Integer), sa.column('case_id', sa.Integer),
                      sa.column('kind', sa.String), sa.column('text', sa.Text), sa.column('actor_id', sa.Integer),
                      sa.column('unit_id', sa.Integer),
                      sa.column('created_at', models.base.UTCDateTime(timezone=True)))
    cases = sa.table('cases', sa.column('id', sa.Integer), sa.column('lead_unit_id', sa.Integer))
    ratings = sa.table('case_ratings', sa.column('case_id', sa.Integer), sa.column('round', sa.Integer),
                       sa.column('unit_id', sa.Integer), sa.column('level', sa.String), sa.column('reason', sa.Text),
                       sa.column('rated_by_id', sa.Integer),
                       sa.column('created_at', models.base.UTCDateTime(timezone=True)))
    lead = sa.select(cases.c.lead_unit_id).where(cases.c.id == events.c.case_id).scalar_subquery()
    conn.execute(sa.update(events).where(events.c.kind.in_(('reopen', 'rated')), events.c.unit_id.is_(None))
                 .values(unit_id=lead))
    rows: dict[tuple[int, int], dict[str, object]] = {}
    reopens: dict[int, int] = {}
    for event in conn.execute(sa.select(events.c.id, events.c.case_id, events.c.kind, events.c.text,
                                        events.c.actor_id, events.c.unit_id, events.c.created_at)
                              .where(events.c.kind.in_(('reopen', 'rated'))).order_by(events.c.id)):
        if event.kind == 'reopen':
            reopens[event.case_id] = reopens.get(event.case_id, 0) + 1
            continue
        level = (event.text or '').strip()
        if level not in ('满意', '基本满意', '不满意'):
            continue
        key = (event.case_id, reopens.get(event.case_id, 0))
        rows[key] = dict(case_id=key[0], round=key[1], unit_id=event.unit_id, level=level, reason=None,
                         rated_by_id=event.actor_id, created_at=event.created_at)  # a later rating corrects
    if rows:
        conn.execute(sa.insert(ratings), list(rows.values()))


def downgrade() -> None:
    op.drop_index('ix_citizen_replies_posted_at', table_name='citizen_replies')
    op.drop_index(op.f('ix_citizen_replies_case_id'), table_name='citizen_replies')
    op.drop_table('citizen_replies')
    op.drop_index('ix_case_ratings_created_at', table_name='case_ratings')
    op.drop_table('case_ratings')
    op.drop_index('ix_case_evidence_author_id_case_id', table_name='case_evidence')
    op.drop_index(op.f('ix_case_evidence_case_id'), table_name='case_evidence')
    op.drop_table('case_evidence')
