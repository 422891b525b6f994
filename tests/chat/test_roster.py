"""The duty roster: 换班 in chat (swap two shifts, or hand one over), visible and editable on the dashboard."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from models import DutyShift, Person
from tests.support import SimulatorClient
from tests.web.helpers import csrf_from, login, make_users


def _upcoming(sim: SimulatorClient) -> list[tuple[int, str, str]]:
    """(shift id, local start day as 12月03日, person code) for the shifts that start after now."""
    now = sim.services.clock.now()
    zone = sim.services.deadlines.zone
    with sim.services.sessions() as session:
        rows = session.execute(select(DutyShift.id, DutyShift.starts_at, Person.code).join(Person)
                               .where(DutyShift.starts_at > now).order_by(DutyShift.starts_at)).all()
    return [(i, start.astimezone(zone).strftime("%m月%d日"), code) for i, start, code in rows]


def _person_of(sim: SimulatorClient, shift_id: int) -> str:
    with sim.services.sessions() as session:
        shift = session.get(DutyShift, shift_id)
        assert shift is not None
        return shift.person.code


def test_swap_and_hand_over_in_chat(sim: SimulatorClient) -> None:
    shifts = _upcoming(sim)
    mine = next(s for s in shifts if s[2] == "zhaolei")
    theirs = next(s for s in shifts if s[2] == "qianyu")
    sim.send("office", "zhaolei", f"换班 {mine[1]} {theirs[1]}")
    reply = sim.bot_messages("office")[-1]
    assert reply["text"].startswith("已换班") and "（原 赵磊）" in reply["text"] and "（原 钱雨）" in reply["text"]
    assert {m["name"] for m in reply["mentions"]} == {"赵磊", "钱雨"}
    assert (_person_of(sim, mine[0]), _person_of(sim, theirs[0])) == ("qianyu", "zhaolei")

    others = [s for s in _upcoming(sim) if s[2] == "qianyu"][:2]
    sim.send("office", "zhaolei", f"换班 {others[0][1]} {others[1][1]}")  # neither shift is zhaolei's
    assert "只能调换本人的班次" in sim.last_bot_text("office")
    sim.send("office", "wangmin", f"换班 {others[0][1]} 王敏")  # the office may hand any shift over
    assert "已换班" in sim.last_bot_text("office") and _person_of(sim, others[0][0]) == "wangmin"
    sim.send("office", "zhaolei", f"换班 {mine[1]} 何慧")
    assert "未找到值班人员" in sim.last_bot_text("office")
    sim.send("office", "zhaolei", "换班 下周 钱雨")
    assert "换班格式" in sim.last_bot_text("office")
    sim.send("g-donghu", "hehui", f"换班 {mine[1]} 钱雨")
    assert "无权" in sim.last_bot_text("g-donghu")


def test_roster_on_the_dashboard(sim: SimulatorClient, app: Any) -> None:
    make_users(sim.services)
    shift_id, day, code = _upcoming(sim)[0]
    viewer = app.test_client()
    login(viewer, "viewer")
    page = viewer.get("/dashboard/roster").get_data(as_text=True)
    assert "值班表" in page and day in page and "赵磊" in page and "钱雨" in page and "保存" not in page
    assert viewer.post(f"/dashboard/roster/{shift_id}", data={"person": "1",
                                                              "csrf_token": csrf_from(page)}).status_code == 403
    admin = app.test_client()
    login(admin, "admin")
    page = admin.get("/dashboard/roster").get_data(as_text=True)
    with sim.services.sessions() as session:
        wangmin = session.scalar(select(Person.id).where(Person.code == "wangmin"))
    done = admin.post(f"/dashboard/roster/{shift_id}", data={"person": str(wangmin), "csrf_token": csrf_from(page)})
    assert done.status_code == 302 and _person_of(sim, shift_id) == "wangmin"
    from tests.support import drain

    drain(sim.services)
    assert sim.last_bot_text("office").startswith("【值班调整】")
    with sim.services.sessions() as session:
        hehui = session.scalar(select(Person.id).where(Person.code == "hehui"))
    admin.post(f"/dashboard/roster/{shift_id}", data={"person": str(hehui), "csrf_token": csrf_from(page)})
    assert _person_of(sim, shift_id) == "wangmin"  # a unit handler stands no office duty
    assert code in ("zhaolei", "qianyu")
