"""A fake WeCom (企业微信) server on loopback that refuses what WeCom refuses, with the real crypto.

It serves the API under ``{url}{prefix}/cgi-bin/`` (``prefix`` empty by default; a private
deployment such as 政务微信 has its own host, so tests also run it under a non-default base) and
acts as the sender of callbacks. Every limit below is enforced, with WeCom's own answer:

| what | limit | answer | source |
|---|---|---|---|
| group robot ``text.content`` | ≤ 2048 UTF-8 bytes | 40058 ``text.content exceed max length 2048`` | doc https://developer.work.weixin.qq.com/document/path/99110 (old /91770) "文本内容，最长不超过2048个字节，必须是utf8编码" |
| group robot ``markdown.content`` / ``markdown_v2.content`` | ≤ 4096 UTF-8 bytes, *including* any ``<@userid>`` | 40058 ``markdown.content exceed max length 4096`` | doc 99110 "markdown内容，最长不超过4096个字节"; the real answer is quoted in dromara/domain-admin#82 |
| group robot rate | 20 messages per robot key in any 60 s (a sliding window, not a refilled bucket) | 45009 ``api freq out of limit`` | doc 99110 "每个机器人发送的消息不能超过20条/分钟"; 45009 is WeCom's frequency code (wechatpy ``APILimitedException``) [?: the code for this limit is not quoted in the doc] |
| group robot key | must exist | 93000 ``invalid webhook url`` | docs/protocols.md §4 |
| app ``message/send`` text / markdown content | ≤ 2048 UTF-8 bytes | 40058 | doc https://developer.work.weixin.qq.com/document/path/90236 ("最长不超过2048个字节") |
| app ``message/send`` | ``agentid`` of this app; a valid token | 40056; 42001 / 40014 | docs/protocols.md §5 |
| AI-bot ``response_url`` | one POST per code, 1 h | 600039 | doc https://developer.work.weixin.qq.com/document/path/101138 ("每个 response_url 用户可以调用接口一次…有效期为 1 个小时") |
| AI-bot ``response_url`` markdown content | ≤ 20480 UTF-8 bytes | 40058 | [?] doc 101138 states no cap in what we read; the AI bot's stream cap (20480 bytes, ``@wecom/aibot-node-sdk`` 1.0.7 ``dist/index.d.ts``) is applied |

Callbacks: ``post_aibot``/``post_app`` encrypt and sign like WeCom and, when our webhook answers
slowly (5 s) or not with 200, send **the same request again** (same ``timestamp``, ``nonce`` and
``msg_signature``) up to 3 more times: a retry is the original delivery repeated, so a nonce is
reused by every retry of one message (doc 96466: 5 s, "总共重试三次").

Time: the window and expiries read ``self.clock`` (``time.time`` by default), so a test moves the
fake and the bot together with time-machine.
"""

from __future__ import annotations

import itertools
import json
import secrets
import threading
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from flask import Flask, Response, request

from bot.platforms.wecom_crypto import CallbackCrypto, encrypt_media
from tests.support import LiveServer

TOKEN = "tok-"
ROBOT_TEXT_MAX_BYTES = 2048
ROBOT_MARKDOWN_MAX_BYTES = 4096
APP_CONTENT_MAX_BYTES = 2048
RESPONSE_URL_MAX_BYTES = 20480
RATE_WINDOW_S = 60.0


