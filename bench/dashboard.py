"""The dashboard's case list at 1,000,000 cases: the page (real HTTP through gunicorn, logged in) vs the
bare SQL behind it (the same count + page queries, built by the same filter code, run on a plain
connection), interleaved in one run over typical filters.

SQLite in a temp folder by default; a scratch PostgreSQL database (created and dropped) when
BENCH_POSTGRES_URL is set. BENCH_CASES changes the size, BENCH_ROUNDS the samples per filter.
Prints p50/p99 per filter and overall, then ratio=<page p50 / bare p50>. Target ≤ 3×. Not a test.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qsl

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.webhook import scratch_database, serve  # noqa: E402
from bot import embedded_redis  # noqa: E402
from bot.config import ROOT  # noqa: E402

CASES = int(os.environ.get("BENCH_CASES", "1000000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
PASSWORD = "bench-password-1"
CASE_COLUMNS = ("id", "number", "status", "source_platform", "title", "body", "category", "request_type", "urgent",
                "supervised", "lead_unit_id", "due_at", "proposal", "repeat_count", "reopen_count", "created_at",
                "dispatched_at", "closed_at", "updated_at")
LINK_COLUMNS = ("case_id", "unit_id", "role", "assigned_at")
PLACES = ("东湖路", "建设路", "青山镇", "幸福小区", "城南农贸市场", "人民医院", "火车站", "滨江公园", "实验中学", "工业园")
ISSUES = (("垃圾堆积无人清理", "城乡建设"), ("路灯不亮", "城乡建设"), ("道路破损", "交通运输"), ("夜间施工噪音", "生态环境"),
          ("缺斤短两", "市场监管"), ("拖欠工资", "劳动保障"), ("排队时间长", "卫生健康"), ("污水外溢", "生态环境"))
SOURCES = ("hongwang", "wenzheng_hunan", "douyin", "weibo", "12345", "wechat", "other")


def _statuses(age_days: float) -> tuple[tuple[str, ...], tuple[int, ...]]:
    if age_days > 60:  # old cases are mostly finished; a few are still open and overdue
        return ("verified", "closed", "duplicate", "in_progress", "signed"), (70, 24, 3, 2, 1)
    return ("pending", "dispatched", "signed", "in_progress", "closed", "verified"), (5, 20, 20, 20, 25, 10)


def generate(unit_ids: list[int], now: datetime) -> Iterator[tuple[tuple[object, ...], list[tuple[object, ...]]]]:
    """(case row, case_units rows), oldest first, ids ascending, spread over three years."""
    rng = random.Random(8)
    span = 3 * 365 * 86400
    per_day: dict[str, int] = {}
    for i in range(1, CASES + 1):
        created = now - timedelta(seconds=span * (1 - i / CASES))
        day = created.strftime("%Y%m%d")
        per_day[day] = per_day.get(day, 0) + 1
        statuses, weights = _statuses((now - created).total_seconds() / 86400)
        status = rng.choices(statuses, weights)[0]
        place = rng.choice(PLACES)
        issue, category = rng.choice(ISSUES)
        title = f"{place}{issue}"
        with_unit = status not in ("pending", "duplicate")
        lead = rng.choice(unit_ids) if with_unit else None
        due = created + timedelta(days=10) if with_unit else None
        closed = created + timedelta(days=rng.randint(1, 12)) if status in ("closed", "verified") else None
        row = (i, f"DB-{day}-{per_day[day]:04d}", status, rng.choice(SOURCES), title,
               f"网民反映{title}，已持续{rng.randint(2, 30)}天，希望有关部门尽快处理。编号{i}", category, "投诉",
               rng.random() < 0.02, rng.random() < 0.05, lead, due, "{}", 0, 0, created,
               created + timedelta(hours=2) if with_unit else None, closed, closed or created)
        links: list[tuple[object, ...]] = []
        if lead is not None:
            links.append((i, lead, "lead", created))
            if rng.random() < 0.1:
                co = rng.choice(unit_ids)
                if co != lead:
                    links.append((i, co, "co", created))
        yield row, links


def _sqlite_value(value: object) -> object:
    # The format SQLAlchemy's SQLite DateTime writes (naive UTC, as models.base.UTCDateTime stores it).
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def fill(database_url: str, unit_ids: list[int], now: datetime) -> None:
    rows = generate(unit_ids, now)
    insert_cases = f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({', '.join('?' * len(CASE_COLUMNS))})"
    insert_links = f"INSERT INTO case_units ({', '.join(LINK_COLUMNS)}) VALUES (?, ?, ?, ?)"
    if database_url.startswith("sqlite"):
        conn = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        conn.execute("PRAGMA synchronous=OFF")
        while True:
            chunk = [next(rows, None) for _ in range(50_000)]
            chunk_rows = [c for c in chunk if c is not None]
            if not chunk_rows:
                break
            conn.executemany(insert_cases, [tuple(map(_sqlite_value, r)) for r, _ in chunk_rows])
            conn.executemany(insert_links, [tuple(map(_sqlite_value, link)) for _, ls in chunk_rows for link in ls])
            conn.commit()
        conn.execute("ANALYZE")
        conn.commit()
        conn.close()
        return
    import psycopg

    with psycopg.connect(database_url.replace("+psycopg", ""), autocommit=True) as conn:
        links: list[tuple[object, ...]] = []
        with conn.cursor() as cur, cur.copy(f"COPY cases ({', '.join(CASE_COLUMNS)}) FROM STDIN") as copy:
            for row, case_links in rows:
                copy.write_row(row)
                links.extend(case_links)
        with conn.cursor() as cur, cur.copy(f"COPY case_units ({', '.join(LINK_COLUMNS)}) FROM STDIN") as copy:
            for link in links:
                copy.write_row(link)
        conn.execute("SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases))")
        conn.execute("VACUUM ANALYZE cases")
        conn.execute("VACUUM ANALYZE case_units")


def scenarios(unit_ids: list[int], today: datetime) -> dict[str, str]:
    month_ago = (today - timedelta(days=30)).date().isoformat()
    return {
        "no filter": "",
        "status": "status=dispatched",
        "unit": f"unit={unit_ids[3]}",
        "overdue": "overdue=1",
        "date range": f"from={month_ago}&to={today.date().isoformat()}",
        "status+unit+dates": f"status=signed&status=in_progress&unit={unit_ids[1]}&from={month_ago}",
        "free text": "q=路灯不亮",
        "text+unit": f"q=污水&unit={unit_ids[5]}",
        "case number": "q=DB-" + (today - timedelta(days=100)).strftime("%Y%m%d") + "-0003",
        "sort by due, p3": "status=in_progress&sort=due&page=3",
    }


def bare_query(engine, query_string: str, settings) -> float:  # type: ignore[no-untyped-def]
    """The SQL the page needs (capped count + one page of rows), on a plain connection, in ms."""
    from sqlalchemy import select
    from werkzeug.datastructures import MultiDict

    from bot.web.dashboard.filters import apply_filters, count_of, page_of, parse_filters
    from models import Case

    filters = parse_filters(MultiDict(parse_qsl(query_string)))
    started = time.perf_counter()
    query = apply_filters(select(Case), filters, datetime.now(timezone.utc), settings.timezone)
    with engine.connect() as conn:
        conn.execute(count_of(query)).scalar()
        conn.execute(page_of(query, filters)).all()
    return (time.perf_counter() - started) * 1000


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
    redis_proc, redis_url = embedded_redis.start(tmp / "redis", persist=False)
    database_url = scratch_database(tmp)
    env = dict(os.environ, DATABASE_URL=database_url, REDIS_URL=redis_url, BOT_VAR_DIR=str(tmp / "var"),
               BOT_QUEUE="bench", BOT_COOKIE_SECURE="0")
    os.environ.update(env)
    for args in (["db", "upgrade"], ["seed-demo"], ["users", "create-admin", "bench", "--password", PASSWORD]):
        subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, check=True, capture_output=True)

    from sqlalchemy import create_engine, select

    from bot.config import Settings
    from models import Unit

    settings = Settings.from_env()
    engine = create_engine(database_url)
    with engine.connect() as conn:
        unit_ids = list(conn.scalars(select(Unit.id).where(Unit.is_office.is_(False)).order_by(Unit.id)))
    now = datetime.now(timezone.utc)
    started = time.perf_counter()
    fill(database_url, unit_ids, now)
    print(f"generated {CASES} cases in {time.perf_counter() - started:.1f} s", flush=True)

    proc, url = serve("wsgi:app", env, ROOT)
    page_ms: dict[str, list[float]] = {}
    bare_ms: dict[str, list[float]] = {}
    try:
        client = requests.Session()
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get(url + "/login").text)
        assert token, "no CSRF token on the login page"
        login = client.post(url + "/login", data={"username": "bench", "password": PASSWORD,
                                                  "csrf_token": token.group(1)}, allow_redirects=False)
        assert login.status_code == 302, login.status_code
        cases = scenarios(unit_ids, now)
        for name, query_string in cases.items():  # warm caches and check every page answers
            response = client.get(f"{url}/dashboard/cases?{query_string}")
            assert response.status_code == 200 and 'id="total"' in response.text, (name, response.status_code)
            bare_query(engine, query_string, settings)
        for _ in range(ROUNDS):
            for name, query_string in cases.items():
                t0 = time.perf_counter()
                response = client.get(f"{url}/dashboard/cases?{query_string}")
                page_ms.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200
                bare_ms.setdefault(name, []).append(bare_query(engine, query_string, settings))
    finally:
        proc.terminate()
        proc.wait()
        engine.dispose()
        redis_proc.terminate()
        redis_proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)  # the SQLite file is ~650 MB
        if "BENCH_POSTGRES_URL" in os.environ:
            import psycopg

            with psycopg.connect(os.environ["BENCH_POSTGRES_URL"].replace("+psycopg", ""), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database_url.rsplit("/", 1)[1]}" WITH (FORCE)')
    print(f"{'filter':<20} {'page p50':>9} {'p99':>8} {'bare p50':>9} {'p99':>8}  (ms)")
    for name in page_ms:
        print(f"{name:<20} {statistics.median(page_ms[name]):9.1f} {pct(page_ms[name], 0.99):8.1f}"
              f" {statistics.median(bare_ms[name]):9.1f} {pct(bare_ms[name], 0.99):8.1f}")
    all_page = [v for vs in page_ms.values() for v in vs]
    all_bare = [v for vs in bare_ms.values() for v in vs]
    print(f"{'all':<20} {pct(all_page, 0.5):9.1f} {pct(all_page, 0.99):8.1f} {pct(all_bare, 0.5):9.1f}"
          f" {pct(all_bare, 0.99):8.1f}")
    print(f"database: {database_url.split(':', 1)[0]}, cases: {CASES}, samples: {len(all_page)}")
    print(f"p99 ratio={pct(all_page, 0.99) / pct(all_bare, 0.99):.2f}")
    print(f"ratio={pct(all_page, 0.5) / pct(all_bare, 0.5):.2f}")


if __name__ == "__main__":
    main()
