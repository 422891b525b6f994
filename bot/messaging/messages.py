"""Platform-neutral message shapes.

Every adapter turns its platform's callback into one frozen ``IncomingMessage`` and
every reply the bot makes is an ``OutgoingMessage``; nothing outside
``bot/platforms`` knows a platform's wire format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

ChatType = Literal["single", "group"]


@dataclass(frozen=True)
class ImageRef:
    """Where the worker can fetch one image of a message.

    ``kind`` tells the adapter how: ``file`` (a path under var/media, used by the
    simulator), ``url`` (WeCom AI bot: encrypted, 5 min), ``media_id`` (WeCom app),
    ``download_code`` (DingTalk). Downloading happens in the worker, never in the view.
    """

    kind: str
    ref: str
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class IncomingMessage:
    platform: str  # "simulator" | "wecom" | "dingtalk"
    msg_id: str  # the platform's own id: the dedupe key with ``platform``
    chat_id: str  # group id, or the sender id for a 1:1 chat
    chat_type: ChatType
    sender_id: str  # platform user id
    sender_name: str = ""
    text: str = ""
    images: tuple[ImageRef, ...] = ()
    mentions: tuple[str, ...] = ()  # platform user ids mentioned by the sender
    quoted_text: str = ""  # text of the message this one replies to / quotes
    reply_handle: str = ""  # response_url / sessionWebhook, when the platform gives one
    reply_handle_expires_at: datetime | None = None
    received_at: datetime | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False)  # audit only; never logged


@dataclass(frozen=True)
class Mention:
    """A person to @-mention: platform user id plus the display name for the text."""

    user_id: str
    name: str = ""


@dataclass(frozen=True)
class OutgoingMessage:
    """One message the bot sends to a chat (``chat_id``) or to a person (``user_id``).

    ``format`` is ``text`` or ``markdown``; adapters split over-long bodies and render
    ``mentions`` the way their platform makes them notify.
    """

    text: str
    chat_id: str = ""
    user_id: str = ""
    mentions: tuple[Mention, ...] = ()
    format: Literal["text", "markdown"] = "text"
    title: str = ""
    image_png: bytes | None = None  # a chart; sent as an image where the platform allows
    reply_handle: str = ""  # answer through the callback's handle when still valid
    reply_handle_expires_at: datetime | None = None  # after this, use the group's robot instead
    # Set on a reply: "single" says ``chat_id`` is a 1:1 chat, i.e. the person's own id, so that an
    # adapter that falls back from an expired reply handle writes to that person, not to a group API.
    chat_type: ChatType | Literal[""] = ""


@dataclass(frozen=True)
class ChannelProblem:
    """A setting of ours is wrong (a robot key, a signing secret): only the office can fix it.

    ``key`` names the broken channel without secrets (e.g. a digest of the robot token), ``advice``
    is the Chinese sentence for the office: what failed and what to change."""

    platform: str
    unit_code: str  # the unit whose channel is broken; "" for the platform's bot itself (its long connection)
    key: str
    advice: str


@dataclass(frozen=True)
class SendResult:
    """What happened to one send. Adapters only report it; ``bot.messaging.outbox`` acts on it
    (retry later, give up) and ``bot.messaging.alerts`` tells the office about a ``misconfigured`` channel."""

    ok: bool
    platform_message_id: str = ""
    error: str = ""  # short, no message content
    retryable: bool = False
    retry_after_s: float = 0.0
    misconfigured: ChannelProblem | None = None

    @property
    def outcome(self) -> Literal["sent", "retry_later", "misconfigured", "failed"]:
        if self.ok:
            return "sent"
        if self.misconfigured is not None:
            return "misconfigured"
        return "retry_later" if self.retryable else "failed"
