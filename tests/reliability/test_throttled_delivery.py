"""A platform saying "too fast" is waited out, however often it says so; a failing one is given up.

Found by the county run: a busy WeCom group's messages were refused by the robot's 20-per-minute
window again and again; counted as failed attempts they backed off to 10-20 minutes, and the 8th
refusal would have dropped the message.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.messaging.delivery import deliver
from bot.messaging.messages import OutgoingMessage, SendResult
from bot.messaging.outbox import MAX_ATTEMPTS, add_outbound
from bot.platforms.simulator import SimulatorAdapter
from bot.services import Services
from models import OutboundMessage, SimulatorMessage
from tests.support import row_by_id


class BusyPlatform(SimulatorAdapter):
    """Stands in for a platform that refuses the first ``refusals`` sends with ``answer``."""

    def __init__(self, services: Services, refusals: int, answer: SendResult) -> None:
        super().__init__(services)
        self.refusals = refusals
        self.answer = answer

    def send(self, message: OutgoingMessage, *, dedupe_key: str) -> SendResult:
        if self.refusals > 0:
            self.refusals -= 1
            return self.answer
        return super().send(message, dedupe_key=dedupe_key)


def _outbound(services: Services) -> int:
    with services.sessions() as session, session.begin():
        row = add_outbound(session, services, platform="simulator", dedupe_key="throttle-1",
                           message=OutgoingMessage(text="【催办提醒】1 件", chat_id="g-donghu"))
        session.flush()
        return row.id


def test_rate_limited_sends_wait_as_told_and_are_never_given_up(services: Services) -> None:
    refusals = MAX_ATTEMPTS + 4
    services.adapters["simulator"] = BusyPlatform(services, refusals, SendResult(
        ok=False, error="robot: rate limited (20/min)", retryable=True, retry_after_s=7.5))
    outbound_id = _outbound(services)
    for attempt in range(1, refusals + 1):
        before = services.clock.now()
        assert deliver(services, outbound_id) == "pending"
        row = row_by_id(services, OutboundMessage, outbound_id)
        assert row.attempts == attempt
        assert row.next_attempt_at is not None
        # The platform's wait, not the growing backoff (which reaches 30 minutes).
        assert 7.0 <= (row.next_attempt_at - before).total_seconds() <= 8.5
    assert deliver(services, outbound_id) == "sent"
    with services.sessions() as session:
        shown = session.scalars(select(SimulatorMessage.text).where(SimulatorMessage.outbound_id == outbound_id))
        assert list(shown) == ["【催办提醒】1 件"]


def test_a_send_that_keeps_failing_is_given_up_after_max_attempts(services: Services) -> None:
    services.adapters["simulator"] = BusyPlatform(services, MAX_ATTEMPTS + 4, SendResult(
        ok=False, error="http 502", retryable=True))
    outbound_id = _outbound(services)
    states = [deliver(services, outbound_id) for _ in range(MAX_ATTEMPTS)]
    assert states == ["pending"] * (MAX_ATTEMPTS - 1) + ["failed"]
    assert row_by_id(services, OutboundMessage, outbound_id).attempts == MAX_ATTEMPTS
