"""Nothing lost, nothing doubled: retried and concurrent deliveries, a killed worker, a restarted Redis."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from rq import Worker
from rq.job import Job
from sqlalchemy import func, select

from bot import embedded_redis
from bot.clock import Clock
from bot.config import ROOT, Settings
from bot.messaging.recovery import recover
from bot.services import Services
from bot.wiring import build_services
from models import Case, InboundMessage, OutboundMessage, SimulatorMessage
from tests.support import LiveServer, SimulatorClient, drain

POST = "青山镇石桥村道路塌陷，村民出行困难，请尽快修复"


def _count(services: Services, column) -> int:  # type: ignore[no-untyped-def]
    with services.sessions() as session:
        return int(session.scalar(select(func.count(column))) or 0)


def _bot_replies(services: Services, chat: str = "office") -> list[str]:
    with services.sessions() as session:
        return list(session.scalars(select(SimulatorMessage.text).where(
            SimulatorMessage.chat == chat, SimulatorMessage.is_bot.is_(True)).order_by(SimulatorMessage.id)))


def test_twenty_concurrent_identical_deliveries_make_one_case(sim: SimulatorClient) -> None:
    def deliver(_: int) -> requests.Response:
        return requests.post(f"{sim.base_url}/simulator/api/messages",
                             json={"chat": "office", "sender": "zhaolei", "text": POST, "msg_id": "same-1"}, timeout=30)

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(deliver, range(20)))
    assert all(r.status_code == 202 for r in responses)
    assert sum(not r.json()["duplicate"] for r in responses) == 1
    assert len({r.json()["inbound_id"] for r in responses}) == 1
    drain(sim.services)
    # A redelivery after processing is still a no-op.
    sim.send("office", "zhaolei", POST, msg_id="same-1")
    assert _count(sim.services, InboundMessage.id) == 1
    assert _count(sim.services, Case.id) == 1
    assert len(_bot_replies(sim.services)) == 1


def test_a_job_run_twice_does_nothing_twice(sim: SimulatorClient) -> None:
    from bot.jobs import handle_inbound

    result = sim.send("office", "zhaolei", POST)
    assert handle_inbound(sim.services, result["inbound_id"]) == "already_processed"
    assert _count(sim.services, Case.id) == 1
    assert len(_bot_replies(sim.services)) == 1


def _worker_env(settings: Settings, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_FAULT")}
    env.update(DATABASE_URL=settings.database_url, REDIS_URL=settings.redis_url, BOT_QUEUE=settings.queue_name,
               TZ=settings.timezone,  # the office's zone, whatever the machine's
               BOT_VAR_DIR=str(settings.var_dir), BOT_SIMULATOR="1", **extra)
    return env


def _run_worker(settings: Settings, **extra: str) -> int:
    proc = subprocess.run([sys.executable, "-m", "bot", "worker", "--burst"], cwd=ROOT, env=_worker_env(settings, **extra),
                          capture_output=True, timeout=120)
    return proc.returncode


@pytest.mark.parametrize("kill_at", ["after_commit", "before_send", "after_send"])
def test_worker_sigkill_mid_job_retries_without_doubles(sim: SimulatorClient, settings: Settings, tmp_path: Path,
                                                        kill_at: str) -> None:
    sim.send("office", "zhaolei", POST, drain_after=False)
    marker = tmp_path / "killed"
    _run_worker(settings, BOT_FAULT_KILL_AT=kill_at, BOT_FAULT_MARKER=str(marker))
    assert marker.exists(), "the fault point was not reached"
    assert len(_bot_replies(sim.services)) <= 1
    # A new worker recovers the unfinished work from the database on start.
    with sim.services.sessions() as session, session.begin():
        # Recovery only touches rows older than its grace period; age them instead of sleeping.
        for row in session.scalars(select(OutboundMessage)):
            row.created_at -= timedelta(minutes=5)
    assert _run_worker(settings) == 0
    assert _count(sim.services, Case.id) == 1
    assert len(_bot_replies(sim.services)) == 1
    with sim.services.sessions() as session:
        assert session.scalar(select(func.count(OutboundMessage.id)).where(OutboundMessage.state != "sent")) == 0


def test_another_bot_on_the_same_redis_never_hides_a_lost_message(sim: SimulatorClient, settings: Settings) -> None:
    """Two bots on one Redis database both number their rows from 1: the other bot's live job for
    its outbound row 1 must not pass for ours when recovery looks for what Redis lost."""
    from dataclasses import replace

    from bot.messaging.outbox import enqueue_delivery

    other = build_services(replace(settings, queue_name=f"{settings.queue_name}-other"))
    try:
        assert enqueue_delivery(other, 1, delay_s=3600)  # scheduled: live for an hour
        sim.send("office", "zhaolei", POST)
        assert len(_bot_replies(sim.services)) == 1
        with sim.services.sessions() as session, session.begin():
            # Our reply's delivery was lost before it was sent: pending, past recovery's grace period.
            row = session.scalars(select(OutboundMessage)).one()
            assert row.id == 1
            row.state, row.created_at = "pending", row.created_at - timedelta(minutes=5)
        assert recover(sim.services) == (0, 1)
    finally:
        for stale in other.queue.scheduled_job_registry.get_job_ids():
            Job.fetch(stale, connection=other.redis).delete()
        other.engine.dispose()
        other.redis.close()


def test_redis_restart_loses_no_inbound_message(database_url: str, tmp_path: Path) -> None:
    from bot.db import upgrade
    from bot.seed import seed_demo
    from bot.web import create_app

    redis_proc, url = embedded_redis.start(tmp_path / "r", persist=False)
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    settings = Settings.from_env({}, database_url=database_url, redis_url=url, var_dir=tmp_path / "var",
                                 queue_name="restart", simulator_enabled=True)
    upgrade(database_url)
    services = build_services(settings)
    seed_demo(services)
    server = LiveServer(create_app(services=services))
    try:
        sim = SimulatorClient(server.url, services)
        sim.send("office", "zhaolei", POST, drain_after=False)
        redis_proc.kill()  # queued job gone with it: no persistence
        redis_proc.wait()
        # While Redis is down, deliveries are still stored and acknowledged.
        sim.send("office", "zhaolei", POST + "（补充）", drain_after=False)
        redis_proc, _ = embedded_redis.start(tmp_path / "r", port=port, persist=False)
        services.redis.connection_pool.disconnect()
        assert len(services.queue) == 0
        assert recover(services, min_age_s=0) == (2, 0)
        drain(services)
        assert _count(services, Case.id) == 2
        assert len(_bot_replies(services)) == 2
    finally:
        server.stop()
        services.engine.dispose()
        services.redis.close()
        redis_proc.kill()
        redis_proc.wait()


def test_healthz_reports_each_part(sim: SimulatorClient) -> None:
    body = requests.get(f"{sim.base_url}/healthz", timeout=10)
    assert body.status_code == 503 and body.json()["workers"] == 0 and body.json()["database"] == "ok"
    worker = Worker([sim.services.queue], connection=sim.services.redis)
    worker.register_birth()
    try:
        body = requests.get(f"{sim.base_url}/healthz", timeout=10)
        assert body.status_code == 200 and body.json()["status"] == "ok"
    finally:
        worker.register_death()


def test_oversized_and_malformed_bodies_are_refused(sim: SimulatorClient) -> None:
    url = f"{sim.base_url}/simulator/api/messages"
    big = requests.post(url, data=b"{" + b" " * (1_100_000) + b"}", headers={"Content-Type": "application/json"}, timeout=10)
    assert big.status_code == 413
    assert requests.post(url, data=b"not json", headers={"Content-Type": "application/json"}, timeout=10).status_code == 400
    assert requests.post(url, json={"chat": "office"}, timeout=10).status_code == 400
    assert requests.post(url, json={"chat": "office", "sender": "zhaolei", "image": "%%%"}, timeout=10).status_code == 400
    assert _count(sim.services, InboundMessage.id) == 0


def test_deadline_outside_known_calendar_is_said_in_chat(sim: SimulatorClient, caplog: pytest.LogCaptureFixture) -> None:
    from datetime import datetime, timezone

    offset = (datetime(2026, 12, 28, 2, 0, tzinfo=timezone.utc) - datetime.now(timezone.utc)).total_seconds()
    sim.services.clock = Clock(offset)
    sim.send("office", "zhaolei", POST)
    with caplog.at_level("WARNING"):
        sim.send("office", "zhaolei", "派 青山镇")
    reply = sim.last_bot_text("office")
    assert "2027年节假日安排未载入" in reply
    # The warning names data/holidays.yaml: the office hears it, the unit does not.
    assert "未载入" not in sim.last_bot_text("g-qingshan") and "办理时限" in sim.last_bot_text("g-qingshan")
    sim.send("g-qingshan", "shiyu", "签收")
    assert "未载入" not in sim.last_bot_text("g-qingshan")
    assert any("outside known calendars" in r.getMessage() for r in caplog.records)
    assert POST not in caplog.text  # no citizen text in logs
