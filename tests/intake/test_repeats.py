from bot.routing.repeats import OpenCase, find_repeat

CASES = [
    OpenCase(
        1,
        "幸福家园小区电梯频繁故障",
        "示例县东湖街道幸福家园小区3栋电梯一个月坏了五次，物业一直拖着不修，老人上下楼很困难。",
    ),
    OpenCase(2, "芙蓉路夜间施工扰民", "示例县芙蓉路工地每晚施工到凌晨两点，噪音很大，附近居民无法休息。"),
    OpenCase(3, "青山镇中心小学门口红绿灯坏了", "青山镇中心小学门口的红绿灯坏了一周，孩子过马路很危险。"),
]


def test_rephrased_and_noisy_repeat_is_found() -> None:
    match = find_repeat(
        None, "东湖街道幸福家园小区3栋的电梯一个月坏5次了，物业拖着不修，老人上下楼困难", ["幸福家园小区"], CASES
    )
    assert match is not None and match.case_id == 1 and 0 < match.score <= 1


def test_truncated_repeat_is_found() -> None:
    match = find_repeat("芙蓉路夜间施工扰民", "示例县芙蓉路工地每晚施工到凌晨", [], CASES)
    assert match is not None and match.case_id == 2


def test_same_place_different_issue_is_not_a_repeat() -> None:
    assert find_repeat(None, "幸福家园小区门口垃圾桶满了没人清理，夏天很臭", ["幸福家园小区"], CASES) is None


def test_no_open_cases() -> None:
    assert find_repeat("标题", "正文", [], []) is None
