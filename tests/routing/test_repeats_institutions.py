"""Named institutions of one kind: the same words about another 社区卫生服务中心 are another complaint."""

from __future__ import annotations

import pytest

from bot.routing.repeats import OpenCase, _institutions, _other_institutions, find_repeat

# The demo board's open case (bot/web/demo.py).
CLINIC = OpenCase(1, "社区卫生服务中心排队时间长", "东湖社区卫生服务中心上午排队两小时")
BOARD = [
    CLINIC,
    OpenCase(2, None, "城南派出所办身份证要等一个多月，窗口工作人员态度冷淡"),
    OpenCase(3, None, "荷塘镇卫生院晚上没有医生值班，老人半夜发病找不到人看"),
    OpenCase(4, None, "向阳小学接送学生的面包车超载，一辆车塞了十几个孩子"),
]


def test_another_named_clinic_of_the_same_kind_is_not_a_repeat() -> None:
    title = "芦淞区某社区卫生服务中心服务态度差"
    body = "上周带孩子去芦淞区建设街道社区卫生服务中心打疫苗，排队两个多小时。问了一句什么时候到号，被对方很不耐烦地顶回来。"
    assert find_repeat(title, body, [], [CLINIC]) is None


def test_the_same_clinic_named_with_more_left_context_is_a_repeat() -> None:
    body = "上周带孩子去芦淞区东湖社区卫生服务中心，上午排队排了两个多小时"
    match = find_repeat("社区卫生服务中心排队太久", body, [], [CLINIC])
    assert match is not None and match.case_id == 1


def test_an_unnamed_institution_is_not_vetoed() -> None:
    # 社区卫生服务中心 with no name in front may be the open case's: only the words decide.
    match = find_repeat(None, "社区卫生服务中心上午排队两小时，太久了", [], [CLINIC])
    assert match is not None and match.case_id == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在示例县城南派出所补办身份证，要等一个多月，窗口工作人员态度冷淡", 2),
        ("示例县荷塘镇卫生院晚上没有医生值班，老人半夜发病找不到人看", 3),
        ("城关镇向阳小学接送学生的面包车超载，一辆车塞了十几个孩子", 4),
    ],
)
def test_same_named_institution_is_a_repeat(text: str, expected: int) -> None:
    match = find_repeat(None, text, [], BOARD)
    assert match is not None and match.case_id == expected


@pytest.mark.parametrize(
    "text",
    [
        "河西派出所办身份证要等一个多月，窗口工作人员态度冷淡",
        "白关镇卫生院晚上没有医生值班，老人半夜发病找不到人看",
        "红旗小学接送学生的面包车超载，一辆车塞了十几个孩子",
    ],
)
def test_other_named_institution_of_the_same_kind_is_not_a_repeat(text: str) -> None:
    assert find_repeat(None, text, [], BOARD) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上周带孩子去芦淞区建设街道社区卫生服务中心打疫苗", {"health": {"芦淞区建设"}}),
        # placeholders, kinds and spots in front of the kind word are no name
        ("芦淞区某社区卫生服务中心服务态度差", {}),
        ("XX小学门口堵车", {}),
        ("社区医院排队太久", {}),
        ("隔壁小区在装修", {}),
        ("孩子上的小学乱收费", {}),
        # a name stops at the institution before it
        ("高桥镇卫生院药价比县医院贵", {"health": {"高桥"}}),
    ],
)
def test_institution_names(text: str, expected: dict[str, set[str]]) -> None:
    assert _institutions(text) == expected


@pytest.mark.parametrize(
    ("first", "second", "other"),
    [
        ("东湖社区卫生服务中心", "芦淞区建设街道社区卫生服务中心", True),
        ("城东派出所", "城西派出所", True),
        # the same name with more or less left context, or another kind word of the group
        ("东湖社区卫生服务中心", "芦淞区东湖社区卫生服务中心", False),
        ("去示例县人民医院", "县人民医院", False),
        ("太平镇卫生院", "太平镇医院", False),
        ("城南农贸市场", "城南菜市场", False),
        # one side unnamed, or different kinds
        ("社区医院排队", "东湖社区卫生服务中心排队", False),
        ("东湖小学", "城南派出所", False),
    ],
)
def test_other_institutions(first: str, second: str, other: bool) -> None:
    assert _other_institutions(first, second) is other
