"""Every RQ job and ``rq cron`` entry point, and the one Services a worker process uses.

Jobs take primary keys, load fresh state, and can run twice harmlessly. Other modules enqueue them
by dotted name (``"bot.jobs.deliver_outbound"``), never by importing this module, so the domain
does not depend on the process layer."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from functools import lru_cache

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.config import Settings
from bot.faults import checkpoint
from bot.intake.photos import SavedPhoto, save_photos
from bot.intake.screenshots import ImageReading, read_images
from bot.messaging.codec import incoming_from_json
from bot.messaging.delivery import deliver
from bot.messaging.outbox import add_post, pending_for_inbound
from bot.services import Services
from bot.wiring import build_services
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


# ---- enqueued per message ------------------------------------------------------------------------
def process_inbound(inbound_id: int) -> str:
    return handle_inbound(worker_services(), inbound_id)


def deliver_outbound(outbound_id: int) -> str:
    return deliver(worker_services(), outbound_id)


def run_export(export_id: str) -> str:
    """A dashboard Excel export too large to build inside the request."""
    from bot.web.dashboard.export_jobs import build_export

    return build_export(worker_services(), export_id)


# ---- rq cron (bot/cron_config.py) ------------------------------------------------------------------
def recover() -> tuple[int, int]:
    """Every minute: re-enqueue whatever Redis lost (the database is the source of truth)."""
    from bot.messaging.recovery import recover as recover_lost

    return recover_lost(worker_services())


def sweep_reminders() -> int:
    """Every minute and at each reminder's wake-up: claim due reminders, send the digests."""
    from bot.reminders.sweep import sweep

    return sweep(worker_services()).claimed


def send_summaries() -> int:
    """Every minute: daily/weekly/monthly summaries, once per period after the configured time."""
    from bot.reports.summary import summary_tick

    return len(summary_tick(worker_services()))


def announce_zhuanbao_topics() -> int:
    """Every 10 minutes: tell the office once about each topic that passed the 专报 threshold."""
    from bot.reports.zhuanbao import notify_new_topics

    return len(notify_new_topics(worker_services()))


# ---- the inbound pipeline ---------------------------------------------------------------------------
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
    readings, photos = _read_images_first(services, inbound_id, now)
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
                          image_readings=readings, photos=photos)
        handle(ctx)
        for index, post in enumerate(ctx.posts):
            add_post(session, services, post, dedupe_key=f"in:{inbound_id}:{index}", prefer=msg.platform,
                     inbound_id=inbound_id)
        row.outcome = ctx.outcome
        log.info("inbound=%s platform=%s outcome=%s posts=%s", inbound_id, msg.platform, ctx.outcome, len(ctx.posts))
        return ctx.outcome


def _read_images_first(services: Services, inbound_id: int,
                       now: datetime) -> tuple[list[ImageReading], list[SavedPhoto]]:
    """Images outside the write transaction: seconds of OCR or a download must not hold a database lock.
    A dispatcher's forwarded screenshots are OCR'd; a unit's photos are kept as files (evidence)."""
    from handlers.entry import image_use

    with services.sessions() as session:
        row = session.get(InboundMessage, inbound_id)
        if row is None or row.state != "received" or not row.payload.get("images"):
            return [], []
        msg = incoming_from_json(row.payload)
        use = image_use(session, msg)
    if use == "screenshots":
        return read_images(services, msg, now), []
    return [], save_photos(services, msg) if use == "photos" else []
