"""Web dashboard logins. A unit user may be linked to a Person so that, on the web, they act as
that person in the lifecycle (the lifecycle checks the person's unit, exactly as in chat)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.directory import Person, Unit

# admin: the office (all cases, all office actions, directory); dispatcher: all cases, dispatch;
# handler / leader: their unit's cases; viewer: read-only, all cases, phones masked.
WEB_ROLES = ("admin", "dispatcher", "handler", "leader", "viewer")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))  # one of WEB_ROLES
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped on password change / deactivation so that old session cookies stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime]
    last_login_at: Mapped[datetime | None]

    unit: Mapped[Unit | None] = relationship()
    person: Mapped[Person | None] = relationship()
