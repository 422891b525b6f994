"""The security table (printed at the end of the session) and an app with every platform configured.

Each security test records a row: what was tried, how often, how many attempts were refused, and how
many got through (stored a message, changed a case, returned a file or a page it should not). The
county-year test adds the scan of its processes' log lines. The table prints in the terminal
summary, whatever the capture setting.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from bot.services import Services
from models import Person, PlatformIdentity, Unit
from tests.fakes.dingtalk_server import FakeDingTalk
from tests.fakes.wecom_server import FakeWeCom
from tests.support import LiveServer


@dataclass
class Row:
    area: str
    database: str
    attack: str
    tried: int
    refused: int
    got_through: int
    note: str = ""


@dataclass
class SecurityTable:
    """The session's rows; each test's view adds under its database (the tests run once per backend)."""

    rows: list[Row] = field(default_factory=list)
    database: str = ""

    def add(self, area: str, attack: str, tried: int, refused: int, got_through: int, note: str = "") -> None:
        self.rows.append(Row(area, self.database, attack, tried, refused, got_through, note))

    def lines(self) -> list[str]:
        header = ("area", "db", "attack", "tried", "refused", "got through", "note")
        rows = sorted(self.rows, key=lambda r: (_AREA_ORDER.setdefault(r.area, len(_AREA_ORDER)), r.database))
        cells = [header] + [(r.area, r.database, r.attack, str(r.tried), str(r.refused), str(r.got_through), r.note)
                            for r in rows]
        widths = [max(_width(row[i]) for row in cells) for i in range(len(header))]
        return ["  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip() for row in cells]


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


TABLE = SecurityTable()
_AREA_ORDER: dict[str, int] = {}  # areas in the order their first row came


@pytest.fixture
def security_table(request: pytest.FixtureRequest) -> SecurityTable:
    """The session's table, adding rows under this test's database (``database_url`` or ``backend``)."""
    params = getattr(request.node, "callspec", None)
    database = ""
    if params is not None:
        value = str(params.params.get("database_url", params.params.get("backend", "")))
        database = "postgresql" if value.startswith("postgresql") else value
    return SecurityTable(rows=TABLE.rows, database=database)


COUNTY_TABLES: dict[str, list[str]] = {}  # backend → the county run's table


@pytest.fixture
def county_tables() -> dict[str, list[str]]:
    return COUNTY_TABLES


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    for backend, lines in COUNTY_TABLES.items():
        terminalreporter.write_sep("=", f"county run under faults ({backend})")
        for line in lines:
            terminalreporter.write_line(line)
    if TABLE.rows:
        terminalreporter.write_sep("=", "security figures (tests/reliability)")
        for line in TABLE.lines():
            terminalreporter.write_line(line)


@dataclass
class PlatformApp:
    """The real app on loopback with the simulator, WeCom and DingTalk configured against the fakes."""

    services: Services
    url: str
    wecom: FakeWeCom
    dingtalk: FakeDingTalk


@pytest.fixture
def platform_app(services: Services) -> Iterator[PlatformApp]:
    from bot.platforms.dingtalk import build_adapter as dingtalk_adapter
    from bot.platforms.wecom import build_adapter as wecom_adapter
    from bot.web import create_app

    wecom, dingtalk = FakeWeCom(), FakeDingTalk()
    services.settings = dataclasses.replace(services.settings, platforms={
        "wecom": {"corp_id": wecom.corp_id, "agent_id": str(wecom.agent_id), "agent_secret": wecom.agent_secret,
                  "token": wecom.app_token, "encoding_aes_key": wecom.app_aes_key, "aibot_token": wecom.aibot_token,
                  "aibot_encoding_aes_key": wecom.aibot_aes_key, "api_base": wecom.api_base},
        "dingtalk": {"app_key": dingtalk.app_key, "app_secret": dingtalk.app_secret, "robot_code": dingtalk.robot_code,
                     "openapi_endpoint": dingtalk.url, "oapi_endpoint": dingtalk.url, "timeout_s": "5"},
    })
    services.adapters.update(wecom=wecom_adapter(services), dingtalk=dingtalk_adapter(services))
    with services.sessions() as session, session.begin():
        for unit in session.scalars(select(Unit)):
            unit.chats = {**unit.chats, "wecom": f"wr-{unit.code}", "dingtalk": f"cid-{unit.code}"}
        for person in session.scalars(select(Person)):
            session.add(PlatformIdentity(platform="wecom", user_id=person.code, person_id=person.id))
            session.add(PlatformIdentity(platform="dingtalk", user_id=f"dt-{person.code}", person_id=person.id))
    server = LiveServer(create_app(services=services))
    yield PlatformApp(services, server.url, wecom, dingtalk)
    server.stop()
    wecom.stop()
    dingtalk.stop()
