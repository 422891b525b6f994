"""The daily (and weekly, monthly) summary to the office group, with a chart.

Idempotent per period and audience: the OutboundMessage dedupe key (and a ReportRun row in the
same transaction), e.g. ``summary:daily:2026-11-28:office``, can exist once, so a rerun, a
restarted worker or a second scheduler sends nothing twice. ``summary_tick`` runs every minute
from ``rq cron`` and acts once the demo-aware clock has passed the configured local time; a
wall-clock cron expression would follow the host's time zone and ignore the demo clock.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.cases.directory import office_unit
from bot.cases.reminder_policy import load_policy
from bot.cases.sources import label as source_label
from bot.messaging.addressing import Post
from bot.messaging.outbox import add_post, enqueue_delivery
from bot.reports.chart import summary_chart
from bot.reports.stats import Stats, UnitFigures, compute_stats
from bot.services import Services
from models import OutboundMessage, ReportRun, Unit

log = logging.getLogger(__name__)

KINDS = {"daily": "日报", "weekly": "周报", "monthly": "月报"}


def period(kind: str, today: date) -> tuple[date, date, str]:
    """The local-date range [first, last + 1) a summary sent on ``today`` covers, and its label."""
    if kind == "daily":
        first = today - timedelta(days=1)
        return first, today, first.isoformat()
    if kind == "weekly":
        monday = today - timedelta(days=today.weekday())
        first = monday - timedelta(days=7)
        year, week, _ = first.isocalendar()
        return first, monday, f"{year}-W{week:02d}"
    if kind == "monthly":
        end = today.replace(day=1)
        first = (end - timedelta(days=1)).replace(day=1)
        return first, end, first.strftime("%Y-%m")
    raise ValueError(f"unknown summary kind {kind!r}")


def summary_text(stats: Stats, title: str) -> str:
    sources = "，".join(f"{source_label(k)} {v}" for k, v in sorted(stats.new_by_source.items(), key=lambda kv: -kv[1]))
    sat = stats.satisfaction
    lines = [
        f"【{title}】",
        f"新增 {stats.new_total} 件" + (f"（{sources}）" if sources else ""),
        f"办结 {stats.closed} 件；在办 {stats.open_now} 件，其中超期 {stats.overdue_now} 件",
        f"办结率 {stats.closure_rate}%｜按期签收率 {stats.sign_on_time_rate}%｜按期办结率 {stats.close_on_time_rate}%",
        f"回退率 {stats.return_rate}%｜重办率 {stats.reopen_rate}%｜延期 {stats.extensions} 件",
        "满意度: " + ("，".join(f"{k} {sat.get(k, 0)}" for k in ("满意", "基本满意", "不满意"))
                     + f"（满意率 {stats.satisfaction_rate}%）" if sat else "暂无评价"),
        f"回复网民 {stats.citizen_replies} 条" + (f"（{stats.citizen_replied_cases} 件留言）" if stats.citizen_replies else ""),
    ]
    if stats.reminders_failed:
        lines.append(f"催办未送达 {stats.reminders_failed} 条（请检查相关单位群机器人配置）")
    best, worst = stats.ranking()
    if best:
        lines.append("红榜: " + "；".join(f"{u.unit}（按期办结 {round(u.on_time_rate * 100)}%）" for u in best))
    if worst:
        lines.append("黑榜: " + "；".join(f"{u.unit}（{_faults(u)}）" for u in worst))
    return "\n".join(lines)


def _faults(unit: UnitFigures) -> str:
    parts = [f"超期 {unit.overdue_open} 件" if unit.overdue_open else "",
             f"重办 {unit.reopened} 次" if unit.reopened else "",
             f"不满意 {unit.unsatisfied} 件" if unit.unsatisfied else ""]
    return "，".join(p for p in parts if p) or f"按期办结 {round(unit.on_time_rate * 100)}%"


def send_summary(services: Services, kind: str, today: date, now: datetime | None = None) -> list[int]:
    """Queue the summary for the period ending ``today`` unless it was already queued. Returns outbound ids."""
    now = now or services.clock.now()
    calc = services.deadlines
    first, end, label = period(kind, today)
    start_utc = datetime.combine(first, datetime.min.time(), tzinfo=calc.zone)
    end_utc = datetime.combine(end, datetime.min.time(), tzinfo=calc.zone)
    policy = load_policy()
    created: list[int] = []
    with services.sessions() as session, session.begin():
        office = office_unit(session)
        audiences: list[tuple[str, Unit]] = [("office", office)] if office else []
        if policy.summary_unit_groups:
            audiences += [(u.code, u) for u in session.scalars(select(Unit).where(Unit.is_office.is_(False),
                                                                                    Unit.active.is_(True)))]
        keys = {code: f"summary:{kind}:{label}:{code}" for code, _ in audiences}
        done = set(session.scalars(select(ReportRun.key).where(ReportRun.key.in_(keys.values()))))
        todo = [(code, unit) for code, unit in audiences if keys[code] not in done]
        if not todo:
            return []
        stats = compute_stats(session, start_utc, end_utc, now)
        title = f"{KINDS[kind]} {label}"
        text = summary_text(stats, title)
        chart = summary_chart(stats, title)
        for code, unit in todo:
            post = Post(text=text, unit=unit, purpose="summary", image_png=chart)
            try:
                with session.begin_nested():  # another scheduler got here first: skip, do not fail
                    session.add(ReportRun(key=keys[code], created_at=now))
                    row = add_post(session, services, post, dedupe_key=keys[code])
                    if row is not None:
                        created.append(row.id)
            except IntegrityError:
                continue
    for outbound_id in created:
        enqueue_delivery(services, outbound_id)
    log.info("summary kind=%s period=%s messages=%s", kind, label, len(created))
    return created


def summary_tick(services: Services, now: datetime | None = None) -> list[int]:
    """Send whatever summary is due by now (local time past the configured hour)."""
    now = now or services.clock.now()
    local = services.deadlines.local(now)
    if local.time() < load_policy().summary_time:
        return []
    today = local.date()
    sent = send_summary(services, "daily", today, now)
    if today.weekday() == 0:
        sent += send_summary(services, "weekly", today, now)
    if today.day == 1:
        sent += send_summary(services, "monthly", today, now)
    return sent


__all__ = ["OutboundMessage", "period", "send_summary", "summary_text", "summary_tick"]
