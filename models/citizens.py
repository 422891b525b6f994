"""What goes back to the citizen: the rating of each closing (评价) and the office's public replies (回复网民)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.directory import Person, Unit


class CaseRating(Base):
    """The citizen's rating of one closing. ``round`` is the case's reopen count when it was rated, so a
    不满意 (which reopens) and the rating of the next closing are two rows; rating the same closing
    again corrects the row."""

    __tablename__ = "case_ratings"
    __table_args__ = (UniqueConstraint("case_id", "round"), Index("ix_case_ratings_created_at", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(default=0)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))  # the lead unit that closed it
    level: Mapped[str] = mapped_column(String(8))  # 满意 | 基本满意 | 不满意
    reason: Mapped[str | None] = mapped_column(Text)
    rated_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime]

    unit: Mapped[Unit | None] = relationship()


class CitizenReply(Base):
    """回复网民: the office's answer on the source platform, drafted from the lead unit's 办结 text.

    At most one ``draft`` per case at a time; ``posted`` rows record where and when it went out."""

    __tablename__ = "citizen_replies"
    __table_args__ = (Index("ix_citizen_replies_posted_at", "posted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(8), default="draft")  # draft | posted
    text: Mapped[str] = mapped_column(Text)
    final_reply_id: Mapped[int | None] = mapped_column(ForeignKey("replies.id"))  # the 办结 it was drafted from
    posted_where: Mapped[str | None] = mapped_column(String(512))  # the platform, or the link to the reply
    posted_at: Mapped[datetime | None]
    posted_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    posted_by_label: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    posted_by: Mapped[Person | None] = relationship()


__all__ = ["CaseRating", "CitizenReply"]
