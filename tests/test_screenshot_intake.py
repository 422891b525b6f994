"""A forwarded screenshot through the simulator: OCR in the worker, a filled draft with a reasoned
proposal, several screenshots of one post making one case, unreadable images answered clearly."""

from __future__ import annotations

import base64
from pathlib import Path

from sqlalchemy import func, select

from models import Case, InboundMessage
from tests.support import SimulatorClient, all_rows

DATA = Path(__file__).parent / "intake" / "data"


def _image(name: str) -> str:
    return base64.b64encode((DATA / name).read_bytes()).decode()


def test_screenshot_becomes_a_filled_draft_and_more_pages_extend_it(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", image=_image("sample_post.png"))
    card = sim.last_bot_text("office")
    assert "已建工单 DB-" in card and "来源: 抖音" in card and "东湖街道芙蓉路占道施工" in card
    assert "1. 东湖街道办事处" in card and "地点: 东湖街道" in card  # the reason names the place
    [case] = all_rows(sim.services, Case)
    assert case.source == "douyin" and case.author == "示例用户" and case.posted_at is not None
    assert case.place and "芙蓉路" in case.place

    # A second screenshot of the same post from the same dispatcher within two minutes: same case.
    sim.send("office", "zhaolei", image=_image("sample_post_page2.png"))
    reply = sim.last_bot_text("office")
    assert "第 2 张截图" in reply
    assert "138****1111" in reply and "13800001111" not in reply
    [case] = all_rows(sim.services, Case)
    assert "蚊蝇" in case.body and case.proposal["pages"] == 2

    sim.send("office", "zhaolei", "改 标题 东湖街道芙蓉路占道施工垃圾堆积")
    assert all_rows(sim.services, Case)[0].title == "东湖街道芙蓉路占道施工垃圾堆积"
    sim.send("office", "zhaolei", "1")
    assert "【新工单·主办】" in sim.last_bot_text("g-donghu")


def test_unreadable_images_get_a_clear_answer_and_no_case(sim: SimulatorClient) -> None:
    garbage = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64).decode()
    result = sim.send("office", "zhaolei", image=garbage)
    assert "无法识别" in sim.last_bot_text("office")
    assert all_rows(sim.services, Case) == []
    with sim.services.sessions() as session:
        inbound = session.get(InboundMessage, result["inbound_id"])
        assert inbound is not None and inbound.outcome == "unreadable_image"
        assert Path(inbound.payload["images"][0]["ref"]).exists()  # the image is kept


def test_a_repeat_of_an_open_case_is_linked_not_dispatched_twice(sim: SimulatorClient) -> None:
    post = "东湖街道幸福小区垃圾堆积多日无人清理，蚊蝇滋生，气味难闻"
    sim.send("office", "zhaolei", post)
    sim.send("office", "zhaolei", "1")
    sim.send("office", "qianyu", "幸福小区（东湖街道）垃圾堆积多日无人清理了，蚊蝇滋生气味难闻！")
    assert "重复件" in sim.last_bot_text("office")
    assert "【又有网民反映】" in sim.last_bot_text("g-donghu")
    first, second = all_rows(sim.services, Case)
    assert second.status == "duplicate" and second.duplicate_of_id == first.id
    with sim.services.sessions() as session:
        assert session.scalar(select(func.count(Case.id)).where(Case.status == "dispatched")) == 1


def test_dispatcher_choices_become_routing_examples(sim: SimulatorClient) -> None:
    from bot.routing.drafts import dispatch_examples
    from bot.routing.feedback import as_examples

    sim.send("office", "zhaolei", "工地拖欠农民工工资三个月，包工头失联")
    sim.send("office", "zhaolei", "派 住建局 协办 人社局")  # corrects the first proposal (人社局)
    with sim.services.sessions() as session:
        examples = dispatch_examples(session)
    assert examples == [(examples[0][0], examples[0][1], ["示例县住房和城乡建设局", "示例县人力资源和社会保障局"])]
    assert as_examples(examples)[0].unit_names == ("示例县住房和城乡建设局", "示例县人力资源和社会保障局")
