"""The case state machine. Views and chat handlers call these functions; none of them
decides a transition on its own.

待分派 → 已分派 → 已签收 → 办理中 → 已办结 → 已核查(归档)
退回 goes back to the dispatcher; 重新办理 reopens a closed or archived case.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.cases.deadlines import DeadlineCalculator
from bot.cases.errors import LifecycleError
from bot.cases.reminder_plan import schedule_case
from bot.cases.status import OPEN_STATUSES, STATUS_LABELS, WITH_UNIT, Status
from models import Case, CaseEvent, CaseEvidence, CaseRating, CaseUnit, ExtensionRequest, Person, Reply, Unit

log = logging.getLogger(__name__)


SATISFACTION = ("满意", "基本满意", "不满意")

# (action, from statuses) → to status. The single table of legal transitions.
TRANSITIONS: dict[str, tuple[tuple[Status, ...], Status | None]] = {
    # A draft linked as a repeat can still be dispatched when the dispatcher says it is not one.
    "dispatch": ((Status.PENDING, Status.RETURNED, Status.DUPLICATE), Status.DISPATCHED),
    "merge": ((Status.PENDING,), Status.DUPLICATE),
    "sign": ((Status.DISPATCHED,), Status.SIGNED),
    "progress": ((Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS), Status.IN_PROGRESS),
    "request_extension": (WITH_UNIT, None),
    "decide_extension": (WITH_UNIT, None),
    "return": (WITH_UNIT, Status.RETURNED),
    "close": ((Status.SIGNED, Status.IN_PROGRESS), Status.CLOSED),
    "co_finish": (WITH_UNIT, None),
    "verify": ((Status.CLOSED,), Status.VERIFIED),
    "reopen": ((Status.CLOSED, Status.VERIFIED), Status.IN_PROGRESS),
    "instruct": (OPEN_STATUSES + (Status.CLOSED,), None),
    "supervise": (OPEN_STATUSES, None),
    "rate": ((Status.CLOSED, Status.VERIFIED), None),
    # 作废: any case but a voided one; 恢复 goes back to the status recorded in the void event.
    "void": (tuple(s for s in Status if s != Status.VOID), Status.VOID),
    "restore": ((Status.VOID,), None),
    "urgent": (OPEN_STATUSES, None),
    # A unit's photos: while it works on the case, and after closing (the office may ask for proof).
    "add_evidence": (WITH_UNIT + (Status.CLOSED, Status.VERIFIED), None),
}


@dataclass(frozen=True)
class Actor:
    """Who acts: a person (from chat or the web) or the system."""

    person: Person | None
    label: str = ""
    channel: str = "chat"

    @property
    def person_id(self) -> int | None:
        return self.person.id if self.person else None


@dataclass
class Lifecycle:
    """Domain operations on cases, bound to a session, a clock reading and the deadline rules."""

    session: Session
    deadlines: DeadlineCalculator
    now: datetime

    # --- helpers -------------------------------------------------------------------------
    def _check(self, case: Case, action: str) -> Status | None:
        allowed, target = TRANSITIONS[action]
        if Status(case.status) not in allowed:
            label = STATUS_LABELS[Status(case.status)]
            raise LifecycleError(f"工单 {case.number} 当前为“{label}”，不能执行此操作。")
        return target

    def _event(
        self,
        case: Case,
        kind: str,
        actor: Actor,
        *,
        text: str | None = None,
        unit: Unit | None = None,
        from_status: str | None = None,
        to_status: str | None = None,
        data: dict[str, object] | None = None,
    ) -> CaseEvent:
        event = CaseEvent(
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            actor_id=actor.person_id,
            actor_label=actor.label or (actor.person.name if actor.person else "系统"),
            unit_id=unit.id if unit else None,
            text=text,
            data=dict(data or {}),
            channel=actor.channel,
            created_at=self.now,
        )
        case.events.append(event)
        case.updated_at = self.now
        return event

    def _move(self, case: Case, action: str, actor: Actor, **event_args: object) -> None:
        target = self._check(case, action)
        before = case.status
        if target is not None:
            case.status = target.value
        self._event(case, action, actor, from_status=before, to_status=case.status, **event_args)  # type: ignore[arg-type]

    def _acting_unit(self, case: Case, actor: Actor, *, lead_only: bool = False) -> CaseUnit:
        """The actor's unit's part in the case; refuses people of other units."""
        person = actor.person
        if person is None or person.unit_id is None:
            raise LifecycleError("只有承办单位人员可以办理。")
        link = case.unit_link(person.unit_id)
        if link is None:
            raise LifecycleError(f"工单 {case.number} 不属于您的单位。")
        if lead_only and link.role != "lead":
            raise LifecycleError("此操作只能由主办单位办理。")
        return link

    # --- creation ------------------------------------------------------------------------
    def next_number(self) -> str:
        local_day = self.deadlines.local(self.now).strftime("%Y%m%d")
        prefix = f"DB-{local_day}-"
        last = self.session.scalar(
            select(func.max(Case.number)).where(Case.number.like(f"{prefix}%"))
        )
        serial = int(last.rsplit("-", 1)[1]) + 1 if last else 1
        return f"{prefix}{serial:04d}"

    def create_case(
        self,
        actor: Actor,
        *,
        title: str,
        body: str,
        source: str = "other",
        source_link: str | None = None,
        author: str | None = None,
        posted_at: datetime | None = None,
        place: str | None = None,
        category: str | None = None,
        request_type: str = "投诉",
        urgent: bool = False,
        proposal: dict[str, object] | None = None,
        source_inbound_id: int | None = None,
    ) -> Case:
        case = Case(
            number=self.next_number(),
            status=Status.PENDING.value,
            source=source,
            source_link=source_link,
            author=author,
            posted_at=posted_at,
            title=title[:256],
            body=body,
            place=place,
            category=category,
            request_type=request_type,
            urgent=urgent,
            proposal=dict(proposal or {}),
            created_by_id=actor.person_id,
            source_inbound_id=source_inbound_id,
            created_at=self.now,
            updated_at=self.now,
        )
        self.session.add(case)
        self._event(case, "created", actor, to_status=case.status)
        self.session.flush()
        return case

    # --- dispatcher ------------------------------------------------------------------------
    def dispatch(self, case: Case, actor: Actor, lead: Unit, co_units: list[Unit] | None = None) -> None:
        co_units = [u for u in (co_units or []) if u.id != lead.id]
        if len({u.id for u in co_units}) != len(co_units):
            raise LifecycleError("协办单位重复。")
        before = case.status
        self._check(case, "dispatch")
        if case.duplicate_of_id is not None:
            original = self.session.get(Case, case.duplicate_of_id)
            if original is not None and original.repeat_count > 0:
                original.repeat_count -= 1
            case.duplicate_of_id = None
        # A re-dispatch after 退回 replaces the units.
        case.units.clear()
        self.session.flush()
        case.units.append(CaseUnit(unit_id=lead.id, unit=lead, role="lead", assigned_at=self.now))
        for unit in co_units:
            case.units.append(CaseUnit(unit_id=unit.id, unit=unit, role="co", assigned_at=self.now))
        case.lead_unit = lead
        case.lead_unit_id = lead.id
        case.dispatched_at = self.now
        case.signed_at = None
        deadline = self.deadlines.for_case(case.request_type, case.urgent, self.now)
        case.due_at = deadline.due_at
        case.calendar_note = deadline.note
        if deadline.note:
            log.warning("deadline outside known calendars case=%s years=%s", case.number, deadline.unknown_years)
        case.status = Status.DISPATCHED.value
        names = "、".join(u.name for u in co_units)
        self._event(
            case,
            "dispatch",
            actor,
            unit=lead,
            from_status=before,
            to_status=case.status,
            text=f"主办: {lead.name}" + (f"; 协办: {names}" if names else ""),
            data={"lead": lead.id, "co": [u.id for u in co_units], "due_at": case.due_at.isoformat()},
        )
        schedule_case(self.session, self.deadlines, case, self.now)  # reminders follow every state change

    # --- units -----------------------------------------------------------------------------
    def sign(self, case: Case, actor: Actor) -> CaseUnit:
        link = self._acting_unit(case, actor)
        if link.signed_at is not None:
            raise LifecycleError(f"工单 {case.number} 贵单位已签收。")
        link.signed_at = self.now
        if link.role == "lead":
            case.signed_at = self.now
            self._move(case, "sign", actor, unit=link.unit)
        else:
            self._check(case, "progress")
            self._event(case, "co_sign", actor, unit=link.unit)
        schedule_case(self.session, self.deadlines, case, self.now)
        return link

    def progress(self, case: Case, actor: Actor, text: str) -> None:
        if not text.strip():
            raise LifecycleError("请写明进展内容，例如：进展 已联系网民，正在核实。")
        link = self._acting_unit(case, actor)
        if link.signed_at is None:
            link.signed_at = self.now  # reporting progress implies having signed
            if link.role == "lead":
                case.signed_at = case.signed_at or self.now
        self.session.add(
            Reply(case=case, unit_id=link.unit_id, author_id=actor.person_id, kind="progress", text=text,
                  created_at=self.now)
        )
        if link.role == "lead":
            self._move(case, "progress", actor, unit=link.unit, text=text)
        else:
            self._check(case, "progress")
            self._event(case, "progress", actor, unit=link.unit, text=text)
        schedule_case(self.session, self.deadlines, case, self.now)

    def request_extension(self, case: Case, actor: Actor, days: int, reason: str) -> ExtensionRequest:
        self._check(case, "request_extension")
        link = self._acting_unit(case, actor, lead_only=True)
        if not reason.strip():
            raise LifecycleError("申请延期须写明原因，例如：申请延期 3天 需协调多部门。")
        if days < 1 or days > self.deadlines.policy.max_extension_days:
            raise LifecycleError(f"延期天数须在 1 至 {self.deadlines.policy.max_extension_days} 个工作日之间。")
        if any(x.state == "pending" for x in case.extensions):
            raise LifecycleError("已有延期申请待审批。")
        if case.due_at is not None and self.now > case.due_at:
            raise LifecycleError("已超期，不能再申请延期，请尽快办结或联系网信办。")
        base = case.due_at or self.now
        new_due = self.deadlines.extend(base, days)
        request = ExtensionRequest(
            case=case, unit_id=link.unit_id, requested_by_id=actor.person_id, working_days=days, reason=reason,
            old_due_at=case.due_at, new_due_at=new_due.due_at, state="pending", created_at=self.now,
        )
        self.session.add(request)
        self._event(case, "extension_requested", actor, unit=link.unit, text=reason,
                    data={"days": days, "new_due_at": new_due.due_at.isoformat()})
        schedule_case(self.session, self.deadlines, case, self.now)
        return request

    def decide_extension(self, case: Case, actor: Actor, approve: bool, note: str = "") -> ExtensionRequest:
        self._check(case, "decide_extension")
        pending = [x for x in case.extensions if x.state == "pending"]
        if not pending:
            raise LifecycleError(f"工单 {case.number} 没有待审批的延期申请。")
        request = pending[-1]
        request.state = "approved" if approve else "rejected"
        request.decided_by_id = actor.person_id
        request.decided_at = self.now
        if approve:
            case.due_at = request.new_due_at
        self._event(case, "extension_approved" if approve else "extension_rejected", actor, text=note or None,
                    data={"due_at": case.due_at.isoformat() if case.due_at else None})
        schedule_case(self.session, self.deadlines, case, self.now)
        return request

    def return_case(self, case: Case, actor: Actor, reason: str) -> None:
        if not reason.strip():
            raise LifecycleError("退回须写明原因，例如：退回 不属于本单位职责。")
        link = self._acting_unit(case, actor, lead_only=True)
        self._move(case, "return", actor, unit=link.unit, text=reason)
        case.due_at = None
        schedule_case(self.session, self.deadlines, case, self.now)

    def close(self, case: Case, actor: Actor, text: str) -> Reply:
        if not text.strip():
            raise LifecycleError("请写明办理结果，例如：已办结 已安排清理并回复网民。")
        link = self._acting_unit(case, actor)
        reply = Reply(case=case, unit_id=link.unit_id, author_id=actor.person_id, kind="final", text=text,
                      created_at=self.now)
        self.session.add(reply)
        link.finished_at = self.now
        link.signed_at = link.signed_at or self.now
        if link.role == "lead":
            if Status(case.status) == Status.DISPATCHED:  # closing implies signing
                case.signed_at = self.now
                self._move(case, "sign", actor, unit=link.unit)
            self._move(case, "close", actor, unit=link.unit, text=text)
            case.closed_at = self.now
        else:
            self._check(case, "co_finish")
            self._event(case, "co_finished", actor, unit=link.unit, text=text)
        schedule_case(self.session, self.deadlines, case, self.now)
        return reply

    # --- office ----------------------------------------------------------------------------
    def verify(self, case: Case, actor: Actor) -> None:
        self._move(case, "verify", actor)
        case.verified_at = self.now

    def reopen(self, case: Case, actor: Actor, reason: str) -> None:
        if not reason.strip():
            raise LifecycleError("重新办理须写明原因。")
        # The unit whose closing is sent back: per-unit figures count reopenings (bot/reports/stats.py).
        self._move(case, "reopen", actor, text=reason, unit=case.lead_unit)
        case.reopen_count += 1
        case.closed_at = None
        case.verified_at = None
        for link in case.units:
            link.finished_at = None
        deadline = self.deadlines.for_case(case.request_type, case.urgent, self.now)
        case.due_at = deadline.due_at
        case.calendar_note = deadline.note
        schedule_case(self.session, self.deadlines, case, self.now)

    def instruct(self, case: Case, actor: Actor, text: str, leader: str = "") -> None:
        """A leader's instruction (批示). ``leader`` is who gave it (批示人); the actor only typed it in."""
        if not text.strip():
            raise LifecycleError("请写明批示内容，例如：批示 张书记：请尽快处理并回复。")
        self._check(case, "instruct")
        leader = leader.strip()[:32]
        self._event(case, "instruction", actor, text=f"{leader}：{text}" if leader else text,
                    data={"leader": leader, "instruction": text} if leader else None)

    def supervise(self, case: Case, actor: Actor) -> None:
        self._check(case, "supervise")
        if case.supervised:
            raise LifecycleError(f"工单 {case.number} 已在督办中。")
        case.supervised = True
        self._event(case, "supervised", actor)
        schedule_case(self.session, self.deadlines, case, self.now)

    def rate(self, case: Case, actor: Actor, level: str, reason: str = "") -> CaseRating:
        """The citizen's rating of the current closing. Every closing keeps its own rating, so a 不满意
        still counts after the reopening it causes; rating the same closing again corrects it."""
        if level not in SATISFACTION:
            raise LifecycleError("评价请回复：评价 满意 / 基本满意 / 不满意")
        self._check(case, "rate")
        reason = reason.strip()
        if level == "不满意" and not reason:
            # The unit must hear what the citizen objects to, or it redoes the same work.
            raise LifecycleError(f"不满意须写明网民的意见，承办单位据此重新办理，如：评价 不满意 {case.number} 网民反映仍有垃圾。")
        rating = self.session.scalar(
            select(CaseRating).where(CaseRating.case_id == case.id, CaseRating.round == case.reopen_count))
        if rating is None:
            rating = CaseRating(case_id=case.id, round=case.reopen_count, level=level, created_at=self.now)
            self.session.add(rating)
        rating.level, rating.reason = level, reason or None
        rating.unit_id, rating.rated_by_id, rating.created_at = case.lead_unit_id, actor.person_id, self.now
        case.satisfaction = level
        self._event(case, "rated", actor, text=f"{level}：{reason}" if reason else level, unit=case.lead_unit,
                    data={"level": level})
        if level == "不满意":
            self.reopen(case, actor, f"网民不满意：{reason}")
        return rating

    def add_evidence(self, case: Case, actor: Actor, photos: list[CaseEvidence], context: str) -> None:
        """Attach a unit's photos (new or waiting for a case number) to the case, as one history entry."""
        self._check(case, "add_evidence")
        link = self._acting_unit(case, actor)
        for photo in photos:
            photo.case_id, photo.unit_id, photo.attached_at = case.id, link.unit_id, self.now
            if photo.context == "later":
                photo.context = context
        self.session.flush()
        self._event(case, "evidence", actor, unit=link.unit, text=f"附图 {len(photos)} 张",
                    data={"evidence": [p.id for p in photos], "context": context})

    def note(self, case: Case, actor: Actor, kind: str, text: str) -> None:
        """A history entry that changes no state (a draft corrected, a screenshot added)."""
        self._event(case, kind, actor, text=text)

    def make_urgent(self, case: Case, actor: Actor) -> None:
        """加急: the urgent deadline (``urgent_hours`` natural hours, 24 by default) from now, or from
        dispatch for a draft; a case already with a unit keeps its deadline if that is sooner."""
        self._check(case, "urgent")
        if case.urgent:
            raise LifecycleError(f"工单 {case.number} 已是加急件。")
        case.urgent = True
        data: dict[str, object] = {}
        if Status(case.status) in WITH_UNIT:
            deadline = self.deadlines.for_case(case.request_type, True, self.now)
            if case.due_at is None or deadline.due_at < case.due_at:
                case.due_at, case.calendar_note = deadline.due_at, None
            data["due_at"] = case.due_at.isoformat() if case.due_at else None
        self._event(case, "urgent", actor, data=data)
        schedule_case(self.session, self.deadlines, case, self.now)

    def void(self, case: Case, actor: Actor, reason: str) -> None:
        """作废: a draft or case made by mistake leaves every figure and reminder but keeps its history.
        What 恢复 needs (the status to go back to) is kept in the event's data."""
        if not reason.strip():
            raise LifecycleError("作废须写明原因，例如：作废 误转发，非网民留言。")
        before = case.status
        self._check(case, "void")
        case.status = Status.VOID.value
        original = self.session.get(Case, case.duplicate_of_id) if case.duplicate_of_id else None
        if before == Status.DUPLICATE.value and original is not None and original.repeat_count > 0:
            original.repeat_count -= 1
        self._event(case, "void", actor, from_status=before, to_status=case.status, text=reason,
                    data={"restore_to": before})
        schedule_case(self.session, self.deadlines, case, self.now)

    def restore(self, case: Case, actor: Actor, note: str = "") -> Status:
        """恢复: undo 作废; the case returns to where it was, its deadline and units unchanged."""
        self._check(case, "restore")
        voided = next((e for e in reversed(case.events) if e.kind == "void"), None)
        target = Status(str((voided.data or {}).get("restore_to") or voided.from_status)) if voided else Status.PENDING
        case.status = target.value
        original = self.session.get(Case, case.duplicate_of_id) if case.duplicate_of_id else None
        if target == Status.DUPLICATE and original is not None:
            original.repeat_count += 1
        self._event(case, "restore", actor, from_status=Status.VOID.value, to_status=case.status, text=note or None)
        schedule_case(self.session, self.deadlines, case, self.now)
        return target

    def mark_duplicate(self, case: Case, actor: Actor, original: Case) -> None:
        if original.id == case.id:
            raise LifecycleError("不能并入自身。")
        if Status(original.status) not in OPEN_STATUSES + (Status.CLOSED,):
            raise LifecycleError(f"工单 {original.number} 已归档，不能并入，请照常派单。")
        before = case.status
        self._check(case, "merge")
        case.status = Status.DUPLICATE.value
        case.duplicate_of_id = original.id
        original.repeat_count += 1
        self._event(case, "duplicate", actor, from_status=before, to_status=case.status,
                    text=f"重复件，并入 {original.number}")
        schedule_case(self.session, self.deadlines, case, self.now)
        self._event(original, "repeat", actor, text=f"又有网民反映（{case.number}）")
