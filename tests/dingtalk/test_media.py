"""Charts on DingTalk: a markdown image linking to our own signed, expiring /media URL."""

from __future__ import annotations

import dataclasses
import logging
import re
import time

import pytest
import requests

from bot.messaging.delivery import deliver
from bot.messaging.media_links import make_token, media_dir, open_png, publish_png
from bot.messaging.messages import Mention, OutgoingMessage
from bot.messaging.outbox import add_outbound
from tests.dingtalk.conftest import DingTalkClient

# A real, tiny PNG (1×1, grey): the bytes must come back unchanged.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c6360000000020001e221bc330000000049454e44ae426082"
)
LINK = re.compile(r"!\[([^\]]*)\]\((\S+?)\)")


def _public(dt: DingTalkClient, base_url: str) -> None:
    # The live server shares these Services: the blueprint and the adapter both read settings per request.
    dt.services.settings = dataclasses.replace(dt.services.settings, public_url=base_url)


def _deliver(dt: DingTalkClient, message: OutgoingMessage, key: str) -> str:
    with dt.services.sessions() as session, session.begin():
        row = add_outbound(session, dt.services, platform="dingtalk", message=message, dedupe_key=key)
        session.flush()
        row_id = row.id
    return deliver(dt.services, row_id)


def test_chart_reaches_the_group_as_a_markdown_image_we_serve(dt: DingTalkClient) -> None:
    base = dt.callback_url.rsplit("/dingtalk/", 1)[0]
    _public(dt, base)
    message = OutgoingMessage(text="东湖街道本周办结 5 件", chat_id="cid-donghu", title="本周工单统计",
                              image_png=PNG, mentions=(Mention("dt-hehui", "何慧"),))
    assert _deliver(dt, message, "t:chart") == "sent"
    sent = dt.fake.sent_to("robot", "robot-donghu")[-1]
    assert sent.body["msgtype"] == "markdown" and sent.body["markdown"]["title"] == "本周工单统计"
    assert sent.at_user_ids == ["dt-hehui"] and "@dt-hehui" in sent.text
    title, url = LINK.search(sent.text).groups()  # type: ignore[union-attr]
    assert title == "本周工单统计" and url.startswith(f"{base}/media/") and url.endswith(".png")
    served = requests.get(url, timeout=10)
    assert served.status_code == 200 and served.headers["Content-Type"] == "image/png"
    assert served.content == PNG

    token = url.rsplit("/", 1)[1].removesuffix(".png")
    name, expires, sig = token.split("-", 2)
    assert int(expires) - time.time() == pytest.approx(7 * 86400, abs=120)  # 7 days by default
    tampered = [
        f"{name}-{int(expires) + 86400}-{sig}",  # a longer life, same signature
        f"{name}-{expires}-{sig[:-1]}{'A' if sig[-1] != 'A' else 'B'}",  # one character of the signature
        f"{'0' * 64}-{expires}-{sig}",  # another file
        "../../bot",
    ]
    for bad in tampered:
        assert requests.get(f"{base}/media/{bad}.png", timeout=10).status_code == 404, bad
    # Signed correctly but expired: refused too.
    expired = make_token(dt.services.settings, name, int(time.time()) - 1)
    assert requests.get(f"{base}/media/{expired}.png", timeout=10).status_code == 404


def test_expired_files_are_purged_and_links_refused(dt: DingTalkClient) -> None:
    _public(dt, "https://bot.example.gov.cn")
    settings = dt.services.settings
    week_ago = time.time() - 8 * 86400
    old_url = publish_png(settings, PNG + b"old", now_s=week_ago)
    assert old_url and old_url.startswith("https://bot.example.gov.cn/media/")
    old_token = old_url.rsplit("/", 1)[1].removesuffix(".png")
    assert open_png(settings, old_token, now_s=week_ago + 60) is not None
    assert open_png(settings, old_token) is None  # past its expiry
    publish_png(settings, PNG)  # the next publish removes files whose every link has expired
    assert sorted(p.read_bytes() for p in media_dir(settings).glob("*.png")) == [PNG]


def test_without_public_url_the_text_goes_alone_and_one_warning_says_why(
        dt: DingTalkClient, caplog: pytest.LogCaptureFixture) -> None:
    assert not dt.services.settings.public_url
    caplog.set_level(logging.WARNING, logger="bot.platforms.dingtalk")
    for i in range(2):
        message = OutgoingMessage(text=f"日报{i}", chat_id="cid-donghu", image_png=PNG)
        assert _deliver(dt, message, f"t:nourl:{i}") == "sent"
    texts = [s.text for s in dt.fake.sent_to("robot", "robot-donghu")]
    assert texts == ["日报0", "日报1"]
    warnings = [r for r in caplog.records if "BOT_PUBLIC_URL" in r.getMessage()]
    assert len(warnings) == 1
    assert not media_dir(dt.services.settings).exists()
