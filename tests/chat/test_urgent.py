"""Urgent cases: 派 X 急, 1 急, 加急 in chat and a checkbox on the dashboard give the 24-hour deadline;
their reminders are not held by quiet hours, ordinary ones are."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.reminders.sweep import sweep
from models import Case, Reminder
from tests.reminders.conftest import at, chat, set_now
from tests.support import SimulatorClient, drain, newest

GAS = "东湖路燃气管道破裂有很大的煤气味，附近还有小学，请马上派人处理"
SEWER = "东湖街道湖滨社区化粪池满溢，污水流到路上，请尽快处理"


def _near(moment: object, expected: object) -> bool:
    """Within a minute: the test clock keeps running while the worker handles a message."""
    return abs(moment - expected) < timedelta(minutes=1)  # type: ignore[operator]


def _case(sim: SimulatorClient) -> Case:
    return newest(sim.services, Case)


def _reminders(sim: SimulatorClient, case_id: int) -> list[Reminder]:
    with sim.services.sessions() as session:
        return list(session.scalars(select(Reminder).where(Reminder.case_id == case_id, Reminder.state == "pending")))


def test_dispatch_urgent_in_chat(sim: SimulatorClient) -> None:
    set_now(sim.services, at("2026-12-04 21:00"))  # a Friday night: quiet hours, then a weekend
    sim.send("office", "zhaolei", GAS)
    sim.send("office", "zhaolei", "派 住建局 急")
    case = _case(sim)
    assert case.urgent and case.due_at is not None
    assert _near(case.due_at, at("2026-12-05 21:00"))
    notice = sim.last_bot_text("g-zhujian")
    assert notice.startswith("【新工单·主办·加急】") and "加急，剩余 24 小时" in notice
    assert "加急" in sim.last_bot_text("office")
    due = sorted(r.due_at for r in _reminders(sim, case.id))
    assert _near(due[0], at("2026-12-05 01:00"))  # the sign reminder at 01:00, not held
    set_now(sim.services, at("2026-12-05 01:01"))  # Saturday 01:01
    assert sweep(sim.services).claimed == 1
    drain(sim.services)
    assert "【催办提醒】" in chat(sim.services, "g-zhujian")[-1].text

    sim.send("office", "zhaolei", SEWER)  # an ordinary case, same night: its reminders wait for Monday
    sim.send("office", "zhaolei", "1")
    ordinary = _case(sim)
    assert not ordinary.urgent
    assert all(r.due_at >= at("2026-12-07 08:00") for r in _reminders(sim, ordinary.id))


def test_accept_proposal_urgent_and_make_urgent_later(sim: SimulatorClient) -> None:
    set_now(sim.services, at("2026-11-30 10:00"))
    sim.send("office", "zhaolei", SEWER)
    sim.send("office", "zhaolei", "1 急")
    assert _case(sim).urgent and "·加急】" in sim.last_bot_text("g-donghu")

    sim.send("office", "zhaolei", GAS)
    sim.send("office", "zhaolei", "加急")  # a draft: marked, dispatched later with the urgent deadline
    assert "已标为加急" in sim.last_bot_text("office")
    sim.send("office", "zhaolei", "派 住建局")
    case = _case(sim)
    assert case.urgent and _near(case.due_at, at("2026-12-01 10:00"))

    sim.send("office", "zhaolei", "东湖路幸福小区门口的井盖丢了，晚上看不见，已经有人掉下去受伤")
    sim.send("office", "zhaolei", "派 城管局")
    number = _case(sim).number
    set_now(sim.services, at("2026-11-30 15:00"))
    sim.send("office", "wangmin", f"加急 {number}")  # a case with a unit: 24 hours from now, the unit hears it
    case = _case(sim)
    assert case.urgent and _near(case.due_at, at("2026-12-01 15:00"))
    assert sim.last_bot_text("g-chengguan").startswith("【加急】")
    sim.send("office", "wangmin", f"加急 {number}")
    assert "已是加急件" in sim.last_bot_text("office")
    sim.send("g-chengguan", "wutao", f"加急 {number}")
    assert "无权" in sim.last_bot_text("g-chengguan")


def test_quiet_hours_hold_ordinary_reminders_only(sim: SimulatorClient) -> None:
    from bot.cases.reminder_policy import load_policy

    policy, calc = load_policy(), sim.services.deadlines
    night = at("2026-12-05 01:00")  # Saturday
    assert policy.hold_until_allowed(calc, night, urgent=False) == at("2026-12-07 08:00")
    assert policy.hold_until_allowed(calc, night, urgent=True) == night
