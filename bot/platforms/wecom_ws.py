"""The AI bot's long connection (长连接): ``python -m bot wecom-ws``. No public URL needed.

Protocol (docs/protocols.md §3 "WebSocket mode", from WecomTeam/aibot-node-sdk src/ws.ts): frames
``{cmd, headers: {req_id}, body}``; we send ``aibot_subscribe {bot_id, secret}``, then ``ping``
every 30 s; WeCom sends ``aibot_msg_callback`` / ``aibot_event_callback`` (``disconnected_event``
= a newer connection replaced ours). A message is answered with ``aibot_respond_msg`` carrying
the **same req_id**; a push to a chat is ``aibot_send_msg {chatid, msgtype, …}``.

Frames become the same IncomingMessage as HTTP callbacks (same ``aibot:<msgid>`` key, so a
message seen in both modes is stored once) and go through ``inbound.accept``. The worker's
answers for this connection come back through a Redis list (``OUTBOX_KEY``) that this process
drains, because only this process holds the socket.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import uuid
from dataclasses import replace
from typing import Any

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from bot.messaging.inbound import accept
from bot.platforms.wecom_config import WeComConfig
from bot.platforms.wecom_parse import PayloadError, aibot_message
from bot.services import Services

log = logging.getLogger(__name__)

OUTBOX_KEY = "wecom:ws:outbox:{queue}"  # one list per deployment (queue name)
PING_INTERVAL_S = 30.0  # SDK default
MAX_BACKOFF_S = 60.0
STREAM_MAX_BYTES = 20480  # aibot_respond_msg stream.content


class SubscribeRefused(Exception):
    """WeCom refused bot_id/secret: retrying will not help."""


def _frame(cmd: str, body: dict[str, Any] | None = None, req_id: str | None = None) -> str:
    frame: dict[str, Any] = {"cmd": cmd, "headers": {"req_id": req_id or uuid.uuid4().hex}}
    if body is not None:
        frame["body"] = body
    return json.dumps(frame, ensure_ascii=False)


def queue_reply(redis: Any, queue: str, *, req_id: str = "", chat_id: str = "", content: str) -> None:
    """Called by the adapter (in the worker): hand a markdown answer to the connected process."""
    redis.rpush(OUTBOX_KEY.format(queue=queue), json.dumps({"req_id": req_id, "chat_id": chat_id, "content": content}, ensure_ascii=False))


def outbox_frame(item: dict[str, Any]) -> str:
    if item.get("req_id"):
        stream = {"id": uuid.uuid4().hex, "finish": True, "content": item["content"]}
        return _frame("aibot_respond_msg", {"msgtype": "stream", "stream": stream}, req_id=item["req_id"])
    return _frame("aibot_send_msg", {"chatid": item["chat_id"], "msgtype": "markdown",
                                     "markdown": {"content": item["content"]}})


class LongConnection:
    def __init__(self, services: Services, config: WeComConfig, *, ping_interval_s: float = PING_INTERVAL_S) -> None:
        self.services = services
        self.config = config
        self.ping_interval_s = ping_interval_s
        self.stopping = asyncio.Event()
        self.connections = 0

    async def run(self) -> None:
        """Connect, serve, and reconnect with exponential backoff and jitter until ``stop()``."""
        backoff = 1.0
        while not self.stopping.is_set():
            try:
                await self._session()
                backoff = 1.0
            except SubscribeRefused:
                raise
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError) as exc:
                log.warning("wecom ws disconnected: %s; retry in %.1fs", exc.__class__.__name__, backoff)
            if self.stopping.is_set():
                break
            try:
                await asyncio.wait_for(self.stopping.wait(), timeout=backoff * random.uniform(0.8, 1.2))
            except TimeoutError:
                pass
            backoff = min(backoff * 2, MAX_BACKOFF_S)

    def stop(self) -> None:
        self.stopping.set()

    async def _session(self) -> None:
        async with connect(self.config.ws_url, open_timeout=10, ping_interval=None, max_size=2**20) as ws:
            req_id = uuid.uuid4().hex
            await ws.send(_frame("aibot_subscribe", {"bot_id": self.config.bot_id, "secret": self.config.bot_secret},
                                 req_id=req_id))
            ack = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
            if int(ack.get("errcode", -1)) != 0:
                raise SubscribeRefused(f"subscribe refused errcode={ack.get('errcode')}")
            self.connections += 1
            log.info("wecom ws subscribed (connection %s)", self.connections)
            tasks = [asyncio.create_task(coro) for coro in (self._heartbeat(ws), self._receive(ws), self._pump(ws))]
            stop_task = asyncio.create_task(self.stopping.wait())
            done, pending = await asyncio.wait([*tasks, stop_task], return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            for task in done:
                if task is not stop_task and task.exception():
                    raise task.exception()  # type: ignore[misc]

    async def _heartbeat(self, ws: Any) -> None:
        while True:
            await asyncio.sleep(self.ping_interval_s)
            await ws.send(_frame("ping"))

    async def _pump(self, ws: Any) -> None:
        redis = self.services.redis
        key = OUTBOX_KEY.format(queue=self.services.settings.queue_name)
        while True:
            popped = await asyncio.to_thread(redis.blpop, [key], 1)
            if popped is None:
                continue
            item = json.loads(popped[1])
            try:
                await ws.send(outbox_frame(item))
            except ConnectionClosed:
                redis.lpush(key, popped[1])  # not sent: the next connection sends it
                raise

    async def _receive(self, ws: Any) -> None:
        async for raw in ws:
            try:
                frame = json.loads(raw)
            except ValueError:
                log.warning("wecom ws: malformed frame")
                continue
            cmd = frame.get("cmd", "")
            req_id = str((frame.get("headers") or {}).get("req_id", ""))
            if cmd == "aibot_msg_callback":
                await asyncio.to_thread(self._accept, frame.get("body") or {}, req_id)
            elif cmd == "aibot_event_callback":
                event = ((frame.get("body") or {}).get("event") or {}).get("eventtype", "")
                if event == "disconnected_event":
                    log.warning("wecom ws: replaced by a newer connection")
                    return
            elif "errcode" in frame and int(frame.get("errcode") or 0) != 0:
                log.warning("wecom ws: request refused errcode=%s", frame.get("errcode"))

    def _accept(self, body: dict[str, Any], req_id: str) -> None:
        try:
            msg = aibot_message(body, self.services.clock.now())
        except PayloadError as exc:
            log.warning("wecom ws: payload refused reason=%s", exc.reason)
            return
        if msg is None:
            return
        # The answer goes back on this connection with the frame's req_id.
        msg = replace(msg, reply_handle=f"ws:{req_id}", reply_handle_expires_at=None)
        accepted = accept(self.services, msg)
        log.info("wecom ws message inbound=%s duplicate=%s", accepted.inbound_id, accepted.duplicate)


def run(services: Services) -> int:
    config = WeComConfig.from_section(services.settings.platforms.get("wecom", {}))
    if not (config.bot_id and config.bot_secret):
        log.error("WECOM_BOT_ID and WECOM_BOT_SECRET are required for the long connection")
        return 2
    connection = LongConnection(services, config)
    try:
        asyncio.run(connection.run())
    except SubscribeRefused as exc:
        log.error("wecom ws: %s — check WECOM_BOT_ID / WECOM_BOT_SECRET", exc)
        return 2
    except InvalidURI:
        log.error("wecom ws: WECOM_WS_URL is not a ws:// or wss:// URL")
        return 2
    except KeyboardInterrupt:
        pass
    return 0
