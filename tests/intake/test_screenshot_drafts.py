"""Screenshots forwarded through the simulator become drafts from each image's parsed post: several
screenshots of one post merged post by post (no page chrome in the body, routing on the cleaned
text), every field on the card correctable with one ``改`` reply, unsure fields marked.

The screenshots are drawn by tests/intake/screens.py and read by the real OCR engine in the worker.
"""

from __future__ import annotations

import base64
import re
from datetime import timedelta
from functools import cache

from sqlalchemy import select

from bot.intake.pages import merge_posts
from bot.intake.post_parser import ParsedPost
from bot.intake.post_time import SHANGHAI
from bot.routing.drafts import unsure_fields
from models import Case, CaseEvent
from tests.intake.screens import Post, post_pages
from tests.support import SimulatorClient, all_rows, newest

BODY = ("东湖路湖滨社区门口到菜市场这一段的路灯已经坏了半个月，晚上一片漆黑，上周有老人在这里摔倒，"
        "小孩放学回家也很危险。我们向社区反映过两次，说已经报修，但到现在还没有人来修。希望有关部门尽快派人"
        "检修路灯，恢复夜间照明。另外路口的井盖也松动了，车开过去响声很大，请一并处理。联系电话13800002222。")
# Below the post: a comment and a list of other posts that name another township, another unit's
# keywords (工资, 看病) — what routing would see if the page's OCR text were taken as the post.
POST = Post(
    author="湖滨夜归人", time="昨天 21:05", title="东湖路湖滨社区路灯坏了半个月", body=BODY,
    addressed_unit="示例县城市管理局",
    comments=(("青山村民", "我们青山镇石桥村学校门口的工资拖欠也没人管"),),
    related=("青山镇农民工工资拖欠三个月", "县医院看病排队太久"),
)
NOT_THE_POST = ("留言详情", "全部评论", "相关推荐", "青山", "石桥村", "工资", "看病", "说点什么", "发送", "转发")


@cache
def _pages(split: bool, board: bool = True) -> tuple[str, ...]:
    pages = post_pages(POST, split_at=3 if split else None, board=board)
    return tuple(base64.b64encode(png).decode() for png in pages)


