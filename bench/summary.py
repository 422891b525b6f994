"""The daily summary's figures (bot.reports.stats.compute_stats) at 1,000,000 cases vs hand-written
aggregate SQL that computes the same figures — every one of them, in the few grouped queries a
careful human would write — and a check that both give equal numbers.
Usage: .venv/bin/python bench/summary.py [--cases N] [--sqlite-only]"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Connection, select, text  # noqa: E402

from bench._bulk import CASE_COLUMNS, case_rows, create_pg_database, drop_pg_database, load, sqlite_url  # noqa: E402
from bot.cases.sources import OFFICIAL_BOARDS  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import upgrade  # noqa: E402
from bot.reports.stats import SIGN_WINDOW, Stats, UnitFigures, compute_stats  # noqa: E402
from bot.seed import seed_demo  # noqa: E402
from bot.wiring import build_services  # noqa: E402
from models import Unit  # noqa: E402

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=timezone.utc)
DAY_START, DAY_END = NOW - timedelta(days=1, hours=2), NOW - timedelta(hours=2)
OPEN = "('pending','returned','dispatched','signed','in_progress')"

# {month} and {lag} differ between SQLite and PostgreSQL; everything else is plain SQL.
HAND = {
    # The period's new cases, grouped once; totals, by source, by category and by month are sums of these rows.
    "created": """
SELECT source_platform, category, {month} AS month, count(*),
       sum(CASE WHEN status IN ('closed','verified') THEN 1 ELSE 0 END), sum(CASE WHEN supervised THEN 1 ELSE 0 END)
FROM cases WHERE created_at >= :s AND created_at < :e AND status <> 'duplicate'
GROUP BY 1, 2, 3""",
    # Closed in the period, per lead unit.
    "closed": """
SELECT lead_unit_id, count(*), sum(CASE WHEN closed_at <= due_at THEN 1 ELSE 0 END)
FROM cases WHERE closed_at >= :s AND closed_at < :e GROUP BY 1""",
    # Ratings given in the period (each closing's own), per unit and level.
    "ratings": """
SELECT unit_id, level, count(*) FROM case_ratings WHERE created_at >= :s AND created_at < :e GROUP BY 1, 2""",
    # Returns, reopenings (per unit) and instructions in the period.
    "events": """
SELECT unit_id, sum(CASE WHEN kind = 'return' THEN 1 ELSE 0 END), sum(CASE WHEN kind = 'reopen' THEN 1 ELSE 0 END),
       sum(CASE WHEN kind = 'instruction' THEN 1 ELSE 0 END)
FROM case_events WHERE created_at >= :s AND created_at < :e AND kind IN ('return', 'reopen', 'instruction')
GROUP BY 1""",
    # Dispatched in the period, per lead unit.
    "dispatched": """
SELECT lead_unit_id, count(*), sum(CASE WHEN signed_at IS NOT NULL THEN 1 ELSE 0 END),
       sum(CASE WHEN signed_at IS NOT NULL AND {lag} <= :w THEN 1 ELSE 0 END)
FROM cases WHERE dispatched_at >= :s AND dispatched_at < :e GROUP BY 1""",
    # The open/overdue snapshot, per lead unit.
    "open": f"""
SELECT lead_unit_id, count(*), sum(CASE WHEN due_at < :n THEN 1 ELSE 0 END)
FROM cases WHERE status IN {OPEN} GROUP BY 1""",
    # The small tables, one row.
    "other": """
