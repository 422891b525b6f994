"""Turn "post to this unit's group / this person / reply here" into a platform and an OutgoingMessage.

Mixed deployments are normal (office on WeCom, one unit on DingTalk): a unit's group is
reached on the platform where it has a chat and an adapter runs, the sender's platform first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.messaging.messages import IncomingMessage, Mention, OutgoingMessage
from models import Person, Unit

log = logging.getLogger(__name__)


@dataclass
class Post:
    """What a handler or job wants said, before any platform is chosen."""

    text: str
    unit: Unit | None = None  # the unit's group chat
    person: Person | None = None  # a personal message
    reply_to: IncomingMessage | None = None  # answer in the chat the message came from
    mentions: list[Person] = field(default_factory=list)
    format: str = "text"
    title: str = ""
    purpose: str = "reply"
    case_id: int | None = None
    image_png: bytes | None = None


def _mentions(people: list[Person], platform: str) -> tuple[Mention, ...]:
    result = []
    for person in people:
        user_id = person.platform_id(platform)
        if user_id:
            result.append(Mention(user_id=user_id, name=person.name))
    return tuple(result)


def resolve(post: Post, available: set[str], prefer: str | None = None) -> tuple[str, OutgoingMessage] | None:
    """The platform and message for a post, or None when the target has no reachable chat."""
    order = [prefer] if prefer else []
    base = dict(text=post.text, format=post.format, title=post.title, image_png=post.image_png)
    if post.reply_to is not None:
        msg = post.reply_to
        return msg.platform, OutgoingMessage(
            chat_id=msg.chat_id,
            reply_handle=msg.reply_handle,
            reply_handle_expires_at=msg.reply_handle_expires_at,
            chat_type=msg.chat_type,
            mentions=_mentions(post.mentions, msg.platform),
            **base,  # type: ignore[arg-type]
        )
    if post.unit is not None:
        chats = post.unit.chats or {}
        for platform in order + sorted(chats):
            if platform in available and chats.get(platform):
                return platform, OutgoingMessage(
                    chat_id=str(chats[platform]), mentions=_mentions(post.mentions, platform), **base  # type: ignore[arg-type]
                )
        log.warning("unit has no reachable chat unit=%s", post.unit.code)
        return None
    if post.person is not None:
        platforms = order + sorted(i.platform for i in post.person.identities)
        for platform in platforms:
            user_id = post.person.platform_id(platform)
            if platform in available and user_id:
                return platform, OutgoingMessage(user_id=user_id, **base)  # type: ignore[arg-type]
        log.warning("person has no reachable platform person=%s", post.person.code)
        return None
    raise ValueError("post has no target")
