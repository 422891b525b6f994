"""A DingTalk picture reaches the screenshot intake, and the worker can download it.

The intake (OCR) is being replaced elsewhere; what this pins down is the DingTalk half of the
contract: the callback's ``downloadCode`` is stored as an ``ImageRef("download_code")`` and, in
an RQ worker, ``services.adapter("dingtalk").fetch_image`` turns it into the picture's bytes
through the token → messageFiles/download → downloadUrl path of the fake.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.jobs import worker_services
from bot.messaging.codec import incoming_from_json
from models import InboundMessage
from tests.dingtalk.conftest import DingTalkClient
from tests.support import drain, newest

# A real (synthetic) screenshot, ~23 kB: the worker OCRs what it downloads.
SCREENSHOT = (Path(__file__).resolve().parent.parent / "intake" / "data" / "sample_post_page2.png").read_bytes()


def fetch_images_job(inbound_id: int) -> list[str]:
    """What the screenshot intake does first, as an RQ job: fetch every picture of the message."""
    services = worker_services()
    with services.sessions() as session:
        row = session.get(InboundMessage, inbound_id)
        assert row is not None
        msg = incoming_from_json(row.payload)
    adapter = services.adapter(msg.platform)
    return [hashlib.sha256(adapter.fetch_image(image)).hexdigest() for image in msg.images]


def _latest_inbound(dt: DingTalkClient) -> InboundMessage:
    return newest(dt.services, InboundMessage)


def _fetch_in_worker(dt: DingTalkClient, inbound_id: int) -> list[str]:
    job = dt.services.queue.enqueue(fetch_images_job, inbound_id)
    assert drain(dt.services) == 1
    job.refresh()
    assert job.get_status() == "finished", job.latest_result().exc_string  # type: ignore[union-attr]
    return job.return_value()  # type: ignore[no-any-return]


def test_picture_message_reaches_the_screenshot_intake_and_downloads(dt: DingTalkClient) -> None:
    dt.fake.files["dl-code-1"] = SCREENSHOT
    dt.send("office", "zhaolei", msgtype="picture", content={"downloadCode": "dl-code-1"})
    row = _latest_inbound(dt)
    assert row.state == "processed"
    msg = incoming_from_json(row.payload)
    assert [(i.kind, i.ref) for i in msg.images] == [("download_code", "dl-code-1")]
    card = dt.last("office").text  # the worker downloaded and read the picture, answering in the group
    assert "已建工单 DB-" in card and "蚊蝇" in card and "138****1111" in card
    assert _fetch_in_worker(dt, row.id) == [hashlib.sha256(SCREENSHOT).hexdigest()]


def test_rich_text_with_pictures_and_an_expired_token(dt: DingTalkClient) -> None:
    dt.fake.files.update({"rt-1": SCREENSHOT, "rt-2": SCREENSHOT[::-1]})
    content = {"richText": [{"text": "网民反映东湖路积水"}, {"downloadCode": "rt-1"}, {"downloadCode": "rt-2"}]}
    dt.send("office", "zhaolei", msgtype="richText", content=content)
    row = _latest_inbound(dt)
    assert incoming_from_json(row.payload).text == "网民反映东湖路积水"
    assert _fetch_in_worker(dt, row.id) == [hashlib.sha256(SCREENSHOT).hexdigest(),
                                            hashlib.sha256(SCREENSHOT[::-1]).hexdigest()]
    tokens_before = dt.fake.token_requests
    dt.fake.revoke_tokens()  # the cached app token died early: refreshed once, download still works
    assert len(_fetch_in_worker(dt, row.id)) == 2
    assert dt.fake.token_requests == tokens_before + 1
