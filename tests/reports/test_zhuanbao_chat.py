"""专报 from chat: the office lists topics over threshold, asks for one draft with its Word file, and is
told once, automatically, when a topic first passes the threshold."""

from __future__ import annotations

import re
from pathlib import Path

from bot.reports.zhuanbao import notify_new_topics
from bot.services import Services
from tests.reminders.conftest import at, chat, new_case, set_now
from tests.reports.test_topics import OTHER, SIMILAR
from tests.support import SimulatorClient, drain


def _cases(services: Services) -> None:
    for day, title in enumerate(SIMILAR):
        set_now(services, at(f"2026-11-{10 + day * 3:02d} 10:00"))
        new_case(services, title=title, body=title)
    for title in OTHER:
        new_case(services, "chengguan", title=title, body=title)
    set_now(services, at("2026-11-30 10:00"))


def test_office_lists_topics_and_gets_a_draft(services: Services, sim: SimulatorClient) -> None:
    set_now(services, at("2026-11-09 10:00"))  # the whole story on one clock, before the first case
    sim.send("office", "wangmin", "专报")
    assert "暂无达到专报条件" in sim.last_bot_text("office")
    _cases(services)
    sim.send("office", "wangmin", "专报")
    listing = sim.last_bot_text("office")
    assert "【专报专题】" in listing and "1. " in listing and "6 件" in listing and "专报 1" in listing
    sim.send("office", "wangmin", "专报 1")
    draft = sim.last_bot_text("office")
    assert "【专报（草稿）】" in draft and "东湖街道办事处 6 件" in draft
    path = Path(re.search(r"Word 草稿: (\S+\.docx)", draft)[1])  # type: ignore[index]
    assert path.exists() and path.stat().st_size > 0
    sim.send("office", "wangmin", "专报 7")
    assert "没有第 7 个专题" in sim.last_bot_text("office")
    sim.send("g-donghu", "hehui", "专报")
    assert "无权" in sim.last_bot_text("g-donghu")


def test_topic_over_threshold_notifies_office_once(services: Services) -> None:
    _cases(services)
    assert len(notify_new_topics(services)) == 1
    assert notify_new_topics(services) == []  # the same topic again: nothing
    drain(services)
    notices = [m.text for m in chat(services, "office") if "【专报提示】" in m.text]
    assert len(notices) == 1 and "Word 草稿:" in notices[0]
    set_now(services, at("2026-12-01 10:00"))
    new_case(services, title="幸福小区垃圾堆积又没人清运", body="幸福小区垃圾堆积又没人清运")
    assert notify_new_topics(services) == []  # the topic grew by one: still the same topic
