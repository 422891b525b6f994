"""Robot sends through the fake server: splitting, the per-robot rate limit, 45009, 93000."""

from __future__ import annotations

from sqlalchemy import select

from bot.messaging.delivery import deliver
from bot.messaging.messages import Mention, OutgoingMessage
from bot.messaging.outbox import add_outbound
from bot.platforms.splitting import strip_numbering
from bot.services import Services
from models import OutboundMessage, Unit
from tests.fakes.wecom_server import FakeWeCom
from tests.support import row_by_id
from tests.wecom.conftest import ROBOT_KEYS


def _queue(services: Services, message: OutgoingMessage, key: str) -> int:
    with services.sessions() as session, session.begin():
        row = add_outbound(session, services, platform="wecom", message=message, dedupe_key=key, purpose="test")
        session.flush()
        return row.id


def test_long_chinese_markdown_arrives_whole_and_in_order(wecom_services: Services, fake_wecom: FakeWeCom) -> None:
    lines = [f"{i:03d}. 请<@hehui>核实<font color=\"warning\">东湖路幸福小区</font>垃圾堆积问题并回复网民。" for i in range(90)]
    text = "\n".join(lines)
    assert len(text.encode()) > 6000
    message = OutgoingMessage(text=text, chat_id="wr-donghu", format="markdown", mentions=(Mention("hehui", "何慧"),))
    outbound_id = _queue(wecom_services, message, "test:long")
    assert deliver(wecom_services, outbound_id) == "sent"
    bodies = fake_wecom.webhook_bodies(ROBOT_KEYS["donghu"])
    assert len(bodies) >= 2 and all(b["msgtype"] == "markdown" for b in bodies)
    assert all(len(b["markdown"]["content"].encode()) <= 4096 for b in bodies)
    received = "\n".join(strip_numbering(b["markdown"]["content"]) for b in bodies)
    assert received == text  # whole, in order (the mention was already in the text)
    assert deliver(wecom_services, outbound_id) == "sent" and len(fake_wecom.webhook_bodies(ROBOT_KEYS["donghu"])) == len(bodies)


def test_local_rate_limit_defers_then_delivers_everything(wecom_services: Services, fake_wecom: FakeWeCom) -> None:
    ids = [_queue(wecom_services, OutgoingMessage(text=f"提醒 {i}", chat_id="wr-zhujian"), f"test:rate:{i}") for i in range(23)]
    states = [deliver(wecom_services, i) for i in ids]
    assert states.count("sent") == 20 and states.count("pending") == 3
    deferred = row_by_id(wecom_services, OutboundMessage, ids[-1])
    assert "rate limited" in (deferred.result or "") and deferred.next_attempt_at is not None
    # A minute later (bucket refilled, the server's window passed) the retries go through.
    for key in wecom_services.redis.scan_iter("ratelimit:wecom:*"):
        wecom_services.redis.delete(key)
    fake_wecom.reset_rate()
    assert [deliver(wecom_services, i) for i in ids[20:]] == ["sent"] * 3
    texts = [b["text"]["content"] for b in fake_wecom.webhook_bodies(ROBOT_KEYS["zhujian"])]
    assert texts == [f"提醒 {i}" for i in range(23)]


def test_server_45009_is_retried_not_lost(wecom_services: Services, fake_wecom: FakeWeCom) -> None:
    fake_wecom.robot_limit_per_min = 2
    ids = [_queue(wecom_services, OutgoingMessage(text=f"催办 {i}", chat_id="wr-chengguan"), f"test:45009:{i}") for i in range(3)]
    assert [deliver(wecom_services, i) for i in ids] == ["sent", "sent", "pending"]
    assert (ROBOT_KEYS["chengguan"], 45009) in fake_wecom.webhook_refusals
    row = row_by_id(wecom_services, OutboundMessage, ids[2])
    assert "45009" in (row.result or "")
    fake_wecom.reset_rate()
    for key in wecom_services.redis.scan_iter("ratelimit:wecom:*"):
        wecom_services.redis.delete(key)
    assert deliver(wecom_services, ids[2]) == "sent"


def test_bad_robot_key_fails_and_tells_the_office(wecom_services: Services, fake_wecom: FakeWeCom) -> None:
    with wecom_services.sessions() as session, session.begin():
        unit = session.scalar(select(Unit).where(Unit.code == "donghu"))
        assert unit is not None
        unit.robots = {"wecom": {"webhook_key": "removed-key"}}
    outbound_id = _queue(wecom_services, OutgoingMessage(text="【新工单·主办】", chat_id="wr-donghu"), "test:badkey")
    assert deliver(wecom_services, outbound_id) == "failed"
    assert "93000" in (row_by_id(wecom_services, OutboundMessage, outbound_id).result or "")
    with wecom_services.sessions() as session:
        notice = session.scalar(select(OutboundMessage).where(OutboundMessage.purpose == "alert"))
        assert notice is not None
        notice_id = notice.id
    assert deliver(wecom_services, notice_id) == "sent"
    office = fake_wecom.webhook_bodies(ROBOT_KEYS["office"])
    assert office and "93000" in office[-1]["text"]["content"] and "东湖" in office[-1]["text"]["content"]
