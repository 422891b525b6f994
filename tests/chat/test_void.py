"""作废 / 恢复: a case made by mistake leaves every count (新增, 我的待办, daily and yearly figures) and its
reminders, keeps its history, and comes back as it was. In chat and on the dashboard."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.reports.stats import compute_stats
from bot.reports.summary import summary_text
from models import Case, Reminder
from tests.reminders.conftest import at, set_now
from tests.support import SimulatorClient, newest
from tests.web.helpers import csrf_from, login, make_users

POST = "青山镇石桥村村道塌方一个多月无人修，车辆无法通行，村民出行很不方便"


def _case(sim: SimulatorClient) -> Case:
    return newest(sim.services, Case)


def _figures(sim: SimulatorClient) -> dict[str, Any]:
    now = sim.services.clock.now()
    with sim.services.sessions() as session:
        day = compute_stats(session, at("2026-11-30 00:00"), at("2026-12-01 00:00"), now)
        year = compute_stats(session, at("2026-01-01 00:00"), at("2027-01-01 00:00"), now)
    units = {u.unit: u.assigned for u in year.units if u.assigned}
    return {"new": day.new_total, "open": day.open_now, "year_new": year.new_total, "dispatched": year.dispatched,
            "signed": year.signed, "units": units, "summary": summary_text(day, "日报").split("\n")[1]}


def _pending_reminders(sim: SimulatorClient, case_id: int) -> int:
    with sim.services.sessions() as session:
        return len(list(session.scalars(select(Reminder).where(Reminder.case_id == case_id,
                                                                 Reminder.state == "pending"))))


def test_void_and_restore_in_chat(sim: SimulatorClient) -> None:
    set_now(sim.services, at("2026-11-30 10:00"))
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "1")
    sim.send("g-qingshan", "shiyu", "签收")
    case = _case(sim)
    before = _figures(sim)
    assert before["new"] == 1 and before["open"] == 1 and before["units"] == {"青山镇人民政府": 1}
    assert _pending_reminders(sim, case.id) > 0

    sim.send("office", "zhaolei", f"作废 {case.number} 误转发")  # a dispatcher may void drafts only
    assert "只能由网信办领导" in sim.last_bot_text("office") and _case(sim).status == "signed"
    sim.send("office", "wangmin", f"作废 {case.number}")
    assert "须写明原因" in sim.last_bot_text("office")
    sim.send("office", "wangmin", f"作废 {case.number} 误转发，已由12345受理")
    assert "已作废" in sim.last_bot_text("office") and f"恢复 {case.number}" in sim.last_bot_text("office")
    assert sim.last_bot_text("g-qingshan").startswith("【工单作废】")
    assert _case(sim).status == "void" and _pending_reminders(sim, case.id) == 0
    after = _figures(sim)
    assert (after["new"], after["open"], after["year_new"], after["dispatched"], after["signed"]) == (0, 0, 0, 0, 0)
    assert after["units"] == {} and after["summary"].startswith("新增 0 件")
    for chat, who in (("office", "wangmin"), ("office", "zhaolei"), ("g-qingshan", "shiyu")):
        sim.send(chat, who, "我的待办")
        assert "暂无待办" in sim.last_bot_text(chat)
    sim.send("g-qingshan", "shiyu", f"进展 已派人查看 {case.number}")
    assert "已作废" in sim.last_bot_text("g-qingshan")
    sim.send("office", "wangmin", f"查 {case.number}")
    shown = sim.last_bot_text("office")
    assert "已作废" in shown and "作废: 误转发，已由12345受理" in shown

    sim.send("office", "wangmin", f"恢复 {case.number}")
    assert "已恢复为“已签收”" in sim.last_bot_text("office")
    assert sim.last_bot_text("g-qingshan").startswith("【工单恢复】")
    restored = _case(sim)
    assert restored.status == "signed" and restored.due_at == case.due_at
    assert _pending_reminders(sim, case.id) > 0
    assert _figures(sim) == before
    with sim.services.sessions() as session:
        kinds = [e.kind for e in session.get(Case, case.id).events]  # type: ignore[union-attr]
    assert kinds[-2:] == ["void", "restore"]
    sim.send("office", "wangmin", f"恢复 {case.number}")
    assert "未作废" in sim.last_bot_text("office")


def test_dispatcher_voids_a_draft_and_a_repeat(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "作废 误转发，群里的闲聊")  # no number: the sender's one draft
    draft = _case(sim)
    assert draft.status == "void"
    sim.send("office", "zhaolei", "我的待办")
    assert "暂无待办" in sim.last_bot_text("office")

    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "1")
    original = _case(sim)
    sim.send("office", "qianyu", "青山镇石桥村的村道塌了一个多月了，车过不去，村民出门很难，没人来修")
    repeat = _case(sim)
    assert repeat.status == "duplicate" and newest(sim.services, Case).duplicate_of_id == original.id
    with sim.services.sessions() as session:
        assert session.get(Case, original.id).repeat_count == 1  # type: ignore[union-attr]
    sim.send("office", "qianyu", f"作废 {repeat.number} 同一网民重复发送")
    with sim.services.sessions() as session:
        assert session.get(Case, original.id).repeat_count == 0  # type: ignore[union-attr]
    sim.send("office", "qianyu", f"恢复 {repeat.number}")
    with sim.services.sessions() as session:
        assert session.get(Case, repeat.id).status == "duplicate"  # type: ignore[union-attr]
        assert session.get(Case, original.id).repeat_count == 1  # type: ignore[union-attr]
    sim.send("g-qingshan", "shiyu", f"作废 {original.number} 不是我们的")
    assert "无权" in sim.last_bot_text("g-qingshan")


def test_void_and_restore_on_the_dashboard(sim: SimulatorClient, app: Any) -> None:
    make_users(sim.services)
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "1")
    case = _case(sim)
    disp = app.test_client()
    login(disp, "disp")
    page = disp.get(f"/dashboard/cases/{case.id}").get_data(as_text=True)
    assert "作废原因" in page
    token = csrf_from(page)
    disp.post(f"/dashboard/cases/{case.id}/actions/void", data={"reason": "误建", "csrf_token": token})
    assert _case(sim).status == "dispatched"  # with a unit: the dispatcher may not
    admin = app.test_client()
    login(admin, "admin")
    token = csrf_from(admin.get(f"/dashboard/cases/{case.id}").get_data(as_text=True))
    admin.post(f"/dashboard/cases/{case.id}/actions/void", data={"reason": "误建，重复录入", "csrf_token": token})
    assert _case(sim).status == "void"
    page = admin.get(f"/dashboard/cases/{case.id}").get_data(as_text=True)
    assert "已作废" in page and "误建，重复录入" in page and ">作废<" in page and ">恢复<" in page
    listing = admin.get("/dashboard/cases?status=void").get_data(as_text=True)
    assert case.number in listing
    admin.post(f"/dashboard/cases/{case.id}/actions/restore", data={"csrf_token": csrf_from(page)})
    assert _case(sim).status == "dispatched"
    assert case.due_at is not None and _case(sim).due_at == case.due_at
    assert _case(sim).created_at + timedelta(days=1) > _case(sim).updated_at
