"""Stream mode (`python -m bot dingtalk-stream`): DingTalk pushes robot messages over an outbound
WebSocket, so county intranets need no public callback URL.

Uses the official ``dingtalk-stream`` 0.24.3 client (open-dingtalk/dingtalk-stream-sdk-python).
It reads ``DINGTALK_OPENAPI_ENDPOINT`` at import time (``dingtalk_stream/utils.py``), so the env var
is settled before the first import here. Each CALLBACK frame goes through the same parse and
``bot.messaging.inbound.accept`` (dedupe + store + enqueue) as the HTTP view; the ACK is sent only after the
row is committed, so a crash in between makes DingTalk redeliver instead of losing the message.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

from bot.messaging.inbound import accept
from bot.platforms.dingtalk_protocol import CallbackRejected, parse_callback
from bot.services import Services

log = logging.getLogger(__name__)

TOPIC = "/v1.0/im/bot/messages/get"  # dingtalk_stream.ChatbotMessage.TOPIC


def _import_sdk(config: dict[str, str]) -> Any:
    endpoint = config.get("openapi_endpoint")
    if endpoint:
        os.environ.setdefault("DINGTALK_OPENAPI_ENDPOINT", endpoint.rstrip("/"))
    import dingtalk_stream

    return dingtalk_stream


def build_client(services: Services) -> Any:
    """A DingTalkStreamClient subscribed to robot messages, feeding ``accept``."""
    config = services.settings.platforms["dingtalk"]
    sdk = _import_sdk(config)
    robot_code = config.get("robot_code") or config.get("app_key")

    class RobotMessages(sdk.CallbackHandler):  # type: ignore[misc, name-defined]
        async def process(self, message: Any) -> tuple[int, str]:
            data = message.data
            if isinstance(data, dict) and robot_code and data.get("robotCode") not in (None, robot_code):
                return sdk.AckMessage.STATUS_BAD_REQUEST, "robotCode mismatch"
            try:
                msg = parse_callback(data, received_at=services.clock.now())
            except CallbackRejected as exc:
                if exc.status == 200:
                    return sdk.AckMessage.STATUS_OK, "ignored"
                log.warning("stream frame rejected: %s", exc)
                return sdk.AckMessage.STATUS_BAD_REQUEST, str(exc)
            try:
                result = await asyncio.to_thread(accept, services, msg)
            except Exception as exc:  # database down: no OK ack, so DingTalk delivers again
                log.error("stream accept failed: %s", exc.__class__.__name__)
                return sdk.AckMessage.STATUS_SYSTEM_EXCEPTION, "retry later"
            log.info("stream message inbound=%s duplicate=%s", result.inbound_id, result.duplicate)
            return sdk.AckMessage.STATUS_OK, "OK"

    client = sdk.DingTalkStreamClient(sdk.Credential(config["app_key"], config["app_secret"]),
                                      logger=logging.getLogger("dingtalk_stream.client"))
    client.register_callback_handler(TOPIC, RobotMessages())
    return client


def run(services: Services) -> None:
    """Connect and reconnect forever (the SDK retries after network errors)."""
    config = services.settings.platforms.get("dingtalk") or {}
    if not config.get("app_key") or not config.get("app_secret"):
        raise SystemExit("DINGTALK_APP_KEY and DINGTALK_APP_SECRET are required for stream mode")
    build_client(services).start_forever()
