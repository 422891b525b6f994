"""Shared helpers for the dashboard tests: users per role, logging in with the CSRF token, cases."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from bot.cases.lifecycle import Actor, Lifecycle
from bot.services import Services
from bot.web.users import create_user
from models import Case, Unit

PASSWORD = "correct-horse-9"
# username → (role, person code)
ROLE_USERS = {
    "admin": ("admin", "wangmin"),
    "disp": ("dispatcher", "zhaolei"),
    "zj_handler": ("handler", "sunjie"),  # 住建局
    "dh_handler": ("handler", "hehui"),  # 东湖街道
    "dh_leader": ("leader", "lvbo"),
    "viewer": ("viewer", None),
}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_users(services: Services) -> None:
    with services.sessions() as session, session.begin():
        for username, (role, person) in ROLE_USERS.items():
            create_user(session, services, username, PASSWORD, role, person_code=person)


def csrf_from(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def login(client: Any, username: str, password: str = PASSWORD) -> Any:
    token = csrf_from(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


def make_case(services: Services, title: str = "幸福小区垃圾堆积", body: str = "垃圾堆积多日，电话13812345678",
              lead: str | None = "zhujian", co: tuple[str, ...] = (), **fields: Any) -> int:
    with services.sessions() as session, session.begin():
        life = Lifecycle(session, services.deadlines, services.clock.now())
        case = life.create_case(Actor(None, label="test"), title=title, body=body, **fields)
        if lead:
            units = {u.code: u for u in session.scalars(select(Unit))}
            life.dispatch(case, Actor(None, label="test"), units[lead], [units[c] for c in co])
        session.flush()
        return case.id


def case_of(services: Services, case_id: int) -> Case:
    with services.sessions() as session:
        case = session.get(Case, case_id)
        assert case is not None
        case.events  # noqa: B018 - load before the session closes
        session.expunge_all()
        return case
