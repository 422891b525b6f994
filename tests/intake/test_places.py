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
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_place_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.level) for p in find_places(text)] == expected


def test_units_places_are_known_names() -> None:
    # A name no gazetteer has and no suffix marks: only the unit directory knows it.
    assert [p.name for p in find_places("橘子洲停车位太少", known=["橘子洲"])] == ["橘子洲"]
    assert find_places("橘子洲停车位太少") == []
