"""作废 and 恢复: a draft or a case made by mistake leaves every count, and can come back.

Dispatchers may void drafts (待分派, 已退回, 重复件: nothing was asked of a unit yet); a case already
with a unit, or archived, only the office may void. Either way the units that have the case hear
that it was voided, and again when it is restored.
"""

from __future__ import annotations

from bot.cases.errors import LifecycleError
from bot.cases.status import DRAFT_STATUSES, STATUS_LABELS, WITH_UNIT, Status
from handlers import render
from handlers.context import ChatContext
from handlers.lookup import case_by_number, the_draft

OFFICE_ONLY = "已派发的工单只能由网信办领导（office 角色）作废或恢复。"


def _may_touch(ctx: ChatContext, status: Status) -> None:
    if status not in DRAFT_STATUSES and ctx.role != "office":
        raise LifecycleError(OFFICE_ONLY)


def void(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    reason = args.get("reason", "").strip()
    if not reason:
        raise LifecycleError("作废须写明原因，如：作废 DB-20261128-0001 误转发，非网民留言")
    if number:
        case = case_by_number(ctx.session, number)
    elif ctx.sender is not None:
        case = the_draft(ctx.session, ctx.sender, "作废 原因")
    else:
        raise LifecycleError("请注明工单号。")
    before = Status(case.status)
    _may_touch(ctx, before)
    ctx.lifecycle.void(case, ctx.actor, reason)
    ctx.outcome, ctx.touched_case = "voided", case
    ctx.reply(f"{case.number} 已作废（原为“{STATUS_LABELS[before]}”），不再计入统计和待办，记录保留。"
              f"如需恢复，回复“恢复 {case.number}”。", case=case)
    if before in WITH_UNIT or before == Status.CLOSED:
        for link in case.units:
            ctx.post_to_unit(link.unit, f"【工单作废】{case.number} {render.mask_text(case.title)}\n"
                                        f"原因: {reason}\n此件无需继续办理。", mentions=link.unit.handlers(), case=case)


def restore(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    if not number:
        raise LifecycleError("恢复须注明工单号，如：恢复 DB-20261128-0001")
    case = case_by_number(ctx.session, number)
    if case.status != Status.VOID.value:
        raise LifecycleError(f"工单 {case.number} 未作废，无需恢复。")
    voided = next((e for e in reversed(case.events) if e.kind == "void"), None)
    _may_touch(ctx, Status(str((voided.data or {}).get("restore_to") or "pending")) if voided else Status.PENDING)
    target = ctx.lifecycle.restore(case, ctx.actor, args.get("note", ""))
    ctx.outcome, ctx.touched_case = "restored", case
    ctx.reply(f"{case.number} 已恢复为“{STATUS_LABELS[target]}”。", case=case)
    if target in WITH_UNIT or target == Status.CLOSED:
        for link in case.units:
            ctx.post_to_unit(link.unit, f"【工单恢复】{case.number} {render.mask_text(case.title)}\n"
                                        f"{render.due_line(ctx.services.deadlines, case, ctx.now)}\n请继续办理。",
                             mentions=link.unit.handlers(), case=case)
