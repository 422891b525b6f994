"""Office and unit actions from the web, through the very handlers the chat uses.

A ``WebContext`` is a ChatContext whose actor is the logged-in user (label ``web:<username>``,
channel ``web``). The handler functions of handlers/office_actions.py, unit_actions.py and
dispatching.py run unchanged: they call the lifecycle and queue the same @-notifications to
the units' groups. Their ``reply`` (the answer to the sender in chat) becomes the flash message
on the page. Posts go through the transactional outbox exactly as in bot/jobs.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.errors import LifecycleError
from bot.cases.lifecycle import Actor
from bot.messaging.messages import IncomingMessage
from bot.messaging.outbox import add_post, enqueue_delivery
from bot.services import Services
from bot.web.permissions import can, may_view
from handlers import citizen_replies, dispatching, office_actions, unit_actions, voiding
from handlers.context import ChatContext
from models import Case, Unit, User

MAX_TEXT = 2000


class ActionRefused(Exception):
    """The user may not do this (403) or the case is not theirs to see (404)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class WebContext(ChatContext):
    username: str = ""
    web_role: str = ""

    @property
    def actor(self) -> Actor:
        return Actor(self.sender, label=f"web:{self.username}", channel="web")

    @property
    def role(self) -> str:
        # The web admin has the office's rights in the handlers, linked to a person or not.
        return "office" if self.web_role == "admin" else super().role


def _text(form: Mapping[str, str], key: str) -> str:
    value = (form.get(key) or "").strip()
    if len(value) > MAX_TEXT:
        raise ActionRefused(400, f"内容过长（超过 {MAX_TEXT} 字）。")
    return value


def _dispatch(ctx: ChatContext, case: Case, form: Mapping[str, str]) -> None:
    def unit(raw: str) -> Unit:
        found = ctx.session.get(Unit, int(raw)) if raw.isdigit() else None
        if found is None or found.is_office or not found.active:
            raise LifecycleError("请选择有效的承办单位。")
        return found

    lead_raw = (form.get("lead") or "").strip()
    if not lead_raw:
        raise LifecycleError("请选择主办单位。")
    co_raw = form.getlist("co") if hasattr(form, "getlist") else []  # type: ignore[attr-defined]
    if len(co_raw) > 20:
        raise ActionRefused(400, "协办单位过多。")
    dispatching.do_dispatch(ctx, case, unit(lead_raw), [unit(r) for r in co_raw if r],
                            urgent=bool(form.get("urgent")))


def _save_reply(ctx: ChatContext, case: Case, form: Mapping[str, str]) -> None:
    citizen_replies.show_or_edit(ctx, {"text": _text(form, "text")}, case.number)


def _post_reply(ctx: ChatContext, case: Case, form: Mapping[str, str]) -> None:
    """Save the edited text, then record where and when it was posted (``posted_at`` is the county's
    local time from a datetime-local field; empty means now)."""
    if _text(form, "text"):
        citizen_replies.show_or_edit(ctx, {"text": _text(form, "text")}, case.number)
    raw = _text(form, "posted_at")
    try:
        posted_at = datetime.fromisoformat(raw).replace(tzinfo=ctx.services.deadlines.zone) if raw else None
    except ValueError as exc:
        raise ActionRefused(400, "发布时间格式不对。") from exc
    citizen_replies.mark_posted(ctx, {"where": _text(form, "where")}, case.number, posted_at=posted_at)


Runner = Callable[[ChatContext, Case, Mapping[str, str]], None]

RUNNERS: dict[str, Runner] = {
    "dispatch": _dispatch,
    "approve_extension": lambda c, case, f: office_actions.approve_extension(c, {"note": _text(f, "note")}, case.number),
    "reject_extension": lambda c, case, f: office_actions.reject_extension(c, {"note": _text(f, "note")}, case.number),
    "instruct": lambda c, case, f: office_actions.instruct(c, {"text": _text(f, "text"), "leader": _text(f, "leader")},
                                                           case.number),
    "supervise": lambda c, case, f: office_actions.supervise(c, {}, case.number),
    "verify": lambda c, case, f: office_actions.verify(c, {}, case.number),
    "reopen": lambda c, case, f: office_actions.reopen(c, {"reason": _text(f, "reason")}, case.number),
    "sign": lambda c, case, f: unit_actions.sign(c, {}, case.number),
    "progress": lambda c, case, f: unit_actions.progress(c, {"text": _text(f, "text")}, case.number),
    "close": lambda c, case, f: unit_actions.close(c, {"text": _text(f, "text")}, case.number),
    "save_reply": _save_reply,
    "post_reply": _post_reply,
    "void": lambda c, case, f: voiding.void(c, {"reason": _text(f, "reason")}, case.number),
    "restore": lambda c, case, f: voiding.restore(c, {}, case.number),
    "urgent": lambda c, case, f: dispatching.make_urgent(c, {}, case.number),
}
UNIT_ACTIONS = frozenset({"sign", "progress", "close"})


def run_action(services: Services, session: Session, user_id: int, case_id: int, action: str,
               form: Mapping[str, str]) -> tuple[bool, str]:
    """Do ``action`` on the case as the user, in the request's session (SQLite allows one writer).
    Returns (done, message for the page)."""
    if action not in RUNNERS:
        raise ActionRefused(404, "未知操作。")
    now = services.clock.now()
    outbound_ids: list[int] = []
    user = session.get(User, user_id)
    if user is None or not can(user, action):
        raise ActionRefused(403, "您无权执行此操作。")
    case = session.scalar(select(Case).where(Case.id == case_id).with_for_update())
    if case is None or not may_view(user, case):
        raise ActionRefused(404, "未找到该工单。")
    if action in UNIT_ACTIONS and user.person is None:
        raise ActionRefused(403, "账号未关联单位人员，不能办理。请联系管理员。")
    msg = IncomingMessage(platform="web", msg_id=uuid.uuid4().hex, chat_id=f"web:{user.username}",
                          chat_type="single", sender_id=f"web:{user.username}", received_at=now)
    ctx = WebContext(services=services, session=session, msg=msg, inbound_id=0, now=now, sender=user.person,
                     username=user.username, web_role=user.role)
    try:
        RUNNERS[action](ctx, case, form)
    except LifecycleError as refusal:
        session.rollback()
        return False, refusal.message
    answers = []
    for index, post in enumerate(ctx.posts):
        if post.reply_to is not None:
            answers.append(post.text)
            continue
        row = add_post(session, services, post, dedupe_key=f"web:{msg.msg_id}:{index}")
        if row is not None:
            outbound_ids.append(row.id)
    session.commit()
    # After the commit, as in bot/jobs.py; bot.messaging.recovery re-sends anything this enqueue misses.
    for outbound_id in outbound_ids:
        enqueue_delivery(services, outbound_id)
    return True, "\n".join(answers) or "已完成。"
