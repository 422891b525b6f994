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

Keeping the link, as the official SDK does (npm ``@wecom/aibot-node-sdk`` 1.0.7, ``WsConnectionManager``
in ``dist/index.cjs.js``; docs/protocols.md §9):
- a ``ping`` every 30 s; after 2 unanswered (``maxMissedPong``) the link is dead even if nobody closed
  it: drop it and reconnect;
- reconnect with exponential back-off 1 s, 2 s, 4 s … capped at 30 s, reset once subscribed;
- a refused ``aibot_subscribe`` is retried the same way, at most 5 times in a row
  (``maxAuthFailureAttempts``), then we give up: exit ``EXIT_CONFIG``;
- ``disconnected_event`` means a newer connection for the same bot took over (another deployment):
  the SDK does not reconnect, because the two would evict each other forever. Neither do we: we tell
  the office once (``bot.messaging.alerts``) and exit ``EXIT_TAKEN_OVER``, which ``make run`` reports.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import random
import uuid
from dataclasses import replace
from typing import Any

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from bot.chat_platforms import EXIT_CONFIG, EXIT_TAKEN_OVER
from bot.messaging.alerts import tell_office_once
from bot.messaging.inbound import accept
from bot.messaging.messages import ChannelProblem
from bot.platforms.wecom_config import WeComConfig
from bot.platforms.wecom_parse import PayloadError, aibot_message
from bot.services import Services

log = logging.getLogger(__name__)

OUTBOX_KEY = "wecom:ws:outbox:{queue}"  # one list per deployment (queue name)
PING_INTERVAL_S = 30.0  # SDK heartbeatInterval
MAX_MISSED_PONGS = 2  # SDK maxMissedPong
MAX_SUBSCRIBE_REFUSALS = 5  # SDK maxAuthFailureAttempts
BACKOFF_BASE_S = 1.0  # SDK reconnectBaseDelay
MAX_BACKOFF_S = 30.0  # SDK reconnectMaxDelay
CLOSE_TIMEOUT_S = 2.0  # a dead link never answers our close frame: do not wait websockets' default 10 s
STREAM_MAX_BYTES = 20480  # aibot_respond_msg stream.content (SDK d.ts StreamReplyBody: "最长不超过 20480 个字节")
PING_PREFIX = "ping_"  # our pings' req_id, so their acks can be told apart (the SDK does the same)


class SubscribeRefused(Exception):
    """WeCom answered ``aibot_subscribe`` with errcode ≠ 0 (wrong bot_id/secret, or not ready yet)."""


class TakenOver(Exception):
    """``disconnected_event``: a newer connection for this bot took over ours."""


