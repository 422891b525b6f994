"""The Services container: everything a web process or worker needs, built once from Settings.

Nothing connects at import time. ``bot.wiring.build_services`` fills it (adapters included)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from redis import Redis
from rq import Queue
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.deadlines import DeadlineCalculator, DeadlinePolicy
from bot.cases.workdays import WorkCalendar
from bot.clock import Clock
from bot.config import Settings
from bot.db import make_engine, make_session_factory

if TYPE_CHECKING:  # the adapters' interface; only the type, so no import cycle with bot.messaging
    from bot.messaging.adapter import PlatformAdapter

log = logging.getLogger(__name__)


@dataclass(eq=False)  # compared and hashed by identity: one container per process
class Services:
    settings: Settings
    clock: Clock = field(default_factory=Clock)
    adapters: dict[str, PlatformAdapter] = field(default_factory=dict)

    @cached_property
    def engine(self) -> Engine:
        return make_engine(self.settings.database_url)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        return make_session_factory(self.engine)

    @cached_property
    def redis(self) -> Redis:
        if not self.settings.redis_url:
            raise RuntimeError("REDIS_URL is not set (the runner starts an embedded Redis and sets it)")
        return Redis.from_url(self.settings.redis_url, socket_timeout=10, socket_connect_timeout=5)

    @cached_property
    def queue(self) -> Queue:
        return Queue(self.settings.queue_name, connection=self.redis)

    @cached_property
    def deadlines(self) -> DeadlineCalculator:
        return DeadlineCalculator(
            DeadlinePolicy.from_file(self.settings.deadlines_file),
            WorkCalendar.from_file(self.settings.holidays_file),
        )

    def adapter(self, platform: str) -> PlatformAdapter:
        try:
            return self.adapters[platform]
        except KeyError:
            raise LookupError(f"no adapter configured for platform {platform!r}") from None
