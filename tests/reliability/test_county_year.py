"""A county's weeks, compressed, under one of each fault (the short CI form of bench/prefecture.py).

One county installation (simulator + WeCom + DingTalk against the fakes), real gunicorn, an RQ
worker and ``rq cron`` as subprocesses, our own Redis and, for PostgreSQL, our own cluster (its
restart must not disturb the shared server). On the way: a work horse SIGKILLed mid-job, Redis
restarted without persistence, PostgreSQL crashed and restarted, a platform 5xx burst and a
rate-limit burst. Nothing may be lost or doubled, and no log line of any process may
carry a phone or ID number, a name or a message body.

The year's time is the demo clock (``var/demo_clock_offset_s``), set to fixed dates in 2026; the
result does not depend on the wall clock, only the run's duration does. Nor on BOT_TEST_INSTANT: the
test runs at the real time whatever instant the session names (``test_instant`` below).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import pytest

from bench.year.faults import Fault
from bench.year.figures import compute, table
from bench.year.infra import postgres_bin
from bench.year.logscan import report, scan
from bench.year.run import YearConfig, YearRun
from tests.conftest import BACKENDS
from tests.reliability.conftest import SecurityTable

# One of each. The worker is SIGKILLed through its work horse, mid-job (the job rq runs in it): killing
# the worker process itself costs a ~20 s restart (models to load), which bench/prefecture.py pays.
FAULTS = (
    Fault(0.15, "kill_horse"),
    Fault(0.25, "restart_redis"),
    Fault(0.35, "rate_limit", count=25),
    Fault(0.45, "platform_5xx", count=25),
    Fault(0.55, "restart_postgres"),
)


@pytest.fixture
def test_instant() -> Iterator[None]:
    """The real time here, whatever instant the session names (overrides tests/conftest.py's autouse
    fixture). The bot's processes (gunicorn, the worker, rq cron) cannot be travelled, and they check a
    callback's signed timestamp against the real time, as WeCom (10 min) and DingTalk (1 h) do; the
    fakes and senders in this process would sign with the travelled time, so every WeCom and DingTalk
    message was refused as stale. Nothing here needs the instant: the year's time is the demo clock."""
    yield None


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_county_under_faults_loses_and_doubles_nothing(backend: str, security_table: SecurityTable,
                                                          county_tables: dict[str, list[str]]) -> None:
    if backend == "postgresql" and postgres_bin() is None:
        pytest.skip("no PostgreSQL server binaries (initdb) to run a cluster of our own")
    # Generous waits (a step returns as soon as the workers are idle): on a loaded 2-core machine a
    # step that outlasts its wait only moves chains along later, and the drain waits for the rest.
    config = YearConfig(counties=1, units_per_county=9, posts=30, working_days=8, first_day=date(2026, 3, 2),
                        workers=1, web_workers=1, database=backend, seed=11, faults=FAULTS, step_timeout_s=45,
                        drain_timeout_s=360, progress=lambda _line: None)
    run = YearRun(config)
    try:
        result = run.run()
        figures = compute(result, time.time())
        run.supervisor.stop_all()  # every log complete before the scan
        scanned = scan(sorted(result.log_dir.glob("*.log")), result.secrets)
    finally:
        run.close()
    county_tables[backend] = table(result, figures)
    security_table.add("logs of the county run", "phone/ID numbers, names, bodies (lines)", scanned.lines,
                       scanned.lines - len(scanned.lines_hit), len(scanned.lines_hit),
                       f"{scanned.files} files: web + access log, worker, rq cron; "
                       f"{len(result.secrets.phones)} phones, {len(result.secrets.id_numbers)} IDs, "
                       f"{len(result.secrets.names)} names, {len(result.secrets.bodies)} bodies sought")
    fired = {record.kind for record in result.faults}
    expected = {f.kind for f in FAULTS} - ({"restart_postgres"} if backend == "sqlite" else set())
    assert expected <= fired, f"faults not injected: {expected - fired}"
    # The harness's own reads may fail only while a server restarts.
    assert set(result.read_errors) <= {"OperationalError", "ConnectionError"}, result.read_errors
    assert result.drained, "work still pending after the drain"
    # How far each chain gets within the year depends on how fast the machine processes it: at
    # least one command per post, whatever the load.
    assert figures.posts_sent == config.posts and figures.commands_sent >= config.posts
    assert figures.lost == 0, table(result, figures)
    assert figures.duplicated == 0, table(result, figures)
    assert figures.cases_made == config.posts
    assert scanned.total == 0, report(scanned)
