"""Deadlines on Chinese working days: holidays, 调休 make-up workdays, and years no calendar knows."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cases.deadlines import DeadlineCalculator, DeadlinePolicy
from bot.cases.workdays import WorkCalendar

SH = ZoneInfo("Asia/Shanghai")


def calc(calendar: WorkCalendar | None = None) -> DeadlineCalculator:
    return DeadlineCalculator(DeadlinePolicy(), calendar or WorkCalendar())


def local(y: int, m: int, d: int, hh: int = 10) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=SH)


def test_spring_festival_and_make_up_saturdays() -> None:
    # 2026-02-14 (Sat) is a make-up workday; 02-15..02-23 are the Spring Festival holiday.
    deadline = calc().for_case("咨询", False, local(2026, 2, 13))
    assert deadline.due_at == datetime(2026, 2, 27, 10, 0, tzinfo=timezone.utc)  # 18:00 in Shanghai
    assert deadline.unknown_years == ()


def test_national_day_with_make_up_saturday_after() -> None:
    # 10-01..10-07 off; 10-10 (Sat) is a workday: 10-08, 10-09, 10-10, 10-12, 10-13.
    deadline = calc().for_case("建议", False, local(2026, 9, 30))
    assert deadline.due_at.astimezone(SH) == local(2026, 10, 13, 18)


def test_complaint_seven_working_days_over_a_weekend() -> None:
    deadline = calc().for_case("投诉", False, local(2026, 11, 27))  # a Friday
    assert deadline.due_at.astimezone(SH).date() == date(2026, 12, 8)


def test_urgent_is_24_natural_hours() -> None:
    start = local(2026, 10, 1, 9)  # a holiday does not matter for natural hours
    assert calc().for_case("投诉", True, start).due_at == datetime(2026, 10, 2, 1, 0, tzinfo=timezone.utc)


def test_past_the_last_published_year_is_reported_not_silent() -> None:
    deadline = calc().for_case("投诉", False, local(2026, 12, 28))
    # 2027 is unknown to chinese-calendar 1.11.0: counted Monday–Friday, and said so.
    assert deadline.unknown_years == (2027,)
    assert deadline.due_at.astimezone(SH).date() == date(2027, 1, 6)
    assert deadline.note and "2027" in deadline.note and "holidays.yaml" in deadline.note


def test_editable_holiday_file_extends_the_calendar(tmp_path: Path) -> None:
    path = tmp_path / "holidays.yaml"
    path.write_text("years:\n  2027:\n    holidays: [2027-01-01, 2027-02-08..2027-02-12]\n    workdays: [2027-02-06]\n",
                    encoding="utf-8")
    calendar = WorkCalendar.from_file(path)
    deadline = calc(calendar).for_case("投诉", False, local(2026, 12, 28))
    assert deadline.unknown_years == ()
    assert deadline.due_at.astimezone(SH).date() == date(2027, 1, 7)  # New Year's Day skipped
    assert calendar.is_workday(date(2027, 2, 6))  # a Saturday listed as make-up workday
    assert not calendar.is_workday(date(2027, 2, 10))


def test_repo_policy_file_matches_the_documented_defaults() -> None:
    from bot.config import ROOT

    policy = DeadlinePolicy.from_file(ROOT / "config" / "deadlines.yaml")
    assert policy.working_days["咨询"] == 5 and policy.working_days["投诉"] == 7 and policy.urgent_hours == 24


@pytest.mark.parametrize(("start", "end", "days"), [(date(2026, 2, 13), date(2026, 2, 27), 5), (date(2026, 2, 27), date(2026, 2, 13), -5)])
def test_working_days_between(start: date, end: date, days: int) -> None:
    assert WorkCalendar().working_days_between(start, end) == days
