"""DingTalk fixtures: the fake DingTalk on loopback and the bot configured against it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.db import upgrade
from bot.services import Services
from bot.wiring import build_services
from models import Person, PlatformIdentity, Unit
from tests.fakes.dingtalk_server import FakeDingTalk, Sent
from tests.support import LiveServer, drain

DINGTALK_UNITS = ("office", "donghu", "chengguan", "zhujian")
DINGTALK_PEOPLE = ("zhaolei", "qianyu", "wangmin", "hehui", "lvbo", "wutao", "zhengqiang", "sunjie", "zhouli")


@pytest.fixture
def fake() -> Iterator[FakeDingTalk]:
    server = FakeDingTalk()
    yield server
    server.stop()


def dingtalk_config(fake: FakeDingTalk) -> dict[str, str]:
    return {"app_key": fake.app_key, "app_secret": fake.app_secret, "robot_code": fake.robot_code,
            "openapi_endpoint": fake.url, "oapi_endpoint": fake.url, "timeout_s": "5"}


def configure_directory(services: Services, fake: FakeDingTalk, units: tuple[str, ...] = DINGTALK_UNITS,
                        people: tuple[str, ...] = DINGTALK_PEOPLE, robots: bool = True) -> None:
    """Give units a DingTalk group (+ a signed custom robot) and people a DingTalk userid."""
    with services.sessions() as session, session.begin():
        for code in units:
            unit = session.scalar(select(Unit).where(Unit.code == code))
            assert unit is not None
            unit.chats = {**unit.chats, "dingtalk": f"cid-{code}"}
            if robots:
                robot = {"access_token": f"robot-{code}", "secret": f"SEC-{code}-secret"}
                unit.robots = {**(unit.robots or {}), "dingtalk": robot}
                fake.add_robot(robot["access_token"], robot["secret"])
        for code in people:
            person = session.scalar(select(Person).where(Person.code == code))
            assert person is not None
            session.add(PlatformIdentity(platform="dingtalk", user_id=f"dt-{code}", person_id=person.id))


@pytest.fixture
def dt_services(settings: Settings, fake: FakeDingTalk) -> Iterator[Services]:
    from bot.seed import seed_demo

    settings = dataclasses.replace(settings, platforms={"dingtalk": dingtalk_config(fake)})
    upgrade(settings.database_url)
    services = build_services(settings)
    seed_demo(services)
    configure_directory(services, fake)
    yield services
    services.queue.empty()
    services.engine.dispose()
    services.redis.close()


@pytest.fixture
def dt_server(dt_services: Services) -> Iterator[LiveServer]:
    from bot.web import create_app

    server = LiveServer(create_app(services=dt_services))
    yield server
    server.stop()


@dataclasses.dataclass
class DingTalkClient:
    """People typing to the bot in DingTalk: signed callbacks from the fake, then the worker drains."""

    fake: FakeDingTalk
    services: Services
    callback_url: str

    def send(self, unit: str, person: str, text: str = "", *, drain_after: bool = True, **kwargs: Any) -> dict[str, Any]:
        conversation = "" if unit == "dm" else f"cid-{unit}"
        body = self.fake.message(sender=f"dt-{person}", conversation=conversation, text=text, **kwargs)
        response = self.fake.send_callback(self.callback_url, body)
        assert response.status_code == 200, response.text
        if drain_after:
            drain(self.services)
        return body

    def last(self, unit: str) -> Sent:
        """The bot's last message in a unit's group, by whichever channel it went."""
        for sent in reversed(self.fake.sent):
            if (sent.channel == "robot" and sent.target == f"robot-{unit}") or \
               (sent.channel == "group" and sent.target == f"cid-{unit}") or \
               (sent.channel == "session" and self.fake.session_chats.get(sent.target) == f"cid-{unit}"):
                return sent
        raise AssertionError(f"the bot said nothing in {unit}")


@pytest.fixture
def dt(fake: FakeDingTalk, dt_services: Services, dt_server: LiveServer) -> DingTalkClient:
    return DingTalkClient(fake, dt_services, f"{dt_server.url}/dingtalk/callback")
