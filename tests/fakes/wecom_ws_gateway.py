"""A fake 智能机器人 long-connection gateway on loopback that behaves as WeCom's does.

Frames are ``{cmd, headers: {req_id}, body}``; answers to our frames are
``{headers: {req_id}, errcode, errmsg}`` (docs/protocols.md §3). What it enforces, and where each fact
comes from (the official SDK ``@wecom/aibot-node-sdk`` 1.0.7, npm, ``dist/index.cjs.js`` and
``dist/index.d.ts``; source repo WecomTeam/aibot-node-sdk ``src/ws.ts``):

| behaviour | what the fake does | source |
|---|---|---|
| ``aibot_subscribe {bot_id, secret}`` checked | a wrong pair, or every attempt while ``refuse_subscribes`` is non-zero, is answered ``errcode != 0`` (40001 [?]: the real code is not documented; the SDK only tests ``errcode !== 0``) and the socket is left open: closing it and retrying is the client's job | SDK ``handleFrame``: "Authentication failed" → terminate → ``scheduleReconnect`` with ``maxAuthFailureAttempts`` (default 5) and exponential back-off 1 s, 2 s, 4 s … 30 s |
| one connection per bot | a newer successful subscribe for the same ``bot_id`` takes over: the older connection gets an ``aibot_event_callback`` whose ``body.event.eventtype`` is ``disconnected_event`` and is then closed by the server | SDK: "检测 disconnected_event：有新连接建立，服务端通知旧连接即将被断开"; it sets ``isManualClose`` and does not reconnect ("重连也会被再次断开") |
| heartbeat | ``ping`` is acked with ``errcode 0`` and the same ``req_id``, except on a connection muted with ``mute_pings()``: a silently dead link that stays open | SDK ``sendHeartbeat``: after ``maxMissedPong`` = 2 unanswered pings the client terminates the socket and reconnects |
| ``aibot_respond_msg`` | only for a ``req_id`` this gateway pushed (else 846605 ``invalid req_id``); ``stream.content`` ≤ 20480 UTF-8 bytes (else 40058 [?: code not documented]) | SDK ``d.ts`` StreamReplyBody: "回复内容…最长不超过 20480 个字节，必须是 utf8 编码"; 846605 as handled by the third-party npm ``@yanhaidao/wecom`` 2.3.13 |
| ``aibot_send_msg`` | ``chatid`` required; ``markdown.content`` ≤ 20480 UTF-8 bytes (else 40058) | [?] no cap is documented for pushes; the stream cap is applied |

Everything the bot sends is recorded in ``frames``; ``subscribe_attempts`` counts every subscribe,
``subscribes`` the accepted ones.
"""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from typing import Any

from websockets.asyncio.server import ServerConnection, serve

CONTENT_MAX_BYTES = 20480
ERR_INVALID_REQ_ID = 846605
ERR_TOO_LONG = 40058
ERR_AUTH = 40001


