"""WeCom AI-bot callbacks/s through verify + decrypt + store + enqueue (the real view, in-process
Flask test client, SQLite + embedded Redis) vs wechatpy's bare ``decrypt_message`` on the same
payloads, measured in one run.

Also measures the pre-accept step alone (``wecom_views.verified_message``: constant-time
signature, timestamp window, envelope, decrypt, nonce replay SET NX in Redis, parse to
IncomingMessage — everything before ``bot.messaging.inbound.accept``) on its own fresh-nonce payloads, so
the output shows where the time goes. Prints p50/p99 ack latency and ``ratio=<full path/bare>``
last. Not a test: nothing is asserted. BENCH_CALLBACKS sets the count (default 400).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import embedded_redis  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import upgrade  # noqa: E402
from bot.platforms.wecom_crypto import CallbackCrypto  # noqa: E402

TOTAL = int(os.environ.get("BENCH_CALLBACKS", "400"))
TOKEN, KEY = "benchtoken", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"


def payloads(run_id: str) -> list[tuple[dict[str, str], str]]:
    crypto = CallbackCrypto(TOKEN, KEY, "")
    out = []
    for i in range(TOTAL):
        body = {"msgid": f"{run_id}-{i}", "aibotid": "AIBOT", "chatid": "wr-office", "chattype": "group",
                "from": {"userid": "zhaolei"}, "msgtype": "text", "text": {"content": f"@督办助手 东湖路第{i}号路灯不亮"}}
        ts, nonce = str(int(time.time())), uuid.uuid4().hex[:16]
        encrypt, sig = crypto.encrypt(json.dumps(body, ensure_ascii=False), nonce, ts)
        out.append(({"msg_signature": sig, "timestamp": ts, "nonce": nonce}, encrypt))
    return out


def main() -> None:
    from wechatpy.enterprise.crypto import WeChatCrypto  # noqa: TID251 (the baseline is bare wechatpy by design)

    from bot.platforms.wecom_views import verified_message
    from bot.seed import seed_demo
    from bot.web import create_app
    from bot.wiring import build_services

    tmp = Path(tempfile.mkdtemp(prefix="bench-wecom-"))
    redis_proc, redis_url = embedded_redis.start(tmp, persist=False)
    try:
        settings = Settings.from_env({"TZ": "Asia/Shanghai"}, database_url=f"sqlite:///{tmp / 'bot.db'}",
                                     redis_url=redis_url, var_dir=tmp / "var", queue_name="bench-wecom",
                                     simulator_enabled=False)
        settings = replace(settings, platforms={"wecom": {"aibot_token": TOKEN, "aibot_encoding_aes_key": KEY}})
        upgrade(settings.database_url)
        services = build_services(settings)
        seed_demo(services)
        client = create_app(services=services).test_client()
        logging.getLogger("bot.platforms.wecom_views").setLevel(logging.WARNING)  # 400 INFO lines, no signal
        items = payloads(uuid.uuid4().hex[:8])
        pre_items = payloads(uuid.uuid4().hex[:8])  # own nonces: the replay check must pass

        bare = WeChatCrypto(TOKEN, KEY, "")
        started = time.perf_counter()
        for params, encrypt in items:
            bare.decrypt_message({"Encrypt": encrypt}, params["msg_signature"], params["timestamp"], params["nonce"])
        bare_s = time.perf_counter() - started

        bodies = [(params, json.dumps({"encrypt": encrypt}).encode()) for params, encrypt in pre_items]
        started = time.perf_counter()
        for params, body in bodies:
            msg = verified_message(services, "aibot", params, body)
            assert msg is not None
        pre_s = time.perf_counter() - started

        # The one network round trip inside the pre-accept step, alone, for the breakdown.
        started = time.perf_counter()
        for i in range(TOTAL):
            services.redis.set(f"bench:wecom:rt:{i}", "1", nx=True, ex=60)
        redis_s = time.perf_counter() - started

        latencies = []
        started = time.perf_counter()
        for params, encrypt in items:
            t0 = time.perf_counter()
            response = client.post("/wecom/aibot", query_string=params, data=json.dumps({"encrypt": encrypt}))
            latencies.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.status_code
        full_s = time.perf_counter() - started
        queued = len(services.queue)
        latencies.sort()
        bare_rps, pre_rps, full_rps = TOTAL / bare_s, TOTAL / pre_s, TOTAL / full_s
        us = 1e6 / TOTAL
        print(f"bare wechatpy decrypt_message:  {bare_rps:>9,.0f}/s  {bare_s * us:8.1f} us/callback")
        print(f"pre-accept (verify+decrypt+nonce+parse): {pre_rps:,.0f}/s  {pre_s * us:.1f} us/callback  "
              f"ratio_pre_accept={pre_rps / bare_rps:.4f}")
        print(f"  of which one Redis SET NX round trip (measured alone): {redis_s * us:.1f} us; remainder "
              f"(verify, window, decrypt, parse, clock): {(pre_s - redis_s) * us:.1f} us")
        print(f"verify+decrypt+store+enqueue:   {full_rps:>9,.0f}/s  {full_s * us:8.1f} us/callback  "
              f"p50={latencies[len(latencies) // 2]:.1f}ms p99={latencies[int(len(latencies) * 0.99)]:.1f}ms  "
              f"queued={queued}")
        print(f"time per callback: pre-accept {pre_s * us:.0f} us, accept (DB commit + enqueue) + Flask "
              f"{(full_s - pre_s) * us:.0f} us")
        services.queue.empty()
        print(f"ratio={full_rps / bare_rps:.4f}")
    finally:
        redis_proc.terminate()
        redis_proc.wait(timeout=10)


if __name__ == "__main__":
    main()
