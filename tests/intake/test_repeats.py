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


def test_same_place_same_problem_in_other_words_is_a_repeat() -> None:
    match = find_repeat(None, "幸福家园3号楼的升降梯老是出故障，停运好几回了，家里老人只能爬楼梯。", [], CASES)
    assert match is not None and match.case_id == 1


PARKING = [
    OpenCase(1, "锦绣华庭小区地下车位被开发商外租", "锦绣华庭小区地下车位被开发商租给外面的单位，业主回家没地方停车。"),
    CASES[1],
]


def test_shared_wording_is_not_a_shared_place() -> None:
    # 小区地下 is shared and complains about the same thing, but names no place: another compound.
    assert find_repeat(None, "翠苑小区地下车位被物业卖给了外人，业主车没处停放。", [], PARKING) is None
    match = find_repeat(None, "锦绣华庭的车位都让开发商租给外头公司了，我们业主下班回来车都没处停。", [], PARKING)
    assert match is not None and match.case_id == 1


def test_a_name_holds_no_function_characters() -> None:
    cases = [OpenCase(1, None, "锦绣华庭这个小区的电梯坏了半个月，物业一直拖着不修。"), CASES[1]]
    assert find_repeat(None, "翠苑这个小区升降梯老出故障，停运好几回了。", [], cases) is None
