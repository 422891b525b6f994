"""Resolve the post times that platforms show ("3小时前", "昨天 下午3:05", "11-23") to aware datetimes.

Platforms show relative or partial times; they are relative to when the citizen's post was
seen, which for us is when the screenshot was forwarded to the bot (`forwarded_at`).

Why our own grammar and not jionlp's `parse_time` (measured on tests/intake/test_post_time.py,
see README): jionlp misses 刚刚, full-width digits, two-digit years and the "a month-day after
today is last year's" rule, returns hour-wide intervals for "N小时前", and costs ~150 MB of
install (jiojio) for what is one screen of regular expressions. Chinese numerals in a time
("三天前", "二〇二四年", "十点半") are converted with cn2an, token by token: its whole-text
`transform` mangles times ("三点二十" warns and stays, "半小时" becomes "0.5小时").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

_NUMERAL = "零〇一二两三四五六七八九十百"
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A Chinese numeral counts as a number only right before a date/time unit ("三天前", "十点半",
# "一月五日"), so "一线城市" and "三好学生" are left alone.
_NUMERAL_TOKEN = re.compile(
    rf"[{_NUMERAL}]+(?=\s*(?:年|月|日|号|天|周|星期|个|小时|钟头|分|秒|点|时|刻|[:：]))|(?<=[点时:：])[{_NUMERAL}]+"
)

_PERIOD = r"(?P<period>凌晨|清晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|半夜|深夜)?"
_CLOCK = (
    _PERIOD
    + r"\s*(?P<h>[01]?\d|2[0-4])\s*(?:[:：]\s*(?P<mi>[0-5]\d)(?:[:：](?P<s>[0-5]\d))?"
    + r"|[点时]\s*(?:(?P<quarter>[13])刻|(?P<mi2>[0-5]?\d)\s*分?|(?P<half>半))?)"
)
_DATE_RE = re.compile(
    # A four-digit year may follow other digits: OCR glues "网友1205" and "2026-01-06" together.
    r"(?:(?<![./-])(?=(?:19|20)\d{2}\s*[-/.年]\s*\d)|(?<![\d./-]))(?:"
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<mo>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]?"
    r"|(?P<y2>(?:19|20)\d{2}|\d{2})\s*(?P<sep>[-/.])\s*(?P<mo2>1[0-2]|0?[1-9])\s*(?P=sep)\s*(?P<d2>3[01]|[12]\d|0?[1-9])"
    r"|(?P<mo3>1[0-2]|0?[1-9])\s*月\s*(?P<d3>3[01]|[12]\d|0?[1-9])\s*[日号]?"
    # A two-digit day may have a clock glued to it by OCR ("7-2216:42" is 7-22 16:42).
    r"|(?P<mo4>1[0-2]|0?[1-9])\s*[-/]\s*(?P<d4>3[01]|[12]\d|0?[1-9])"
    r"(?:(?![\d/-])|(?<=\d{2})(?=(?:[01]\d|2[0-3])[:：][0-5]\d))"
    r"|(?P<word>大前天|前天|昨天|今天|昨日|今日|前日)"
    r"|(?:星期|礼拜|周)(?P<wd>[一二三四五六日天1-7])"
    r")"
)
_CLOCK_RE = re.compile(r"(?<![\d.])" + _CLOCK + r"(?![\d])")
# Right after a date the clock may be glued to the day ("2019-03-1910:31", as OCR joins boxes).
_CLOCK_AFTER_DATE_RE = re.compile(_CLOCK + r"(?![\d])")
_AGO_RE = re.compile(
    # At most three digits, not glued to more: in "用户84729183743天前" a handle runs into the count.
    r"(?P<n>(?<!\d)\d{1,3}|半)\s*(?P<unit>秒钟?|分钟|分|个?小时|个?钟头|天|日|个?星期|周|个月|月|年)\s*(?:之|以)?前"
)
_JUST_NOW_RE = re.compile(r"刚刚|刚才|片刻之?前")

_AGO_UNITS = {
    "秒": timedelta(seconds=1),
    "分": timedelta(minutes=1),
    "小时": timedelta(hours=1),
    "钟头": timedelta(hours=1),
    "天": timedelta(days=1),
    "日": timedelta(days=1),
    "星期": timedelta(weeks=1),
    "周": timedelta(weeks=1),
    "月": timedelta(days=30),
    "年": timedelta(days=365),
}
_DAY_WORDS = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2, "前日": 2, "大前天": 3}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_AFTERNOON = {"午后", "下午", "傍晚", "晚上", "晚间", "夜里", "夜间", "深夜"}


@dataclass(frozen=True)
class TimeMatch:
    """One time expression: its span in the original text and what it resolves to.

    `shown` names the components the text states ("date", "clock", "relative"): a date-only
    expression resolves to midnight, and a comparison should look at the shown parts only.
    """

    start: int
    end: int
    moment: datetime
    shown: frozenset[str]


def to_shanghai(moment: datetime) -> datetime:
    """Naive datetimes are taken as Shanghai wall time (that is what the chat platforms send)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=SHANGHAI)
    return moment.astimezone(SHANGHAI)


