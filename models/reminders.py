"""Reminder rows (催办/提醒): the database, not Redis, knows what must be said and when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class Reminder(Base):
    """One thing to nag about: a unit that has not signed, a deadline coming, a deadline missed.

    state: pending → claimed (put into a digest OutboundMessage by one sweep) → sent, or failed when
    the outbox gave up on that digest (the office is told); or cancelled when the case moves on
    (签收, 已办结, 延期, 退回) before it is sent.
    """

    __tablename__ = "reminders"
    # The sweep's only query: due pending rows, oldest first. Partial-index-like selectivity
    # comes from the state column leading the index (almost all rows are sent/cancelled).
    __table_args__ = (Index("ix_reminders_state_due_at", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    kind: Mapped[str] = mapped_column(String(16))  # sign | due_soon | overdue | followup
    level: Mapped[int] = mapped_column(default=0)  # escalation: 0 group, 1 @leader, 2+ office
    due_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(12), default="pending")  # pending|claimed|sent|failed|cancelled
    attempt: Mapped[int] = mapped_column(default=0)
    line: Mapped[str | None] = mapped_column(Text)  # the digest line rendered at claim time
    sent_outbound_id: Mapped[int | None] = mapped_column(ForeignKey("outbound_messages.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    claimed_at: Mapped[datetime | None]


class ReportRun(Base):
    """A periodic summary that has been produced (daily/weekly/monthly), one row per period and audience."""

    __tablename__ = "report_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)  # summary:daily:2026-11-28:office
    created_at: Mapped[datetime]


__all__ = ["Reminder", "ReportRun"]
