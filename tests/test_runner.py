"""`python -m bot run` (what `make run` starts) on a port that is taken: a clear error, nothing started."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_taken_port_is_refused_before_anything_starts(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        env = {**os.environ, "PORT": str(port), "BOT_VAR_DIR": str(tmp_path / "var"),
               "REDIS_URL": "redis://127.0.0.1:1/0"}
        for name in ("WECOM_CORP_ID", "DINGTALK_APP_KEY"):
            env.pop(name, None)
        done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=60)
    assert done.returncode == 2
    assert f"port {port} on 127.0.0.1 is already in use" in done.stderr
    assert "is running" not in done.stdout
    assert not (tmp_path / "var").exists()  # no database, no Redis, no demo data
