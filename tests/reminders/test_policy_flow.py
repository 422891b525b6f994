"""The reminder policy end to end: sign reminder, before-deadline, overdue escalation, digest, stops."""

from __future__ import annotations

from bot.cases.reminder_policy import load_policy
from bot.reminders.sweep import sweep
from bot.services import Services
from tests.reminders.conftest import act, at, chat, lay_roster_from, new_case, reminders, set_now
from tests.support import drain


def _tick(services: Services, when: str) -> int:
    set_now(services, at(when))
    result = sweep(services)
    drain(services)
    return result.claimed


def test_sign_due_overdue_escalation_and_stop(services: Services) -> None:
    set_now(services, at("2026-11-30 09:00"))  # Monday
    lay_roster_from(services, at("2026-11-30 09:00"))  # who is on duty on 11 December
    case_id = new_case(services)
    planned = [(r.kind, r.level) for r in reminders(services, case_id) if r.state == "pending"]
    assert ("sign", 0) in planned and ("overdue", 2) in planned

    assert _tick(services, "2026-11-30 12:59") == 0
    assert _tick(services, "2026-11-30 13:01") == 1  # 4 working hours after dispatch
    texts = [m.text for m in chat(services, "g-donghu")]
    assert len(texts) == 1 and "【催办提醒】" in texts[0] and "未签收" in texts[0] and "签收 DB-" in texts[0]
    assert [m["name"] for m in chat(services, "g-donghu")[0].mentions] == ["何慧"]
    assert _tick(services, "2026-11-30 13:02") == 0  # a second sweep sends nothing again

    act(services, case_id, "hehui", "sign")
    assert all(r.state != "pending" for r in reminders(services, case_id) if r.kind == "sign")

    # 投诉: 7 working days → Wed 2026-12-09 18:00; reminders one working day and two hours before.
    assert _tick(services, "2026-12-08 18:01") == 1
    assert "剩余 1 个工作日" in chat(services, "g-donghu")[-1].text
    assert _tick(services, "2026-12-09 16:01") == 1
    assert "今日到期" in chat(services, "g-donghu")[-1].text
    assert _tick(services, "2026-12-09 18:01") == 1
    assert "已到办理时限" in chat(services, "g-donghu")[-1].text
    assert _tick(services, "2026-12-10 09:01") == 1  # first overdue day: @ the unit's leader
    last = chat(services, "g-donghu")[-1]
    assert "已超期 1 个工作日" in last.text and "吕波" in [m["name"] for m in last.mentions]
    office_before = len(chat(services, "office"))
    assert _tick(services, "2026-12-11 09:01") == 1  # second: the office group and people on duty
    new = [m.text for m in chat(services, "office")[office_before:]]
    assert sum("【超期通报】" in t for t in new) == 1
    assert any(t.startswith("【值班交接】") and "已超期 2 个工作日" in t for t in new)  # 08:00 shift change
    assert any("【超期通报】" in m.text for m in chat(services, "dm:wangmin"))

    act(services, case_id, "hehui", "close", "已清运并回复网民")
    assert not [r for r in reminders(services, case_id) if r.state == "pending"]
    assert _tick(services, "2026-12-14 09:01") == 0


def test_one_digest_per_group_per_sweep(services: Services) -> None:
    set_now(services, at("2026-11-30 09:00"))
    first, second = new_case(services), new_case(services, title="东湖路路灯不亮")
    new_case(services, "chengguan", title="占道经营")
    assert _tick(services, "2026-11-30 13:05") == 3
    donghu = chat(services, "g-donghu")
    assert len(donghu) == 1 and donghu[0].text.count("· DB-") == 2 and "2 件" in donghu[0].text
    assert len(chat(services, "g-chengguan")) == 1
    assert first != second


def test_quiet_hours_and_weekends_hold_reminders(services: Services) -> None:
    policy = load_policy()
    calc = services.deadlines
    assert policy.hold_until_allowed(calc, at("2026-12-01 23:30"), urgent=False) == at("2026-12-02 08:00")
    assert policy.hold_until_allowed(calc, at("2026-12-05 10:00"), urgent=False) == at("2026-12-07 08:00")  # Sat
    assert policy.hold_until_allowed(calc, at("2026-12-05 10:00"), urgent=True) == at("2026-12-05 10:00")
    set_now(services, at("2026-12-04 17:00"))  # Friday afternoon: 1 working hour left today
    case_id = new_case(services)
    sign = next(r for r in reminders(services, case_id) if r.kind == "sign")
    assert abs((sign.due_at - at("2026-12-07 11:00")).total_seconds()) < 5  # the clock ran a few ms


def test_extension_pauses_then_moves_the_schedule(services: Services) -> None:
    set_now(services, at("2026-11-30 09:00"))
    case_id = new_case(services)
    act(services, case_id, "hehui", "sign")
    act(services, case_id, "hehui", "request_extension", 3, "需协调环卫车辆")
    assert not [r for r in reminders(services, case_id) if r.state == "pending"]  # clock paused under review
    assert _tick(services, "2026-12-09 18:01") == 0
    act(services, case_id, "wangmin", "decide_extension", True)
    pending = [r for r in reminders(services, case_id) if r.state == "pending"]
    assert min(r.due_at for r in pending if r.kind == "overdue") == at("2026-12-14 18:00")


def test_supervised_case_shortens_cadence(services: Services) -> None:
    set_now(services, at("2026-11-30 09:00"))
    case_id = new_case(services)
    act(services, case_id, "wangmin", "supervise")
    sign = [r for r in reminders(services, case_id) if r.kind == "sign" and r.state == "pending"]
    assert len(sign) == 1 and abs((sign[0].due_at - at("2026-11-30 11:00")).total_seconds()) < 5
    assert _tick(services, "2026-11-30 11:01") == 1
    assert "【督办件】" in chat(services, "g-donghu")[-1].text
