"""The unit directory: units, people and the duty roster."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base

ROLES = ("dispatcher", "handler", "leader", "office")


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)  # stable key used in YAML and chat ids
    name: Mapped[str] = mapped_column(String(128), unique=True)
    aliases: Mapped[list[str]] = mapped_column(default=list)
    keywords: Mapped[list[str]] = mapped_column(default=list)
    categories: Mapped[list[str]] = mapped_column(default=list)
    places: Mapped[list[str]] = mapped_column(default=list)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    is_office: Mapped[bool] = mapped_column(default=False)
    # {"simulator": "g-zhujian", "wecom": "<chatid>", "dingtalk": "<openConversationId>"}
    chats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Per-platform send configuration, e.g. {"wecom": {"webhook_key": ...}}; secrets stay here, never in logs.
    robots: Mapped[dict[str, Any]] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(default=True)

    parent: Mapped[Unit | None] = relationship(remote_side=[id])
    members: Mapped[list[Person]] = relationship(back_populates="unit")

    def leaders(self) -> list[Person]:
        return [p for p in self.members if p.role == "leader" and p.active]

    def handlers(self) -> list[Person]:
        return [p for p in self.members if p.role == "handler" and p.active]


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # one of ROLES
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    mobile: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(default=True)

    unit: Mapped[Unit | None] = relationship(back_populates="members")
    identities: Mapped[list[PlatformIdentity]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )

    def platform_id(self, platform: str) -> str | None:
        for identity in self.identities:
            if identity.platform == platform:
                return identity.user_id
        return None

    def set_platform_id(self, platform: str, user_id: str) -> None:
        for identity in self.identities:
            if identity.platform == platform:
                identity.user_id = user_id
                return
        self.identities.append(PlatformIdentity(platform=platform, user_id=user_id))


class PlatformIdentity(Base):
    """Index from (platform, user id) to a person, so a sender is found with one query."""

    __tablename__ = "platform_identities"
    __table_args__ = (UniqueConstraint("platform", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(128))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))

    person: Mapped[Person] = relationship(back_populates="identities")


class DutyShift(Base):
    """Who is on duty when (the office's 24-hour roster)."""

    __tablename__ = "duty_shifts"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime] = mapped_column(index=True)

    person: Mapped[Person] = relationship()
