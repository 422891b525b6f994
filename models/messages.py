"""What came in from the platforms and what the bot sent out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class InboundMessage(Base):
    """One delivery from a platform. UNIQUE(platform, msg_id) makes a retried delivery a no-op."""

    __tablename__ = "inbound_messages"
    __table_args__ = (
        UniqueConstraint("platform", "msg_id"),
        Index("ix_inbound_messages_state_received_at", "state", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    msg_id: Mapped[str] = mapped_column(String(191))
    chat_id: Mapped[str] = mapped_column(String(191))
    chat_type: Mapped[str] = mapped_column(String(8))
    sender_id: Mapped[str] = mapped_column(String(191))
    # The neutral IncomingMessage as JSON (text, images, mentions, reply handle). Personal data:
    # kept for processing and audit, never written to logs.
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    received_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(12), default="received")  # received | processed
    processed_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(64))  # short machine code, e.g. "case_created"


class OutboundMessage(Base):
    """One message the bot sends. ``dedupe_key`` makes a retried job never send twice."""

    __tablename__ = "outbound_messages"
    __table_args__ = (Index("ix_outbound_messages_state_created_at", "state", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(191), unique=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str | None] = mapped_column(String(191))
    user_id: Mapped[str | None] = mapped_column(String(191))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    inbound_id: Mapped[int | None] = mapped_column(ForeignKey("inbound_messages.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(32), default="reply")  # reply, dispatch, reminder …
    # The OutgoingMessage as JSON (text, mentions, format, reply handle).
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(12), default="pending")  # pending | sending | sent | failed
    attempts: Mapped[int] = mapped_column(default=0)
    result: Mapped[str | None] = mapped_column(String(256))  # platform message id or short error
    next_attempt_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class SimulatorMessage(Base):
    """The local simulator's chat log: people's messages and the bot's, in order."""

    __tablename__ = "simulator_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat: Mapped[str] = mapped_column(String(191), index=True)
    sender: Mapped[str] = mapped_column(String(191))
    sender_name: Mapped[str] = mapped_column(String(64), default="")
    is_bot: Mapped[bool] = mapped_column(default=False)
    text: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(12), default="text")
    image_path: Mapped[str | None] = mapped_column(String(512))
    mentions: Mapped[list[Any]] = mapped_column(default=list)
    msg_id: Mapped[str | None] = mapped_column(String(191))
    # The outbound row this bot message delivers; unique so a retried send shows once.
    outbound_id: Mapped[int | None] = mapped_column(ForeignKey("outbound_messages.id"), unique=True)
    created_at: Mapped[datetime]




__all__ = ["InboundMessage", "OutboundMessage", "SimulatorMessage"]
