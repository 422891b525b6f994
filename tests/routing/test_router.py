from __future__ import annotations

from pathlib import Path

import pytest

from bot.routing.category_model import get_category_model
from bot.routing.feedback import as_examples, unit_model_with_feedback
from bot.routing.router import propose_units
from bot.routing.service import route_post
from bot.routing.unit_profiles import UnitProfile, UnitProfiles, load_directory
from bot.routing.unit_types import parse_unit_name

NAMES = [
    "A7县住房和城乡建设局",
    "A7县教育局",
    "A7县城市管理和行政执法局",
    "A7县泉塘街道办事处",
    "A7县安沙镇人民政府",
    "A市教育局",
    "A市交通运输局",
    "A3区住建局",
    "B市人力资源和社会保障局",
]


def test_unit_names_split_into_area_place_type() -> None:
    parsed = parse_unit_name("A7县泉塘街道办事处")
    assert (parsed.area, parsed.local_place, parsed.type_key) == ("A7县", "泉塘街道", "street_office")
    assert parse_unit_name("A3区住建局").type_key == parse_unit_name("A7县住房和城乡建设局").type_key
    assert parse_unit_name("A7县公安局交通警察大队").type_key == "traffic_police"
    assert parse_unit_name("A7县安沙镇人民政府").type_key == "town_government"


def test_units_known_only_by_name_are_routed_by_type_and_area() -> None:
    directory = UnitProfiles.from_names(NAMES)
    result = route_post("A3区小区物业乱收费", "A3区某小区物业公司擅自提高物业费，房屋维修基金去向不明。", directory)
    assert result.proposals[0].unit_name == "A3区住建局"
    assert len(result.proposals) == 3
    assert result.proposals[0].reason.startswith("类别: 城乡建设") and result.proposals[0].reason.endswith("A3区住建局")

    result = route_post(None, "A7县泉塘街道某社区门口占道经营严重，夜宵摊油烟扰民。", directory)
    assert {"A7县泉塘街道办事处", "A7县城市管理和行政执法局"} <= {p.unit_name for p in result.proposals[:2]}


def test_directory_entries_with_keywords_and_places(tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text(
        "units:\n"
        "  - name: 示例县住房和城乡建设局\n    aliases: [住建局]\n    keywords: [物业, 电梯]\n    categories: [城乡建设]\n"
        "  - name: 东湖街道办事处\n    places: [东湖街道]\n    parent: 示例县人民政府\n"
        "  - name: 示例县教育局\n    keywords: [学校]\n    categories: [教育文体]\n",
        encoding="utf-8",
    )
    directory = load_directory(path)
    assert directory.units[1] == UnitProfile("东湖街道办事处", places=("东湖街道",), parent="示例县人民政府")
    result = route_post("电梯坏了", "幸福小区电梯坏了一个月，物业不修。", directory)
    assert result.proposals[0].unit_name == "示例县住房和城乡建设局"
    assert "关键词: 物业" in result.proposals[0].reason


def test_low_confidence_flag_on_empty_signal() -> None:
    directory = UnitProfiles.from_names(NAMES)
    result = propose_units("你好", "请问", directory, category=get_category_model().predict("你好", "请问"))
    assert result.low_confidence


def test_feedback_is_folded_into_the_unit_model() -> None:
    corrections = [("关于松雅湖景区", "松雅湖景区步道破损", ["A7县松雅湖管理局"])] * 3 + [("x", "y", [])]
    assert len(as_examples(corrections)) == 3
    model = unit_model_with_feedback([], corrections + [("学校收费", "学校乱收费", ["A7县教育局"])] * 3)
    assert model.unit_prior["A7县松雅湖管理局"] == 3
    assert model.type_probabilities(None, "松雅湖景区步道破损")["management_committee"] > 0.5


def test_empty_directory_gives_no_proposals() -> None:
    assert route_post("标题", "正文", UnitProfiles()).proposals == []


@pytest.mark.parametrize("name", ["A市教育局", "A7县教育局"])
def test_area_decides_between_same_type_units(name: str) -> None:
    directory = UnitProfiles.from_names(["A市教育局", "A7县教育局"])
    text = "A7县星沙中学乱收补课费" if name == "A7县教育局" else "A市各区学校寒假补课问题"
    assert route_post(None, text, directory).proposals[0].unit_name == name
