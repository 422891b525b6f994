"""A bare 签收 means the one case still waiting for this unit's 签收, not every case in its hands."""

from __future__ import annotations

from tests.support import SimulatorClient

LIGHTS = "东湖街道芙蓉路路灯坏了半个月，晚上一片漆黑，老人孩子出门不安全，请尽快修复"
DRAIN = "东湖街道幸福小区门口下水道堵塞一个星期，污水漫到路面，臭味很大，请尽快疏通"


def test_bare_sign_skips_the_case_the_unit_signed_already(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", LIGHTS)
    sim.send("office", "zhaolei", "派 东湖街道")
    sim.send("g-donghu", "hehui", "签收")
    assert "已签收" in sim.last_bot_text("g-donghu")
    sim.send("office", "zhaolei", DRAIN)
    sim.send("office", "zhaolei", "派 东湖街道")
    sim.send("g-donghu", "hehui", "签收")  # two cases in hand, one of them signed: no question
    reply = sim.last_bot_text("g-donghu")
    assert reply.startswith("已签收") and "请注明工单号" not in reply
    sim.send("g-donghu", "hehui", "签收")  # nothing left to sign
    assert "没有待签收的工单" in sim.last_bot_text("g-donghu")
