"""Photos a unit sends as evidence of its work (办理佐证): stored as files, referenced here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.directory import Person, Unit


class CaseEvidence(Base):
    """One photo from a unit's group. ``case_id`` is None while the bot waits for the sender to say
    which case it belongs to (``附图 工单号``); the file is ``var/media/evidence/<file_name>``."""

    __tablename__ = "case_evidence"
    # A case's photos; a sender's photos still waiting for a case number.
    __table_args__ = (Index("ix_case_evidence_author_id_case_id", "author_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id"))
    file_name: Mapped[str] = mapped_column(String(128))  # <sha256>.<ext>, content-addressed
    size: Mapped[int] = mapped_column(default=0)
    # What the photo came with: progress | extension | final | later (sent on its own)
    context: Mapped[str] = mapped_column(String(16), default="later")
    created_at: Mapped[datetime]
    attached_at: Mapped[datetime | None]

    unit: Mapped[Unit | None] = relationship()
    author: Mapped[Person | None] = relationship()


__all__ = ["CaseEvidence"]
