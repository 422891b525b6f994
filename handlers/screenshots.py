"""A forwarded screenshot (or several) becomes a draft case, read by OCR in the worker.

Several screenshots of one post usually arrive as separate messages: images from the same
dispatcher within ``MERGE_WINDOW`` extend the draft they just made instead of making another.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.cases.status import Status
from bot.intake.post_parser import parse_post
from bot.intake.screenshots import UNREADABLE
from bot.routing.drafts import case_fields, extracted_summary, propose
from handlers import dispatching, render
from handlers.context import ChatContext
from models import Case

MERGE_WINDOW = timedelta(minutes=2)


def forward_images(ctx: ChatContext, text: str) -> None:
    texts = [r.text for r in ctx.image_readings if r.text]
    problems = [r.problem for r in ctx.image_readings if r.problem]
    if not texts:
        ctx.outcome = "unreadable_image"
        # The image itself stays with the inbound message (its payload names the stored file).
        ctx.reply(problems[0] if problems and problems[0] != UNREADABLE else UNREADABLE)
        return
    source = "\n".join(texts + ([text] if text else []))
    draft = _recent_image_draft(ctx)
    if draft is not None:
        _extend(ctx, draft, source)
    else:
        readings = [r for r in ctx.image_readings if r.text]
        # One screenshot alone: its fields were parsed from the OCR lines (layout included) already.
        single = readings[0].post if len(readings) == 1 and not text else None
        dispatching.create_draft(ctx, single or parse_post(source, ctx.now), source, from_images=True)
    if problems:
        ctx.reply(f"另有 {len(problems)} 张图片未能识别：{problems[0]}")


def _recent_image_draft(ctx: ChatContext) -> Case | None:
    assert ctx.sender is not None
    case = ctx.session.scalar(
        select(Case)
        .where(Case.created_by_id == ctx.sender.id, Case.status == Status.PENDING.value,
               Case.created_at >= ctx.now - MERGE_WINDOW)
        .order_by(Case.id.desc())
        .limit(1)
    )
    return case if case is not None and case.proposal.get("from_images") else None


def _extend(ctx: ChatContext, case: Case, new_text: str) -> None:
    source = f"{case.proposal.get('source_text', '')}\n{new_text}"
    post = parse_post(source, ctx.now)
    fields = case_fields(post)
    for key, value in fields.items():
        if value is not None:
            setattr(case, key, value)
    proposal = propose(ctx.session, post, case.title, case.body)
    pages = int(case.proposal.get("pages", 1)) + 1
    case.proposal = {**proposal, "extracted": extracted_summary(post), "source_text": source, "from_images": True,
                     "pages": pages}
    case.category = proposal.get("category")
    ctx.lifecycle.note(case, ctx.actor, "screenshot_added", f"追加截图（共 {pages} 张）")
    ctx.outcome, ctx.touched_case = "case_extended", case
    ctx.reply(f"已并入同一留言的第 {pages} 张截图。\n" + render.proposal_card(ctx.services.deadlines, case, ctx.now),
              case=case)
