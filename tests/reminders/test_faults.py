"""Reminders are never lost or doubled: Redis flushed, worker SIGKILLed mid-send, two schedulers,
a failing platform, a case closed while its reminder waits in the queue."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import time_machine
from redis import Redis
from rq import cron as rq_cron
from rq.cron import CronScheduler
from rq.registry import StartedJobRegistry
from rq.scheduler import RQScheduler

from bot import embedded_redis
from bot.config import ROOT
from bot.jobs import sweep_reminders
from bot.messaging.messages import OutgoingMessage, SendResult
from bot.messaging.recovery import recover
from bot.platforms.simulator import SimulatorAdapter
from bot.reminders.sweep import sweep
from bot.services import Services
from bot.wiring import build_services
from tests.instant import clock_env
from tests.reminders.conftest import act, at, chat, new_case, outbound, reminders, set_now
from tests.support import drain


def _due_sign_reminder(services: Services) -> int:
    set_now(services, at("2026-11-30 09:00"))
    case_id = new_case(services)
    set_now(services, at("2026-11-30 13:05"))
    return case_id


def test_redis_flushed_between_sweep_and_send_loses_nothing(services: Services, tmp_path: Path) -> None:
    process, url = embedded_redis.start(tmp_path / "own-redis", persist=False)
    try:
        own = build_services(replace(services.settings, redis_url=url))
        own.clock.offset_s = services.clock.offset_s
        _due_sign_reminder(services)
        own.clock.offset_s = services.clock.offset_s
        assert sweep(own).claimed == 1
        Redis.from_url(url).flushall()  # the send job is gone
        drain(own)
        assert chat(own, "g-donghu") == []
        assert sweep(own).claimed == 0  # the row is claimed in the database, not re-sent by the sweep …
        recover(own, min_age_s=0)  # … the outbox row is rebuilt into a job from the database
        drain(own)
        assert len(chat(own, "g-donghu")) == 1
        own.engine.dispose()
        own.redis.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_worker_sigkill_mid_send_sends_exactly_once(services: Services, tmp_path: Path) -> None:
    _due_sign_reminder(services)
    assert sweep(services).claimed == 1
    env = {
        **os.environ,
        "DATABASE_URL": services.settings.database_url,
        "REDIS_URL": services.settings.redis_url,
        "BOT_QUEUE": services.settings.queue_name,
        "BOT_VAR_DIR": str(services.settings.var_dir),
        **clock_env(services),
        "BOT_FAULT_KILL_AT": "after_send",
        "BOT_FAULT_MARKER": str(tmp_path / "killed"),
        "TZ": "Asia/Shanghai",
    }
    done = subprocess.run([sys.executable, "-m", "bot", "worker", "--burst"], cwd=ROOT, env=env, timeout=120,
                          capture_output=True)
    # The real Worker forks a work horse per job: the horse is SIGKILLed, the worker reports it.
    assert (tmp_path / "killed").exists() and b"signal 9" in done.stderr, done.stderr.decode()[-2000:]
    assert len(chat(services, "g-donghu")) == 1  # the platform got it, the row still says "sending"
    assert outbound(services)[-1].state == "sending"
    # rq moves a dead worker's job out of "started" once its timeout passes; do that now.
    StartedJobRegistry(queue=services.queue).cleanup(timestamp=int(at("2030-01-01 00:00").timestamp()))
    recover(services, min_age_s=0)
    drain(services)
    assert len(chat(services, "g-donghu")) == 1
    assert outbound(services)[-1].state == "sent"
    sweep(services)  # settles the reminder row
    assert [r.state for r in reminders(services, 1) if r.kind == "sign"] == ["sent"]


def test_two_cron_schedulers_send_no_doubles(services: Services) -> None:
    _due_sign_reminder(services)
    schedulers = [CronScheduler(connection=services.redis, name=f"test-cron-{i}") for i in range(2)]
    for scheduler in schedulers:
        scheduler.register(sweep_reminders, services.queue.name, interval=60, name="reminders-sweep")
        assert len(scheduler.enqueue_jobs()) == 1
    assert len(services.queue) == 2
    drain(services)
    assert len(chat(services, "g-donghu")) == 1
    assert rq_cron is not None


class FlakyPlatform(SimulatorAdapter):
    """Stands in for a platform answering 5xx / rate-limited for the first few sends."""

    failures = 2

    def send(self, message: OutgoingMessage, *, dedupe_key: str) -> SendResult:
        if self.failures > 0:
            self.failures -= 1
            return SendResult(ok=False, error="http 503", retryable=True, retry_after_s=30)
        return super().send(message, dedupe_key=dedupe_key)


def test_platform_5xx_is_retried_with_backoff_and_nothing_dropped(services: Services) -> None:
    services.adapters["simulator"] = FlakyPlatform(services)
    case_id = _due_sign_reminder(services)
    sweep(services)
    drain(services)
    row = outbound(services)[-1]
    assert row.state == "pending" and row.attempts == 1 and row.next_attempt_at is not None
    assert chat(services, "g-donghu") == []
    assert [r.state for r in reminders(services, case_id) if r.kind == "sign"] == ["claimed"]
    scheduler = RQScheduler([services.queue], connection=services.redis)
    for minutes in (1, 5):
        # RQ schedules on the process clock, the outbox on the Services clock (which the test set to another
        # day): move the process clock by what separates the domain clock from the retry time.
        ahead = row.next_attempt_at - services.clock.now() + timedelta(minutes=minutes)
        with time_machine.travel((datetime.now(timezone.utc) + ahead).timestamp(), tick=False):
            scheduler.acquire_locks()
            scheduler.enqueue_scheduled_jobs()
        drain(services)
    assert len(chat(services, "g-donghu")) == 1
    assert outbound(services)[-1].state == "sent" and outbound(services)[-1].attempts == 3
    scheduler.release_locks()


def test_case_closed_while_reminder_queued_is_not_sent(services: Services) -> None:
    case_id = _due_sign_reminder(services)
    other = new_case(services, title="东湖路路灯不亮")
    set_now(services, at("2026-11-30 13:05"))
    assert sweep(services).claimed == 1
    act(services, case_id, "hehui", "close", "已处理")
    drain(services)
    assert chat(services, "g-donghu") == []
    assert outbound(services) == []  # the one-line digest was withdrawn
    set_now(services, at("2026-11-30 17:10"))  # the second case was dispatched at 13:05
    sweep(services)
    drain(services)
    texts = [m.text for m in chat(services, "g-donghu")]
    assert len(texts) == 1 and "路灯" in texts[0] and "垃圾" not in texts[0]
    assert other


def test_withdrawn_line_leaves_rest_of_digest(services: Services) -> None:
    set_now(services, at("2026-11-30 09:00"))
    first, second = new_case(services), new_case(services, title="东湖路路灯不亮")
    set_now(services, at("2026-11-30 13:05"))
    assert sweep(services).claimed == 2
    act(services, first, "hehui", "sign")
    drain(services)
    texts = [m.text for m in chat(services, "g-donghu")]
    assert len(texts) == 1 and "1 件" in texts[0] and "路灯" in texts[0] and "垃圾" not in texts[0]
    assert second
