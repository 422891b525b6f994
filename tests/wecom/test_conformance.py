"""WeCom conformance: every send path, the robot rate limit, the long connection and callback
retries against fakes that refuse what WeCom refuses (``tests/fakes/wecom_server.py`` and
``tests/fakes/wecom_ws_gateway.py`` name the source of each limit).

Time is moved with time-machine (fake and bot read the same clock); nothing here depends on the
wall clock or the time zone.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests
import time_machine
from flask import Flask, request
from sqlalchemy import func, select

from bot.config import ROOT
from bot.messaging.messages import ImageRef, Mention, OutgoingMessage
from bot.platforms.wecom import build_adapter
from bot.platforms.wecom_config import WeComConfig
from bot.platforms.wecom_ws import LongConnection
from bot.services import Services
from models import InboundMessage, OutboundMessage, Unit
from tests.fakes.wecom_server import FakeWeCom
from tests.fakes.wecom_ws_gateway import FakeWsGateway
from tests.support import LiveServer, wait_for
from tests.wecom.conftest import ROBOT_KEYS, WeComBot, wecom_section

# 09:00 in Beijing on a working Monday, as an aware instant: independent of the machine's zone.
START = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
LINE = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，请核实处理。"  # 3-byte characters


def _utf8(text: str) -> int:
    return len(text.encode("utf-8"))


def _text_of_bytes(size: int, *, lines: bool = True) -> str:
    """Chinese text of exactly ``size`` UTF-8 bytes: many lines, or one paragraph."""
    sep = "\n" if lines else ""
    text = ""
    n = 0
    while _utf8(text + sep + LINE) < size - 8:
        text = f"{text}{sep if text else ''}{n:03d}{LINE}" if lines else text + LINE
        n += 1
    return text + "x" * (size - _utf8(text))


def _letters(text: str) -> str:
    """The text a reader sees, without whitespace, part numbers and mentions (for reassembly)."""
    return re.sub(r"\s|\(\d+/\d+\)|<@[^>\s]+>", "", text)


# --------------------------------------------------------------------------- byte caps


@pytest.mark.parametrize("lines", [True, False], ids=["4081-byte-markdown", "9600-byte-paragraph"])
def test_robot_markdown_with_mentions_stays_within_4096_bytes(wecom_services: Services, fake_wecom: FakeWeCom,
                                                              lines: bool) -> None:
    """The mentions are part of ``markdown.content``: a part that fits before ``<@userid>`` is
    added may not fit after, and WeCom refuses it whole (40058) — nothing of it is delivered."""
    text = _text_of_bytes(4081 if lines else 9600, lines=lines)
    message = OutgoingMessage(text=text, chat_id="wr-donghu", format="markdown",
                              mentions=(Mention("hehui", "何慧"), Mention("wutao", "吴涛")))
    result = wecom_services.adapter("wecom").send(message, dedupe_key=f"conformance:markdown:{lines}")
    assert result.ok and not fake_wecom.webhook_refusals, (
        f"our own split was refused: {fake_wecom.webhook_refusals} ({result.error})")
    bodies = fake_wecom.webhook_bodies(ROBOT_KEYS["donghu"])
    contents = [b["markdown"]["content"] for b in bodies]
    assert all(_utf8(c) <= 4096 for c in contents)
    joined = "".join(contents)
    assert "<@hehui>" in joined and "<@wutao>" in joined  # the people are still notified
    assert _letters(joined) == _letters(text)  # whole and in order


def test_robot_text_with_mentions_stays_within_2048_bytes(wecom_services: Services, fake_wecom: FakeWeCom) -> None:
    text = _text_of_bytes(5000)
    message = OutgoingMessage(text=text, chat_id="wr-donghu", mentions=(Mention("hehui", "何慧"),))
    result = wecom_services.adapter("wecom").send(message, dedupe_key="conformance:text")
    assert result.ok and not fake_wecom.webhook_refusals, fake_wecom.webhook_refusals
    bodies = fake_wecom.webhook_bodies(ROBOT_KEYS["donghu"])
    assert all(_utf8(b["text"]["content"]) <= 2048 for b in bodies)
    assert any("hehui" in (b["text"].get("mentioned_list") or []) or "<@hehui>" in b["text"]["content"] for b in bodies)
    assert _letters("".join(b["text"]["content"] for b in bodies)) == _letters(text)


def test_app_markdown_with_a_title_stays_within_2048_bytes(wecom_services: Services, fake_wecom: FakeWeCom) -> None:
    """``message/send`` caps text and markdown at 2048 bytes; the title line is added by us."""
    text = _text_of_bytes(2040)
    message = OutgoingMessage(text=text, user_id="hehui", format="markdown", title="【催办】东湖街道工单即将超期")
    result = wecom_services.adapter("wecom").send(message, dedupe_key="conformance:app")
    assert result.ok and not fake_wecom.app_refusals, (fake_wecom.app_refusals, result.error)
    contents = [m["markdown"]["content"] for m in fake_wecom.app_messages]
    assert contents and all(_utf8(c) <= 2048 for c in contents)
    assert _letters(text) in _letters("".join(contents))


# --------------------------------------------------------------------------- rate limit


def _drive(send: Callable[[int, int], bool], total: int, *, step_s: float, max_steps: int,
           traveller: Any) -> list[int]:
    """Offer message ``i`` at step ``i`` and retry every unsent one at each later step; returns the
    order in which messages went out. ``send(i, step)`` is True once message ``i`` is accepted."""
    delivered: list[int] = []
    waiting: list[int] = []
    for step in range(max_steps):
        if step < total:
            waiting.append(step)
        still: list[int] = []
        for i in waiting:
            (delivered if send(i, step) else still).append(i)
        waiting = still
        if step >= total and not waiting:
            break
        traveller.shift(step_s)
    return delivered


def test_robot_sends_stay_within_20_in_any_60_seconds_across_processes(wecom_services: Services,
                                                                       fake_wecom: FakeWeCom) -> None:
    """40 reminders offered one every 1.5 s by two worker processes: WeCom never says 45009
    (20 per robot in any 60 s; a refilled bucket of 20 lets ~39 through in a minute)."""
    workers = [build_adapter(wecom_services), build_adapter(wecom_services)]  # two processes, one Redis

    def send(i: int, step: int) -> bool:
        message = OutgoingMessage(text=f"【催办】工单 DB-{i:03d} 今日到期，请及时办理。", chat_id="wr-zhujian")
        return workers[(i + step) % 2].send(message, dedupe_key=f"conformance:rate:{i}").ok

    with time_machine.travel(START, tick=False) as traveller:
        delivered = _drive(send, 40, step_s=1.5, max_steps=400, traveller=traveller)
    refusals = [code for key, code in fake_wecom.webhook_refusals if key == ROBOT_KEYS["zhujian"]]
    assert refusals == [], f"WeCom refused {len(refusals)} sends with {sorted(set(refusals))}"
    assert sorted(delivered) == list(range(40))


# --------------------------------------------------------------------------- long connection


def _run_in_thread(connection: LongConnection) -> tuple[threading.Thread, asyncio.AbstractEventLoop, list[BaseException]]:
    loop = asyncio.new_event_loop()
    errors: list[BaseException] = []

    def target() -> None:
        try:
            loop.run_until_complete(connection.run())
        except BaseException as exc:  # reported by the test, not as an unhandled thread exception
            errors.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, loop, errors


def _stop(connection: LongConnection, thread: threading.Thread, loop: asyncio.AbstractEventLoop) -> None:
    if thread.is_alive():
        loop.call_soon_threadsafe(connection.stop)
        thread.join(timeout=15)
    if not loop.is_closed() and not thread.is_alive():
        loop.close()


@pytest.fixture
def gateway() -> Iterator[FakeWsGateway]:
    server = FakeWsGateway()
    yield server
    server.stop()


def _ws_section(fake: FakeWeCom, gateway: FakeWsGateway) -> dict[str, str]:
    return wecom_section(fake, mode="ws", bot_id=gateway.bot_id, bot_secret=gateway.secret, ws_url=gateway.url)


@pytest.fixture
def ws_services(wecom_services: Services, fake_wecom: FakeWeCom, gateway: FakeWsGateway) -> Services:
    section = _ws_section(fake_wecom, gateway)
    wecom_services.settings = replace(wecom_services.settings, platforms={"wecom": section})
    wecom_services.adapters["wecom"] = build_adapter(wecom_services)
    return wecom_services


def _connection(services: Services, ping_interval_s: float = 30.0) -> LongConnection:
    config = WeComConfig.from_section(services.settings.platforms["wecom"])
    return LongConnection(services, config, ping_interval_s=ping_interval_s)


def test_two_missed_ping_acks_make_the_client_reconnect(ws_services: Services, gateway: FakeWsGateway) -> None:
    connection = _connection(ws_services, ping_interval_s=0.2)
    thread, loop, errors = _run_in_thread(connection)
    try:
        wait_for(lambda: gateway.subscribes == 1, timeout=10)
        gateway.mute_pings()  # the link is dead but nobody closed it
        wait_for(lambda: gateway.subscribes == 2 or not thread.is_alive(), timeout=6)
        assert gateway.subscribes == 2, "unanswered pings went unnoticed: the dead link was kept"
    except AssertionError as exc:
        raise AssertionError(f"{exc}; pings sent={len(gateway.sent('ping'))} errors={errors}") from None
    finally:
        _stop(connection, thread, loop)


def test_a_refused_subscribe_is_retried_with_backoff(ws_services: Services, gateway: FakeWsGateway) -> None:
    gateway.refuse_subscribes = 1  # e.g. WeCom's side not ready yet after the secret was saved
    connection = _connection(ws_services)
    thread, loop, errors = _run_in_thread(connection)
    try:
        wait_for(lambda: gateway.subscribes == 1 or not thread.is_alive(), timeout=15)
        assert gateway.subscribes == 1, f"gave up after {gateway.subscribe_attempts} attempt(s): {errors}"
        assert gateway.subscribe_attempts == 2
    finally:
        _stop(connection, thread, loop)


def _ws_process(services: Services, fake: FakeWeCom, gateway: FakeWsGateway, log_path: Path) -> subprocess.Popen[bytes]:
    """``python -m bot wecom-ws``, as ``make run`` starts it, on this test's database and Redis."""
    settings = services.settings
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WECOM_", "DINGTALK_", "BOT_"))}
    env.update({f"WECOM_{key.upper()}": value for key, value in _ws_section(fake, gateway).items()})
    env.update(DATABASE_URL=settings.database_url, REDIS_URL=settings.redis_url, BOT_QUEUE=settings.queue_name,
               BOT_VAR_DIR=str(settings.var_dir), BOT_SIMULATOR="0", TZ="Asia/Shanghai")
    with log_path.open("wb") as log:  # a file, not a pipe: a chatty process must never block on it
        return subprocess.Popen([sys.executable, "-m", "bot", "wecom-ws"], cwd=ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT)


