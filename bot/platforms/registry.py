"""Which adapters run: the simulator when enabled, each real platform when its settings exist.

Adding a platform means one line here, its module and its blueprint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.platforms.base import PlatformAdapter
    from bot.services import Services


def build_adapters(services: Services) -> dict[str, PlatformAdapter]:
    adapters: dict[str, PlatformAdapter] = {}
    if services.settings.simulator_enabled:
        from bot.platforms.simulator import SimulatorAdapter

        adapters["simulator"] = SimulatorAdapter(services)
    # Real platforms register here when their settings are present (see bot/platforms/*.py).
    for name, module in (("wecom", "bot.platforms.wecom"), ("dingtalk", "bot.platforms.dingtalk")):
        if name in services.settings.platforms:
            import importlib

            adapters[name] = importlib.import_module(module).build_adapter(services)
    return adapters
