"""Display strings for post times, each paired with the absolute time a reader would resolve it to.

Every platform shows times its own way (absolute, year-less, relative, weekday, 12-hour); the
label is the time a careful reader computes from the string and the moment of the screenshot
(forwarded_at). Components the string does not show are zeroed in posted_at and left out of
posted_at_components, so "3小时前" resolves to the hour and "2天前" to the date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from random import Random

TZ = timezone(timedelta(hours=8))
WEEKDAYS = "一二三四五六日"
FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

DATE = ("date",)
DATE_HOUR = ("date", "hour")
DATE_MINUTE = ("date", "hour", "minute")
DATE_SECOND = ("date", "hour", "minute", "second")


@dataclass(frozen=True)
class ShownTime:
    text: str
    posted_at: datetime
    components: tuple[str, ...]


def to_fullwidth(text: str) -> str:
    return text.translate(FULLWIDTH_DIGITS)


def twelve_hour(moment: datetime) -> str:
    """WeChat-style 12-hour clock. Posts are kept between 09:00 and 22:59, so only these four words occur
    (the early-morning words 凌晨/早上 are left out on purpose: their exact hour ranges vary by app version)."""
    hour = moment.hour
    if hour < 12:
        word, shown = "上午", hour
    elif hour == 12:
        word, shown = "中午", 12
    elif hour < 19:
        word, shown = "下午", hour - 12
    else:
        word, shown = "晚上", hour - 12
    return f"{word}{shown}:{moment.minute:02d}"


def _clock(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _at(day: datetime, rng: Random, latest: datetime | None = None) -> datetime:
    """A random posting minute on `day` between 09:00 and 22:59 (and before `latest` if given)."""
    start = day.replace(hour=9, minute=0, second=0, microsecond=0)
    end = day.replace(hour=22, minute=59, second=0, microsecond=0)
    if latest is not None:
        end = min(end, latest - timedelta(minutes=1))
    span = max(0, int((end - start).total_seconds() // 60))
    return start + timedelta(minutes=rng.randint(0, span), seconds=rng.randint(0, 59))


def _days_back(fwd: datetime, days: int, rng: Random) -> datetime:
    return _at(fwd - timedelta(days=days), rng)


def _same_year_days(fwd: datetime, rng: Random, low: int, high: int) -> int | None:
    """Days back that keep the post in the screenshot's year (year-less strings resolve to that year)."""
    high = min(high, fwd.timetuple().tm_yday - 1)
    return rng.randint(low, high) if high >= low else None


def _zero(moment: datetime, components: tuple[str, ...]) -> datetime:
    if "second" not in components:
        moment = moment.replace(second=0)
    if "minute" not in components:
        moment = moment.replace(minute=0)
    if "hour" not in components:
        moment = moment.replace(hour=0)
    return moment.replace(microsecond=0)


def _relative(kind: str, fwd: datetime, rng: Random) -> tuple[str, datetime, tuple[str, ...]] | None:
    if kind == "just_now":
        return "刚刚", fwd, DATE_MINUTE
    if kind == "minutes_ago":
        n = rng.randint(2, 55)
        return f"{n}分钟前", fwd - timedelta(minutes=n), DATE_MINUTE
    if kind == "half_hour":
        return "半小时前", fwd - timedelta(minutes=30), DATE_MINUTE
    if kind == "hours_ago":
        n = rng.randint(1, 23)
        return f"{n}小时前", fwd - timedelta(hours=n), DATE_HOUR
    if kind == "days_ago":
        n = rng.randint(2, 6)
        return f"{n}天前", fwd - timedelta(days=n), DATE
    return None


def _recent_day(kind: str, fwd: datetime, rng: Random) -> tuple[str, datetime, tuple[str, ...]] | None:
    if kind in ("yesterday_hm", "yesterday_ampm"):
        moment = _days_back(fwd, 1, rng)
        clock = _clock(moment) if kind == "yesterday_hm" else twelve_hour(moment)
        return f"昨天 {clock}", moment, DATE_MINUTE
    if kind == "day_before_hm":
        moment = _days_back(fwd, 2, rng)
        return f"前天 {_clock(moment)}", moment, DATE_MINUTE
    if kind in ("today_hm", "today_ampm", "ampm", "hm"):
        moment = _at(fwd, rng, latest=fwd)
        text = {
            "today_hm": f"今天 {_clock(moment)}",
            "today_ampm": f"今天{twelve_hour(moment)}",
            "ampm": twelve_hour(moment),
            "hm": _clock(moment),
        }[kind]
        return text, moment, DATE_MINUTE
    if kind == "weekday_hm":
        moment = _days_back(fwd, rng.randint(2, 6), rng)
        return f"星期{WEEKDAYS[moment.weekday()]} {_clock(moment)}", moment, DATE_MINUTE
    return None


