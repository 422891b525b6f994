"""Signature known-answer vectors and what the callback does with bad or hostile input."""

from __future__ import annotations

import json
import threading
import time
from urllib.parse import quote_plus

import pytest
import requests
from sqlalchemy import func, select

from bot.platforms.dingtalk_protocol import (
    CallbackRejected,
    hmac_sign,
    parse_callback,
    verify_callback,
)
from models import Case, InboundMessage
from tests.dingtalk.conftest import DingTalkClient
from tests.support import drain


def test_custom_robot_sign_vector_from_protocol_notes() -> None:
    # docs/protocols.md §7: secret "this is secret", timestamp 1577262236757.
    sign = hmac_sign("this is secret", 1577262236757)
    assert sign == "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM="
    assert quote_plus(sign) == "hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D"


def test_verify_callback_window_and_forgery() -> None:
    secret, ts = "app-secret", 1_700_000_000_000
    good = hmac_sign(secret, ts)
    verify_callback(secret, str(ts), good, now_ms=ts + 3_599_000)
    for timestamp, sign, now in [
        (str(ts), good, ts + 3_601_000),  # stale
        (str(ts), good, ts - 3_601_000),  # from the future
        (str(ts), hmac_sign("other", ts), ts),  # wrong secret
        (str(ts + 1), good, ts),  # sign of another timestamp
        (None, good, ts), (str(ts), None, ts), (str(ts), "", ts),
        ("17e11", good, ts), ("-1", good, ts),
    ]:
        with pytest.raises(CallbackRejected):
            verify_callback(secret, timestamp, sign, now_ms=now)


def test_outgoing_reply_handle_expiry_survives_the_outbox() -> None:
    from datetime import datetime, timezone

    from bot.messaging.codec import outgoing_from_json, outgoing_to_json
    from bot.messaging.messages import OutgoingMessage

    expires = datetime.fromtimestamp(1613635652.738, tz=timezone.utc)
    message = OutgoingMessage(text="x", chat_id="cid", reply_handle="https://oapi.dingtalk.com/robot/sendBySession?session=abc",
                              reply_handle_expires_at=expires)
    assert outgoing_from_json(outgoing_to_json(message)) == message


def test_parse_picture_and_rich_text(dt: DingTalkClient) -> None:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    picture = dt.fake.message(sender="dt-zhaolei", msgtype="picture", content={"downloadCode": "dc1"})
    msg = parse_callback(picture, now)
    assert msg.chat_type == "single" and msg.chat_id == "dt-zhaolei" and msg.images[0].ref == "dc1"
    rich = dt.fake.message(sender="dt-zhaolei", conversation="cid-office", msgtype="richText",
                           content={"richText": [{"text": "这条帖子"}, {"downloadCode": "dc2", "type": "picture"}]},
                           at_users=["dt-hehui"])
    msg = parse_callback(rich, now)
    assert (msg.chat_type, msg.chat_id, msg.text, msg.mentions) == ("group", "cid-office", "这条帖子", ("dt-hehui",))
    assert [i.ref for i in msg.images] == ["dc2"] and msg.reply_handle_expires_at is not None
    # The worker downloads the picture through messageFiles/download with the robot code.
    dt.fake.files["dc2"] = b"\x89PNG fake bytes"
    assert dt.services.adapter("dingtalk").fetch_image(msg.images[0]) == b"\x89PNG fake bytes"


def _inbound_count(dt: DingTalkClient) -> int:
    with dt.services.sessions() as session:
        return int(session.scalar(select(func.count(InboundMessage.id))) or 0)


def test_forged_stale_oversized_and_malformed_callbacks_store_nothing(dt: DingTalkClient) -> None:
    body = dt.fake.message(sender="dt-zhaolei", conversation="cid-office", text="东湖路垃圾无人清理")
    now = int(time.time() * 1000)
    assert dt.fake.send_callback(dt.callback_url, body, secret="forged").status_code == 401
    assert dt.fake.send_callback(dt.callback_url, body, timestamp_ms=now - 3_700_000).status_code == 401
    assert dt.fake.send_callback(dt.callback_url, body, sign="").status_code == 401
    response = requests.post(dt.callback_url, json=body, timeout=5)  # no headers at all
    assert response.status_code == 401
    assert dt.fake.send_callback(dt.callback_url, b"{not json").status_code == 400
    assert dt.fake.send_callback(dt.callback_url, b"[1,2]").status_code == 400
    assert dt.fake.send_callback(dt.callback_url, {**body, "msgId": ""}).status_code == 400
    assert dt.fake.send_callback(dt.callback_url, {**body, "robotCode": "dingother"}).status_code == 403
    big = json.dumps({**body, "text": {"content": "x" * 1_100_000}}).encode()
    assert dt.fake.send_callback(dt.callback_url, big).status_code == 413
    voice = dt.fake.message(sender="dt-zhaolei", msgtype="audio", content={"recognition": "你好"})
    assert dt.fake.send_callback(dt.callback_url, voice).status_code == 200  # acked, not stored
    assert _inbound_count(dt) == 0


def test_same_msg_id_delivered_concurrently_makes_one_case(dt: DingTalkClient) -> None:
    body = dt.fake.message(sender="dt-zhaolei", conversation="cid-office",
                           text="东湖街道东湖路幸福小区垃圾堆积多日无人清理")
    codes: list[int] = []

    def deliver() -> None:
        codes.append(dt.fake.send_callback(dt.callback_url, body).status_code)

    threads = [threading.Thread(target=deliver) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert codes == [200] * 6
    drain(dt.services)
    dt.fake.send_callback(dt.callback_url, body)  # a late retry of the same msgId
    drain(dt.services)
    with dt.services.sessions() as session:
        assert session.scalar(select(func.count(InboundMessage.id))) == 1
        assert session.scalar(select(func.count(Case.id))) == 1
    assert len(dt.fake.sent_to("session")) == 1
