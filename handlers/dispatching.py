"""Dispatcher's work: a forwarded post becomes a draft case; 派 / 1 sends it to units."""

from __future__ import annotations

import re

from bot.cases.directory import find_unit
from bot.cases.errors import LifecycleError
from bot.intake.post_parser import ParsedPost
from bot.routing.drafts import (
    case_fields,
    extracted_summary,
    find_open_repeat,
    known_places,
    post_to_json,
    propose,
    unsure_fields,
)
from handlers import render
from handlers.context import ChatContext
from handlers.lookup import case_by_number, just_merged, the_draft
from models import Case, Unit

_REQUEST_TYPES = (("咨询", ("咨询", "请问", "能否", "是否可以", "怎么办理", "如何办理")), ("建议", ("建议",)),
                  ("求助", ("求助", "救助", "帮帮")))


def guess_request_type(text: str) -> str:
    for request_type, words in _REQUEST_TYPES:
        if any(w in text for w in words):
            return request_type
    return "投诉"


def create_draft(ctx: ChatContext, post: ParsedPost, source_text: str, *, from_images: bool = False,
                 note: str = "", pages: int = 1) -> Case:
    """A draft case from a parsed post: fields, routing proposal; a repeat of an open case is linked.

    The category, the proposed units, the request type and the repeat check read the post's
    cleaned title and body only. `source_text` (kept on the draft) is the pasted text or the
    screenshots' OCR text; pasted text is also the body of a post the parser found none in, a
    screenshot's OCR text (page chrome included) never is. `note`: what the dispatcher typed
    with the screenshots, shown on the card."""
    fields = case_fields(post, "" if from_images else source_text)
    proposal = propose(ctx.session, post, fields["title"], fields["body"])
    proposal.update(extracted=extracted_summary(post), source_text=source_text, from_images=from_images,
                    unsure=unsure_fields(post, fields, from_images=from_images))
    if from_images:
        proposal.update(post=post_to_json(post), pages=pages)
    if note:
        proposal["note"] = note
    case = ctx.lifecycle.create_case(
        ctx.actor, **fields, category=proposal.get("category"),
        request_type=guess_request_type(f"{fields['title']}\n{fields['body']}"),
        proposal=proposal, source_inbound_id=ctx.inbound_id,
    )
    ctx.touched_case = case
    repeat = find_open_repeat(ctx.session, post, fields["title"], fields["body"], ctx.now, exclude_id=case.id)
    if repeat is not None:
        original, score = repeat
        case.proposal = {**case.proposal, "repeat_of": original.number, "repeat_score": round(score, 2)}
        mark_repeat(ctx, case, original)
        return case
    ctx.outcome = "case_created"
    ctx.reply(render.proposal_card(ctx.services.deadlines, case, ctx.now), case=case)
    return case


def forward(ctx: ChatContext, text: str) -> None:
    """Forwarded plain text or a link: parse it like a post and make a draft."""
    from bot.intake.pipeline import intake_text

    create_draft(ctx, intake_text(text, ctx.now, known_places=known_places(ctx.session)).post, text)


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


def _target_case(ctx: ChatContext, number: str | None, example: str) -> Case:
    assert ctx.sender is not None
    return case_by_number(ctx.session, number) if number else the_draft(ctx.session, ctx.sender, example)


_URGENT = re.compile(r"\s*(?:加急|紧急|急)\s*$")


def split_urgent(args: str) -> tuple[str, bool]:
    """``住建局 协办 城管局 急`` → (``住建局 协办 城管局``, True)."""
    rest = _URGENT.sub("", args)
    return rest, rest != args


