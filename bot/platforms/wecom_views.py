"""WeCom callbacks: thin views. Verify → decrypt → parse → ``inbound.accept`` → empty 200.

- ``/wecom/aibot``: 智能机器人 API mode, JSON ``{"encrypt": …}``, receiveid "" (doc 101033).
- ``/wecom/app``: 自建应用 "接收消息", XML ``<Encrypt>``, receiveid = CorpID (doc 96466).
GET on either answers URL verification with the bare decrypted echostr (WeCom wants it in 1 s).

Checks beyond wechatpy: constant-time signature compare, a timestamp window (default 10 min),
a replayed nonce refused (Redis SET NX with TTL), body ≤ ``max_body_bytes``, XML without DTDs or
entities. A refused request gets a 4xx and a log line with the reason only.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from flask import Blueprint, Response, current_app, request

from bot.inbound import accept
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


def _config() -> WeComConfig:
    return WeComConfig.from_section(_services().settings.platforms.get("wecom", {}))


def _crypto(receiver: str, config: WeComConfig) -> CallbackCrypto:
    if receiver == "aibot":
        if not config.aibot_enabled:
            raise Refused(404, "aibot_not_configured")
        return CallbackCrypto(config.aibot_token, config.aibot_encoding_aes_key, "")
    if not config.app_callback_enabled:
        raise Refused(404, "app_callback_not_configured")
    return CallbackCrypto(config.token, config.encoding_aes_key, config.corp_id)


def _query() -> tuple[str, str, str]:
    sig, ts, nonce = (request.args.get(k, "") for k in ("msg_signature", "timestamp", "nonce"))
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
        except (ValueError, UnicodeDecodeError):
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
        sig, ts, nonce = _query()
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


def receive(receiver: str) -> Response:
    services = _services()
    nonce_key = ""
    try:
        config = _config()
        crypto = _crypto(receiver, config)
        sig, ts, nonce = _query()
        _check_timestamp(ts, config.timestamp_window_s)
        encrypt = _envelope(receiver, _body())
        plain = crypto.decrypt(sig, ts, nonce, encrypt)
        # Signed and fresh; a nonce seen within the window is a replay.
        nonce_key = f"wecom:nonce:{services.settings.queue_name}:{receiver}:{nonce}"
        if not services.redis.set(nonce_key, ts, nx=True, ex=2 * config.timestamp_window_s):
            nonce_key = ""
            raise Refused(409, "replayed_nonce")
        now = services.clock.now()
        try:
            if receiver == "aibot":
                msg = aibot_message(json.loads(plain), now)
            else:
                msg = app_message(parse_xml(plain), now)
        except ValueError:
            raise Refused(400, "malformed_payload") from None
        except PayloadError as exc:
            raise Refused(400, exc.reason) from None
        if msg is None:
            return Response("", status=200)  # events and unsupported types: acknowledged, nothing stored
        accepted = accept(services, msg)
    except CryptoError as exc:
        return _refused(receiver, Refused(403, exc.reason))
    except Refused as exc:
        if nonce_key and exc.status >= 500:
            services.redis.delete(nonce_key)
        return _refused(receiver, exc)
    except Exception:
        # Not stored: let WeCom's retry (same nonce) through again.
        if nonce_key:
            services.redis.delete(nonce_key)
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
