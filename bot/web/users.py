"""Creating web users (CLI and demo seed). Validation lives here, not in the CLI."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services import Services
from bot.web.auth import hash_password
from models import Person, Unit, User
from models.users import WEB_ROLES

MIN_PASSWORD = 8


class UserError(ValueError):
    pass


def create_user(session: Session, services: Services, username: str, password: str, role: str, *,
                unit_code: str | None = None, person_code: str | None = None) -> User:
    if role not in WEB_ROLES:
        raise UserError(f"role must be one of {', '.join(WEB_ROLES)}")
    if not username or len(username) > 64:
        raise UserError("username is required (at most 64 characters)")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password must have at least {MIN_PASSWORD} characters")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise UserError(f"user {username!r} already exists")
    person = session.scalar(select(Person).where(Person.code == person_code)) if person_code else None
    if person_code and person is None:
        raise UserError(f"unknown person code {person_code!r}")
    unit = session.scalar(select(Unit).where(Unit.code == unit_code)) if unit_code else (person.unit if person else None)
    if unit_code and unit is None:
        raise UserError(f"unknown unit code {unit_code!r}")
    if role in ("handler", "leader") and unit is None:
        raise UserError("unit users need --unit or --person")
    user = User(username=username, password_hash=hash_password(password), role=role,
                unit_id=unit.id if unit else None, person_id=person.id if person else None,
                created_at=services.clock.now())
    session.add(user)
    session.flush()
    return user


def new_password() -> str:
    return secrets.token_urlsafe(9)


def set_password(session: Session, username: str, password: str) -> None:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise UserError(f"no user {username!r}")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password must have at least {MIN_PASSWORD} characters")
    user.password_hash = hash_password(password)
    user.session_version += 1  # logs out every existing session of that user


def ensure_demo_users(services: Services) -> list[tuple[str, str, str]]:
    """Demo logins for `make run` (admin, a dispatcher, a unit handler, a viewer) when there are no
    users yet. Returns (username, password, what) to print; empty when users already exist."""
    created: list[tuple[str, str, str]] = []
    with services.sessions() as session, session.begin():
        if session.scalar(select(User.id).limit(1)) is not None:
            return []
        office = session.scalar(select(Person).where(Person.role == "office"))
        for username, role, person, what in (
            ("admin", "admin", office.code if office else None, "网信办管理员"),
            ("zhaolei", "dispatcher", "zhaolei", "派单员"),
            ("hehui", "handler", "hehui", "东湖街道经办人"),
            ("viewer", "viewer", None, "只读"),
        ):
            if person and session.scalar(select(Person).where(Person.code == person)) is None:
                person = None
            if role == "handler" and person is None:
                continue
            password = new_password()
            create_user(session, services, username, password, role, person_code=person)
            created.append((username, password, what))
    return created