@dataclass
class FakeWeCom:
    corp_id: str = "wwcorp0001"
    agent_id: int = 1000002
    agent_secret: str = "agent-secret-0001"
    app_token: str = "apptoken"
    app_aes_key: str = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
    aibot_token: str = "aibottoken"
    aibot_aes_key: str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
    robot_limit_per_min: int = 20
    prefix: str = ""  # e.g. "/zwwx": the API then lives at {url}/zwwx/cgi-bin/ (a private deployment's base)
    webhook_keys: set[str] = field(default_factory=set)
    webhook_log: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (key, exact JSON)
    webhook_refusals: list[tuple[str, int]] = field(default_factory=list)
    app_messages: list[dict[str, Any]] = field(default_factory=list)
    app_refusals: list[int] = field(default_factory=list)
    responses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    response_refusals: list[int] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)
    tokens_issued: int = 0
    callback_attempts: list[int] = field(default_factory=list)  # HTTP status per delivery attempt

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self.clock: Callable[[], float] = time.time  # time-machine moves it together with the bot
        self._valid_tokens: set[str] = set()
        self._robot_times: dict[str, deque[float]] = defaultdict(deque)
        self._used_responses: set[str] = set()
        self._response_expiry: dict[str, float] = {}
        self._counter = itertools.count(1)
        self.prefix = self.prefix.rstrip("/")
        self.app = self._make_app()
        self.http = LiveServer(self.app)
        self.url = self.http.url
        self.api_base = f"{self.url}{self.prefix}/cgi-bin/"

    def stop(self) -> None:
        self.http.stop()

    # ----------------------------------------------------------- test controls
    def expire_tokens(self) -> None:
        """Every issued token dies now (WeCom may revoke early): next calls get 42001."""
        with self._lock:
            self._valid_tokens.clear()

    def reset_rate(self) -> None:
        with self._lock:
            self._robot_times.clear()

    def add_media(self, data: bytes) -> str:
        media_id = f"media-{next(self._counter)}"
        self.media[media_id] = data
        return media_id

    def aibot_image_url(self, data: bytes) -> str:
        media_id = self.add_media(encrypt_media(data, self.aibot_aes_key))
        return f"{self.url}{self.prefix}/aibot/file/{media_id}"

    def response_url(self) -> str:
        code = uuid.uuid4().hex
        self._response_expiry[code] = self.clock() + 3600
        return f"{self.api_base}aibot/response?response_code={code}"

    def webhook_bodies(self, key: str) -> list[dict[str, Any]]:
        return [body for k, body in self.webhook_log if k == key]

    # ----------------------------------------------------------- callback sender
    def aibot_crypto(self) -> CallbackCrypto:
        return CallbackCrypto(self.aibot_token, self.aibot_aes_key, "")

    def app_crypto(self) -> CallbackCrypto:
        return CallbackCrypto(self.app_token, self.app_aes_key, self.corp_id)

    def sign_aibot(self, payload: dict[str, Any], *, timestamp: int | None = None,
                   nonce: str | None = None) -> tuple[dict[str, str], bytes]:
        ts, nonce = str(timestamp or int(self.clock())), nonce or secrets.token_hex(8)
        encrypt, sig = self.aibot_crypto().encrypt(json.dumps(payload, ensure_ascii=False), nonce, ts)
        return {"msg_signature": sig, "timestamp": ts, "nonce": nonce}, json.dumps({"encrypt": encrypt}).encode()

    def sign_app(self, xml: str, *, timestamp: int | None = None, nonce: str | None = None) -> tuple[dict[str, str], bytes]:
        ts, nonce = str(timestamp or int(self.clock())), nonce or secrets.token_hex(8)
        encrypt, sig = self.app_crypto().encrypt(xml, nonce, ts)
        body = (f"<xml><ToUserName><![CDATA[{self.corp_id}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>"
                f"<AgentID><![CDATA[{self.agent_id}]]></AgentID></xml>")
        return {"msg_signature": sig, "timestamp": ts, "nonce": nonce}, body.encode()

    def deliver(self, url: str, params: dict[str, str], body: bytes, *, timeout_s: float = 5.0) -> int:
        """POST one signed request like WeCom: 5 s deadline, then the *same* request (same nonce,
        timestamp and signature) again, up to 3 retries. Returns the last HTTP status (0 = no answer)."""
        status = 0
        for _ in range(4):
            try:
                status = requests.post(url, params=params, data=body, timeout=timeout_s).status_code
            except requests.RequestException:
                status = 0
            self.callback_attempts.append(status)
            if status == 200:
                return status
        return status

    def post_aibot(self, url: str, payload: dict[str, Any]) -> int:
        params, body = self.sign_aibot(payload)
        return self.deliver(url, params, body)

    def post_app(self, url: str, xml: str) -> int:
        params, body = self.sign_app(xml)
        return self.deliver(url, params, body)

    def verify_url(self, url: str, which: str = "aibot") -> requests.Response:
        crypto = self.aibot_crypto() if which == "aibot" else self.app_crypto()
        ts, nonce, plain = str(int(self.clock())), secrets.token_hex(8), str(secrets.randbelow(10**18))
        echostr, sig = crypto.encrypt(plain, nonce, ts)
        response = requests.get(url, params={"msg_signature": sig, "timestamp": ts, "nonce": nonce, "echostr": echostr},
                                timeout=5)
        response.expected = plain  # type: ignore[attr-defined]
        return response

    # ----------------------------------------------------------- the API
    def _robot_window_admits(self, key: str, now: float) -> bool:
        """True (and the send counted) when fewer than the limit were accepted in (now-60 s, now]."""
        window = self._robot_times[key]
        while window and now - window[0] >= RATE_WINDOW_S:
            window.popleft()
        if len(window) >= self.robot_limit_per_min:
            return False
        window.append(now)
        return True

    def _make_app(self) -> Flask:
        app = Flask("fake_wecom")
        api = f"{self.prefix}/cgi-bin"

        def ok(**extra: Any) -> Response:
            return Response(json.dumps({"errcode": 0, "errmsg": "ok", **extra}), mimetype="application/json")

        def err(code: int, msg: str) -> Response:
            return Response(json.dumps({"errcode": code, "errmsg": msg}), mimetype="application/json")

        def token_error() -> Response | None:
            token = request.args.get("access_token", "")
            if not token:
                return err(41001, "access_token missing")
            if token not in self._valid_tokens:
                return err(42001 if token.startswith(TOKEN) else 40014, "access_token expired")
            return None

        def utf8_len(value: Any) -> int:
            return len(str(value or "").encode("utf-8"))

        @app.get(f"{api}/gettoken")
        def gettoken() -> Response:
            if request.args.get("corpid") != self.corp_id:
                return err(40013, "invalid corpid")
            if request.args.get("corpsecret") != self.agent_secret:
                return err(40001, "invalid credential")
            token = f"{TOKEN}{uuid.uuid4().hex}"
            with self._lock:
                self._valid_tokens.add(token)
                self.tokens_issued += 1
            return ok(access_token=token, expires_in=7200)

        @app.post(f"{api}/message/send")
        def message_send() -> Response:
            refused = token_error()
            if refused:
                return refused
            body = json.loads(request.get_data())
            if body.get("agentid") != self.agent_id:
                return err(40056, "invalid agentid")
            kind = body.get("msgtype")
            if kind in ("text", "markdown") and utf8_len((body.get(kind) or {}).get("content")) > APP_CONTENT_MAX_BYTES:
                self.app_refusals.append(40058)
                return err(40058, f"{kind}.content exceed max length {APP_CONTENT_MAX_BYTES}")
            self.app_messages.append(body)
            return ok(invaliduser="", msgid=f"msg-{next(self._counter)}")

        @app.get(f"{api}/media/get")
        def media_get() -> Response:
            refused = token_error()
            if refused:
                return refused
            data = self.media.get(request.args.get("media_id", ""))
            if data is None:
                return err(40007, "invalid media_id")
            return Response(data, mimetype="image/png")

        @app.get(f"{self.prefix}/aibot/file/<media_id>")
        def aibot_file(media_id: str) -> Response:
            data = self.media.get(media_id)
            return Response(data, mimetype="application/octet-stream") if data else Response(status=404)

        @app.post(f"{api}/aibot/response")
        def aibot_response() -> Response:
            code = request.args.get("response_code", "")
            body = json.loads(request.get_data())
            kind = body.get("msgtype")
            if kind == "markdown" and utf8_len((body.get("markdown") or {}).get("content")) > RESPONSE_URL_MAX_BYTES:
                self.response_refusals.append(40058)
                return err(40058, f"markdown.content exceed max length {RESPONSE_URL_MAX_BYTES}")
            with self._lock:
                expires = self._response_expiry.get(code)
                if code in self._used_responses or (expires is not None and self.clock() > expires):
                    self.response_refusals.append(600039)
                    return err(600039, "response_code used or expired")
                self._used_responses.add(code)
            self.responses.append((code, body))
            return ok()

        @app.post(f"{api}/webhook/send")
        def webhook_send() -> Response:
            key = request.args.get("key", "")
            if key not in self.webhook_keys:
                self.webhook_refusals.append((key, 93000))
                return err(93000, "invalid webhook url")
            body = json.loads(request.get_data().decode("utf-8"))
            kind = body.get("msgtype")
            limit = {"text": ROBOT_TEXT_MAX_BYTES, "markdown": ROBOT_MARKDOWN_MAX_BYTES,
                     "markdown_v2": ROBOT_MARKDOWN_MAX_BYTES}.get(kind)
            if limit and utf8_len((body.get(kind) or {}).get("content")) > limit:
                self.webhook_refusals.append((key, 40058))
                return err(40058, f"{kind}.content exceed max length {limit}")
            with self._lock:
                if not self._robot_window_admits(key, self.clock()):
                    self.webhook_refusals.append((key, 45009))
                    return err(45009, "api freq out of limit")
                self.webhook_log.append((key, body))
            return ok()

        return app
