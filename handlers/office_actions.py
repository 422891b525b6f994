"""The office's decisions: extensions, 批示, 督办, 核查, 重新办理, 评价."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.cases.errors import LifecycleError
from bot.cases.status import Status
from handlers import render
from handlers.context import ChatContext
from handlers.lookup import case_by_number, single_case
from models import Case, ExtensionRequest


def _case(ctx: ChatContext, number: str | None, candidates: list[Case], what: str, example: str) -> Case:
    if number:
        return case_by_number(ctx.session, number)
    return single_case(candidates, what, example)


def _by_status(ctx: ChatContext, *statuses: Status) -> list[Case]:
    return list(ctx.session.scalars(select(Case).where(Case.status.in_([s.value for s in statuses])).order_by(Case.id)))


def _notify_units(ctx: ChatContext, case: Case, text: str, *, leaders: bool = False) -> None:
    for link in case.units:
        people = link.unit.handlers() + (link.unit.leaders() if leaders else [])
        ctx.post_to_unit(link.unit, text, mentions=people, case=case)


def decide_extension(ctx: ChatContext, args: dict[str, str], number: str | None, approve: bool) -> None:
    pending = list(ctx.session.scalars(
        select(Case).join(ExtensionRequest).where(ExtensionRequest.state == "pending").order_by(Case.id)
    ))
    case = _case(ctx, number, pending, "待审批延期", "同意延期")
    request = ctx.lifecycle.decide_extension(case, ctx.actor, approve, args.get("note", ""))
    ctx.touched_case = case
    calc = ctx.services.deadlines
    if approve:
        ctx.outcome = "extension_approved"
        ctx.reply(f"已同意 {case.number} 延期至 {render.local_time(calc, case.due_at)}。", case=case)
        _notify_units(ctx, case, f"【延期已同意】{case.number} 新时限: {render.local_time(calc, case.due_at)}")
    else:
        ctx.outcome = "extension_rejected"
        note = args.get("note", "")
        ctx.reply(f"已驳回 {case.number} 的延期申请。", case=case)
        _notify_units(ctx, case, f"【延期未同意】{case.number} 请按原时限 {render.local_time(calc, request.old_due_at)} 办结。"
                                 + (f"\n说明: {note}" if note else ""))


def approve_extension(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    decide_extension(ctx, args, number, True)


def reject_extension(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    decide_extension(ctx, args, number, False)


# 批示 工单号 张书记：请住建局三天内答复 — the words before the first colon name who gave it (批示人).
# Short and without punctuation, so an instruction that merely contains a colon is not mistaken for one;
# a leader's instruction never starts with 请.
_LEADER = re.compile(r"^(?!请)(?P<leader>[^\s:：,，。;；!！?？、]{1,12})\s*[:：]\s*(?P<text>\S.*)$", re.DOTALL)


def split_leader(text: str) -> tuple[str, str]:
    """(批示人, 批示内容) from ``张书记：内容``; ("", text) when no leader is named."""
    found = _LEADER.match(text.strip())
    return (found["leader"], found["text"].strip()) if found else ("", text.strip())


def instruct(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    if not number:
        raise LifecycleError("批示须注明工单号，如：批示 DB-20261128-0001 张书记：请尽快处理。")
    case = case_by_number(ctx.session, number)
    leader, text = split_leader(args.get("text", ""))
    leader = args.get("leader", "").strip() or leader  # the dashboard's 批示人 field
    ctx.lifecycle.instruct(case, ctx.actor, text, leader=leader)
    ctx.outcome, ctx.touched_case = "instruction", case
    ctx.reply(f"已记录{leader or ''}对 {case.number} 的批示，并推送至承办单位。"
              + ("" if leader else f"\n未注明批示人；可写作：批示 {case.number} 张书记：批示内容"), case=case)
    _notify_units(ctx, case, f"【领导批示】{case.number} {case.title}\n" + (f"批示人: {leader}\n" if leader else "")
                  + f"批示: {text}\n请抓紧办理并及时反馈。", leaders=True)


def supervise(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    if not number:
        raise LifecycleError("督办须注明工单号，如：督办 DB-20261128-0001")
    case = case_by_number(ctx.session, number)
    ctx.lifecycle.supervise(case, ctx.actor)
    ctx.outcome, ctx.touched_case = "supervised", case
    ctx.reply(f"{case.number} 已列为督办件，催办将加密。", case=case)
    _notify_units(ctx, case, f"【督办】{case.number} 已列为督办件，请优先办理。\n"
                             f"{render.due_line(ctx.services.deadlines, case, ctx.now)}", leaders=True)


def verify(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    case = _case(ctx, number, _by_status(ctx, Status.CLOSED), "待核查", "核查通过")
    ctx.lifecycle.verify(case, ctx.actor)
    ctx.outcome, ctx.touched_case = "verified", case
    ctx.reply(f"{case.number} 核查通过，已归档。", case=case)


def reopen(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    case = _case(ctx, number, _by_status(ctx, Status.CLOSED), "待核查", "重新办理 原因")
    reason = args.get("reason", "")
    ctx.lifecycle.reopen(case, ctx.actor, reason)
    ctx.outcome, ctx.touched_case = "reopened", case
    ctx.reply(f"{case.number} 已重新交办。", case=case)
    _notify_units(ctx, case, f"【重新办理】{case.number}\n原因: {reason}\n{render.due_line(ctx.services.deadlines, case, ctx.now)}",
                  leaders=True)


def rate(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    level = args.get("level") or ""
    if not level:
        raise LifecycleError("评价请回复：评价 满意 / 基本满意 / 不满意（可加工单号）")
    case = _case(ctx, number, _by_status(ctx, Status.CLOSED, Status.VERIFIED)[-1:], "可评价", "评价 满意")
    ctx.lifecycle.rate(case, ctx.actor, level, args.get("reason", ""))
    ctx.touched_case = case
    if level == "不满意":
        ctx.outcome = "reopened"
        ctx.reply(f"已记录 {case.number} 评价“不满意”，工单已重新交办。", case=case)
        _notify_units(ctx, case, f"【网民不满意·重新办理】{case.number}\n网民意见: {args.get('reason', '').strip()}\n"
                                 f"{render.due_line(ctx.services.deadlines, case, ctx.now)}", leaders=True)
    else:
        ctx.outcome = "rated"
        ctx.reply(f"已记录 {case.number} 评价“{level}”。", case=case)
