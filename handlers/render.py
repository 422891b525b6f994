"""The bot's chat texts (Simplified Chinese, short and precise). Personal data is masked here."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from bot.cases.deadlines import DeadlineCalculator, working_days_left
from bot.cases.pii import mask_text
from bot.cases.sources import label as source_label
from bot.cases.status import STATUS_LABELS, Status
from models import Case

BODY_PREVIEW = 300

# 帮助 lists, for the sender's role, every command of handlers/table.py it may use, with one example each.
USAGE = {
    "采纳建议": "“1”/“2”/“3” 采纳第几项建议单位（加“急”为加急，如“1 急”）",
    "派": "“派 单位 [协办 单位] [急]” 派单，如“派 住建局 协办 城管局”",
    "加急": "“加急 [工单号]” 24 小时办结，夜间和节假日照常催办",
    "并入": "“并入 [原工单号]” 把待分派的留言作为重复件并入",
    "改": "“改 标题|地点|网民|来源|类型|分类|链接|留言对象|作者|时间|正文|电话|IP属地 新内容” 修正待分派工单，如“改 时间 昨天 下午3:05”",
    "作废": "“作废 [工单号] 原因” 误建的工单不计入统计（已派发的由网信办领导作废）",
    "恢复": "“恢复 工单号” 撤销作废",
    "签收": "“签收”",
    "进展": "“进展 内容”",
    "申请延期": "“申请延期 3天 原因”",
    "退回": "“退回 原因”",
    "已办结": "“已办结 办理情况”",
    "附图": "现场照片随“进展/申请延期/已办结”发送或紧随其后发送即附到该工单；不确定时回复“附图 工单号”",
    "同意延期": "“同意延期”/“不同意延期 原因”",
    "不同意延期": "",
    "批示": "“批示 张书记：内容”（冒号前写批示人）",
    "督办": "“督办 工单号”",
    "核查通过": "“核查通过” 归档；“重新办理 原因” 退回单位重办",
    "重新办理": "",
    "评价": "“评价 满意/基本满意/不满意 网民意见”（不满意须写意见，转告承办单位）",
    "回复网民": "“回复网民 工单号” 查看、修改回复网民稿",
    "已回复网民": "“已回复网民 工单号 平台或链接 [时间]” 在原平台发布后登记",
    "查": "“查 工单号”",
    "我的待办": "“我的待办”",
    "专报": "“专报” 查看达到专报条件的专题，“专报 1” 生成草稿",
    "换班": "“换班 日期 [班次] 与 姓名” 与同事对调值班",
    "帮助": "",
}
FORWARD_HELP = "转发网民留言（截图、链接或留言原文）即建单"
ROLE_NAMES = {"dispatcher": "派单员", "office": "网信办", "handler": "承办单位经办人", "leader": "承办单位负责人"}
UNIT_HELP_TAIL = "多件待办时加工单号，如“签收 DB-20261128-0001”，或引用该工单消息回复。"


def local_time(calc: DeadlineCalculator, moment: datetime | None) -> str:
    return calc.local(moment).strftime("%Y-%m-%d %H:%M") if moment else "—"


def posted_time(calc: DeadlineCalculator, case: Case) -> str:
    """When the citizen posted, as the screen showed it: the date alone when it showed no clock."""
    if case.posted_at and ((case.proposal or {}).get("extracted") or {}).get("posted_date_only"):
        return calc.local(case.posted_at).strftime("%Y-%m-%d")
    return local_time(calc, case.posted_at)


def due_line(calc: DeadlineCalculator, case: Case, now: datetime, *, office: bool = False) -> str:
    """The deadline and how far off it is. ``office``: add the missing-holiday-calendar warning, which
    names a configuration file only the office can edit (units never see it)."""
    if case.due_at is None:
        return "办理时限: 未定"
    days = working_days_left(calc, now, case.due_at)
    if now > case.due_at:
        state = f"已超期 {max(days * -1, 0) or '不足1'} 个工作日"
    elif case.urgent:  # a 24-hour deadline is counted in hours, holidays included
        state = f"加急，剩余 {max(int((case.due_at - now).total_seconds() // 3600), 0) or '不足1'} 小时"
    elif days == 0:
        state = "今日到期"
    else:
        state = f"剩余 {days} 个工作日"
    line = f"办理时限: {local_time(calc, case.due_at)} 前（{state}）"
    if case.calendar_note and office:
        line += f"\n⚠ {case.calendar_note}"
    return line


def units_line(case: Case) -> str:
    lead = case.lead_unit.name if case.lead_unit else "—"
    co = "、".join(u.name for u in case.co_units())
    return f"主办: {lead}" + (f"；协办: {co}" if co else "")


UNSURE_MARK = "（待核）"
MISSING = "未识别"


def case_summary(calc: DeadlineCalculator, case: Case, now: datetime, *, full: bool = False,
                 office: bool = False, unsure: Collection[str] = ()) -> str:
    """The case as the chat shows it. ``unsure``: fields to mark for checking (the draft card only);
    an unsure field the parser found nothing for is shown as 未识别."""

    def mark(name: str) -> str:
        return UNSURE_MARK if name in unsure else ""

    body = mask_text(case.body or "")
    if not full and len(body) > BODY_PREVIEW:
        body = body[:BODY_PREVIEW] + "…"
    author = mask_text(case.author) if case.author else (MISSING if "author" in unsure else "")
    posted = (posted_time(calc, case) if case.posted_at else (MISSING if "posted_at" in unsure else ""))
    lines = [
        f"工单 {case.number}（{STATUS_LABELS[Status(case.status)]}{'，督办' if case.supervised else ''}"
        f"{'，加急' if case.urgent else ''}）",
        f"来源: {source_label(case.source)}"
        + (f" | 网民: {author}{mark('author')}" if author else "")
        + (f" | 发布: {posted}{mark('posted_at')}" if posted else ""),
        f"标题: {mask_text(case.title)}{mark('title')}",
    ]
    if case.place:
        lines.append(f"地点: {case.place}{mark('place')}")
    lines.append(f"内容: {body or (MISSING if 'body' in unsure else '')}{mark('body')}")
    if case.source_link:
        lines.append(f"链接: {case.source_link}")
    if case.lead_unit:
        lines.append(units_line(case))
    if case.due_at and Status(case.status) not in (Status.CLOSED, Status.VERIFIED, Status.DUPLICATE, Status.VOID):
        lines.append(due_line(calc, case, now, office=office))
    return "\n".join(lines)


# The card's name for each field that can be marked (the names ``改`` takes).
FIELD_NAMES = {"title": "标题", "author": "作者", "posted_at": "时间", "body": "正文", "place": "地点",
               "addressed_unit": "留言对象"}


def proposal_card(calc: DeadlineCalculator, case: Case, now: datetime) -> str:
    unsure = [f for f in case.proposal.get("unsure") or [] if f in FIELD_NAMES]
    summary_without_heading = case_summary(calc, case, now, office=True, unsure=unsure).split("\n", 1)[1]
    lines = [f"已建工单 {case.number}（待分派{'，加急' if case.urgent else ''}）", summary_without_heading]
    extracted = case.proposal.get("extracted") or {}
    facts = [f"类型: {case.request_type}"]
    if case.category:
        facts.append(f"分类: {case.category}")
    if extracted.get("addressed_unit"):
        facts.append(f"留言对象: {extracted['addressed_unit']}{UNSURE_MARK if 'addressed_unit' in unsure else ''}")
    if extracted.get("phones"):
        facts.append(f"电话: {'、'.join(extracted['phones'][:3])}")
    if extracted.get("ip_location"):
        facts.append(f"IP属地: {extracted['ip_location']}")
    lines.append(" | ".join(facts))
    if case.proposal.get("note"):
        lines.append(f"附言: {mask_text(str(case.proposal['note']))}")
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
    if unsure:
        first = FIELD_NAMES[unsure[0]]
        lines.append(f"标“待核”的是识别把握不大的项（{'、'.join(FIELD_NAMES[f] for f in unsure)}），"
                     f"请核对，如有误回复“改 {first} 正确内容”。")
    return "\n".join(lines)


def dispatch_notice(calc: DeadlineCalculator, case: Case, now: datetime, role: str) -> str:
    head = ("【新工单·主办" if role == "lead" else "【新工单·协办") + ("·加急】" if case.urgent else "】")
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
