"""WeCom fixtures: the fake WeCom server, services configured against it, the app on loopback."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import select

from bot.services import Services
from models import Person, Unit
from tests.fakes.wecom_server import FakeWeCom
from tests.support import LiveServer, drain

# Unit code → that group's robot key; fresh values per test (the fixture refreshes them in place) so
# rate-limit buckets in the shared Redis never carry over between tests.
ROBOT_KEYS: dict[str, str] = {}


@pytest.fixture
def fake_wecom() -> Iterator[FakeWeCom]:
    run = uuid.uuid4().hex[:8]
    ROBOT_KEYS.update({unit: f"key-{unit}-{run}" for unit in ("office", "donghu", "chengguan", "zhujian")})
    fake = FakeWeCom(webhook_keys=set(ROBOT_KEYS.values()))
    yield fake
    fake.stop()


def wecom_section(fake: FakeWeCom, **extra: str) -> dict[str, str]:
    return {
        "corp_id": fake.corp_id, "agent_id": str(fake.agent_id), "agent_secret": fake.agent_secret,
        "token": fake.app_token, "encoding_aes_key": fake.app_aes_key,
        "aibot_token": fake.aibot_token, "aibot_encoding_aes_key": fake.aibot_aes_key,
        "api_base": fake.api_base, **extra,
    }


def configure_directory(services: Services) -> None:
    """Give the demo units WeCom groups and robots, and every person a WeCom user id (= code)."""
    with services.sessions() as session, session.begin():
        for unit in session.scalars(select(Unit)):
            unit.chats = {**unit.chats, "wecom": f"wr-{unit.code}"}
            if unit.code in ROBOT_KEYS:
                unit.robots = {**(unit.robots or {}), "wecom": {"webhook_key": ROBOT_KEYS[unit.code]}}
        for person in session.scalars(select(Person)):
            person.set_platform_id("wecom", person.code)


@pytest.fixture
def wecom_services(services: Services, fake_wecom: FakeWeCom) -> Services:
    from bot.platforms.wecom import build_adapter

    services.settings = replace(services.settings, platforms={"wecom": wecom_section(fake_wecom)})
    services.adapters["wecom"] = build_adapter(services)
    configure_directory(services)
    return services


@dataclass
class WeComBot:
    """Drives the bot the way WeCom does: signed callbacks in, the fake server's records out."""

    url: str
    fake: FakeWeCom
    services: Services
    _seq: int = 0

    def group_message(self, chat: str, sender: str, text: str = "", *, images: tuple[bytes, ...] = (),
                      drain_after: bool = True, msgid: str | None = None) -> int:
        self._seq += 1
        payload: dict[str, Any] = {"msgid": msgid or f"m{self._seq}-{id(self)}", "aibotid": "AIBOT", "chatid": f"wr-{chat}",
                                   "chattype": "group", "from": {"userid": sender},
                                   "response_url": self.fake.response_url()}
        if images:
            items: list[dict[str, Any]] = [{"msgtype": "text", "text": {"content": f"@督办助手 {text}"}}]
            items += [{"msgtype": "image", "image": {"url": self.fake.aibot_image_url(img)}} for img in images]
            payload.update(msgtype="mixed", mixed={"msg_item": items})
        else:
            payload.update(msgtype="text", text={"content": f"@督办助手 {text}"})
        status = self.fake.post_aibot(f"{self.url}/wecom/aibot", payload)
        if drain_after:
            drain(self.services)
        return status

    def robot_texts(self, unit: str) -> list[str]:
        from tests.wecom.conftest import ROBOT_KEYS

        out = []
        for body in self.fake.webhook_bodies(ROBOT_KEYS[unit]):
            kind = body["msgtype"]
            if kind in ("text", "markdown"):
                out.append(body[kind]["content"])
        return out


@pytest.fixture
def wecom_bot(wecom_services: Services, fake_wecom: FakeWeCom) -> Iterator[WeComBot]:
    from bot.web import create_app

    server = LiveServer(create_app(services=wecom_services))
    yield WeComBot(server.url, fake_wecom, wecom_services)
    server.stop()
