"""RQ job entry points. Jobs take primary keys, load fresh state, and can run twice harmlessly."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from functools import lru_cache

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.codec import incoming_from_json
from bot.config import Settings
from bot.faults import checkpoint
from bot.outbox import add_post, deliver, pending_for_inbound
from bot.screenshot_reader import ImageReading, read_images
from bot.services import Services, build_services
from models import InboundMessage

log = logging.getLogger(__name__)


_installed: list[Services] = []


def install_services(services: Services) -> None:
    """Make jobs in this process use ``services`` (the worker entry point and in-process test workers)."""
    _installed[:] = [services]


@lru_cache(maxsize=1)
def _services_from_env(env_key: str) -> Services:
    return build_services(Settings.from_env())


def worker_services() -> Services:
    """One Services per worker process (built on the first job, not at import)."""
    if _installed:
        return _installed[0]
    return _services_from_env(os.environ.get("DATABASE_URL", "") + "|" + os.environ.get("REDIS_URL", ""))


def process_inbound(inbound_id: int) -> str:
    return handle_inbound(worker_services(), inbound_id)


def deliver_outbound(outbound_id: int) -> str:
    return deliver(worker_services(), outbound_id)


def handle_inbound(services: Services, inbound_id: int) -> str:
    """Apply one inbound message, then send what it produced."""
    for attempt in range(3):
        try:
            outcome = _apply(services, inbound_id)
            break
        except (IntegrityError, OperationalError) as exc:
            # Two workers numbering cases at once, or a lock timeout: the transaction rolled back whole.
            log.warning("inbound=%s attempt=%s rolled back: %s", inbound_id, attempt + 1, exc.__class__.__name__)
            if attempt == 2:
                raise
    checkpoint("after_commit")
    with services.sessions() as session:
        pending = pending_for_inbound(session, inbound_id)
    for outbound_id in pending:
        deliver(services, outbound_id)
    return outcome


def _apply(services: Services, inbound_id: int) -> str:
    from handlers.context import ChatContext
    from handlers.entry import handle

    now = services.clock.now()
    readings = _read_images_first(services, inbound_id, now)
    with services.sessions() as session, session.begin():
        # Claim the row: a concurrent or repeated job finds nothing to claim and does nothing.
        claimed = session.execute(  # type: ignore[attr-defined]
            update(InboundMessage)
            .where(InboundMessage.id == inbound_id, InboundMessage.state == "received")
            .values(state="processed", processed_at=now)
        ).rowcount
        if not claimed:
            return "already_processed"
        row = session.get(InboundMessage, inbound_id)
        assert row is not None
        msg = incoming_from_json(row.payload)
        ctx = ChatContext(services=services, session=session, msg=msg, inbound_id=inbound_id, now=now,
                          image_readings=readings)
        handle(ctx)
        for index, post in enumerate(ctx.posts):
            add_post(session, services, post, dedupe_key=f"in:{inbound_id}:{index}", prefer=msg.platform,
                     inbound_id=inbound_id)
        row.outcome = ctx.outcome
        log.info("inbound=%s platform=%s outcome=%s posts=%s", inbound_id, msg.platform, ctx.outcome, len(ctx.posts))
        return ctx.outcome


def _read_images_first(services: Services, inbound_id: int, now: datetime) -> list[ImageReading]:
    """OCR outside the write transaction: seconds of OCR must not hold a database lock."""
    with services.sessions() as session:
        row = session.get(InboundMessage, inbound_id)
        if row is None or row.state != "received" or not row.payload.get("images"):
            return []
        msg = incoming_from_json(row.payload)
    return read_images(services, msg, now)
