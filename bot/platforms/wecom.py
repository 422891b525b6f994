"""The WeCom (企业微信) adapter: sends through group robots, the app API and ``response_url``.

Routes for a message to a chat (docs/protocols.md §0):
1. the unit's group robot webhook (``Unit.robots["wecom"]["webhook_key"]``): the only way to
   @ someone so that they are notified — ``mentioned_list`` for text, ``<@userid>`` in markdown
   (https://developer.work.weixin.qq.com/document/path/99110);
2. else the AI bot's ``response_url`` of the message being answered (POST once, 1 h;
   https://developer.work.weixin.qq.com/document/path/101138);
3. else, for a 1:1 chat (chat id = user id), the app's ``message/send``.
Messages to a person always go through ``message/send`` (wechatpy's client, its host
configurable, its token cached in Redis).

Limits live here (deploy/wecom.md lists them with their sources): texts are split by UTF-8 bytes
(``splitting``) so that each part, after every decoration we add (title, ``(i/n)``, the
``<@userid>`` line), fits its cap; each robot sends at most 20 in any 60 s (``ratelimit``); parts
already delivered are remembered per ``dedupe_key`` so a retry resumes where it stopped and
nothing arrives twice or out of order.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from dataclasses import replace
from typing import Any

import requests
from sqlalchemy import select
from wechatpy.enterprise import WeChatClient
from wechatpy.exceptions import APILimitedException, WeChatClientException
from wechatpy.session.redisstorage import RedisStorage

from bot.messaging.messages import ChannelProblem, ImageRef, OutgoingMessage, SendResult
from bot.platforms.http_json import post_for_errcode
from bot.platforms.ratelimit import SlidingWindow
from bot.platforms.splitting import split_message, utf8_len
from bot.platforms.wecom_config import WeComConfig
from bot.platforms.wecom_crypto import decrypt_media
from bot.services import Services

log = logging.getLogger(__name__)

TEXT_MAX_BYTES = 2048  # robot and app text.content (doc 99110, doc 90236)
MARKDOWN_MAX_BYTES = 4096  # robot markdown.content, <@userid> included (doc 99110)
APP_MARKDOWN_MAX_BYTES = 2048  # app message markdown (doc 90236)
SENT_PARTS_TTL_S = 7 * 86400
# Robot error codes (doc 99110 and docs/protocols.md §4).
ERR_RATE = 45009
ERR_BAD_KEY = 93000
ERR_BAD_FIELD = 40058


def _digest(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]


class _TokenStorage(RedisStorage):  # type: ignore[misc]
    """wechatpy's Redis storage, expiring the token 5 min early so every process refreshes in time
    (wechatpy's own early refresh only knows tokens fetched by the same process)."""

    def set(self, key: str, value: Any, ttl: int | None = None) -> None:
        super().set(key, value, max(int(ttl) - 300, 60) if ttl else ttl)


class AppClient(WeChatClient):  # type: ignore[misc]
    """wechatpy's enterprise client with the host configurable (docs/protocols.md §5: ``gettoken`` and
    media downloads are hard-coded to qyapi.weixin.qq.com in 1.8.18)."""

    def __init__(self, config: WeComConfig, redis: Any) -> None:
        super().__init__(config.corp_id, config.agent_secret, session=_TokenStorage(redis, prefix="wecom:token"),
                         timeout=config.http_timeout_s)
        self.API_BASE_URL = config.api_base

    @property
    def access_token_key(self) -> str:
        return f"{self.corp_id}:{_digest(self.secret)}"  # never the secret itself in a Redis key

    def fetch_access_token(self) -> Any:
        return self._fetch_access_token(url=self.API_BASE_URL + "gettoken",
                                        params={"corpid": self.corp_id, "corpsecret": self.secret})

    def download_media(self, media_id: str) -> bytes:
        response = self.get("media/get", params={"media_id": media_id})
        if isinstance(response, dict):  # a JSON body is an error (raised above) or unexpected
            raise WeChatClientException(response.get("errcode"), response.get("errmsg"), client=self)
        return bytes(response.content)


class WeComAdapter:
    name = "wecom"

    def __init__(self, services: Services, config: WeComConfig) -> None:
        self.services = services
        self.config = config
        self.http = requests.Session()
        self._client: AppClient | None = None

    @property
    def client(self) -> AppClient:
        if self._client is None:
            self._client = AppClient(self.config, self.services.redis)
        return self._client

    # ----------------------------------------------------------------- sending
    def send(self, message: OutgoingMessage, *, dedupe_key: str) -> SendResult:
        if message.user_id:
            return self._send_app(message.user_id, message, dedupe_key)
        robot = self._robot_for_chat(message.chat_id)
        if robot is not None:
            return self._send_robot(robot, message, dedupe_key)
        if message.reply_handle.startswith("ws:") or (self.config.ws_enabled and self._is_group_chat(message.chat_id)):
            return self._send_ws(message, dedupe_key)
        # Not for mentions: whether ``<@userid>`` notifies through an AI-bot response_url is
        # undocumented (doc 101138 shows plain markdown only), and a user reports that AI-bot markdown
        # renders ``<@userid>`` as plain text (WecomTeam/wecom-cli#103, open). Mentions go by robot.
        if message.reply_handle and not message.mentions:
            result = self._send_response_url(message, dedupe_key)
            if result is not None:
                return result
        if self.config.app_enabled and not self._is_group_chat(message.chat_id):
            return self._send_app(message.chat_id, message, dedupe_key)
        return SendResult(ok=False, error="wecom: no robot key or reply handle for this chat", retryable=False)

    def _robot_for_chat(self, chat_id: str) -> tuple[str, str] | None:
        """(unit code, webhook key) of the unit whose WeCom group is ``chat_id``."""
        from models import Unit

        with self.services.sessions() as session:
            for unit in session.scalars(select(Unit)):
                if str((unit.chats or {}).get("wecom", "")) == chat_id:
                    key = ((unit.robots or {}).get("wecom") or {}).get("webhook_key")
                    return (unit.code, str(key)) if key else None
        return None

    def _is_group_chat(self, chat_id: str) -> bool:
        from models import Unit

        with self.services.sessions() as session:
            return any(str((u.chats or {}).get("wecom", "")) == chat_id for u in session.scalars(select(Unit)))

    def _sent_key(self, dedupe_key: str) -> str:
        # Per deployment (queue name): dedupe keys are unique in one database, not across databases.
        return f"wecom:sent:{self.services.settings.queue_name}:{_digest(dedupe_key)}"

    def _parts(self, message: OutgoingMessage, limit_text: int, limit_markdown: int, reserve: int = 0) -> list[str]:
        """The contents to send, each within its limit; ``reserve`` bytes stay free for what the
        caller appends to a part afterwards (the title line is added here, before splitting)."""
        text = message.text
        if message.format == "markdown" and message.title and not text.startswith(("#", "**")):
            text = f"**{message.title}**\n{text}"
        return split_message(text, limit_markdown if message.format == "markdown" else limit_text, reserve=reserve)

    def _send_robot(self, robot: tuple[str, str], message: OutgoingMessage, dedupe_key: str) -> SendResult:
        unit_code, webhook_key = robot
        window = SlidingWindow.for_robot(self.services.redis, "wecom", _digest(webhook_key))
        bodies: list[dict[str, Any]] = []
        if message.image_png:
            bodies.append({"msgtype": "image", "image": {
                "base64": base64.b64encode(message.image_png).decode(),
                "md5": hashlib.md5(message.image_png).hexdigest()}})
        user_ids = [m.user_id for m in message.mentions if m.user_id]
        # In markdown the mentions are part of ``content`` and count towards its 4096 bytes: room for
        # them is kept in every part, or a part that fits before they are added may not fit after.
        mention_line = "\n" + " ".join(f"<@{u}>" for u in user_ids) if message.format == "markdown" and user_ids else ""
        parts = self._parts(message, TEXT_MAX_BYTES, MARKDOWN_MAX_BYTES, reserve=utf8_len(mention_line))
        for index, part in enumerate(parts):
            if message.format == "markdown":
                if index == 0 and user_ids:
                    # <@userid> notifies in markdown (not markdown_v2); names alone do not.
                    missing = " ".join(f"<@{u}>" for u in user_ids if f"<@{u}>" not in part)
                    part = f"{part}\n{missing}" if missing else part
                bodies.append({"msgtype": "markdown", "markdown": {"content": part}})
            else:
                text: dict[str, Any] = {"content": part}
                if index == 0 and user_ids:
                    text["mentioned_list"] = user_ids
                bodies.append({"msgtype": "text", "text": text})
        sent_key = self._sent_key(dedupe_key)
        done = {int(i) for i in self.services.redis.hkeys(sent_key)}
        for index, body in enumerate(bodies):
            if index in done:
                continue
            admission = window.try_acquire()
            if not admission.allowed:
                return SendResult(ok=False, error="wecom robot: rate limited (local 20/min)", retryable=True,
                                  retry_after_s=max(admission.wait_s, 1.0))
            result = self._post_robot(webhook_key, body)
            window.confirm(admission.slot)
            if result is not None:
                if "45009" in result.error:
                    window.drain()
                if ERR_BAD_KEY_TEXT in result.error:
                    return replace(result, misconfigured=ChannelProblem(
                        platform="wecom", unit_code=unit_code, key=f"wecom-robot:{unit_code}",
                        advice="企业微信群机器人地址无效（93000），消息未能发出。请在单位名录中更新该群机器人的 webhook key。"))
                return result
            self.services.redis.hset(sent_key, str(index), "1")
            self.services.redis.expire(sent_key, SENT_PARTS_TTL_S)
        return SendResult(ok=True, platform_message_id=f"wecom-robot:{unit_code}:{len(bodies)}")

    def _post_robot(self, webhook_key: str, body: dict[str, Any]) -> SendResult | None:
        """None when WeCom accepted the message, else the failure."""
        answer = post_for_errcode(self.http, f"{self.config.api_base}webhook/send", body,
                                  params={"key": webhook_key}, timeout=self.config.http_timeout_s, label="wecom robot")
        if isinstance(answer, SendResult):
            return answer
        errcode, _errmsg = answer
        if errcode == 0:
            return None
        if errcode == ERR_RATE:
            return SendResult(ok=False, error="wecom robot: 45009 rate limited", retryable=True, retry_after_s=60)
        if errcode == ERR_BAD_KEY:
            return SendResult(ok=False, error=f"{ERR_BAD_KEY_TEXT}; fix robots.wecom.webhook_key", retryable=False)
        if errcode == ERR_BAD_FIELD:
            return SendResult(ok=False, error="wecom robot: 40058 bad field (length/format)", retryable=False)
        return SendResult(ok=False, error=f"wecom robot: errcode {errcode}", retryable=False)

    def _send_response_url(self, message: OutgoingMessage, dedupe_key: str) -> SendResult | None:
        """Answer through the callback's ``response_url``: once per handle, so only one-part answers."""
        parts = self._parts(message, MARKDOWN_MAX_BYTES, MARKDOWN_MAX_BYTES)
        if len(parts) != 1:
            return None
        used_key = f"wecom:response_url:{_digest(message.reply_handle)}"
        if not self.services.redis.set(used_key, dedupe_key, nx=True, ex=3600):
            owner = self.services.redis.get(used_key) or b""
            if (owner.decode() if isinstance(owner, bytes) else str(owner)) != dedupe_key:
                return None  # used by another answer: fall back to the next route
            if self.services.redis.hget(self._sent_key(dedupe_key), "0"):
                return SendResult(ok=True, platform_message_id="wecom-response-url")
        body = {"msgtype": "markdown", "markdown": {"content": parts[0]}}
        try:
            response = self.http.post(message.reply_handle, data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                      headers={"Content-Type": "application/json; charset=utf-8"},
                                      timeout=self.config.http_timeout_s)
            errcode = int(response.json().get("errcode", -1)) if response.status_code < 500 else -1
        except (requests.RequestException, ValueError) as exc:
            return SendResult(ok=False, error=f"wecom response_url: {exc.__class__.__name__}", retryable=True)
        if errcode != 0:
            self.services.redis.delete(used_key)
            return None if response.status_code < 500 else SendResult(
                ok=False, error=f"wecom response_url: HTTP {response.status_code}", retryable=True)
        self.services.redis.hset(self._sent_key(dedupe_key), "0", "1")
        self.services.redis.expire(self._sent_key(dedupe_key), SENT_PARTS_TTL_S)
        return SendResult(ok=True, platform_message_id="wecom-response-url")

    def _send_ws(self, message: OutgoingMessage, dedupe_key: str) -> SendResult:
        """Hand the answer to the long-connection process (``wecom_ws``): it holds the socket."""
        from bot.platforms.wecom_ws import STREAM_MAX_BYTES, queue_reply

        if not self.services.redis.set(f"{self._sent_key(dedupe_key)}:ws", "1", nx=True, ex=SENT_PARTS_TTL_S):
            return SendResult(ok=True, platform_message_id="wecom-ws-queued")
        req_id = message.reply_handle[3:] if message.reply_handle.startswith("ws:") else ""
        for index, part in enumerate(self._parts(message, STREAM_MAX_BYTES, STREAM_MAX_BYTES)):
            queue_reply(self.services.redis, self.services.settings.queue_name, req_id=req_id if index == 0 else "", chat_id=message.chat_id, content=part)
        return SendResult(ok=True, platform_message_id="wecom-ws-queued")

    def _send_app(self, user_id: str, message: OutgoingMessage, dedupe_key: str) -> SendResult:
        if not self.config.app_enabled:
            return SendResult(ok=False, error="wecom app not configured (WECOM_AGENT_ID/SECRET)", retryable=False)
        sent_key = self._sent_key(dedupe_key)
        done = {int(i) for i in self.services.redis.hkeys(sent_key)}
        msgtype = "markdown" if message.format == "markdown" else "text"
        parts = self._parts(message, TEXT_MAX_BYTES, APP_MARKDOWN_MAX_BYTES)
        for index, part in enumerate(parts):
            if index in done:
                continue
            try:
                # wechatpy refetches the token once on 40001/40014/42001 (client/base.py).
                self.client.message.send(int(self.config.agent_id), [user_id],
                                         msg={"msgtype": msgtype, msgtype: {"content": part}, "safe": 0})
            except APILimitedException:
                return SendResult(ok=False, error="wecom app: 45009 rate limited", retryable=True, retry_after_s=60)
            except WeChatClientException as exc:
                if exc.errcode is None:  # HTTP-level failure
                    return SendResult(ok=False, error="wecom app: HTTP error", retryable=True)
                return SendResult(ok=False, error=f"wecom app: errcode {exc.errcode}", retryable=False)
            except requests.RequestException as exc:
                return SendResult(ok=False, error=f"wecom app: network {exc.__class__.__name__}", retryable=True)
            self.services.redis.hset(sent_key, str(index), "1")
            self.services.redis.expire(sent_key, SENT_PARTS_TTL_S)
        return SendResult(ok=True, platform_message_id=f"wecom-app:{len(parts)}")

    # ----------------------------------------------------------------- images
    def fetch_image(self, image: ImageRef) -> bytes:
        extra = dict(image.extra)
        if image.kind == "url":
            response = self.http.get(image.ref, timeout=self.config.http_timeout_s)
            response.raise_for_status()
            # WS frames carry a per-image aeskey (aibot-node-sdk README); HTTP-mode callbacks carry
            # none, and the official Python sample linked from doc 101039 decrypts with the bot's
            # EncodingAESKey ("与回调加解密相同"), same AES-256-CBC, IV = key[:16], PKCS#7-32.
            key = extra.get("aeskey") or self.config.aibot_encoding_aes_key
            return decrypt_media(response.content, key)
        if image.kind == "media_id":
            return self.client.download_media(image.ref)
        raise ValueError(f"wecom cannot fetch images of kind {image.kind!r}")


ERR_BAD_KEY_TEXT = "wecom robot: 93000 invalid webhook key"


def build_adapter(services: Services) -> WeComAdapter:
    return WeComAdapter(services, WeComConfig.from_section(services.settings.platforms.get("wecom", {})))
