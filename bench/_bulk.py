"""Bulk-load benchmark databases fast: executemany on SQLite, COPY on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

# psycopg wants a libpq URL; accept the SQLAlchemy spelling (postgresql+psycopg://) too.
PG_ADMIN = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test").replace(
    "postgresql+psycopg://", "postgresql://")
CASE_COLUMNS = ("number", "status", "source_platform", "title", "body", "request_type", "urgent", "supervised",
                "lead_unit_id", "due_at", "proposal", "repeat_count", "reopen_count", "created_at", "dispatched_at",
                "signed_at", "closed_at", "updated_at", "satisfaction", "category")
REMINDER_COLUMNS = ("case_id", "unit_id", "kind", "level", "due_at", "state", "attempt", "created_at")
SOURCES = ("hongwang", "wenzheng_hunan", "12345", "douyin", "weibo", "wechat")
STATES = ("closed", "closed", "closed", "verified", "in_progress", "signed", "dispatched")


def sqlite_url(tmp: Path) -> str:
    return f"sqlite:///{tmp / 'bench.db'}"


def create_pg_database() -> str | None:
    try:
        import psycopg

        name = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
    except Exception as exc:
        print(f"PostgreSQL skipped: {exc.__class__.__name__}")
        return None


def drop_pg_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def case_rows(first: int, count: int, unit_ids: list[int], start: datetime) -> Iterator[tuple[Any, ...]]:
    for i in range(first, first + count):
        created = start + timedelta(seconds=i * 31)
        status = STATES[i % len(STATES)]
        closed = created + timedelta(days=3) if status in ("closed", "verified") else None
        yield (f"DB-B-{i:08d}", status, SOURCES[i % 6], "t", "b", "投诉", False, i % 50 == 0, unit_ids[i % len(unit_ids)],
               created + timedelta(days=9), "{}", 0, 1 if i % 97 == 0 else 0, created, created + timedelta(hours=1),
               created + timedelta(hours=5), closed, created, ("满意", "基本满意", "不满意", None)[i % 4] if closed else None,
               "城乡建设")


def load(engine: Engine, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> None:
    raw = engine.raw_connection()
    try:
        if engine.dialect.name == "sqlite":
            cursor = raw.cursor()
            marks = ",".join("?" for _ in columns)
            fix = [n for n, c in enumerate(columns) if c.endswith("_at")]
            def convert(row: tuple[Any, ...]) -> tuple[Any, ...]:
                out = list(row)
                for n in fix:
                    if out[n] is not None:
                        out[n] = out[n].astimezone(timezone.utc).replace(tzinfo=None).isoformat(" ")
                return tuple(out)
            cursor.execute("BEGIN")
            cursor.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", (convert(r) for r in rows))
            cursor.execute("COMMIT")
        else:
            with raw.cursor() as cursor:  # type: ignore[attr-defined]
                with cursor.copy(f"COPY {table} ({','.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            raw.commit()
    finally:
        raw.close()
