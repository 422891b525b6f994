"""Units' photos (办理佐证) through the simulator: with a report or right after it, attached to the right
case, sent on to the office, on the case page and in 查; when the case is unclear, the sender is asked."""

from __future__ import annotations

import base64
import io
from typing import Any

from PIL import Image
from sqlalchemy import select

from models import Case, CaseEvent, CaseEvidence
from tests.support import SimulatorClient, newest
from tests.web.helpers import login, make_users

POST = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，联系电话13812345678"
LAMP = "东湖街道湖滨社区路灯坏了半个月，晚上一片漆黑，老人出行摔倒"


def photo(colour: tuple[int, int, int], size: tuple[int, int] = (640, 480)) -> str:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG")
    return base64.b64encode(out.getvalue()).decode()


def _open_case(sim: SimulatorClient, post: str = POST) -> str:
    sim.send("office", "zhaolei", post)
    sim.send("office", "zhaolei", "派 东湖街道")
    return newest(sim.services, Case).number


def _photos(sim: SimulatorClient, number: str) -> list[CaseEvidence]:
    with sim.services.sessions() as session:
        rows = list(session.scalars(select(CaseEvidence).join(Case, Case.id == CaseEvidence.case_id)
                                    .where(Case.number == number).order_by(CaseEvidence.id)))
        session.expunge_all()
        return rows


def _office_photos(sim: SimulatorClient) -> list[dict[str, Any]]:
    return [m for m in sim.bot_messages("office") if m["image_url"]]


def test_photo_right_after_closing_goes_to_that_case_the_office_the_page_and_cha(sim: SimulatorClient, app: Any) -> None:
    number = _open_case(sim)
    sim.send("g-donghu", "hehui", "已办结 垃圾已全部清运，已电话回复网民")
    assert "【办结】" in sim.last_bot_text("office")

    # On WeCom and DingTalk the photo is a message of its own, right after the text.
    sim.send("g-donghu", "hehui", image=photo((30, 160, 60)))
    answer = sim.last_bot_text("g-donghu")
    assert answer == f"已将 1 张图片附到 {number}（办结），已转网信办。"
    assert "未识别的指令" not in answer
    [stored] = _photos(sim, number)
    assert stored.context == "final" and stored.file_name.endswith(".jpg")

    [to_office] = _office_photos(sim)
    assert to_office["text"] == f"【附图】{number} 东湖街道办事处（办结）1/1"
    shown = sim.messages("office")[-1]
    assert shown["image_url"] and shown["is_bot"]

    sim.send("office", "wangmin", f"查 {number}")
    assert "附图: 1 张（办结 1），在工作台工单页查看" in sim.last_bot_text("office")

    make_users(sim.services)
    client = app.test_client()
    login(client, "dh_handler")
    with sim.services.sessions() as session:
        case_id = session.scalar(select(Case.id).where(Case.number == number))
    page = client.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)
    href = f"/dashboard/cases/{case_id}/evidence/{stored.id}"
    assert "办理附图" in page and href in page and "东湖街道办事处 · 办结 · 何慧" in page
    with client.get(href) as image:
        assert image.status_code == 200 and image.data == base64.b64decode(photo((30, 160, 60)))
    # Someone of another unit sees neither the case nor its photo.
    other = app.test_client()
    login(other, "zj_handler")
    assert other.get(href).status_code == 404


def test_photo_with_the_report_and_progress_photos(sim: SimulatorClient) -> None:
    number = _open_case(sim)
    sim.send("g-donghu", "hehui", "进展 已联系物业正在清运", images=[photo((200, 0, 0)), photo((0, 0, 200))])
    assert sim.last_bot_text("g-donghu") == f"已记录 {number} 的进展。（附图 2 张，已转网信办）"
    captions = [m["text"] for m in _office_photos(sim)]
    assert captions == [f"【附图】{number} 东湖街道办事处（进展）1/2\n进展: 已联系物业正在清运",
                        f"【附图】{number} 东湖街道办事处（进展）2/2"]
    sim.send("g-donghu", "hehui", "申请延期 3天 需协调环卫车辆", image=photo((90, 90, 90)))
    assert "（附图 1 张，已转网信办）" in sim.last_bot_text("g-donghu")
    office = sim.bot_messages("office")
    assert "【延期申请】" in office[-2]["text"] and office[-1]["image_url"]  # the notice, then its photo
    assert [p.context for p in _photos(sim, number)] == ["progress", "progress", "extension"]
    with sim.services.sessions() as session:
        events = list(session.scalars(select(CaseEvent.text).where(CaseEvent.kind == "evidence")))
    assert events == ["附图 2 张", "附图 1 张"]


