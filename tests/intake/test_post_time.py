"""The whole family of time expressions platforms show, against one fixed forward time.

FORWARDED is Monday 2026-11-30 21:00 in Shanghai; no test reads the wall clock.
"""

from datetime import datetime, timezone

import pytest

from bot.intake.post_time import SHANGHAI, find_times, resolve_post_time

FORWARDED = datetime(2026, 11, 30, 21, 0, tzinfo=SHANGHAI)

# (text shown on screen, expected ISO time in Shanghai)
TABLE = [
    # just now, N units ago (digits, Chinese numerals, 半)
    ("刚刚", "2026-11-30T21:00:00+08:00"),
    ("刚才", "2026-11-30T21:00:00+08:00"),
    ("25分钟前", "2026-11-30T20:35:00+08:00"),
    ("十分钟前", "2026-11-30T20:50:00+08:00"),
    ("半小时前", "2026-11-30T20:30:00+08:00"),
    ("半个小时前", "2026-11-30T20:30:00+08:00"),
    ("一小时前", "2026-11-30T20:00:00+08:00"),
    ("3小时前 · 湖南", "2026-11-30T18:00:00+08:00"),
    ("两个小时前", "2026-11-30T19:00:00+08:00"),
    ("2天前", "2026-11-28T21:00:00+08:00"),
    ("三天前", "2026-11-27T21:00:00+08:00"),
    ("1周前", "2026-11-23T21:00:00+08:00"),
    ("两周前", "2026-11-16T21:00:00+08:00"),
    ("3个星期前", "2026-11-09T21:00:00+08:00"),
    ("1个月前", "2026-10-31T21:00:00+08:00"),
    # day words with and without a clock, with periods of the day
    ("今天", "2026-11-30T00:00:00+08:00"),
    ("今天 08:15", "2026-11-30T08:15:00+08:00"),
    ("今天下午8:00", "2026-11-30T20:00:00+08:00"),
    ("昨天 14:02", "2026-11-29T14:02:00+08:00"),
    ("昨天14:02", "2026-11-29T14:02:00+08:00"),
    ("昨天 下午3:05", "2026-11-29T15:05:00+08:00"),
    ("昨天下午3点", "2026-11-29T15:00:00+08:00"),
    ("前天", "2026-11-28T00:00:00+08:00"),
    ("前天 09:30", "2026-11-28T09:30:00+08:00"),
    ("前天晚上十点半", "2026-11-28T22:30:00+08:00"),
    # bare clock times are today's, periods of the day
    ("下午3:05", "2026-11-30T15:05:00+08:00"),
    ("下午 3:05", "2026-11-30T15:05:00+08:00"),
    ("上午9:15", "2026-11-30T09:15:00+08:00"),
    ("中午12:30", "2026-11-30T12:30:00+08:00"),
    ("中午1点", "2026-11-30T13:00:00+08:00"),
    ("傍晚6点", "2026-11-30T18:00:00+08:00"),
    ("晚上8点半", "2026-11-30T20:30:00+08:00"),
    ("凌晨2:10", "2026-11-30T02:10:00+08:00"),
    ("凌晨12点", "2026-11-30T00:00:00+08:00"),
    ("下午三点二十", "2026-11-30T15:20:00+08:00"),
    ("早上七点一刻", "2026-11-30T07:15:00+08:00"),
    ("10:24", "2026-11-30T10:24:00+08:00"),
    ("晚上11:30", "2026-11-29T23:30:00+08:00"),  # after the forward: yesterday's
    # weekdays (chat timestamps): the most recent one before today
    ("星期二10:05", "2026-11-24T10:05:00+08:00"),
    ("星期二 10:05", "2026-11-24T10:05:00+08:00"),
    ("周六 下午4:40", "2026-11-28T16:40:00+08:00"),
    ("星期一 09:00", "2026-11-23T09:00:00+08:00"),
    ("星期日", "2026-11-29T00:00:00+08:00"),
    # absolute dates: separators, glued clock, full-width digits, Chinese numerals, two-digit years
    ("2025-11-23", "2025-11-23T00:00:00+08:00"),
    ("2025-11-23 14:02", "2025-11-23T14:02:00+08:00"),
    ("2025-11-23 14:02:59", "2025-11-23T14:02:59+08:00"),
    ("2019-03-1910:31", "2019-03-19T10:31:00+08:00"),
    ("7-2216:42来自微博网页版", "2026-07-22T16:42:00+08:00"),  # a two-digit day with the clock glued on
    ("2025/11/23 14:02", "2025-11-23T14:02:00+08:00"),
    ("2025.11.23", "2025-11-23T00:00:00+08:00"),
    ("2025年3月5日", "2025-03-05T00:00:00+08:00"),
    ("2025年11月23日 14:02", "2025-11-23T14:02:00+08:00"),
    ("2025年11月23日14:02", "2025-11-23T14:02:00+08:00"),
    ("2025年11月23日 下午2点", "2025-11-23T14:00:00+08:00"),
    ("２０２４年１月５日", "2024-01-05T00:00:00+08:00"),
    ("２０２４－０１－０５　１０：３１", "2024-01-05T10:31:00+08:00"),
    ("二〇二四年一月五日", "2024-01-05T00:00:00+08:00"),
    ("二零二四年十二月二十五日", "2024-12-25T00:00:00+08:00"),
    ("24-3-5", "2024-03-05T00:00:00+08:00"),
    ("24-03-05 10:31", "2024-03-05T10:31:00+08:00"),
    # month-day without a year: after the forward date means last year
    ("11-23", "2026-11-23T00:00:00+08:00"),
    ("11-23 14:02", "2026-11-23T14:02:00+08:00"),
    ("11月23日", "2026-11-23T00:00:00+08:00"),
    ("11月23日 14:02", "2026-11-23T14:02:00+08:00"),
    ("11月23日14:02", "2026-11-23T14:02:00+08:00"),
    ("3月5日 下午2点", "2026-03-05T14:00:00+08:00"),
    ("12月1日", "2025-12-01T00:00:00+08:00"),
    ("12-01 08:00", "2025-12-01T08:00:00+08:00"),
    ("十二月一日", "2025-12-01T00:00:00+08:00"),
    # inside the lines where platforms print them
    ("发布时间：2025-11-23 14:02", "2025-11-23T14:02:00+08:00"),
    ("留言时间 2019-03-19 10:31", "2019-03-19T10:31:00+08:00"),
    ("昨天 14:02 来自 iPhone客户端", "2026-11-29T14:02:00+08:00"),
    ("编辑于 11-23 IP属地：湖南", "2026-11-23T00:00:00+08:00"),
    ("建议 小区停车难 星沙居民 2019-03-1910:31", "2019-03-19T10:31:00+08:00"),
    ("3天前·湖南 回复", "2026-11-27T21:00:00+08:00"),
]

