"""Time strings as apps show them, with the absolute time a careful reader resolves them to."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))
WEEKDAYS = "一二三四五六日"


@dataclass
class Shown:
    text: str              # what the screen shows
    resolved: datetime     # the labelled posted_at
    components: list[str]  # parts the string shows


def random_forwarded(rng: random.Random) -> datetime:
    """A screenshot moment in 2025, late enough that year-less dates stay in 2025."""
    start = datetime(2025, 2, 1, tzinfo=CST)
    day = start + timedelta(days=rng.randrange(0, 320))
    return day.replace(hour=rng.randint(8, 22), minute=rng.randrange(60))


def hm12(t: datetime, noon_word: bool = True) -> str:
    """Chinese 12-hour clock: 凌晨/上午/中午/下午/晚上 h:mm."""
    h = t.hour
    if h < 6:
        part, hh = "凌晨", h
    elif h < 12:
        part, hh = "上午", h
    elif h < 13:
        part, hh = ("中午" if noon_word else "下午"), 12
    elif h < 18:
        part, hh = "下午", h - 12
    else:
        part, hh = "晚上", h - 12
    return f"{part}{hh}:{t.minute:02d}"


def _ago(fwd: datetime, rng: random.Random, lo_min: int, hi_min: int) -> datetime:
    return fwd - timedelta(minutes=rng.randint(lo_min, hi_min), seconds=rng.randrange(60))


def _days_back(fwd: datetime, rng: random.Random, days: int) -> datetime:
    """A moment `days` calendar days before fwd, at a plausible hour."""
    day = fwd - timedelta(days=days)
    return day.replace(hour=rng.randint(6, 23), minute=rng.randrange(60), second=rng.randrange(60))


def _hm(t: datetime) -> datetime:
    return t.replace(second=0, microsecond=0)


DATE = ["date"]
DHM = ["date", "hour", "minute"]
DHMS = ["date", "hour", "minute", "second"]


def show(style: str, fwd: datetime, rng: random.Random) -> Shown:
    """Pick a posted moment fitting `style` and render it."""
    if style == "minutes_ago":
        n = rng.randint(3, 58)
        return Shown(f"{n}分钟前", _hm(fwd - timedelta(minutes=n)), DHM)
    if style == "hours_ago":
        n = rng.randint(1, min(12, fwd.hour))
        t = fwd - timedelta(hours=n)
        return Shown(f"{n}小时前", t.replace(minute=0, second=0), ["date", "hour"])
    if style == "days_ago":
        n = rng.randint(2, 6)
        t = (fwd - timedelta(days=n)).replace(hour=0, minute=0, second=0)
        return Shown(f"{n}天前", t, DATE)
    if style == "today":
        t = _hm(_ago(fwd, rng, 5, max(6, (fwd.hour - 7) * 60)))
        return Shown(f"今天 {t:%H:%M}", t, DHM)
    if style == "today_bare":
        t = _hm(_ago(fwd, rng, 2, max(3, (fwd.hour - 7) * 60)))
        return Shown(f"{t:%H:%M}", t, DHM)
    if style == "yesterday":
        t = _hm(_days_back(fwd, rng, 1))
        return Shown(f"昨天 {t:%H:%M}", t, DHM)
    if style == "yesterday_12h":
        t = _hm(_days_back(fwd, rng, 1))
        return Shown(f"昨天 {hm12(t)}", t, DHM)
    if style == "day_before_12h":
        t = _hm(_days_back(fwd, rng, 2))
        return Shown(f"前天 {hm12(t)}", t, DHM)
    if style == "weekday":
        t = _hm(_days_back(fwd, rng, rng.randint(2, 6)))
        return Shown(f"星期{WEEKDAYS[t.weekday()]} {t:%H:%M}", t, DHM)
    # absolute forms, 1 to 25 days back
    t = _days_back(fwd, rng, rng.randint(1, 25))
    if style == "iso_sec":
        return Shown(f"{t:%Y-%m-%d %H:%M:%S}", t, DHMS)
    t0 = _hm(t)
    if style == "iso_min":
        return Shown(f"{t:%Y-%m-%d %H:%M}", t0, DHM)
    if style == "slash":
        return Shown(f"{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}", t0, DHM)
    if style == "md_dash":
        return Shown(f"{t:%m-%d %H:%M}", t0, DHM)
    if style == "md_cn":
        return Shown(f"{t.month}月{t.day}日 {t:%H:%M}", t0, DHM)
    if style == "md_cn_12h":
        return Shown(f"{t.month}月{t.day}日 {hm12(t)}", t0, DHM)
    if style == "ymd_cn":
        return Shown(f"{t.year}年{t.month}月{t.day}日 {t:%H:%M}", t0, DHM)
    day = t.replace(hour=0, minute=0, second=0)
    if style == "date_only":
        return Shown(f"{t:%Y-%m-%d}", day, DATE)
    if style == "date_cn":
        return Shown(f"{t.year}年{t.month}月{t.day}日", day, DATE)
    if style == "md_only":
        return Shown(f"{t:%m-%d}", day, DATE)
    raise ValueError(style)


def later(after: datetime, before: datetime, rng: random.Random) -> datetime:
    """A moment between two times (for replies), whole minutes."""
    span = max(0, int((before - after).total_seconds() // 60))
    return (after + timedelta(minutes=rng.randint(0, span))).replace(second=0)


def iso(t: datetime) -> str:
    return t.isoformat()


def app_stamp(t: datetime, fwd: datetime, with_time: bool = True) -> str:
    """How a social app labels another item's time relative to the screenshot."""
    delta = fwd - t
    if delta < timedelta(hours=1):
        return f"{max(1, int(delta.total_seconds() // 60))}分钟前"
    if t.date() == fwd.date():
        return f"{int(delta.total_seconds() // 3600)}小时前"
    if (fwd.date() - t.date()).days == 1:
        return f"昨天 {t:%H:%M}" if with_time else "昨天"
    return f"{t:%m-%d %H:%M}" if with_time else f"{t:%m-%d}"
