"""A bare 1 / 派 / 并入 / 改 names no case: with several open drafts the bot asks which, and after an
automatic merge it does not fall through to an older draft."""

from __future__ import annotations

from sqlalchemy import select

from models import Case
from tests.support import SimulatorClient

LIGHTS = "青山镇中心小学门口红绿灯坏了一周，孩子过马路很危险，请尽快修复"
QUEUE = "示例县人民医院门诊挂号排队两个小时，窗口只开两个，希望增加窗口"
RUBBISH = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，联系电话13812345678"


def _status(sim: SimulatorClient, number: str) -> str:
    with sim.services.sessions() as session:
        case = session.scalar(select(Case).where(Case.number == number))
        assert case is not None
        return case.status


def _numbers(sim: SimulatorClient) -> list[str]:
    with sim.services.sessions() as session:
        return list(session.scalars(select(Case.number).order_by(Case.id)))


def test_two_drafts_ask_which(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", LIGHTS)
    first_card = sim.last_bot_text("office")
    sim.send("office", "zhaolei", QUEUE)
    first, second = _numbers(sim)
    for command in ("1", "派 卫健局", "改 地点 青山镇"):
        sim.send("office", "zhaolei", command)
        reply = sim.last_bot_text("office")
        assert "有多件待分派的工单" in reply and first in reply and second in reply, command
    assert _status(sim, first) == _status(sim, second) == "pending"

    sim.send("office", "zhaolei", "1", quoted=first_card)  # a quoted card names its case
    assert f"已派发 {first}" in sim.last_bot_text("office")
    sim.send("office", "zhaolei", "1")  # now only one draft is left: no question
    assert f"已派发 {second}" in sim.last_bot_text("office")


def test_other_dispatchers_drafts_do_not_count(sim: SimulatorClient) -> None:
    sim.send("office", "qianyu", LIGHTS)
    sim.send("office", "zhaolei", QUEUE)
    sim.send("office", "zhaolei", "1")
    assert "已派发" in sim.last_bot_text("office")
    assert [_status(sim, n) for n in _numbers(sim)] == ["pending", "dispatched"]


def test_after_an_automatic_merge_1_does_not_take_an_older_draft(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", RUBBISH)
    sim.send("office", "zhaolei", "派 东湖街道")
    sim.send("office", "zhaolei", LIGHTS)  # an older draft, still waiting
    sim.send("office", "zhaolei", "东湖路幸福小区的垃圾好多天没人清理了，物业也不管，臭气熏天")
    assert "并入" in sim.last_bot_text("office")
    original, older, repeat = _numbers(sim)
    assert _status(sim, repeat) == "duplicate"
    sim.send("office", "zhaolei", "1")
    reply = sim.last_bot_text("office")
    assert f"已作为重复件 {repeat} 并入 {original}" in reply and older in reply
    assert _status(sim, older) == "pending"
    sim.send("office", "zhaolei", "并入")
    assert "已作为重复件" in sim.last_bot_text("office") and _status(sim, older) == "pending"
    sim.send("office", "zhaolei", f"派 教育局 {repeat}")  # not a repeat after all: dispatched as named
    assert _status(sim, repeat) == "dispatched"
