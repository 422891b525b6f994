"""A fake DingTalk (钉钉) on loopback that refuses what DingTalk refuses (docs/protocols.md §6-7).

HTTP (one Flask app, real sockets), served under ``{url}{prefix}`` (``prefix`` empty by default; a
private deployment has its own hosts, so tests also run it under a non-default base):

| endpoint | enforced | answer | source |
|---|---|---|---|
| ``POST /v1.0/oauth2/accessToken`` | appKey/appSecret | 400 ``invalidClientIdOrSecret``; ``revoke_tokens()`` makes later calls 401 | docs/protocols.md §6 |
| ``POST /robot/send?access_token&timestamp&sign`` (custom robot) | 加签 sign and the 1 h window, keyword | HTTP 200 + 310000 | https://open.dingtalk.com/document/group/custom-robot-access; qd-today/qd#510 |
| | token exists | 300001 ``token is not exist`` | same doc; Long0x0/ZJU-nCov-Hitcarder-Sample#9 |
| | 20 per robot in any 60 s (sliding window); the 21st throttles the robot for 10 min, every send in that time refused | 130101 ``send too fast, exceed 20 times per minute`` | doc "每个机器人每分钟最多发送20条。如果超过20条，会限流10分钟" (copy at http://3fwork.com/kaifa200/001550MYM007109); timonwong/prometheus-webhook-dingtalk#91 |
| | JSON body ≤ 20000 bytes | 460101 ``message too long, exceed 20000 bytes`` | answers quoted in timonwong/prometheus-webhook-dingtalk#30 and Le0nsec/SecCrawler#12; "请保持大小在 20000bytes 以内" in ZhuLinsen/daily_stock_analysis#61 |
| ``POST /robot/sendBySession?session=…`` (sessionWebhook) | expiry (``sessionWebhookExpiredTime``, ~90 min); body ≤ 20000 bytes | 300001 [?: the real answer for an expired session is undocumented]; 460101 | docs/protocols.md §6 (zhayujie/bot-on-anything#274) |
| ``POST /v1.0/robot/groupMessages/send`` | ``robotCode``, ``openConversationId``, ``msgKey``, ``msgParam`` (a JSON *string*) present | 400 ``MissingParameter`` / ``invalidParameter`` [?: codes not documented] | ``aliyun/dingtalk-sdk`` robot_1_0 models |
| | ``openConversationId`` must be a group the robot is in (``cid…``, not a 1:1 conversation, never a staffId): anything else is **answered as a success and delivered to nobody** (recorded in ``dropped``) | 200 ``processQueryKey`` | DingTalk-Real-AI/dingtalk-openclaw-connector#193 ("发送到错误的群聊ID不报错") |
| ``POST /v1.0/robot/oToMessages/batchSend`` | ``robotCode``, ``userIds`` (1–20 staffIds), ``msgKey``, ``msgParam``; a conversation id in ``userIds`` is no person | 200 with it in ``invalidStaffIdList`` | robot_1_0 ``BatchSendOTOResponseBody``; ≤ 20 users [3p] docs/protocols.md §6 |
| ``POST /v1.0/robot/messageFiles/download`` → ``GET /files/<code>`` | robotCode and downloadCode | 400 | docs/protocols.md §6 |
| ``POST /v1.0/gateway/connections/open`` | clientId/secret | a WebSocket endpoint of ``StreamGateway`` | dingtalk-stream 0.24.3 ``stream.py`` |

So a person is reached only by ``oToMessages/batchSend {robotCode, userIds}`` and a group only by
``groupMessages/send {robotCode, openConversationId}``: the wrong API for a chat delivers nothing.
``send_callback`` posts a signed robot callback to our app, retrying like DingTalk. Time: every
check reads ``self.clock`` (``time.time`` by default), so time-machine moves fake and bot together.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlparse

import requests
from flask import Flask, jsonify, request

from bot.platforms.dingtalk_protocol import hmac_sign
from tests.support import LiveServer

ROBOT_LIMIT_PER_MIN = 20
RATE_WINDOW_S = 60.0
THROTTLE_S = 600.0
ROBOT_BODY_MAX_BYTES = 20000
BATCH_MAX_USERS = 20


@dataclass
class Robot:
    access_token: str
    secret: str = ""
    keyword: str = ""
    sent: list[float] = field(default_factory=list)
    throttled_until: float = 0.0


@dataclass
class Sent:
    channel: str  # robot | session | group | personal
    target: str  # robot token, session id, openConversationId, userId
    body: dict[str, Any]

    @property
    def text(self) -> str:
        body = self.body
        if "msgParam" in body:
            param = json.loads(body["msgParam"])
            return str(param.get("content") or param.get("text") or "")
        if body.get("msgtype") == "markdown":
            return str(body["markdown"]["text"])
        return str(body.get("text", {}).get("content", ""))

    @property
    def at_user_ids(self) -> list[str]:
        return list((self.body.get("at") or {}).get("atUserIds") or [])


class FakeDingTalk:
    def __init__(self, app_key: str = "dingappkey", app_secret: str = "app-secret-xyz",
                 robot_code: str = "dingappkey", prefix: str = "") -> None:
        self.app_key, self.app_secret, self.robot_code = app_key, app_secret, robot_code
        self.prefix = prefix.rstrip("/")
        self.robots: dict[str, Robot] = {}
        self.sessions: dict[str, float] = {}  # session id → expiry (epoch s)
        self.session_chats: dict[str, str] = {}  # session id → conversationId it answers
        self.tokens: set[str] = set()
        self.token_requests = 0
        self.files: dict[str, bytes] = {}
        self.sent: list[Sent] = []
        self.errors: list[dict[str, Any]] = []  # refused robot sends, for assertions
        self.dropped: list[Sent] = []  # accepted with a success answer, delivered to nobody
        self.single_conversations: set[str] = set()  # 1:1 conversation ids: not groups
        self.clock = time.time  # tests may replace to jump past the throttle
        self.lock = threading.Lock()
        self.gateway: StreamGateway | None = None
        self.app = self._build_app()
        self.http = LiveServer(self.app)
        self.url = f"{self.http.url}{self.prefix}"

    def stop(self) -> None:
        self.http.stop()
        if self.gateway:
            self.gateway.stop()

    # ---- test controls -------------------------------------------------------------------
    def add_robot(self, access_token: str, secret: str = "", keyword: str = "") -> Robot:
        robot = Robot(access_token, secret, keyword)
        self.robots[access_token] = robot
        return robot

    def new_session(self, ttl_s: float = 5400, chat: str = "") -> str:
        session = uuid.uuid4().hex
        self.sessions[session] = self.clock() + ttl_s
        self.session_chats[session] = chat
        return f"{self.url}/robot/sendBySession?session={session}"

    def revoke_tokens(self) -> None:
        self.tokens.clear()

    def sent_to(self, channel: str, target: str | None = None) -> list[Sent]:
        return [s for s in self.sent if s.channel == channel and (target is None or s.target == target)]

    def message(self, *, msg_id: str | None = None, sender: str, conversation: str = "", text: str = "",
                msgtype: str = "text", content: dict[str, Any] | None = None, nick: str = "用户",
                session_ttl_s: float = 5400, at_users: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
        """A robot callback body in DingTalk's shape; ``conversation`` empty → a 1:1 chat."""
        now_ms = int(self.clock() * 1000)
        if not conversation:
            self.single_conversations.add(f"cid-single-{sender}")
        webhook = self.new_session(session_ttl_s, conversation or f"cid-single-{sender}")
        body: dict[str, Any] = {
            "conversationId": conversation or f"cid-single-{sender}", "chatbotCorpId": "dingcorp",
            "chatbotUserId": "$:LWCP_v1:$bot", "msgId": msg_id or f"msg{uuid.uuid4().hex}",
            "senderNick": nick, "isAdmin": False, "senderStaffId": sender,
            "sessionWebhookExpiredTime": now_ms + int(session_ttl_s * 1000), "createAt": now_ms,
            "senderCorpId": "dingcorp", "conversationType": "2" if conversation else "1",
            "senderId": f"$:LWCP_v1:${sender}", "isInAtList": True, "robotCode": self.robot_code,
            "sessionWebhook": webhook, "msgtype": msgtype,
            "atUsers": [{"dingtalkId": "$:LWCP_v1:$bot"}] + [{"dingtalkId": f"$:{u}", "staffId": u} for u in at_users],
        }
        if conversation:
            body["conversationTitle"] = "工作群"
        if msgtype == "text":
            body["text"] = {"content": f" {text}"}
        else:
            body["content"] = content or {}
        return body

    def send_callback(self, url: str, body: dict[str, Any] | bytes, *, secret: str | None = None,
                      timestamp_ms: int | None = None, sign: str | None = None, retries: int = 2,
                      headers: dict[str, str] | None = None) -> requests.Response:
        """POST a signed callback; retry on 5xx or a dropped connection, as a platform would."""
        ts = str(timestamp_ms if timestamp_ms is not None else int(self.clock() * 1000))
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        all_headers = {"Content-Type": "application/json; charset=utf-8", "timestamp": ts,
                       "sign": sign if sign is not None else hmac_sign(secret or self.app_secret, ts)}
        all_headers.update(headers or {})
        last: Exception | None = None
        for _ in range(retries + 1):
            try:
                response = requests.post(url, data=data, headers=all_headers, timeout=10)
            except requests.ConnectionError as exc:
                last = exc
                continue
            if response.status_code < 500:
                return response
        if last:
            raise last
        return response

    # ---- the fake platform --------------------------------------------------------------
    def _build_app(self) -> Flask:
        app = Flask("fake_dingtalk")
        counter = itertools.count(1)
        p = self.prefix

        def openapi_auth() -> Any:
            if request.headers.get("x-acs-dingtalk-access-token") not in self.tokens:
                return jsonify(code="InvalidAuthentication", message="不合法的access_token"), 401
            return None

        def robot_message(body: dict[str, Any]) -> Any:
            """The checks every robot message to a group must pass; None when they pass."""
            missing = [k for k in ("robotCode", "msgKey", "msgParam") if not body.get(k)]
            if missing:
                return jsonify(code="MissingParameter", message=f"缺少参数 {missing[0]}"), 400
            if body["robotCode"] != self.robot_code:
                return jsonify(code="invalidParameter.robotCode", message="robotCode无效"), 400
            if not isinstance(body["msgParam"], str):
                return jsonify(code="invalidParameter.msgParam", message="msgParam应为JSON字符串"), 400
            try:
                json.loads(body["msgParam"])
            except ValueError:
                return jsonify(code="invalidParameter.msgParam", message="msgParam不是合法JSON"), 400
            return None

        def too_long() -> bool:
            return len(request.get_data()) > ROBOT_BODY_MAX_BYTES

        @app.post(f"{p}/v1.0/oauth2/accessToken")
        def access_token():  # type: ignore[no-untyped-def]
            body = request.get_json(force=True)
            if body.get("appKey") != self.app_key or body.get("appSecret") != self.app_secret:
                return jsonify(code="invalidClientIdOrSecret", message="无效的clientId或clientSecret"), 400
            token = f"tok-{next(counter)}"
            self.tokens.add(token)
            self.token_requests += 1
            return jsonify(accessToken=token, expireIn=7200)

        @app.post(f"{p}/robot/send")
        def robot_send():  # type: ignore[no-untyped-def]
            token = request.args.get("access_token", "")
            body = request.get_json(force=True)
            robot = self.robots.get(token)
            if robot is None:
                return self._refuse(token, 300001, "token is not exist")
            now = self.clock()
            if robot.secret:
                ts, sign = request.args.get("timestamp", ""), request.args.get("sign", "")
                if not ts.isdigit() or abs(now * 1000 - int(ts)) > 3600 * 1000:
                    return self._refuse(token, 310000, "invalid timestamp")
                if sign != hmac_sign(robot.secret, ts):  # Flask already url-decoded the query
                    return self._refuse(token, 310000, "sign not match")
            if robot.keyword and robot.keyword not in json.dumps(body, ensure_ascii=False):
                return self._refuse(token, 310000, "keywords not in content")
            if too_long():
                return self._refuse(token, 460101, f"message too long, exceed {ROBOT_BODY_MAX_BYTES} bytes")
            with self.lock:
                if now < robot.throttled_until:
                    return self._refuse(token, 130101, "send too fast, exceed 20 times per minute")
                robot.sent = [t for t in robot.sent if t > now - RATE_WINDOW_S]
                if len(robot.sent) >= ROBOT_LIMIT_PER_MIN:
                    robot.throttled_until = now + THROTTLE_S
                    return self._refuse(token, 130101, "send too fast, exceed 20 times per minute")
                robot.sent.append(now)
                self.sent.append(Sent("robot", token, body))
            return jsonify(errcode=0, errmsg="ok")

        @app.post(f"{p}/robot/sendBySession")
        def send_by_session():  # type: ignore[no-untyped-def]
            session = request.args.get("session", "")
            expires = self.sessions.get(session)
            if expires is None or expires < self.clock():
                # The real error for an expired session is undocumented [?]; any errcode ≠ 0 must fall back.
                self.errors.append({"session": session, "errcode": 300001})
                return jsonify(errcode=300001, errmsg="session is not exist")
            if too_long():
                self.errors.append({"session": session, "errcode": 460101})
                return jsonify(errcode=460101, errmsg=f"message too long, exceed {ROBOT_BODY_MAX_BYTES} bytes")
            self.sent.append(Sent("session", session, request.get_json(force=True)))
            return jsonify(errcode=0, errmsg="ok")

        @app.post(f"{p}/v1.0/robot/groupMessages/send")
        def group_send():  # type: ignore[no-untyped-def]
            refused = openapi_auth()
            if refused:
                return refused
            body = request.get_json(force=True)
            refused = robot_message(body)
            if refused:
                return refused
            conversation = str(body.get("openConversationId") or "")
            if not conversation:
                return jsonify(code="MissingParameter", message="缺少参数 openConversationId"), 400
            sent = Sent("group", conversation, body)
            if self.is_group(conversation):
                self.sent.append(sent)
            else:
                self.dropped.append(sent)  # DingTalk says success and nobody sees it
            return jsonify(processQueryKey=f"pqk-{next(counter)}")

        @app.post(f"{p}/v1.0/robot/oToMessages/batchSend")
        def batch_send():  # type: ignore[no-untyped-def]
            refused = openapi_auth()
            if refused:
                return refused
            body = request.get_json(force=True)
            refused = robot_message(body)
            if refused:
                return refused
            users = body.get("userIds")
            if not isinstance(users, list) or not users:
                return jsonify(code="MissingParameter", message="缺少参数 userIds"), 400
            if len(users) > BATCH_MAX_USERS:
                return jsonify(code="invalidParameter.userIds", message=f"userIds最多{BATCH_MAX_USERS}个"), 400
            invalid = [u for u in users if not self.is_person(str(u))]
            for user in users:
                if user not in invalid:
                    self.sent.append(Sent("personal", user, body))
            return jsonify(processQueryKey=f"pqk-{next(counter)}", invalidStaffIdList=invalid,
                           flowControlledStaffIdList=[])

        @app.post(f"{p}/v1.0/robot/messageFiles/download")
        def file_download():  # type: ignore[no-untyped-def]
            refused = openapi_auth()
            if refused:
                return refused
            body = request.get_json(force=True)
            if body.get("robotCode") != self.robot_code or body.get("downloadCode") not in self.files:
                return jsonify(code="invalidParameter", message="downloadCode无效"), 400
            return jsonify(downloadUrl=f"{self.url}/files/{body['downloadCode']}")

        @app.get(f"{p}/files/<code>")
        def file(code: str):  # type: ignore[no-untyped-def]
            return self.files[code], 200, {"Content-Type": "image/png"}

        @app.post(f"{p}/v1.0/gateway/connections/open")
        def open_connection():  # type: ignore[no-untyped-def]
            body = request.get_json(force=True)
            if body.get("clientId") != self.app_key or body.get("clientSecret") != self.app_secret or not self.gateway:
                return jsonify(code="invalidClientIdOrSecret"), 400
            ticket = uuid.uuid4().hex
            self.gateway.tickets.add(ticket)
            self.gateway.subscriptions = body.get("subscriptions", [])
            return jsonify(endpoint=self.gateway.url, ticket=ticket)

        return app

    def is_group(self, conversation: str) -> bool:
        """A group's openConversationId starts with ``cid``; a 1:1 conversation or a staffId is no group."""
        return conversation.startswith("cid") and conversation not in self.single_conversations

    def is_person(self, user_id: str) -> bool:
        return bool(user_id) and not user_id.startswith("cid")

    def _refuse(self, token: str, code: int, message: str) -> Any:
        self.errors.append({"token": token, "errcode": code})
        return jsonify(errcode=code, errmsg=message)

    def start_gateway(self) -> StreamGateway:
        self.gateway = StreamGateway()
        return self.gateway


