"""DingTalk wire format as pure functions: signatures, the reply handle, callback parsing.

No I/O here, so the HTTP view, the Stream process and the tests share one implementation.
Sources (docs/protocols.md §6-7):
- callback sign: https://open.dingtalk.com/document/isvapp/receive-message
  ``sign = Base64(HmacSHA256(appSecret, timestamp + "\\n" + appSecret))``, reject if |now-ts| > 1 h;
- custom robot 加签: https://open.dingtalk.com/document/group/custom-robot-access (same HMAC with the
  robot secret; the URL carries it url-encoded);
- message fields: dingtalk-stream 0.24.3 ``dingtalk_stream/chatbot.py`` (ChatbotMessage.from_dict).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime
from typing import Any

from bot.messaging.messages import ImageRef, IncomingMessage

CALLBACK_WINDOW_MS = 3600 * 1000  # the doc's one-hour window


class CallbackRejected(ValueError):
    """A callback that must not be stored; ``status`` is the HTTP answer."""

    def __init__(self, reason: str, status: int = 401) -> None:
        super().__init__(reason)
        self.status = status


def hmac_sign(secret: str, timestamp_ms: int | str) -> str:
    """Base64(HMAC-SHA256(key=secret, msg=f"{timestamp}\\n{secret}")), not url-encoded."""
    message = f"{timestamp_ms}\n{secret}".encode()
    return base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest()).decode()


def verify_callback(secret: str, timestamp: str | None, sign: str | None, now_ms: int,
                    window_ms: int = CALLBACK_WINDOW_MS) -> None:
    """Raise CallbackRejected unless the headers prove the callback came from DingTalk recently."""
    if not timestamp or not sign:
        raise CallbackRejected("missing timestamp or sign header")
    if not timestamp.isdigit() or len(timestamp) > 16:
        raise CallbackRejected("timestamp is not epoch milliseconds")
    if abs(now_ms - int(timestamp)) > window_ms:
        raise CallbackRejected("stale timestamp")
    expected = hmac_sign(secret, timestamp)
    # Constant-time: a byte-by-byte compare would leak how much of a forged sign is right.
    if not hmac.compare_digest(expected.encode(), sign.strip().encode()):
        raise CallbackRejected("sign mismatch")


def _ms_to_datetime(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value) / 1000, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _content_of(body: dict[str, Any]) -> tuple[str, list[ImageRef]]:
    msgtype = body.get("msgtype")
    if msgtype == "text":
        text = (body.get("text") or {}).get("content", "")
        return (text if isinstance(text, str) else ""), []
    content = body.get("content") or {}
    if not isinstance(content, dict):
        raise CallbackRejected("content is not an object", 400)
    if msgtype == "picture":
        code = content.get("downloadCode") or content.get("pictureDownloadCode")
        return "", [ImageRef(kind="download_code", ref=str(code))] if code else []
    if msgtype == "richText":
        texts: list[str] = []
        images: list[ImageRef] = []
        items = content.get("richText") or []
        if not isinstance(items, list):
            raise CallbackRejected("richText is not a list", 400)
        for item in items:
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("text"), str):
                texts.append(item["text"])
            code = item.get("downloadCode") or item.get("pictureDownloadCode")
            if code:
                images.append(ImageRef(kind="download_code", ref=str(code)))
        return "\n".join(t for t in texts if t.strip()), images
    raise CallbackRejected(f"unsupported msgtype {str(msgtype)[:20]}", 200)


def parse_callback(body: Any, received_at: datetime) -> IncomingMessage:
    """A robot callback (HTTP body or Stream ``data``) as an IncomingMessage.

    Unsupported message types raise CallbackRejected with status 200: acknowledged, not stored,
    so DingTalk does not redeliver a voice note forever.
    """
    if not isinstance(body, dict):
        raise CallbackRejected("expected a JSON object", 400)
    msg_id = body.get("msgId")
    if not isinstance(msg_id, str) or not msg_id or len(msg_id) > 128:
        raise CallbackRejected("msgId missing", 400)
    text, images = _content_of(body)
    # senderStaffId is the org userid the directory knows; senderId is an encrypted id (§6).
    sender = str(body.get("senderStaffId") or body.get("senderId") or "")
    if not sender:
        raise CallbackRejected("sender missing", 400)
    single = str(body.get("conversationType")) == "1"
    chat_id = sender if single else str(body.get("conversationId") or "")
    if not chat_id:
        raise CallbackRejected("conversationId missing", 400)
    mentions = tuple(
        str(u["staffId"]) for u in body.get("atUsers") or []
        if isinstance(u, dict) and u.get("staffId") and u.get("dingtalkId") != body.get("chatbotUserId")
    )
    expires_ms = body.get("sessionWebhookExpiredTime")
    webhook = body.get("sessionWebhook") if isinstance(body.get("sessionWebhook"), str) else ""
    return IncomingMessage(
        platform="dingtalk",
        msg_id=msg_id,
        chat_id=chat_id,
        chat_type="single" if single else "group",
        sender_id=sender,
        sender_name=str(body.get("senderNick") or ""),
        text=text.strip(),
        images=tuple(images[:9]),
        mentions=mentions,
        reply_handle=webhook or "",
        reply_handle_expires_at=_ms_to_datetime(expires_ms),
        received_at=received_at,
        raw={k: body.get(k) for k in ("msgId", "msgtype", "conversationType", "robotCode", "createAt")},
    )