def normalise(text: str) -> tuple[str, list[int]]:
    """Full-width forms folded (NFKC), Chinese numerals before time units turned into digits.

    Returns the new text and, for each of its characters, the index of the original character
    it came from, so that spans can be mapped back.
    """
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        chars.extend(folded)
        origin.extend([index] * len(folded))
    folded_text = "".join(chars)
    out: list[str] = []
    out_origin: list[int] = []
    position = 0
    for m in _NUMERAL_TOKEN.finditer(folded_text):
        out.extend(folded_text[position : m.start()])
        out_origin.extend(origin[position : m.start()])
        digits = _numeral_value(m.group(0))
        out.extend(digits)
        out_origin.extend([origin[m.start()]] * len(digits))
        position = m.end()
    out.extend(folded_text[position:])
    out_origin.extend(origin[position:])
    return "".join(out), out_origin


def _numeral_value(token: str) -> str:
    import cn2an  # small; imported here so that modules importing this one stay light

    if token in ("两", "二"):
        return "2"
    if len(token) >= 2 and all(ch in _DIGITS for ch in token):
        # Digit by digit, as years ("二〇二四") and minutes ("零五") are written.
        return "".join(str(_DIGITS[ch]) for ch in token)
    try:
        return str(int(cn2an.cn2an(token.replace("两", "二"), "normal")))
    except (ValueError, KeyError):  # cn2an raises KeyError on mixed forms such as "二十〇"
        return token


def _apply_period(period: str | None, hour: int) -> int:
    if period in _AFTERNOON and hour < 12:
        return hour + 12
    if period == "中午" and hour < 11:
        return hour + 12
    if period in ("凌晨", "半夜") and hour == 12:
        return 0
    return hour


def _clock_of(m: re.Match[str]) -> tuple[int, int, int] | None:
    hour = int(m.group("h"))
    if m.group("mi") is not None:
        minute, second = int(m.group("mi")), int(m.group("s") or 0)
    else:
        minute = int(m.group("mi2")) if m.group("mi2") else 30 if m.group("half") else 0
        if m.group("quarter"):
            minute = 15 * int(m.group("quarter"))
        second = 0
    hour = _apply_period(m.group("period"), hour)
    if hour == 24:
        hour = 0
    if hour > 23:
        return None
    return hour, minute, second


