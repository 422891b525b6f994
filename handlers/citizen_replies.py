"""The office's replies to citizens (回复网民): see and edit the draft, record that it was posted."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select

from bot.cases import citizen_replies
from bot.cases.errors import LifecycleError
from bot.cases.status import DONE_VALUES
from handlers import render
from handlers.context import ChatContext
from handlers.lookup import case_by_number, single_case
from models import Case, CitizenReply

# 已回复网民 DB-… 红网 11-30 15:20 — where (a platform or a link), then optionally when it was posted.
_WHEN = re.compile(r"(?:(?:(?P<year>\d{4})[-/.年])?(?P<month>\d{1,2})[-/.月](?P<day>\d{1,2})日?\s*)?"
                   r"(?P<hour>\d{1,2})[:：](?P<minute>\d{2})\s*$")


def _case(ctx: ChatContext, number: str | None, example: str) -> Case:
    if number:
        return case_by_number(ctx.session, number)
    drafted = list(ctx.session.scalars(
        select(Case).join(CitizenReply, CitizenReply.case_id == Case.id)
        .where(CitizenReply.state == "draft", Case.status.in_(DONE_VALUES)).order_by(Case.id)))
    return single_case(drafted, "待回复网民", example)


def _local_now(ctx: ChatContext) -> datetime:
    return ctx.services.deadlines.local(ctx.now)


def how_to_post(number: str) -> str:
    return f"在原平台发布后回复“已回复网民 {number} 平台或链接 [时间]”，如：已回复网民 {number} 红网 15:30"


def show_or_edit(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    """回复网民 [工单号] — show the draft; 回复网民 [工单号] 新内容 — replace it."""
    case = _case(ctx, number, "回复网民")
    text = args.get("text", "").strip()
    if text:
        draft = citizen_replies.edit_draft(ctx.session, case, text, ctx.now, _local_now(ctx))
        ctx.outcome, head = "citizen_reply_edited", f"已更新 {case.number} 的回复网民稿："
    else:
        draft = citizen_replies.draft_for(ctx.session, case, ctx.now, _local_now(ctx))
        ctx.outcome, head = "citizen_reply_draft", f"{case.number} 回复网民稿（修改请回复“回复网民 {case.number} 新内容”）："
    ctx.touched_case = case
    ctx.reply(f"{head}\n{draft.text}\n—— {how_to_post(case.number)}", case=case)


def mark_posted(ctx: ChatContext, args: dict[str, str], number: str | None, *,
                posted_at: datetime | None = None) -> None:
    """已回复网民 [工单号] [平台或链接] [时间]; the dashboard gives the time as ``posted_at``."""
    case = _case(ctx, number, "已回复网民")
    where, typed_at = parse_where_when(ctx, args.get("where", ""))
    posted_at = posted_at or typed_at
    reply = citizen_replies.mark_posted(ctx.lifecycle, case, ctx.actor, where, posted_at, _local_now(ctx))
    ctx.outcome, ctx.touched_case = "citizen_reply_posted", case
    assert reply.posted_at is not None
    ctx.reply(f"已记录 {case.number} 已回复网民：{reply.posted_where}，"
              f"{render.local_time(ctx.services.deadlines, reply.posted_at)}。", case=case)


def parse_where_when(ctx: ChatContext, text: str) -> tuple[str, datetime | None]:
    text = text.strip()
    found = _WHEN.search(text)
    if not found:
        return text, None
    local = _local_now(ctx)
    try:
        moment = local.replace(year=int(found["year"] or local.year), month=int(found["month"] or local.month),
                               day=int(found["day"] or local.day), hour=int(found["hour"]),
                               minute=int(found["minute"]), second=0, microsecond=0)
    except ValueError as exc:
        raise LifecycleError("发布时间格式不对，如：15:30 或 11-30 15:30。") from exc
    return text[:found.start()].strip(), moment
