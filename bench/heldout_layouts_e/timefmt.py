"""Time strings as phone apps show them, with the absolute time a careful reader would resolve."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
FW = str.maketrans("0123456789", "０１２３４５６７８９")
DHM = ["date", "hour", "minute"]


def random_forwarded(rng: random.Random) -> datetime:
    day = datetime(2025, 1, 1, tzinfo=TZ) + timedelta(days=rng.randrange(0, 365))
    return day.replace(hour=rng.randint(7, 23), minute=rng.randrange(60))


def period(h: int) -> str:
    if h < 6:
        return "凌晨"
    if h < 9:
        return "早上"
    if h < 12:
        return "上午"
    if h < 13:
        return "中午"
    if h < 18:
        return "下午"
    return "晚上"


def h12(h: int) -> int:
    return h % 12 or 12


def ampm(dt: datetime) -> str:
    return f"{period(dt.hour)}{h12(dt.hour)}:{dt.minute:02d}"


def _past(rng, fwd, lo_min, hi_min, same_year=True):
    for _ in range(20):
        dt = fwd - timedelta(minutes=rng.randint(lo_min, hi_min))
        if not same_year or dt.year == fwd.year:
            return dt.replace(second=0)
    return fwd.replace(month=1, day=1, hour=9, minute=rng.randrange(60), second=0) \
        if fwd > fwd.replace(month=1, day=1, hour=10) else fwd - timedelta(minutes=1)


def make_time(rng: random.Random, fwd: datetime, style: str):
    """Returns (string as shown, posted_at datetime, components)."""
    if style == "abs_sec":
        dt = _past(rng, fwd, 60, 60 * 24 * 40, False).replace(second=rng.randrange(60))
        if dt > fwd:
            dt = dt.replace(second=0)
        return dt.strftime("%Y-%m-%d %H:%M:%S"), dt, DHM + ["second"]
    if style == "abs_min":
        dt = _past(rng, fwd, 60, 60 * 24 * 40, False)
        return dt.strftime("%Y-%m-%d %H:%M"), dt, DHM
    if style == "abs_slash":
        dt = _past(rng, fwd, 60, 60 * 24 * 40, False)
        return f"{dt.year}/{dt.month}/{dt.day} {dt.hour}:{dt.minute:02d}", dt, DHM
    if style == "cn_full":
        dt = _past(rng, fwd, 60, 60 * 24 * 40, False)
        return f"{dt.year}年{dt.month}月{dt.day}日 {dt:%H:%M}", dt, DHM
    if style == "yearless":
        dt = _past(rng, fwd, 60 * 30, 60 * 24 * 30)
        return f"{dt:%m-%d %H:%M}", dt, DHM
    if style == "cn_yearless":
        dt = _past(rng, fwd, 60 * 30, 60 * 24 * 30)
        return f"{dt.month}月{dt.day}日 {dt:%H:%M}", dt, DHM
    if style == "fullwidth":
        dt = _past(rng, fwd, 60 * 30, 60 * 24 * 30, False)
        return f"{dt.year}年{dt.month}月{dt.day}日 {dt:%H:%M}".translate(FW), dt, DHM
    if style == "fullwidth_yearless":
        dt = _past(rng, fwd, 60 * 30, 60 * 24 * 30)
        return f"{dt.month}月{dt.day}日 {dt:%H:%M}".translate(FW), dt, DHM
    if style == "date_only":
        dt = _past(rng, fwd, 60 * 24, 60 * 24 * 40, False)
        dt = dt.replace(hour=0, minute=0)
        return f"{dt:%Y-%m-%d}", dt, ["date"]
    if style == "md_dash":
        dt = _past(rng, fwd, 60 * 24 * 3, 60 * 24 * 40).replace(hour=0, minute=0)
        return f"{dt:%m-%d}", dt, ["date"]
    if style == "cn_date_only":
        dt = _past(rng, fwd, 60 * 24, 60 * 24 * 30).replace(hour=0, minute=0)
        return f"{dt.month}月{dt.day}日", dt, ["date"]
    if style == "today_ampm":
        dt = _past(rng, fwd, 3, min(400, fwd.hour * 60 + fwd.minute - 1))
        if dt.date() == fwd.date():
            return ampm(dt), dt, DHM
        style = "yesterday_ampm"
    if style == "today_hm":
        dt = _past(rng, fwd, 3, min(400, fwd.hour * 60 + fwd.minute - 1))
        if dt.date() == fwd.date():
            return f"{dt:%H:%M}", dt, DHM
        style = "yesterday_hm"
    if style in ("yesterday_ampm", "yesterday_hm", "qiantian_hm"):
        back = 2 if style == "qiantian_hm" else 1
        dt = (fwd - timedelta(days=back)).replace(hour=rng.randint(6, 23), minute=rng.randrange(60), second=0)
        word = "前天" if back == 2 else "昨天"
        shown = f"{word} {ampm(dt)}" if style == "yesterday_ampm" else f"{word} {dt:%H:%M}"
        return shown, dt, DHM
    if style == "qiantian":
        dt = (fwd - timedelta(days=2)).replace(hour=0, minute=0, second=0)
        return "前天", dt, ["date"]
    if style == "yesterday":
        dt = (fwd - timedelta(days=1)).replace(hour=0, minute=0, second=0)
        return "昨天", dt, ["date"]
    if style == "weekday":
        dt = (fwd - timedelta(days=rng.randint(2, 6))).replace(hour=rng.randint(7, 22), minute=rng.randrange(60), second=0)
        return f"{WEEKDAYS[dt.weekday()]} {dt:%H:%M}", dt, DHM
    if style == "weekday_ampm":
        dt = (fwd - timedelta(days=rng.randint(2, 6))).replace(hour=rng.randint(7, 22), minute=rng.randrange(60), second=0)
        return f"{WEEKDAYS[dt.weekday()]} {ampm(dt)}", dt, DHM
    if style == "min_ago":
        n = rng.randint(1, 58)
        dt = (fwd - timedelta(minutes=n)).replace(second=0)
        return f"{n}分钟前", dt, DHM
    if style == "hour_ago":
        n = rng.randint(1, 23)
        dt = (fwd - timedelta(hours=n)).replace(minute=0, second=0)
        return f"{n}小时前", dt, ["date", "hour"]
    if style == "day_ago":
        n = rng.randint(2, 9)
        dt = (fwd - timedelta(days=n)).replace(hour=0, minute=0, second=0)
        return f"{n}天前", dt, ["date"]
    if style == "cn_md_ampm":
        dt = _past(rng, fwd, 60 * 24 * 8, 60 * 24 * 60)
        return f"{dt.month}月{dt.day}日 {ampm(dt)}", dt, DHM
    if style == "cn_ymd_ampm":
        dt = _past(rng, fwd, 60 * 24 * 8, 60 * 24 * 60, False)
        return f"{dt.year}年{dt.month}月{dt.day}日 {ampm(dt)}", dt, DHM
    raise ValueError(style)


def chrome_time(rng: random.Random, fwd: datetime, after: datetime | None = None) -> str:
    """A time string for a distractor (comment, reply), not before the post when `after` is given; not labelled."""
    for _ in range(12):
        style = rng.choice(["min_ago", "hour_ago", "day_ago", "yesterday_hm", "cn_yearless", "yearless"])
        shown, dt, _ = make_time(rng, fwd, style)
        if after is None or dt >= after:
            return shown
    return "刚刚"