SELECT
 (SELECT count(DISTINCT cu.case_id) FROM case_units cu JOIN cases c ON c.id = cu.case_id
   WHERE cu.role = 'co' AND c.created_at >= :s AND c.created_at < :e AND c.status <> 'duplicate'),
 (SELECT count(*) FROM extension_requests WHERE created_at >= :s AND created_at < :e),
 (SELECT count(*) FROM replies WHERE created_at >= :s AND created_at < :e),
 (SELECT count(*) FROM citizen_replies WHERE state = 'posted' AND posted_at >= :s AND posted_at < :e),
 (SELECT count(DISTINCT case_id) FROM citizen_replies WHERE state = 'posted' AND posted_at >= :s AND posted_at < :e),
 (SELECT count(*) FROM reminders WHERE state = 'failed' AND claimed_at >= :s AND claimed_at < :e)""",
}


def bind(conn: Connection, moment: datetime) -> Any:
    return moment.replace(tzinfo=None).isoformat(" ") if conn.dialect.name == "sqlite" else moment


def hand_stats(conn: Connection, start: datetime, end: datetime, now: datetime) -> Stats:
    """The same figures as compute_stats, from seven hand-written queries."""
    if conn.dialect.name == "sqlite":
        parts = {"month": "strftime('%Y-%m', created_at, '+8 hours')",
                 "lag": "(julianday(signed_at) - julianday(dispatched_at)) * 86400"}
    else:
        parts = {"month": "to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')",
                 "lag": "extract(epoch FROM signed_at - dispatched_at)"}
    args = {"s": bind(conn, start), "e": bind(conn, end), "n": bind(conn, now), "w": SIGN_WINDOW.total_seconds()}

    def rows(name: str) -> list[Any]:
        return list(conn.execute(text(HAND[name].format(**parts)), args))

    s = Stats(start=start, end=end)
    for source, category, month, count, done, supervised in rows("created"):
        s.new_total += count
        s.new_closed += int(done or 0)
        s.supervised += int(supervised or 0)
        s.new_by_source[source] = s.new_by_source.get(source, 0) + count
        s.by_category[category or "未分类"] = s.by_category.get(category or "未分类", 0) + count
        s.by_month[str(month)] = s.by_month.get(str(month), 0) + count
    s.by_month = dict(sorted(s.by_month.items()))
    s.official = sum(v for k, v in s.new_by_source.items() if k in OFFICIAL_BOARDS)
    s.apps = s.new_total - s.official
    names = dict(conn.execute(select(Unit.id, Unit.name).where(Unit.is_office.is_(False))).all())
    units = {uid: UnitFigures(unit=name) for uid, name in names.items()}
    for uid, count, on_time in rows("closed"):
        s.closed += count
        s.closed_on_time += int(on_time or 0)
        if uid in units:
            units[uid].closed += count
            units[uid].on_time += int(on_time or 0)
    for uid, level, count in rows("ratings"):
        s.satisfaction[level] = s.satisfaction.get(level, 0) + count
        if uid in units:
            units[uid].rated += count
            units[uid].unsatisfied += count if level == "不满意" else 0
    s.satisfaction = {k: s.satisfaction[k] for k in ("满意", "基本满意", "不满意") if k in s.satisfaction}
    for uid, returned, reopened, instructions in rows("events"):
        s.returned += int(returned or 0)
        s.reopened += int(reopened or 0)
        s.instructions += int(instructions or 0)
        if uid in units:
            units[uid].reopened = int(reopened or 0)
    for uid, count, signed, signed_on_time in rows("dispatched"):
        s.dispatched += count
        s.signed += int(signed or 0)
        s.signed_on_time += int(signed_on_time or 0)
        if uid in units:
            units[uid].assigned = count
    for uid, count, overdue in rows("open"):
        s.open_now += count
        s.overdue_now += int(overdue or 0)
        if uid in units:
            units[uid].overdue_open = int(overdue or 0)
    (s.joint, s.extensions, s.replies, s.citizen_replies, s.citizen_replied_cases,
     s.reminders_failed) = (int(x or 0) for x in rows("other")[0])
    s.units = list(units.values())
    return s


def comparable(stats: Stats) -> dict[str, Any]:
    figures = stats.as_dict()
    figures["units"] = {u["unit"]: u for u in figures["units"]}  # order is not a figure
    return figures


def add_history(conn: Connection, since: datetime) -> None:
    """Co-units, events, replies, extensions and failed reminders for the last days' cases, so the
    comparison covers the figures that come from those tables too (fractions of cases by id)."""
    sqlite = conn.dialect.name == "sqlite"

    def later(hours: int) -> str:
        return f"datetime(created_at, '+{hours} hours')" if sqlite else f"created_at + interval '{hours} hours'"

    recent = "FROM cases WHERE created_at >= :since"
    for sql in (
        f"INSERT INTO case_units (case_id, unit_id, role, assigned_at) SELECT id, lead_unit_id, 'co', created_at {recent} AND id % 7 = 0",
        *(f"INSERT INTO case_events (case_id, kind, unit_id, channel, data, created_at) SELECT id, '{kind}', "
          f"{'lead_unit_id' if kind == 'reopen' else 'NULL'}, 'system', '{{}}', {later(2)} "
          f"{recent} AND id % {mod} = 0" for kind, mod in (("return", 11), ("reopen", 13), ("instruction", 17), ("progress", 5))),
        *(f"INSERT INTO case_ratings (case_id, round, unit_id, level, created_at) SELECT id, 0, lead_unit_id, '{level}', "
          f"{later(5)} {recent} AND id % 29 = {rest}" for rest, level in ((0, "满意"), (1, "基本满意"), (2, "不满意"))),
        f"INSERT INTO citizen_replies (case_id, state, text, posted_where, posted_at, created_at, updated_at) "
        f"SELECT id, 'posted', 'r', 'hongwang', {later(6)}, created_at, created_at {recent} AND id % 3 < 2",
        f"INSERT INTO replies (case_id, unit_id, kind, text, created_at) SELECT id, lead_unit_id, 'final', 'x', {later(1)} {recent} AND id % 3 = 0",
        f"INSERT INTO extension_requests (case_id, unit_id, working_days, reason, new_due_at, state, created_at) "
        f"SELECT id, lead_unit_id, 3, 'r', due_at, 'pending', {later(3)} {recent} AND id % 19 = 0",
        f"INSERT INTO reminders (case_id, unit_id, kind, level, due_at, state, attempt, created_at, claimed_at) "
        f"SELECT id, lead_unit_id, 'overdue', 0, due_at, 'failed', 1, created_at, {later(4)} {recent} AND id % 23 = 0",
    ):
        conn.execute(text(sql), {"since": bind(conn, since)})


def run(url: str, cases: int) -> tuple[float, float, bool]:
    upgrade(url)
    services = build_services(Settings.from_env({}, database_url=url, var_dir=Path(tempfile.mkdtemp())))
    seed_demo(services)
    with services.sessions() as session:
        unit_ids = list(session.scalars(select(Unit.id).where(Unit.is_office.is_(False))))
    started = time.perf_counter()
    # Spread the cases over the 400 days before NOW: ~2,500 a day, like a large city's board.
    load(services.engine, "cases", CASE_COLUMNS, case_rows(0, cases, unit_ids, NOW - timedelta(seconds=cases * 31)))
    with services.engine.begin() as conn:
        add_history(conn, DAY_START - timedelta(days=2))
    with services.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    print(f"  loaded {cases:,} cases in {time.perf_counter() - started:.0f}s", flush=True)
    hand, ours = [], []
    for _ in range(3):
        with services.engine.connect() as conn:
            started = time.perf_counter()
            theirs = hand_stats(conn, DAY_START, DAY_END, NOW)
            hand.append(time.perf_counter() - started)
        with services.sessions() as session:
            started = time.perf_counter()
            stats = compute_stats(session, DAY_START, DAY_END, NOW)
            ours.append(time.perf_counter() - started)
    a, b = comparable(stats), comparable(theirs)
    equal = a == b
    if not equal:
        print("  !!! MISMATCH between compute_stats and the hand-written SQL !!!")
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                print(f"  !!! {key}: compute_stats={a.get(key)!r}  hand={b.get(key)!r}")
    print(f"  new={stats.new_total} closed={stats.closed} open={stats.open_now} overdue={stats.overdue_now}"
          f" dispatched={stats.dispatched} signed_on_time={stats.signed_on_time} joint={stats.joint}"
          f" returned={stats.returned} reopened={stats.reopened} instructions={stats.instructions}"
          f" extensions={stats.extensions} replies={stats.replies} citizen_replies={stats.citizen_replies}"
          f" reminders_failed={stats.reminders_failed}"
          f" satisfaction={stats.satisfaction} figures_equal={equal}")
    services.engine.dispose()
    return min(hand), min(ours), equal


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    ratios = []
    backends = [("sqlite", sqlite_url(tmp))]
    pg = None if args.sqlite_only else create_pg_database()
    if pg:
        backends.append(("postgresql", pg))
    for name, url in backends:
        print(f"{name}:", flush=True)
        try:
            hand, ours, equal = run(url, args.cases)
        finally:
            if name == "postgresql":
                drop_pg_database(url)
        print(f"  hand-written SQL (all figures, 7 queries)={hand * 1000:.1f}ms"
              f"  compute_stats={ours * 1000:.1f}ms  ratio={ours / hand:.2f}"
              + ("" if equal else "  FIGURES DIFFER"))
        ratios.append(ours / hand)
    print("ratio=" + " ".join(f"{r:.2f}" for r in ratios)
          + "  (compute_stats vs hand-written aggregate SQL for the same figures, per backend)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