def _finish(process: subprocess.Popen[bytes], timeout_s: float) -> int | None:
    """The exit code, or None (and the process ended by us) if it is still running after ``timeout_s``."""
    try:
        return process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
        return None


def _tail(path: Path) -> str:
    return path.read_text(errors="replace")[-1500:]


def test_long_connection_replies_and_pushes_stay_within_20480_bytes(ws_services: Services,
                                                                     gateway: FakeWsGateway) -> None:
    connection = _connection(ws_services)
    thread, loop, errors = _run_in_thread(connection)
    try:
        wait_for(lambda: gateway.subscribes == 1, timeout=10)
        req_id = gateway.push_message({"msgid": "ws-long-1", "aibotid": gateway.bot_id, "chattype": "single",
                                       "from": {"userid": "zhaolei"}, "msgtype": "text", "text": {"content": "周报"}})
        text = _text_of_bytes(50000)
        message = OutgoingMessage(text=text, chat_id="zhaolei", format="markdown", reply_handle=f"ws:{req_id}")
        assert ws_services.adapter("wecom").send(message, dedupe_key="conformance:ws-long").ok
        frames = lambda: gateway.sent("aibot_respond_msg") + gateway.sent("aibot_send_msg")  # noqa: E731
        wait_for(lambda: len(frames()) >= 3, timeout=15)
    finally:
        _stop(connection, thread, loop)
    assert not gateway.refusals, gateway.refusals
    contents = [(f["body"].get("stream") or f["body"].get("markdown") or {}).get("content", "") for f in frames()]
    assert all(_utf8(c) <= 20480 for c in contents)
    assert gateway.sent("aibot_respond_msg")[0]["headers"]["req_id"] == req_id
    assert _letters("".join(contents)) == _letters(text)


