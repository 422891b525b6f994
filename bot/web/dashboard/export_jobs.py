"""Large case exports as a background RQ job, with progress the page can poll.

The state of one export is a Redis hash ``web:export:<id>`` (owner, filters, state, rows done /
total, file name) that expires with the file after EXPORT_TTL_S; the workbook goes to
``var/exports/<id>.xlsx``. Only the user who asked can read the state or download the file (the
id is also unguessable). Losing Redis only loses pending exports: the user asks again.
No Flask in here: the worker runs it.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import selectinload
from werkzeug.datastructures import MultiDict

from bot.cases.pii import mask_text
from bot.services import Services
from bot.web.dashboard import excel
from bot.web.dashboard.case_rows import CASE_HEADERS, case_rows
from bot.web.dashboard.filters import case_query, ordered, parse_filters
from bot.web.permissions import can, sees_phones
from models import Case, CaseUnit, User

log = logging.getLogger(__name__)

EXPORT_TTL_S = 24 * 3600
SYNC_EXPORT_ROWS = 5_000  # up to this many rows the download is built in the request
MAX_JOB_ROWS = 200_000
PROGRESS_EVERY = 500
JOB = "bot.jobs.run_export"
_ID_CHARS = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class ExportState:
    export_id: str
    user_id: int
    state: str  # queued | running | done | failed
    done: int
    total: int

    @property
    def percent(self) -> int:
        if self.state == "done":
            return 100
        return min(99, int(100 * self.done / self.total)) if self.total else 0


def _decoded(raw: Mapping[bytes | str, bytes | str]) -> dict[str, str]:
    return {(k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v)
            for k, v in raw.items()}


def _key(export_id: str) -> str:
    return f"web:export:{export_id}"


def exports_dir(services: Services) -> Path:
    return services.settings.var_dir / "exports"


def file_path(services: Services, export_id: str) -> Path:
    return exports_dir(services) / f"{export_id}.xlsx"


def sweep_expired(services: Services, now_s: float | None = None) -> int:
    """Delete export files older than EXPORT_TTL_S; returns how many."""
    folder = exports_dir(services)
    if not folder.is_dir():
        return 0
    limit = (now_s or time.time()) - EXPORT_TTL_S
    removed = 0
    for path in folder.glob("*.xlsx*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def start_export(services: Services, user_id: int, args: Sequence[tuple[str, str]], total: int) -> str:
    """Record the request and enqueue the job; ``args`` are the list page's query arguments."""
    sweep_expired(services)
    export_id = secrets.token_hex(16)
    key = _key(export_id)
    services.redis.hset(key, mapping={"user_id": user_id, "state": "queued", "done": 0, "total": total,
                                      "args": json.dumps(list(args), ensure_ascii=False)})
    services.redis.expire(key, EXPORT_TTL_S)
    services.queue.enqueue(JOB, export_id, job_id=f"export-{export_id}", job_timeout=1800,
                           result_ttl=EXPORT_TTL_S, failure_ttl=EXPORT_TTL_S)
    return export_id


def export_state(services: Services, export_id: str, user_id: int) -> ExportState | None:
    """The export if it exists, has not expired and belongs to ``user_id``; else None."""
    if len(export_id) != 32 or not set(export_id) <= _ID_CHARS:
        return None
    raw = services.redis.hgetall(_key(export_id))
    if not raw:
        return None
    fields = _decoded(raw)
    if int(fields["user_id"]) != user_id:
        return None
    return ExportState(export_id, user_id, fields["state"], int(fields["done"]), int(fields["total"]))


def _progress(services: Services, key: str, rows: Iterable[list[Any]]) -> Iterator[list[Any]]:
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0:
            services.redis.hset(key, "done", done)
    services.redis.hset(key, "done", done)


def build_export(services: Services, export_id: str) -> str:
    """The job body; running it twice rewrites the same file."""
    key = _key(export_id)
    raw = services.redis.hgetall(key)
    if not raw:
        return "expired"
    fields = _decoded(raw)
    if fields["state"] == "done" and file_path(services, export_id).is_file():
        return "done"
    services.redis.hset(key, "state", "running")
    now = services.clock.now()
    try:
        with services.sessions() as session:
            user = session.get(User, int(fields["user_id"]))
            if user is None or not can(user, "export"):
                services.redis.hset(key, "state", "failed")
                return "refused"
            filters = parse_filters(MultiDict(json.loads(fields["args"])))
            query = case_query(user, filters, now, services.settings.timezone)
            cases = session.scalars(
                ordered(query, filters).limit(MAX_JOB_ROWS)
                .options(selectinload(Case.lead_unit), selectinload(Case.units).selectinload(CaseUnit.unit))
                .execution_options(yield_per=500)
            )
            phones = sees_phones(user)

            def shown(text: str | None) -> str:
                return (text if phones else mask_text(text)) if text else ""

            book = excel.new_book()
            excel.add_sheet(book, "工单", CASE_HEADERS,
                            _progress(services, key, case_rows(cases, now, services.deadlines.local, shown)))
            target = file_path(services, export_id)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".xlsx.part")
            book.save(partial)
            os.replace(partial, target)  # the download never sees half a file
    except Exception:
        services.redis.hset(key, "state", "failed")
        log.exception("export failed id=%s", export_id)
        raise
    services.redis.hset(key, "state", "done")
    return "done"
