"""The daily summary's figures (bot.reports.stats.compute_stats) at 1,000,000 cases vs one
hand-written aggregate SQL for the same core figures. Usage: .venv/bin/python bench/summary.py [--cases N]"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select, text  # noqa: E402

from bench._bulk import CASE_COLUMNS, case_rows, create_pg_database, drop_pg_database, load, sqlite_url  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import upgrade  # noqa: E402
from bot.reports.stats import compute_stats  # noqa: E402
from bot.seed import seed_demo  # noqa: E402
from bot.services import build_services  # noqa: E402
from models import Unit  # noqa: E402

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=timezone.utc)
DAY_START, DAY_END = NOW - timedelta(days=1, hours=2), NOW - timedelta(hours=2)

HAND = """
SELECT
 (SELECT count(*) FROM cases WHERE created_at >= :s AND created_at < :e AND status <> 'duplicate'),
 (SELECT count(*) FROM cases WHERE closed_at >= :s AND closed_at < :e),
 (SELECT count(*) FROM cases WHERE status IN ('pending','returned','dispatched','signed','in_progress')),
 (SELECT count(*) FROM cases WHERE status IN ('pending','returned','dispatched','signed','in_progress') AND due_at < :n)
"""


def bind(engine, moment: datetime):  # type: ignore[no-untyped-def]
    return moment.replace(tzinfo=None).isoformat(" ") if engine.dialect.name == "sqlite" else moment


def run(url: str, cases: int) -> tuple[float, float]:
    upgrade(url)
    services = build_services(Settings.from_env({}, database_url=url, var_dir=Path(tempfile.mkdtemp())))
    seed_demo(services)
    with services.sessions() as session:
        unit_ids = list(session.scalars(select(Unit.id).where(Unit.is_office.is_(False))))
    started = time.perf_counter()
    # Spread the cases over the 400 days before NOW: ~2,500 a day, like a large city's board.
    load(services.engine, "cases", CASE_COLUMNS, case_rows(0, cases, unit_ids, NOW - timedelta(seconds=cases * 31)))
    with services.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    print(f"  loaded {cases:,} cases in {time.perf_counter() - started:.0f}s", flush=True)
    hand, ours = [], []
    for _ in range(3):
        with services.engine.connect() as conn:
            started = time.perf_counter()
            conn.execute(text(HAND), {"s": bind(services.engine, DAY_START), "e": bind(services.engine, DAY_END),
                                      "n": bind(services.engine, NOW)}).one()
            hand.append(time.perf_counter() - started)
        with services.sessions() as session:
            started = time.perf_counter()
            stats = compute_stats(session, DAY_START, DAY_END, NOW)
            ours.append(time.perf_counter() - started)
    print(f"  new={stats.new_total} closed={stats.closed} open={stats.open_now} overdue={stats.overdue_now}")
    services.engine.dispose()
    return min(hand), min(ours)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    ratios = []
    backends = [("sqlite", sqlite_url(tmp))]
    pg = create_pg_database()
    if pg:
        backends.append(("postgresql", pg))
    for name, url in backends:
        print(f"{name}:", flush=True)
        try:
            hand, ours = run(url, args.cases)
        finally:
            if name == "postgresql":
                drop_pg_database(url)
        print(f"  hand-written 4-figure SQL={hand * 1000:.1f}ms  compute_stats (all {28} figures + units)={ours * 1000:.1f}ms"
              f"  ratio={ours / hand:.1f}")
        ratios.append(ours / hand)
    print("ratio=" + " ".join(f"{r:.1f}" for r in ratios) + "  (compute_stats vs hand-written aggregate SQL, per backend)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
