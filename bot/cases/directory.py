"""The unit directory: YAML import/export and lookups by name, alias and platform id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models import DutyShift, Person, PlatformIdentity, Unit
from models.directory import ROLES

UNIT_FIELDS = ("aliases", "keywords", "categories", "places")


class DirectoryError(ValueError):
    """The directory file is invalid; the message says where."""


@dataclass(frozen=True)
class ImportSummary:
    units: int
    people: int
    shifts: int


def load_directory_file(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DirectoryError(f"{path}: not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("units"), list):
        raise DirectoryError(f"{path}: expected a mapping with a 'units' list")
    return raw


def import_directory(session: Session, raw: dict[str, Any], now: datetime, tz: str = "Asia/Shanghai") -> ImportSummary:
    """Create or update units and people by ``code``. Validates everything before writing."""
    specs: list[dict[str, Any]] = []
    if raw.get("office"):
        specs.append({**raw["office"], "is_office": True})
    specs.extend(raw["units"])
    codes: set[str] = set()
    names: set[str] = set()
    for i, spec in enumerate(specs):
        for key in ("code", "name"):
            if not isinstance(spec.get(key), str) or not spec[key].strip():
                raise DirectoryError(f"unit #{i + 1}: '{key}' is required")
        if spec["code"] in codes or spec["name"] in names:
            raise DirectoryError(f"unit '{spec['code']}': duplicate code or name")
        codes.add(spec["code"])
        names.add(spec["name"])
    people = raw.get("people") or []
    for i, spec in enumerate(people):
        if spec.get("role") not in ROLES:
            raise DirectoryError(f"person #{i + 1}: role must be one of {', '.join(ROLES)}")
        if spec.get("unit") and spec["unit"] not in codes:
            raise DirectoryError(f"person '{spec.get('code')}': unknown unit '{spec['unit']}'")
        if not spec.get("code") or not spec.get("name"):
            raise DirectoryError(f"person #{i + 1}: 'code' and 'name' are required")

    units_by_code = {u.code: u for u in session.scalars(select(Unit))}
    for spec in specs:
        unit = units_by_code.get(spec["code"]) or Unit(code=spec["code"])
        unit.name = spec["name"]
        for key in UNIT_FIELDS:
            setattr(unit, key, list(spec.get(key) or []))
        unit.chats = dict(spec.get("chats") or {})
        unit.robots = dict(spec.get("robots") or {})
        unit.is_office = bool(spec.get("is_office", False))
        unit.active = bool(spec.get("active", True))
        session.add(unit)
        units_by_code[unit.code] = unit
    session.flush()
    for spec in specs:
        parent = spec.get("parent")
        units_by_code[spec["code"]].parent = units_by_code.get(parent) if parent else None

    people_by_code = {
        p.code: p for p in session.scalars(select(Person).options(selectinload(Person.identities)))
    }
    for spec in people:
        person = people_by_code.get(spec["code"]) or Person(code=spec["code"])
        person.name = spec["name"]
        person.role = spec["role"]
        person.unit = units_by_code.get(spec["unit"]) if spec.get("unit") else None
        person.mobile = str(spec["mobile"]) if spec.get("mobile") else None
        person.active = bool(spec.get("active", True))
        for platform, user_id in (spec.get("ids") or {}).items():
            person.set_platform_id(str(platform), str(user_id))
        session.add(person)
        people_by_code[person.code] = person
    session.flush()

    shifts = 0
    roster = raw.get("roster")
    if roster and roster.get("rotation"):
        shifts = _seed_roster(session, roster, people_by_code, now, tz)
    return ImportSummary(units=len(specs), people=len(people), shifts=shifts)


def _seed_roster(session: Session, roster: dict[str, Any], people: dict[str, Person], now: datetime, tz: str) -> int:
    """Lay out rotating shifts for the next 60 days, from today's shift start, unless already there."""
    rotation = [people[code] for code in roster["rotation"] if code in people]
    if not rotation:
        raise DirectoryError("roster.rotation names no known person")
    hours = int(roster.get("shift_hours", 24))
    hh, mm = (int(x) for x in str(roster.get("start", "08:00")).split(":"))
    zone = ZoneInfo(tz)
    local_now = now.astimezone(zone)
    start = datetime.combine(local_now.date(), time(hh, mm), tzinfo=zone)
    if start > local_now:
        start -= timedelta(days=1)
    horizon = start + timedelta(days=60)
    existing = session.scalar(select(DutyShift).where(DutyShift.ends_at > now).limit(1))
    if existing is not None:
        return 0
    count = 0
    moment = start
    while moment < horizon:
        person = rotation[count % len(rotation)]
        session.add(DutyShift(person=person, starts_at=moment, ends_at=moment + timedelta(hours=hours)))
        moment += timedelta(hours=hours)
        count += 1
    return count


def export_directory(session: Session) -> dict[str, Any]:
    units = list(session.scalars(select(Unit).order_by(Unit.id)))

    def unit_spec(unit: Unit) -> dict[str, Any]:
        spec: dict[str, Any] = {"code": unit.code, "name": unit.name}
        for key in UNIT_FIELDS:
            if getattr(unit, key):
                spec[key] = list(getattr(unit, key))
        if unit.parent:
            spec["parent"] = unit.parent.code
        if unit.chats:
            spec["chats"] = dict(unit.chats)
        if unit.robots:
            spec["robots"] = dict(unit.robots)
        return spec

    office = next((u for u in units if u.is_office), None)
    people = list(session.scalars(select(Person).order_by(Person.id)))
    return {
        **({"office": unit_spec(office)} if office else {}),
        "units": [unit_spec(u) for u in units if not u.is_office],
        "people": [
            {
                "code": p.code,
                "name": p.name,
                "role": p.role,
                **({"unit": p.unit.code} if p.unit else {}),
                "ids": {i.platform: i.user_id for i in p.identities},
            }
            for p in people
        ],
    }


_SPACES = re.compile(r"\s+")


def find_unit(session: Session, query: str) -> Unit | None:
    """A unit by exact name, code or alias; else the single unit whose name contains the query."""
    query = _SPACES.sub("", query)
    if not query:
        return None
    units = list(session.scalars(select(Unit).where(Unit.active.is_(True))))
    for unit in units:
        if query in (unit.name, unit.code) or query in unit.aliases:
            return unit
    partial = [u for u in units if query in u.name or any(query in a for a in u.aliases)]
    return partial[0] if len(partial) == 1 else None


def find_person(session: Session, platform: str, user_id: str) -> Person | None:
    return session.scalar(
        select(Person)
        .join(PlatformIdentity)
        .where(PlatformIdentity.platform == platform, PlatformIdentity.user_id == user_id, Person.active.is_(True))
    )


def office_unit(session: Session) -> Unit | None:
    return session.scalar(select(Unit).where(Unit.is_office.is_(True)))


def unit_for_chat(session: Session, platform: str, chat_id: str) -> Unit | None:
    for unit in session.scalars(select(Unit)):
        if str(unit.chats.get(platform, "")) == chat_id:
            return unit
    return None


def on_duty(session: Session, now: datetime) -> Person | None:
    return session.scalar(
        select(Person)
        .join(DutyShift, DutyShift.person_id == Person.id)
        .where(DutyShift.starts_at <= now, DutyShift.ends_at > now)
        .order_by(DutyShift.starts_at.desc())
        .limit(1)
    )