class StreamGateway:
    """The Stream-mode WebSocket endpoint: pushes CALLBACK frames and records the client's ACKs."""

    def __init__(self) -> None:
        self.tickets: set[str] = set()
        self.subscriptions: list[dict[str, Any]] = []
        self.acks: dict[str, dict[str, Any]] = {}
        self.connections: list[Any] = []
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait(10)

    def _run(self, ready: threading.Event) -> None:
        from websockets.asyncio.server import serve

        asyncio.set_event_loop(self.loop)

        async def main() -> None:
            self.server = await serve(self._handle, "127.0.0.1", 0)
            port = self.server.sockets[0].getsockname()[1] if self.server.sockets else 0
            self.url = f"ws://127.0.0.1:{port}/connect"
            ready.set()
            await self.server.serve_forever()

        try:
            self.loop.run_until_complete(main())
        except asyncio.CancelledError:
            pass

    async def _handle(self, websocket: Any) -> None:
        ticket = parse_qs(urlparse(websocket.request.path).query).get("ticket", [""])[0]
        if ticket not in self.tickets:
            await websocket.close(code=4001, reason="invalid ticket")
            return
        self.connections.append(websocket)
        try:
            async for raw in websocket:
                frame = json.loads(raw)
                message_id = (frame.get("headers") or {}).get("messageId")
                if message_id:
                    self.acks[message_id] = frame
        except Exception:
            pass
        finally:
            self.connections.remove(websocket)

    def push_callback(self, data: dict[str, Any], message_id: str | None = None,
                      topic: str = "/v1.0/im/bot/messages/get") -> str:
        """Send one CALLBACK frame (``data`` is a JSON string on the wire) to every connection."""
        message_id = message_id or uuid.uuid4().hex
        frame = {"specVersion": "1.0", "type": "CALLBACK",
                 "headers": {"appId": "app", "connectionId": "c1", "contentType": "application/json",
                             "messageId": message_id, "time": str(int(time.time() * 1000)), "topic": topic},
                 "data": json.dumps(data, ensure_ascii=False)}
        self._send_all(json.dumps(frame, ensure_ascii=False))
        return message_id

    def push_ping(self) -> str:
        message_id = uuid.uuid4().hex
        frame = {"specVersion": "1.0", "type": "SYSTEM", "data": json.dumps({"opaque": "x"}),
                 "headers": {"contentType": "application/json", "messageId": message_id, "topic": "ping",
                             "time": str(int(time.time() * 1000))}}
        self._send_all(json.dumps(frame))
        return message_id

    def _send_all(self, text: str) -> None:
        async def send() -> None:
            for connection in list(self.connections):
                await connection.send(text)

        asyncio.run_coroutine_threadsafe(send(), self.loop).result(10)

    def stop(self) -> None:
        async def close() -> None:
            self.server.close()
            await self.server.wait_closed()

        try:
            asyncio.run_coroutine_threadsafe(close(), self.loop).result(5)
        except Exception:
            pass
        self.thread.join(timeout=5)
        if not self.loop.is_running():
            self.loop.close()
