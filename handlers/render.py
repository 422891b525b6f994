"""The bot's chat texts (Simplified Chinese, short and precise). Personal data is masked here."""

from __future__ import annotations

from datetime import datetime

from bot.cases.deadlines import DeadlineCalculator, working_days_left
from bot.cases.pii import mask_text
from bot.cases.sources import label as source_label
from bot.cases.status import STATUS_LABELS, Status
from models import Case

BODY_PREVIEW = 300

HELP = {
    "dispatcher": "转发网民留言（文字、截图或链接）即建单；回复“1”采纳建议单位，或“派 单位 [协办 单位]”；“查 工单号”；“我的待办”；单位办结后“回复网民 工单号”查看、修改回复网民稿，在原平台发布后“已回复网民 工单号 平台或链接 [时间]”。",
    "office": "“同意延期”“不同意延期”“批示 张书记：内容”（冒号前写批示人）“督办”“核查通过”“重新办理 原因”“评价 满意/基本满意/不满意 网民意见”（不满意须写意见，转告承办单位）“回复网民”“已回复网民 平台 [时间]”，均可加工单号；也可转发留言建单、派单。",
    "handler": "“签收”“进展 内容”“申请延期 3天 原因”“退回 原因”“已办结 办理情况”；多件待办时加工单号，如“签收 DB-20261128-0001”；现场照片随“进展/申请延期/已办结”发送或紧随其后发送，即附到该工单并转网信办（不确定属于哪件时回复“附图 工单号”）。",
    "leader": "“签收”“进展 内容”“申请延期 3天 原因”“退回 原因”“已办结 办理情况”；“我的待办”查看本单位待办；照片紧随报送发送即附到该工单，或回复“附图 工单号”。",
}


def local_time(calc: DeadlineCalculator, moment: datetime | None) -> str:
    return calc.local(moment).strftime("%Y-%m-%d %H:%M") if moment else "—"


def due_line(calc: DeadlineCalculator, case: Case, now: datetime) -> str:
    if case.due_at is None:
        return "办理时限: 未定"
    days = working_days_left(calc, now, case.due_at)
    if now > case.due_at:
        state = f"已超期 {max(days * -1, 0) or '不足1'} 个工作日"
    elif days == 0:
        state = "今日到期"
    else:
        state = f"剩余 {days} 个工作日"
    line = f"办理时限: {local_time(calc, case.due_at)} 前（{state}）"
    if case.calendar_note:
        line += f"\n⚠ {case.calendar_note}"
    return line


def units_line(case: Case) -> str:
    lead = case.lead_unit.name if case.lead_unit else "—"
    co = "、".join(u.name for u in case.co_units())
    return f"主办: {lead}" + (f"；协办: {co}" if co else "")


def case_summary(calc: DeadlineCalculator, case: Case, now: datetime, *, full: bool = False) -> str:
    body = mask_text(case.body or "")
    if not full and len(body) > BODY_PREVIEW:
        body = body[:BODY_PREVIEW] + "…"
    lines = [
        f"工单 {case.number}（{STATUS_LABELS[Status(case.status)]}{'，督办' if case.supervised else ''}）",
        f"来源: {source_label(case.source)}"
        + (f" | 网民: {mask_text(case.author)}" if case.author else "")
        + (f" | 发布: {local_time(calc, case.posted_at)}" if case.posted_at else ""),
        f"标题: {mask_text(case.title)}",
    ]
    if case.place:
        lines.append(f"地点: {case.place}")
    lines.append(f"内容: {body}")
    if case.source_link:
        lines.append(f"链接: {case.source_link}")
    if case.lead_unit:
        lines.append(units_line(case))
    if case.due_at and Status(case.status) not in (Status.CLOSED, Status.VERIFIED, Status.DUPLICATE):
        lines.append(due_line(calc, case, now))
    return "\n".join(lines)


def proposal_card(calc: DeadlineCalculator, case: Case, now: datetime) -> str:
    summary_without_heading = case_summary(calc, case, now).split("\n", 1)[1]
    lines = [f"已建工单 {case.number}（待分派）", summary_without_heading]
    extracted = case.proposal.get("extracted") or {}
    facts = [f"类型: {case.request_type}"]
    if case.category:
        facts.append(f"分类: {case.category}")
    if extracted.get("addressed_unit"):
        facts.append(f"留言对象: {extracted['addressed_unit']}")
    if extracted.get("phones"):
        facts.append(f"电话: {'、'.join(extracted['phones'][:3])}")
    lines.append(" | ".join(facts))
    proposals = case.proposal.get("units") or []
    if case.proposal.get("repeat_of"):
        lines.append(f"疑似重复: {case.proposal['repeat_of']}（回复“并入”作为重复件，或照常派单）")
    if proposals:
        lines.append("建议承办单位:")
        for i, p in enumerate(proposals, 1):
            lines.append(f"{i}. {p['unit_name']}（{p['reason']}）")
        if case.proposal.get("low_confidence"):
            lines.append("把握不大，请核对后选择。")
        lines.append("回复“1”采纳第1项，“派 2”选第2项，或“派 单位 协办 单位”；“改 标题 …”修正识别内容。")
    else:
        lines.append("未找到建议单位，请回复“派 单位名”，如：派 住建局 协办 城管局")
    return "\n".join(lines)


def dispatch_notice(calc: DeadlineCalculator, case: Case, now: datetime, role: str) -> str:
    head = "【新工单·主办】" if role == "lead" else "【新工单·协办】"
    action = "请签收并办理，办结后回复“已办结 办理情况”。" if role == "lead" else "请协助主办单位办理，回复“进展 内容”或“已办结 办理情况”。"
    return "\n".join([head + f" {case.number}", case_summary(calc, case, now), action])


def my_tasks(calc: DeadlineCalculator, cases: list[Case], now: datetime) -> str:
    if not cases:
        return "暂无待办工单。"
    lines = [f"待办 {len(cases)} 件:"]
    for case in cases[:20]:
        lines.append(f"· {case.number} {STATUS_LABELS[Status(case.status)]} {mask_text(case.title)[:20]} "
                     f"{due_line(calc, case, now).split(chr(10))[0].replace('办理时限: ', '')}")
    if len(cases) > 20:
        lines.append(f"……另有 {len(cases) - 20} 件")
    return "\n".join(lines)
