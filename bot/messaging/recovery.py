"""Rebuild the queue from the database: the database is the source of truth, Redis may forget.

Runs at worker start and every minute from ``rq cron``: inbound messages not yet processed
and outbound messages not yet sent are enqueued again (deterministic job ids; a job that
runs twice does nothing the second time).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from rq.job import Job, JobStatus
from sqlalchemy import or_, select

from bot.messaging.inbound import enqueue_inbound
from bot.messaging.job_ids import job_id
from bot.messaging.outbox import enqueue_delivery
from bot.services import Services
from models import InboundMessage, OutboundMessage

log = logging.getLogger(__name__)

LIVE = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}


def _is_live(services: Services, key: str) -> bool:
    try:
        job = Job.fetch(key, connection=services.redis)
    except Exception:
        return False
    return job.get_status(refresh=False) in LIVE


def recover(services: Services, min_age_s: float = 30) -> tuple[int, int]:
    now = services.clock.now()
    cutoff = now - timedelta(seconds=min_age_s)
    with services.sessions() as session:
        inbound = list(session.scalars(
            select(InboundMessage.id).where(InboundMessage.state == "received", InboundMessage.received_at <= cutoff)
            .order_by(InboundMessage.id).limit(5000)
        ))
        outbound = list(session.scalars(
            select(OutboundMessage.id).where(
                OutboundMessage.state.in_(("pending", "sending")),
                OutboundMessage.created_at <= cutoff,
                or_(OutboundMessage.next_attempt_at.is_(None), OutboundMessage.next_attempt_at <= now),
            ).order_by(OutboundMessage.id).limit(5000)
        ))
    requeued_in = sum(1 for i in inbound if not _is_live(services, job_id(services, "inbound", i)) and enqueue_inbound(services, i))
    requeued_out = sum(
        1 for o in outbound if not _is_live(services, job_id(services, "outbound", o)) and enqueue_delivery(services, o)
    )
    if requeued_in or requeued_out:
        log.info("recovered inbound=%s outbound=%s", requeued_in, requeued_out)
    return requeued_in, requeued_out
