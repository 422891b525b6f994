"""专报 drafts give the office's dates: a case made at 00:30 Shanghai is that day's, not the UTC day's."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.reports.topics import Topic, TopicItem, draft_text


def test_draft_dates_are_office_dates() -> None:
    # 2026-11-30 16:30 UTC (stored naive) is 2026-12-01 00:30 in Shanghai.
    item = TopicItem(id=1, title="幸福小区垃圾堆积", body="幸福小区垃圾堆积多日", created_at=datetime(2026, 11, 30, 16, 30),
                     place="幸福小区")
    topic = Topic(items=[item], place="幸福小区", peak_window=1, keywords=["垃圾"])
    text = draft_text(topic, datetime(2026, 11, 30, 17, 0), 30, ZoneInfo("Asia/Shanghai"))
    assert "12月01日至12月01日" in text
