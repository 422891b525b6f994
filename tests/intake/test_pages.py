"""Two screenshots of one post: fields from the page that shows them, bodies without the overlap."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.intake.pages import merge_posts
from bot.intake.post_parser import ParsedPost
from bot.intake.post_time import SHANGHAI


def _post(**fields: object) -> ParsedPost:
    base: dict[str, object] = dict(platform="other", title=None, author=None, posted_at=None, addressed_unit=None, body="")
    base.update(fields)
    return ParsedPost(**base)  # type: ignore[arg-type]


def test_second_page_continues_the_body_and_fills_missing_fields() -> None:
    first = _post(platform="hongwang", title="芙蓉路夜间施工扰民", author="夜里睡不着",
                  posted_at=datetime(2026, 11, 20, 23, 40, tzinfo=SHANGHAI),
                  body="示例县芙蓉路工地每晚施工到凌晨两点，噪音很大，附近居民无法休息。我们多次向")
    second = _post(addressed_unit="示例县城市管理局",
                   body="噪音很大，附近居民无法休息。我们多次向社区反映，但一直没有得到解决。联系电话13800001111。",
                   phones=["13800001111"])
    merged = merge_posts([first, second])
    assert merged.platform == "hongwang" and merged.title == "芙蓉路夜间施工扰民"
    assert merged.addressed_unit == "示例县城市管理局" and merged.phones == ["13800001111"]
    assert merged.body == (
        "示例县芙蓉路工地每晚施工到凌晨两点，噪音很大，附近居民无法休息。我们多次向社区反映，但一直没有得到解决。联系电话13800001111。"
    )
    assert [p.name for p in merged.place_mentions] == ["示例县", "芙蓉路"]


def test_pages_without_overlap_are_joined_as_paragraphs() -> None:
    merged = merge_posts([_post(body="第一页的内容到此为止。"), _post(body="第二页另起一段。")])
    assert merged.body == "第一页的内容到此为止。\n第二页另起一段。"


def test_no_pages() -> None:
    with pytest.raises(ValueError):
        merge_posts([])


def test_a_page_with_its_own_header_is_another_post_not_a_next_screen() -> None:
    from bot.intake.pages import continues, group_pages

    first = _post(platform="weibo", title="东湖路路灯坏了", author="湖滨夜归人", body="东湖路湖滨社区门口到菜市场这一段的路灯已经坏了半个月，晚上一片漆黑")
    next_screen = _post(title=None, author=None, body="晚上一片漆黑，上周有老人在这里摔倒。")
    another = _post(title="石桥村停水三天", author="青山老周", body="石桥村从周五开始停水。")
    other_author_and_platform = _post(title=None, author="青山老周", body="石桥村从周五开始停水。", platform="douyin")
    assert continues(first, next_screen)
    assert not continues(first, another)
    assert not continues(first, other_author_and_platform)
    # One differing field alone (a commenter taken for the author on a scrolled screen) is not enough.
    assert continues(first, _post(title=None, author="路人甲", body="小孩放学回家也很危险。"))
    assert [len(g) for g in group_pages([first, next_screen, another])] == [2, 1]


def test_a_page_about_another_county_is_another_post_under_the_same_nickname() -> None:
    from bot.intake.pages import continues
    from bot.intake.places import PlaceMention

    first = _post(platform="wechat", author="小李", body="芦淞区建设街道卫生服务中心排队太久。",
                  place_mentions=[PlaceMention("芦淞区", "county"), PlaceMention("建设街道", "township")])
    other_county = _post(platform="wechat", author="小李", body="雨花区井湾子小区门口占道经营。",
                         place_mentions=[PlaceMention("雨花区", "county"), PlaceMention("井湾子小区", "compound")])
    same_county = _post(platform="wechat", author="小李", body="芦淞区这边一直没人管。",
                        place_mentions=[PlaceMention("芦淞区", "county")])
    another_road_only = _post(platform="wechat", author="小李", body="从建设路口一直排到车站路。",
                              place_mentions=[PlaceMention("车站路", "road")])
    no_header = _post(body="雨花区也是这样。", place_mentions=[PlaceMention("雨花区", "county")])
    assert not continues(first, other_county)
    assert continues(first, same_county) and continues(first, another_road_only) and continues(first, no_header)
