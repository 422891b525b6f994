"""Stream mode: the real dingtalk-stream 0.24.3 client in `python -m bot dingtalk-stream`, connected to the
fake gateway on loopback (DINGTALK_OPENAPI_ENDPOINT), through the whole case lifecycle."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.config import ROOT
from bot.services import Services
from models import Case, InboundMessage
from tests.fakes.dingtalk_server import FakeDingTalk, StreamGateway
from tests.support import drain, wait_for


@pytest.fixture
def gateway(fake: FakeDingTalk, dt_services: Services, tmp_path: Path) -> Iterator[StreamGateway]:
    gateway = fake.start_gateway()
    settings = dt_services.settings
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("DINGTALK_", "WECOM_"))},
           "DATABASE_URL": settings.database_url, "REDIS_URL": settings.redis_url, "BOT_QUEUE": settings.queue_name,
           "BOT_VAR_DIR": str(settings.var_dir), "TZ": settings.timezone, "DINGTALK_APP_KEY": fake.app_key,
           "DINGTALK_APP_SECRET": fake.app_secret, "DINGTALK_ROBOT_CODE": fake.robot_code,
           "DINGTALK_OPENAPI_ENDPOINT": fake.url, "DINGTALK_OAPI_ENDPOINT": fake.url, "DINGTALK_MODE": "stream"}
    log_path = tmp_path / "stream.log"
    with log_path.open("wb") as log:  # a file, not a pipe: a chatty SDK must never block on a full pipe
        process = subprocess.Popen([sys.executable, "-m", "bot", "dingtalk-stream"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=log)
    try:
        wait_for(lambda: gateway.connections or process.poll() is not None, timeout=30)
        assert process.poll() is None, log_path.read_text()[-2000:]
        assert gateway.subscriptions == [{"type": "CALLBACK", "topic": "/v1.0/im/bot/messages/get"}]
        yield gateway
    finally:
        process.terminate()
        process.wait(timeout=10)


def _say(fake: FakeDingTalk, gateway: StreamGateway, services: Services, unit: str, person: str, text: str,
         **kwargs: Any) -> dict[str, Any]:
    body = fake.message(sender=f"dt-{person}", conversation=f"cid-{unit}", text=text, **kwargs)
    message_id = gateway.push_callback(body)
    ack = wait_for(lambda: gateway.acks.get(message_id), timeout=20)
    assert ack["code"] == 200 and ack["headers"]["messageId"] == message_id
    drain(services)
    return body


def _last(fake: FakeDingTalk, unit: str) -> str:
    for sent in reversed(fake.sent):
        if sent.target == f"robot-{unit}" or fake.session_chats.get(sent.target) == f"cid-{unit}":
            return sent.text
    raise AssertionError(f"nothing sent to {unit}")


def test_lifecycle_over_stream_mode(fake: FakeDingTalk, gateway: StreamGateway, dt_services: Services) -> None:
    say = lambda unit, person, text, **kw: _say(fake, gateway, dt_services, unit, person, text, **kw)  # noqa: E731
    ping = gateway.push_ping()
    assert wait_for(lambda: gateway.acks.get(ping), timeout=10)["code"] == 200
    first = say("office", "zhaolei", "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理")
    assert "已建工单 DB-" in _last(fake, "office")
    say("office", "zhaolei", "派 东湖街道")
    assert "【新工单·主办】" in _last(fake, "donghu") and "@dt-hehui" in _last(fake, "donghu")
    say("donghu", "hehui", "签收")
    assert "已签收" in _last(fake, "donghu")
    say("donghu", "hehui", "已办结 已清运完毕")
    assert "【办结】" in _last(fake, "office")
    say("office", "wangmin", "核查通过")
    # A redelivered frame (same msgId, new stream messageId) is acknowledged and changes nothing.
    again = gateway.push_callback(first)
    assert wait_for(lambda: gateway.acks.get(again), timeout=20)["code"] == 200
    drain(dt_services)
    with dt_services.sessions() as session:
        case = session.scalar(select(Case))
        assert case is not None and case.status == "verified"
        assert session.scalar(select(func.count(Case.id))) == 1
        assert session.scalar(select(func.count(InboundMessage.id))) == 5
