"""gunicorn settings for the bot's web processes (read from the working directory by `make run`,
the systemd units and the container image; `gunicorn -c gunicorn.conf.py` names it explicitly).

Workers and threads stay on the command line (WEB_CONCURRENCY workers of 4 threads by default).
"""

import sys


def post_fork(server, worker):  # type: ignore[no-untyped-def]
    # The webhook's threads each hold the database's write lock for a few statements, releasing the
    # GIL inside every SQLite or PostgreSQL call. With the default 5 ms switch interval a lock holder
    # can wait that long for the GIL each time, and every thread queued behind it waits too (p99
    # 107 ms at concurrency 8 on SQLite); 0.5 ms hands the GIL back sooner (p99 69 ms, bench/webhook.py).
    sys.setswitchinterval(0.0005)
