"""The clock the domain reads. Tests and the demo shift it; production leaves the offset at 0."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone


@dataclass
class Clock:
    offset_s: float = 0.0

    def now(self) -> datetime:
        return datetime.now(timezone.utc) + timedelta(seconds=self.offset_s)
