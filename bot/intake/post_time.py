"""Resolve the post times that platforms show ("3小时前", "昨天 14:02", "11-23") to aware datetimes.

Platforms show relative or partial times; they are relative to when the citizen's post was
seen, which for us is when the screenshot was forwarded to the bot (`forwarded_at`).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

_TIME = r"(?P<h>[01]?\d|2[0-3])[:：](?P<mi>[0-5]\d)(?:[:：](?P<s>[0-5]\d))?"
_ABSOLUTE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<mo>1[0-2]|0?[1-9])\s*[-/.月]\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*日?"
    r"(?:\s*" + _TIME + r")?"
)
_MONTH_DAY = re.compile(
    r"(?<![\d.:/-])(?P<mo>1[0-2]|0?[1-9])\s*[-/月]\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*日?(?![\d.:/])(?:\s*" + _TIME + r")?"
)
_AGO = re.compile(r"(?P<n>\d+)\s*(?P<unit>秒|分钟|分|小时|个小时|天|日|周|星期|个月|月|年)前")
_DAY_WORD = re.compile(r"(?P<w>今天|昨天|前天)\s*(?:" + _TIME + r")?")
_JUST_NOW = re.compile(r"刚刚|刚才")
_TIME_ONLY = re.compile(r"(?<![\d:：])" + _TIME + r"(?![\d:：])")

_AGO_UNITS = {
    "秒": timedelta(seconds=1),
    "分钟": timedelta(minutes=1),
    "分": timedelta(minutes=1),
    "小时": timedelta(hours=1),
    "个小时": timedelta(hours=1),
    "天": timedelta(days=1),
    "日": timedelta(days=1),
    "周": timedelta(weeks=1),
    "星期": timedelta(weeks=1),
    "个月": timedelta(days=30),
    "月": timedelta(days=30),
    "年": timedelta(days=365),
}


def to_shanghai(moment: datetime) -> datetime:
    """Naive datetimes are taken as Shanghai wall time (that is what the chat platforms send)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=SHANGHAI)
    return moment.astimezone(SHANGHAI)


def _clock(m: re.Match[str], base: datetime) -> datetime:
    if m.group("h") is None:
        return base.replace(hour=0, minute=0, second=0, microsecond=0)
    return base.replace(hour=int(m.group("h")), minute=int(m.group("mi")), second=int(m.group("s") or 0), microsecond=0)


def resolve_post_time(text: str, forwarded_at: datetime) -> datetime | None:
    """First time expression in `text` as an aware Asia/Shanghai datetime, or None."""
    now = to_shanghai(forwarded_at)
    candidates: list[tuple[int, datetime]] = []

    if m := _ABSOLUTE.search(text):
        try:
            day = datetime(int(m.group("y")), int(m.group("mo")), int(m.group("d")), tzinfo=SHANGHAI)
            candidates.append((m.start(), _clock(m, day)))
        except ValueError:
            pass
    if m := _JUST_NOW.search(text):
        candidates.append((m.start(), now.replace(microsecond=0)))
    if m := _AGO.search(text):
        delta = _AGO_UNITS[m.group("unit")] * int(m.group("n"))
        candidates.append((m.start(), (now - delta).replace(microsecond=0)))
    if m := _DAY_WORD.search(text):
        back = {"今天": 0, "昨天": 1, "前天": 2}[m.group("w")]
        candidates.append((m.start(), _clock(m, now - timedelta(days=back))))
    if not candidates:
        for m in _MONTH_DAY.finditer(text):
            try:
                day = datetime(now.year, int(m.group("mo")), int(m.group("d")), tzinfo=SHANGHAI)
            except ValueError:
                continue
            # A month-day without a year that lies in the future is from last year
            # (a post from 12-30 forwarded on 01-02).
            if day - now > timedelta(days=1):
                day = day.replace(year=now.year - 1)
            candidates.append((m.start(), _clock(m, day)))
            break
    if not candidates and (m := _TIME_ONLY.search(text)):
        # A bare clock time is today's (WeChat and Douyin drop the date for today's posts).
        moment = _clock(m, now)
        if moment - now > timedelta(minutes=5):
            moment -= timedelta(days=1)
        candidates.append((m.start(), moment))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]
