"""Process wiring: build the Services container with the adapter of every configured chat platform.

Kept apart from ``bot.services`` (the container the domain receives) so that the domain never
depends on the platform adapters: only the processes (web, worker, CLI, runner) import this.
"""

from __future__ import annotations

import importlib
from typing import Any

from bot.chat_platforms import PLATFORMS, ChatPlatform
from bot.clock import Clock
from bot.config import Settings
from bot.messaging.adapter import PlatformAdapter
from bot.services import Services


def load(dotted: str) -> Any:
    """``"package.module:attribute"`` → the attribute (imports the module on first use)."""
    module, _, attribute = dotted.partition(":")
    return getattr(importlib.import_module(module), attribute)


def is_configured(platform: ChatPlatform, settings: Settings) -> bool:
    """The simulator runs when enabled; a real platform when its settings section exists."""
    return settings.simulator_enabled if platform.is_simulator else platform.name in settings.platforms


def configured_platforms(settings: Settings) -> list[ChatPlatform]:
    return [p for p in PLATFORMS if is_configured(p, settings)]


def build_adapters(services: Services) -> dict[str, PlatformAdapter]:
    return {p.name: load(p.adapter)(services) for p in configured_platforms(services.settings)}


def build_services(settings: Settings) -> Services:
    """Services with every adapter whose configuration is present."""
    services = Services(settings=settings, clock=Clock(settings.clock_offset_s,
                                                       offset_file=settings.var_dir / "demo_clock_offset_s"))
    services.adapters = build_adapters(services)
    return services
