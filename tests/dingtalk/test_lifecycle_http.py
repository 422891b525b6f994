"""The whole case lifecycle through signed HTTP callbacks from the fake DingTalk and its send APIs."""

from __future__ import annotations

from sqlalchemy import func, select

from models import Case, OutboundMessage
from tests.dingtalk.conftest import DingTalkClient
from tests.support import newest

POST = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，联系电话13812345678"


def _case(dt: DingTalkClient) -> Case:
    return newest(dt.services, Case)


def test_forward_dispatch_sign_close_verify_over_dingtalk(dt: DingTalkClient) -> None:
    dt.send("office", "zhaolei", POST)
    card = dt.last("office")
    assert card.channel == "session"  # the reply used the callback's sessionWebhook
    assert "已建工单 DB-" in card.text and "13812345678" not in card.text

    dt.send("office", "zhaolei", "派 东湖街道 协办 城管局")
    lead = dt.last("donghu")
    assert lead.channel == "robot" and "【新工单·主办】" in lead.text
    # A real DingTalk @: the userid in at.atUserIds AND "@userid" in the text.
    assert lead.at_user_ids == ["dt-hehui"] and "@dt-hehui" in lead.text
    assert "【新工单·协办】" in dt.last("chengguan").text

    dt.send("donghu", "hehui", "签收")
    assert "已签收" in dt.last("donghu").text
    dt.send("chengguan", "wutao", "已办结 已配合清理周边占道")
    dt.send("donghu", "hehui", "已办结 垃圾已全部清运，已电话回复网民")
    assert _case(dt).status == "closed"
    office = dt.last("office")
    assert "【办结】" in office.text and office.channel == "robot"
    dt.send("office", "wangmin", "核查通过")
    assert _case(dt).status == "verified"
    with dt.services.sessions() as session:
        assert session.scalar(select(func.count(OutboundMessage.id)).where(OutboundMessage.state != "sent")) == 0
    assert not dt.fake.errors  # every robot send was signed correctly and within the limits