def test_which_case_the_quoted_one_the_only_one_or_ask(sim: SimulatorClient) -> None:
    first = _open_case(sim)
    # Only one case in hand, no report just now: the photo goes to it.
    sim.send("g-donghu", "hehui", image=photo((1, 2, 3)))
    assert sim.last_bot_text("g-donghu") == f"已将 1 张图片附到 {first}（补充），已转网信办。"

    second = _open_case(sim, LAMP)
    # Two in hand: the photo waits and the sender is asked which.
    sim.send("g-donghu", "hehui", image=photo((4, 5, 6)))
    ask = sim.last_bot_text("g-donghu")
    assert "已收到 1 张图片，属于哪件工单？" in ask and first in ask and second in ask and "附图 " in ask
    assert len(_photos(sim, first)) == 1 and _photos(sim, second) == []
    sim.send("g-donghu", "hehui", f"附图 {second}")
    assert sim.last_bot_text("g-donghu") == f"已将 1 张图片附到 {second}（补充），已转网信办。"
    assert len(_photos(sim, second)) == 1

    # A photo quoting the case's message goes to the quoted case.
    sim.send("g-donghu", "hehui", image=photo((7, 8, 9)), quoted=f"【新工单·主办】 {first}")
    assert sim.last_bot_text("g-donghu").startswith(f"已将 1 张图片附到 {first}")
    # Right after a report on the second case, a photo goes to it although two are in hand.
    sim.send("g-donghu", "hehui", f"进展 {second} 已更换灯泡")
    sim.send("g-donghu", "hehui", image=photo((10, 11, 12)))
    assert sim.last_bot_text("g-donghu") == f"已将 1 张图片附到 {second}（进展），已转网信办。"
    # The same photo twice is kept once.
    sim.send("g-donghu", "hehui", image=photo((10, 11, 12)))
    assert len(_photos(sim, second)) == 2


def test_a_waiting_photo_joins_the_next_report_and_bad_images_are_answered(sim: SimulatorClient) -> None:
    first = _open_case(sim)
    second = _open_case(sim, LAMP)
    sim.send("g-donghu", "hehui", image=photo((50, 50, 50)))
    assert "属于哪件工单" in sim.last_bot_text("g-donghu")
    sim.send("g-donghu", "hehui", f"已办结 {first} 垃圾已清运")
    assert sim.last_bot_text("g-donghu") == f"{first} 已办结，待网信办核查。（附图 1 张，已转网信办）"
    assert _photos(sim, second) == [] and len(_photos(sim, first)) == 1

    garbage = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64).decode()
    sim.send("g-donghu", "hehui", image=garbage)
    assert "图片无法打开" in sim.last_bot_text("g-donghu")
    # Another unit's case: refused, nothing attached.
    sim.send("g-zhujian", "sunjie", f"附图 {first}", image=photo((60, 60, 60)))
    assert "不属于您的单位" in sim.last_bot_text("g-zhujian")
    assert len(_photos(sim, first)) == 1
    # 附图 with nothing waiting.
    sim.send("g-donghu", "hehui", f"附图 {first}")
    assert "没有待归档的图片" in sim.last_bot_text("g-donghu")


def test_help_tells_units_about_photos(sim: SimulatorClient) -> None:
    sim.send("g-donghu", "hehui", "帮助")
    assert "附图 工单号" in sim.last_bot_text("g-donghu")

