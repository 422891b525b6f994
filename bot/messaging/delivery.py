"""Send one outbox row through its platform's adapter and record what happened.

A row already ``sent`` (or given up) is never sent again, which makes a retried job harmless.
The adapter's ``SendResult`` decides the rest: sent; retry later with backoff; failed; or a
misconfigured channel, which the office is told about once (``bot.messaging.alerts``).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.faults import checkpoint
from bot.messaging.alerts import tell_office_once
from bot.messaging.codec import outgoing_from_json
from bot.messaging.messages import SendResult
from bot.messaging.outbox import BACKOFF_S, MAX_ATTEMPTS, enqueue_delivery
from bot.services import Services
from models import OutboundMessage

log = logging.getLogger(__name__)


def deliver(services: Services, outbound_id: int) -> str:
    """Send one outbound row unless it is already sent or given up. Returns the final state."""
    with services.sessions() as session, session.begin():
        row = session.get(OutboundMessage, outbound_id, with_for_update=True)
        if row is None or row.state in ("sent", "failed"):
            return row.state if row else "missing"
        row.state = "sending"
        row.attempts += 1
        platform, payload, key, attempts = row.platform, row.payload, row.dedupe_key, row.attempts
    checkpoint("before_send")
    message = outgoing_from_json(payload)
    try:
        result = services.adapter(platform).send(message, dedupe_key=key)
    except Exception as exc:  # an adapter bug or network failure must not lose the message
        log.exception("send raised outbound=%s", outbound_id)
        result = SendResult(ok=False, error=exc.__class__.__name__, retryable=True)
    checkpoint("after_send")
    if result.misconfigured is not None:
        tell_office_once(services, result.misconfigured)
    now = services.clock.now()
    with services.sessions() as session, session.begin():
        row = session.get(OutboundMessage, outbound_id, with_for_update=True)
        assert row is not None
        if result.ok:
            row.state = "sent"
            row.sent_at = now
            row.result = result.platform_message_id[:256] or "ok"
            return "sent"
        row.result = result.error[:256]
        # "Too fast" (a robot's 20 per minute, ours or the platform's) says when to come back: nothing is
        # wrong with the message, so it neither grows the backoff nor counts towards giving up. Counted,
        # a busy group's messages backed off to 10-20 minutes and the 8th refusal dropped one.
        throttled = result.retryable and result.retry_after_s > 0
        if result.retryable and (attempts < MAX_ATTEMPTS or throttled):
            delay = result.retry_after_s if throttled else BACKOFF_S[min(attempts - 1, len(BACKOFF_S) - 1)]
            row.state = "pending"
            row.next_attempt_at = now + timedelta(seconds=delay)
        else:
            row.state = "failed"
            log.warning("send failed outbound=%s platform=%s error=%s", outbound_id, platform, result.error)
            return "failed"
    enqueue_delivery(services, outbound_id, delay_s=delay)
    return "pending"
