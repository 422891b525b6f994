"""Time strings as platforms show them, and the absolute time a careful reader resolves them to.

Each format is a function (rng, forwarded_at) -> Stamp. It picks a posting time that the format can
show, renders it, and returns the resolved label: components that the string does not show are
zeroed, relative strings count back from forwarded_at, a year-less date is in forwarded_at's year.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from .content import FULLWIDTH

WEEK = "一二三四五六日"
CN_NUM = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
          "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三"]


@dataclass
class Stamp:
    text: str
    at: datetime          # resolved label value
    components: list[str]


DHM = ["date", "hour", "minute"]
DHMS = ["date", "hour", "minute", "second"]
D = ["date"]
DH = ["date", "hour"]


def _back(rng: random.Random, fwd: datetime, lo_h: float, hi_h: float) -> datetime:
    t = fwd - timedelta(minutes=rng.randint(int(lo_h * 60), int(hi_h * 60)))
    return t.replace(second=rng.randrange(60))


def _ampm(t: datetime, style: int = 0) -> str:
    h = t.hour
    if h < 6:
        part = "凌晨"
    elif h < 12:
        part = "上午"
    elif h < 13:
        part = "中午"
    elif h < 18:
        part = "下午"
    else:
        part = "晚上"
    h12 = h if h <= 12 else h - 12
    if part == "凌晨" and h == 0:
        h12 = 12 if style else 0
    return f"{part}{h12}:{t.minute:02d}"


def _day_back(rng: random.Random, fwd: datetime, days: int) -> datetime:
    hour = rng.randint(7, 23) if rng.random() < 0.88 else rng.randint(0, 6)
    d = (fwd - timedelta(days=days)).replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60))
    return d


def _z(t: datetime, comps: list[str]) -> datetime:
    if "second" not in comps:
        t = t.replace(second=0)
    if "minute" not in comps:
        t = t.replace(minute=0)
    if "hour" not in comps:
        t = t.replace(hour=0)
    return t.replace(microsecond=0)


def _older(rng: random.Random, fwd: datetime, lo: int = 2, hi: int = 40) -> datetime:
    return _day_back(rng, fwd, rng.randint(lo, hi))


def _same_year(rng: random.Random, fwd: datetime, lo: int = 2, hi: int = 40) -> datetime:
    for _ in range(20):
        t = _older(rng, fwd, lo, hi)
        if t.year == fwd.year:
            return t
    return _day_back(rng, fwd, 0).replace(hour=0, minute=max(0, fwd.minute - 1)) if fwd.hour == 0 else \
        _back(rng, fwd, 0.2, max(0.3, fwd.hour - 0.1))


def f_iso_sec(rng, fwd):
    t = _older(rng, fwd, 1, 60)
    return Stamp(t.strftime("%Y-%m-%d %H:%M:%S"), _z(t, DHMS), DHMS)


def f_iso(rng, fwd):
    t = _older(rng, fwd, 1, 60)
    return Stamp(t.strftime("%Y-%m-%d %H:%M"), _z(t, DHM), DHM)


def f_slash(rng, fwd):
    t = _older(rng, fwd, 1, 60)
    return Stamp(f"{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}", _z(t, DHM), DHM)


def f_slash_date(rng, fwd):
    t = _older(rng, fwd, 2, 90)
    return Stamp(f"{t.year}/{t.month:02d}/{t.day:02d}", _z(t, D), D)


def f_cn(rng, fwd):
    t = _older(rng, fwd, 1, 60)
    return Stamp(f"{t.year}年{t.month}月{t.day}日 {t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)


def f_cn_date(rng, fwd):
    t = _older(rng, fwd, 2, 120)
    return Stamp(f"{t.year}年{t.month:02d}月{t.day:02d}日", _z(t, D), D)


def f_md_cn(rng, fwd):
    t = _same_year(rng, fwd)
    return Stamp(f"{t.month}月{t.day}日 {t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)


def f_md_dash(rng, fwd):
    t = _same_year(rng, fwd)
    return Stamp(f"{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)


def f_md_short(rng, fwd):
    t = _same_year(rng, fwd)
    return Stamp(f"{t.month}-{t.day}", _z(t, D), D)


def f_yy(rng, fwd):
    t = _older(rng, fwd, 2, 200)
    return Stamp(f"{t.year % 100:02d}-{t.month}-{t.day} {t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)


def f_yy_date(rng, fwd):
    t = _older(rng, fwd, 30, 300)
    return Stamp(f"{t.year % 100:02d}/{t.month:02d}/{t.day:02d}", _z(t, D), D)


def f_dot(rng, fwd):
    t = _older(rng, fwd, 1, 60)
    return Stamp(f"{t.year}.{t.month:02d}.{t.day:02d} {t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)


def f_yesterday(rng, fwd):
    t = _day_back(rng, fwd, 1)
    return Stamp(f"昨天 {t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)


def f_yesterday_ampm(rng, fwd):
    t = _day_back(rng, fwd, 1)
    return Stamp(f"昨天 {_ampm(t)}", _z(t, DHM), DHM)


def f_before_yesterday(rng, fwd):
    t = _day_back(rng, fwd, 2)
    sep = rng.choice(["", " "])
    return Stamp(f"前天{sep}{_ampm(t)}" if rng.random() < 0.6 else f"前天 {t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)


def f_today(rng, fwd):
    t = _back(rng, fwd, 0.1, max(0.2, fwd.hour + fwd.minute / 60 - 0.1))
    if t.date() != fwd.date():
        t = fwd.replace(hour=0, minute=0, second=5)
    if rng.random() < 0.5:
        return Stamp(f"今天 {t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)
    return Stamp(f"今天{_ampm(t)}", _z(t, DHM), DHM)


def f_clock_only(rng, fwd):
    """A bare HH:MM means today (chat lists, WeChat separators)."""
    t = _back(rng, fwd, 0.05, max(0.1, fwd.hour + fwd.minute / 60 - 0.1))
    if t.date() != fwd.date():
        t = fwd.replace(hour=0, minute=0, second=5)
    return Stamp(f"{t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)


def f_weekday(rng, fwd):
    t = _day_back(rng, fwd, rng.randint(2, 6))
    w = "星期" if rng.random() < 0.6 else "周"
    tm = _ampm(t) if rng.random() < 0.5 else f"{t.hour:02d}:{t.minute:02d}"
    return Stamp(f"{w}{WEEK[t.weekday()]} {tm}", _z(t, DHM), DHM)


def f_minutes(rng, fwd):
    n = rng.randint(2, 58)
    t = fwd - timedelta(minutes=n)
    return Stamp(f"{n}分钟前", _z(t, DHM), DHM)


def f_half_hour(rng, fwd):
    return Stamp("半小时前", _z(fwd - timedelta(minutes=30), DHM), DHM)


def f_hours(rng, fwd):
    n = rng.randint(1, 20)
    t = fwd - timedelta(hours=n)
    return Stamp(f"{n}小时前", _z(t, DH), DH)


def f_hours_cn(rng, fwd):
    n = rng.randint(2, 9)
    t = fwd - timedelta(hours=n)
    return Stamp(f"{CN_NUM[n]}小时前", _z(t, DH), DH)


def f_days(rng, fwd):
    n = rng.randint(2, 6)
    t = fwd - timedelta(days=n)
    return Stamp(f"{n}天前", _z(t, D), D)


def f_days_cn(rng, fwd):
    n = rng.randint(2, 6)
    t = fwd - timedelta(days=n)
    return Stamp(f"{CN_NUM[n]}天前", _z(t, D), D)


def f_just_now(rng, fwd):
    return Stamp("刚刚", _z(fwd, DHM), DHM)


FORMATS = {k[2:]: v for k, v in dict(globals()).items() if k.startswith("f_")}


def stamp(rng: random.Random, fwd: datetime, name: str, fullwidth: bool = False) -> Stamp:
    s = FORMATS[name](rng, fwd)
    assert s.at <= fwd, (name, s, fwd)
    if fullwidth:
        s.text = s.text.translate(FULLWIDTH)
    return s


def cycle(rng: random.Random, names: list[str], k: int) -> str:
    """Layouts cycle through their own formats so a small set covers most of them."""
    return names[k % len(names)]


def f_ymd(rng, fwd):
    t = _older(rng, fwd, 30, 300)
    return Stamp(t.strftime("%Y-%m-%d"), _z(t, D), D)


def f_md_dash_nz(rng, fwd):
    t = _same_year(rng, fwd)
    return Stamp(f"{t.month}-{t.day} {t.hour:02d}:{t.minute:02d}", _z(t, DHM), DHM)


def f_md_cn_ampm(rng, fwd):
    t = _same_year(rng, fwd, 7, 40)
    return Stamp(f"{t.month}月{t.day}日 {_ampm(t)}", _z(t, DHM), DHM)


FORMATS.update(ymd=f_ymd, md_dash_nz=f_md_dash_nz, md_cn_ampm=f_md_cn_ampm)


def chat_time(t: datetime, fwd: datetime) -> str:
    """How a chat app labels a message time t seen at fwd."""
    days = (fwd.date() - t.date()).days
    hm = f"{t.hour:02d}:{t.minute:02d}"
    if days == 0:
        return hm
    if days == 1:
        return f"昨天 {hm}"
    if days < 7:
        return f"星期{WEEK[t.weekday()]} {hm}"
    if t.year == fwd.year:
        return f"{t.month}月{t.day}日 {hm}"
    return f"{t.year}年{t.month}月{t.day}日 {hm}"


def rel_after(rng: random.Random, posted: datetime, fwd: datetime, style: str = "douyin") -> str:
    """A time string for a reply made after the post (a distractor)."""
    span = max(60, int((fwd - posted).total_seconds()))
    t = posted + timedelta(seconds=rng.randint(span // 4, span))
    if t > fwd:
        t = fwd
    age = fwd - t
    if age < timedelta(minutes=1):
        return "刚刚"
    if age < timedelta(hours=1):
        return f"{int(age.total_seconds() // 60)}分钟前"
    if age < timedelta(hours=24) and t.date() == fwd.date():
        return f"{int(age.total_seconds() // 3600)}小时前"
    if (fwd.date() - t.date()).days == 1:
        return f"昨天 {t.hour:02d}:{t.minute:02d}"
    if style == "weibo":
        return f"{t.month}-{t.day} {t.hour:02d}:{t.minute:02d}"
    if age < timedelta(days=7):
        return f"{age.days}天前"
    return f"{t.month:02d}-{t.day:02d}"


def between(rng: random.Random, a: datetime, b: datetime, lo: float = 0.1, hi: float = 0.9) -> datetime:
    span = (b - a).total_seconds()
    return (a + timedelta(seconds=span * rng.uniform(lo, hi))).replace(microsecond=0)
