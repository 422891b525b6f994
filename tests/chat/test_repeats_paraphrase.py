"""Repeats in other words: the same lift fault in the same compound, the same bus line on 微博 and on
问政湖南 are linked to the open case; another problem at the same place is a new case. The README's
专报 demo reaches its threshold with repeats counted, and its keywords are whole words."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.web.demo import seed_demo_cases
from models import Case
from tests.support import SimulatorClient, newest

LIFT = "东湖街道幸福家园小区3栋电梯一个月坏了五次，物业一直拖着不修，老人上下楼很困难"
LIFT_AGAIN = "幸福家园3号楼的升降梯老是出故障，停运好几回了，家里老人只能爬楼梯，希望管管物业"
LIGHT = "幸福家园小区门口的路灯坏了一个月，晚上黑漆漆的，老人孩子出门不安全"
BUS_WEIBO = "【微博】示例县12路公交车经常不按时发车，早上等了四十分钟都不来，上班天天迟到"
BUS_WENZHENG = "问政湖南：12路公交班次太少，早高峰等车要四五十分钟，希望交通局增加班次"
OTHER_BUS = "3路公交车上经常不报站，外地人根本不知道在哪下车"
README_DEMO = ["东湖街道幸福小区垃圾堆积多日无人清理", "幸福小区垃圾堆积发臭无人清运", "东湖街道幸福小区门口垃圾堆积清运不及时",
               "幸福小区垃圾站垃圾堆积没人清运", "幸福小区垃圾多日堆积无人清运"]


def _case(sim: SimulatorClient) -> Case:
    return newest(sim.services, Case)


def test_paraphrased_repeats_are_linked(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", LIFT)
    sim.send("office", "zhaolei", "派 住建局")
    lift = _case(sim)
    sim.send("office", "qianyu", LIFT_AGAIN)
    assert f"并入 {lift.number}" in sim.last_bot_text("office")
    assert _case(sim).status == "duplicate" and _case(sim).duplicate_of_id == lift.id
    assert sim.last_bot_text("g-zhujian").startswith("【又有网民反映】")

    sim.send("office", "qianyu", LIGHT)  # the same compound, another problem
    assert "已建工单" in sim.last_bot_text("office") and _case(sim).status == "pending"
    sim.send("office", "qianyu", "派 城管局")

    sim.send("office", "zhaolei", BUS_WEIBO)
    sim.send("office", "zhaolei", "派 交通局")
    bus = _case(sim)
    sim.send("office", "qianyu", BUS_WENZHENG)
    assert f"并入 {bus.number}" in sim.last_bot_text("office")
    sim.send("office", "qianyu", OTHER_BUS)  # another line
    assert "已建工单" in sim.last_bot_text("office") and _case(sim).status == "pending"


def test_readme_zhuanbao_demo_reaches_its_threshold(sim: SimulatorClient) -> None:
    seed_demo_cases(sim.services)  # make run seeds six demo cases, one about 幸福小区's rubbish
    for text in README_DEMO:
        sim.send("office", "zhaolei", text)
        sim.send("office", "zhaolei", "1")
    with sim.services.sessions() as session:
        statuses = list(session.scalars(select(Case.status).order_by(Case.id)))[-5:]
    assert "duplicate" in statuses  # repeats are still linked …
    sim.send("office", "wangmin", "专报")
    listing = sim.last_bot_text("office")
    assert "【专报专题】" in listing  # … and count: 6 posts about one problem at one place
    found = re.search(r"1\. (\S+)：(\S+)（(\d+) 件", listing)
    assert found and int(found[3]) >= 5 and "幸福小区" in found[1]
    words = found[2].split("、")
    assert "垃圾" in words or "堆积" in words or "清运" in words
    assert not any(w in ("圾堆", "区垃", "福小", "幸福", "小区") for w in words)
    sim.send("office", "wangmin", "专报 1")
    draft = sim.last_bot_text("office")
    assert "【专报（草稿）】" in draft and "关键词: " in draft
    keywords = re.search(r"关键词: (\S+)。", draft)[1].split("、")  # type: ignore[index]
    assert all(len(w) >= 2 and w not in ("圾堆", "区垃", "堆积发", "垃圾堆") for w in keywords)
