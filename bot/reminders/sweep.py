"""The sweep (every minute from ``rq cron``): claim due reminder rows atomically, turn them into
one digest OutboundMessage per chat, enqueue the sends.

Exactly-once comes from the database, not Redis: a row is claimed by one UPDATE … RETURNING
(two schedulers or two sweeps cannot both claim it), the digest is inserted in the same
transaction under a dedupe key derived from the claimed ids, and the outbox never sends a
``sent`` row twice. If Redis loses the send job, ``bot.messaging.recovery`` re-enqueues the row.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from bot.cases.directory import office_unit, on_duty
from bot.cases.reminder_policy import ReminderPolicy, load_policy
from bot.cases.status import DONE_VALUES, OPEN_VALUES, WITH_UNIT_VALUES
from bot.messaging.addressing import Post
from bot.messaging.job_ids import job_id
from bot.messaging.outbox import add_post, enqueue_delivery
from bot.reminders.texts import (
    WorkdayCounter,
    digest_header,
    digest_text,
    failed_line,
    handover_text,
    reminder_line,
)
from bot.services import Services
from models import Case, CaseUnit, DutyShift, OutboundMessage, Person, Reminder, Unit

log = logging.getLogger(__name__)

BATCH = 1000
OPEN = OPEN_VALUES
HANDOVER_WINDOW = timedelta(hours=2)


@dataclass
class SweepResult:
    claimed: int = 0
    cancelled: int = 0
    outbound_ids: list[int] = field(default_factory=list)
    settled: int = 0
    failed: int = 0


def claim_due(session: Session, now: datetime, limit: int = BATCH) -> list[int]:
    """Atomically move due pending rows to ``claimed``; returns their ids.

    SQLite (≥ 3.35) and PostgreSQL both support UPDATE … RETURNING; on PostgreSQL the inner
    SELECT also takes row locks with SKIP LOCKED so concurrent sweeps split the work instead of
    waiting. On SQLite the transaction starts with BEGIN IMMEDIATE (bot/db.py), which serialises sweeps.
    """
    due = (
        select(Reminder.id)
        .where(Reminder.state == "pending", Reminder.due_at <= now)
        .order_by(Reminder.due_at, Reminder.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    stmt = (
        update(Reminder)
        .where(Reminder.id.in_(due.scalar_subquery()))
        .values(state="claimed", claimed_at=now, attempt=Reminder.attempt + 1)
        .returning(Reminder.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(session.scalars(stmt))


def _still_relevant(reminder: Reminder, case: Case) -> bool:
    if reminder.kind == "followup":
        return case.status in DONE_VALUES
    if case.status not in WITH_UNIT_VALUES:
        return False
    if reminder.kind == "sign":
        link = case.unit_link(reminder.unit_id or 0)
        return link is not None and link.signed_at is None
    return not any(x.state == "pending" for x in case.extensions)


SEVERITY = {"followup": 0, "sign": 1, "due_soon": 2, "overdue": 3}


def _superseded(reminders: list[Reminder]) -> set[int]:
    """Ids of reminders a more urgent one of the same sweep makes redundant.

    After a demo clock jump, a long pause or a scheduler outage several rows of one case fall due
    together (1-day and 2-hour due_soon, overdue day 1 and 2). The digest shows one line per case
    and unit: the sign reminder if still unsigned, plus the most severe deadline reminder."""
    best: dict[tuple[int, int | None, bool], Reminder] = {}
    for r in reminders:
        key = (r.case_id, r.unit_id, r.kind == "sign")
        rank = (SEVERITY.get(r.kind, 0), r.level, r.due_at, r.id)
        current = best.get(key)
        if current is None or rank > (SEVERITY.get(current.kind, 0), current.level, current.due_at, current.id):
            best[key] = r
    keep = {r.id for r in best.values()}
    return {r.id for r in reminders if r.id not in keep}


def _dedupe(target: str, ids: list[int]) -> str:
    digest = hashlib.sha1(",".join(map(str, sorted(ids))).encode()).hexdigest()[:16]
    return f"rem:{target}:{min(ids)}:{digest}"


def _office_people(session: Session, now: datetime) -> list[Person]:
    office = office_unit(session)
    people = [p for p in (office.members if office else []) if p.role == "office" and p.active]
    duty = on_duty(session, now)
    if duty is not None and duty.id not in {p.id for p in people}:
        people.insert(0, duty)
    return people


def _emit(session: Session, services: Services, post: Post, target: str, reminders: list[Reminder],
          now: datetime, result: SweepResult) -> None:
    row = add_post(session, services, post, dedupe_key=_dedupe(target, [r.id for r in reminders]),
                   case_id=reminders[0].case_id if len({r.case_id for r in reminders}) == 1 else None)
    if row is None:
        for r in reminders:
            r.state = "cancelled"
        return
    for r in reminders:
        if r.sent_outbound_id is None:  # the unit's digest owns the row; the office copy is extra
            r.sent_outbound_id = row.id
    result.outbound_ids.append(row.id)


def settle(session: Session) -> tuple[int, list[int]]:
    """Claimed rows whose digest went out become ``sent``; those whose digest failed for good
    (the outbox gave up: wrong chat id, robot removed) become ``failed``. Returns the sent count
    and the ids that failed now, which the office is told about in this sweep."""
    sent = select(OutboundMessage.id).where(OutboundMessage.state == "sent")
    settled = session.execute(
        update(Reminder)
        .where(Reminder.state == "claimed", Reminder.sent_outbound_id.in_(sent.scalar_subquery()))
        .values(state="sent")
        .execution_options(synchronize_session=False)
    ).rowcount or 0  # type: ignore[attr-defined]
    failed = select(OutboundMessage.id).where(OutboundMessage.state == "failed")
    failed_ids = sorted(session.scalars(
        update(Reminder)
        .where(Reminder.state == "claimed", Reminder.sent_outbound_id.in_(failed.scalar_subquery()))
        .values(state="failed")
        .returning(Reminder.id)
        .execution_options(synchronize_session=False)
    ))
    return settled, failed_ids


def report_failures(session: Session, services: Services, failed_ids: list[int], now: datetime,
                    result: SweepResult) -> None:
    """One office message listing reminders that could not be delivered, so someone phones the unit."""
    if not failed_ids:
        return
    office_group = office_unit(session)
    if office_group is None:
        return
    rows = session.execute(
        select(Reminder, Case.number, Unit.name).join(Case, Case.id == Reminder.case_id)
        .outerjoin(Unit, Unit.id == Reminder.unit_id).where(Reminder.id.in_(failed_ids)).order_by(Reminder.id)
    ).all()
    lines = [failed_line(number, unit_name) for _r, number, unit_name in rows]
    post = Post(text=digest_text(digest_header("failed", len(lines)), lines), unit=office_group, purpose="reminder")
    row = add_post(session, services, post, dedupe_key=_dedupe("failed", failed_ids))
    if row is not None:
        result.outbound_ids.append(row.id)


def sweep(services: Services, now: datetime | None = None, policy: ReminderPolicy | None = None) -> SweepResult:
    now = now or services.clock.now()
    policy = policy or load_policy()
    calc = services.deadlines
    result = SweepResult()
    with services.sessions() as session, session.begin():
        result.settled, failed_ids = settle(session)
        result.failed = len(failed_ids)
        report_failures(session, services, failed_ids, now, result)
        ids = claim_due(session, now)
        result.claimed = len(ids)
        if ids:
            reminders = list(session.scalars(select(Reminder).where(Reminder.id.in_(ids)).order_by(Reminder.id)))
            cases = {c.id: c for c in session.scalars(
                select(Case).where(Case.id.in_({r.case_id for r in reminders})).options(
                    selectinload(Case.units).selectinload(CaseUnit.unit).selectinload(Unit.members),
                    selectinload(Case.extensions), selectinload(Case.lead_unit),
                )
            )}
            superseded = _superseded(reminders)
            counter = WorkdayCounter(calc)
            by_unit: dict[int, list[Reminder]] = defaultdict(list)
            office: list[Reminder] = []
            office_lines: list[str] = []
            for r in reminders:
                case = cases[r.case_id]
                if r.id in superseded or not _still_relevant(r, case):
                    r.state = "cancelled"
                    result.cancelled += 1
                    continue
                r.line = reminder_line(calc, r, case, now, policy.return_within_hours, counter,
                                       audience="unit" if r.unit_id is not None else "office")
                if r.unit_id is not None:
                    by_unit[r.unit_id].append(r)
                if r.level >= 2 or r.unit_id is None:
                    office.append(r)
                    office_lines.append(r.line if r.unit_id is None else reminder_line(
                        calc, r, case, now, policy.return_within_hours, counter, audience="office"))
            # One query for the units and their people (mentions need identities), not one per digest.
            units = {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(list(by_unit))).options(
                selectinload(Unit.members).selectinload(Person.identities)))}
            for unit_id, items in by_unit.items():
                unit = units.get(unit_id)
                assert unit is not None
                escalated = any(r.level >= 1 for r in items)
                mentions = unit.handlers() + (unit.leaders() if escalated else [])
                header = digest_header("leader" if escalated else "unit", len(items), unit.name)
                post = Post(text=digest_text(header, [r.line or "" for r in items]), unit=unit, mentions=mentions,
                            purpose="reminder")
                _emit(session, services, post, f"unit-{unit_id}", items, now, result)
            if office:
                text = digest_text(digest_header("office", len(office)), office_lines)
                office_group = office_unit(session)
                people = _office_people(session, now)
                if office_group is not None:
                    _emit(session, services, Post(text=text, unit=office_group, mentions=people[:1],
                                                  purpose="reminder"), "office", office, now, result)
                for person in people:
                    _emit(session, services, Post(text=text, person=person, purpose="reminder"),
                          f"person-{person.id}", office, now, result)
        result.outbound_ids += handover(session, services, now)
    for outbound_id in result.outbound_ids:
        enqueue_delivery(services, outbound_id)
    schedule_wakeup(services, now)
    if result.claimed or result.outbound_ids:
        log.info("sweep claimed=%s cancelled=%s messages=%s", result.claimed, result.cancelled,
                 len(result.outbound_ids))
    return result


def handover(session: Session, services: Services, now: datetime) -> list[int]:
    """At each change of duty, tell the office group who is on now and which items are open."""
    shift = session.scalar(
        select(DutyShift).where(DutyShift.starts_at <= now, DutyShift.starts_at > now - HANDOVER_WINDOW)
        .order_by(DutyShift.starts_at.desc()).limit(1)
    )
    if shift is None:
        return []
    key = f"handover:{shift.id}"
    if session.scalar(select(OutboundMessage.id).where(OutboundMessage.dedupe_key == key)) is not None:
        return []
    previous = session.scalar(
        select(DutyShift).where(DutyShift.ends_at == shift.starts_at).order_by(DutyShift.id.desc()).limit(1)
    )
    office = office_unit(session)
    if office is None:
        return []
    total = session.scalar(select(func.count(Case.id)).where(Case.status.in_(OPEN))) or 0
    attention = list(session.scalars(
        select(Case).where(Case.status.in_(OPEN)).order_by(Case.due_at.is_(None), Case.due_at).limit(10)
    ))
    text = handover_text(services.deadlines, shift.person.name, previous.person.name if previous else None,
                         attention, now, total)
    try:
        with session.begin_nested():  # a concurrent sweep may have inserted the same key: skip, don't fail
            row = add_post(session, services, Post(text=text, unit=office, mentions=[shift.person],
                                                    purpose="handover"), dedupe_key=key)
    except IntegrityError:
        return []
    return [row.id] if row is not None else []


WAKEUP_HORIZON = timedelta(seconds=90)


def schedule_wakeup(services: Services, now: datetime) -> None:
    """Ask rq's scheduler for an extra sweep at the next due moment, so a reminder goes out within
    a second or two of being due instead of up to a cron interval later. The job id is derived
    from the moment, so repeated sweeps schedule it once; losing it only costs latency (the
    minute cron sweep still runs)."""
    with services.sessions() as session:
        next_due = session.scalar(select(func.min(Reminder.due_at)).where(Reminder.state == "pending",
                                                                          Reminder.due_at > now))
    if next_due is None or next_due - now > WAKEUP_HORIZON:
        return
    wall = datetime.now(next_due.tzinfo) + (next_due - now)  # the demo clock may run ahead of the wall clock
    try:
        services.queue.enqueue_at(wall, "bot.jobs.sweep_reminders", job_id=job_id(services, "reminder-wakeup", int(next_due.timestamp())),
                                  job_timeout=120, result_ttl=60)
    except Exception as exc:  # Redis down: the cron sweep covers it
        log.warning("wake-up not scheduled: %s", exc.__class__.__name__)
