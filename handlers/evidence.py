"""A unit's photos (办理佐证): attached to the case they document, shown on the case page and in 查,
and sent on to the office.

On WeCom and DingTalk a photo is a message of its own, usually right after the text it illustrates.
A photo that comes without a command goes to the case named in it or in the message it quotes; else
to the case the sender just reported on (进展, 申请延期, 已办结 within ``REPORT_WINDOW``); else to the
unit's only case in hand. Otherwise it waits, and the sender is asked which case (``附图 工单号``).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.cases.directory import office_unit
from bot.cases.errors import LifecycleError
from bot.cases.pii import mask_text
from bot.cases.status import WITH_UNIT
from bot.intake.photos import chat_copy
from bot.messaging.addressing import Post
from handlers.context import ChatContext
from handlers.lookup import case_by_number, unit_cases
from models import Case, CaseEvent, CaseEvidence

REPORT_WINDOW = timedelta(minutes=30)  # a photo this soon after the sender's report belongs to it
HOLD_WINDOW = timedelta(days=1)  # a photo waiting for its case number is picked up by 附图 this long
# The report a photo documents, by the history entry the report made.
REPORT_KINDS = {"progress": "progress", "extension_requested": "extension", "close": "final", "co_finished": "final"}
CONTEXT_LABELS = {"progress": "进展", "extension": "申请延期", "final": "办结", "later": "补充"}


def counted(count: int) -> str:
    """The note a unit's report answer gets when photos came with it."""
    return f"（附图 {count} 张，已转网信办）" if count else ""


def attach_to_report(ctx: ChatContext, case: Case, context: str, note: str = "") -> int:
    """Photos sent with a report (进展, 申请延期, 已办结), and the sender's photos still waiting for a
    case number, go to the reported case and on to the office. Returns how many."""
    photos = _waiting_photos(ctx) + _new_photos(ctx)
    if not photos:
        return 0
    return _attach(ctx, case, photos, context, note)


def photos_alone(ctx: ChatContext, text: str, number: str | None) -> None:
    """A unit's photo message without a command (a caption at most)."""
    photos = _new_photos(ctx)
    if not photos:
        ctx.outcome = "unreadable_image"
        ctx.reply(_problems(ctx) or "图片未能保存，请重新发送。")
        return
    target = _target(ctx, number)
    if target is None:
        _hold(ctx)
        return
    case, context = target
    count = _attach(ctx, case, photos, context, text)
    ctx.outcome, ctx.touched_case = "evidence", case
    ctx.reply(f"已将 {count} 张图片附到 {case.number}（{CONTEXT_LABELS[context]}），已转网信办。" + _problems(ctx),
              case=case)


