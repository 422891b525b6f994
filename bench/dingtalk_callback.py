"""DingTalk HTTP callback (verify sign + parse + store + commit + enqueue) vs a bare Flask endpoint.

Both run under the same gunicorn settings in one run; prints req/s and p50/p99 for each, then
ratio=<callback rps / bare rps> last. Target ≥ 0.5×. Not a test: printed, never asserted.
BENCH_REQUESTS / BENCH_CONCURRENCY / BENCH_POSTGRES_URL as in bench/webhook.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._load import LoadResult, run_load  # noqa: E402
from bench.webhook import CONCURRENCY, TOTAL, scratch_database, serve  # noqa: E402
from bot import embedded_redis  # noqa: E402
from bot.config import ROOT  # noqa: E402
from bot.platforms.dingtalk_protocol import hmac_sign  # noqa: E402

APP_SECRET = "bench-app-secret"


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-dingtalk-"))
    redis_proc, redis_url = embedded_redis.start(tmp / "redis", persist=False)
    database_url = scratch_database(tmp)
    try:
        results = measure(tmp, redis_url, database_url)
    finally:
        redis_proc.terminate()
        redis_proc.wait()
        drop_scratch_database(database_url)
    for name, result in results.items():
        print(result.line(name))
    print(f"database: {database_url.split(':', 1)[0]}, requests: {TOTAL}, concurrency: {CONCURRENCY}")
    print(f"ratio={results['dingtalk callback'].rps / results['bare flask'].rps:.2f}")


def drop_scratch_database(database_url: str) -> None:
    """Even after a failed run: the scratch database goes, the server's own databases are never touched."""
    admin = os.environ.get("BENCH_POSTGRES_URL")
    if not admin or not database_url.startswith("postgresql"):
        return
    import psycopg

    with psycopg.connect(admin.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database_url.rsplit("/", 1)[1]}" WITH (FORCE)')


def measure(tmp: Path, redis_url: str, database_url: str) -> dict[str, LoadResult]:
    env = dict(os.environ, DATABASE_URL=database_url, REDIS_URL=redis_url, BOT_VAR_DIR=str(tmp / "var"),
               BOT_SIMULATOR="0", BOT_QUEUE="bench", DINGTALK_APP_KEY="dingbench", DINGTALK_APP_SECRET=APP_SECRET,
               DINGTALK_OPENAPI_ENDPOINT="http://127.0.0.1:9", DINGTALK_OAPI_ENDPOINT="http://127.0.0.1:9")
    subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "bot", "seed-demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    run_id = uuid.uuid4().hex[:8]
    timestamp = str(int(time.time() * 1000))
    headers = {"timestamp": timestamp, "sign": hmac_sign(APP_SECRET, timestamp)}

    def body(i: int, prefix: str = run_id) -> dict[str, object]:
        return {"msgId": f"{prefix}-{i}", "msgtype": "text", "text": {"content": f" 东湖路第{i}号路灯不亮，请尽快维修"},
                "conversationType": "2", "conversationId": "cid-office", "senderStaffId": "zhaolei",
                "senderNick": "赵磊", "robotCode": "dingbench", "createAt": int(timestamp),
                "sessionWebhook": "https://oapi.dingtalk.com/robot/sendBySession?session=x",
                "sessionWebhookExpiredTime": int(timestamp) + 5_400_000}

    results: dict[str, LoadResult] = {}
    for name, app, chdir in (("bare flask", "dingtalk_bare_app:app", ROOT / "bench"),
                             ("dingtalk callback", "wsgi:app", ROOT)):
        proc, url = serve(app, env, chdir)
        try:
            run_load(url + "/dingtalk/callback", lambda i, p=f"warm-{name}": body(i, p), 200, CONCURRENCY,
                     headers=headers, expect=200)
            results[name] = run_load(url + "/dingtalk/callback", body, TOTAL, CONCURRENCY, headers=headers, expect=200)
        finally:
            proc.terminate()
            proc.wait()
    return results

if __name__ == "__main__":
    main()
