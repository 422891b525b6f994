"""The case lifecycle through the fake WeCom server: AI-bot callbacks in, robot/app sends out."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.messaging.addressing import Post, resolve
from bot.messaging.codec import incoming_from_json
from bot.messaging.delivery import deliver
from bot.messaging.outbox import add_outbound
from models import Case, InboundMessage, OutboundMessage, Person
from tests.support import newest
from tests.wecom.conftest import ROBOT_KEYS, WeComBot

POST = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，联系电话13812345678"
# A real (synthetic) screenshot: the worker OCRs it, so it must be an image with text.
PNG = (Path(__file__).resolve().parent.parent / "intake" / "data" / "sample_post_page2.png").read_bytes()


def _case(bot: WeComBot) -> Case:
    return newest(bot.services, Case)


def _personal(bot: WeComBot, person_code: str, text: str, key: str) -> str:
    with bot.services.sessions() as session, session.begin():
        person = session.scalar(select(Person).where(Person.code == person_code))
        target = resolve(Post(text=text, person=person), {"wecom"})
        assert target is not None
        platform, message = target
        row = add_outbound(session, bot.services, platform=platform, message=message, dedupe_key=key, purpose="reminder")
        session.flush()
        outbound_id = row.id
    return deliver(bot.services, outbound_id)


def test_lifecycle_through_fake_wecom(wecom_bot: WeComBot) -> None:
    bot, fake = wecom_bot, wecom_bot.fake
    assert bot.group_message("office", "zhaolei", POST, images=(PNG,)) == 200
    card = bot.robot_texts("office")[-1]
    assert "已建工单 DB-" in card and "13812345678" not in card

    with bot.services.sessions() as session:
        inbound = session.scalar(select(InboundMessage).order_by(InboundMessage.id))
        assert inbound is not None
        msg = incoming_from_json(inbound.payload)
    assert msg.chat_type == "group" and msg.chat_id == "wr-office" and msg.text.startswith("东湖街道")
    assert msg.reply_handle.startswith(fake.url) and len(msg.images) == 1
    assert bot.services.adapter("wecom").fetch_image(msg.images[0]) == PNG  # downloaded + decrypted in the worker

    bot.group_message("office", "zhaolei", "派 东湖街道 协办 城管局")
    lead = [b for b in fake.webhook_bodies(ROBOT_KEYS["donghu"]) if "【新工单·主办】" in b[b["msgtype"]]["content"]]
    assert lead, fake.webhook_bodies(ROBOT_KEYS["donghu"])
    body = lead[-1]
    # The @ must notify: userids in the field WeCom reads.
    if body["msgtype"] == "text":
        assert body["text"]["mentioned_list"] == ["hehui"]
    else:
        assert "<@hehui>" in body["markdown"]["content"]
    assert any("【新工单·协办】" in t for t in bot.robot_texts("chengguan"))

    bot.group_message("donghu", "hehui", "签收")
    assert "已签收" in bot.robot_texts("donghu")[-1]
    bot.group_message("chengguan", "wutao", "已办结 已配合清理周边占道")
    bot.group_message("donghu", "hehui", "已办结 垃圾已全部清运，已电话回复网民")
    assert _case(bot).status == "closed"
    assert any("【办结】" in t for t in bot.robot_texts("office"))

    # A personal reminder through the app API, then the token dies mid-run and is refetched.
    assert _personal(bot, "hehui", "【提醒】工单即将到期", "test:remind:1") == "sent"
    assert fake.app_messages[-1]["touser"] == "hehui" and fake.app_messages[-1]["agentid"] == fake.agent_id
    fake.expire_tokens()
    assert _personal(bot, "hehui", "【提醒】工单已超期", "test:remind:2") == "sent"
    assert fake.tokens_issued == 2 and "已超期" in fake.app_messages[-1]["text"]["content"]

    with bot.services.sessions() as session:
        states = set(session.scalars(select(OutboundMessage.state)))
    assert states == {"sent"}
