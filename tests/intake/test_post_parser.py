from datetime import datetime

from bot.intake.places import find_places
from bot.intake.post_parser import parse_post
from bot.intake.post_time import SHANGHAI

FORWARDED = datetime(2026, 1, 2, 10, 0, tzinfo=SHANGHAI)

# Synthetic examples in each platform's layout (no real personal data).
WENZHENG = """问政湖南
留言对象：示例县住房和城乡建设局
留言类型：投诉
留言标题：幸福家园小区物业乱收停车
费的问题
网友：星沙居民
留言时间：2025-11-23 10:12
留言内容：示例县东湖街道幸福家园小区物业从本月起
每月多收停车费100元，联系电话13800001111。"""

HONGWANG = """红网 · 百姓呼声
芙蓉路夜间施工噪音扰民
网友：夜里睡不着
投诉对象：示例县城市管理局
发布时间：2025-12-30 23:40
示例县青山镇芙蓉路工地每晚施工到凌晨两点。"""

DOUYIN = """@湘江边的小王
东湖街道芙蓉路占道施工三个月了，晚上没有灯
#民生 #随手拍
3小时前 · 湖南
1.2万
v.douyin.com/iRabc12/"""

WEIBO = """青山镇的老李
昨天 14:02 来自 iPhone客户端
青山镇中心小学门口的红绿灯坏了一周，孩子过马路很危险。
转发 12"""

WECHAT = """星沙业主群(128)
橘子洲头
小区电梯又坏了，物业电话0731-84561234一直没人接"""


def test_wenzheng_labelled_fields_and_wrapped_title() -> None:
    post = parse_post(WENZHENG, FORWARDED)
    assert post.platform == "wenzheng_hunan"
    assert post.title == "幸福家园小区物业乱收停车费的问题"
    assert post.author == "星沙居民"
    assert post.addressed_unit == "示例县住房和城乡建设局"
    assert post.posted_at is not None and post.posted_at.isoformat() == "2025-11-23T10:12:00+08:00"
    assert post.body.startswith("示例县东湖街道") and post.body.endswith("13800001111。")
    assert post.phones == ["13800001111"]
    names = [(p.name, p.level) for p in post.place_mentions]
    assert ("示例县", "county") in names and ("东湖街道", "township") in names
    assert ("幸福家园小区", "compound") in names


def test_hongwang_title_above_labels() -> None:
    post = parse_post(HONGWANG, FORWARDED)
    assert post.platform == "hongwang"
    assert post.title == "芙蓉路夜间施工噪音扰民"
    assert post.author == "夜里睡不着"
    assert post.addressed_unit == "示例县城市管理局"
    assert post.posted_at is not None and post.posted_at.isoformat() == "2025-12-30T23:40:00+08:00"


def test_douyin_author_relative_time_and_link() -> None:
    post = parse_post(DOUYIN, FORWARDED)
    assert post.platform == "douyin"
    assert post.author == "湘江边的小王"
    assert post.posted_at is not None and post.posted_at.isoformat() == "2026-01-02T07:00:00+08:00"
    assert post.links == ["v.douyin.com/iRabc12/"]
    assert "占道施工" in post.body and "1.2万" not in post.body


def test_weibo_author_above_time_line() -> None:
    post = parse_post(WEIBO, FORWARDED)
    assert post.platform == "weibo"
    assert post.author == "青山镇的老李"
    assert post.posted_at is not None and post.posted_at.isoformat() == "2026-01-01T14:02:00+08:00"
    assert "红绿灯" in post.body


def test_wechat_group_chat_sender_and_landline() -> None:
    post = parse_post(WECHAT, FORWARDED)
    assert post.platform == "wechat"
    assert post.author == "橘子洲头"
    assert post.phones == ["073184561234"]


def test_platform_from_links() -> None:
    cases = {
        "https://bbs.rednet.cn/thread-1.html": "hongwang",
        "https://wz.rednet.cn/#/detail?id=1": "wenzheng_hunan",
        "https://www.douyin.com/video/1": "douyin",
        "https://weibo.com/123/abc": "weibo",
        "https://m.weibo.cn/status/1": "weibo",
        "https://mp.weixin.qq.com/s/abc": "wechat",
        "https://example.org/x": "other",
    }
    for link, platform in cases.items():
        assert parse_post(f"路灯坏了\n{link}", FORWARDED).platform == platform, link


def test_pasted_text_without_layout() -> None:
    post = parse_post("A7县安沙镇和平村道路塌陷\n村里的主路塌了一个大坑，请尽快修复。", FORWARDED)
    assert post.platform == "other"
    assert post.title == "A7县安沙镇和平村道路塌陷"
    assert post.posted_at is None
    assert [(p.name, p.level) for p in post.place_mentions][:3] == [
        ("A7县", "county"),
        ("安沙镇", "township"),
        ("和平村", "village"),
    ]


def test_places_are_ordered_by_level_and_skip_common_words() -> None:
    places = find_places("城乡建设问题：A市A3区洋湖街道幸福村芙蓉路锦绣华庭小区，超市门口")
    assert [(p.name, p.level) for p in places] == [
        ("A市", "city"),
        ("A3区", "county"),
        ("洋湖街道", "township"),
        ("幸福村", "village"),
        ("芙蓉路", "road"),
        ("锦绣华庭小区", "compound"),
    ]


def test_a_platform_tag_heading_pasted_text_names_the_source_and_leaves_the_text() -> None:
    post = parse_post("【问政湖南】示例县东湖街道幸福家园小区3栋电梯一个月坏了五次，物业一直拖着不修。", FORWARDED)
    assert post.platform == "wenzheng_hunan"
    assert "问政湖南" not in (post.title or "") + post.body
    assert post.body.startswith("示例县东湖街道幸福家园小区3栋电梯")
    # A bracketed line that names no platform is not a source tag.
    assert parse_post("【小区电梯坏了】\n电梯一个月坏了五次。", FORWARDED).platform == "other"
