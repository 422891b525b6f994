"""Deadline policy: per request type, in Chinese working days or natural hours."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from bot.workdays import WorkCalendar

DEFAULT_WORKING_DAYS = 7


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
        return self.after_working_days(start, days)

    def after_working_days(self, start: datetime, days: int) -> Deadline:
        """End of the ``days``-th working day after ``start``'s local date."""
        local = start.astimezone(self.zone)
        day, unknown = self.calendar.add_working_days(local.date(), days)
        due_local = datetime.combine(day, self.policy.workday_end, tzinfo=self.zone)
        return Deadline(due_local.astimezone(timezone.utc), tuple(unknown))

    def extend(self, due_at: datetime, days: int) -> Deadline:
        return self.after_working_days(due_at, days)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)
