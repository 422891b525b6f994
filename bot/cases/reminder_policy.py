"""The reminder policy: when to nag, whom, and when to hold quiet. Read from YAML presets
(config/reminder_presets/*.yaml) with overrides in config/reminders.yaml."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.cases.deadlines import DeadlineCalculator
from bot.config import ROOT

DEFAULT_FILE = ROOT / "config" / "reminders.yaml"
PRESETS_DIR = ROOT / "config" / "reminder_presets"


def _hm(text: str) -> time:
    hours, minutes = (int(x) for x in str(text).split(":"))
    return time(hours, minutes)


@dataclass(frozen=True)
class Cadence:
    sign_within_hours: float = 4
    before_days: tuple[int, ...] = (1,)
    before_hours: tuple[float, ...] = (2,)


@dataclass(frozen=True)
class ReminderPolicy:
    name: str = "网络问政"
    cadence: Cadence = field(default_factory=Cadence)
    supervised: Cadence = field(default_factory=lambda: Cadence(2, (2, 1), (4, 2)))
    categories: dict[str, Cadence] = field(default_factory=dict)
    return_within_hours: int = 24
    overdue_days: int = 5
    leader_after_days: int = 1
    office_after_days: int = 2
    followup_after_close_days: int = 0
    quiet_start: time = time(22, 0)
    quiet_end: time = time(8, 0)
    quiet_non_workdays: bool = True
    summary_time: time = time(9, 0)
    summary_unit_groups: bool = False
    topic_window_days: int = 30  # 专报: a topic is N cases of one problem within this many days
    topic_min_cases: int = 5

    @classmethod
    def from_mapping(cls, raw: dict[str, Any]) -> ReminderPolicy:
        def cadence(spec: dict[str, Any], base: Cadence) -> Cadence:
            before = spec.get("before_due") or {}
            return Cadence(
                sign_within_hours=float(spec.get("sign_within_hours", base.sign_within_hours)),
                before_days=tuple(int(x) for x in before.get("working_days", base.before_days)),
                before_hours=tuple(float(x) for x in before.get("hours", base.before_hours)),
            )

        base = cadence(raw, Cadence())
        overdue = raw.get("overdue") or {}
        quiet = raw.get("quiet_hours") or {}
        summary = raw.get("summary") or {}
        topics = raw.get("zhuanbao") or {}
        return cls(
            name=str(raw.get("name", cls.name)),
            cadence=base,
            supervised=cadence(raw.get("supervised") or {}, base),
            categories={k: cadence(v or {}, base) for k, v in (raw.get("categories") or {}).items()},
            return_within_hours=int(raw.get("return_within_hours", 24)),
            overdue_days=int(overdue.get("repeat_working_days", 5)),
            leader_after_days=int(overdue.get("leader_after_days", 1)),
            office_after_days=int(overdue.get("office_after_days", 2)),
            followup_after_close_days=int(raw.get("followup_after_close_days", 0)),
            quiet_start=_hm(quiet.get("start", "22:00")),
            quiet_end=_hm(quiet.get("end", "08:00")),
            quiet_non_workdays=bool(raw.get("quiet_non_workdays", True)),
            summary_time=_hm(summary.get("time", "09:00")),
            summary_unit_groups=bool(summary.get("unit_groups", False)),
            topic_window_days=int(topics.get("window_days", 30)),
            topic_min_cases=int(topics.get("min_cases", 5)),
        )

    @classmethod
    def from_file(cls, path: Path) -> ReminderPolicy:
        if not path.exists():
            return cls()
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        preset = raw.get("preset")
        if preset:
            preset_path = PRESETS_DIR / f"{preset}.yaml"
            if not preset_path.exists():
                raise ValueError(f"{path}: unknown reminder preset {preset!r} (files in {PRESETS_DIR})")
            merged = yaml.safe_load(preset_path.read_text(encoding="utf-8")) or {}
            merged.update({k: v for k, v in raw.items() if k != "preset"})
            raw = merged
        return cls.from_mapping(raw)

    def for_case(self, category: str | None, supervised: bool) -> Cadence:
        if supervised:
            return self.supervised
        return self.categories.get(category or "", self.cadence)

    def escalation_level(self, overdue_day: int) -> int:
        """0: the unit's group; 1: @ the unit's leader; 2: the office and the person on duty."""
        if overdue_day >= self.office_after_days:
            return 2
        if overdue_day >= self.leader_after_days:
            return 1
        return 0

    # --- time arithmetic -------------------------------------------------------------------
    def hold_until_allowed(self, calc: DeadlineCalculator, moment: datetime, urgent: bool) -> datetime:
        """The first moment at or after ``moment`` outside quiet hours and on a working day. An
        urgent case (24-hour deadline) is never held: its reminders go out at night and on holidays."""
        if urgent:
            return moment
        local = calc.local(moment)
        for _ in range(40):  # Spring Festival plus weekends is well under 40 days
            t = local.timetz().replace(tzinfo=None)
            quiet = (t >= self.quiet_start or t < self.quiet_end) if self.quiet_start > self.quiet_end \
                else self.quiet_start <= t < self.quiet_end
            if quiet:
                day = local.date() if t < self.quiet_end else local.date() + timedelta(days=1)
                local = datetime.combine(day, self.quiet_end, tzinfo=calc.zone)
                continue
            if self.quiet_non_workdays and not calc.calendar.is_workday(local.date()):
                local = datetime.combine(local.date() + timedelta(days=1), self.quiet_end, tzinfo=calc.zone)
                continue
            break
        return local.astimezone(moment.tzinfo)


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> ReminderPolicy:
    return ReminderPolicy.from_file(Path(path))


def load_policy(path: Path | None = None) -> ReminderPolicy:
    """The policy in force (BOT_REMINDERS_FILE or config/reminders.yaml), re-read when the file changes."""
    path = path or Path(os.environ.get("BOT_REMINDERS_FILE") or DEFAULT_FILE)
    mtime = path.stat().st_mtime if path.exists() else 0.0
    return _load(str(path), mtime)


__all__ = ["Cadence", "ReminderPolicy", "load_policy", "replace"]
