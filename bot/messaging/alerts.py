"""The one place that tells the office a chat channel of ours is misconfigured, once a day per channel.

Adapters never decide this: they return ``SendResult(misconfigured=ChannelProblem(...))`` and the
outbox calls ``tell_office_once``. The alert goes to the office group on a working channel (never
the broken one), else to each office member and dispatcher in person.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.cases.directory import office_unit
from bot.messaging.addressing import Post, resolve
from bot.messaging.messages import ChannelProblem
from bot.messaging.outbox import add_outbound, enqueue_delivery
from bot.services import Services
from models import OutboundMessage, Unit

log = logging.getLogger(__name__)


def tell_office_once(services: Services, problem: ChannelProblem) -> list[int]:
    """Queue the alert unless today's is already queued; returns the outbound ids queued now."""
    day = services.clock.now().strftime("%Y%m%d")
    ids: list[int] = []
    try:
        with services.sessions() as session, session.begin():
            office = office_unit(session)
            unit = session.scalar(select(Unit).where(Unit.code == problem.unit_code))
            if office is None:
                return []
            name = unit.name if unit else problem.unit_code
            # No unit: the platform's bot itself (e.g. its long connection), named in the advice.
            text = f"【配置错误】{name}：{problem.advice}" if name else f"【配置错误】{problem.advice}"
            available = set(services.adapters)
            if office.code == problem.unit_code:
                available.discard(problem.platform)  # the office's own channel is the broken one
            prefer = problem.platform if problem.platform in available else None
            targets = [resolve(Post(text=text, unit=office, purpose="alert"), available, prefer=prefer)]
            if targets[0] is None:  # no other group channel: each office member in person
                targets = [resolve(Post(text=text, person=p, purpose="alert"), set(services.adapters))
                           for p in office.members if p.role in ("office", "dispatcher")]
            for index, target in enumerate(targets):
                if target is None:
                    continue
                key = f"alert:misconfigured:{problem.key}:{day}:{index}"
                if session.scalar(select(OutboundMessage.id).where(OutboundMessage.dedupe_key == key)):
                    continue
                platform, outgoing = target
                row = add_outbound(session, services, platform=platform, message=outgoing, dedupe_key=key,
                                   purpose="alert")
                session.flush()
                ids.append(row.id)
    except IntegrityError:
        return []  # another worker queued the same alert first
    for outbound_id in ids:
        enqueue_delivery(services, outbound_id)
    log.warning("channel misconfigured platform=%s unit=%s office alerted=%s", problem.platform,
                problem.unit_code, bool(ids))
    return ids
