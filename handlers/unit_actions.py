"""A unit's handlers in their group: 签收, 进展, 申请延期, 退回, 已办结."""

from __future__ import annotations

from bot.cases import citizen_replies
from bot.cases.directory import office_unit, on_duty
from bot.cases.errors import LifecycleError
from bot.cases.status import Status
from handlers import evidence, render
from handlers.context import ChatContext
from handlers.lookup import case_by_number, single_case, unit_cases
from models import Case, Person


def _case(ctx: ChatContext, number: str | None, statuses: tuple[Status, ...], what: str, example: str) -> Case:
    if number:
        return case_by_number(ctx.session, number)
    if ctx.sender is None or ctx.sender.unit_id is None:
        raise LifecycleError("请注明工单号。")
    return single_case(unit_cases(ctx.session, ctx.sender.unit_id, statuses), what, example)


def _office_people(ctx: ChatContext) -> list[Person]:
    person = on_duty(ctx.session, ctx.now)
    office = office_unit(ctx.session)
    people = [person] if person else []
    if office:
        people += [p for p in office.members if p.role == "office" and p.active and p not in people]
    return people


def _tell_office(ctx: ChatContext, case: Case, text: str) -> None:
    office = office_unit(ctx.session)
    if office is not None:
        ctx.post_to_unit(office, text, mentions=_office_people(ctx), case=case)


def sign(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    if number or ctx.sender is None or ctx.sender.unit_id is None:
        case = _case(ctx, number, (Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS), "待签收", "签收")
    else:
        # Waiting for this unit's 签收: a case another unit of the case signed, or that this unit
        # signed already, is not a candidate for a bare "签收".
        unit_id = ctx.sender.unit_id
        in_hand = unit_cases(ctx.session, unit_id, (Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS))
        waiting = [c for c in in_hand if any(u.unit_id == unit_id and u.signed_at is None for u in c.units)]
        case = single_case(waiting, "待签收", "签收")
    link = ctx.lifecycle.sign(case, ctx.actor)
    ctx.outcome, ctx.touched_case = "signed", case
    ctx.reply(f"已签收 {case.number}（{link.unit.name}）。\n{render.due_line(ctx.services.deadlines, case, ctx.now)}",
              case=case)


def progress(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    case = _case(ctx, number, (Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS), "办理中", "进展")
    ctx.lifecycle.progress(case, ctx.actor, args.get("text", ""))
    ctx.outcome, ctx.touched_case = "progress", case
    photos = evidence.attach_to_report(ctx, case, "progress", f"进展: {args.get('text', '')}")
    ctx.reply(f"已记录 {case.number} 的进展。{evidence.counted(photos)}", case=case)


def request_extension(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    case = _case(ctx, number, (Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS), "办理中", "申请延期 3天 原因")
    if not args.get("days"):
        raise LifecycleError("请写明延期天数和原因，如：申请延期 3天 需协调多部门。")
    request = ctx.lifecycle.request_extension(case, ctx.actor, int(args["days"]), args.get("reason", ""))
    ctx.outcome, ctx.touched_case = "extension_requested", case
    calc = ctx.services.deadlines
    _tell_office(
        ctx, case,
        f"【延期申请】{case.number} {case.lead_unit.name if case.lead_unit else ''}申请延期 {request.working_days} 个工作日"
        f"\n原因: {request.reason}\n原时限: {render.local_time(calc, request.old_due_at)}，"
        f"申请至: {render.local_time(calc, request.new_due_at)}\n回复“同意延期 {case.number}”或“不同意延期 {case.number} 原因”。",
    )
    photos = evidence.attach_to_report(ctx, case, "extension")
    ctx.reply(f"已提交 {case.number} 延期申请（{request.working_days} 个工作日），待网信办审批。{evidence.counted(photos)}",
              case=case)


def return_case(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    case = _case(ctx, number, (Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS), "可退回", "退回 原因")
    unit_name = ctx.sender.unit.name if ctx.sender and ctx.sender.unit else ""
    ctx.lifecycle.return_case(case, ctx.actor, args.get("reason", ""))
    ctx.outcome, ctx.touched_case = "returned", case
    ctx.reply(f"已退回 {case.number}，网信办将重新分派。", case=case)
    _tell_office(ctx, case, f"【退回】{case.number} 被{unit_name}退回\n原因: {args.get('reason', '')}\n"
                            f"请回复“派 单位 {case.number}”重新分派。")


def close(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    case = _case(ctx, number, (Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS), "办理中", "已办结 办理情况")
    final = ctx.lifecycle.close(case, ctx.actor, args.get("text", ""))
    ctx.touched_case = case
    if Status(case.status) == Status.CLOSED:
        ctx.outcome = "closed"
        citizen_replies.prepare_draft(ctx.session, case, final, ctx.now, ctx.services.deadlines.local(ctx.now))
        _tell_office(ctx, case, f"【办结】{case.number} {render.units_line(case)}\n办理情况: {final.text}\n"
                                f"核查后回复“核查通过 {case.number}”或“重新办理 {case.number} 原因”。\n"
                                f"回复网民稿已生成：回复“回复网民 {case.number}”查看、修改。")
        photos = evidence.attach_to_report(ctx, case, "final")
        ctx.reply(f"{case.number} 已办结，待网信办核查。{evidence.counted(photos)}", case=case)
    else:
        ctx.outcome = "co_finished"
        photos = evidence.attach_to_report(ctx, case, "final", f"协办办理情况: {final.text}")
        ctx.reply(f"已记录协办单位对 {case.number} 的办理情况，由主办单位办结。{evidence.counted(photos)}", case=case)
