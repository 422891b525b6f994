"""Decrypted WeCom payloads → IncomingMessage. Pure functions, no I/O.

AI bot JSON fields: https://developer.work.weixin.qq.com/document/path/100719 (docs/protocols.md §3);
app XML fields: https://developer.work.weixin.qq.com/document/path/96466 (§2).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import defusedxml.ElementTree as SafeET

from bot.messaging.messages import ImageRef, IncomingMessage

RESPONSE_URL_TTL = timedelta(hours=1)  # doc 101138: valid 1 h, usable once
# The bot's own @name at the start of a group message ("@督办助手 派 东湖街道").
_LEADING_AT = re.compile(r"^(?:@\S+\s*)+")


class PayloadError(Exception):
    """A payload that is not a message we understand; ``reason`` is safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_xml(text: str | bytes) -> dict[str, str]:
    """A flat ``<xml>`` document as a dict; DTDs and entities are refused (defusedxml)."""
    try:
        root = SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except Exception:  # ParseError, DTDForbidden, EntitiesForbidden…
        raise PayloadError("malformed_xml") from None
    return {child.tag: (child.text or "") for child in root}


def _strip_at(text: str, chat_type: str) -> str:
    return _LEADING_AT.sub("", text.strip(), count=1).strip() if chat_type == "group" else text.strip()


def _collect(kind: str, body: dict[str, Any], texts: list[str], images: list[ImageRef], aeskey: str) -> None:
    extra = (("aeskey", aeskey),) if aeskey else ()
    if kind == "text":
        texts.append(str((body.get("text") or {}).get("content", "")))
    elif kind == "voice":
        texts.append(str((body.get("voice") or {}).get("content", "")))
    elif kind == "image":
        image = body.get("image") or {}
        if image.get("url"):
            images.append(ImageRef("url", str(image["url"]), extra or ((("aeskey", image["aeskey"]),) if image.get("aeskey") else ())))
    elif kind == "mixed":
        for item in (body.get("mixed") or {}).get("msg_item") or []:
            _collect(str(item.get("msgtype", "")), item, texts, images, aeskey)


def aibot_message(data: dict[str, Any], now: datetime) -> IncomingMessage | None:
    """One AI-bot callback, or None for events and types the bot does not act on."""
    if not isinstance(data, dict):
        raise PayloadError("not_an_object")
    kind = str(data.get("msgtype", ""))
    if kind == "event" or kind not in ("text", "image", "mixed", "voice", "file"):
        return None
    msg_id = str(data.get("msgid") or "")
    sender = str((data.get("from") or {}).get("userid") or "")
    if not msg_id or not sender:
        raise PayloadError("missing_ids")
    chat_type = "group" if data.get("chattype") == "group" else "single"
    texts: list[str] = []
    images: list[ImageRef] = []
    _collect(kind, data, texts, images, "")
    quoted_texts: list[str] = []
    quote = data.get("quote")
    if isinstance(quote, dict):
        # A group screenshot often arrives as an @-reply quoting the image (docs/protocols.md §3).
        _collect(str(quote.get("msgtype", "")), quote, quoted_texts, images, "")
    response_url = str(data.get("response_url") or "")
    return IncomingMessage(
        platform="wecom",
        msg_id=f"aibot:{msg_id}",
        chat_id=str(data.get("chatid") or sender) if chat_type == "group" else sender,
        chat_type=chat_type,  # type: ignore[arg-type]
        sender_id=sender,
        text=_strip_at("\n".join(t for t in texts if t), chat_type),
        images=tuple(images),
        quoted_text="\n".join(quoted_texts),
        reply_handle=response_url,
        reply_handle_expires_at=now + RESPONSE_URL_TTL if response_url else None,
        received_at=now,
        raw={"msgtype": kind, "aibotid": data.get("aibotid", "")},
    )


def app_message(fields: dict[str, str], now: datetime) -> IncomingMessage | None:
    """One decrypted self-built-app message (1:1 with the app), or None for events."""
    kind = fields.get("MsgType", "")
    if kind not in ("text", "image"):
        return None
    sender = fields.get("FromUserName", "")
    msg_id = fields.get("MsgId", "")
    if not sender or not msg_id:
        raise PayloadError("missing_ids")
    images: tuple[ImageRef, ...] = ()
    if kind == "image" and fields.get("MediaId"):
        images = (ImageRef("media_id", fields["MediaId"], (("pic_url", fields.get("PicUrl", "")),)),)
    return IncomingMessage(
        platform="wecom",
        msg_id=f"app:{msg_id}",
        chat_id=sender,
        chat_type="single",
        sender_id=sender,
        text=fields.get("Content", "").strip(),
        images=images,
        received_at=now,
        raw={"msgtype": kind, "agent_id": fields.get("AgentID", "")},
    )
