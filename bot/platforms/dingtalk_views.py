"""DingTalk HTTP callback (企业内部应用机器人, HTTP mode): verify → parse → accept → 200.

Thin on purpose: everything slow (pictures, routing, replies) happens in the worker. A request
that fails the sign check is answered 401 before its body is even parsed, so nothing from a
forged request is stored.
"""

from __future__ import annotations

import json
import logging
import time

from flask import Blueprint, abort, current_app, jsonify, request

from bot.messaging.inbound import accept
from bot.platforms.dingtalk_protocol import CallbackRejected, parse_callback, verify_callback
from bot.web import services_of

log = logging.getLogger(__name__)

blueprint = Blueprint("dingtalk", __name__, url_prefix="/dingtalk")

MAX_BODY_BYTES = 1_048_576


@blueprint.post("/callback")
def callback():  # type: ignore[no-untyped-def]
    services = services_of(current_app)
    config = services.settings.platforms.get("dingtalk", {})
    if (request.content_length or 0) > MAX_BODY_BYTES:
        abort(413, "body over 1 MB")
    try:
        verify_callback(config.get("app_secret", ""), request.headers.get("timestamp"),
                        request.headers.get("sign"), now_ms=int(time.time() * 1000))
    except CallbackRejected as exc:
        log.warning("dingtalk callback rejected: %s", exc)
        abort(exc.status, str(exc))
    raw = request.get_data(cache=False)
    if len(raw) > MAX_BODY_BYTES:  # chunked bodies have no Content-Length
        abort(413, "body over 1 MB")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: hostile nesting
        abort(400, "body is not JSON")
    robot_code = config.get("robot_code") or config.get("app_key")
    if isinstance(body, dict) and robot_code and body.get("robotCode") and body["robotCode"] != robot_code:
        abort(403, "robotCode is not this app's robot")
    try:
        msg = parse_callback(body, received_at=services.clock.now())
    except CallbackRejected as exc:
        if exc.status == 200:  # an unsupported type (voice, file): acknowledged, nothing to do
            return jsonify(ignored=str(exc))
        abort(exc.status, str(exc))
    result = accept(services, msg)
    # An empty JSON object means "no synchronous reply"; replies go through sessionWebhook later.
    return jsonify({} if not result.duplicate else {"duplicate": True})
