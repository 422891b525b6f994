"""Create, keep or cancel a case's reminder rows after every lifecycle step.

The lifecycle calls ``schedule_case`` in the same transaction as the change, so the rows always
match the case: 签收 stops the sign reminder, 已办结 stops the deadline ones, an approved 延期
moves them, and while an extension is under review the deadline clock is paused (no deadline
reminders until the office decides).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.deadlines import (
    DeadlineCalculator,
    add_working_hours,
    same_time_after_working_days,
    same_time_before_working_days,
)
from bot.cases.reminder_policy import ReminderPolicy, load_policy
from bot.cases.status import DONE_VALUES, WITH_UNIT_VALUES
from models import Case, OutboundMessage, Reminder

WITH_UNIT = WITH_UNIT_VALUES
CLOSED = DONE_VALUES
OVERDUE_HOUR = time(9, 0)  # later overdue reminders go out at the start of the working day


@dataclass(frozen=True)
class Planned:
    kind: str
    unit_id: int | None
    level: int
    due_at: datetime


def plan(calc: DeadlineCalculator, policy: ReminderPolicy, case: Case, now: datetime) -> list[Planned]:
    """The reminders this case should have, given its state."""
    planned: list[Planned] = []
    cadence = policy.for_case(case.category, case.supervised)
    if case.status in WITH_UNIT:
        for link in case.units:
            if link.signed_at is None and link.finished_at is None:
                start = case.dispatched_at or link.assigned_at
                # An urgent case's clock runs in natural hours, so its sign reminder does too.
                sign_at = (start + timedelta(hours=cadence.sign_within_hours) if case.urgent
                           else add_working_hours(calc, start, cadence.sign_within_hours))
                planned.append(Planned("sign", link.unit_id, 0, sign_at))
        paused = any(x.state == "pending" for x in case.extensions)
        if case.due_at is not None and case.lead_unit_id is not None and not paused:
            due = case.due_at
            for days in () if case.urgent else cadence.before_days:  # a 24-hour case has no "days before"
                planned.append(Planned("due_soon", case.lead_unit_id, 0, same_time_before_working_days(calc, due, days)))
            for hours in cadence.before_hours:
                planned.append(Planned("due_soon", case.lead_unit_id, 0, due - timedelta(hours=hours)))
            planned.append(Planned("overdue", case.lead_unit_id, policy.escalation_level(0), due))
            for day in range(1, policy.overdue_days + 1):
                moment = same_time_after_working_days(calc, due, day)
                moment = datetime.combine(calc.local(moment).date(), OVERDUE_HOUR, tzinfo=calc.zone)
                planned.append(Planned("overdue", case.lead_unit_id, policy.escalation_level(day), moment))
    elif case.status in CLOSED and policy.followup_after_close_days and case.closed_at is not None:
        moment = same_time_after_working_days(calc, case.closed_at, policy.followup_after_close_days)
        moment = datetime.combine(calc.local(moment).date(), OVERDUE_HOUR, tzinfo=calc.zone)
        planned.append(Planned("followup", None, 2, moment))
    held = [
        Planned(p.kind, p.unit_id, p.level, policy.hold_until_allowed(calc, p.due_at, case.urgent)) for p in planned
    ]
    # One catch-up at most: a reopened or long-paused case gets the latest missed reminder, not all of them.
    past = [p for p in held if p.due_at <= now]
    future = [p for p in held if p.due_at > now]
    latest: dict[tuple[str, int | None], Planned] = {}
    for p in sorted(past, key=lambda p: p.due_at):
        latest[(p.kind, p.unit_id)] = p
    return sorted(set(future) | set(latest.values()), key=lambda p: (p.due_at, p.kind))


def _identity(r: Reminder | Planned) -> tuple[str, int | None, int, datetime]:
    return (r.kind, r.unit_id, r.level, r.due_at)


def schedule_case(session: Session, calc: DeadlineCalculator, case: Case, now: datetime,
                  policy: ReminderPolicy | None = None) -> None:
    """Bring the case's reminder rows in line with its state (idempotent)."""
    policy = policy or load_policy()
    if case.id is None:
        session.flush()
    wanted = {_identity(p): p for p in plan(calc, policy, case, now)}
    existing = list(session.scalars(select(Reminder).where(Reminder.case_id == case.id)))
    seen: set[tuple[str, int | None, int, datetime]] = set()
    for reminder in existing:
        key = _identity(reminder)
        seen.add(key)
        if key in wanted:
            # Wanted again after a pause (作废 then 恢复, a rejected extension): still ahead, so it goes out.
            if reminder.state == "cancelled" and reminder.due_at > now:
                reminder.state = "pending"
            continue
        if reminder.state == "pending":
            reminder.state = "cancelled"
        elif reminder.state == "claimed":
            withdraw(session, reminder)
    for key, p in wanted.items():
        if key not in seen:
            session.add(Reminder(case_id=case.id, unit_id=p.unit_id, kind=p.kind, level=p.level, due_at=p.due_at,
                                 state="pending", attempt=0, created_at=now))


def withdraw(session: Session, reminder: Reminder) -> None:
    """Take a claimed reminder out of its digest if the digest has not started sending.

    A digest already being sent cannot be recalled; one still pending is rewritten without
    this line (or deleted when it was the only one), so a case closed while its reminder
    waits in the queue is not nagged about.
    """
    reminder.state = "cancelled"
    if reminder.sent_outbound_id is None:
        return
    outbound = session.get(OutboundMessage, reminder.sent_outbound_id, with_for_update=True)
    if outbound is None or outbound.state != "pending" or outbound.attempts:
        return
    others = list(session.scalars(
        select(Reminder).where(Reminder.sent_outbound_id == outbound.id, Reminder.id != reminder.id,
                               Reminder.state == "claimed")
    ))
    reminder.sent_outbound_id = None
    if not others:
        session.delete(outbound)
        return
    outbound.payload = rewrite_digest(outbound.payload, [r.line or "" for r in others])


def rewrite_digest(payload: dict[str, Any], lines: list[str]) -> dict[str, Any]:
    """The same digest without the withdrawn lines (the header's count follows)."""
    text = str(payload.get("text", ""))
    header = text.split("\n", 1)[0]
    header = re.sub(r"\d+ 件", f"{len(lines)} 件", header, count=1)
    return {**payload, "text": "\n".join([header, *lines])}  # as bot.reminders.texts.digest_text
