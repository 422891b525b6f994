"""Time strings as the apps show them, and their resolution against the screenshot moment.

``render(style, posted, fw)`` writes a time in one style; ``pick`` draws a past moment that the style
can express. ``resolve(text, fw)`` is written separately from ``render`` and is what the self-check uses
to confirm that the label's ``posted_at`` and components follow from the string on screen.
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

WEEKDAYS = "一二三四五六日"

STYLES = ["min_ago", "hours_ago", "yesterday_hm", "days_ago", "md_hm", "ymd_hm", "ymd_hms", "ymd",
          "md", "cn_ymd_hm", "cn_md_hm", "weekday_hm", "today_hm", "yesterday_cn12", "md_dot_hm"]


def _zero(dt: datetime, comps: list[str]) -> datetime:
    if "second" not in comps:
        dt = dt.replace(second=0)
    if "minute" not in comps:
        dt = dt.replace(minute=0)
    if "hour" not in comps:
        dt = dt.replace(hour=0)
    return dt.replace(microsecond=0)


def pick(rng: random.Random, fw: datetime, style: str) -> tuple[str, datetime, list[str]]:
    """A (text, posted_at, components) triple in ``style`` not after ``fw``."""
    day0 = fw.replace(hour=0, minute=0, second=0, microsecond=0)
    hm = lambda d: d.replace(hour=rng.randint(6, 23), minute=rng.randint(0, 59), second=rng.randint(0, 59))  # noqa: E731
    if style == "min_ago":
        n = rng.randint(2, 55)
        return f"{n}分钟前", _zero(fw - timedelta(minutes=n), ["date", "hour", "minute"]), ["date", "hour", "minute"]
    if style == "hours_ago":
        n = rng.randint(1, 23)
        return f"{n}小时前", _zero(fw - timedelta(hours=n), ["date", "hour"]), ["date", "hour"]
    if style in ("yesterday_hm", "yesterday_cn12"):
        d = hm(day0 - timedelta(days=1))
        c = ["date", "hour", "minute"]
        if style == "yesterday_hm":
            return f"昨天 {d:%H:%M}", _zero(d, c), c
        return f"昨天 {cn12(d)}", _zero(d, c), c
    if style == "days_ago":
        n = rng.randint(2, 6)
        return f"{n}天前", day0 - timedelta(days=n), ["date"]
    if style == "today_hm":
        d = fw - timedelta(minutes=rng.randint(3, max(4, min(600, fw.hour * 60 + fw.minute - 1))))
        c = ["date", "hour", "minute"]
        return f"{d:%H:%M}", _zero(d, c), c
    if style == "weekday_hm":
        n = rng.randint(2, 6)
        d = hm(day0 - timedelta(days=n))
        c = ["date", "hour", "minute"]
        return f"星期{WEEKDAYS[d.weekday()]} {d:%H:%M}", _zero(d, c), c
    # absolute dates: same year when the year is not shown
    shows_year = style in ("ymd_hm", "ymd_hms", "ymd", "cn_ymd_hm")
    max_back = (fw - fw.replace(month=1, day=1)).days
    if shows_year:
        n = rng.randint(2, 200)
    else:
        if max_back < 2:
            return pick(rng, fw, "hours_ago")
        n = rng.randint(2, min(max_back, 90))
    d = hm(day0 - timedelta(days=n))
    if style == "md_hm":
        c = ["date", "hour", "minute"]
        return f"{d:%m-%d %H:%M}", _zero(d, c), c
    if style == "md_dot_hm":
        c = ["date", "hour", "minute"]
        return f"{d.month}.{d.day} {d:%H:%M}", _zero(d, c), c
    if style == "md":
        return f"{d:%m-%d}", _zero(d, []), ["date"]
    if style == "ymd_hm":
        c = ["date", "hour", "minute"]
        return f"{d:%Y-%m-%d %H:%M}", _zero(d, c), c
    if style == "ymd_hms":
        c = ["date", "hour", "minute", "second"]
        return f"{d:%Y-%m-%d %H:%M:%S}", _zero(d, c), c
    if style == "ymd":
        return f"{d:%Y-%m-%d}", _zero(d, []), ["date"]
    if style == "cn_ymd_hm":
        c = ["date", "hour", "minute"]
        return f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}", _zero(d, c), c
    if style == "cn_md_hm":
        c = ["date", "hour", "minute"]
        return f"{d.month}月{d.day}日 {d:%H:%M}", _zero(d, c), c
    raise ValueError(style)


def cn12(d: datetime) -> str:
    """WeChat's 12-hour Chinese clock: 凌晨/早上/上午/中午/下午/晚上 h:mm."""
    h = d.hour
    part = ("凌晨" if h < 6 else "早上" if h < 9 else "上午" if h < 12 else "中午" if h < 13
            else "下午" if h < 18 else "晚上")
    h12 = h if h <= 12 else h - 12
    return f"{part}{h12}:{d:%M}"


def resolve(text: str, fw: datetime) -> tuple[datetime, list[str]]:
    """Absolute time and shown components for a time string, read against the screenshot moment."""
    t = text.strip()
    day0 = fw.replace(hour=0, minute=0, second=0, microsecond=0)
    if m := re.fullmatch(r"(\d+)分钟前", t):
        return (fw - timedelta(minutes=int(m[1]))).replace(second=0, microsecond=0), ["date", "hour", "minute"]
    if m := re.fullmatch(r"(\d+)小时前", t):
        return (fw - timedelta(hours=int(m[1]))).replace(minute=0, second=0, microsecond=0), ["date", "hour"]
    if m := re.fullmatch(r"(\d+)天前", t):
        return day0 - timedelta(days=int(m[1])), ["date"]
    base = day0
    if t.startswith("昨天"):
        base, t = day0 - timedelta(days=1), t[2:].strip()
    elif m := re.match(r"星期(.)\s*", t):
        back = (fw.weekday() - WEEKDAYS.index(m[1])) % 7 or 7
        base, t = day0 - timedelta(days=back), t[m.end():]
    elif m := re.match(r"(?:(\d{4})[-年])?(\d{1,2})[-月.](\d{1,2})日?\s*", t):
        year = int(m[1]) if m[1] else fw.year
        base, t = datetime(year, int(m[2]), int(m[3]), tzinfo=fw.tzinfo), t[m.end():]
        if not t:
            return base, ["date"]
    if m := re.fullmatch(r"(凌晨|早上|上午|中午|下午|晚上)(\d{1,2}):(\d{2})", t):
        h = int(m[2])
        if m[1] in ("下午", "晚上") and h < 12:
            h += 12
        return base.replace(hour=h, minute=int(m[3])), ["date", "hour", "minute"]
    if m := re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", t):
        comps = ["date", "hour", "minute"] + (["second"] if m[3] else [])
        return base.replace(hour=int(m[1]), minute=int(m[2]), second=int(m[3] or 0)), comps
    raise ValueError(f"unreadable time {text!r}")
