"""The DingTalk adapter: how the bot speaks in DingTalk (sends) and fetches screenshots.

Which channel a message takes (docs/protocols.md §0, §6, §7):
1. a reply whose ``sessionWebhook`` is still valid → that webhook, with real @ (``at.atUserIds``
   plus ``@userid`` in the text: DingTalk only notifies when both are present);
2. a unit group with a custom robot (``Unit.robots["dingtalk"] = {access_token, secret}``) →
   ``oapi /robot/send`` signed with timestamp + sign (加签), 20/min per robot, 10-min throttle after;
3. a group without a custom robot → OpenAPI ``groupMessages/send`` (cannot @: names stay as text);
4. a person → OpenAPI ``oToMessages/batchSend`` with the app token cached in Redis; so is the answer
   in a 1:1 chat once its ``sessionWebhook`` expired: that chat's id is the person's staffId, which
   ``groupMessages/send`` answers as a success and delivers to nobody.
Each part, after the ``@userid`` line, title and ``(i/n)`` we add, stays within the robot body cap
(20000 bytes of JSON, else 460101 and nothing is delivered); each custom robot sends at most 20 in
any 60 s (``ratelimit``). deploy/dingtalk.md lists the limits with their sources.
Errors: 130101 → retry after the throttle; 310000/300001 on a custom robot → misconfigured:
failed, reported as misconfigured (the outbox tells the office once); OpenAPI 401 → token refreshed and the call retried once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import time
from typing import Any

import requests
from sqlalchemy import select

from bot.messaging.media_links import publish_png
from bot.messaging.messages import ChannelProblem, ImageRef, OutgoingMessage, SendResult
from bot.platforms.dingtalk_protocol import hmac_sign
from bot.platforms.http_json import json_body, post_for_errcode
from bot.platforms.ratelimit import SlidingWindow
from bot.platforms.splitting import json_escaped_len, split_message
from bot.services import Services

log = logging.getLogger(__name__)

OPENAPI = "https://api.dingtalk.com"
OAPI = "https://oapi.dingtalk.com"
# No cap is published for the text itself; stay near WeCom's markdown cap (4096 B), which long case
# cards never reach in one piece, so a split is rare and reads the same on both platforms. Counted as
# the text's bytes inside the JSON body (escapes included).
MAX_BYTES = 4000
# A robot or sessionWebhook body over 20000 bytes is refused whole: 460101 "message too long, exceed
# 20000 bytes" (answers quoted in timonwong/prometheus-webhook-dingtalk#30, Le0nsec/SecCrawler#12).
ROBOT_BODY_MAX_BYTES = 20000
TITLE_MAX_CHARS = 30
TITLE_MAX_BYTES = TITLE_MAX_CHARS * 6  # each character escaped as \uXXXX at worst
THROTTLE_S = 600  # custom robot doc: over 20/min → the robot is throttled for 10 minutes
MISCONFIGURED = {310000, 300001, 300005}  # keyword/sign/IP check failed; robot token does not exist
MAX_IMAGE_BYTES = 20 * 1024 * 1024


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:16]


class DingTalkAdapter:
    name = "dingtalk"

    def __init__(self, services: Services, config: dict[str, str]) -> None:
        self.services = services
        self.app_key = config.get("app_key", "")
        self.app_secret = config.get("app_secret", "")
        self.robot_code = config.get("robot_code") or self.app_key  # DingTalk: robotCode = AppKey by default
        self.openapi = (config.get("openapi_endpoint") or OPENAPI).rstrip("/")
        self.oapi = (config.get("oapi_endpoint") or OAPI).rstrip("/")
        self.timeout = float(config.get("timeout_s") or 10)
        self.http = requests.Session()
        # Redis keys carry the deployment's queue name: two bots (or test runs) sharing one Redis
        # must not share part markers, rate buckets or throttles.
        self.ns = services.settings.queue_name
        self._warned_no_public_url = False

    # ---- sending -------------------------------------------------------------------------
    def send(self, message: OutgoingMessage, *, dedupe_key: str) -> SendResult:
        # Part markers key on the text as the domain wrote it: an image link carries a fresh expiry
        # on every attempt, and a retry must still skip the parts an earlier attempt delivered.
        original_text = message.text
        if message.image_png:
            message = self._with_image_link(message)
        room, reserve = self._part_room(message)
        parts = split_message(message.text, room, reserve=reserve, measure=json_escaped_len) if message.text else [""]
        result = SendResult(ok=True)
        for index, part in enumerate(parts):
            done_key = f"dingtalk:{self.ns}:sent:{_digest(dedupe_key + original_text)}:{index}"
            if len(parts) > 1 and self.services.redis.exists(done_key):
                continue  # an earlier attempt already delivered this part
            # Mentions ride on the first part only: one notification per message.
            result = self._send_part(message, part, mentions=index == 0)
            if not result.ok:
                return result
            if len(parts) > 1:
                self.services.redis.set(done_key, "1", ex=7 * 86400)
        return result

    def _with_image_link(self, message: OutgoingMessage) -> OutgoingMessage:
        """The chart as a markdown image served by our own web app (robots cannot upload pictures).

        DingTalk markdown renders ``![title](url)``; the web client shows only https images
        (custom robot doc "消息类型和数据格式", markdown 图片). Without BOT_PUBLIC_URL there is no URL
        DingTalk could open: the text goes alone, and the log says why, once per process.
        """
        assert message.image_png is not None
        url = publish_png(self.services.settings, message.image_png)
        if url is None:
            if not self._warned_no_public_url:
                self._warned_no_public_url = True
                log.warning("dingtalk: BOT_PUBLIC_URL is not set, so charts cannot be linked; "
                            "sending their text only")
            return dataclasses.replace(message, image_png=None)
        title = re.sub(r"[\[\]()\n]", " ", self._title(message, message.text or "图表")).strip() or "图表"
        link = f"![{title}]({url})"
        text = f"{message.text}\n\n{link}" if message.text else link
        return dataclasses.replace(message, text=text, format="markdown", title=title, image_png=None)

    def _part_room(self, message: OutgoingMessage) -> tuple[int, int]:
        """(bytes for each part's text, bytes of it kept free for the mention line), counted as the
        text's share of a robot body: the body around it (at list, title) counts towards 20000 too."""
        ids = [m.user_id for m in message.mentions]
        names = [m.name or m.user_id for m in message.mentions]
        # The mention line the first part may get: @userids (robots) or @names (groupMessages/send).
        reserve = max(json_escaped_len(_with_mentions("", ids)), json_escaped_len(_with_mentions("", names)))
        envelope = len(json_body(_robot_json(message.format, content="", title="", user_ids=ids)))
        return min(MAX_BYTES, ROBOT_BODY_MAX_BYTES - envelope - TITLE_MAX_BYTES), reserve

    def _send_part(self, message: OutgoingMessage, text: str, *, mentions: bool) -> SendResult:
        if message.user_id and not message.chat_id:
            return self._send_personal(message.user_id, message, text)
        user_ids = [m.user_id for m in message.mentions] if mentions else []
        url, expires_at = message.reply_handle, message.reply_handle_expires_at
        if url and (expires_at is None or expires_at.timestamp() > time.time() + 5):
            result = self._post_robot_json(url, self._robot_body(message, text, user_ids), params=None)
            if result.ok:
                return result
            log.info("sessionWebhook refused (%s): falling back", result.error)
        if message.chat_type == "single":
            # A 1:1 chat's id is the person's staffId (dingtalk_protocol.parse_callback): no group API
            # reaches it, oToMessages/batchSend does (docs/protocols.md §6, §9).
            return self._send_personal(message.chat_id, message, text)
        robot = self._robot_for_chat(message.chat_id)
        if robot:
            return self._send_custom_robot(message.chat_id, robot, self._robot_body(message, text, user_ids))
        return self._send_group_api(message, text, mentions=mentions)

    def _robot_body(self, message: OutgoingMessage, text: str, user_ids: list[str]) -> dict[str, Any]:
        # The @userid must be in the content too, or DingTalk shows no mention (§7, §8.3).
        return _robot_json(message.format, content=_with_mentions(text, user_ids),
                           title=self._title(message, text), user_ids=user_ids)

    @staticmethod
    def _title(message: OutgoingMessage, text: str) -> str:
        first = next((line.strip("# ") for line in text.splitlines() if line.strip()), "督办助手")
        return (message.title or first)[:TITLE_MAX_CHARS]

    def _robot_for_chat(self, chat_id: str) -> dict[str, str] | None:
        from models import Unit

        with self.services.sessions() as session:
            for unit in session.scalars(select(Unit)):
                if str((unit.chats or {}).get("dingtalk", "")) == chat_id:
                    robot = (unit.robots or {}).get("dingtalk") or {}
                    if robot.get("access_token"):
                        return {"access_token": str(robot["access_token"]), "secret": str(robot.get("secret", "")),
                                "unit": unit.code}
        return None

    def _send_custom_robot(self, chat_id: str, robot: dict[str, str], body: dict[str, Any]) -> SendResult:
        robot_id = _digest(robot["access_token"])
        throttle_key = f"dingtalk:{self.ns}:throttled:{robot_id}"
        ttl = self.services.redis.ttl(throttle_key)
        if ttl and ttl > 0:
            return SendResult(ok=False, error="dingtalk throttled (130101)", retryable=True, retry_after_s=ttl)
        window = SlidingWindow.for_robot(self.services.redis, "dingtalk", f"{self.ns}:{robot_id}")
        admission = window.try_acquire()
        if not admission.allowed:
            return SendResult(ok=False, error="rate_limited", retryable=True, retry_after_s=max(admission.wait_s, 1.0))
        params = {"access_token": robot["access_token"]}
        if robot.get("secret"):
            timestamp = str(int(time.time() * 1000))  # DingTalk checks real time, not the demo clock
            params.update(timestamp=timestamp, sign=hmac_sign(robot["secret"], timestamp))
        result = self._post_robot_json(f"{self.oapi}/robot/send", body, params=params)
        window.confirm(admission.slot)
        code = _errcode(result)
        if code == 130101:
            window.drain()
            self.services.redis.set(throttle_key, "1", ex=THROTTLE_S)
            return SendResult(ok=False, error=result.error, retryable=True, retry_after_s=THROTTLE_S)
        if code in MISCONFIGURED:
            return SendResult(ok=False, error=result.error, retryable=False, misconfigured=ChannelProblem(
                platform="dingtalk", unit_code=robot["unit"], key=f"dingtalk-robot:{robot['unit']}:{robot_id}",
                advice=(f"钉钉群的自定义机器人发送失败（错误码 {code}）：请检查机器人的加签密钥、关键词或 IP 白名单，"
                        "并运行 python -m bot dingtalk check。")))
        return result

    def _post_robot_json(self, url: str, body: dict[str, Any], params: dict[str, str] | None) -> SendResult:
        """oapi robot endpoints answer HTTP 200 with ``errcode``: 200 alone is not success (§8.4)."""
        answer = post_for_errcode(self.http, url, body, params=params, timeout=self.timeout, label="dingtalk robot")
        if isinstance(answer, SendResult):
            return answer
        errcode, errmsg = answer
        if errcode == 0:
            return SendResult(ok=True, platform_message_id="ok")
        return SendResult(ok=False, error=f"errcode {errcode} {errmsg}", retryable=errcode not in MISCONFIGURED)

    # ---- OpenAPI (app robot) ---------------------------------------------------------------
    def access_token(self, *, refresh: bool = False) -> str:
        """The app token, shared by all processes through Redis and refreshed 5 min early."""
        key = f"dingtalk:{self.ns}:token:{_digest(self.app_key)}"
        if not refresh:
            cached = self.services.redis.get(key)
            if cached:
                return cached.decode() if isinstance(cached, bytes) else str(cached)
        response = self.http.post(f"{self.openapi}/v1.0/oauth2/accessToken",
                                  json={"appKey": self.app_key, "appSecret": self.app_secret}, timeout=self.timeout)
        data = response.json() if response.content else {}
        token = data.get("accessToken") if isinstance(data, dict) else None
        if response.status_code != 200 or not token:
            raise PermissionError(f"accessToken refused: http {response.status_code} {str(data.get('code', ''))[:60]}")
        self.services.redis.set(key, token, ex=max(60, int(data.get("expireIn", 7200)) - 300))
        return str(token)

    def openapi_post(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """POST to the OpenAPI; on 401 (token expired or revoked) refresh the token and retry once."""
        response = None
        for attempt in range(2):
            token = self.access_token(refresh=attempt == 1)
            response = self.http.post(f"{self.openapi}{path}", json=body, timeout=self.timeout,
                                      headers={"x-acs-dingtalk-access-token": token})
            if response.status_code != 401:
                break
        assert response is not None
        try:
            data = response.json()
        except ValueError:
            data = {}
        return response.status_code, data if isinstance(data, dict) else {}

    def _openapi_send(self, path: str, body: dict[str, Any]) -> tuple[SendResult, dict[str, Any]]:
        try:
            status, data = self.openapi_post(path, body)
        except (requests.RequestException, PermissionError) as exc:
            return SendResult(ok=False, error=f"openapi {exc}"[:200], retryable=True), {}
        if status == 200:
            return SendResult(ok=True, platform_message_id=str(data.get("processQueryKey", "ok"))), data
        retryable = status >= 500 or status == 429 or "limit" in str(data.get("code", "")).lower()
        return SendResult(ok=False, error=f"http {status} {str(data.get('code', ''))[:60]}", retryable=retryable,
                          retry_after_s=60 if status == 429 else 0), data

    @staticmethod
    def _msg_param(message: OutgoingMessage, text: str, title: str) -> tuple[str, str]:
        # msgParam is a JSON *string* (docs/protocols.md §6).
        if message.format == "markdown":
            return "sampleMarkdown", json.dumps({"title": title, "text": text}, ensure_ascii=False)
        return "sampleText", json.dumps({"content": text}, ensure_ascii=False)

    def _send_group_api(self, message: OutgoingMessage, text: str, *, mentions: bool) -> SendResult:
        # groupMessages/send cannot @ (§6): name the people so they still see who is meant.
        names = [m.name or m.user_id for m in message.mentions] if mentions else []
        key, param = self._msg_param(message, _with_mentions(text, names), self._title(message, text))
        result, _ = self._openapi_send("/v1.0/robot/groupMessages/send", {
            "robotCode": self.robot_code, "openConversationId": message.chat_id, "msgKey": key, "msgParam": param})
        return result

    def _send_personal(self, user_id: str, message: OutgoingMessage, text: str) -> SendResult:
        key, param = self._msg_param(message, text, self._title(message, text))
        result, data = self._openapi_send("/v1.0/robot/oToMessages/batchSend", {
            "robotCode": self.robot_code, "userIds": [user_id], "msgKey": key, "msgParam": param})
        if result.ok and user_id in (data.get("invalidStaffIdList") or []):
            return SendResult(ok=False, error="invalid userId", retryable=False)
        if result.ok and user_id in (data.get("flowControlledStaffIdList") or []):
            return SendResult(ok=False, error="flow controlled", retryable=True, retry_after_s=60)
        return result

    # ---- pictures --------------------------------------------------------------------------
    def fetch_image(self, image: ImageRef) -> bytes:
        if image.kind != "download_code":
            raise ValueError(f"dingtalk images are download codes, got {image.kind}")
        status, data = self.openapi_post("/v1.0/robot/messageFiles/download",
                                         {"downloadCode": image.ref, "robotCode": self.robot_code})
        url = data.get("downloadUrl")
        if status != 200 or not url:
            raise RuntimeError(f"messageFiles/download refused: http {status}")
        with self.http.get(url, timeout=self.timeout, stream=True) as response:
            response.raise_for_status()
            chunks, size = [], 0
            for chunk in response.iter_content(65536):
                size += len(chunk)
                if size > MAX_IMAGE_BYTES:
                    raise ValueError("picture over 20 MB")
                chunks.append(chunk)
        return b"".join(chunks)


def _with_mentions(text: str, handles: list[str]) -> str:
    """``text`` with a last line ``@a @b`` for each handle not already written in it."""
    missing = [f"@{handle}" for handle in handles if f"@{handle}" not in text]
    return f"{text}\n{' '.join(missing)}" if missing else text


def _robot_json(msg_format: str, *, content: str, title: str, user_ids: list[str]) -> dict[str, Any]:
    """A custom-robot / sessionWebhook body (docs/protocols.md §6, §7)."""
    body: dict[str, Any]
    if msg_format == "markdown":
        body = {"msgtype": "markdown", "markdown": {"title": title, "text": content}}
    else:
        body = {"msgtype": "text", "text": {"content": content}}
    body["at"] = {"atUserIds": user_ids, "isAtAll": False}
    return body


def _errcode(result: SendResult) -> int | None:
    if result.error.startswith("errcode "):
        try:
            return int(result.error.split()[1])
        except (IndexError, ValueError):
            return None
    return None


def build_adapter(services: Services) -> DingTalkAdapter:
    return DingTalkAdapter(services, services.settings.platforms.get("dingtalk", {}))
