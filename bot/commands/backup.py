"""``python -m bot backup`` and ``python -m bot restore``: a consistent copy of the database while
everything keeps running, and the way back.

SQLite (the embedded default): sqlite3's online backup API copies the whole database in one step
inside one read transaction, so the copy is the database as of one instant, even while the web,
the worker and ``rq cron`` write (WAL mode: readers never block writers, and a one-step copy never
restarts). The copy is written beside its final name and renamed, then checked with
``PRAGMA integrity_check``.

PostgreSQL: ``pg_dump --format=custom`` (one snapshot transaction: consistent while the bot runs),
restored with ``pg_restore``. Point-in-time recovery needs base backups plus WAL archiving, which
belong to the database server's operations: deploy/scale-out/README.md says how.

Redis is not backed up: it carries jobs only, and ``bot.messaging.recovery`` rebuilds them from the
database.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.config import Settings


@dataclass(frozen=True)
class BackupResult:
    path: Path
    kind: str  # "sqlite" | "pg_dump"
    detail: str


def sqlite_path(database_url: str) -> Path | None:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        raise ValueError("an in-memory SQLite database cannot be backed up")
    return Path(url.database)


def libpq_url(database_url: str) -> str:
    """postgresql+psycopg://… as the plain libpq URL pg_dump and psql understand."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def default_target(settings: Settings, suffix: str) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return settings.var_dir / "backups" / f"bot-{stamp}{suffix}"


def backup_sqlite(source: Path, target: Path) -> str:
    """Online backup of a live SQLite database into ``target``; returns the integrity check's word."""
    if not source.exists():
        raise FileNotFoundError(f"no database at {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=30)  # reads only; read-write so it can join the WAL
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)  # pages=-1: the whole database in one step, one read snapshot
        dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        check = dst.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"the copy failed its integrity check: {check}")
    partial.replace(target)
    return str(check)


def restore_sqlite(backup: Path, target: Path) -> None:
    """Copy a backup into the database at ``target`` (stop the bot's processes first)."""
    check_backup(backup)
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)  # replaces every page of target under its write lock
    finally:
        dst.close()
        src.close()


def check_backup(backup: Path) -> None:
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise RuntimeError(f"{backup} is not a 督办助手 SQLite backup: {exc}") from None
    finally:
        conn.close()
    if check != "ok" or version is None:
        raise RuntimeError(f"{backup} failed its check: integrity {check}, schema revision {version}")


def backup(settings: Settings, target: Path | None = None) -> BackupResult:
    source = sqlite_path(settings.database_url)
    if source is not None:
        path = target or default_target(settings, ".db")
        check = backup_sqlite(source, path)
        return BackupResult(path, "sqlite", f"integrity {check}")
    if make_url(settings.database_url).get_backend_name() != "postgresql":
        raise ValueError(f"no backup method for {make_url(settings.database_url).get_backend_name()}")
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise RuntimeError("pg_dump is not installed (apt-get install postgresql-client, same major version as the server)")
    path = target or default_target(settings, ".dump")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    subprocess.run([pg_dump, "--format=custom", "--no-owner", "--file", str(partial), libpq_url(settings.database_url)],
                   check=True)
    partial.replace(path)
    return BackupResult(path, "pg_dump", "restore: python -m bot restore FILE (runs pg_restore)")


def restore(settings: Settings, backup_file: Path) -> str:
    target = sqlite_path(settings.database_url)
    if target is not None:
        restore_sqlite(backup_file, target)
        return f"restored {backup_file} into {target}"
    pg_restore = shutil.which("pg_restore")
    if pg_restore is None:
        raise RuntimeError("pg_restore is not installed (apt-get install postgresql-client)")
    subprocess.run([pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction",
                    "--dbname", libpq_url(settings.database_url), str(backup_file)], check=True)
    return f"restored {backup_file} into the PostgreSQL database of DATABASE_URL"


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups in ``folder`` (names sort by time)."""
    found = sorted(p for p in folder.glob("bot-*") if not p.name.endswith(".partial"))
    old = found[:-keep] if keep > 0 else []
    for path in old:
        path.unlink()
    return old


def cmd_backup(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    target = Path(args.to) if args.to else None
    if target is not None and (args.to.endswith("/") or target.is_dir()):  # a folder: a dated file in it
        suffix = ".db" if sqlite_path(settings.database_url) else ".dump"
        target = target / default_target(settings, suffix).name
    try:
        result = backup(settings, target)
    except (OSError, RuntimeError, ValueError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    size = result.path.stat().st_size
    print(f"backup ({result.kind}) {result.path}  {size / 1e6:.1f} MB  {result.detail}")
    if args.keep:
        for path in prune(result.path.parent, args.keep):
            print(f"removed old backup {path}")
    return 0


def live_workers(settings: Settings) -> int:
    """How many RQ workers serve this installation's queue now (0 when its Redis does not answer).
    The embedded Redis of ``make run`` is found through var/redis_url, as other CLI commands do."""
    from redis import Redis
    from redis.exceptions import RedisError
    from rq import Worker

    url = settings.redis_url
    url_file = settings.var_dir / "redis_url"
    if not url and url_file.exists():
        url = url_file.read_text().strip()
    if not url:
        return 0
    try:
        connection = Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        return sum(1 for w in Worker.all(connection=connection) if settings.queue_name in w.queue_names())
    except RedisError:
        return 0


def cmd_restore(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    if not args.yes:
        print("restore overwrites the database of DATABASE_URL; stop web, worker and rq cron, then run it again "
              "with --yes", file=sys.stderr)
        return 2
    # A worker still running would go on from Redis state that no longer matches the database.
    if (running := live_workers(settings)) and not args.force:
        print(f"{running} worker(s) still serve queue {settings.queue_name!r}: stop the bot (Ctrl-C on make run, "
              "or systemctl stop dispatch-bot-*) and run restore again (--force to restore anyway)", file=sys.stderr)
        return 2
    try:
        print(restore(settings, Path(args.file)))
    except (OSError, RuntimeError, ValueError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("start the processes again; the worker re-enqueues unfinished messages from the database")
    return 0


def add_subcommands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="consistent online backup of the database (SQLite backup API or pg_dump)")
    p.add_argument("--to", help="file, or folder for a dated file (default: var/backups/bot-<UTC time>.db or .dump)")
    p.add_argument("--keep", type=int, default=0, help="then delete all but the newest N backups in that folder")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="put a backup back (processes stopped)")
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="yes, overwrite the database")
    p.add_argument("--force", action="store_true", help="restore even while workers still run")
    p.set_defaults(func=cmd_restore)
