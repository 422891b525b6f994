"""The duty roster (值班表): who is on duty when, and changes to it (换班 in chat, the dashboard's roster page).

Shifts are rows of ``duty_shifts`` laid out from ``config/units.yaml``'s rotation; a change keeps the
times and moves the people, so the 值班交接 message at the next shift start names whoever is on now.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.cases.errors import LifecycleError
from models import DutyShift, Person, Unit

ROSTER_DAYS = 14
DUTY_ROLES = ("dispatcher", "office")
_RELATIVE = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2}
_FULL = re.compile(r"^(?P<y>\d{4})[-./年](?P<m>\d{1,2})[-./月](?P<d>\d{1,2})日?$")
_SHORT = re.compile(r"^(?P<m>\d{1,2})[-./月](?P<d>\d{1,2})[日号]?$")


def parse_day(text: str, today: date) -> date | None:
    """``12月3日``, ``12-03``, ``2026-12-03``, ``明天``: a day at or after today (a past month-day is next year's)."""
    text = text.strip()
    if text in _RELATIVE:
        return today + timedelta(days=_RELATIVE[text])
    try:
        if found := _FULL.match(text):
            return date(int(found["y"]), int(found["m"]), int(found["d"]))
        if found := _SHORT.match(text):
            day = date(today.year, int(found["m"]), int(found["d"]))
            return day if day >= today - timedelta(days=1) else day.replace(year=today.year + 1)
    except ValueError:
        return None
    return None


def upcoming(session: Session, now: datetime, days: int = ROSTER_DAYS) -> list[DutyShift]:
    """The shift on now and those starting in the next ``days`` days, in order."""
    return list(session.scalars(
        select(DutyShift).options(selectinload(DutyShift.person))
        .where(DutyShift.ends_at > now, DutyShift.starts_at < now + timedelta(days=days))
        .order_by(DutyShift.starts_at)
    ))


def shift_on(session: Session, day: date, zone: ZoneInfo) -> DutyShift:
    start = datetime.combine(day, time(0), tzinfo=zone)
    shifts = list(session.scalars(
        select(DutyShift).where(DutyShift.starts_at >= start, DutyShift.starts_at < start + timedelta(days=1))
        .order_by(DutyShift.starts_at)
    ))
    if not shifts:
        raise LifecycleError(f"{day:%m月%d日} 没有排班。")
    return shifts[0]


def duty_people(session: Session) -> list[Person]:
    """Who can stand a duty shift: the office's dispatchers and staff."""
    return list(session.scalars(
        select(Person).join(Unit, Unit.id == Person.unit_id)
        .where(Unit.is_office.is_(True), Person.role.in_(DUTY_ROLES), Person.active.is_(True)).order_by(Person.id)
    ))


def find_duty_person(session: Session, name: str) -> Person | None:
    return next((p for p in duty_people(session) if name in (p.name, p.code)), None)


def swap(first: DutyShift, second: DutyShift) -> None:
    first.person_id, second.person_id = second.person_id, first.person_id
    first.person, second.person = second.person, first.person


def reassign(shift: DutyShift, person: Person) -> None:
    shift.person_id, shift.person = person.id, person


def describe(shift: DutyShift, zone: ZoneInfo) -> str:
    start, end = shift.starts_at.astimezone(zone), shift.ends_at.astimezone(zone)
    weekday = "一二三四五六日"[start.weekday()]
    return f"{start:%m月%d日}（周{weekday}）{start:%H:%M}–{end:%H:%M} {shift.person.name}"
