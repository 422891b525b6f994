"""WeCom callbacks: thin views. Verify → decrypt → parse → ``inbound.accept`` → empty 200.

- ``/wecom/aibot``: 智能机器人 API mode, JSON ``{"encrypt": …}``, receiveid "" (doc 101033).
- ``/wecom/app``: 自建应用 "接收消息", XML ``<Encrypt>``, receiveid = CorpID (doc 96466).
GET on either answers URL verification with the bare decrypted echostr (WeCom wants it in 1 s).

Checks beyond wechatpy: constant-time signature compare, a timestamp window (default 10 min),
a nonce reused by a *different* request refused, body ≤ ``max_body_bytes``, XML without DTDs or
entities. A refused request gets a 4xx and a log line with the reason only.

Replays: WeCom retries a callback by sending the very same request again (same nonce, timestamp
and signature; doc 96466 "5秒内…重试三次", and tests/fakes/wecom_server.py). So the identical request
seen twice is not refused: if the first one was stored, the unique (platform, msg_id) key in
``inbound.accept`` makes it a no-op; if it was not (database down, process killed mid-store), the
retry is what stores it. A replay by anyone else is as harmless, and only within the timestamp window.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from flask import Blueprint, Response, current_app, request

from bot.messaging.inbound import accept
from bot.messaging.messages import IncomingMessage
from bot.platforms.wecom_config import WeComConfig
from bot.platforms.wecom_crypto import CallbackCrypto, CryptoError
from bot.platforms.wecom_parse import PayloadError, aibot_message, app_message, parse_xml

log = logging.getLogger(__name__)
blueprint = Blueprint("wecom", __name__, url_prefix="/wecom")


class Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _services() -> Any:
    return current_app.extensions["bot"]


def config_for(services: Any) -> WeComConfig:
    return _config_cached(services.settings.platforms.get("wecom", {}))


def _config() -> WeComConfig:
    return config_for(_services())


# Settings sections are plain dicts (unhashable) that never change for a process; cache by identity
# so the hot path does not rebuild the config (and re-decode the AES key) on every callback.
_CONFIGS: dict[int, tuple[Mapping[str, str], WeComConfig]] = {}


def _config_cached(section: Mapping[str, str]) -> WeComConfig:
    hit = _CONFIGS.get(id(section))
    if hit is not None and hit[0] is section:
        return hit[1]
    config = WeComConfig.from_section(section)
    if len(_CONFIGS) > 64:
        _CONFIGS.clear()
    _CONFIGS[id(section)] = (section, config)
    return config


@lru_cache(maxsize=16)
def _cipher(token: str, encoding_aes_key: str, receive_id: str) -> CallbackCrypto:
    return CallbackCrypto(token, encoding_aes_key, receive_id)


def _crypto(receiver: str, config: WeComConfig) -> CallbackCrypto:
    if receiver == "aibot":
        if not config.aibot_enabled:
            raise Refused(404, "aibot_not_configured")
        return _cipher(config.aibot_token, config.aibot_encoding_aes_key, "")
    if not config.app_callback_enabled:
        raise Refused(404, "app_callback_not_configured")
    return _cipher(config.token, config.encoding_aes_key, config.corp_id)


def _query(args: Mapping[str, str]) -> tuple[str, str, str]:
    sig, ts, nonce = (args.get(k, "") for k in ("msg_signature", "timestamp", "nonce"))
    if not (sig and ts and nonce) or len(nonce) > 64:
        raise Refused(400, "missing_query")
    return sig, ts, nonce


def _check_timestamp(ts: str, window_s: int) -> None:
    try:
        sent_at = int(ts)
    except ValueError:
        raise Refused(400, "bad_timestamp") from None
    if abs(time.time() - sent_at) > window_s:
        raise Refused(403, "stale_timestamp")


def _body() -> bytes:
    limit = _services().settings.max_body_bytes
    if request.content_length is not None and request.content_length > limit:
        raise Refused(413, "body_too_large")
    data = request.stream.read(limit + 1)
    if len(data) > limit:
        raise Refused(413, "body_too_large")
    return data


def _envelope(receiver: str, body: bytes) -> str:
    if receiver == "aibot":
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: hostile nesting
            raise Refused(400, "malformed_json") from None
        encrypt = data.get("encrypt") if isinstance(data, dict) else None
    else:
        try:
            encrypt = parse_xml(body).get("Encrypt")
        except PayloadError as exc:
            raise Refused(400, exc.reason) from None
    if not isinstance(encrypt, str) or not encrypt:
        raise Refused(400, "no_encrypt_field")
    return encrypt


def _refused(receiver: str, exc: Refused) -> Response:
    log.warning("wecom %s callback refused status=%s reason=%s", receiver, exc.status, exc.reason)
    return Response(exc.reason, status=exc.status, mimetype="text/plain")


def verify_url(receiver: str) -> Response:
    try:
        config = _config()
        crypto = _crypto(receiver, config)
        sig, ts, nonce = _query(request.args)
        _check_timestamp(ts, config.timestamp_window_s)
        echostr = request.args.get("echostr", "")
        if not echostr:
            raise Refused(400, "missing_echostr")
        plain = crypto.decrypt(sig, ts, nonce, echostr)
    except CryptoError as exc:
        return _refused(receiver, Refused(403, exc.reason))
    except Refused as exc:
        return _refused(receiver, exc)
    return Response(plain, status=200, mimetype="text/plain")


def verified_message(services: Any, receiver: str, args: Mapping[str, str], body: bytes) -> IncomingMessage | None:
    """Everything before ``accept``: signature (constant time), timestamp window, body envelope,
    decrypt, nonce check, parse. Returns the message, or None for events.

    Raises ``Refused`` or ``CryptoError``. The nonce is recorded only once the request is proven
    genuine (so forged requests cannot burn nonces), together with the request's signature: the
    same request again is let through (see the module docstring), a different one is refused.
    """
    config = config_for(services)
    crypto = _crypto(receiver, config)
    sig, ts, nonce = _query(args)
    _check_timestamp(ts, config.timestamp_window_s)
    encrypt = _envelope(receiver, body)
    plain = crypto.decrypt(sig, ts, nonce, encrypt)
    # Signed and fresh. WeCom promises a nonce does not repeat within 2 h (doc 101033), longer than
    # the 2×window TTL: a nonce already seen with another signature is not WeCom's.
    nonce_key = f"wecom:nonce:{services.settings.queue_name}:{receiver}:{nonce}"
    if not services.redis.set(nonce_key, sig, nx=True, ex=2 * config.timestamp_window_s):
        seen = services.redis.get(nonce_key)
        if (seen.decode() if isinstance(seen, bytes) else seen) != sig:
            raise Refused(409, "replayed_nonce")
    now = services.clock.now()
    try:
        if receiver == "aibot":
            return aibot_message(json.loads(plain), now)
        return app_message(parse_xml(plain), now)
    except ValueError:
        raise Refused(400, "malformed_payload") from None
    except PayloadError as exc:
        raise Refused(400, exc.reason) from None


def receive(receiver: str) -> Response:
    services = _services()
    try:
        msg = verified_message(services, receiver, request.args, _body())
        if msg is None:
            return Response("", status=200)  # events and unsupported types: acknowledged, nothing stored
        accepted = accept(services, msg)
    except CryptoError as exc:
        return _refused(receiver, Refused(403, exc.reason))
    except Refused as exc:
        return _refused(receiver, exc)
    except Exception:
        # Not stored: WeCom's retry (the same request) will be let through and store it.
        log.exception("wecom %s callback failed", receiver)
        return Response("retry", status=503, mimetype="text/plain")
    log.info("wecom %s callback inbound=%s duplicate=%s", receiver, accepted.inbound_id, accepted.duplicate)
    return Response("", status=200)


@blueprint.get("/aibot")
def aibot_verify() -> Response:
    return verify_url("aibot")


@blueprint.post("/aibot")
def aibot_receive() -> Response:
    return receive("aibot")


@blueprint.get("/app")
def app_verify() -> Response:
    return verify_url("app")


@blueprint.post("/app")
def app_receive() -> Response:
    return receive("app")
