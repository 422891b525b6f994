"""A prefecture's year, compressed, under faults: ten county installations on one PostgreSQL cluster
and one Redis (both our own, so they can be killed), ~300 units, posts and the commands that follow
them sent through the real webhooks (simulator, WeCom and DingTalk callbacks against the fakes),
real gunicorn, RQ workers and ``rq cron`` per county. Along the way: worker SIGKILLs (work horse,
worker, both), a Redis restart (without persistence: every queued job forgotten), a PostgreSQL crash
and restart, platform 5xx and rate-limit bursts. Then a throughput burst on one county with 1, 2
and 4 workers, and a scan of every log line for personal data.

Prints one table and the log scan; asserts nothing (bench/, not tests/). The model county had
2,002 posts a year; a prefecture ~20,000. The work is the messages, ~6 per post (the post and the
commands that follow it): on the shared 2-core machine at load 8-15 ten counties got through ~2 a
second, so the default size (300 posts over 30 working days, bursts of 100) took 36 minutes there,
15 for the year and 18 for the three bursts (``--burst 0`` skips them); ``--posts 20000 --days 245``
is the full year, ~16 hours at that rate. Usage:

    .venv/bin/python bench/prefecture.py [--counties 10] [--posts 300] [--days 30] [--workers 1]
        [--burst 100] [--sqlite] [--keep]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.year.faults import Fault  # noqa: E402
from bench.year.figures import compute, table  # noqa: E402
from bench.year.logscan import report, scan  # noqa: E402
from bench.year.run import YearConfig, YearRun  # noqa: E402

# Spread over the year; the kills wait for a job in flight.
FAULTS = (
    Fault(0.08, "kill_horse"),
    Fault(0.16, "restart_redis"),
    Fault(0.24, "platform_5xx", count=60),
    Fault(0.32, "kill_worker"),
    Fault(0.40, "restart_postgres"),
    Fault(0.48, "rate_limit", count=60),
    Fault(0.56, "kill_worker_group"),
    Fault(0.64, "kill_horse"),
    Fault(0.72, "platform_5xx", count=60),
    Fault(0.80, "restart_redis"),
    Fault(0.88, "kill_horse"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counties", type=int, default=10)
    parser.add_argument("--units", type=int, default=30, help="units per county")
    parser.add_argument("--posts", type=int, default=300, help="posts in the whole prefecture")
    parser.add_argument("--days", type=int, default=30, help="working days of the year to run")
    parser.add_argument("--workers", type=int, default=1, help="RQ workers per county during the year")
    parser.add_argument("--burst", type=int, default=100, help="posts per throughput burst (0: skip)")
    parser.add_argument("--sqlite", action="store_true", help="SQLite files instead of our own PostgreSQL")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs, databases)")
    args = parser.parse_args()
    config = YearConfig(counties=args.counties, units_per_county=args.units, posts=args.posts, working_days=args.days,
                        workers=args.workers, database="sqlite" if args.sqlite else "postgresql", seed=args.seed,
                        faults=FAULTS, throughput_burst=args.burst, keep=args.keep,
                        progress=lambda line: print(line, flush=True))
    run = YearRun(config)
    try:
        result = run.run()
        end = time.time()
        figures = compute(result, end)
        run.supervisor.stop_all()  # every process's log is complete before the scan
        scanned = scan(sorted(result.log_dir.glob("*.log")), result.secrets)
    finally:
        run.close()
    print()
    for line in table(result, figures):
        print(line)
    print()
    for line in report(scanned):
        print(line)
    if args.posts < 20000:
        print(f"(measured at {args.posts} posts; the prefecture's year is ~20,000)")
    print(f"lost + duplicated = {figures.lost + figures.duplicated} (target 0)")
    if len(result.throughput) > 1:
        low, high = min(result.throughput), max(result.throughput)
        (posts_low, s_low), (posts_high, s_high) = result.throughput[low], result.throughput[high]
        print(f"ratio={(posts_high / s_high) / (posts_low / s_low):.2f}  (throughput, {high} workers vs {low})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
