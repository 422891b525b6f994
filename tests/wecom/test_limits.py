"""The shared limit helpers: byte-exact splitting and the per-robot sliding window (real Redis)."""

from __future__ import annotations

import re
import uuid

from bot.platforms.ratelimit import SlidingWindow
from bot.platforms.splitting import split_message, strip_numbering, utf8_len


def _long_markdown() -> str:
    lines = [f"第{i}行：请<@zhangsan>尽快处理<font color=\"warning\">工单{i}</font>，详见[链接](https://example.cn/{i})。"
             for i in range(80)]
    return "\n".join(lines)


def test_short_message_is_unchanged() -> None:
    assert split_message("签收", 2048) == ["签收"]


def test_split_fits_limit_keeps_order_and_tags() -> None:
    text = _long_markdown()
    assert utf8_len(text) > 6000
    parts = split_message(text, 4096)
    assert len(parts) >= 2
    for i, part in enumerate(parts, 1):
        assert utf8_len(part) <= 4096
        assert part.endswith(f"({i}/{len(parts)})")
        body = strip_numbering(part)
        assert body.count("<font") == body.count("</font>")
        assert not re.search(r"<@[^>]*$", body)
    assert "\n".join(strip_numbering(p) for p in parts) == text


def test_one_long_line_splits_between_characters_not_inside_mentions() -> None:
    text = ("网民反映<@lisi>" + "垃圾堆积" * 50) * 20
    parts = split_message(text, 2048)
    assert all(utf8_len(p) <= 2048 for p in parts)
    joined = "".join(strip_numbering(p) for p in parts)
    assert joined == text
    for part in parts:
        assert re.findall(r"<@[^>]*>", strip_numbering(part)) == re.findall(r"<@lisi>", strip_numbering(part))


def test_sliding_window_allows_20_in_any_60_seconds(redis_client) -> None:  # type: ignore[no-untyped-def]
    """20 per robot per minute is a window, not a refill rate (docs/protocols.md §9): a bucket of 20
    refilled continuously would admit one more every 3 s and ~39 in a minute."""
    window = SlidingWindow(redis_client, f"test:{uuid.uuid4().hex}", limit=20, per_seconds=60)
    now = 1_000_000.0
    results = [window.try_acquire(now=now + i) for i in range(21)]  # one a second
    assert all(a.allowed for a in results[:20])
    refused = results[20]
    assert not refused.allowed and refused.wait_s == 40.0  # until the first send leaves the window
    assert not window.try_acquire(now=now + 30).allowed  # a refilled bucket would admit here
    assert not window.try_acquire(now=now + 59.999).allowed
    assert window.try_acquire(now=now + 60).allowed  # the first one left: exactly one place
    assert not window.try_acquire(now=now + 60).allowed
    window.drain(now=now + 70)  # the platform said "too fast": nothing for a whole window
    assert not window.try_acquire(now=now + 129).allowed
    assert window.try_acquire(now=now + 130).allowed


def test_a_confirmed_send_counts_from_when_the_platform_answered(redis_client) -> None:  # type: ignore[no-untyped-def]
    window = SlidingWindow(redis_client, f"test:{uuid.uuid4().hex}", limit=1, per_seconds=60)
    now = 1_000_000.0
    admission = window.try_acquire(now=now)
    window.confirm(admission.slot, now=now + 2)  # the answer took 2 s: the platform counted it by then
    assert not window.try_acquire(now=now + 61).allowed
    assert window.try_acquire(now=now + 62).allowed
