"""Dispatcher's work: a forwarded post becomes a draft case; 派 / 1 sends it to units."""

from __future__ import annotations

import re

from bot.directory import find_unit
from bot.lifecycle import LifecycleError
from bot.sources import source_from_link
from handlers import render
from handlers.context import ChatContext
from handlers.lookup import case_by_number, latest_draft
from models import Case, Unit

_URL = re.compile(r"https?://[^\s，。]+")
_REQUEST_TYPES = (("咨询", ("咨询", "请问", "能否", "是否可以", "怎么办理", "如何办理")), ("建议", ("建议",)),
                  ("求助", ("求助", "救助", "帮帮")))


def guess_request_type(text: str) -> str:
    for request_type, words in _REQUEST_TYPES:
        if any(w in text for w in words):
            return request_type
    return "投诉"


def new_draft_from_text(ctx: ChatContext, text: str) -> Case:
    """Build a draft case from forwarded plain text (screenshots go through bot.intake)."""
    from bot.proposals import proposals_to_json, propose_units

    link_match = _URL.search(text)
    link = link_match.group(0) if link_match else None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else ""
    if len(title) > 40:
        title = re.split(r"[。！？!?]", title)[0][:40]
    proposals = propose_units(ctx.session, title, text)
    case = ctx.lifecycle.create_case(
        ctx.actor,
        title=title or "网民留言",
        body=text,
        source_platform=source_from_link(link) if link else "other",
        source_link=link,
        request_type=guess_request_type(text),
        proposal={"units": proposals_to_json(proposals)},
        source_inbound_id=ctx.inbound_id,
    )
    return case


def forward(ctx: ChatContext, text: str) -> None:
    case = new_draft_from_text(ctx, text)
    ctx.outcome = "case_created"
    ctx.touched_case = case
    ctx.reply(render.proposal_card(ctx.services.deadlines, case, ctx.now), case=case)


def _units_from_args(ctx: ChatContext, args: str, case: Case) -> tuple[Unit, list[Unit]]:
    args = args.strip()
    proposals = case.proposal.get("units") or []
    lead_part, _, co_part = args.partition("协办")
    lead_part = lead_part.strip().rstrip(",，、")
    names = [n for n in re.split(r"[,，、\s]+", co_part.strip()) if n]

    def resolve(name: str) -> Unit:
        if name.isdigit():
            index = int(name) - 1
            if 0 <= index < len(proposals):
                name = proposals[index]["unit_name"]
            else:
                raise LifecycleError(f"没有第 {name} 项建议。")
        unit = find_unit(ctx.session, name)
        if unit is None or unit.is_office:
            raise LifecycleError(f"未找到单位“{name}”，请用单位全称或简称，如：派 住建局")
        return unit

    if not lead_part:
        raise LifecycleError("请写明主办单位，如：派 住建局 协办 城管局")
    return resolve(lead_part), [resolve(n) for n in names]


def _target_case(ctx: ChatContext, number: str | None) -> Case:
    assert ctx.sender is not None
    return case_by_number(ctx.session, number) if number else latest_draft(ctx.session, ctx.sender)


def dispatch(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    case = _target_case(ctx, number)
    lead, co_units = _units_from_args(ctx, args.get("args", ""), case)
    do_dispatch(ctx, case, lead, co_units)


def accept_proposal(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    case = _target_case(ctx, number)
    lead, co_units = _units_from_args(ctx, args["choice"], case)
    do_dispatch(ctx, case, lead, co_units)


def do_dispatch(ctx: ChatContext, case: Case, lead: Unit, co_units: list[Unit]) -> None:
    calc = ctx.services.deadlines
    ctx.lifecycle.dispatch(case, ctx.actor, lead, co_units)
    ctx.outcome = "dispatched"
    ctx.touched_case = case
    for link in case.units:
        ctx.post_to_unit(link.unit, render.dispatch_notice(calc, case, ctx.now, link.role),
                         mentions=link.unit.handlers() or link.unit.leaders(), case=case, purpose="dispatch")
    reply = f"已派发 {case.number}：{render.units_line(case)}\n{render.due_line(calc, case, ctx.now)}"
    ctx.reply(reply, case=case)


def merge(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    """并入 DB-…: the latest draft is a repeat of an open case; the units hear 又有网民反映."""
    assert ctx.sender is not None
    draft = latest_draft(ctx.session, ctx.sender)
    target = number or str(draft.proposal.get("repeat_of") or "")
    if not target:
        raise LifecycleError("请注明并入哪件工单，如：并入 DB-20261128-0001")
    original = case_by_number(ctx.session, target)
    mark_repeat(ctx, draft, original)


def mark_repeat(ctx: ChatContext, draft: Case, original: Case) -> None:
    ctx.lifecycle.mark_duplicate(draft, ctx.actor, original)
    ctx.outcome, ctx.touched_case = "merged", draft
    ctx.reply(f"{draft.number} 已作为重复件并入 {original.number}（累计重复 {original.repeat_count} 次）。"
              f"如不是重复，回复“派 单位 {draft.number}”照常派单。", case=draft)
    for link in original.units:
        ctx.post_to_unit(link.unit, f"【又有网民反映】{original.number} {original.title}\n"
                                    f"新留言 {draft.number}：{render.mask_text(draft.title)}\n"
                                    f"累计重复 {original.repeat_count} 次，请加快办理。",
                         mentions=link.unit.handlers(), case=original)
