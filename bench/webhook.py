"""Simulator intake (parse + store + commit, then enqueue) vs a bare Flask endpoint, same gunicorn settings.

Prints req/s and p50/p99 for both at BENCH_CONCURRENCY (8), then a burst: BENCH_BURST (200)
deliveries at the same instant, each on a new connection, with the slowest acknowledgement and how
many took over WeCom's 5 s; then ratio=<intake rps / bare rps>. Targets: ratio ≥ 0.5, p99 ≤ 100 ms,
every burst delivery acknowledged well inside 5 s. Not a test: printed, never asserted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._load import run_burst, run_load, wait_http  # noqa: E402
from bot import embedded_redis  # noqa: E402
from bot.config import ROOT  # noqa: E402
from bot.embedded_redis import free_port  # noqa: E402

TOTAL = int(os.environ.get("BENCH_REQUESTS", "3000"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
BURST = int(os.environ.get("BENCH_BURST", "200"))
# What `make run` starts (WEB_CONCURRENCY=2 workers, 4 threads each); BENCH_WORKERS/BENCH_THREADS to vary.
GUNICORN = [str(Path(sys.executable).parent / "gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"),
            "--workers", os.environ.get("BENCH_WORKERS", "2"),
            "--threads", os.environ.get("BENCH_THREADS", "4"), "--log-level", "warning"]


def serve(app: str, env: dict[str, str], chdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([*GUNICORN, "--bind", f"127.0.0.1:{port}", "--chdir", str(chdir), app], env=env)
    url = f"http://127.0.0.1:{port}"
    wait_http(url + "/", proc)
    return proc, url


def scratch_database(tmp: Path) -> str:
    """SQLite in a temp folder, or a fresh PostgreSQL database when BENCH_POSTGRES_URL names a server."""
    admin = os.environ.get("BENCH_POSTGRES_URL")
    if not admin:
        return f"sqlite:///{tmp / 'bot.db'}"
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{admin.rsplit('/', 1)[0]}/{name}"


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-webhook-"))
    redis_proc, redis_url = embedded_redis.start(tmp / "redis", persist=False)
    env = dict(os.environ, DATABASE_URL=scratch_database(tmp),
               REDIS_URL=redis_url, BOT_VAR_DIR=str(tmp / "var"), BOT_SIMULATOR="1", BOT_QUEUE="bench")
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "bot", "seed-demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    run_id = uuid.uuid4().hex[:8]

    def body(i: int) -> dict[str, str]:
        return {"chat": "office", "sender": "zhaolei", "text": f"东湖路第{i}号路灯不亮，请尽快维修", "msg_id": f"{run_id}-{i}"}

    results = {}
    bursts = {}
    for name, app, chdir in (("bare flask", "bare_app:app", ROOT / "bench"), ("intake (store+enqueue)", "wsgi:app", ROOT)):
        proc, url = serve(app, env, chdir)
        try:
            warm_prefix = f"warm-{name}"
            run_load(url + "/simulator/api/messages", lambda i, p=warm_prefix: {**body(i), "msg_id": f"{p}-{i}"},
                     200, CONCURRENCY)
            results[name] = run_load(url + "/simulator/api/messages", body, TOTAL, CONCURRENCY)
            burst_prefix = f"burst-{name}-{run_id}"
            bursts[name] = run_burst(url + "/simulator/api/messages",
                                     lambda i, p=burst_prefix: {**body(i), "msg_id": f"{p}-{i}"}, BURST)
        finally:
            proc.terminate()
            proc.wait()
    redis_proc.terminate()
    redis_proc.wait()
    for name, result in results.items():
        print(result.line(name))
    for name, burst in bursts.items():
        late = sum(1 for ms in burst.latencies_ms if ms > 5000)
        print(f"burst of {BURST} ({name}): all answered in {burst.seconds * 1000:.0f} ms, p50 {burst.pct(0.5):.0f} ms, "
              f"p99 {burst.pct(0.99):.0f} ms, slowest {max(burst.latencies_ms):.0f} ms, over 5 s: {late}, "
              f"errors {burst.errors}")
    bare, intake = results["bare flask"], results["intake (store+enqueue)"]
    if "BENCH_POSTGRES_URL" in os.environ:
        import psycopg

        with psycopg.connect(os.environ["BENCH_POSTGRES_URL"].replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{env["DATABASE_URL"].rsplit("/", 1)[1]}" WITH (FORCE)')
    print(f"database: {env['DATABASE_URL'].split(':', 1)[0]}, requests: {TOTAL}, concurrency: {CONCURRENCY}")
    print(f"ratio={intake.rps / bare.rps:.2f}")


if __name__ == "__main__":
    main()
