"""The webhook path, the same for every platform: store, commit, answer, enqueue.

A view verifies and parses, then calls ``accept``. The unique (platform, msg_id) key makes a
retried or concurrent duplicate delivery a no-op. The row is committed before the view answers;
the job that processes it goes to Redis after that, off the request thread: a per-process
``Enqueuer`` sends whatever has gathered meanwhile in one pipeline. Answering first risks nothing:
a row whose job never reached Redis (the process died, Redis was down) stays ``received``, and
``recovery`` re-enqueues it from the database (every minute, for rows older than 30 s).
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import weakref
from dataclasses import dataclass
from typing import Any, cast

from rq import Queue
from sqlalchemy import Executable, Insert, Table, bindparam, insert, select
from sqlalchemy.exc import IntegrityError

from bot.messaging.codec import incoming_to_json
from bot.messaging.job_ids import job_id
from bot.messaging.messages import IncomingMessage
from bot.services import Services
from models import InboundMessage

log = logging.getLogger(__name__)

PROCESS_JOB = "bot.jobs.process_inbound"
JOB_TIMEOUT_S = 300
FAILURE_TTL_S = 7 * 86400
BATCH = 500  # jobs per Redis pipeline at most
IDLE_S = 5.0  # an enqueuer thread with nothing to do for this long ends (a new one starts on demand)

# Built once, so the hot path only binds values: Core statements on the table skip the ORM's
# bulk-insert machinery, and a statement object that is reused computes its cache key once.
_TABLE = cast(Table, InboundMessage.__table__)
_COLUMNS = ("platform", "msg_id", "chat_id", "chat_type", "sender_id", "payload", "received_at", "state")
_INSERT = insert(_TABLE).values({c: bindparam(c) for c in _COLUMNS}).returning(_TABLE.c.id)
_EXISTING = select(_TABLE.c.id).where(_TABLE.c.platform == bindparam("platform"),
                                      _TABLE.c.msg_id == bindparam("msg_id"))


@dataclass(frozen=True)
class AlsoInsert:
    """A row stored with the inbound row, atomically, and only if the delivery is not a duplicate
    (the simulator's chat-log line). ``statement`` is built once with ``bindparam``s whose names do
    not clash with the inbound row's columns (prefix them); ``params`` fills them."""

    statement: Insert
    params: dict[str, Any]


@dataclass(frozen=True)
class Accepted:
    inbound_id: int
    duplicate: bool


_SINGLE: dict[int, tuple[Insert | None, Executable]] = {}


def _single_statement(also: Insert | None) -> Executable:
    """PostgreSQL: the inbound row and its companion in ONE statement (data-modifying CTEs), run
    in autocommit: one round trip that is its own transaction, committed when it returns."""
    found = _SINGLE.get(id(also))
    if found is None:
        inbound = _INSERT.cte("inbound")
        combined = select(inbound.c.id)
        found = _SINGLE[id(also)] = (also, combined.add_cte(also.cte("also_row")) if also is not None else combined)
    return found[1]


def accept(services: Services, msg: IncomingMessage, also: AlsoInsert | None = None) -> Accepted:
    """Store and commit, then hand the job to the enqueuer. When this returns, the message is
    durable in the database: the caller may acknowledge it."""
    values = {
        "platform": msg.platform, "msg_id": msg.msg_id, "chat_id": msg.chat_id, "chat_type": msg.chat_type,
        "sender_id": msg.sender_id, "payload": incoming_to_json(msg),
        "received_at": msg.received_at or services.clock.now(), "state": "received",
    }
    engine = services.engine
    try:
        if engine.dialect.name == "postgresql":
            statement = _single_statement(also.statement if also else None)
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                inbound_id = int(conn.execute(statement, {**values, **(also.params if also else {})}).scalar_one())
        else:  # SQLite: no round trips to save; one write transaction (BEGIN IMMEDIATE, bot.db)
            with engine.begin() as conn:
                inbound_id = int(conn.execute(_INSERT, values).scalar_one())
                if also is not None:
                    conn.execute(also.statement, also.params)
    except IntegrityError:
        with engine.connect() as conn:
            existing = conn.execute(_EXISTING, {"platform": msg.platform, "msg_id": msg.msg_id}).scalar()
        if existing is None:  # another constraint failed: not stored, so not to be acknowledged
            raise
        log.info("duplicate delivery platform=%s inbound=%s", msg.platform, existing)
        return Accepted(int(existing), duplicate=True)
    enqueuer(services).submit(inbound_id)
    return Accepted(inbound_id, duplicate=False)


def job_data(services: Services, inbound_id: int):  # type: ignore[no-untyped-def]
    return Queue.prepare_data(PROCESS_JOB, (inbound_id,), job_id=job_id(services, "inbound", inbound_id),
                              timeout=JOB_TIMEOUT_S,
                              failure_ttl=FAILURE_TTL_S)


def enqueue_inbound(services: Services, inbound_id: int) -> bool:
    """Queue the processing job now (recovery's path); a Redis outage is logged, the row stays safe."""
    return enqueue_many(services, [inbound_id])


def enqueue_many(services: Services, inbound_ids: list[int]) -> bool:
    """One Redis round trip for the lot (RQ's own job format, deterministic job ids)."""
    try:
        with services.redis.pipeline() as pipe:
            services.queue.enqueue_many([job_data(services, i) for i in inbound_ids], pipeline=pipe)
            pipe.execute()
    except Exception as exc:  # redis.ConnectionError and friends: the rows are safe in the database
        log.warning("enqueue failed inbound=%s… (%s rows) error=%s; recovery will re-enqueue them",
                    inbound_ids[0], len(inbound_ids), exc.__class__.__name__)
        return False
    return True


class Enqueuer:
    """Hands committed inbound ids to RQ from a background thread of this process, in batches.

    ``submit`` never blocks on Redis; ``flush`` waits until everything submitted so far was sent
    (tests, and process exit)."""

    def __init__(self, services: Services) -> None:
        self._services = weakref.ref(services)  # the registry below must not keep Services alive
        self._pending: list[int] = []
        self._sending = 0
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._pid = os.getpid()

    def submit(self, inbound_id: int) -> None:
        with self._cond:
            self._pending.append(inbound_id)
            if self._thread is None or not self._thread.is_alive() or self._pid != os.getpid():
                self._pid = os.getpid()  # a forked child does not inherit the parent's thread
                self._thread = threading.Thread(target=self._run, name="inbound-enqueuer", daemon=True)
                self._thread.start()
            self._cond.notify()

    def flush(self, timeout: float = 10.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._sending, timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                if not self._cond.wait_for(lambda: self._pending, IDLE_S):
                    if self._thread is threading.current_thread():
                        self._thread = None
                    return
                batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
                self._sending += 1
            try:
                services = self._services()
                if services is not None:
                    enqueue_many(services, batch)
            finally:
                with self._cond:
                    self._sending -= 1
                    self._cond.notify_all()


_enqueuers: weakref.WeakKeyDictionary[Services, Enqueuer] = weakref.WeakKeyDictionary()
_enqueuers_lock = threading.Lock()


def enqueuer(services: Services) -> Enqueuer:
    found = _enqueuers.get(services)
    if found is None:
        with _enqueuers_lock:
            found = _enqueuers.setdefault(services, Enqueuer(services))
    return found


def flush_enqueues(services: Services, timeout: float = 10.0) -> bool:
    """Wait until every accepted message of this process has reached Redis (or failed to)."""
    found = _enqueuers.get(services)
    return True if found is None else found.flush(timeout)


@atexit.register
def _flush_all() -> None:  # a gunicorn worker stopping gracefully sends what it holds
    for found in list(_enqueuers.values()):
        found.flush(timeout=5.0)
