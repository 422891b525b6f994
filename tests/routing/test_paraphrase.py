import pytest

from bot.routing.paraphrase import buildings, canonical, document_frequency, residual_similarity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("幸福家园3号楼的电梯", "幸福家园3栋的电梯"),
        ("东方明珠三号楼底下", "东方明珠3栋底下"),
        ("金色家园十二号楼顶层", "金色家园12栋顶层"),
        ("学府花园4幢", "学府花园4栋"),
        ("江南水都七栋二单元", "江南水都7栋2单元"),
        ("一中周末补课", "第一中学周末补课"),
        ("示例县第一中学", "示例县第一中学"),
        ("县第二人民医院", "县第二医院"),
        ("二医院有个门诊", "第二医院有个门诊"),
        ("第一中学学生食堂", "第一中学学生食堂"),
        # one institution, two kind words; abbreviated primary schools; a bus line in words after 坐
        ("北街菜场门口", "北街农贸市场门口"),
        ("红星菜市场", "红星农贸市场"),
        ("实小门口", "实验小学门口"),
        ("白马中小的校车", "白马中心小学的校车"),
        ("在白马镇小读书", "在白马镇中心小学读书"),
        ("每天坐十二路上班", "每天坐12路上班"),
        # not buildings or schools: a floor, a date, 初一中午
        ("住在三楼", "住在三楼"),
        ("3号上午", "3号上午"),
        ("初一中午", "初一中午"),
        ("中小学生", "中小学生"),
        ("中小企业", "中小企业"),
        ("五一路晚上", "五一路晚上"),
        ("镇小区", "镇小区"),
    ],
)
def test_canonical(text: str, expected: str) -> None:
    assert canonical(text) == expected


def test_buildings() -> None:
    assert buildings(canonical("绿洲花园五栋")) == {"5"}
    assert buildings(canonical("绿洲花园小区")) == frozenset()


def test_residual_similarity_sees_shared_morphemes_not_the_place() -> None:
    anchor = "星光村的村干部把扶贫款挪用了，应该分给贫困户的钱一直没发"
    repeat = "星光村扶贫资金被村里干部截留了，我们贫困户一分钱都没拿到"
    other = "星光村的村道上全是大石头，拖拉机都过不去"
    texts = [anchor, other, "阳光花园小区物业擅自涨物业费", "芙蓉路上的井盖丢了好几天"]
    df = document_frequency(texts)
    same = residual_similarity(repeat, anchor, "星光村", df, len(texts))
    different = residual_similarity(other, anchor, "星光村", df, len(texts))
    assert same > 0.3 > different
