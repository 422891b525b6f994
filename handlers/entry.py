"""One incoming message → zero or more domain changes and posts. Runs inside the worker's transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal

from sqlalchemy.orm import Session

from bot.cases.directory import find_person, unit_for_chat
from bot.cases.errors import LifecycleError
from bot.intake.forward_shape import NOT_A_POST, looks_like_command, looks_like_post
from bot.messaging.messages import IncomingMessage
from handlers import dispatching, evidence, table
from handlers.context import ChatContext
from handlers.parse import as_typed_text, command_text, find_case_number, remove_case_number, strip_mentions
from handlers.screenshots import forward_images

log = logging.getLogger(__name__)

UNKNOWN_SENDER = "您尚未登记，请联系网信办登记后使用。"
EMPTY = "消息为空，请发送留言文字、截图或链接。"
UNKNOWN_COMMAND = "未识别的指令。回复“帮助”查看可用指令。"


def handle(ctx: ChatContext) -> None:
    msg = ctx.msg
    ctx.sender = find_person(ctx.session, msg.platform, msg.sender_id)
    if ctx.sender is None:
        ctx.outcome = "unknown_sender"
        ctx.reply(UNKNOWN_SENDER)
        return
    if msg.chat_type == "group":
        ctx.chat_unit = unit_for_chat(ctx.session, msg.platform, msg.chat_id)
    limit = ctx.services.settings.max_text_chars
    if len(msg.text) > limit:
        ctx.outcome = "too_long"
        ctx.reply(f"消息过长（超过 {limit} 字），请分段或精简后重新发送。")
        return
    text = command_text(msg.text)
    if not text and not msg.images and not msg.quoted_text.strip():
        ctx.outcome = "empty"
        ctx.reply(EMPTY)
        return
    number = find_case_number(text, msg.quoted_text)
    bare = remove_case_number(text) if number else text
    found = table.match(bare) if text else None
    if found is not None:
        command, args = found
        typed = as_typed_text(msg.text)
        args = table.as_typed(command, remove_case_number(typed) if number else typed, args)
        if ctx.sender.role not in command.roles:
            ctx.outcome = "forbidden"
            ctx.reply(f"您无权使用“{command.name}”。")
            return
        _guarded(ctx, lambda: command.handler(ctx, args, number))
    elif msg.images and ctx.sender.role in table.DISPATCHERS and ctx.is_intake_chat:
        _guarded(ctx, lambda: forward_images(ctx, text))
    elif ctx.sender.role in table.DISPATCHERS and ctx.is_intake_chat:
        _intake_text(ctx, number)
    elif msg.images and ctx.sender.role in table.UNIT:
        # A unit's photo on its own (WeCom and DingTalk send an image as a message of its own): evidence.
        _guarded(ctx, lambda: evidence.photos_alone(ctx, bare, number))
    else:
        ctx.outcome = "unknown_command"
        ctx.reply(UNKNOWN_COMMAND)


def image_use(session: Session, msg: IncomingMessage) -> Literal["screenshots", "photos", "none"]:
    """What the worker does with a message's images before the transaction (bot/jobs.py): OCR a
    dispatcher's forwarded screenshots, keep a unit's photos as files, or neither."""
    person = find_person(session, msg.platform, msg.sender_id)
    if person is None:
        return "none"
    if person.role in table.DISPATCHERS:
        office_chat = msg.chat_type == "single" or bool(
            (unit := unit_for_chat(session, msg.platform, msg.chat_id)) and unit.is_office)
        return "screenshots" if office_chat else "none"
    return "photos" if person.role in table.UNIT else "none"


def _intake_text(ctx: ChatContext, number: str | None) -> None:
    """A dispatcher's plain text in the intake chat: a forwarded post becomes a draft, anything else
    (chatter, a mistyped command) gets a one-line hint instead of a case."""
    msg = ctx.msg
    # Keep the citizen's text as written (full-width punctuation included), minus @-mentions.
    own = strip_mentions(msg.text.strip())
    quoted = msg.quoted_text.strip()
    if looks_like_post(own):
        _guarded(ctx, lambda: dispatching.forward(ctx, own))
    elif quoted and number is None and looks_like_post(quoted):
        # The platform marked a quote of someone's message (a post pasted in the group): that is the forward.
        _guarded(ctx, lambda: dispatching.forward(ctx, quoted))
    elif looks_like_command(command_text(own)):
        ctx.outcome = "unknown_command"
        ctx.reply(UNKNOWN_COMMAND)
    else:
        ctx.outcome = "not_a_post"
        ctx.reply(NOT_A_POST)


def _guarded(ctx: ChatContext, action: Callable[[], None]) -> None:
    """Run an action in a savepoint: a refusal undoes its partial changes and posts, and says why."""
    mark = len(ctx.posts)
    try:
        with ctx.session.begin_nested():
            action()
    except LifecycleError as refusal:
        del ctx.posts[mark:]
        ctx.outcome = "refused"
        ctx.touched_case = None
        ctx.reply(refusal.message)
