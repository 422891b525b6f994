"""Services for a CLI command run beside (or without) ``make run``.

``make run`` starts an embedded Redis and writes its URL to ``var/redis_url``; a report command in
another terminal uses that Redis when it answers, so the message goes out at once. With no Redis
reachable the message waits, committed in the outbox, until a worker starts (its recovery sends it):
that is normal for a command run on its own, not an error to print.
"""

from __future__ import annotations

from dataclasses import replace

from redis import Redis

from bot.config import Settings
from bot.services import Services


def running_redis_url(settings: Settings) -> str:
    """REDIS_URL, else the embedded Redis of a running ``make run`` if it answers, else ""."""
    if settings.redis_url:
        return settings.redis_url
    url_file = settings.var_dir / "redis_url"
    if not url_file.exists():
        return ""
    url = url_file.read_text().strip()
    try:
        client = Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
        client.close()
    except Exception:  # noqa: BLE001 - a stale file from a stopped run: no worker to ask
        return ""
    return url


def cli_services() -> Services:
    from bot.wiring import build_services

    settings = Settings.from_env()
    return build_services(replace(settings, redis_url=running_redis_url(settings)))


def delivery_note(services: Services) -> str:
    """What a command says about when its queued messages go out."""
    if services.settings.redis_url:
        return ""
    return " (no bot running: they wait in the outbox and go out when `make run` starts)"
