"""Callback verification, bad input and duplicates, through the real app on loopback."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import func, select

from bot.messaging.codec import incoming_from_json
from bot.messaging.inbound import flush_enqueues
from models import Case, InboundMessage
from tests.fakes.wecom_server import FakeWeCom
from tests.support import drain
from tests.wecom.conftest import WeComBot

POST = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理"


def _payload(msgid: str = "dup-1", text: str = POST) -> dict:
    return {"msgid": msgid, "aibotid": "AIBOT", "chattype": "single", "from": {"userid": "zhaolei"},
            "msgtype": "text", "text": {"content": text}}


def _inbound_count(bot: WeComBot) -> int:
    with bot.services.sessions() as session:
        return int(session.scalar(select(func.count(InboundMessage.id))) or 0)


def test_url_verification_both_modes(wecom_bot: WeComBot) -> None:
    for path, which in (("/wecom/aibot", "aibot"), ("/wecom/app", "app")):
        started = time.monotonic()
        response = wecom_bot.fake.verify_url(wecom_bot.url + path, which)
        assert time.monotonic() - started < 1.0
        assert response.status_code == 200 and response.text == response.expected  # type: ignore[attr-defined]
    bad = requests.get(wecom_bot.url + "/wecom/aibot", params={"msg_signature": "0" * 40, "timestamp": str(int(time.time())),
                                                              "nonce": "n", "echostr": "abc"}, timeout=5)
    assert bad.status_code == 403


def test_bad_inputs_are_refused_and_nothing_stored(wecom_bot: WeComBot) -> None:
    fake, url = wecom_bot.fake, wecom_bot.url + "/wecom/aibot"
    statuses = {}

    params, body = fake.sign_aibot(_payload("bad-1"))
    statuses["signature"] = requests.post(url, params={**params, "msg_signature": "f" * 40}, data=body, timeout=5).status_code
    params, body = fake.sign_aibot(_payload("bad-2"), timestamp=int(time.time()) - 601)
    statuses["stale"] = requests.post(url, params=params, data=body, timeout=5).status_code
    params, body = fake.sign_aibot(_payload("bad-3"))
    statuses["malformed_json"] = requests.post(url, params=params, data=b"{not json", timeout=5).status_code
    statuses["too_big"] = requests.post(url, params=params, data=b"x" * (1_048_576 + 10), timeout=10).status_code
    # A valid body whose decrypted payload is not JSON.
    ts, nonce = params["timestamp"], "n-garbage"
    encrypt, sig = fake.aibot_crypto().encrypt("<not json>", nonce, ts)
    statuses["malformed_payload"] = requests.post(url, params={"msg_signature": sig, "timestamp": ts, "nonce": nonce},
                                                  data=json.dumps({"encrypt": encrypt}), timeout=5).status_code
    # App XML: a DTD with an entity, and a message encrypted for another corp.
    app_url = wecom_bot.url + "/wecom/app"
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xml><Encrypt>&a;</Encrypt></xml>'
    statuses["dtd"] = requests.post(app_url, params=fake.sign_app("<xml/>")[0], data=evil, timeout=5).status_code
    other = FakeWeCom(corp_id="wwother", app_token=fake.app_token, app_aes_key=fake.app_aes_key)
    try:
        params, body = other.sign_app("<xml><MsgType>text</MsgType><FromUserName>zhaolei</FromUserName><MsgId>1</MsgId>"
                                      "<Content>hi</Content></xml>")
    finally:
        other.stop()
    statuses["receive_id"] = requests.post(app_url, params=params, data=body, timeout=5).status_code

    assert statuses == {"signature": 403, "stale": 403, "malformed_json": 400, "too_big": 413,
                        "malformed_payload": 400, "dtd": 400, "receive_id": 403}
    assert _inbound_count(wecom_bot) == 0 and len(wecom_bot.services.queue) == 0


def test_replayed_nonce_is_refused(wecom_bot: WeComBot) -> None:
    fake, url = wecom_bot.fake, wecom_bot.url + "/wecom/aibot"
    params, body = fake.sign_aibot(_payload("r-1"), nonce="same-nonce")
    assert requests.post(url, params=params, data=body, timeout=5).status_code == 200
    params, body = fake.sign_aibot(_payload("r-2"), nonce="same-nonce")
    assert requests.post(url, params=params, data=body, timeout=5).status_code == 409
    flush_enqueues(wecom_bot.services)  # the job is enqueued just after the answer
    assert _inbound_count(wecom_bot) == 1 and len(wecom_bot.services.queue) == 1


def test_three_concurrent_deliveries_make_one_case_and_one_reply(wecom_bot: WeComBot) -> None:
    fake, url = wecom_bot.fake, wecom_bot.url + "/wecom/aibot"
    payload = _payload("dup-1")
    payload["response_url"] = fake.response_url()
    started = time.monotonic()
    with ThreadPoolExecutor(3) as pool:
        statuses = list(pool.map(lambda _: fake.post_aibot(url, payload), range(3)))
    assert statuses == [200, 200, 200]
    assert time.monotonic() - started < 3.0  # each ack well under WeCom's 5 s, the work is queued
    drain(wecom_bot.services)
    with wecom_bot.services.sessions() as session:
        assert session.scalar(select(func.count(Case.id))) == 1
    # 1:1 with zhaolei: no robot for that chat, so the answer goes once through response_url.
    assert len(fake.responses) == 1 and "已建工单" in fake.responses[0][1]["markdown"]["content"]


def test_app_xml_text_and_image(wecom_bot: WeComBot) -> None:
    fake = wecom_bot.fake
    media_id = fake.add_media(b"\x89PNG-app-image")
    xml = (f"<xml><ToUserName><![CDATA[{fake.corp_id}]]></ToUserName><FromUserName><![CDATA[zhaolei]]></FromUserName>"
           f"<CreateTime>1700000000</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x/p]]></PicUrl>"
           f"<MediaId><![CDATA[{media_id}]]></MediaId><MsgId>777</MsgId><AgentID>{fake.agent_id}</AgentID></xml>")
    started = time.monotonic()
    assert fake.post_app(wecom_bot.url + "/wecom/app", xml) == 200
    assert time.monotonic() - started < 1.0
    with wecom_bot.services.sessions() as session:
        row = session.scalar(select(InboundMessage))
        assert row is not None and row.msg_id == "app:777"
        msg = incoming_from_json(row.payload)
    assert msg.chat_type == "single" and msg.images[0].kind == "media_id"
    assert wecom_bot.services.adapter("wecom").fetch_image(msg.images[0]) == b"\x89PNG-app-image"
    text = xml.replace("image", "text").replace("<MsgId>777", "<MsgId>778").replace(
        "<PicUrl>", "<Content><![CDATA[帮助]]></Content><PicUrl>")
    assert fake.post_app(wecom_bot.url + "/wecom/app", text) == 200
    drain(wecom_bot.services)
    assert fake.app_messages and fake.app_messages[-1]["touser"] == "zhaolei"
