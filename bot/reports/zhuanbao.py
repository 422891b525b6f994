"""专报 in chat: the topics over threshold right now, one draft on request, and a one-time notice to
the office when a topic first passes the threshold.

Topics are recomputed from the database each time (bot.reports.topics.find_topics); nothing about
them is cached in Redis. "Once per topic" is kept in ``report_runs``: the notice writes one row per
case of the topic (``zhuanbao:case:<id>``), and a later topic whose cases were mostly announced
already is the same topic grown, not a new one. The notice itself has its own key
(``zhuanbao:notice:<first case id>``), so two schedulers racing insert it once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.cases.directory import office_unit
from bot.cases.reminder_policy import load_policy
from bot.messaging.addressing import Post
from bot.messaging.outbox import add_post, enqueue_delivery
from bot.reports.topics import Topic, draft_text, find_topics, items_from_cases, write_docx
from bot.services import Services
from models import ReportRun

log = logging.getLogger(__name__)

ANNOUNCED_SHARE = 0.5  # a topic with at least half its cases already announced is not new


@dataclass(frozen=True)
class Threshold:
    window_days: int
    min_cases: int


def threshold() -> Threshold:
    policy = load_policy()
    return Threshold(policy.topic_window_days, policy.topic_min_cases)


def current_topics(session: Session, now: datetime, limit: Threshold | None = None) -> list[Topic]:
    limit = limit or threshold()
    items = items_from_cases(session, now, limit.window_days)
    return find_topics(items, window_days=limit.window_days, min_cases=limit.min_cases)


def topic_label(topic: Topic) -> str:
    where = topic.place or "多地"
    return f"{where}：{'、'.join(topic.keywords[:3]) or '同类问题'}"


def listing_text(topics: list[Topic], limit: Threshold) -> str:
    if not topics:
        return f"近 {limit.window_days} 天暂无达到专报条件（{limit.min_cases} 件以上同类问题）的专题。"
    lines = [f"【专报专题】近 {limit.window_days} 天同类问题 {limit.min_cases} 件以上的专题 {len(topics)} 个："]
    for n, topic in enumerate(topics, 1):
        lines.append(f"{n}. {topic_label(topic)}（{len(topic.items)} 件，首件 {topic.items[0].number or topic.items[0].id}）")
    lines.append("回复“专报 序号”生成专报草稿（含 Word 文件），如“专报 1”。")
    return "\n".join(lines)


def docx_path(services: Services, topic: Topic, now: datetime) -> Path:
    """Where the Word draft of a topic goes: var/reports/, one file per topic and day."""
    folder = services.settings.var_dir / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    day = services.deadlines.local(now).strftime("%Y%m%d")
    return folder / f"zhuanbao-{topic.items[0].number or topic.items[0].id}-{day}.docx"


def draft_with_file(services: Services, topic: Topic, now: datetime, window_days: int) -> str:
    path = docx_path(services, topic, now)
    write_docx(topic, now, path, services.deadlines.zone)
    return draft_text(topic, now, window_days, services.deadlines.zone) + f"\nWord 草稿: {path}"


def _announced(session: Session, topic: Topic) -> bool:
    keys = [f"zhuanbao:case:{item.id}" for item in topic.items]
    seen = len(list(session.scalars(select(ReportRun.key).where(ReportRun.key.in_(keys)))))
    return seen >= ANNOUNCED_SHARE * len(keys)


def notify_new_topics(services: Services, now: datetime | None = None) -> list[int]:
    """Post a draft to the office group for each topic that passed the threshold since the last
    check (once per topic). Returns the outbound ids queued."""
    now = now or services.clock.now()
    limit = threshold()
    created: list[int] = []
    with services.sessions() as session, session.begin():
        office = office_unit(session)
        if office is None:
            return []
        for topic in current_topics(session, now, limit):
            if _announced(session, topic):
                continue
            text = "【专报提示】以下同类问题已达专报条件，请研判是否上报。\n" + draft_with_file(
                services, topic, now, limit.window_days)
            post = Post(text=text, unit=office, purpose="zhuanbao")
            key = f"zhuanbao:notice:{topic.items[0].id}"
            try:
                with session.begin_nested():  # a second scheduler got here first: skip, do not fail
                    session.add(ReportRun(key=key, created_at=now))
                    session.flush()
                    known = set(session.scalars(select(ReportRun.key).where(
                        ReportRun.key.in_([f"zhuanbao:case:{i.id}" for i in topic.items]))))
                    for item in topic.items:
                        if f"zhuanbao:case:{item.id}" not in known:
                            session.add(ReportRun(key=f"zhuanbao:case:{item.id}", created_at=now))
                    row = add_post(session, services, post, dedupe_key=key)
                    if row is not None:
                        created.append(row.id)
            except IntegrityError:
                continue
    for outbound_id in created:
        enqueue_delivery(services, outbound_id)
    if created:
        log.info("zhuanbao notices=%s", len(created))
    return created
