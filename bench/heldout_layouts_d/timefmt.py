"""Time strings for family d: each kind yields (text, posted_at, components) from forwarded_at."""
from __future__ import annotations

from datetime import datetime, timedelta

FW = str.maketrans("0123456789", "０１２３４５６７８９")
WD = "一二三四五六日"

KINDS = ["iso_sec", "iso", "cn_full", "cn_md", "slash", "md_dash", "ampm_md", "ampm_today", "rel_min",
         "rel_hour", "rel_day", "yesterday", "qiantian", "just_now", "weekday", "zhou", "date_only",
         "yy_dash", "cn_md_fw", "yesterday_ampm"]


def ampm(t: datetime) -> str:
    h = t.hour
    if h < 6:
        p = "凌晨"
    elif h < 12:
        p = "上午"
    elif h < 18:
        p = "下午"
    else:
        p = "晚上"
    h12 = h if h <= 12 else h - 12
    return f"{p}{h12}:{t.minute:02d}"


def make(kind: str, fwd: datetime, rng) -> tuple[str, datetime, list[str]]:
    DHM = ["date", "hour", "minute"]
    back = timedelta(days=rng.randint(3, 40), hours=rng.randint(0, 12), minutes=rng.randint(0, 59))
    p = (fwd - back).replace(second=rng.randint(0, 59))
    if p.year != fwd.year:
        p = p.replace(year=fwd.year, month=1, day=2)
    if kind == "iso_sec":
        return p.strftime("%Y-%m-%d %H:%M:%S"), p, DHM + ["second"]
    p = p.replace(second=0)
    if kind == "iso":
        return p.strftime("%Y-%m-%d %H:%M"), p, DHM
    if kind == "cn_full":
        return f"{p.year}年{p.month}月{p.day}日 {p.hour:02d}:{p.minute:02d}", p, DHM
    if kind == "cn_md":
        return f"{p.month}月{p.day}日 {p.hour:02d}:{p.minute:02d}", p, DHM
    if kind == "cn_md_fw":
        return f"{p.month}月{p.day}日 {p.hour:02d}:{p.minute:02d}".translate(FW), p, DHM
    if kind == "slash":
        return f"{p.year}/{p.month:02d}/{p.day:02d} {p.hour:02d}:{p.minute:02d}", p, DHM
    if kind == "md_dash":
        return p.strftime("%m-%d %H:%M"), p, DHM
    if kind == "yy_dash":
        return f"{p.year % 100}-{p.month}-{p.day} {p.hour:02d}:{p.minute:02d}", p, DHM
    if kind == "ampm_md":
        return f"{p.month}月{p.day}日 {ampm(p)}", p, DHM
    if kind == "date_only":
        q = p.replace(hour=0, minute=0)
        return q.strftime("%Y-%m-%d"), q, ["date"]
    if kind == "ampm_today":
        q = fwd - timedelta(minutes=rng.randint(70, max(71, fwd.hour * 60 - 30)))
        q = q.replace(second=0)
        return f"今天{ampm(q)}" if rng.random() < 0.5 else ampm(q), q, DHM
    if kind == "rel_min":
        n = rng.randint(2, 55)
        q = fwd - timedelta(minutes=n)
        return f"{n}分钟前", q, DHM
    if kind == "rel_hour":
        n = rng.randint(1, min(9, max(1, fwd.hour - 1)))
        q = (fwd - timedelta(hours=n)).replace(minute=0)
        return f"{n}小时前", q, ["date", "hour"]
    if kind == "rel_day":
        n = rng.randint(2, 6)
        q = (fwd - timedelta(days=n)).replace(hour=0, minute=0)
        return f"{n}天前", q, ["date"]
    if kind in ("yesterday", "qiantian", "yesterday_ampm"):
        n = 2 if kind == "qiantian" else 1
        q = (fwd - timedelta(days=n)).replace(hour=rng.randint(7, 22), minute=rng.randint(0, 59))
        word = "前天" if n == 2 else "昨天"
        if kind == "yesterday_ampm":
            return f"{word} {ampm(q)}", q, DHM
        return f"{word} {q.hour:02d}:{q.minute:02d}", q, DHM
    if kind == "just_now":
        return "刚刚", fwd, DHM
    if kind in ("weekday", "zhou"):
        n = rng.randint(2, 6)
        q = (fwd - timedelta(days=n)).replace(hour=rng.randint(7, 22), minute=rng.randint(0, 59))
        w = WD[q.weekday()]
        return (f"星期{w} {q.hour:02d}:{q.minute:02d}" if kind == "weekday" else f"周{w} {ampm(q)}"), q, DHM
    raise ValueError(kind)