NOT_TIMES = [
    "小区门口的路灯坏了",
    "一线城市",
    "3号楼2单元",
    "电话13800001111",
    "0731-84561234",
    "A3区",
    "提了3点建议",
    "转发 12 评论 36 赞 208",
    "1.2万",
    "身份证430102199001011234",
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_resolves_against_forwarded_time(text: str, expected: str) -> None:
    resolved = resolve_post_time(text, FORWARDED)
    assert resolved is not None and resolved.isoformat() == expected


@pytest.mark.parametrize("text", NOT_TIMES)
def test_not_a_time(text: str) -> None:
    assert resolve_post_time(text, FORWARDED) is None


def test_utc_forwarded_time_is_converted_to_shanghai() -> None:
    # 2026-01-01 20:00 UTC is already 01-02 04:00 in Shanghai: "昨天" is 01-01.
    resolved = resolve_post_time("昨天 14:02", datetime(2026, 1, 1, 20, 0, tzinfo=timezone.utc))
    assert resolved is not None and resolved.isoformat() == "2026-01-01T14:02:00+08:00"


def test_span_maps_back_to_the_original_text() -> None:
    text = "星沙居民　２０２４－０１－０５　１０：３１"
    (match,) = find_times(text, FORWARDED)
    assert text[match.start : match.end] == "２０２４－０１－０５　１０：３１"
    assert match.shown == {"date", "clock"}
    (relative,) = find_times("网友 三天前", FORWARDED)
    assert "三天前".startswith("网友 三天前"[relative.start : relative.end]) and relative.shown == {"relative"}


def test_today_on_a_screenshot_forwarded_after_midnight_is_the_day_before() -> None:
    # Taken at 18:05 on 11-30 ("今天 18:05" on the screen), forwarded at 00:12 on 12-01.
    after_midnight = datetime(2026, 12, 1, 0, 12, tzinfo=SHANGHAI)
    resolved = resolve_post_time("今天 18:05", after_midnight)
    assert resolved is not None and resolved.isoformat() == "2026-11-30T18:05:00+08:00"
    same_day = resolve_post_time("今天 00:05", after_midnight)
    assert same_day is not None and same_day.isoformat() == "2026-12-01T00:05:00+08:00"


def test_numbers_that_are_not_counts_do_not_break_parsing() -> None:
    # A default handle glued to "3天前" once read as billions of days (OverflowError); a mixed
    # numeral made cn2an raise KeyError. Neither may stop a post from being parsed.
    assert resolve_post_time("用户84729183743天前", FORWARDED) is None
    assert resolve_post_time("二十〇天前", FORWARDED) is None
    resolved = resolve_post_time("用户8472918374 3天前", FORWARDED)
    assert resolved is not None and resolved.date().isoformat() == "2026-11-27"
