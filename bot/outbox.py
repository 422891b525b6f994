"""Outgoing messages as rows first, sends second (a transactional outbox).

Handlers add ``OutboundMessage`` rows in the same transaction as the case change, so a case
is committed before anything is said about it. ``deliver`` then sends one row; a row already
``sent`` is never sent again, which makes a retried job harmless.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.addressing import Post, resolve
from bot.codec import outgoing_from_json, outgoing_to_json
from bot.faults import checkpoint
from bot.messages import OutgoingMessage
from bot.services import Services
from models import OutboundMessage

log = logging.getLogger(__name__)

DELIVER_JOB = "bot.jobs.deliver_outbound"
MAX_ATTEMPTS = 8
BACKOFF_S = (5, 15, 60, 120, 300, 600, 1200, 1800)


def add_outbound(
    session: Session,
    services: Services,
    *,
    platform: str,
    message: OutgoingMessage,
    dedupe_key: str,
    purpose: str = "reply",
    case_id: int | None = None,
    inbound_id: int | None = None,
) -> OutboundMessage:
    row = OutboundMessage(
        dedupe_key=dedupe_key,
        platform=platform,
        chat_id=message.chat_id or None,
        user_id=message.user_id or None,
        case_id=case_id,
        inbound_id=inbound_id,
        purpose=purpose,
        payload=outgoing_to_json(message),
        state="pending",
        created_at=services.clock.now(),
    )
    session.add(row)
    return row


def add_post(
    session: Session,
    services: Services,
    post: Post,
    *,
    dedupe_key: str,
    prefer: str | None = None,
    case_id: int | None = None,
    inbound_id: int | None = None,
) -> OutboundMessage | None:
    """Choose the platform for a post (bot.addressing) and add its outbound row, flushed so it has an id.

    None when the target has no reachable chat (addressing logs that)."""
    target = resolve(post, set(services.adapters), prefer=prefer)
    if target is None:
        return None
    platform, message = target
    row = add_outbound(session, services, platform=platform, message=message, dedupe_key=dedupe_key,
                       purpose=post.purpose, case_id=case_id if case_id is not None else post.case_id,
                       inbound_id=inbound_id)
    session.flush()
    return row


def enqueue_delivery(services: Services, outbound_id: int, delay_s: float = 0) -> bool:
    try:
        kwargs = dict(job_id=f"outbound-{outbound_id}", job_timeout=120, failure_ttl=7 * 86400)
        if delay_s > 0:
            services.queue.enqueue_in(timedelta(seconds=delay_s), DELIVER_JOB, outbound_id, **kwargs)
        else:
            services.queue.enqueue(DELIVER_JOB, outbound_id, **kwargs)
    except Exception as exc:
        log.warning("enqueue failed outbound=%s error=%s", outbound_id, exc.__class__.__name__)
        return False
    return True


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
        from bot.messages import SendResult

        result = SendResult(ok=False, error=exc.__class__.__name__, retryable=True)
    checkpoint("after_send")
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
        if result.retryable and attempts < MAX_ATTEMPTS:
            delay = max(result.retry_after_s, BACKOFF_S[min(attempts - 1, len(BACKOFF_S) - 1)])
            row.state = "pending"
            row.next_attempt_at = now + timedelta(seconds=delay)
        else:
            row.state = "failed"
            log.warning("send failed outbound=%s platform=%s error=%s", outbound_id, platform, result.error)
            return "failed"
    enqueue_delivery(services, outbound_id, delay_s=delay)
    return "pending"


def pending_for_inbound(session: Session, inbound_id: int) -> list[int]:
    return list(
        session.scalars(
            select(OutboundMessage.id)
            .where(OutboundMessage.inbound_id == inbound_id, OutboundMessage.state.in_(("pending", "sending")))
            .order_by(OutboundMessage.id)
        )
    )
