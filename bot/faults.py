"""Fault-injection points for crash tests: ``BOT_FAULT_KILL_AT=<name>`` makes the process
SIGKILL itself when it reaches that point (once per marker file, so the retry can pass)."""

from __future__ import annotations

import os
import signal
from pathlib import Path


def checkpoint(name: str) -> None:
    target = os.environ.get("BOT_FAULT_KILL_AT")
    if not target or target != name:
        return
    marker = os.environ.get("BOT_FAULT_MARKER")
    if marker:
        path = Path(marker)
        if path.exists():
            return
        path.write_text(name)
    os.kill(os.getpid(), signal.SIGKILL)
