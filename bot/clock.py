"""The clock the domain reads. Tests and the demo shift it; production leaves the offset at 0."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
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

    # now() runs on the webhook's hot path: a stat per call, the file is read only when it changed.
    _cached: tuple[int, float] = field(default=(-1, 0.0), repr=False, compare=False)

    def shared_offset_s(self) -> float:
        if self.offset_file is None:
            return 0.0
        try:
            changed_at = os.stat(self.offset_file).st_mtime_ns
        except OSError:
            return 0.0
        if changed_at != self._cached[0]:
            try:
                value = float(self.offset_file.read_text().strip() or 0)
            except (OSError, ValueError):
                value = 0.0
            self._cached = (changed_at, value)
        return self._cached[1]
