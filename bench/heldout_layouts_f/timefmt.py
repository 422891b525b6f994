"""Time strings for family f: each returns (posted_at datetime, shown string, components)."""
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
WEEK = "一二三四五六日"
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def forwarded(rng):
    start = datetime(2025, 1, 8, tzinfo=TZ)
    day = start + timedelta(days=rng.randrange(0, 350))
    return day.replace(hour=rng.randrange(8, 23), minute=rng.randrange(60))


def _earlier(rng, fwd, max_days=40, min_days=0):
    """A random moment before fwd, between min_days and max_days days earlier."""
    while True:
        t = fwd - timedelta(days=rng.randint(min_days, max_days),
                            minutes=rng.randrange(0, 24 * 60), seconds=rng.randrange(60))
        if t < fwd and t.year == 2025 or (t < fwd and t.year == 2024):
            return t


def zero(t, comps):
    if "second" not in comps:
        t = t.replace(second=0)
    if "minute" not in comps:
        t = t.replace(minute=0)
    if "hour" not in comps:
        t = t.replace(hour=0)
    return t


def ampm(h):
    if h < 6:
        return "凌晨", h
    if h < 12:
        return "上午", h
    if h < 13:
        return "中午", h
    if h < 18:
        return "下午", h - 12
    return "晚上", h - 12


def chat_stamp(rng, fwd, style="pc"):
    """WeChat/QQ-style centred stamp. style 'pc' uses 24 h, 'phone' uses 上午/下午."""
    kind = rng.choice(["today", "yesterday", "week", "date", "date"])
    if kind == "today" and fwd.hour * 60 + fwd.minute > 30:
        t = fwd - timedelta(minutes=rng.randrange(2, min(fwd.hour * 60 + fwd.minute, 300)))
        day = ""
    elif kind == "yesterday":
        t = (fwd - timedelta(days=1)).replace(hour=rng.randrange(7, 24), minute=rng.randrange(60))
        day = "昨天 "
    elif kind == "week":
        t = (fwd - timedelta(days=rng.randint(2, 6))).replace(hour=rng.randrange(7, 24), minute=rng.randrange(60))
        day = "星期" + WEEK[t.weekday()] + " "
    else:
        t = _earlier(rng, fwd, 60, 8)
        day = rng.choice([f"{t.year}年{t.month}月{t.day}日 ", f"{t.month}月{t.day}日 "]) if t.year == fwd.year \
            else f"{t.year}年{t.month}月{t.day}日 "
    if style == "phone":
        p, h = ampm(t.hour)
        s = f"{day}{p}{h}:{t.minute:02d}"
    else:
        s = f"{day}{t.hour:02d}:{t.minute:02d}" if rng.random() < 0.8 else f"{day}{t.hour}:{t.minute:02d}"
    comps = ["date", "hour", "minute"]
    return zero(t, comps), s.strip(), comps


def web_stamp(rng, fwd, kinds=None):
    """Time strings seen on web pages."""
    kinds = kinds or ["full", "sec", "noyear", "cn", "fw", "dateonly", "min", "hour", "days", "yday", "qian"]
    kind = rng.choice(kinds)
    if kind == "min":
        n = rng.randint(2, 59)
        t = fwd - timedelta(minutes=n)
        return zero(t, ["date", "hour", "minute"]), f"{n}分钟前", ["date", "hour", "minute"]
    if kind == "hour":
        n = rng.randint(1, min(12, max(1, fwd.hour)))
        t = fwd - timedelta(hours=n)
        return zero(t, ["date", "hour"]), f"{n}小时前", ["date", "hour"]
    if kind == "days":
        n = rng.randint(2, 6)
        t = fwd - timedelta(days=n)
        return zero(t, ["date"]), f"{n}天前", ["date"]
    if kind == "yday":
        t = (fwd - timedelta(days=1)).replace(hour=rng.randrange(0, 24), minute=rng.randrange(60))
        return zero(t, ["date", "hour", "minute"]), f"昨天 {t.hour:02d}:{t.minute:02d}", ["date", "hour", "minute"]
    if kind == "qian":
        t = (fwd - timedelta(days=2)).replace(hour=rng.randrange(0, 24), minute=rng.randrange(60))
        return zero(t, ["date", "hour", "minute"]), f"前天 {t.hour:02d}:{t.minute:02d}", ["date", "hour", "minute"]
    t = _earlier(rng, fwd, 45, 1)
    if kind == "full":
        c = ["date", "hour", "minute"]
        s = f"{t:%Y-%m-%d %H:%M}"
    elif kind == "sec":
        c = ["date", "hour", "minute", "second"]
        s = f"{t:%Y-%m-%d %H:%M:%S}"
    elif kind == "noyear":
        if t.year != fwd.year:
            t = fwd - timedelta(hours=rng.randint(30, 150))
        c = ["date", "hour", "minute"]
        s = f"{t:%m-%d %H:%M}"
    elif kind == "cn":
        c = ["date", "hour", "minute"]
        s = f"{t.year}年{t.month}月{t.day}日 {t.hour:02d}:{t.minute:02d}"
    elif kind == "fw":
        c = ["date", "hour", "minute"]
        s = f"{t:%Y-%m-%d %H:%M}".translate(FW)
    else:
        c = ["date"]
        s = f"{t:%Y-%m-%d}"
    return zero(t, c), s, c


def taskbar_strings(fwd):
    return f"{fwd.hour}:{fwd.minute:02d}", f"{fwd.year}/{fwd.month}/{fwd.day}"


def distractor_time(rng, fwd):
    t = _earlier(rng, fwd, 30, 0)
    return rng.choice([f"{t:%Y-%m-%d}", f"{t:%m-%d %H:%M}", f"{t:%Y-%m-%d %H:%M}"])
