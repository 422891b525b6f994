"""Settings: one object, read from the environment (and YAML files it points to)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.chat_platforms import PLATFORMS

ROOT = Path(__file__).resolve().parent.parent


def _int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key)
    return int(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    database_url: str = f"sqlite:///{ROOT / 'var' / 'bot.db'}"
    redis_url: str = ""  # empty: the runner starts an embedded Redis and sets it
    timezone: str = "Asia/Shanghai"
    var_dir: Path = ROOT / "var"
    units_file: Path = ROOT / "config" / "units.yaml"
    deadlines_file: Path = ROOT / "config" / "deadlines.yaml"
    holidays_file: Path = ROOT / "data" / "holidays.yaml"
    queue_name: str = "bot"
    max_body_bytes: int = 1_048_576  # webhook bodies over this get 413
    max_text_chars: int = 20_000
    simulator_enabled: bool = True
    secret_key: str = "dev-only-change-me"
    # Where the outside world reaches our web app (e.g. https://dubanzhushou.example.gov.cn): needed for
    # links DingTalk clients open, such as chart images (bot/messaging/media_links.py). Empty: no such links.
    public_url: str = ""
    # Demo clock: seconds added to the wall clock (``python -m bot clock``); 0 in production.
    clock_offset_s: int = 0
    platforms: dict[str, dict[str, str]] = field(default_factory=dict)  # filled by platform adapters

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if env is None else env
        base = cls()
        var_dir = Path(env.get("BOT_VAR_DIR") or base.var_dir)
        settings = replace(
            base,
            database_url=env.get("DATABASE_URL") or f"sqlite:///{var_dir / 'bot.db'}",
            redis_url=env.get("REDIS_URL", ""),
            timezone=env.get("TZ") or base.timezone,
            var_dir=var_dir,
            units_file=Path(env.get("BOT_UNITS_FILE") or base.units_file),
            deadlines_file=Path(env.get("BOT_DEADLINES_FILE") or base.deadlines_file),
            holidays_file=Path(env.get("BOT_HOLIDAYS_FILE") or base.holidays_file),
            queue_name=env.get("BOT_QUEUE") or base.queue_name,
            max_body_bytes=_int(env, "BOT_MAX_BODY_BYTES", base.max_body_bytes),
            max_text_chars=_int(env, "BOT_MAX_TEXT_CHARS", base.max_text_chars),
            # The simulator runs when no platform is configured, or when asked for explicitly.
            simulator_enabled=_flag(env.get("BOT_SIMULATOR"), default=not _platform_settings(env)),
            secret_key=env.get("SECRET_KEY") or base.secret_key,
            public_url=(env.get("BOT_PUBLIC_URL") or "").rstrip("/"),
            clock_offset_s=_int(env, "BOT_CLOCK_OFFSET_S", 0),
            platforms=_platform_settings(env),
        )
        return replace(settings, **overrides) if overrides else settings


def _flag(raw: str | None, default: bool) -> bool:
    if raw is None or raw == "":
        return default
    return raw.lower() not in ("0", "false", "no", "off")


def _platform_settings(env: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Group each platform's variables (WECOM_*, DINGTALK_*…) into its section; adapters read their own."""
    sections: dict[str, dict[str, str]] = {}
    for platform in PLATFORMS:
        if platform.is_simulator:
            continue
        prefix, name = platform.env_prefix, platform.name
        values = {k[len(prefix):].lower(): v for k, v in env.items() if k.startswith(prefix) and v}
        if values:
            sections[name] = values
    return sections
