"""Chinese working days: public holidays and make-up workdays (调休).

``chinese-calendar`` carries the State Council's published arrangements up to its last
release year. Later years come from ``data/holidays.yaml`` (editable: add the new year's
notice when it is published, usually in November). A date outside every known calendar
is counted as Monday–Friday and reported, never silently.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import yaml

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class YearArrangement:
    holidays: frozenset[date]  # days off that would otherwise be workdays
    workdays: frozenset[date]  # weekend days that are workdays (调休)


@dataclass
class WorkCalendar:
    extra_years: dict[int, YearArrangement] = field(default_factory=dict)
    # chinese_calendar validates every date (~20 µs a call); sweeps and reports ask about the same
    # few hundred days again and again.
    _workday_cache: dict[date, bool] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_file(cls, path: Path) -> WorkCalendar:
        if not path.exists():
            return cls()
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        years: dict[int, YearArrangement] = {}
        for year, spec in (raw.get("years") or {}).items():
            spec = spec or {}
            years[int(year)] = YearArrangement(
                holidays=frozenset(_dates(spec.get("holidays"))),
                workdays=frozenset(_dates(spec.get("workdays"))),
            )
        return cls(years)

    def library_covers(self, day: date) -> bool:
        try:
            chinese_calendar.is_workday(day)
        except NotImplementedError:
            return False
        return True

    def covers(self, day: date) -> bool:
        return day.year in self.extra_years or self.library_covers(day)

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day; weekdays-only for a year no calendar knows."""
        cached = self._workday_cache.get(day)
        if cached is None:
            cached = self._workday_cache[day] = self._is_workday(day)
        return cached

    def _is_workday(self, day: date) -> bool:
        arrangement = self.extra_years.get(day.year)
        if arrangement is not None:
            if day in arrangement.workdays:
                return True
            if day in arrangement.holidays:
                return False
            return day.weekday() < 5
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return day.weekday() < 5

    def add_working_days(self, start: date, count: int) -> tuple[date, list[int]]:
        """The ``count``-th working day after ``start`` (not counting ``start`` itself).

        Returns the day and the years crossed that no calendar knows (empty when all known).
        """
        if count < 0:
            raise ValueError("count must be >= 0")
        unknown: set[int] = set()
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if not self.covers(day):
                unknown.add(day.year)
            if self.is_workday(day):
                remaining -= 1
        return day, sorted(unknown)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        days = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_workday(day):
                days += 1
        return days


def _dates(values: object) -> list[date]:
    result: list[date] = []
    for value in values or []:  # type: ignore[attr-defined]
        if isinstance(value, date):
            result.append(value)
        else:
            text = str(value)
            if ".." in text:  # a range "2027-10-01..2027-10-07"
                first, last = (date.fromisoformat(part.strip()) for part in text.split(".."))
                while first <= last:
                    result.append(first)
                    first += timedelta(days=1)
            else:
                result.append(date.fromisoformat(text))
    return result
