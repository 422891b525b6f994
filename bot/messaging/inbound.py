"""The webhook path, the same for every platform: store, commit, enqueue.

A view verifies and parses, then calls ``accept``. The unique (platform, msg_id) key makes
a retried or concurrent duplicate delivery a no-op; the row is committed before the job is
enqueued, so losing Redis loses nothing (``recovery`` re-enqueues unprocessed rows).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.messaging.codec import incoming_to_json
from bot.messaging.messages import IncomingMessage
from bot.services import Services
from models import InboundMessage

log = logging.getLogger(__name__)

PROCESS_JOB = "bot.jobs.process_inbound"


@dataclass(frozen=True)
class Accepted:
    inbound_id: int
    duplicate: bool
    enqueued: bool


def accept(
    services: Services, msg: IncomingMessage, also: Callable[[Session], None] | None = None
) -> Accepted:
    """Store, commit, enqueue. ``also`` adds rows in the same transaction (kept only if not a duplicate)."""
    now = services.clock.now()
    # A Core INSERT … RETURNING: this is the webhook's hot path, and the ORM's unit of work costs
    # more than the write itself.
    statement = (
        insert(InboundMessage)
        .values(
            platform=msg.platform,
            msg_id=msg.msg_id,
            chat_id=msg.chat_id,
            chat_type=msg.chat_type,
            sender_id=msg.sender_id,
            payload=incoming_to_json(msg),
            received_at=msg.received_at or now,
            state="received",
        )
        .returning(InboundMessage.id)
    )
    with services.sessions() as session:
        try:
            with session.begin():
                inbound_id = int(session.execute(statement).scalar_one())
                if also is not None:
                    also(session)
        except IntegrityError:
            session.rollback()
            existing = session.scalar(
                select(InboundMessage.id).where(
                    InboundMessage.platform == msg.platform, InboundMessage.msg_id == msg.msg_id
                )
            )
            log.info("duplicate delivery platform=%s inbound=%s", msg.platform, existing)
            return Accepted(int(existing or 0), duplicate=True, enqueued=False)
    return Accepted(inbound_id, duplicate=False, enqueued=enqueue_inbound(services, inbound_id))


def enqueue_inbound(services: Services, inbound_id: int) -> bool:
    """Queue the processing job; a Redis outage is logged, and recovery picks the row up later."""
    try:
        services.queue.enqueue(
            PROCESS_JOB, inbound_id, job_id=f"inbound-{inbound_id}", job_timeout=300, failure_ttl=7 * 86400
        )
    except Exception as exc:  # redis.ConnectionError and friends: the row is safe in the database
        log.warning("enqueue failed inbound=%s error=%s", inbound_id, exc.__class__.__name__)
        return False
    return True
