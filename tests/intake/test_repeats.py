import pytest

from bot.intake.problem_words import problem_similarity
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


# Table-driven: a new post against a small board of open cases; the expected case id, or None.
BOARD = [
    OpenCase(10, None, "绿洲花园小区5栋电梯三天两头坏，上周还困了人，物业就是不修"),
    OpenCase(11, None, "新塘镇丰收村自来水停了五天，村民只能去井里挑水"),
    OpenCase(12, None, "示例县第一中学周六强制学生到校补课，每人收费三百元，违反减负规定"),
    OpenCase(13, None, "【微博】9路公交车司机开车打电话，还闯红灯，太危险了"),
    OpenCase(14, None, "七里桥社区有人在楼道里给电动车充电，电线从窗户拉下来，很危险"),
    OpenCase(15, None, "城北污水处理厂附近臭味很大，周边几个小区的居民都受不了"),
    OpenCase(16, None, "星光村的村干部把扶贫款挪用了，应该分给贫困户的钱一直没发"),
    OpenCase(17, None, "东方明珠小区3栋楼下有人养了几十只鸽子，鸽子屎到处都是，气味很大", "东方明珠小区"),
    OpenCase(18, None, "307国道石门段路面坑洼不平，大货车一过尘土飞扬"),
    OpenCase(19, None, "金水湾小区2栋楼道里一股很浓的煤气味，燃气公司说来看一直没来"),
    OpenCase(20, None, "翠湖府小区门口的夜宵摊占道经营，晚上车都开不进去"),
    OpenCase(21, None, "双桥镇柏树村的灌溉水渠被山洪冲垮了，田里引不到水", "双桥镇 柏树村"),
    OpenCase(22, None, "东风农贸市场里的鱼摊污水横流，过道上全是鱼鳞"),
    OpenCase(23, None, "河口镇中心小学的校车严重超载，一辆车挤了三十多个孩子"),
    OpenCase(24, None, "锦江城二期工地拖欠我们钢筋工工资三个月了，包工头不接电话"),
    OpenCase(25, None, "化肥厂家属院的化粪池堵了，粪水流到路上"),
    OpenCase(26, None, "清水乡林业站办采伐证要收好处费，不给就一直拖"),
]
REPEATS = [
    # building numbers written another way (3号楼 / 五栋 / 3幢 = 3栋)
    ("五栋 = 5栋", "问政湖南：绿洲花园五栋直梯一直没人修，关人好几次了，物业推来推去", 10),
    ("三号楼 = 3栋, place named without 小区", "东方明珠三号楼底下养鸽子的人家，鸽粪落满了阳台，臭得没法开窗", 17),
    # ordinal institutions abbreviated (一中 = 第一中学)
    ("一中 = 第一中学", "一中周末还在组织补课，说是自愿其实不去不行，一个学期收三百块补课费", 12),
    # other words for the problem, no concept group in common: the rare characters left once the place is out
    ("扶贫款 / 扶贫资金, word order", "星光村扶贫资金被村里干部截留了，我们贫困户一分钱都没拿到", 16),
    # another platform's tag, the same bus line
    ("platform tag", "【抖音】坐9路车，司机一边开车一边看手机，红灯都不停，一车人吓坏了", 13),
    # synonyms with no character in common, now in one concept group (煤气味 / 漏气, 夜宵摊 / 大排档)
    ("gas smell / leak, estate named without 小区", "金水湾2栋的管道漏气好几天了，闻着头晕，太危险了", 19),
    ("estate ending in 府, stalls", "翠湖府门口的大排档把路全占了，开车根本过不去", 20),
    # a village named by its stem only (柏树 for 双桥镇柏树村), the problem in other words (水渠 / 沟渠)
    ("village stem", "我们柏树那边的沟渠断了一截，秧都插不下去，一直没人来看", 21),
    # one institution, two kind words (农贸市场 = 菜场)
    ("菜场 = 农贸市场", "东风菜场卖鱼的那几家，地上全是脏水，走路都打滑", 22),
    # a school abbreviated (镇小 = 镇中心小学), new problem words (校车 / 接送车, 超载 / 超员)
    ("镇小 = 镇中心小学", "河口镇小的接送车天天超员，孩子挤得站都站不稳", 23),
    # a numbered highway is a name however the rest is worded
    ("307国道 written after the place", "过石门那一截的307国道到处是大坑，车子颠得厉害", 18),
    # bribery words (好处费 / 红包)
    ("好处费 / 红包", "清水乡林业站的人暗示要送红包才给办采伐证", 26),
]
NOT_REPEATS = [
    ("same problem, another building", "绿洲花园小区3栋电梯也坏了一个星期，物业说在等配件"),
    ("same problem, another compound of the same kind", "阳光家园小区5栋电梯也坏了一个星期，物业说在等配件"),
    ("same township, another village", "新塘镇五星村也停水三天了，一直没人来修"),
    ("same problem, another bus line", "15路公交司机开车打电话"),
    ("七里桥 is not 八里桥", "八里桥社区也有人从楼上私拉电线给电动车充电"),
    ("207国道 is not 307国道", "207国道石门段路面也全是坑"),
    ("same road, another problem sharing 大货车", "307国道石门段晚上经常有大货车超载超速"),
    ("the place's name holds a problem word (污水处理厂)", "城北污水处理厂门口的道路被大货车压坏了，全是坑"),
    ("same village, another problem", "星光村的村道上全是大石头，拖拉机都过不去"),
    ("same compound and building, another problem", "东方明珠小区3栋有业主把阳台封出去搭了个违建"),
    ("same school, another problem", "第一中学食堂饭菜质量差，价格贵，学生经常吃出头发"),
    ("same township, another school", "河口镇新华小学的校车也超载，孩子都站在过道里"),
    ("same development, another phase", "锦江城一期工地也欠着我们瓦工班的工资，老板跑了"),
    ("two names sharing a kind word (厂家属院)", "水泥厂家属院那边粪池满了，脏水淌了一地，臭得很"),
    ("another village's stem", "双桥镇松林村的水渠也冲垮了，没人修"),
]


@pytest.mark.parametrize(("kind", "text", "expected"), REPEATS, ids=[r[0] for r in REPEATS])
def test_repeat_in_other_words_is_found(kind: str, text: str, expected: int) -> None:
    match = find_repeat(None, text, [], BOARD)
    assert match is not None and match.case_id == expected, kind


@pytest.mark.parametrize(("kind", "text"), NOT_REPEATS, ids=[n[0] for n in NOT_REPEATS])
def test_hard_negative_is_not_a_repeat(kind: str, text: str) -> None:
    assert find_repeat(None, text, [], BOARD) is None, kind


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("电梯坏了", "直梯又停了"),
        ("拖欠工资", "一直不发工资"),
        ("噪音太大", "广场舞音量开到最大"),
        ("天花板漏水", "墙角一直渗水"),
        ("路灯不亮", "晚上黑灯瞎火"),
        ("煤气味很浓", "管道漏气"),
        ("出租车不打表", "的士宰客"),
        ("停水三天", "龙头不出水"),
        ("征地补偿太低", "土地被征了没赔偿"),
        ("焚烧秸秆", "烧稻草烟雾大"),
    ],
)
def test_other_words_for_one_problem_share_a_concept(first: str, second: str) -> None:
    assert problem_similarity(first, second) > 0
