"""Deadlines and all working-day arithmetic, one name per meaning.

- ``DeadlineCalculator.due_after_working_days``: the END of the N-th working day after a date (a deadline).
- ``same_time_after_working_days`` / ``same_time_before_working_days``: the same local time N working days
  later / earlier (reminder moments around a deadline).
- ``add_working_hours``: N hours counted inside office hours of working days.
- ``working_days_left``: working days from now to a deadline, negative when overdue (``WorkdayCounter``:
  the same for many deadlines at once).
The calendar itself (holidays, make-up workdays) is ``bot.cases.workdays``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from bot.cases.workdays import WorkCalendar

DEFAULT_WORKING_DAYS = 7
WORKDAY_START = time(8, 0)  # office hours open; a sign-within-N-hours clock counts from here


@dataclass(frozen=True)
class DeadlinePolicy:
    working_days: dict[str, int] = field(default_factory=lambda: {"咨询": 5, "建议": 5, "投诉": 7, "求助": 7})
    urgent_hours: int = 24
    workday_end: time = time(18, 0)
    max_extension_days: int = 15
    timezone: str = "Asia/Shanghai"

    @classmethod
    def from_file(cls, path: Path) -> DeadlinePolicy:
        if not path.exists():
            return cls()
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        hours, minutes = (int(x) for x in str(raw.get("workday_end", "18:00")).split(":"))
        return cls(
            working_days={k: int(v["working_days"]) for k, v in (raw.get("deadlines") or {}).items()},
            urgent_hours=int((raw.get("urgent") or {}).get("natural_hours", 24)),
            workday_end=time(hours, minutes),
            max_extension_days=int((raw.get("extension") or {}).get("max_working_days", 15)),
            timezone=str(raw.get("timezone", "Asia/Shanghai")),
        )


@dataclass(frozen=True)
class Deadline:
    due_at: datetime  # UTC
    unknown_years: tuple[int, ...] = ()  # years no calendar knows: counted Mon–Fri, must be reported

    @property
    def note(self) -> str | None:
        if not self.unknown_years:
            return None
        years = "、".join(str(y) for y in self.unknown_years)
        return f"{years}年节假日安排未载入，期限暂按周一至周五计算，请核对（编辑 data/holidays.yaml）"


@dataclass(frozen=True)
class DeadlineCalculator:
    policy: DeadlinePolicy
    calendar: WorkCalendar

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.policy.timezone)

    def for_case(self, request_type: str, urgent: bool, start: datetime) -> Deadline:
        if urgent:
            return Deadline(start.astimezone(timezone.utc) + timedelta(hours=self.policy.urgent_hours))
        days = self.policy.working_days.get(request_type, DEFAULT_WORKING_DAYS)
        return self.due_after_working_days(start, days)

    def due_after_working_days(self, start: datetime, days: int) -> Deadline:
        """End of the ``days``-th working day after ``start``'s local date."""
        local = start.astimezone(self.zone)
        day, unknown = self.calendar.add_working_days(local.date(), days)
        due_local = datetime.combine(day, self.policy.workday_end, tzinfo=self.zone)
        return Deadline(due_local.astimezone(timezone.utc), tuple(unknown))

    def extend(self, due_at: datetime, days: int) -> Deadline:
        return self.due_after_working_days(due_at, days)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)


def add_working_hours(calc: DeadlineCalculator, start: datetime, hours: float) -> datetime:
    """``start`` plus ``hours`` counted only inside working days' office hours (08:00 → workday end)."""
    end_of_day = calc.policy.workday_end
    local = calc.local(start)
    remaining = timedelta(hours=hours)
    for _ in range(400):
        day = local.date()
        opens = datetime.combine(day, WORKDAY_START, tzinfo=calc.zone)
        closes = datetime.combine(day, end_of_day, tzinfo=calc.zone)
        if not calc.calendar.is_workday(day) or local >= closes:
            local = datetime.combine(day + timedelta(days=1), WORKDAY_START, tzinfo=calc.zone)
            continue
        local = max(local, opens)
        if local + remaining <= closes:
            return (local + remaining).astimezone(start.tzinfo)
        remaining -= closes - local
        local = datetime.combine(day + timedelta(days=1), WORKDAY_START, tzinfo=calc.zone)
    return (local + remaining).astimezone(start.tzinfo)


def same_time_before_working_days(calc: DeadlineCalculator, due_at: datetime, days: int) -> datetime:
    """The same local time ``days`` working days before ``due_at``."""
    local = calc.local(due_at)
    day = local.date()
    while days > 0:
        day -= timedelta(days=1)
        if calc.calendar.is_workday(day):
            days -= 1
    return datetime.combine(day, local.timetz()).astimezone(due_at.tzinfo)


def same_time_after_working_days(calc: DeadlineCalculator, due_at: datetime, days: int) -> datetime:
    """The same local time ``days`` working days after ``due_at``."""
    local = calc.local(due_at)
    day, _ = calc.calendar.add_working_days(local.date(), days)
    return datetime.combine(day, local.timetz()).astimezone(due_at.tzinfo)


def working_days_left(calc: DeadlineCalculator, now: datetime, due_at: datetime) -> int:
    """Working days from now to the deadline (negative when overdue)."""
    return calc.calendar.working_days_between(calc.local(now).date(), calc.local(due_at).date())


class WorkdayCounter:
    """Working days between dates in O(1) after one pass over the calendar.

    ``chinese_calendar.is_workday`` costs ~20 µs a call; counting day by day for 1,000 reminders
    whose deadlines lie months apart took seconds. One cumulative table per sweep instead."""

    def __init__(self, calc: DeadlineCalculator) -> None:
        self.calc = calc
        self.first: date | None = None
        self.cumulative: list[int] = []

    def _extend(self, low: date, high: date) -> None:
        if self.first is not None and low >= self.first and (high - self.first).days < len(self.cumulative):
            return
        first = min(low, self.first or low)
        last = max(high, self.first + timedelta(days=len(self.cumulative) - 1) if self.first else high)
        total, table = 0, []
        for offset in range((last - first).days + 1):
            total += self.calc.calendar.is_workday(first + timedelta(days=offset))
            table.append(total)
        self.first, self.cumulative = first, table

    def days_left(self, now: datetime, due_at: datetime) -> int:
        """Same as ``working_days_left``: working days in (today, due day], negative when past."""
        start, end = self.calc.local(now).date(), self.calc.local(due_at).date()
        self._extend(min(start, end), max(start, end))
        assert self.first is not None
        return self.cumulative[(end - self.first).days] - self.cumulative[(start - self.first).days]