def test_taken_over_by_another_deployment_stops_alerts_once_and_exits_non_zero(
        ws_services: Services, fake_wecom: FakeWeCom, gateway: FakeWsGateway, tmp_path: Path) -> None:
    """Two deployments of one bot: the newer connection wins and the older one gets
    ``disconnected_event``. Reconnecting would evict the other one, forever."""
    log_path = tmp_path / "wecom-ws.log"
    older = _ws_process(ws_services, fake_wecom, gateway, log_path)
    newer = _connection(ws_services)
    thread = loop = None
    try:
        wait_for(lambda: gateway.subscribes == 1 or older.poll() is not None, timeout=60)
        assert gateway.subscribes == 1, _tail(log_path)
        thread, loop, errors = _run_in_thread(newer)  # the second deployment starts
        wait_for(lambda: gateway.subscribes >= 2, timeout=10)
        code = _finish(older, timeout_s=15)
        subscribes = gateway.subscribes
    finally:
        if older.poll() is None:
            _finish(older, 0)
        if thread is not None and loop is not None:
            _stop(newer, thread, loop)
    assert code is not None, (f"still running after disconnected_event: {subscribes} subscribes, "
                              f"{gateway.evictions} evictions (the two deployments evict each other)")
    assert code != 0, _tail(log_path)
    assert subscribes == 2, "the evicted process subscribed again"
    log = _tail(log_path).lower()
    assert any(word in log for word in ("disconnected_event", "another", "newer", "新连接", "另一")), log
    with ws_services.sessions() as session:
        office = session.scalar(select(Unit).where(Unit.code == "office"))
        assert office is not None
        office_chats = set((office.chats or {}).values())
        office_people = {p.code for p in office.members}
        alerts = list(session.scalars(select(OutboundMessage)))
    assert len(alerts) == 1, [a.dedupe_key for a in alerts]
    assert alerts[0].chat_id in office_chats or alerts[0].user_id in office_people


