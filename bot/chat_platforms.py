"""The one list of chat platforms the bot speaks on. Adding a platform = its modules + one entry here.

Plain data that imports nothing of ours (settings, the web factory, the CLI, the runner, the
dashboard and the adapter wiring all read it). Code is named by dotted path and loaded only when
the platform is configured, so an unconfigured platform's SDK is never imported.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChatPlatform:
    name: str  # stored in IncomingMessage.platform, OutboundMessage.platform, identities
    label: str  # shown to people (dashboard, office alerts)
    env_prefix: str  # WECOM_ → settings.platforms["wecom"]; "" for the local simulator
    adapter: str  # "module:function" building the adapter from Services
    blueprint: str = ""  # "module:attribute" of its Flask blueprint (webhooks), if it has one
    cli: str = ""  # module contributing `python -m bot …` subcommands through add_subcommands()
    # A long-connection client the runner starts: (setting in the platform's section, value, subcommand).
    long_connection: tuple[str, str, str] | None = None

    @property
    def is_simulator(self) -> bool:
        return not self.env_prefix


PLATFORMS: tuple[ChatPlatform, ...] = (
    ChatPlatform("simulator", "模拟器", "", "bot.platforms.simulator:SimulatorAdapter",
                 blueprint="bot.web.simulator:blueprint"),
    ChatPlatform("wecom", "企业微信", "WECOM_", "bot.platforms.wecom:build_adapter",
                 blueprint="bot.platforms.wecom_views:blueprint", cli="bot.platforms.wecom_cli",
                 long_connection=("mode", "ws", "wecom-ws")),
    ChatPlatform("dingtalk", "钉钉", "DINGTALK_", "bot.platforms.dingtalk:build_adapter",
                 blueprint="bot.platforms.dingtalk_views:blueprint", cli="bot.platforms.dingtalk_cli",
                 long_connection=("mode", "stream", "dingtalk-stream")),
)

LABELS: dict[str, str] = {p.name: p.label for p in PLATFORMS}

# How a long-connection client ends when going on would be wrong, so that the runner can say why.
EXIT_CONFIG = 2  # credentials missing, or refused again after retries: a setting is wrong
EXIT_TAKEN_OVER = 3  # another deployment opened a newer connection for the same bot
LONG_CONNECTION_EXITS: dict[int, str] = {
    EXIT_CONFIG: "its credentials are missing or were refused (see its log above); fix the settings",
    EXIT_TAKEN_OVER: ("another deployment of this bot took over its connection; stop the other one "
                      "or give it its own bot"),
}


def by_name(name: str) -> ChatPlatform:
    for platform in PLATFORMS:
        if platform.name == name:
            return platform
    raise LookupError(f"unknown chat platform {name!r}")