def dispatch(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    units, urgent = split_urgent(args.get("args", ""))
    case = _target_case(ctx, number, "派 单位")
    lead, co_units = _units_from_args(ctx, units, case)
    do_dispatch(ctx, case, lead, co_units, urgent=urgent)


def accept_proposal(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    case = _target_case(ctx, number, args["choice"])
    lead, co_units = _units_from_args(ctx, args["choice"], case)
    do_dispatch(ctx, case, lead, co_units, urgent=bool(args.get("urgent")))


def make_urgent(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    """加急 [工单号]: a draft is dispatched with the urgent deadline; a case with a unit gets it from now."""
    case = _target_case(ctx, number, "加急")
    ctx.lifecycle.make_urgent(case, ctx.actor)
    ctx.outcome, ctx.touched_case = "urgent", case
    hours = ctx.services.deadlines.policy.urgent_hours
    if not case.units:
        ctx.reply(f"{case.number} 已标为加急，派单后须 {hours} 小时内办结。回复“1”或“派 单位”派单。", case=case)
        return
    line = render.due_line(ctx.services.deadlines, case, ctx.now)
    ctx.reply(f"{case.number} 已加急。\n{line}", case=case)
    for link in case.units:
        ctx.post_to_unit(link.unit, f"【加急】{case.number} {render.mask_text(case.title)}\n{line}\n请优先办理。",
                         mentions=link.unit.handlers() + link.unit.leaders(), case=case)


def do_dispatch(ctx: ChatContext, case: Case, lead: Unit, co_units: list[Unit], *, urgent: bool = False) -> None:
    calc = ctx.services.deadlines
    if urgent and not case.urgent:
        ctx.lifecycle.make_urgent(case, ctx.actor)
    ctx.lifecycle.dispatch(case, ctx.actor, lead, co_units)
    ctx.outcome = "dispatched"
    ctx.touched_case = case
    for link in case.units:
        ctx.post_to_unit(link.unit, render.dispatch_notice(calc, case, ctx.now, link.role),
                         mentions=link.unit.handlers() or link.unit.leaders(), case=case, purpose="dispatch")
    reply = f"已派发 {case.number}：{render.units_line(case)}\n{render.due_line(calc, case, ctx.now, office=True)}"
    ctx.reply(reply, case=case)


def merge(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    """并入 DB-…: the latest draft is a repeat of an open case; the units hear 又有网民反映."""
    assert ctx.sender is not None
    merged = just_merged(ctx.session, ctx.sender)
    original = ctx.session.get(Case, merged.duplicate_of_id) if merged and merged.duplicate_of_id else None
    if merged is not None and original is not None and number in (None, original.number):
        # The bot linked it already: say so rather than ask which draft.
        ctx.outcome, ctx.touched_case = "merged", merged
        ctx.reply(f"{merged.number} 已作为重复件并入 {original.number}（累计重复 {original.repeat_count} 次）。", case=merged)
        return
    draft = the_draft(ctx.session, ctx.sender, "并入 原工单号")
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


# Every field the draft card shows, by the name the card shows it under (the first eight were the
# original list; 作者 is the card's 网民, 时间 its 发布). Hidden aliases are accepted too.
_EDITABLE = {"标题": "title", "地点": "place", "网民": "author", "来源": "source", "类型": "request_type",
             "分类": "category", "链接": "source_link", "留言对象": "addressed_unit", "作者": "author",
             "时间": "posted_at", "正文": "body", "电话": "phones", "IP属地": "ip_location"}
_ALIASES = {"发布时间": "时间", "发布": "时间", "内容": "正文", "属地": "IP属地", "IP": "IP属地"}
# Kept with the parsed fields on the proposal (shown on the card), not columns of the case.
_EXTRACTED = ("addressed_unit", "phones", "ip_location")
CORRECT_FORMAT = f"修改格式：改 {'|'.join(_EDITABLE)} 新内容，如：改 地点 东湖街道幸福小区"
TIME_FORMAT = "时间如：改 时间 昨天 下午3:05，或 改 时间 2026-11-28 15:05"


def _field_name(field_name: str, value: str) -> tuple[str, str]:
    """The field's name as listed, and the value: an alias resolved (``ip属地`` → ``IP属地``), a name
    typed without its space (``改 作者张三``) split off its value."""
    names = {**{n: n for n in _EDITABLE}, **_ALIASES}
    upper = field_name.upper()
    if upper in names:
        return names[upper], value
    for name in sorted(names, key=len, reverse=True):
        if upper.startswith(name) and len(field_name) > len(name):
            return names[name], f"{field_name[len(name):]} {value}".strip()
    return field_name, value


def correct(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    """改 标题 …: fix a field of the draft before dispatching it (OCR slips, a wrong source)."""
    from bot.cases.pii import find_phones
    from bot.cases.sources import SOURCE_LABELS
    from bot.cases.sources import label as source_label
    from bot.intake.post_time import find_times, resolve_post_time

    assert ctx.sender is not None
    field_name, value = _field_name(args.get("field", ""), args.get("value", "").strip())
    if field_name not in _EDITABLE:
        unknown = f"不能修改“{field_name}”。" if field_name else ""
        raise LifecycleError(f"{unknown}可修改的项目：{'、'.join(_EDITABLE)}。{CORRECT_FORMAT}")
    if not value:
        raise LifecycleError(TIME_FORMAT if field_name == "时间" else CORRECT_FORMAT)
    case = _target_case(ctx, number, f"改 {field_name} {value}")
    if case.status not in ("pending", "returned"):
        raise LifecycleError(f"工单 {case.number} 已派发，不能再修改。")
    attribute = _EDITABLE[field_name]
    new_value: object = value
    shown = value
    if attribute == "source":
        by_label = {label: key for key, label in SOURCE_LABELS.items()}
        if value not in by_label and value not in SOURCE_LABELS:
            raise LifecycleError(f"来源须为：{'、'.join(SOURCE_LABELS.values())}")
        new_value = by_label.get(value, value)
    if attribute == "request_type" and value not in ctx.services.deadlines.policy.working_days:
        raise LifecycleError(f"类型须为：{'、'.join(ctx.services.deadlines.policy.working_days)}")
    if attribute == "posted_at":  # the same grammar as the screenshots' times (昨天 下午3:05, 3小时前…)
        moment = resolve_post_time(value, ctx.now)
        if moment is None:
            raise LifecycleError(f"看不懂时间“{value}”。{TIME_FORMAT}")
        new_value, shown = moment, render.local_time(ctx.services.deadlines, moment)
        date_only = [m.shown for m in find_times(value, ctx.now)][:1] == [{"date"}]
        if date_only:
            shown = shown[:10]
        extracted = case.proposal.get("extracted") or {}
        case.proposal = {**case.proposal, "extracted": {**extracted, "posted_date_only": date_only}}
    if attribute == "phones":
        phones = find_phones(value)
        if not phones:
            raise LifecycleError("请写电话号码，如：改 电话 13800001111")
        new_value = [render.mask_text(p) for p in phones]  # the card shows them masked; the body keeps them
        shown = "、".join(new_value)  # type: ignore[arg-type]
    if attribute == "title":
        new_value = value[:256]
    if attribute in _EXTRACTED:  # shown on the proposal card, kept with the parsed fields
        extracted = dict(case.proposal.get("extracted") or {})
        before = extracted.get(attribute)
        case.proposal = {**case.proposal, "extracted": {**extracted, attribute: new_value}}
    else:
        before = getattr(case, attribute)
        setattr(case, attribute, new_value)
    if isinstance(before, list):
        before = "、".join(before)
    if attribute == "posted_at" and before is not None:
        before = render.local_time(ctx.services.deadlines, before)  # type: ignore[arg-type]
    if attribute == "source":  # the history shows 问政湖南 → 红网百姓呼声, not the stored keys
        before, shown = source_label(str(before or "")), source_label(str(new_value))
    if attribute in ("body", "author", "phones"):  # the history, like the chat, shows personal data masked
        before, shown = render.mask_text(str(before or "")), render.mask_text(shown)
    if attribute == "body":
        before, shown = _short(str(before)), _short(shown)
    # Corrected: no longer marked unsure, and a later screenshot of the post leaves it as corrected.
    unsure = [f for f in case.proposal.get("unsure") or [] if f != attribute]
    corrected = sorted({*(case.proposal.get("corrected") or []), attribute})
    case.proposal = {**case.proposal, "unsure": unsure, "corrected": corrected}
    ctx.lifecycle.note(case, ctx.actor, "corrected", f"{field_name}：{before or '—'} → {shown}")
    ctx.outcome, ctx.touched_case = "corrected", case
    ctx.reply(f"已修改{field_name}。\n" + render.proposal_card(ctx.services.deadlines, case, ctx.now), case=case)


def _short(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[:size] + "…"
