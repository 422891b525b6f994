"""Reminder texts (Simplified Chinese): each line names the case, what is due, the time left or
overdue in working days, and what to reply."""

from __future__ import annotations

from datetime import datetime

from bot.cases.deadlines import DeadlineCalculator, WorkdayCounter, working_days_left
from bot.cases.pii import mask_text
from models import Case, Reminder

TITLE_CHARS = 24


def _title(case: Case) -> str:
    title = mask_text(case.title or "")
    return title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS] + "…"


def _due(calc: DeadlineCalculator, moment: datetime) -> str:
    return calc.local(moment).strftime("%m-%d %H:%M")


def reminder_line(calc: DeadlineCalculator, reminder: Reminder, case: Case, now: datetime,
                  return_within_hours: int = 24, counter: WorkdayCounter | None = None,
                  audience: str | None = None) -> str:
    """One digest line. ``audience`` "unit" or "office" picks the wording of an escalated overdue
    line (the unit is told to finish, the office what it can do); by default it follows the level."""
    head = f"· {case.number}《{_title(case)}》"
    if case.supervised:
        head += "【督办件】"
    n = case.number
    if reminder.kind == "sign":
        waited = max(int((now - (case.dispatched_at or now)).total_seconds() // 3600), 0)
        return (f"{head}已分派 {waited} 小时仍未签收。请回复“签收 {n}”；"
                f"如不属本单位职责，请在 {return_within_hours} 小时内回复“退回 {n} 原因”。")
    if reminder.kind == "followup":
        return f"{head}已办结，请回访网民，回复“评价 {n} 满意/基本满意/不满意”。"
    due = case.due_at or now
    days = counter.days_left(now, due) if counter else working_days_left(calc, now, due)
    if reminder.kind == "due_soon":
        left = "今日到期" if days <= 0 else f"剩余 {days} 个工作日"
        return (f"{head}{left}（{_due(calc, due)} 截止）。请回复“进展 {n} 内容”或“已办结 {n} 办理情况”；"
                f"确需延期请在截止前回复“申请延期 {n} 3天 原因”。")
    overdue = max(-days, 0)
    late = f"已超期 {overdue} 个工作日" if overdue else "已到办理时限"
    unit = case.lead_unit.name if case.lead_unit else "—"
    if audience == "office" or (audience is None and reminder.level >= 2):
        return (f"{head}主办: {unit}，{late}（{_due(calc, due)} 截止），经催办仍未办结。"
                f"请督办：回复“督办 {n}”或“批示 {n} 内容”。")
    return f"{head}{late}（{_due(calc, due)} 截止）。请尽快办结并回复“已办结 {n} 办理情况”。"


def digest_header(kind: str, count: int, unit_name: str = "") -> str:
    if kind == "failed":
        return f"【催办未送达】{count} 条催办消息发送失败，请电话联系相关单位并检查其群机器人配置："
    if kind == "office":
        return f"【超期通报】{count} 件工单需网信办跟进："
    if kind == "leader":
        return f"【超期催办】{unit_name}有 {count} 件工单超期，请领导督促办理："
    return f"【催办提醒】{unit_name}有 {count} 件工单待处理："


def failed_line(number: str, unit_name: str | None) -> str:
    return f"· {number} → {unit_name or '网信办'}"


def digest_text(header: str, lines: list[str]) -> str:
    return "\n".join([header, *lines])


def handover_text(calc: DeadlineCalculator, incoming: str, outgoing: str | None, cases: list[Case],
                  now: datetime, total: int) -> str:
    lines = [f"【值班交接】{outgoing + ' → ' if outgoing else ''}{incoming} 接班。在办工单 {total} 件"
             + ("，需关注：" if cases else "。")]
    for case in cases:
        if case.due_at is None:
            state = "待分派"
        else:
            days = working_days_left(calc, now, case.due_at)
            state = f"已超期 {-days} 个工作日" if now > case.due_at else f"剩余 {days} 个工作日"
        unit = case.lead_unit.name if case.lead_unit else "未分派"
        lines.append(f"· {case.number}《{_title(case)}》{unit}，{state}")
    return "\n".join(lines)
