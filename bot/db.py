"""Engine and session factory. Nothing connects at import time."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from bot.config import ROOT


class _WriterQueue:
    """Writers wait for the SQLite write lock here, and are let in the moment it is free.

    Every transaction starts with BEGIN IMMEDIATE (below), so each one takes SQLite's write lock.
    A writer that finds it taken would sleep in SQLite's busy handler, 1, 2, 5, 10 … 100 ms
    between tries: that made the webhook's p99 with two gunicorn processes of four threads. Here
    the threads of a process queue on a lock that wakes the next one at once, and the processes
    of an installation (web, worker, rq cron) on an flock of ``<database>-writer.lock``, tried
    every half millisecond, so SQLite's busy handler is left to other programs. Both waits are
    bounded like busy_timeout: past 30 s a writer goes on to SQLite's own wait and its error.
    A plain lock, not a reentrant one: the pool may end a transaction from another thread."""

    POLL_S = 0.0005

    def __init__(self, lock_path: str) -> None:
        self.lock = threading.Lock()
        self.lock_path = lock_path
        self._fd = -1
        self._pid = -1

    def _file(self) -> int:
        if self._pid != os.getpid():  # an inherited descriptor would share the parent's flock
            self._fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            self._pid = os.getpid()
        return self._fd

    def acquire(self, timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        if not self.lock.acquire(timeout=timeout):
            return False
        try:
            fd = self._file()
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return True
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        break
                    time.sleep(self.POLL_S)
        except OSError:  # no lock file (read-only folder): SQLite's busy handler still serializes
            pass
        self.lock.release()
        return False

    def release(self) -> None:
        try:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self.lock.release()


_queues: dict[str, _WriterQueue] = {}
_queues_lock = threading.Lock()


def _writer_queue(path: str) -> _WriterQueue:
    path = os.path.abspath(path)
    with _queues_lock:
        return _queues.setdefault(path, _WriterQueue(path + "-writer.lock"))


class _QueuedConnection(sqlite3.Connection):
    """A pysqlite connection that gives the writer queue back when its transaction ends."""

    queue: _WriterQueue | None = None
    holding = False

    def enter(self) -> None:
        if self.queue is not None and not self.holding:
            self.holding = self.queue.acquire()

    def leave(self) -> None:
        if self.holding and self.queue is not None:
            self.holding = False
            self.queue.release()

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self.leave()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self.leave()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.leave()


def make_engine(url: str) -> Engine:
    # hide_parameters: a failed statement's error (logged with its traceback by Flask and rq) would
    # otherwise carry the bound values, i.e. a citizen's post with its name and phone number.
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        queue = None
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            queue = _writer_queue(path)
        engine = create_engine(url, connect_args={"timeout": 30, "factory": _QueuedConnection}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            # WAL lets the web process read while the worker writes; foreign keys are off by default.
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL still survives a crash of any of our processes (SIGKILL included);
            # only an OS crash or power cut can lose the last commits. Production runs PostgreSQL.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()
            # pysqlite's implicit BEGIN is deferred; take the write lock up front instead so two
            # writers queue rather than failing on lock upgrade.
            dbapi_conn.isolation_level = None
            dbapi_conn.queue = queue

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):  # type: ignore[no-untyped-def]
            dbapi_conn = conn.connection.dbapi_connection
            dbapi_conn.enter()
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            except BaseException:
                dbapi_conn.leave()
                raise

        return engine
    # No pre-ping: it costs a round trip on every checkout (~1 ms, measured on the webhook path).
    # Connections are recycled before server-side idle timeouts instead; a connection that died
    # anyway fails one request, which the platforms retry and the unique msg_id makes harmless.
    return create_engine(url, pool_recycle=1800, pool_size=5, max_overflow=10, hide_parameters=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def upgrade(url: str) -> None:
    """Bring the schema to the newest revision (every head, should branches ever exist)."""
    from alembic import command
    from alembic.config import Config

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    command.upgrade(config, "heads")
