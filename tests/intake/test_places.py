"""Place mentions: gazetteer names, placeholders, suffix names with their left edge found by
part of speech, and words that only look like places."""

from __future__ import annotations

import pytest

from bot.intake.places import find_places

# (text, expected [(name, level)] in the returned order: largest level first)
TABLE = [
    ("留言详情投诉某某市开通一张某某市的公交卡", [("某某市", "city")]),
    ("我已经走投无路了，只能求助", []),
    ("A市现在也是一线城市了", [("A市", "city")]),
    ("A7县安沙镇和平村道路塌陷", [("A7县", "county"), ("安沙镇", "township"), ("和平村", "village")]),
    ("湖南省长沙市长沙县星沙街道", [("湖南省", "province"), ("长沙市", "city"), ("长沙县", "county"),
                                ("星沙街道", "township")]),
    ("离村民居住区不到一百米", []),
    ("强行占用门口小区的消防通道", []),
    ("据说今年年底星沙大道要封路", [("星沙大道", "road")]),
    ("半年全县都没有解决", []),
    ("一条快速路修了三年", []),
    ("E12市荆竹铺镇往七里村方向", [("E12市", "city"), ("荆竹铺镇", "township"), ("七里村", "village")]),
    ("我家住在向阳村里面", [("向阳村", "village")]),
    ("在中山路上摆摊", [("中山路", "road")]),
    ("幸福家园小区3栋电梯坏了", [("幸福家园小区", "compound")]),
    ("城乡建设问题：A市A3区洋湖街道幸福村芙蓉路锦绣华庭小区，超市门口",
     [("A市", "city"), ("A3区", "county"), ("洋湖街道", "township"), ("幸福村", "village"), ("芙蓉路", "road"),
      ("锦绣华庭小区", "compound")]),
    # A city without 市 right before one of its divisions; alone it is no mention ("长沙的天气").
    ("我去年在株洲茶陵县人民路办了卡", [("株洲", "city"), ("茶陵县", "county"), ("人民路", "road")]),
    ("长沙的天气越来越热", []),
    # Compound names after a road or a division, with adjectives and characters jieba leaves alone.
    ("我住在石峰区田心大道翡翠湾小区", [("石峰区", "county"), ("田心大道", "road"), ("翡翠湾小区", "compound")]),
    ("攸县江桥街道和谐家园楼下", [("攸县", "county"), ("江桥街道", "township"), ("和谐家园", "compound")]),
    ("宁乡市人民路丽景华庭楼下", [("宁乡市", "county"), ("人民路", "road"), ("丽景华庭", "compound")]),
    ("人民中路紫薇苑门口的垃圾站", [("人民中路", "road"), ("紫薇苑", "compound")]),
    ("攸县文化路一家健身房", [("攸县", "county"), ("文化路", "road")]),
    # A two-character village jieba cut in two (建|新村); a town's 里 is "in the town".
    ("茶亭镇建新村离集镇六公里", [("茶亭镇", "township"), ("建新村", "village")]),
    ("村委会说镇里在协调", []),
    ("新华路两三支广场舞队", [("新华路", "road")]),
    ("垃圾站离金桥小区不到二十米", [("金桥小区", "compound")]),
    # Right after a division or a place, what runs up to the suffix is the next place's name,
    # whatever jieba says of its words; a clause ("拒载绕路", "一直没修路") is not.
    ("耒阳市五一中路锦绣华城", [("耒阳市", "county"), ("五一中路", "road"), ("锦绣华城", "compound")]),
    ("永定区崇文街道大庸东路", [("永定区", "county"), ("崇文街道", "township"), ("大庸东路", "road")]),
    ("资兴市资兴大道", [("资兴市", "county"), ("资兴大道", "road")]),
    ("金星北路出租车拒载绕路", [("金星北路", "road")]),
    ("星沙大道一直没修路", [("星沙大道", "road")]),
    # Roads the dictionary knows as words (学府路, 五一路), one whose name it takes for a verb (解放|西路,
    # 警予|路), one named by a locality word (沿江|大道); a road's kind (水泥路, 公交线路, 整条路) and its
    # surface (路面) are no road; 宿舍 ends a compound's name only where a name stands before it.
    ("荷叶镇中心小学位于学府路，每天早上", [("荷叶镇", "township"), ("学府路", "road")]),
    ("雁城路从锦绣华庭门口到五一路路口这一段", [("雁城路", "road"), ("五一路", "road"), ("锦绣华庭", "compound")]),
    ("原来经过解放西路的公交车", [("解放西路", "road")]),
    ("家住麓山南路春天花园", [("麓山南路", "road"), ("春天花园", "compound")]),
    ("卢峰镇警予路东方名苑小区的消防通道", [("卢峰镇", "township"), ("警予路", "road"), ("东方名苑小区", "compound")]),
    ("洪江市沿江大道靠近城南公馆的路段", [("洪江市", "county"), ("沿江大道", "road"), ("城南公馆", "compound")]),
    ("汨罗市书院路建工宿舍旁边的工地", [("汨罗市", "county"), ("书院路", "road"), ("建工宿舍", "compound")]),
    ("这条水泥路坑坑洼洼，整条路没有路灯", []),
    ("蒸湘区公交线路被取消", [("蒸湘区", "county")]),
    ("建设中路与人民路交叉口附近路面塌陷", [("建设中路", "road"), ("人民路", "road")]),
    ("住在职工宿舍旁边，青山镇修好路以后", [("青山镇", "township")]),
    ("丹阳街道朝阳小区去年做了老旧小区改造", [("丹阳街道", "township"), ("朝阳小区", "compound")]),
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_place_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.level) for p in find_places(text)] == expected


def test_units_places_are_known_names() -> None:
    # A name no gazetteer has and no suffix marks: only the unit directory knows it.
    assert [p.name for p in find_places("橘子洲停车位太少", known=["橘子洲"])] == ["橘子洲"]
    assert find_places("橘子洲停车位太少") == []
