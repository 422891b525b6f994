"""The shared limit helpers: byte-exact splitting and the per-robot token bucket (real Redis)."""

from __future__ import annotations

import re
import uuid

from bot.platforms.ratelimit import TokenBucket
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


def test_token_bucket_allows_capacity_then_waits(redis_client) -> None:  # type: ignore[no-untyped-def]
    bucket = TokenBucket(redis_client, f"test:{uuid.uuid4().hex}", capacity=20, per_seconds=60)
    now = 1_000_000.0
    results = [bucket.try_acquire(now=now) for _ in range(21)]
    assert all(ok for ok, _ in results[:20])
    ok, wait = results[20]
    assert not ok and 2.9 <= wait <= 3.1  # one token per 3 s
    assert bucket.try_acquire(now=now + 3.01)[0]
    bucket.drain(now=now + 4)
    assert not bucket.try_acquire(now=now + 4)[0]
