"""The test clock: run the whole suite at a chosen wall time.

``BOT_TEST_INSTANT="2026-12-31 23:59"`` (or ``pytest --instant …``) moves every test to that instant
(Asia/Shanghai unless the text carries its own offset) with time-machine: ``datetime.now``,
``time.time`` and friends in this process and its threads (the live server, the fakes, the
Services clock) start at the instant and tick on from there. ``time.monotonic`` is left alone, so
timeouts still measure real time. The machine's own time zone is not touched: a test that reads
it fails here as it would on a machine elsewhere.

Subprocesses (``python -m bot worker``, the CLI) cannot be travelled; they get the same instant
through ``BOT_CLOCK_OFFSET_S`` (the Services clock's offset), which the fixture puts into
``os.environ`` for the length of each test, and ``clock_env(services)`` for a test that builds a
subprocess environment of its own. A test whose subprocesses compare the real time with a time this
process stamps (a platform callback's signed timestamp) cannot share the instant: it overrides
``test_instant`` and runs at the real time (tests/reliability/test_county_year.py).

Tests marked ``clock`` read the date or the time of day; CI runs them again at the instants that
stress them (.ci/run). Without an instant every test runs at the real wall time, which the suite
must survive at any hour of any day too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import time_machine

from bot.services import Services

OFFICE = ZoneInfo("Asia/Shanghai")
ENV = "BOT_TEST_INSTANT"


def parse_instant(text: str | None) -> datetime | None:
    """'2026-12-31 23:59' (Asia/Shanghai), '2026-12-31T15:59:00+00:00', or empty/'now' for the wall clock."""
    text = (text or "").strip()
    if not text or text.lower() == "now":
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=OFFICE)


def real_now() -> datetime:
    """The machine's wall clock, also while a test travels."""
    if time_machine.escape_hatch.is_travelling():
        return time_machine.escape_hatch.datetime.datetime.now(timezone.utc)  # type: ignore[no-any-return]
    return datetime.now(timezone.utc)


def clock_env(services: Services) -> dict[str, str]:
    """Environment for a subprocess that must see the same "now" as ``services.clock``."""
    return {"BOT_CLOCK_OFFSET_S": str(round((services.clock.now() - real_now()).total_seconds()))}


def travel(instant: datetime | None) -> Iterator[datetime | None]:
    """Body of the autouse fixture: the whole test at ``instant`` (nothing changes without one)."""
    if instant is None:
        yield None
        return
    # A float timestamp, not the aware datetime: time-machine would also set TZ from a ZoneInfo.
    with time_machine.travel(instant.timestamp(), tick=True):
        previous = os.environ.get("BOT_CLOCK_OFFSET_S")
        os.environ["BOT_CLOCK_OFFSET_S"] = str(round((instant - real_now()).total_seconds()))
        try:
            yield instant
        finally:
            if previous is None:
                os.environ.pop("BOT_CLOCK_OFFSET_S", None)
            else:
                os.environ["BOT_CLOCK_OFFSET_S"] = previous
