"""A forwarded screenshot (or several) becomes a draft case, read by OCR in the worker.

Each screenshot was parsed on its own OCR lines, layout included (``ImageReading.post``); several
screenshots of one post are merged post by post (``merge_posts``: fields from the page that shows
them, bodies joined without the repeated lines), never by parsing their OCR texts glued together,
which would put each page's chrome (status bar, buttons, counters) in the middle of the post.

Several screenshots of one post usually arrive as separate messages: images from the same
dispatcher within ``MERGE_WINDOW`` extend the draft they just made instead of making another, unless
they show another post (``continues``: their own title, or their own platform, author or time), as
when duty staff forward several posts in a row; the
draft keeps its merged post (``proposal["post"]``) for that, and fields the dispatcher corrected
(``proposal["corrected"]``) are not overwritten by a later page.

Text sent with the images (a caption the dispatcher typed) is a note on the draft, shown on the
card: the screenshot is the post. Only when the images show no post at all (a photo of a scene, no
title and no body) is the text taken as the post.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.cases.status import Status
from bot.intake.pages import continues, group_pages, merge_posts
from bot.intake.post_parser import ParsedPost
from bot.intake.screenshots import UNREADABLE
from bot.routing.drafts import (
    case_fields,
    extracted_summary,
    known_places,
    post_from_json,
    post_to_json,
    propose,
    unsure_fields,
)
from handlers import dispatching, render
from handlers.context import ChatContext
from handlers.parse import as_typed_text
from models import Case

MERGE_WINDOW = timedelta(minutes=2)
NOTE_MAX = 500


def forward_images(ctx: ChatContext, text: str) -> None:
    readings = [r for r in ctx.image_readings if r.text and r.post is not None]
    problems = [r.problem for r in ctx.image_readings if r.problem]
    if not readings:
        ctx.outcome = "unreadable_image"
        # The image itself stays with the inbound message (its payload names the stored file).
        ctx.reply(problems[0] if problems and problems[0] != UNREADABLE else UNREADABLE)
        return
    # The note as typed (full-width punctuation kept), like every free text a command stores.
    note = (as_typed_text(ctx.msg.text) if text else "").strip()[:NOTE_MAX]
    posts = [r.post for r in readings if r.post is not None]
    text_of = {id(r.post): r.text for r in readings}
    draft = _recent_image_draft(ctx)
    groups = group_pages(posts)
    if draft is not None and continues(_stored_post(draft), merge_posts(groups[0])):
        first = groups.pop(0)
        _extend(ctx, draft, first, "\n".join(text_of[id(p)] for p in first), note)
    places = known_places(ctx.session)
    for group in groups:
        source = "\n".join(text_of[id(p)] for p in group)
        post = merge_posts(group, known_places=places) if len(group) > 1 else group[0]
        if _shows_no_post(post) and note:
            # A photo with a few words on it and the post typed beside it: the text is the post.
            from bot.intake.pipeline import intake_text

            dispatching.create_draft(ctx, intake_text(note, ctx.now, known_places=places).post, note)
        else:
            dispatching.create_draft(ctx, post, source, from_images=True, note=note, pages=len(group))
    if problems:
        ctx.reply(f"另有 {len(problems)} 张图片未能识别：{problems[0]}")


def _shows_no_post(post: ParsedPost) -> bool:
    return not (post.title or "").strip() and not post.body.strip()


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


def _stored_post(case: Case) -> ParsedPost:
    """The draft's post as merged so far; a draft made before the post was stored is rebuilt from
    its fields (never by parsing its OCR text again)."""
    stored = case.proposal.get("post")
    if stored:
        return post_from_json(stored)
    extracted = case.proposal.get("extracted") or {}
    return ParsedPost(platform=case.source or "other", title=case.title, author=case.author,
                      posted_at=case.posted_at, addressed_unit=extracted.get("addressed_unit"), body=case.body or "")


def _extend(ctx: ChatContext, case: Case, posts: list[ParsedPost], new_text: str, note: str) -> None:
    post = merge_posts([_stored_post(case), *posts], known_places=known_places(ctx.session))
    corrected = set(case.proposal.get("corrected") or [])
    fields = case_fields(post)
    for key, value in fields.items():
        if value and key not in corrected:
            setattr(case, key, value)
    proposal = propose(ctx.session, post, case.title, case.body)
    pages = int(case.proposal.get("pages", 1)) + len(posts)
    extracted = extracted_summary(post)
    before = case.proposal.get("extracted") or {}
    for key, name in (("addressed_unit", "addressed_unit"), ("phones", "phones"), ("ip_location", "ip_location")):
        if name in corrected:
            extracted[key] = before.get(key)
    notes = [n for n in (case.proposal.get("note"), note) if n]
    unsure = [f for f in unsure_fields(post, fields, from_images=True) if f not in corrected]
    case.proposal = {
        **proposal, "extracted": extracted, "source_text": f"{case.proposal.get('source_text', '')}\n{new_text}",
        "from_images": True, "pages": pages, "post": post_to_json(post), "unsure": unsure,
        "corrected": sorted(corrected), **({"note": "\n".join(notes)} if notes else {}),
    }
    if "category" not in corrected:
        case.category = proposal.get("category")
    ctx.lifecycle.note(case, ctx.actor, "screenshot_added", f"追加截图（共 {pages} 张）")
    ctx.outcome, ctx.touched_case = "case_extended", case
    ctx.reply(f"已并入同一留言的第 {pages} 张截图。\n" + render.proposal_card(ctx.services.deadlines, case, ctx.now),
              case=case)