def _date_of(m: re.Match[str], now: datetime) -> tuple[datetime, bool] | None:
    """(midnight of the date, whether the year was shown)."""
    g = m.groupdict()
    try:
        if g["y"] or g["y2"]:
            year = int(g["y"] or g["y2"])
            year += 2000 if year < 100 else 0
            month, day = int(g["mo"] or g["mo2"]), int(g["d"] or g["d2"])
            return datetime(year, month, day, tzinfo=SHANGHAI), True
        if g["mo3"] or g["mo4"]:
            month, day = int(g["mo3"] or g["mo4"]), int(g["d3"] or g["d4"])
            moment = datetime(now.year, month, day, tzinfo=SHANGHAI)
            # A month-day without a year after the forward date is from last year
            # (a post from 12-01 forwarded on 11-30 is last December's).
            if moment.date() > now.date():
                moment = moment.replace(year=now.year - 1)
            return moment, False
    except ValueError:
        return None
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if g["word"]:
        return midnight - timedelta(days=_DAY_WORDS[g["word"]]), False
    target = _WEEKDAYS.get(g["wd"], None)
    if target is None:
        target = int(g["wd"]) - 1
    # The most recent such weekday before today: apps show "星期二" for days of the last week
    # and a bare clock time for today.
    back = (now.weekday() - target) % 7 or 7
    return midnight - timedelta(days=back), False


def _is_day_word(m: re.Match[str]) -> bool:
    """Whether a date match is a day word (今天, 昨天, …) rather than a written date."""
    return bool(m.groupdict().get("word"))


def find_times(text: str, forwarded_at: datetime) -> list[TimeMatch]:
    """Every time expression in `text`, in order, resolved against `forwarded_at`."""
    now = to_shanghai(forwarded_at).replace(microsecond=0)
    norm, origin = normalise(text)
    found: list[tuple[int, int, datetime, frozenset[str]]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for m in _JUST_NOW_RE.finditer(norm):
        found.append((m.start(), m.end(), now, frozenset({"relative"})))
        taken.append(m.span())
    for m in _AGO_RE.finditer(norm):
        amount = 0.5 if m.group("n") == "半" else int(m.group("n"))
        unit = next(u for u in _AGO_UNITS if u in m.group("unit"))
        found.append((m.start(), m.end(), now - _AGO_UNITS[unit] * amount, frozenset({"relative"})))
        taken.append(m.span())
    for m in _DATE_RE.finditer(norm):
        if not free(*m.span()):
            continue
        resolved = _date_of(m, now)
        if resolved is None:
            continue
        day, _ = resolved
        end = m.end()
        shown = {"date"}
        # "2019-03-19 10:31", "昨天 下午3:05", "12月1日14:30": the clock may follow after a few spaces.
        skip = len(norm[end : end + 4]) - len(norm[end : end + 4].lstrip())
        clock = _CLOCK_AFTER_DATE_RE.match(norm, end + skip)
        moment = day
        if clock is not None and (hms := _clock_of(clock)) is not None:
            moment = day.replace(hour=hms[0], minute=hms[1], second=hms[2])
            end = clock.end()
            shown.add("clock")
            # "今天 18:05" on a screenshot forwarded after midnight: "today" was the day it was taken.
            if _is_day_word(m) and moment - now > timedelta(minutes=5):
                moment -= timedelta(days=1)
        found.append((m.start(), end, moment, frozenset(shown)))
        taken.append((m.start(), end))
    for m in _CLOCK_RE.finditer(norm):
        if not free(*m.span()):
            continue
        # A bare "3点" is often a count ("3点建议"); a clock needs a colon, a period word or minutes.
        if m.group("mi") is None and m.group("period") is None and m.group("mi2") is None and not m.group("half"):
            continue
        hms = _clock_of(m)
        if hms is None:
            continue
        moment = now.replace(hour=hms[0], minute=hms[1], second=hms[2])
        # A bare clock time is today's (chat apps drop the date for today); a time after the
        # forward is yesterday's.
        if moment - now > timedelta(minutes=5):
            moment -= timedelta(days=1)
        found.append((m.start(), m.end(), moment, frozenset({"clock"})))
        taken.append(m.span())
    found.sort(key=lambda f: f[0])
    out = []
    for start, end, moment, parts in found:
        original_end = origin[end - 1] + 1 if end > 0 else 0
        out.append(TimeMatch(origin[start], original_end, moment, parts))
    return out


def resolve_post_time(text: str, forwarded_at: datetime) -> datetime | None:
    """First time expression in `text` as an aware Asia/Shanghai datetime, or None."""
    found = find_times(text, forwarded_at)
    return found[0].moment if found else None
