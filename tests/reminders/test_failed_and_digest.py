"""A reminder whose digest fails for good ends ``failed`` and the office hears of it; rows of one case
that fall due together give one line; escalated lines are worded for their audience."""

from __future__ import annotations

from datetime import timedelta

from bot.messaging.messages import OutgoingMessage, SendResult
from bot.platforms.simulator import SimulatorAdapter
from bot.reminders.sweep import sweep
from bot.reports.stats import compute_stats
from bot.services import Services
from tests.reminders.conftest import at, chat, new_case, outbound, reminders, set_now
from tests.support import drain


class RefusingPlatform(SimulatorAdapter):
    """Stands in for a platform that rejects one group for good (robot removed, wrong chat id)."""

    def send(self, message: OutgoingMessage, *, dedupe_key: str) -> SendResult:
        if message.chat_id == "g-donghu":
            return SendResult(ok=False, error="chat not found", retryable=False)
        return super().send(message, dedupe_key=dedupe_key)


def test_permanently_failed_digest_marks_reminder_failed_and_tells_office(services: Services) -> None:
    services.adapters["simulator"] = RefusingPlatform(services)
    set_now(services, at("2026-11-30 09:00"))
    case_id = new_case(services)
    set_now(services, at("2026-11-30 13:05"))
    assert sweep(services).claimed == 1
    drain(services)
    assert outbound(services)[-1].state == "failed"
    set_now(services, at("2026-11-30 13:06"))
    assert sweep(services).failed == 1
    assert [r.state for r in reminders(services, case_id) if r.kind == "sign"] == ["failed"]
    drain(services)
    office = [m.text for m in chat(services, "office") if "催办" in m.text]
    assert len(office) == 1 and "【催办未送达】1 条" in office[0] and "东湖街道办事处" in office[0]
    assert sweep(services).failed == 0  # told once
    drain(services)
    assert sum("【催办未送达】" in m.text for m in chat(services, "office")) == 1
    with services.sessions() as session:
        start = at("2026-11-30 00:00")
        stats = compute_stats(session, start, start + timedelta(days=1), services.clock.now())
    assert stats.reminders_failed == 1 and stats.as_dict()["reminders_failed"] == 1


def test_rows_due_together_give_one_line_per_case(services: Services) -> None:
    set_now(services, at("2026-11-30 09:00"))  # 投诉: due Wed 2026-12-09 18:00
    case_id = new_case(services)
    # The scheduler was down (or the demo clock jumped) from before the sign reminder to day 2 overdue.
    set_now(services, at("2026-12-11 09:01"))
    result = sweep(services)
    assert result.claimed >= 5 and result.cancelled == result.claimed - 2  # one sign line, one overdue line
    drain(services)
    unit = [m.text for m in chat(services, "g-donghu")]
    assert len(unit) == 1
    assert unit[0].count("DB-") >= 2 and unit[0].count("已超期") == 1 and unit[0].count("未签收") == 1
    assert "请尽快办结" in unit[0] and "请督办" not in unit[0]  # the unit is told to finish …
    office = [m.text for m in chat(services, "office") if "【超期通报】" in m.text]
    assert len(office) == 1 and "请督办" in office[0]  # … the office what it can do
    assert case_id