class FakeWsGateway:
    def __init__(self, bot_id: str = "BOTID", secret: str = "BOTSECRET") -> None:
        self.bot_id, self.secret = bot_id, secret
        self.frames: list[dict[str, Any]] = []
        self.refusals: list[tuple[str, int]] = []  # (cmd, errcode) answered to the bot
        self.subscribes = 0
        self.subscribe_attempts = 0
        self.refuse_subscribes = 0  # refuse the next N subscribes; -1 refuses every one
        self.evictions = 0
        self._current: ServerConnection | None = None
        self._muted: set[int] = set()  # id() of connections whose pings go unanswered
        self._pushed_req_ids: set[str] = set()
        self._tasks: set[asyncio.Future[None]] = set()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait(10)
        self.url = f"ws://127.0.0.1:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._start())
        self._loop.run_forever()

    async def _start(self) -> None:
        self._server = await serve(self._handler, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()

    @staticmethod
    def _answer(req_id: str, errcode: int = 0, errmsg: str = "ok") -> str:
        return json.dumps({"headers": {"req_id": req_id}, "errcode": errcode, "errmsg": errmsg})

    async def _handler(self, ws: ServerConnection) -> None:
        try:
            async for raw in ws:
                frame = json.loads(raw)
                self.frames.append(frame)
                cmd = frame.get("cmd")
                req_id = frame.get("headers", {}).get("req_id", "")
                body = frame.get("body") or {}
                if cmd == "aibot_subscribe":
                    await self._subscribe(ws, req_id, body)
                elif cmd == "ping":
                    if id(ws) not in self._muted:
                        await ws.send(self._answer(req_id))
                elif cmd == "aibot_respond_msg":
                    await ws.send(self._check_respond(req_id, body))
                elif cmd == "aibot_send_msg":
                    await ws.send(self._check_push(req_id, body))
                else:
                    await ws.send(self._answer(req_id))
        except Exception:
            pass  # a client that vanished mid-frame: nothing to answer
        finally:
            self._muted.discard(id(ws))
            if self._current is ws:
                self._current = None

    async def _subscribe(self, ws: ServerConnection, req_id: str, body: dict[str, Any]) -> None:
        self.subscribe_attempts += 1
        good = body.get("bot_id") == self.bot_id and body.get("secret") == self.secret
        if good and self.refuse_subscribes:
            good = False
            if self.refuse_subscribes > 0:
                self.refuse_subscribes -= 1
        if not good:
            self.refusals.append(("aibot_subscribe", ERR_AUTH))
            await ws.send(self._answer(req_id, ERR_AUTH, "invalid bot_id or secret"))
            return
        older, self._current = self._current, ws
        self.subscribes += 1
        await ws.send(self._answer(req_id))
        if older is not None and older is not ws:
            # Closing waits for the old client's close frame: never hold up the new connection for it.
            self._tasks.add(asyncio.ensure_future(self._evict(older)))

    async def _evict(self, ws: ServerConnection) -> None:
        """What WeCom does to the older connection when a newer one subscribes for the same bot."""
        self.evictions += 1
        event = {"cmd": "aibot_event_callback", "headers": {"req_id": uuid.uuid4().hex},
                 "body": {"msgid": uuid.uuid4().hex, "aibotid": self.bot_id, "msgtype": "event",
                          "from": {"userid": ""}, "event": {"eventtype": "disconnected_event"}}}
        try:
            await ws.send(json.dumps(event))
            await ws.close(code=1000, reason="new connection established")
        except Exception:
            pass

    def _check_respond(self, req_id: str, body: dict[str, Any]) -> str:
        if req_id not in self._pushed_req_ids:
            self.refusals.append(("aibot_respond_msg", ERR_INVALID_REQ_ID))
            return self._answer(req_id, ERR_INVALID_REQ_ID, "invalid req_id")
        content = ((body.get("stream") or {}).get("content")) or ""
        if len(str(content).encode("utf-8")) > CONTENT_MAX_BYTES:
            self.refusals.append(("aibot_respond_msg", ERR_TOO_LONG))
            return self._answer(req_id, ERR_TOO_LONG, f"stream.content exceed max length {CONTENT_MAX_BYTES}")
        return self._answer(req_id)

    def _check_push(self, req_id: str, body: dict[str, Any]) -> str:
        if not body.get("chatid"):
            self.refusals.append(("aibot_send_msg", 40003))
            return self._answer(req_id, 40003, "chatid missing")
        kind = body.get("msgtype")
        content = ((body.get(kind) or {}).get("content")) if kind in ("markdown", "text") else ""
        if len(str(content or "").encode("utf-8")) > CONTENT_MAX_BYTES:
            self.refusals.append(("aibot_send_msg", ERR_TOO_LONG))
            return self._answer(req_id, ERR_TOO_LONG, f"{kind}.content exceed max length {CONTENT_MAX_BYTES}")
        return self._answer(req_id)

    def _call(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)

    # ----------------------------------------------------------- test controls
    @property
    def connected(self) -> bool:
        return self._current is not None

    def push_message(self, body: dict[str, Any]) -> str:
        req_id = uuid.uuid4().hex
        assert self._current is not None, "no subscribed connection"
        self._pushed_req_ids.add(req_id)
        frame = {"cmd": "aibot_msg_callback", "headers": {"req_id": req_id}, "body": body}
        self._call(self._current.send(json.dumps(frame, ensure_ascii=False)))
        return req_id

    def mute_pings(self) -> None:
        """The current link goes silent: it stays open, frames are read, pings are never acked."""
        assert self._current is not None, "no subscribed connection"
        self._muted.add(id(self._current))

    def drop(self) -> None:
        """Close the current connection abruptly, as a network failure would."""
        if self._current is not None:
            current, self._current = self._current, None
            self._call(current.close(code=1011))

    def sent(self, cmd: str) -> list[dict[str, Any]]:
        return [f for f in self.frames if f.get("cmd") == cmd]

    def stop(self) -> None:
        async def shutdown() -> None:
            self._server.close()
            await self._server.wait_closed()

        self._call(shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()