def _squash(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


def test_two_screenshots_of_one_post_make_one_draft_with_the_merged_body(sim: SimulatorClient) -> None:
    first, second = _pages(split=True)
    sim.send("office", "zhaolei", image=first)
    assert "已建工单" in sim.last_bot_text("office")
    sim.send("office", "zhaolei", image=second)
    reply = sim.last_bot_text("office")
    assert "第 2 张截图" in reply
    [case] = all_rows(sim.services, Case)
    assert case.title == "东湖路湖滨社区路灯坏了半个月" and case.author == "湖滨夜归人"
    body = _squash(case.body)
    # The whole post, in order, the lines both screens show once, nothing of the page around it.
    assert body.startswith("东湖路湖滨社区门口到菜市场") and body.endswith("联系电话13800002222。"), body
    assert body.count("小孩放学回家也很危险") == 1 and "恢复夜间照明" in body
    for word in NOT_THE_POST:
        assert word not in body, word
    assert case.proposal["pages"] == 2 and case.posted_at is not None
    assert "138****2222" in reply and "13800002222" not in reply  # the card masks the phone
    # Routing read the merged post: the place and the unit it names.
    names = [p["unit_name"] for p in case.proposal["units"]]
    assert names and names[0] in ("示例县城市管理局", "东湖街道办事处"), names


def test_both_screenshots_in_one_message_make_the_same_draft(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", images=list(_pages(split=True)), text="请尽快核实")
    [case] = all_rows(sim.services, Case)
    body = _squash(case.body)
    assert body.count("小孩放学回家也很危险") == 1 and body.endswith("13800002222。")
    assert "请尽快核实" not in body and case.proposal["pages"] == 2
    # The text sent with the screenshots is the dispatcher's note, not the post.
    assert "附言: 请尽快核实" in sim.last_bot_text("office")


OTHER_POST = Post(
    author="青山老周", time="今天 08:40", title="青山镇石桥村自来水停了三天",
    body="青山镇石桥村从周五开始停水，到现在已经三天了，村里老人只能去井里挑水，问了村委会也不知道什么时候来水。"
         "希望供水公司尽快抢修，恢复供水。",
    addressed_unit="示例县水利局",
)


def test_another_post_forwarded_right_after_makes_its_own_draft(sim: SimulatorClient) -> None:
    # Duty staff forward several posts in a row: a screenshot showing its own post (its own
    # title, author and time) within the merge window is a new draft, not a page of the last one.
    (page,) = _pages(split=False)
    (other,) = post_pages(OTHER_POST, board=True)
    sim.send("office", "zhaolei", image=page)
    sim.send("office", "zhaolei", image=base64.b64encode(other).decode())
    assert "张截图" not in sim.last_bot_text("office")
    cases = sorted(all_rows(sim.services, Case), key=lambda c: c.id)
    assert [c.title for c in cases] == ["东湖路湖滨社区路灯坏了半个月", "青山镇石桥村自来水停了三天"]
    assert "石桥村" not in _squash(cases[0].body) and "路灯" not in _squash(cases[1].body)


def test_proposals_come_from_the_cleaned_post_not_the_page(sim: SimulatorClient) -> None:
    (page,) = _pages(split=False)
    sim.send("office", "zhaolei", image=page)
    card = sim.last_bot_text("office")
    [case] = all_rows(sim.services, Case)
    # The page around the post was read (so routing could have seen it) ...
    assert "青山镇" in case.proposal["source_text"] and "工资" in case.proposal["source_text"]
    # ... but neither the fields, nor the reasons, nor the proposed units come from it.
    assert "青山" not in (case.place or "") and "工资" not in _squash(case.body)
    proposals = case.proposal["units"]
    assert proposals
    for proposal in proposals:
        assert not any(word in proposal["reason"] for word in ("青山", "石桥", "工资", "看病", "医院")), proposal
        assert proposal["unit_name"] not in ("青山镇人民政府", "示例县人力资源和社会保障局", "示例县卫生健康局")
    assert "留言对象: 示例县城市管理局" in card and "建议承办单位" in card


def test_author_and_time_are_corrected_with_one_reply_and_survive_the_next_screenshot(sim: SimulatorClient) -> None:
    first, second = _pages(split=True)
    sim.send("office", "zhaolei", image=first)
    sim.send("office", "zhaolei", "改 作者 湖滨社区老王")
    assert "已修改作者" in sim.last_bot_text("office") and "网民: 湖滨社区老王" in sim.last_bot_text("office")
    sim.send("office", "zhaolei", "改 时间 昨天 下午3:05")
    reply = sim.last_bot_text("office")
    case = newest(sim.services, Case)
    with sim.services.sessions() as session:
        at = session.scalar(select(CaseEvent.created_at).where(CaseEvent.case_id == case.id, CaseEvent.kind == "corrected")
                            .order_by(CaseEvent.id.desc()))
    assert at is not None
    yesterday = (at.astimezone(SHANGHAI) - timedelta(days=1)).date()
    assert case.author == "湖滨社区老王"
    assert case.posted_at is not None
    assert case.posted_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") == f"{yesterday:%Y-%m-%d} 15:05"
    assert f"发布: {yesterday:%Y-%m-%d} 15:05" in reply
    # A later screenshot of the post extends the draft and leaves the corrected fields as corrected.
    sim.send("office", "zhaolei", image=second)
    case = newest(sim.services, Case)
    assert case.author == "湖滨社区老王" and case.posted_at is not None
    assert case.posted_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") == f"{yesterday:%Y-%m-%d} 15:05"
    assert "恢复夜间照明" in case.body and case.proposal["pages"] == 2
    # A time the grammar does not read is refused with an example; an unknown field lists them all.
    sim.send("office", "zhaolei", "改 时间 不知道")
    assert "看不懂时间" in sim.last_bot_text("office")
    sim.send("office", "zhaolei", "改 年龄 30")
    listed = sim.last_bot_text("office")
    assert "不能修改“年龄”" in listed
    for name in ("作者", "时间", "标题", "正文", "留言对象", "来源", "地点", "电话"):
        assert name in listed, name


def test_every_card_field_can_be_corrected(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", "东湖街道湖滨社区路灯坏了半个月，晚上一片漆黑，老人出行摔倒")
    for command, shown in (("改 正文 湖滨社区路灯坏了，请修", "内容: 湖滨社区路灯坏了，请修"),
                           ("改 电话 13900003333", "电话: 139****3333"),
                           ("改 作者张三", "网民: 张三"),
                           ("改 IP属地 湖南", "IP属地: 湖南"),
                           ("改 发布时间 2026-11-28 09:30", "发布: 2026-11-28 09:30")):
        sim.send("office", "zhaolei", command)
        assert shown in sim.last_bot_text("office"), (command, sim.last_bot_text("office"))
    # A date without a clock is shown as a date, not as a made-up midnight; a clock brings the time back.
    sim.send("office", "zhaolei", "改 时间 2026-11-27")
    assert re.search(r"发布: 2026-11-27(?! \d)", sim.last_bot_text("office")), sim.last_bot_text("office")
    assert "2026-11-27 00:00" not in sim.last_bot_text("office")
    sim.send("office", "zhaolei", "改 时间 2026-11-27 08:15")
    assert "发布: 2026-11-27 08:15" in sim.last_bot_text("office")
    case = newest(sim.services, Case)
    assert case.body == "湖滨社区路灯坏了，请修" and case.author == "张三"
    assert "13900003333" not in sim.last_bot_text("office")


def test_an_unsure_field_is_marked_until_corrected(sim: SimulatorClient) -> None:
    # A feed post (微博) has no title: the draft's title is the first sentence of the body, a guess.
    (page,) = _pages(split=False, board=False)
    sim.send("office", "zhaolei", image=page)
    card = sim.last_bot_text("office")
    title_line = next(line for line in card.splitlines() if line.startswith("标题: "))
    assert title_line.endswith("（待核）"), title_line
    assert "标“待核”的是识别把握不大的项（标题" in card
    assert "网民: 湖滨夜归人" in card and "网民: 湖滨夜归人（待核）" not in card
    sim.send("office", "zhaolei", "改 标题 东湖路湖滨社区路灯损坏")
    card = sim.last_bot_text("office")
    assert "标题: 东湖路湖滨社区路灯损坏\n" in card and "待核" not in card


def _post(**fields: object) -> ParsedPost:
    base: dict[str, object] = dict(platform="other", title=None, author=None, posted_at=None, addressed_unit=None,
                                   body="")
    base.update(fields)
    return ParsedPost(**base)  # type: ignore[arg-type]


def test_unsure_fields_from_the_role_model_and_from_fallbacks() -> None:
    post = _post(title="路灯坏了", author="某网友", body="路灯坏了半个月。",
                 confidence={"title": 0.95, "author": 0.41, "body": 0.97})
    assert post.unsure == ("author",)
    fields = {"title": "路灯坏了", "body": "路灯坏了半个月。", "author": "某网友", "posted_at": None}
    assert unsure_fields(post, fields, from_images=True) == ["author", "posted_at"]  # a screenshot shows a time
    assert unsure_fields(post, fields, from_images=False) == ["author"]
    untitled = _post(body="路灯坏了半个月。", confidence={"body": 0.9})
    assert unsure_fields(untitled, {"title": "路灯坏了半个月", "body": "路灯坏了半个月。"}, from_images=False) == ["title"]
    # Merged pages: each field as sure as the page that gave it; the body as its least sure page.
    merged = merge_posts([_post(author="甲", body="第一页。", confidence={"author": 0.9, "body": 0.95}),
                          _post(title="标题", body="第二页。", confidence={"title": 0.5, "body": 0.7})])
    assert merged.confidence == {"author": 0.9, "body": 0.7, "title": 0.5}
    assert merged.unsure == ("title",)
