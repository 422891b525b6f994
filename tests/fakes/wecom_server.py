"""A fake WeCom server on loopback speaking the documented wire format, with the real crypto.

Serves ``/cgi-bin/gettoken``, ``message/send``, ``webhook/send`` (records the exact JSON,
enforces text ≤ 2048 / markdown ≤ 4096 UTF-8 bytes with 40058, N/min per key with 45009, unknown
keys with 93000), ``media/get``, AI-bot encrypted image URLs and ``aibot/response``. It also acts
as the sender of callbacks: ``post_aibot``/``post_app`` encrypt and sign like WeCom and retry up to
3 times when our webhook answers slowly or with an error (doc 96466: 5 s, "总共重试三次").
Sources: docs/protocols.md §1–§5.
"""

from __future__ import annotations

import itertools
import json
import secrets
import threading
import time
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

import requests
from flask import Flask, Response, request

from bot.platforms.wecom_crypto import CallbackCrypto, encrypt_media
from tests.support import LiveServer

TOKEN = "tok-"


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
    webhook_keys: set[str] = field(default_factory=set)
    webhook_log: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (key, exact JSON)
    webhook_refusals: list[tuple[str, int]] = field(default_factory=list)
    app_messages: list[dict[str, Any]] = field(default_factory=list)
    responses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)
    tokens_issued: int = 0
    callback_attempts: list[int] = field(default_factory=list)  # HTTP status per delivery attempt

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._valid_tokens: set[str] = set()
        self._robot_times: dict[str, deque[float]] = defaultdict(deque)
        self._used_responses: set[str] = set()
        self._counter = itertools.count(1)
        self.app = self._make_app()
        self.http = LiveServer(self.app)
        self.url = self.http.url
        self.api_base = f"{self.url}/cgi-bin/"

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
        return f"{self.url}/aibot/file/{media_id}"

    def response_url(self) -> str:
        return f"{self.url}/cgi-bin/aibot/response?response_code={uuid.uuid4().hex}"

    def webhook_bodies(self, key: str) -> list[dict[str, Any]]:
        return [body for k, body in self.webhook_log if k == key]

    # ----------------------------------------------------------- callback sender
    def aibot_crypto(self) -> CallbackCrypto:
        return CallbackCrypto(self.aibot_token, self.aibot_aes_key, "")

    def app_crypto(self) -> CallbackCrypto:
        return CallbackCrypto(self.app_token, self.app_aes_key, self.corp_id)

    def sign_aibot(self, payload: dict[str, Any], *, timestamp: int | None = None,
                   nonce: str | None = None) -> tuple[dict[str, str], bytes]:
        ts, nonce = str(timestamp or int(time.time())), nonce or secrets.token_hex(8)
        encrypt, sig = self.aibot_crypto().encrypt(json.dumps(payload, ensure_ascii=False), nonce, ts)
        return {"msg_signature": sig, "timestamp": ts, "nonce": nonce}, json.dumps({"encrypt": encrypt}).encode()

    def sign_app(self, xml: str, *, timestamp: int | None = None, nonce: str | None = None) -> tuple[dict[str, str], bytes]:
        ts, nonce = str(timestamp or int(time.time())), nonce or secrets.token_hex(8)
        encrypt, sig = self.app_crypto().encrypt(xml, nonce, ts)
        body = (f"<xml><ToUserName><![CDATA[{self.corp_id}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>"
                f"<AgentID><![CDATA[{self.agent_id}]]></AgentID></xml>")
        return {"msg_signature": sig, "timestamp": ts, "nonce": nonce}, body.encode()

    def _deliver(self, url: str, sign: Any) -> int:
        """POST like WeCom: 5 s deadline, up to 3 retries; each retry re-signed with a fresh nonce [?]."""
        status = 0
        for _ in range(4):
            params, body = sign()
            try:
                status = requests.post(url, params=params, data=body, timeout=5).status_code
            except requests.RequestException:
                status = 0
            self.callback_attempts.append(status)
            if status == 200:
                return status
        return status

    def post_aibot(self, url: str, payload: dict[str, Any]) -> int:
        return self._deliver(url, lambda: self.sign_aibot(payload))

    def post_app(self, url: str, xml: str) -> int:
        return self._deliver(url, lambda: self.sign_app(xml))

    def verify_url(self, url: str, which: str = "aibot") -> requests.Response:
        crypto = self.aibot_crypto() if which == "aibot" else self.app_crypto()
        ts, nonce, plain = str(int(time.time())), secrets.token_hex(8), str(secrets.randbelow(10**18))
        echostr, sig = crypto.encrypt(plain, nonce, ts)
        response = requests.get(url, params={"msg_signature": sig, "timestamp": ts, "nonce": nonce, "echostr": echostr},
                                timeout=5)
        response.expected = plain  # type: ignore[attr-defined]
        return response

    # ----------------------------------------------------------- the API
    def _make_app(self) -> Flask:
        app = Flask("fake_wecom")

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

        @app.get("/cgi-bin/gettoken")
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

        @app.post("/cgi-bin/message/send")
        def message_send() -> Response:
            refused = token_error()
            if refused:
                return refused
            body = json.loads(request.get_data())
            if body.get("agentid") != self.agent_id:
                return err(40056, "invalid agentid")
            kind = body.get("msgtype")
            if len(str((body.get(kind) or {}).get("content", "")).encode()) > 2048:
                return err(40058, f"{kind}.content exceed max length 2048")
            self.app_messages.append(body)
            return ok(invaliduser="", msgid=f"msg-{next(self._counter)}")

        @app.get("/cgi-bin/media/get")
        def media_get() -> Response:
            refused = token_error()
            if refused:
                return refused
            data = self.media.get(request.args.get("media_id", ""))
            if data is None:
                return err(40007, "invalid media_id")
            return Response(data, mimetype="image/png")

        @app.get("/aibot/file/<media_id>")
        def aibot_file(media_id: str) -> Response:
            data = self.media.get(media_id)
            return Response(data, mimetype="application/octet-stream") if data else Response(status=404)

        @app.post("/cgi-bin/aibot/response")
        def aibot_response() -> Response:
            code = request.args.get("response_code", "")
            with self._lock:
                if code in self._used_responses:
                    return err(600039, "response_code used")
                self._used_responses.add(code)
            self.responses.append((code, json.loads(request.get_data())))
            return ok()

        @app.post("/cgi-bin/webhook/send")
        def webhook_send() -> Response:
            key = request.args.get("key", "")
            if key not in self.webhook_keys:
                self.webhook_refusals.append((key, 93000))
                return err(93000, "invalid webhook url")
            body = json.loads(request.get_data().decode("utf-8"))
            kind = body.get("msgtype")
            limit = {"text": 2048, "markdown": 4096}.get(kind)
            if limit and len(str(body[kind].get("content", "")).encode("utf-8")) > limit:
                self.webhook_refusals.append((key, 40058))
                return err(40058, f"{kind}.content exceed max length {limit}")
            now = time.monotonic()
            with self._lock:
                window = self._robot_times[key]
                while window and now - window[0] > 60:
                    window.popleft()
                if len(window) >= self.robot_limit_per_min:
                    self.webhook_refusals.append((key, 45009))
                    return err(45009, "api freq out of limit")
                window.append(now)
                self.webhook_log.append((key, body))
            return ok()

        return app
