"""POST a JSON body to a robot endpoint that answers HTTP 200 with ``errcode`` (WeCom, DingTalk).

HTTP 200 alone is not success (docs/protocols.md §8.4): transport failures, 5xx and non-JSON answers
are retryable failures; otherwise the caller maps the platform's ``errcode``.
"""

from __future__ import annotations

import json
from typing import Any

import requests

from bot.messaging.messages import SendResult


def json_body(body: dict[str, Any]) -> bytes:
    """The bytes we put on the wire for ``body``: what a platform's body cap is measured against."""
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def post_for_errcode(
    http: requests.Session, url: str, body: dict[str, Any], *, params: dict[str, str] | None, timeout: float,
    label: str,
) -> tuple[int, str] | SendResult:
    """``(errcode, errmsg)`` from the platform, or a retryable SendResult when there was none."""
    data = json_body(body)
    try:
        response = http.post(url, params=params, data=data, timeout=timeout,
                             headers={"Content-Type": "application/json; charset=utf-8"})
    except requests.RequestException as exc:
        return SendResult(ok=False, error=f"{label}: network {exc.__class__.__name__}", retryable=True)
    if response.status_code >= 500:
        return SendResult(ok=False, error=f"{label}: HTTP {response.status_code}", retryable=True)
    try:
        payload = response.json()
    except ValueError:
        return SendResult(ok=False, error=f"{label}: HTTP {response.status_code}, not JSON", retryable=True)
    if not isinstance(payload, dict):
        return SendResult(ok=False, error=f"{label}: HTTP {response.status_code}, not an object", retryable=True)
    try:
        errcode = int(payload.get("errcode", -1))
    except (TypeError, ValueError):
        errcode = -1
    return errcode, str(payload.get("errmsg", ""))[:80]
