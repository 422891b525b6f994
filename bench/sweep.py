"""One reminder sweep vs the bare indexed SQL that selects the due rows, with 100k and 1M cases,
on SQLite and PostgreSQL. Usage: .venv/bin/python bench/sweep.py [--max-cases 1000000]"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select, text  # noqa: E402

from bench._bulk import (  # noqa: E402
    CASE_COLUMNS,
    REMINDER_COLUMNS,
    case_rows,
    create_pg_database,
    drop_pg_database,
    load,
    sqlite_url,
)
from bot import embedded_redis  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import upgrade  # noqa: E402
from bot.reminders.sweep import claim_due, sweep  # noqa: E402
from bot.seed import seed_demo  # noqa: E402
from bot.wiring import build_services  # noqa: E402
from models import Unit  # noqa: E402

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=timezone.utc)
DUE = 1000
BARE = text("SELECT id FROM reminders WHERE state = 'pending' AND due_at <= :now ORDER BY due_at, id LIMIT 1000")
# The like-for-like baseline for the claim step: the indexed UPDATE … RETURNING a careful human
# would write by hand to claim the same 1,000 rows (SKIP LOCKED on PostgreSQL, as claim_due does).
HAND_CLAIM = ("UPDATE reminders SET state = 'claimed', claimed_at = :now, attempt = attempt + 1 WHERE id IN "
              "(SELECT id FROM reminders WHERE state = 'pending' AND due_at <= :now ORDER BY due_at, id LIMIT 1000{lock}) "
              "RETURNING id")


def grow(services, unit_ids: list[int], have: int, want: int) -> None:  # type: ignore[no-untyped-def]
    start = NOW - timedelta(days=400)
    load(services.engine, "cases", CASE_COLUMNS, case_rows(have, want - have, unit_ids, start))
    with services.engine.begin() as conn:
        first_id = conn.execute(text("SELECT min(id) FROM cases WHERE number >= :n"), {"n": f"DB-B-{have:08d}"}).scalar()
    # History: one finished reminder per case; every 10th case has one still pending in the future.
    def rows():  # type: ignore[no-untyped-def]
        for k in range(want - have):
            state = "pending" if k % 10 == 0 else ("sent" if k % 3 else "cancelled")
            due = NOW + timedelta(days=1 + k % 5) if state == "pending" else NOW - timedelta(days=1 + k % 300)
            yield (first_id + k, unit_ids[k % len(unit_ids)], "overdue", 0, due, state, 1, NOW - timedelta(days=30))
    load(services.engine, "reminders", REMINDER_COLUMNS, rows())
    with services.engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def make_due(services, unit_ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    with services.engine.begin() as conn:
        conn.execute(text("UPDATE reminders SET state='cancelled' WHERE state IN ('claimed')"))
        ids = [r[0] for r in conn.execute(text(
            "SELECT id FROM cases WHERE status IN ('in_progress', 'signed', 'dispatched') ORDER BY id DESC LIMIT :n"), {"n": DUE})]
    rows = ((cid, unit_ids[n % len(unit_ids)], "overdue", 0, NOW - timedelta(minutes=1 + n % 30), "pending", 0, NOW)
            for n, cid in enumerate(ids))
    load(services.engine, "reminders", REMINDER_COLUMNS, rows)


def measure(services, unit_ids: list[int]) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    make_due(services, unit_ids)
    postgres = services.engine.dialect.name != "sqlite"
    now = NOW if postgres else NOW.replace(tzinfo=None).isoformat(" ")
    hand_claim = text(HAND_CLAIM.format(lock=" FOR UPDATE SKIP LOCKED" if postgres else ""))
    bare, hand, claim = [], [], []
    for _ in range(5):
        with services.engine.connect() as conn:
            started = time.perf_counter()
            assert len(conn.execute(BARE, {"now": now}).all()) == DUE
            bare.append(time.perf_counter() - started)
        # Both claims run in a transaction that is rolled back, so every round claims the same rows.
        with services.engine.connect() as conn, conn.begin() as tx:
            started = time.perf_counter()
            assert len(conn.execute(hand_claim, {"now": now}).all()) == DUE
            hand.append(time.perf_counter() - started)
            tx.rollback()
        with services.sessions() as session, session.begin():
            started = time.perf_counter()
            assert len(claim_due(session, NOW)) == DUE
            claim.append(time.perf_counter() - started)
            session.rollback()
    started = time.perf_counter()
    result = sweep(services, now=NOW)
    full = time.perf_counter() - started
    assert result.claimed == DUE, result.claimed
    services.queue.empty()
    return min(bare), min(hand), min(claim), full


def run(url: str, redis_url: str, sizes: list[int]) -> list[tuple[int, float, float, float, float]]:
    settings = Settings.from_env({}, database_url=url, redis_url=redis_url, queue_name=f"bench-{uuid.uuid4().hex[:6]}",
                                 var_dir=Path(tempfile.mkdtemp()))
    upgrade(url)
    services = build_services(settings)
    services.clock.offset_s = (NOW - datetime.now(timezone.utc)).total_seconds()
    seed_demo(services)
    with services.sessions() as session:
        unit_ids = list(session.scalars(select(Unit.id).where(Unit.is_office.is_(False))))
    out = []
    have = 0
    for size in sizes:
        started = time.perf_counter()
        grow(services, unit_ids, have, size)
        have = size
        print(f"  loaded {size:,} cases in {time.perf_counter() - started:.0f}s", flush=True)
        out.append((size, *measure(services, unit_ids)))
    services.engine.dispose()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-cases", type=int, default=1_000_000)
    args = parser.parse_args()
    sizes = [args.max_cases // 10, args.max_cases]
    tmp = Path(tempfile.mkdtemp())
    redis, redis_url = embedded_redis.start(tmp / "redis", persist=False)
    ratios = []
    try:
        backends = [("sqlite", sqlite_url(tmp))]
        pg = create_pg_database()
        if pg:
            backends.append(("postgresql", pg))
        for name, url in backends:
            print(f"{name}:", flush=True)
            try:
                results = run(url, redis_url, sizes)
            finally:
                if name == "postgresql":
                    drop_pg_database(url)
            for size, bare, hand, claim, full in results:
                print(f"  cases={size:>9,}  bare_select={bare * 1000:7.1f}ms  hand_UPDATE…RETURNING={hand * 1000:7.1f}ms"
                      f"  claim_due={claim * 1000:7.1f}ms"
                      f"  full_sweep(1,000 reminders → digests + outbox rows)={full * 1000:7.1f}ms"
                      f"  claim/bare_select={claim / bare:.1f}  claim/hand_update={claim / hand:.2f}"
                      f"  sweep/bare_select={full / bare:.1f}")
            growth = results[-1][4] / results[0][4]
            print(f"  full sweep time {sizes[0]:,} cases={results[0][4] * 1000:.1f}ms"
                  f"  {sizes[-1]:,} cases={results[-1][4] * 1000:.1f}ms  x{growth:.2f}")
            ratios.append(results[-1][3] / results[-1][2])
    finally:
        redis.terminate()
    print("ratio=" + " ".join(f"{r:.2f}" for r in ratios)
          + "  (claim_due vs the hand-written UPDATE … RETURNING claiming the same rows, largest size, per backend)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
