from datetime import datetime, timezone

import pytest

from bot.intake.post_time import SHANGHAI, resolve_post_time

FORWARDED = datetime(2026, 1, 2, 10, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("刚刚", "2026-01-02T10:00:00+08:00"),
        ("3小时前 · 湖南", "2026-01-02T07:00:00+08:00"),
        ("25分钟前", "2026-01-02T09:35:00+08:00"),
        ("2天前", "2025-12-31T10:00:00+08:00"),
        ("昨天 14:02", "2026-01-01T14:02:00+08:00"),
        ("前天 09:30", "2025-12-31T09:30:00+08:00"),
        ("11-23", "2025-11-23T00:00:00+08:00"),  # month-day in the future → last year
        ("01-01 08:15", "2026-01-01T08:15:00+08:00"),
        ("发布时间：2025-11-23 14:02", "2025-11-23T14:02:00+08:00"),
        ("2025年3月5日", "2025-03-05T00:00:00+08:00"),
    ],
)
def test_resolves_against_forwarded_time(text: str, expected: str) -> None:
    resolved = resolve_post_time(text, FORWARDED)
    assert resolved is not None and resolved.isoformat() == expected


def test_utc_forwarded_time_is_converted_to_shanghai() -> None:
    # 2026-01-01 20:00 UTC is already 01-02 04:00 in Shanghai: "昨天" is 01-01.
    resolved = resolve_post_time("昨天 14:02", datetime(2026, 1, 1, 20, 0, tzinfo=timezone.utc))
    assert resolved is not None and resolved.isoformat() == "2026-01-01T14:02:00+08:00"


def test_no_time() -> None:
    assert resolve_post_time("小区门口的路灯坏了", FORWARDED) is None