class LinkDead(Exception):
    """Pings went unanswered: the socket is open but nothing comes back."""


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
        self._missed_pongs = 0

    async def run(self) -> None:
        """Connect, serve, and reconnect with back-off until ``stop()``.

        Raises ``TakenOver`` at once, and ``SubscribeRefused`` after ``MAX_SUBSCRIBE_REFUSALS``
        refusals in a row: in both cases reconnecting is wrong."""
        attempt = refusals = 0
        while not self.stopping.is_set():
            subscribed_before = self.connections
            try:
                await self._session()
            except SubscribeRefused as exc:
                refusals += 1
                if refusals >= MAX_SUBSCRIBE_REFUSALS:
                    raise SubscribeRefused(f"{exc}, {refusals} attempts in a row") from None
                log.warning("wecom ws: %s (attempt %s of %s)", exc, refusals, MAX_SUBSCRIBE_REFUSALS)
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError, LinkDead) as exc:
                log.warning("wecom ws disconnected: %s %s", exc.__class__.__name__, exc)
            if self.connections > subscribed_before:
                attempt = refusals = 0  # this link was up: start the back-off again from 1 s
            if self.stopping.is_set():
                break
            delay = min(BACKOFF_BASE_S * 2**attempt, MAX_BACKOFF_S) * random.uniform(0.9, 1.1)
            attempt += 1
            log.info("wecom ws: reconnecting in %.1fs", delay)
            try:
                await asyncio.wait_for(self.stopping.wait(), timeout=delay)
            except TimeoutError:
                pass

    def stop(self) -> None:
        self.stopping.set()

    async def _session(self) -> None:
        async with connect(self.config.ws_url, open_timeout=10, close_timeout=CLOSE_TIMEOUT_S, ping_interval=None,
                           max_size=2**20) as ws:
            req_id = uuid.uuid4().hex
            await ws.send(_frame("aibot_subscribe", {"bot_id": self.config.bot_id, "secret": self.config.bot_secret},
                                 req_id=req_id))
            ack = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
            if int(ack.get("errcode", -1)) != 0:
                raise SubscribeRefused(f"subscribe refused errcode={ack.get('errcode')}")
            self.connections += 1
            self._missed_pongs = 0
            log.info("wecom ws subscribed (connection %s)", self.connections)
            tasks = [asyncio.create_task(coro) for coro in (self._heartbeat(ws), self._receive(ws), self._pump(ws))]
            stop_task = asyncio.create_task(self.stopping.wait())
            done, pending = await asyncio.wait([*tasks, stop_task], return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            errors = [e for t in done if t is not stop_task and (e := t.exception()) is not None]
            if errors:
                # disconnected_event is followed by the server's close: whichever task noticed first,
                # the takeover is what happened.
                raise next((e for e in errors if isinstance(e, TakenOver)), errors[0])

    async def _heartbeat(self, ws: Any) -> None:
        while True:
            await asyncio.sleep(self.ping_interval_s)
            if self._missed_pongs >= MAX_MISSED_PONGS:
                raise LinkDead(f"{self._missed_pongs} pings unanswered")
            self._missed_pongs += 1
            await ws.send(_frame("ping", req_id=f"{PING_PREFIX}{uuid.uuid4().hex}"))

    async def _pump(self, ws: Any) -> None:
        redis = self.services.redis
        key = OUTBOX_KEY.format(queue=self.services.settings.queue_name)
        while True:
            # Shielded: when the link is dropped while a pop is under way in its thread, what it took
            # is put back for the next connection instead of being lost with the cancelled task.
            popping = asyncio.ensure_future(asyncio.to_thread(redis.blpop, [key], 1))
            try:
                popped = await asyncio.shield(popping)
            except asyncio.CancelledError:
                late = await popping
                if late is not None:
                    redis.lpush(key, late[1])
                raise
            if popped is None:
                continue
            item = json.loads(popped[1])
            try:
                await ws.send(outbox_frame(item))
            except (ConnectionClosed, asyncio.CancelledError):
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
                    raise TakenOver("disconnected_event: a newer connection for this bot took over")
            elif req_id.startswith(PING_PREFIX):
                if int(frame.get("errcode") or 0) == 0:
                    self._missed_pongs = 0
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


ADVICE_TAKEN_OVER = ("企业微信智能机器人的长连接被另一处部署接管（同一个机器人只能保持一条长连接），本处已停止接收群消息。"
                     "请停掉多余的部署或为其另建机器人，然后重启督办助手。")
ADVICE_REFUSED = ("企业微信智能机器人长连接认证失败（已重试 {n} 次），群里@机器人的消息收不到。"
                  "请核对 WECOM_BOT_ID 和 WECOM_BOT_SECRET，并确认机器人选的是“使用长连接”，然后重启督办助手。")


def _tell_office(services: Services, config: WeComConfig, what: str, advice: str) -> None:
    """Once a day per bot and cause; the office must hear it, but a broken database must not hide the exit."""
    bot = hashlib.sha256(config.bot_id.encode()).hexdigest()[:12]
    problem = ChannelProblem(platform="wecom", unit_code="", key=f"wecom-ws:{bot}:{what}", advice=advice)
    try:
        tell_office_once(services, problem)
    except Exception as exc:
        log.error("wecom ws: could not alert the office (%s)", exc.__class__.__name__)


def run(services: Services) -> int:
    """The process: 0 when stopped, ``EXIT_CONFIG`` or ``EXIT_TAKEN_OVER`` when it must not go on."""
    config = WeComConfig.from_section(services.settings.platforms.get("wecom", {}))
    if not (config.bot_id and config.bot_secret):
        log.error("WECOM_BOT_ID and WECOM_BOT_SECRET are required for the long connection")
        return EXIT_CONFIG
    connection = LongConnection(services, config)
    try:
        asyncio.run(connection.run())
    except TakenOver:
        log.error("wecom ws: stopped: disconnected_event, another deployment with the same WECOM_BOT_ID opened a "
                  "newer connection and took over. Not reconnecting (the two would evict each other forever): stop "
                  "the other deployment or give it its own bot, then restart.")
        _tell_office(services, config, "taken-over", ADVICE_TAKEN_OVER)
        return EXIT_TAKEN_OVER
    except SubscribeRefused as exc:
        log.error("wecom ws: stopped: %s. Check WECOM_BOT_ID / WECOM_BOT_SECRET and that the bot uses the long "
                  "connection, then restart.", exc)
        _tell_office(services, config, "refused", ADVICE_REFUSED.format(n=MAX_SUBSCRIBE_REFUSALS))
        return EXIT_CONFIG
    except InvalidURI:
        log.error("wecom ws: WECOM_WS_URL is not a ws:// or wss:// URL")
        return EXIT_CONFIG
    except KeyboardInterrupt:
        pass
    return 0
