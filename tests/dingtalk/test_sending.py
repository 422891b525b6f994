"""Outbound through the fake DingTalk: fallbacks, limits, misconfigured robots, tokens, mixed platforms."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from bot.messaging.delivery import deliver
from bot.messaging.messages import Mention, OutgoingMessage
from bot.messaging.outbox import add_outbound
from bot.platforms.splitting import strip_numbering, utf8_len
from models import OutboundMessage
from tests.dingtalk.conftest import DingTalkClient
from tests.support import drain, row_by_id


def _outbound(dt: DingTalkClient, message: OutgoingMessage, key: str) -> int:
    with dt.services.sessions() as session, session.begin():
        row = add_outbound(session, dt.services, platform="dingtalk", message=message, dedupe_key=key)
        session.flush()
        return row.id


def test_expired_session_webhook_falls_back_to_the_group_robot(dt: DingTalkClient) -> None:
    dt.send("donghu", "hehui", "查询", session_ttl_s=-10, drain_after=True)  # session already expired
    assert not dt.fake.sent_to("session")
    reply = dt.last("donghu")
    assert reply.channel == "robot"
    # A session that DingTalk refuses although our clock thought it valid: same fallback.
    body = dt.fake.message(sender="dt-hehui", conversation="cid-donghu", text="查询")
    session_id = body["sessionWebhook"].rsplit("=", 1)[1]
    dt.fake.sessions[session_id] = 0  # expired on DingTalk's side only
    dt.fake.send_callback(dt.callback_url, body)
    drain(dt.services)
    assert len(dt.fake.sent_to("robot", "robot-donghu")) == 2


def test_group_without_custom_robot_uses_group_messages_api(dt: DingTalkClient) -> None:
    message = OutgoingMessage(text="请签收", chat_id="cid-jiaoyu-no-robot", mentions=(Mention("dt-x", "张三"),))
    row_id = _outbound(dt, message, "t:group")
    assert deliver(dt.services, row_id) == "sent"
    sent = dt.fake.sent_to("group", "cid-jiaoyu-no-robot")[0]
    assert sent.body["msgKey"] == "sampleText" and "@张三" in sent.text


def test_personal_message_and_token_refresh_after_revocation(dt: DingTalkClient) -> None:
    adapter = dt.services.adapter("dingtalk")
    assert adapter.send(OutgoingMessage(text="您有工单即将超期", user_id="dt-hehui"), dedupe_key="p1").ok
    assert adapter.send(OutgoingMessage(text="第二条", user_id="dt-hehui"), dedupe_key="p2").ok
    assert dt.fake.token_requests == 1  # cached in Redis, not fetched per request
    dt.fake.revoke_tokens()
    assert adapter.send(OutgoingMessage(text="第三条", user_id="dt-hehui"), dedupe_key="p3").ok
    assert dt.fake.token_requests == 2
    assert [s.text for s in dt.fake.sent_to("personal", "dt-hehui")] == ["您有工单即将超期", "第二条", "第三条"]


def test_rate_limit_then_throttle_130101_keeps_messages(dt: DingTalkClient) -> None:
    ids = [_outbound(dt, OutgoingMessage(text=f"提醒{i}", chat_id="cid-zhujian"), f"t:rate:{i}") for i in range(22)]
    states = [deliver(dt.services, row_id) for row_id in ids]
    assert states.count("sent") == 20 and states.count("pending") == 2  # our bucket stopped us first
    late = row_by_id(dt.services, OutboundMessage, ids[-1])
    assert late.state == "pending" and late.next_attempt_at is not None and late.result == "rate_limited"
    # DingTalk itself says 130101 (e.g. another system shares the robot): honour its 10-minute throttle.
    dt.fake.robots["robot-zhujian"].throttled_until = dt.fake.clock() + 600
    ns = dt.services.settings.queue_name
    dt.services.redis.delete(*dt.services.redis.keys(f"ratelimit:dingtalk:{ns}:*"))
    assert deliver(dt.services, ids[-1]) == "pending"
    row = row_by_id(dt.services, OutboundMessage, ids[-1])
    assert "130101" in row.result and row.state == "pending"
    assert dt.services.redis.ttl(dt.services.redis.keys(f"dingtalk:{ns}:throttled:*")[0]) > 500
    assert deliver(dt.services, ids[-2]) == "pending"  # not even tried while throttled
    assert len([e for e in dt.fake.errors if e["errcode"] == 130101]) == 1


def test_bad_robot_secret_fails_and_tells_the_office_once(dt: DingTalkClient) -> None:
    dt.fake.robots["robot-chengguan"].secret = "SEC-rotated-in-dingtalk"
    ids = [_outbound(dt, OutgoingMessage(text=f"新工单{i}", chat_id="cid-chengguan"), f"t:bad:{i}") for i in range(2)]
    assert [deliver(dt.services, i) for i in ids] == ["failed", "failed"]
    assert "310000" in row_by_id(dt.services, OutboundMessage, ids[0]).result
    drain(dt.services)
    alerts = [s for s in dt.fake.sent if "【配置错误】" in s.text]
    assert len(alerts) == 1 and alerts[0].target == "robot-office"
    assert "城市管理局" in alerts[0].text


def test_long_message_is_split_utf8_safe_and_mentions_once(dt: DingTalkClient) -> None:
    text = "\n".join(f"第{i}条：东湖路幸福小区垃圾堆积问题处理进展" for i in range(200))
    message = OutgoingMessage(text=text, chat_id="cid-donghu", mentions=(Mention("dt-hehui", "何慧"),))
    assert deliver(dt.services, _outbound(dt, message, "t:long")) == "sent"
    parts = dt.fake.sent_to("robot", "robot-donghu")
    assert len(parts) > 1 and all(utf8_len(p.body["text"]["content"]) <= 4000 for p in parts)
    assert parts[0].at_user_ids == ["dt-hehui"] and all(not p.at_user_ids for p in parts[1:])
    joined = "\n".join(strip_numbering(p.text.replace("\n@dt-hehui", "")) for p in parts)
    assert joined.replace("\n", "") == text.replace("\n", "")


def test_mixed_deployment_office_on_simulator_unit_on_dingtalk(dt: DingTalkClient) -> None:
    from bot.web import create_app

    # The office keeps only its simulator chat; 东湖街道 is on DingTalk only.
    from models import Unit
    from tests.support import LiveServer, SimulatorClient

    with dt.services.sessions() as session, session.begin():
        for unit in session.scalars(select(Unit).where(Unit.code.in_(("office", "donghu")))):
            unit.chats = {"simulator": "office"} if unit.is_office else {"dingtalk": "cid-donghu"}
    server = LiveServer(create_app(services=dt.services))
    try:
        sim = SimulatorClient(server.url, dt.services)
        sim.send("office", "zhaolei", "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理")
        sim.send("office", "zhaolei", "派 东湖街道")
        assert "【新工单·主办】" in dt.last("donghu").text and dt.last("donghu").at_user_ids == ["dt-hehui"]
        dt.send("donghu", "hehui", "签收")
        assert "已签收" in dt.last("donghu").text
        dt.send("donghu", "hehui", "已办结 已清运")
        assert "【办结】" in sim.last_bot_text("office")  # back to the office through the simulator
    finally:
        server.stop()
    assert dataclasses.is_dataclass(dt)