@pytest.mark.slow
def test_a_subscribe_refused_every_time_is_retried_then_exits_non_zero(
        ws_services: Services, fake_wecom: FakeWeCom, gateway: FakeWsGateway, tmp_path: Path) -> None:
    gateway.refuse_subscribes = -1  # a wrong WECOM_BOT_SECRET
    log_path = tmp_path / "wecom-ws.log"
    process = _ws_process(ws_services, fake_wecom, gateway, log_path)
    code = _finish(process, timeout_s=120)
    assert gateway.subscribe_attempts >= 2, f"no retry: {gateway.subscribe_attempts} attempt(s), exit {code}"
    assert code not in (None, 0), _tail(log_path)
    assert "secret" in _tail(log_path).lower()


# --------------------------------------------------------------------------- callback retries


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SERVE = ("import sys\n"
         "from werkzeug.serving import run_simple\n"
         "from bot.web import create_app\n"
         "run_simple('127.0.0.1', int(sys.argv[1]), create_app(), threaded=True)\n")


class _InboundLock:
    """Holds the inbound table so that a store waits: the moment to kill a web process mid-store."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url
        self.conn: Any = None

    def __enter__(self) -> _InboundLock:
        if self.url.startswith("sqlite"):
            import sqlite3

            self.conn = sqlite3.connect(self.url.split("///", 1)[1], isolation_level=None, timeout=30)
            self.conn.execute("BEGIN EXCLUSIVE")
        else:
            self.conn = psycopg.connect(self.url.replace("postgresql+psycopg", "postgresql"))
            self.conn.execute("LOCK TABLE inbound_messages IN ACCESS EXCLUSIVE MODE")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.url.startswith("sqlite"):
            self.conn.execute("ROLLBACK")
        else:
            self.conn.rollback()
        self.conn.close()


def test_a_retry_of_a_message_never_stored_is_accepted(wecom_bot: WeComBot, tmp_path: Path) -> None:
    """The web process dies while storing; WeCom repeats the very same request (same nonce) to
    another process of the deployment. The message was not stored, so it must be accepted."""
    fake, services = wecom_bot.fake, wecom_bot.services
    payload = {"msgid": "killed-1", "aibotid": "AIBOT", "chattype": "single", "from": {"userid": "zhaolei"},
               "msgtype": "text", "text": {"content": "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理"}}
    params, body = fake.sign_aibot(payload, nonce="nonce-of-a-killed-delivery")
    settings = services.settings
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WECOM_", "DINGTALK_", "BOT_"))}
    env.update({f"WECOM_{key.upper()}": value for key, value in wecom_section(fake).items()})
    env.update(DATABASE_URL=settings.database_url, REDIS_URL=settings.redis_url, BOT_QUEUE=settings.queue_name,
               BOT_VAR_DIR=str(settings.var_dir), BOT_SIMULATOR="0", TZ="Asia/Shanghai")
    port = _free_port()
    log_path = tmp_path / "web.log"
    with log_path.open("wb") as log:
        web = subprocess.Popen([sys.executable, "-c", SERVE, str(port)], cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    first_url = f"http://127.0.0.1:{port}/wecom/aibot"
    try:
        wait_for(lambda: _listening(port) or web.poll() is not None, timeout=60)
        assert web.poll() is None, _tail(log_path)
        # One whole delivery first, so that the one below reaches the store within milliseconds.
        warm_params, warm_body = fake.sign_aibot({**payload, "msgid": "warm-up-1"})
        assert requests.post(first_url, params=warm_params, data=warm_body, timeout=30).status_code == 200
        with _InboundLock(settings.database_url):
            first = threading.Thread(target=_post_quietly, args=(first_url, params, body), daemon=True)
            first.start()
            try:  # the nonce claimed, the row not written yet: the process dies here
                wait_for(lambda: services.redis.keys("*nonce-of-a-killed-delivery*"), timeout=8)
            except AssertionError:
                pass  # nothing claimed before the store: the retry below will find nothing either
            web.send_signal(signal.SIGKILL)
            web.wait(timeout=10)
            first.join(timeout=10)
    finally:
        if web.poll() is None:
            web.kill()
            web.wait(timeout=10)
    # WeCom's retry: the identical request, to the process that is still up.
    retry = requests.post(wecom_bot.url + "/wecom/aibot", params=params, data=body, timeout=10)
    assert retry.status_code == 200, f"the retry was refused ({retry.status_code} {retry.text}): message lost"
    with services.sessions() as session:
        stored = session.scalar(select(func.count(InboundMessage.id)).where(InboundMessage.msg_id.like("%killed-1")))
    assert stored == 1


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _post_quietly(url: str, params: dict[str, str], body: bytes) -> None:
    try:
        requests.post(url, params=params, data=body, timeout=30)
    except requests.RequestException:
        pass  # the process was killed under it


def test_the_fake_repeats_the_same_request_on_retry(fake_wecom: FakeWeCom) -> None:
    """A WeCom retry is the same request again: same nonce, timestamp and signature."""
    seen: list[tuple[str, ...]] = []
    app = Flask("recorder")

    @app.post("/cb")
    def cb() -> tuple[str, int]:
        seen.append(tuple(request.args.get(k, "") for k in ("msg_signature", "timestamp", "nonce")))
        return "busy", 503

    server = LiveServer(app)
    try:
        assert fake_wecom.post_aibot(f"{server.url}/cb", {"msgid": "r", "msgtype": "text"}) == 503
    finally:
        server.stop()
    assert len(seen) == 4 and len(set(seen)) == 1


# --------------------------------------------------------------------------- private deployments


def test_private_deployment_api_base_is_a_setting(wecom_services: Services, fake_wecom: FakeWeCom) -> None:
    """政务微信 and privately deployed WeCom have their own API host: every call goes there."""
    private = FakeWeCom(prefix="/zwwx", webhook_keys=set(ROBOT_KEYS.values()))
    try:
        assert private.api_base.endswith("/zwwx/cgi-bin/")
        wecom_services.settings = replace(wecom_services.settings, platforms={"wecom": wecom_section(private)})
        adapter = build_adapter(wecom_services)
        assert adapter.send(OutgoingMessage(text="【新工单·主办】请签收", chat_id="wr-donghu"), dedupe_key="p:robot").ok
        assert adapter.send(OutgoingMessage(text="您有工单即将超期", user_id="hehui"), dedupe_key="p:app").ok
        media_id = private.add_media(b"\x89PNG-private")
        assert adapter.fetch_image(ImageRef(kind="media_id", ref=media_id)) == b"\x89PNG-private"
        assert private.webhook_bodies(ROBOT_KEYS["donghu"]) and private.app_messages and private.tokens_issued
        assert not fake_wecom.webhook_log and not fake_wecom.app_messages and not fake_wecom.tokens_issued
    finally:
        private.stop()


def test_deploy_doc_names_the_api_base_for_private_deployments() -> None:
    doc = (ROOT / "deploy" / "wecom.md").read_text()
    assert "WECOM_API_BASE" in doc and "WECOM_WS_URL" in doc
    assert "政务微信" in doc, "deploy/wecom.md should say how to point the bot at 政务微信 / a private deployment"
