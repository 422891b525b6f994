"""The daily summary: figures, chart, idempotent per date even with two schedulers."""

from __future__ import annotations

from rq.cron import CronScheduler
from sqlalchemy import select

from bot.jobs import send_summaries
from bot.reports.chart import MAX_BYTES
from bot.reports.summary import summary_tick
from bot.services import Services
from models import OutboundMessage
from tests.reminders.conftest import act, at, chat, new_case, set_now
from tests.support import drain


def test_daily_summary_once_per_date_with_chart(services: Services) -> None:
    set_now(services, at("2026-11-30 10:00"))
    first = new_case(services)
    new_case(services, "chengguan", title="占道经营")
    act(services, first, "hehui", "sign")
    act(services, first, "hehui", "close", "已清运")
    set_now(services, at("2026-12-01 08:59"))
    assert summary_tick(services) == []  # before 09:00
    set_now(services, at("2026-12-01 09:01"))
    schedulers = [CronScheduler(connection=services.redis, name=f"summary-cron-{i}") for i in range(2)]
    for scheduler in schedulers:  # two schedulers started by mistake
        scheduler.register(send_summaries, services.queue.name, interval=60)
        scheduler.enqueue_jobs()
    drain(services)
    assert summary_tick(services) == []  # a rerun sends nothing
    drain(services)
    summaries = [m for m in chat(services, "office") if m.text.startswith("【日报")]
    assert len(summaries) == 1
    text = summaries[0].text
    assert "日报 2026-11-30" in text and "新增 2 件" in text and "办结 1 件" in text
    assert "办结率 50.0%" in text and "按期办结率 100.0%" in text and "红榜" in text
    assert summaries[0].image_path
    with open(summaries[0].image_path, "rb") as handle:
        png = handle.read()
    assert png.startswith(b"\x89PNG") and len(png) < MAX_BYTES
    with services.sessions() as session:
        keys = list(session.scalars(select(OutboundMessage.dedupe_key).where(OutboundMessage.purpose == "summary")))
    # 1 December: the monthly summary for November goes out on the same code path.
    assert sorted(keys) == ["summary:daily:2026-11-30:office", "summary:monthly:2026-11:office"]
    assert sum(m.text.startswith("【月报 2026-11】") for m in chat(services, "office")) == 1
