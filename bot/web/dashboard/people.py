"""Editing a unit's people on the web: add a leader or handler, change role or platform ids, remove.

Removing deactivates the person (case history keeps pointing at them; bot.cases.directory and the @-lists
skip inactive people). Platform ids are checked against bot.cases.directory.find_person so one chat account
never belongs to two people.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.directory import find_person
from bot.chat_platforms import LABELS
from models import Person, Unit

UNIT_ROLES = {"leader": "负责人", "handler": "经办人"}
PLATFORMS = LABELS  # name → label, from the one list of chat platforms
_CODE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_PLATFORM_ID = re.compile(r"^[^\s<>\"']{1,128}$")


class PersonError(ValueError):
    """Shown to the admin as is (Chinese)."""


def _ids(session: Session, person: Person | None, form: Mapping[str, str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for platform, label in PLATFORMS.items():
        value = (form.get(f"id_{platform}") or "").strip()
        if not value:
            continue
        if not _PLATFORM_ID.match(value):
            raise PersonError(f"{label}账号格式不正确（不超过 128 个字符，不含空格和引号）。")
        owner = find_person(session, platform, value)
        if owner is not None and owner is not person:
            raise PersonError(f"{label}账号 {value} 已属于 {owner.name}。")
        ids[platform] = value
    return ids


def _name_role(form: Mapping[str, str]) -> tuple[str, str]:
    name = (form.get("name") or "").strip()
    if not name or len(name) > 64:
        raise PersonError("姓名不能为空，且不超过 64 字。")
    role = form.get("role") or ""
    if role not in UNIT_ROLES:
        raise PersonError("角色应为负责人或经办人。")
    return name, role


def _apply_ids(person: Person, ids: dict[str, str]) -> None:
    for identity in list(person.identities):
        if identity.platform in PLATFORMS and identity.platform not in ids:
            person.identities.remove(identity)
    for platform, value in ids.items():
        person.set_platform_id(platform, value)


def add_person(session: Session, unit: Unit, form: Mapping[str, str]) -> Person:
    if unit.is_office:
        raise PersonError("网信办人员请通过 YAML 导入维护。")
    code = (form.get("code") or "").strip()
    if not _CODE.match(code):
        raise PersonError("人员编码只能用字母、数字、点、下划线、连字符（不超过 64 个）。")
    if session.scalar(select(Person.id).where(Person.code == code)) is not None:
        raise PersonError(f"人员编码 {code} 已存在。")
    name, role = _name_role(form)
    ids = _ids(session, None, form)
    person = Person(code=code, name=name, role=role, unit=unit, active=True)
    session.add(person)
    _apply_ids(person, ids)
    session.flush()
    return person


def update_person(session: Session, person: Person, form: Mapping[str, str]) -> None:
    name, role = _name_role(form)
    ids = _ids(session, person, form)
    person.name, person.role, person.active = name, role, True
    _apply_ids(person, ids)
    session.flush()


def remove_person(person: Person) -> None:
    person.active = False