def attach_waiting(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    """附图 [工单号]: the sender's waiting photos (and any sent with this message) go to that case."""
    photos = _waiting_photos(ctx) + _new_photos(ctx)
    if not photos:
        raise LifecycleError("没有待归档的图片。请先发送图片，再回复“附图 工单号”。")
    target = _target(ctx, number)
    if target is None:
        _hold(ctx)
        return
    case, context = target
    count = _attach(ctx, case, photos, context, "")
    ctx.outcome, ctx.touched_case = "evidence", case
    ctx.reply(f"已将 {count} 张图片附到 {case.number}（{CONTEXT_LABELS[context]}），已转网信办。", case=case)


def _new_photos(ctx: ChatContext) -> list[CaseEvidence]:
    """This message's photos as rows (not yet attached to a case)."""
    assert ctx.sender is not None
    photos = [CaseEvidence(author_id=ctx.sender.id, unit_id=ctx.sender.unit_id, inbound_id=ctx.inbound_id or None,
                           file_name=p.file_name, size=p.size, context="later", created_at=ctx.now)
              for p in ctx.photos if p.file_name]
    ctx.session.add_all(photos)
    ctx.session.flush()
    return photos


def _waiting_photos(ctx: ChatContext) -> list[CaseEvidence]:
    """The sender's photos still waiting for a case number."""
    assert ctx.sender is not None
    return list(ctx.session.scalars(
        select(CaseEvidence).where(CaseEvidence.author_id == ctx.sender.id, CaseEvidence.case_id.is_(None),
                                   CaseEvidence.created_at >= ctx.now - HOLD_WINDOW).order_by(CaseEvidence.id)))


def _problems(ctx: ChatContext) -> str:
    problems = [p.problem for p in ctx.photos if p.problem]
    return f"\n另有 {len(problems)} 张图片未能保存：{problems[0]}" if problems else ""


def _target(ctx: ChatContext, number: str | None) -> tuple[Case, str] | None:
    """The case and the report a photo belongs to, or None when only the sender can say."""
    assert ctx.sender is not None
    report = ctx.session.execute(
        select(CaseEvent.case_id, CaseEvent.kind)
        .where(CaseEvent.created_at >= ctx.now - REPORT_WINDOW, CaseEvent.actor_id == ctx.sender.id,
               CaseEvent.kind.in_(REPORT_KINDS))
        .order_by(CaseEvent.id.desc()).limit(1)).first()
    if number:
        case = case_by_number(ctx.session, number)
        same = report is not None and report.case_id == case.id
        return case, REPORT_KINDS[report.kind] if same and report is not None else "later"
    reported = ctx.session.get(Case, report.case_id) if report is not None else None
    if reported is not None and report is not None:
        return reported, REPORT_KINDS[report.kind]
    if ctx.sender.unit_id is None:
        return None
    in_hand = unit_cases(ctx.session, ctx.sender.unit_id, WITH_UNIT)
    return (in_hand[0], "later") if len(in_hand) == 1 else None


def _hold(ctx: ChatContext) -> None:
    """Leave the photos unattached and ask which case (the unit has several in hand, or none)."""
    assert ctx.sender is not None
    waiting = len(_waiting_photos(ctx))
    in_hand = unit_cases(ctx.session, ctx.sender.unit_id, WITH_UNIT) if ctx.sender.unit_id else []
    ctx.outcome = "evidence_waiting"
    example = in_hand[0].number if in_hand else "DB-20261128-0001"
    listed = "\n".join(f"· {c.number} {mask_text(c.title)[:20]}" for c in in_hand[:5])
    where = f"本单位有 {len(in_hand)} 件在办工单：\n{listed}\n" if in_hand else "本单位没有在办工单。"
    ctx.reply(f"已收到 {waiting} 张图片，属于哪件工单？{where}"
              f"请回复“附图 工单号”，如：附图 {example}（也可引用该工单的消息回复“附图”）。" + _problems(ctx))


def _attach(ctx: ChatContext, case: Case, photos: list[CaseEvidence], context: str, note: str) -> int:
    known = set(ctx.session.scalars(select(CaseEvidence.file_name).where(CaseEvidence.case_id == case.id)))
    fresh: list[CaseEvidence] = []
    for photo in photos:
        if photo.file_name in known:  # the same photo sent twice: keep one
            ctx.session.delete(photo)
            continue
        known.add(photo.file_name)
        fresh.append(photo)
    if not fresh:
        return 0
    ctx.lifecycle.add_evidence(case, ctx.actor, fresh, context)
    _send_to_office(ctx, case, fresh, note)
    return len(fresh)


def _send_to_office(ctx: ChatContext, case: Case, photos: list[CaseEvidence], note: str) -> None:
    office = office_unit(ctx.session)
    if office is None:
        return
    for index, photo in enumerate(photos, 1):
        unit = photo.unit.name if photo.unit else ""
        caption = f"【附图】{case.number} {unit}（{CONTEXT_LABELS[photo.context]}）{index}/{len(photos)}"
        if index == 1 and note:
            caption += f"\n{note[:200]}"
        ctx.posts.append(Post(text=caption, unit=office, purpose="notify", case_id=case.id,
                              image_png=chat_copy(ctx.services.settings.var_dir, photo.file_name)))
