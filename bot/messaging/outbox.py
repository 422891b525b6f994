"""Outgoing messages as rows first, sends second (a transactional outbox).

Handlers add ``OutboundMessage`` rows in the same transaction as the case change, so a case
is committed before anything is said about it; ``enqueue_delivery`` asks a worker to send one
(``bot.messaging.delivery.deliver``, by job name).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.messaging.addressing import Post, resolve
from bot.messaging.codec import outgoing_to_json
from bot.messaging.job_ids import job_id
from bot.messaging.messages import OutgoingMessage
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
    """Choose the platform for a post (bot.messaging.addressing) and add its outbound row, flushed so it has an id.

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
    if not services.settings.redis_url:
        # A CLI command with no bot running: the row waits in the outbox for a worker's recovery.
        log.debug("no Redis configured: outbound=%s waits for recovery", outbound_id)
        return False
    try:
        kwargs = dict(job_id=job_id(services, "outbound", outbound_id), job_timeout=120, failure_ttl=7 * 86400)
        if delay_s > 0:
            services.queue.enqueue_in(timedelta(seconds=delay_s), DELIVER_JOB, outbound_id, **kwargs)
        else:
            services.queue.enqueue(DELIVER_JOB, outbound_id, **kwargs)
    except Exception as exc:
        log.warning("enqueue failed outbound=%s error=%s", outbound_id, exc.__class__.__name__)
        return False
    return True


def pending_for_inbound(session: Session, inbound_id: int) -> list[int]:
    return list(
        session.scalars(
            select(OutboundMessage.id)
            .where(OutboundMessage.inbound_id == inbound_id, OutboundMessage.state.in_(("pending", "sending")))
            .order_by(OutboundMessage.id)
        )
    )
