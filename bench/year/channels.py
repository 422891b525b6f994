"""How a person's message reaches the bot, per platform, and the fault gate in front of the fakes.

Each sender plays the platform's side of one delivery: the simulator page's JSON POST, a WeCom
AI-bot callback (encrypted and signed by ``tests.fakes.wecom_server.FakeWeCom``), a DingTalk robot
callback (signed with the app secret). A delivery the bot does not acknowledge (5xx, a dropped
connection, no answer within 5 s) is sent again like the platform would, unchanged (WeCom repeats
the same request, so a 409 "replayed nonce" means an earlier attempt was stored), for up to about
a minute; the time of each acknowledged attempt is the ack latency.

``FaultGate`` sits in front of a fake platform's WSGI app: armed, the next N API calls the bot
makes within T seconds answer 503, or are refused as rate-limited the way that platform refuses.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import requests

from bot.platforms.dingtalk_protocol import hmac_sign

# Seconds between attempts of one delivery: ~1 minute in all (the platforms retry for about that long).
RETRY_DELAYS_S = (0.2, 0.5, 1, 2, 3, 5, 5, 8, 10, 10, 15)
ACK_TIMEOUT_S = 5.0  # WeCom and DingTalk give a callback 5 s


@dataclass
class Delivery:
    platform: str
    msg_id: str  # as stored: the WeCom AI bot's ids get an "aibot:" prefix
    acked: bool = False
    ack_ms: float = 0.0
    attempts: int = 0
    refusals: Counter[str] = field(default_factory=Counter)  # status → count of unacknowledged attempts


class Senders:
    """Deliver one message of a person to a county's web app, like its platform does."""

    def __init__(self, wecom: Any, dingtalk: Any) -> None:
        self.wecom = wecom
        self.dingtalk = dingtalk
        self._local = threading.local()

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session

    def deliver(self, base_url: str, platform: str, chat: str, sender: str, text: str, msg_id: str) -> Delivery:
        if platform == "simulator":
            url = f"{base_url}/simulator/api/messages"
            body = json.dumps({"chat": chat, "sender": sender, "text": text, "msg_id": msg_id}, ensure_ascii=False)
            return self._post(Delivery(platform, msg_id), url, None, body.encode(),
                              {"Content-Type": "application/json"}, ok=(202,))
        if platform == "wecom":
            payload = {"msgid": msg_id, "aibotid": "AIBOT", "chatid": chat, "chattype": "group",
                       "from": {"userid": sender}, "response_url": self.wecom.response_url(),
                       "msgtype": "text", "text": {"content": f"@督办助手 {text}"}}
            params, body = self.wecom.sign_aibot(payload)
            return self._post(Delivery(platform, f"aibot:{msg_id}"), f"{base_url}/wecom/aibot", params, body, {},
                              ok=(200,), stored=(409,))
        message = self.dingtalk.message(msg_id=msg_id, sender=sender, conversation=chat, text=text)
        ts = str(int(time.time() * 1000))
        headers = {"Content-Type": "application/json; charset=utf-8", "timestamp": ts,
                   "sign": hmac_sign(self.dingtalk.app_secret, ts)}
        return self._post(Delivery(platform, msg_id), f"{base_url}/dingtalk/callback", None,
                          json.dumps(message, ensure_ascii=False).encode(), headers, ok=(200,))

    def _post(self, delivery: Delivery, url: str, params: dict[str, str] | None, body: bytes,
              headers: dict[str, str], *, ok: tuple[int, ...], stored: tuple[int, ...] = ()) -> Delivery:
        session = self._session()
        for delay in (0.0, *RETRY_DELAYS_S):
            time.sleep(delay)
            delivery.attempts += 1
            started = time.perf_counter()
            try:
                response = session.post(url, params=params, data=body, headers=headers, timeout=ACK_TIMEOUT_S)
                status = response.status_code
            except requests.RequestException as exc:
                delivery.refusals[exc.__class__.__name__] += 1
                session = self._local.session = requests.Session()
                continue
            if status in ok:
                delivery.acked, delivery.ack_ms = True, (time.perf_counter() - started) * 1000
                return delivery
            delivery.refusals[str(status)] += 1
            if status in stored:
                delivery.acked = True  # an earlier attempt was stored; its answer was lost
                return delivery
            if status < 500:
                return delivery  # refused for good: a platform does not retry a 4xx
        return delivery


# The API paths of each fake the bot calls, and how each platform says "too fast".
_RATE_LIMITED: dict[str, tuple[int, dict[str, Any]]] = {
    "/cgi-bin/webhook/send": (200, {"errcode": 45009, "errmsg": "api freq out of limit"}),
    "/cgi-bin/message/send": (200, {"errcode": 45009, "errmsg": "api freq out of limit"}),
    "/robot/send": (200, {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"}),
    "/robot/sendBySession": (200, {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"}),
    "/v1.0/robot/groupMessages/send": (403, {"code": "Forbidden.AccessDenied.QpsLimitForApi",
                                             "message": "调用频率超过限制"}),
    "/v1.0/robot/oToMessages/batchSend": (403, {"code": "Forbidden.AccessDenied.QpsLimitForApi",
                                                "message": "调用频率超过限制"}),
}
_API_PREFIXES = ("/cgi-bin/", "/robot/", "/v1.0/")


class FaultGate:
    """WSGI middleware for a fake platform: ``arm("5xx"|"rate", n)`` spoils the next ``n`` API calls."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.mode = ""
        self.remaining = 0
        self.until = 0.0
        self.injected: Counter[str] = Counter()

    def arm(self, mode: str, count: int, seconds: float) -> None:
        """Spoil the next ``count`` calls, for at most ``seconds`` (a burst, not a state)."""
        with self.lock:
            self.mode, self.remaining, self.until = mode, count, time.monotonic() + seconds

    def _spoil(self, path: str) -> tuple[int, dict[str, Any]] | None:
        with self.lock:
            if self.remaining <= 0 or time.monotonic() > self.until or not path.startswith(_API_PREFIXES):
                return None
            if self.mode == "rate":
                answer = next((a for p, a in _RATE_LIMITED.items() if path.endswith(p)), None)
                if answer is None:
                    return None  # token endpoints and the AI bot's response_url have no rate answer
            else:
                answer = (503, {"error": "service unavailable"})
            self.remaining -= 1
            self.injected[self.mode] += 1
            return answer

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        spoiled = self._spoil(environ.get("PATH_INFO", ""))
        if spoiled is None:
            return self.app(environ, start_response)
        status, body = spoiled
        reason = {200: "OK", 403: "Forbidden", 503: "Service Unavailable"}[status]
        data = json.dumps(body, ensure_ascii=False).encode()
        start_response(f"{status} {reason}", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]


def install_gate(fake: Any) -> FaultGate:
    """Put a FaultGate in front of a fake's Flask app (its server calls ``app.wsgi_app``)."""
    gate = FaultGate(fake.app.wsgi_app)
    fake.app.wsgi_app = gate
    return gate