YEARLESS = {
    "md_cn": (lambda m: f"{m.month}月{m.day}日", DATE),
    "md_cn_hm": (lambda m: f"{m.month}月{m.day}日 {_clock(m)}", DATE_MINUTE),
    "md_cn_ampm": (lambda m: f"{m.month}月{m.day}日 {twelve_hour(m)}", DATE_MINUTE),
    "md_dash": (lambda m: f"{m.month:02d}-{m.day:02d}", DATE),
    "md_dash_hm": (lambda m: f"{m.month:02d}-{m.day:02d} {_clock(m)}", DATE_MINUTE),
    "md_dash_short_hm": (lambda m: f"{m.month}-{m.day} {_clock(m)}", DATE_MINUTE),
}

WITH_YEAR = {
    "iso_date": (lambda m: f"{m.year}-{m.month:02d}-{m.day:02d}", DATE),
    "iso_hm": (lambda m: f"{m.year}-{m.month:02d}-{m.day:02d} {_clock(m)}", DATE_MINUTE),
    "iso_hms": (lambda m: f"{m.year}-{m.month:02d}-{m.day:02d} {_clock(m)}:{m.second:02d}", DATE_SECOND),
    "slash_date": (lambda m: f"{m.year}/{m.month}/{m.day}", DATE),
    "slash_hm": (lambda m: f"{m.year}/{m.month}/{m.day} {_clock(m)}", DATE_MINUTE),
    "cn_date": (lambda m: f"{m.year}年{m.month}月{m.day}日", DATE),
    "cn_hm": (lambda m: f"{m.year}年{m.month}月{m.day}日 {_clock(m)}", DATE_MINUTE),
    "cn_ampm": (lambda m: f"{m.year}年{m.month}月{m.day}日 {twelve_hour(m)}", DATE_MINUTE),
    "short_year_hm": (lambda m: f"{m.year % 100}-{m.month}-{m.day} {_clock(m)}", DATE_MINUTE),
}

ALL_KINDS = (
    "just_now", "minutes_ago", "half_hour", "hours_ago", "days_ago",
    "yesterday_hm", "yesterday_ampm", "day_before_hm", "today_hm", "today_ampm", "ampm", "hm", "weekday_hm",
    *YEARLESS, *WITH_YEAR,
)


def make_time(kind: str, fwd: datetime, rng: Random, fullwidth: bool = False) -> ShownTime:
    """A posting time shown as `kind`, resolved against the screenshot moment `fwd`."""
    made = _relative(kind, fwd, rng) or _recent_day(kind, fwd, rng)
    if made is None and kind in YEARLESS:
        days = _same_year_days(fwd, rng, 7, 200)
        if days is None:  # early January: a year-less date would be last year, which pages spell out
            kind = "iso_hm"
        else:
            fmt, comps = YEARLESS[kind]
            moment = _days_back(fwd, days, rng)
            made = fmt(moment), moment, comps
    if made is None:
        if kind not in WITH_YEAR:
            raise ValueError(f"unknown time kind {kind!r}")
        fmt, comps = WITH_YEAR[kind]
        moment = _days_back(fwd, rng.randint(1, 400), rng)
        made = fmt(moment), moment, comps
    text, moment, comps = made
    return ShownTime(to_fullwidth(text) if fullwidth else text, _zero(moment, comps), comps)


def relative_text(moment: datetime, fwd: datetime) -> str:
    """How feeds label other people's comments: 刚刚, N分钟前, N小时前, N天前, then MM-DD."""
    seconds = (fwd - moment).total_seconds()
    if seconds < 60:
        return "刚刚"
    if seconds < 3600:
        return f"{int(seconds // 60)}分钟前"
    if seconds < 86400:
        return f"{int(seconds // 3600)}小时前"
    days = (fwd.date() - moment.date()).days
    return f"{days}天前" if days < 7 else f"{moment.month:02d}-{moment.day:02d}"


def random_forwarded_at(rng: Random) -> datetime:
    """The screenshot moment: 2025-2026, daytime, on the minute (the status bar clock shows it)."""
    start = datetime(2025, 1, 1, tzinfo=TZ)
    day = start + timedelta(days=rng.randint(0, 729))
    return day.replace(hour=rng.randint(10, 22), minute=rng.randint(0, 59))
