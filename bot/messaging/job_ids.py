"""Deterministic RQ job ids, scoped to the bot's queue.

A job id is deterministic so that a job enqueued twice (a retry, recovery after a Redis restart)
exists once. Rows are numbered from 1 in every database, so two bots sharing one Redis database
(two counties, or two test runs) would otherwise name each other's jobs: recovery would take the
other bot's live ``outbound-1`` for its own and skip a message. The queue's name is the scope.
"""

from __future__ import annotations

import re

from bot.services import Services

# RQ accepts job ids of letters, digits, "_" and "-" only (rq.job.validate_job_id raises ValueError).
_NOT_ALLOWED = re.compile(r"[^A-Za-z0-9_-]")


def job_id(services: Services, kind: str, key: int | str) -> str:
    """``"<queue name>__<kind>-<key>"``, e.g. ``"default__outbound-12"``."""
    return _NOT_ALLOWED.sub("_", f"{services.queue.name}__{kind}-{key}")
