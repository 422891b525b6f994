"""Time strings shown on the page and the absolute time a careful reader resolves them to."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from .content import FW

WD = "一二三四五六日"
KINDS = ["iso", "iso_s", "slash_date", "cn_full", "cn_md", "md_dash", "yesterday", "before_yesterday",
         "today_12h", "bare_12h", "weekday", "min_ago", "hour_ago", "day_ago", "just_now", "yy_dash"]


def ampm(dt: datetime) -> str:
    h = dt.hour
    label = "凌晨" if h < 6 else "上午" if h < 12 else "中午" if h < 13 else "下午" if h < 18 else "晚上"
    h12 = h if h <= 12 else h - 12
    return f"{label}{h12}:{dt.minute:02d}"


def make_time(rng: random.Random, fwd: datetime, kind: str, fullwidth: bool = False):
    """Return (shown string, resolved posted_at, components)."""
    dhm = ["date", "hour", "minute"]
    if kind == "just_now":
        return "刚刚", fwd, dhm
    if kind == "min_ago":
        n = rng.randint(2, 55)
        s, p, c = f"{n}分钟前", fwd - timedelta(minutes=n), dhm
    elif kind == "hour_ago":
        n = rng.randint(1, min(12, max(1, fwd.hour)))
        p = (fwd - timedelta(hours=n)).replace(minute=0)
        s, c = f"{n}小时前", dhm[:2]
    elif kind == "day_ago":
        n = rng.randint(2, 6)
        p = (fwd - timedelta(days=n)).replace(hour=0, minute=0)
        s, c = f"{n}天前", ["date"]
    else:
        back = {"yesterday": (1, 1), "before_yesterday": (2, 2), "today_12h": (0, 0), "bare_12h": (0, 0),
                "weekday": (2, 6)}.get(kind, (0, 20))
        days = rng.randint(*back)
        p = fwd - timedelta(days=days)
        if days == 0:
            mins = rng.randint(5, max(6, fwd.hour * 60 + fwd.minute - 1))
            p = fwd - timedelta(minutes=mins)
        else:
            p = p.replace(hour=rng.randint(6, 23), minute=rng.randint(0, 59))
        if p.year != fwd.year:
            p = fwd.replace(hour=0, minute=1)
        sec = rng.randint(0, 59)
        if kind == "iso":
            s = p.strftime("%Y-%m-%d %H:%M")
        elif kind == "iso_s":
            p = p.replace(second=sec)
            s, c = p.strftime("%Y-%m-%d %H:%M:%S"), dhm + ["second"]
        elif kind == "slash_date":
            s, c = f"{p.year}/{p.month}/{p.day}", ["date"]
            p = p.replace(hour=0, minute=0)
        elif kind == "cn_full":
            s = f"{p.year}年{p.month}月{p.day}日 {p.hour:02d}:{p.minute:02d}"
        elif kind == "cn_md":
            s = f"{p.month}月{p.day}日 {p.hour:02d}:{p.minute:02d}"
        elif kind == "md_dash":
            s = p.strftime("%m-%d %H:%M")
        elif kind == "yy_dash":
            s = f"{p.year % 100}-{p.month}-{p.day} {p.hour:02d}:{p.minute:02d}"
        elif kind == "yesterday":
            s = rng.choice([f"昨天 {p.hour:02d}:{p.minute:02d}", f"昨天{ampm(p)}"])
        elif kind == "before_yesterday":
            s = f"前天 {p.hour:02d}:{p.minute:02d}"
        elif kind == "today_12h":
            s = rng.choice([f"今天{ampm(p)}", f"今天 {p.hour:02d}:{p.minute:02d}"])
        elif kind == "bare_12h":
            s = rng.choice([ampm(p), f"{p.hour:02d}:{p.minute:02d}"])
        elif kind == "weekday":
            s = f"{rng.choice(['星期', '周'])}{WD[p.weekday()]} {p.hour:02d}:{p.minute:02d}"
        else:
            raise ValueError(kind)
        if kind not in ("iso_s", "slash_date"):
            c = dhm
    p = p.replace(second=p.second if "second" in c else 0, microsecond=0)
    if fullwidth:
        s = s.translate(FW)
    return s, p, c
