"""Cases (工单) and everything that hangs off them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.directory import Person, Unit


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_status_due_at", "status", "due_at"),
        Index("ix_cases_created_at", "created_at"),
        # Reports count by closing and dispatch day; the dashboard lists newest first within a status
        # and sorts by deadline (migrations 0002 and 0003).
        Index("ix_cases_closed_at", "closed_at"),
        Index("ix_cases_dispatched_at", "dispatched_at"),
        Index("ix_cases_status_created_at", "status", "created_at"),
        Index("ix_cases_due_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)  # DB-20261128-0001
    status: Mapped[str] = mapped_column(String(24), index=True)  # bot.cases.lifecycle.Status values
    # Where the citizen published the post (a bot.cases.sources key); the chat platform is elsewhere.
    source: Mapped[str] = mapped_column("source_platform", String(24), default="other")
    source_link: Mapped[str | None] = mapped_column(String(1024))
    author: Mapped[str | None] = mapped_column(String(128))
    posted_at: Mapped[datetime | None]
    title: Mapped[str] = mapped_column(String(256), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str | None] = mapped_column(String(256))
    category: Mapped[str | None] = mapped_column(String(32))  # topic, e.g. 城乡建设
    request_type: Mapped[str] = mapped_column(String(16), default="投诉")  # 咨询/投诉/求助/建议
    urgent: Mapped[bool] = mapped_column(default=False)
    supervised: Mapped[bool] = mapped_column(default=False)  # 督办
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    due_at: Mapped[datetime | None]
    calendar_note: Mapped[str | None] = mapped_column(String(256))  # set when a date is outside known calendars
    proposal: Mapped[dict[str, Any]] = mapped_column(default=dict)  # routing proposal shown to the dispatcher
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    repeat_count: Mapped[int] = mapped_column(default=0)
    reopen_count: Mapped[int] = mapped_column(default=0)
    satisfaction: Mapped[str | None] = mapped_column(String(8))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    source_inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id"), unique=True)
    created_at: Mapped[datetime]
    dispatched_at: Mapped[datetime | None]
    signed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    verified_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]

    lead_unit: Mapped[Unit | None] = relationship(foreign_keys=[lead_unit_id])
    created_by: Mapped[Person | None] = relationship(foreign_keys=[created_by_id])
    units: Mapped[list[CaseUnit]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseUnit.id"
    )
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseEvent.id"
    )
    replies: Mapped[list[Reply]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Reply.id"
    )
    extensions: Mapped[list[ExtensionRequest]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="ExtensionRequest.id"
    )

    def co_units(self) -> list[Unit]:
        return [cu.unit for cu in self.units if cu.role == "co"]

    def unit_link(self, unit_id: int) -> CaseUnit | None:
        for link in self.units:
            if link.unit_id == unit_id:
                return link
        return None


class CaseUnit(Base):
    """A unit's part in a case: the lead unit (主办) or a co-unit (协办)."""

    __tablename__ = "case_units"
    # A unit's cases without touching the cases table (the dashboard's unit filter).
    __table_args__ = (UniqueConstraint("case_id", "unit_id"), Index("ix_case_units_unit_id_case_id", "unit_id", "case_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(8))  # "lead" | "co"
    assigned_at: Mapped[datetime]
    signed_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]

    case: Mapped[Case] = relationship(back_populates="units")
    unit: Mapped[Unit] = relationship()


class CaseEvent(Base):
    """Append-only history: every state change and remark, who and when."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_created_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # created, dispatched, signed, progress, ...
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str | None] = mapped_column(String(24))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    actor_label: Mapped[str | None] = mapped_column(String(128))  # "web:admin", "system" …
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    text: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    channel: Mapped[str] = mapped_column(String(16), default="chat")  # chat | web | system
    created_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="events")
    actor: Mapped[Person | None] = relationship()
    unit: Mapped[Unit | None] = relationship()


class Reply(Base):
    """A unit's answer (办理结果/进展); a case can have several, co-units' included."""

    __tablename__ = "replies"
    __table_args__ = (Index("ix_replies_created_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    kind: Mapped[str] = mapped_column(String(16))  # "progress" | "final"
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="replies")
    unit: Mapped[Unit] = relationship()
    author: Mapped[Person | None] = relationship()


class ExtensionRequest(Base):
    """申请延期: a unit asks for a later deadline; the office approves or rejects."""

    __tablename__ = "extension_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    working_days: Mapped[int]
    reason: Mapped[str] = mapped_column(Text)
    old_due_at: Mapped[datetime | None]
    new_due_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(12), default="pending")  # pending | approved | rejected
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]

    case: Mapped[Case] = relationship(back_populates="extensions")
