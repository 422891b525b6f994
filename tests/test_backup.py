"""`python -m bot backup` while messages keep arriving, then `python -m bot restore` into an empty
database: nothing acknowledged before the backup is lost, the copy is one consistent instant, and
the restored database runs the bot."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.commands.backup import libpq_url
from bot.config import ROOT, Settings
from bot.db import upgrade
from bot.services import Services
from bot.wiring import build_services
from models import Case, InboundMessage, SimulatorMessage
from tests.support import SimulatorClient, drain


def bot(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DATABASE_URL=settings.database_url, REDIS_URL=settings.redis_url,
               BOT_VAR_DIR=str(settings.var_dir), BOT_SIMULATOR="1", BOT_QUEUE=settings.queue_name,
               TZ=settings.timezone)
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def empty_database(settings: Settings, tmp_path: Path) -> Iterator[str]:
    """A second, empty database on the same engine: where the backup is restored."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump / pg_restore not installed (postgresql-client)")
    import psycopg

    name = f"bot_restore_{uuid.uuid4().hex[:10]}"
    admin = libpq_url(settings.database_url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield url.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _inbound(services: Services) -> dict[int, tuple[str, str]]:
    with services.sessions() as session:
        return {row.id: (row.msg_id, row.state) for row in session.execute(
            select(InboundMessage.id, InboundMessage.msg_id, InboundMessage.state))}


def _chat_msg_ids(services: Services) -> set[str]:
    with services.sessions() as session:
        return set(session.scalars(select(SimulatorMessage.msg_id).where(SimulatorMessage.is_bot.is_(False))))


def test_online_backup_during_writes_and_restore_lose_nothing(sim: SimulatorClient, services: Services,
                                                              settings: Settings, empty_database: str,
                                                              tmp_path: Path) -> None:
    sim.send("office", "zhaolei", "青山镇石桥村道路塌陷，村民出行困难，请尽快修复")
    sim.send("office", "zhaolei", "派 青山镇")
    with services.sessions() as session:
        cases = [(c.number, c.status, c.title) for c in session.scalars(select(Case).order_by(Case.id))]
    assert cases and cases[0][1] == "dispatched"

    acked: list[int] = []
    stop = threading.Event()

    def keep_posting() -> None:  # a citizen-facing platform delivering while the backup runs
        with requests.Session() as http:
            while not stop.is_set():
                response = http.post(f"{sim.base_url}/simulator/api/messages", timeout=30, json={
                    "chat": "office", "sender": "zhaolei", "text": "东湖路路灯不亮", "msg_id": uuid.uuid4().hex})
                assert response.status_code == 202
                acked.append(response.json()["inbound_id"])

    writer = threading.Thread(target=keep_posting)
    writer.start()
    try:
        while len(acked) < 20:
            stop.wait(0.05)
        acked_before = list(acked)
        target = tmp_path / "backups" / ("bot.db" if empty_database.startswith("sqlite") else "bot.dump")
        done = bot(settings, "backup", "--to", str(target))
        acked_during = len(acked) - len(acked_before)
    finally:
        stop.set()
        writer.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert target.exists() and "backup (" in done.stdout
    assert acked_during > 0, "no message arrived while the backup ran: the test proved nothing online"

    restored_settings = replace(settings, database_url=empty_database, queue_name=f"restored-{uuid.uuid4().hex[:8]}",
                                var_dir=tmp_path / "restored-var")
    assert bot(restored_settings, "restore", str(target)).returncode == 2  # refuses without --yes
    done = bot(restored_settings, "restore", str(target), "--yes")
    assert done.returncode == 0, done.stderr
    upgrade(empty_database)  # already at the newest revision: a no-op
    restored = build_services(restored_settings)
    try:
        source_rows, copy_rows = _inbound(services), _inbound(restored)
        # Nothing acknowledged before the backup started is missing, and the copy holds nothing the source never had.
        assert set(acked_before) <= set(copy_rows)
        assert all(source_rows[i][0] == copy_rows[i][0] for i in copy_rows)
        # One consistent instant: the copy is a prefix of the source's inbound rows, and every stored message has
        # its chat-log line (both are written in one transaction).
        assert sorted(copy_rows) == sorted(i for i in source_rows if i <= max(copy_rows))
        assert {msg_id for msg_id, _ in copy_rows.values()} == _chat_msg_ids(restored)
        with restored.sessions() as session:
            assert [(c.number, c.status, c.title) for c in session.scalars(select(Case).order_by(Case.id))] == cases
        # The restored database runs the bot: unprocessed messages are picked up and answered.
        from bot.messaging.recovery import recover

        services.queue.empty()  # the source's queued jobs (same job ids) are not the restored bot's
        waiting = sum(1 for _, state in copy_rows.values() if state == "received")
        assert recover(restored, min_age_s=0)[0] == waiting
        drain(restored)
        with restored.sessions() as session:
            assert session.scalar(select(func.count()).where(InboundMessage.state == "received")) == 0
    finally:
        restored.queue.empty()
        restored.engine.dispose()
        restored.redis.close()


def test_restore_refuses_while_a_worker_serves_the_queue(services: Services, settings: Settings,
                                                         tmp_path: Path) -> None:
    from rq import Worker

    target = tmp_path / ("bot.db" if settings.database_url.startswith("sqlite") else "bot.dump")
    done = bot(settings, "backup", "--to", str(target))
    assert done.returncode == 0, done.stderr
    worker = Worker([settings.queue_name], connection=services.redis, name=f"restore-guard-{uuid.uuid4().hex[:8]}")
    worker.register_birth()  # what a running `python -m bot worker` has done
    try:
        refused = bot(settings, "restore", str(target), "--yes")
        assert refused.returncode == 2
        assert "1 worker(s) still serve queue" in refused.stderr
    finally:
        worker.register_death()
    if settings.database_url.startswith("sqlite"):  # with the worker gone the same restore goes through
        assert bot(settings, "restore", str(target), "--yes").returncode == 0
