"""DingTalk conformance: the robot rate limit and its throttle, the right API for a person and
for a group, body caps and private deployments, against a fake that refuses what DingTalk
refuses (``tests/fakes/dingtalk_server.py`` names the source of each limit).

Time is moved with time-machine (fake and bot read the same clock); nothing here depends on the
wall clock or the time zone.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import time_machine

from bot.config import ROOT
from bot.messaging.messages import ImageRef, Mention, OutgoingMessage
from bot.platforms.dingtalk import DingTalkAdapter
from tests.dingtalk.conftest import DingTalkClient, dingtalk_config
from tests.fakes.dingtalk_server import ROBOT_BODY_MAX_BYTES, FakeDingTalk

# 09:00 in Beijing on a working Monday, as an aware instant: independent of the machine's zone.
START = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)


def test_robot_sends_stay_within_20_in_any_60_seconds_across_processes(dt: DingTalkClient) -> None:
    """40 reminders offered one every 1.5 s by two worker processes: DingTalk never answers 130101
    (20 per robot in any 60 s, then the robot is throttled for 10 minutes)."""
    config = dingtalk_config(dt.fake)
    workers = [DingTalkAdapter(dt.services, config), DingTalkAdapter(dt.services, config)]  # one Redis
    delivered: list[int] = []
    waiting: list[int] = []
    with time_machine.travel(START, tick=False) as traveller:
        for step in range(400):
            if step < 40:
                waiting.append(step)
            still: list[int] = []
            for i in waiting:
                message = OutgoingMessage(text=f"【催办】工单 DB-{i:03d} 今日到期，请及时办理。", chat_id="cid-zhujian")
                ok = workers[(i + step) % 2].send(message, dedupe_key=f"conformance:rate:{i}").ok
                (delivered if ok else still).append(i)
            waiting = still
            if step >= 40 and not waiting:
                break
            traveller.shift(1.5)
    throttled = [e for e in dt.fake.errors if e.get("errcode") == 130101]
    assert throttled == [], f"DingTalk answered 130101 {len(throttled)} times: the robot was throttled for 10 min"
    assert sorted(delivered) == list(range(40))


def test_reply_to_a_person_after_the_session_webhook_expired_goes_to_that_person(dt: DingTalkClient) -> None:
    """A 1:1 chat has no group: after ``sessionWebhook`` expired the answer must go by
    ``oToMessages/batchSend`` (userIds), never ``groupMessages/send`` with the staffId."""
    dt.send("dm", "hehui", "帮助", session_ttl_s=-10)
    assert not dt.fake.sent_to("session")
    assert not dt.fake.dropped, [(s.channel, s.target) for s in dt.fake.dropped]
    personal = dt.fake.sent_to("personal", "dt-hehui")
    assert personal and personal[-1].body["userIds"] == ["dt-hehui"]
    assert personal[-1].body["robotCode"] == dt.fake.robot_code


def test_group_api_reaches_only_groups_and_batch_send_only_people(dt: DingTalkClient) -> None:
    """The fake answers like DingTalk: a staffId as openConversationId is "sent" to nobody."""
    adapter = dt.services.adapter("dingtalk")
    assert adapter.send(OutgoingMessage(text="请签收", chat_id="cid-no-robot-group"), dedupe_key="g1").ok
    assert dt.fake.sent_to("group", "cid-no-robot-group")
    assert adapter.send(OutgoingMessage(text="您有工单即将超期", user_id="dt-hehui"), dedupe_key="p1").ok
    assert dt.fake.sent_to("personal", "dt-hehui") and not dt.fake.dropped


def test_long_text_with_many_mentions_stays_within_the_body_cap(dt: DingTalkClient) -> None:
    """Robot and sessionWebhook bodies over 20000 bytes are refused whole (460101)."""
    people = [f"dt-{code}" for code in ("zhaolei", "qianyu", "wangmin", "hehui", "lvbo", "wutao", "zhengqiang")]
    text = "\n".join(f"第{i}条：东湖路幸福小区垃圾堆积问题处理进展，请相关单位核实后回复。" for i in range(400))
    message = OutgoingMessage(text=text, chat_id="cid-donghu", format="markdown", title="【催办汇总】",
                              mentions=tuple(Mention(p, p) for p in people))
    result = dt.services.adapter("dingtalk").send(message, dedupe_key="conformance:long")
    assert result.ok, result.error
    assert not [e for e in dt.fake.errors if e.get("errcode") == 460101]
    parts = dt.fake.sent_to("robot", "robot-donghu")
    assert len(parts) > 1
    assert all(len(json.dumps(p.body, ensure_ascii=False).encode()) <= ROBOT_BODY_MAX_BYTES for p in parts)
    assert set(parts[0].at_user_ids) == set(people)


def test_private_deployment_endpoints_are_settings(dt: DingTalkClient) -> None:
    """A privately deployed DingTalk has its own hosts: OpenAPI and oapi calls all go there."""
    private = FakeDingTalk(prefix="/dingtalk-gov")
    try:
        private.add_robot("robot-donghu", "SEC-donghu-secret")
        private.files["code-1"] = b"\x89PNG-private"
        assert private.url.endswith("/dingtalk-gov")
        adapter = DingTalkAdapter(dt.services, dingtalk_config(private))
        assert adapter.send(OutgoingMessage(text="【新工单·主办】请签收", chat_id="cid-donghu"), dedupe_key="pv:robot").ok
        assert adapter.send(OutgoingMessage(text="您有工单即将超期", user_id="dt-hehui"), dedupe_key="pv:person").ok
        assert adapter.fetch_image(ImageRef(kind="download_code", ref="code-1")) == b"\x89PNG-private"
        assert private.sent_to("robot", "robot-donghu") and private.sent_to("personal", "dt-hehui")
        assert not dt.fake.sent
    finally:
        private.stop()


def test_deploy_doc_names_the_endpoint_settings() -> None:
    doc = (ROOT / "deploy" / "dingtalk.md").read_text()
    for variable in ("DINGTALK_OPENAPI_ENDPOINT", "DINGTALK_OAPI_ENDPOINT"):
        assert variable in doc, f"deploy/dingtalk.md should document {variable} for privately deployed DingTalk"
