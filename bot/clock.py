"""The clock the domain reads. Tests and the demo shift it; production leaves the offset at 0."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path


@dataclass
class Clock:
    offset_s: float = 0.0
    # Demo fast-forward shared by every process of one installation (web, worker, cron):
    # ``python -m bot clock`` writes seconds into this file; absent or empty means 0.
    offset_file: Path | None = None

    def now(self) -> datetime:
        return datetime.now(timezone.utc) + timedelta(seconds=self.offset_s + self.shared_offset_s())

    def shared_offset_s(self) -> float:
        if self.offset_file is None:
            return 0.0
        try:
            return float(self.offset_file.read_text().strip() or 0)
        except (OSError, ValueError):
            return 0.0
