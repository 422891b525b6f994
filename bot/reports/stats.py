"""The one place figures are computed. The daily summary, ``python -m bot report`` and the web
dashboard all call ``compute_stats``; every figure is a GROUP BY in the database, so the cost
follows the period's rows and the indexes, not Python loops over cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy import case as when
from sqlalchemy.orm import Session

from bot.cases.lifecycle import SATISFACTION
from bot.cases.sources import OFFICIAL_BOARDS
from bot.cases.status import DONE_VALUES, NOT_COUNTED_VALUES, OPEN_VALUES, Status
from models import Case, CaseEvent, CaseRating, CaseUnit, CitizenReply, ExtensionRequest, Reminder, Reply, Unit

OPEN = OPEN_VALUES
DONE = DONE_VALUES
VOID = Status.VOID.value
SIGN_WINDOW = timedelta(hours=24)  # 按期签收: signed within 24 hours of dispatch (网络问政 practice)


@dataclass
class UnitFigures:
    unit: str
    assigned: int = 0
    closed: int = 0
    on_time: int = 0
    overdue_open: int = 0
    reopened: int = 0  # closings the office or a 不满意 sent back in the period
    rated: int = 0
    unsatisfied: int = 0  # 不满意 ratings in the period

    @property
    def on_time_rate(self) -> float:
        return self.on_time / self.closed if self.closed else 0.0

    @property
    def sent_back(self) -> int:
        """Work that was not good enough: each reopening, and each 不满意 on top (a 不满意 weighs more
        than the office's own 重新办理)."""
        return self.reopened + self.unsatisfied

    @property
    def active(self) -> bool:
        return bool(self.assigned or self.closed or self.overdue_open or self.reopened or self.rated)


@dataclass
class Stats:
    start: datetime
    end: datetime
    new_by_source: dict[str, int] = field(default_factory=dict)
    new_total: int = 0
    official: int = 0
    apps: int = 0
    closed: int = 0  # closed (办结) within the period
    new_closed: int = 0  # of the period's new cases, how many are closed by now
    open_now: int = 0
    overdue_now: int = 0
    signed: int = 0
    signed_on_time: int = 0
    closed_on_time: int = 0
    dispatched: int = 0
    returned: int = 0
    reopened: int = 0
    extensions: int = 0
    replies: int = 0  # the units' answers (进展 and 办结)
    citizen_replies: int = 0  # 回复网民 posted on the source platforms in the period
    citizen_replied_cases: int = 0  # how many cases those replies answered
    instructions: int = 0
    joint: int = 0
    supervised: int = 0
    reminders_failed: int = 0  # 催办 messages the platform refused for good (wrong chat, robot removed)
    satisfaction: dict[str, int] = field(default_factory=dict)  # every rating given in the period, by level
    by_category: dict[str, int] = field(default_factory=dict)
    by_month: dict[str, int] = field(default_factory=dict)
    units: list[UnitFigures] = field(default_factory=list)

    @staticmethod
    def _rate(part: int, whole: int) -> float:
        return round(100.0 * part / whole, 1) if whole else 0.0

    @property
    def closure_rate(self) -> float:  # 办结率
        return self._rate(self.new_closed, self.new_total)

    @property
    def sign_on_time_rate(self) -> float:  # 按期签收率
        return self._rate(self.signed_on_time, self.signed)

    @property
    def close_on_time_rate(self) -> float:  # 按期办结率
        return self._rate(self.closed_on_time, self.closed)

    @property
    def return_rate(self) -> float:  # 回退率
        return self._rate(self.returned, self.dispatched)

    @property
    def reopen_rate(self) -> float:  # 重办率
        return self._rate(self.reopened, self.closed)

    @property
    def satisfaction_rate(self) -> float:
        rated = sum(self.satisfaction.values())
        return self._rate(self.satisfaction.get("满意", 0) + self.satisfaction.get("基本满意", 0), rated)

    def ranking(self, size: int = 3) -> tuple[list[UnitFigures], list[UnitFigures]]:
        """红榜: best on-time closing among units none of whose work was sent back (reopened or 不满意).
        黑榜: most overdue plus sent-back work, then worst on-time rate."""
        active = [u for u in self.units if u.active]
        best = sorted([u for u in active if u.closed and not u.sent_back],
                      key=lambda u: (-u.on_time_rate, -u.closed, u.unit))[:size]
        worst = sorted(active, key=lambda u: (-(u.overdue_open + u.sent_back), u.on_time_rate, u.unit))
        worst = [u for u in worst if u.overdue_open or u.sent_back or (u.closed and u.on_time_rate < 1)][:size]
        return best, worst

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(), "to": self.end.isoformat(), "new": self.new_total,
            "official": self.official, "apps": self.apps, "new_by_source": self.new_by_source,
            "closed": self.closed, "open": self.open_now, "overdue": self.overdue_now,
            "closure_rate": self.closure_rate, "sign_on_time_rate": self.sign_on_time_rate,
            "close_on_time_rate": self.close_on_time_rate, "return_rate": self.return_rate,
            "reopen_rate": self.reopen_rate, "extensions": self.extensions, "replies": self.replies,
            "citizen_replies": self.citizen_replies, "citizen_replied_cases": self.citizen_replied_cases,
            "instructions": self.instructions, "joint": self.joint, "supervised": self.supervised,
            "reminders_failed": self.reminders_failed,
            "satisfaction": self.satisfaction, "by_category": self.by_category, "by_month": self.by_month,
            "satisfaction_rate": self.satisfaction_rate, "units": [u.__dict__ for u in self.units],
        }


def _month(session: Session, column: Any, tz_hours: int = 8) -> Any:
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m", column, f"+{tz_hours} hours")
    return func.to_char(func.timezone("Asia/Shanghai", column), "YYYY-MM")


def _not_voided(case_id: Any) -> ColumnElement[bool]:
    """Rows of a voided case count nowhere. Few cases are voided, so the subquery is small."""
    return case_id.notin_(select(Case.id).where(Case.status == VOID))


def compute_stats(session: Session, start: datetime, end: datetime, now: datetime) -> Stats:
    """All figures for cases in [start, end) plus the open/overdue snapshot at ``now``."""
    s = Stats(start=start, end=end)
    created = and_(Case.created_at >= start, Case.created_at < end, Case.status.notin_(NOT_COUNTED_VALUES))
    row = session.execute(select(
        func.count(),
        func.sum(when((Case.status.in_(DONE), 1), else_=0)),
        func.sum(when((Case.supervised, 1), else_=0)),
    ).where(created)).one()
    s.new_total, s.new_closed, s.supervised = (int(x or 0) for x in row)
    s.new_by_source = {k: int(v) for k, v in session.execute(
        select(Case.source, func.count()).where(created).group_by(Case.source))}
    s.official = sum(v for k, v in s.new_by_source.items() if k in OFFICIAL_BOARDS)
    s.apps = s.new_total - s.official
    s.by_category = {k or "未分类": int(v) for k, v in session.execute(
        select(Case.category, func.count()).where(created).group_by(Case.category))}
    month = _month(session, Case.created_at)
    s.by_month = {str(k): int(v) for k, v in session.execute(  # type: ignore[call-overload]
        select(month, func.count()).where(created).group_by(month).order_by(month))}
    s.joint = session.scalar(select(func.count(func.distinct(CaseUnit.case_id))).join(Case, Case.id == CaseUnit.case_id)
                             .where(created, CaseUnit.role == "co")) or 0

    closed = and_(Case.closed_at >= start, Case.closed_at < end, Case.status != VOID)
    row = session.execute(select(
        func.count(), func.sum(when((Case.closed_at <= Case.due_at, 1), else_=0)),
    ).where(closed)).one()
    s.closed, s.closed_on_time = int(row[0] or 0), int(row[1] or 0)
    # Ratings given in the period, each closing's own: a 不满意 reopens its case (closed_at is cleared)
    # and must still count, as must the rating of the closing after it.
    # Per lead unit too, for the ranking: one grouped read serves both.
    levels: dict[str, int] = {}
    ratings_by_unit: dict[int | None, dict[str, int]] = {}
    for unit_id, level, count in session.execute(
        select(CaseRating.unit_id, CaseRating.level, func.count())
        .where(CaseRating.created_at >= start, CaseRating.created_at < end, _not_voided(CaseRating.case_id))
        .group_by(CaseRating.unit_id, CaseRating.level)).all():
        levels[level] = levels.get(level, 0) + int(count)
        ratings_by_unit.setdefault(unit_id, {})[level] = int(count)
    s.satisfaction = {k: levels[k] for k in SATISFACTION if k in levels}

    dispatched = and_(Case.dispatched_at >= start, Case.dispatched_at < end, Case.status != VOID)
    row = session.execute(select(
        func.count(),
        func.sum(when((Case.signed_at.isnot(None), 1), else_=0)),
    ).where(dispatched)).one()
    s.dispatched, s.signed = int(row[0] or 0), int(row[1] or 0)
    s.signed_on_time = _signed_on_time(session, dispatched)

    # Per unit (a reopen event names the unit whose closing was sent back): totals are the groups' sums.
    reopened_by_unit: dict[int | None, int] = {}
    for event_row in session.execute(select(
        CaseEvent.unit_id,
        func.sum(when((CaseEvent.kind == "return", 1), else_=0)),
        func.sum(when((CaseEvent.kind == "reopen", 1), else_=0)),
        func.sum(when((CaseEvent.kind == "instruction", 1), else_=0)),
    ).where(CaseEvent.created_at >= start, CaseEvent.created_at < end, _not_voided(CaseEvent.case_id),
            CaseEvent.kind.in_(("return", "reopen", "instruction"))).group_by(CaseEvent.unit_id)).all():
        s.returned += int(event_row[1] or 0)
        s.reopened += int(event_row[2] or 0)
        s.instructions += int(event_row[3] or 0)
        reopened_by_unit[event_row[0]] = int(event_row[2] or 0)
    s.extensions = session.scalar(select(func.count()).select_from(ExtensionRequest).where(
        ExtensionRequest.created_at >= start, ExtensionRequest.created_at < end,
        _not_voided(ExtensionRequest.case_id))) or 0
    s.replies = session.scalar(select(func.count()).select_from(Reply).where(
        Reply.created_at >= start, Reply.created_at < end, _not_voided(Reply.case_id))) or 0
    row = session.execute(select(func.count(), func.count(func.distinct(CitizenReply.case_id))).where(
        CitizenReply.state == "posted", CitizenReply.posted_at >= start, CitizenReply.posted_at < end,
        _not_voided(CitizenReply.case_id))).one()
    s.citizen_replies, s.citizen_replied_cases = int(row[0] or 0), int(row[1] or 0)

    # The open/overdue snapshot reads every open case (no period bounds it), so it is read once,
    # per lead unit: the totals are the sums of the groups and the ranking uses the same rows.
    overdue_by_unit: dict[int | None, int] = {}
    for open_row in session.execute(
        select(Case.lead_unit_id, func.count(), func.sum(when((Case.due_at < now, 1), else_=0)))
        .where(Case.status.in_(OPEN)).group_by(Case.lead_unit_id)).all():
        s.open_now += int(open_row[1])
        s.overdue_now += int(open_row[2] or 0)
        overdue_by_unit[open_row[0]] = int(open_row[2] or 0)
    # state leads ix_reminders_state_due_at, so this reads only the (few) failed rows
    s.reminders_failed = session.scalar(select(func.count()).select_from(Reminder).where(
        Reminder.state == "failed", Reminder.claimed_at >= start, Reminder.claimed_at < end)) or 0
    s.units = _units(session, start, end, overdue_by_unit, reopened_by_unit, ratings_by_unit)
    return s


def _signed_on_time(session: Session, dispatched: Any) -> int:
    if session.get_bind().dialect.name == "sqlite":
        lag = (func.julianday(Case.signed_at) - func.julianday(Case.dispatched_at)) * 86400
    else:
        lag = func.extract("epoch", Case.signed_at - Case.dispatched_at)
    return session.scalar(select(func.count()).where(
        dispatched, Case.signed_at.isnot(None), lag <= SIGN_WINDOW.total_seconds())) or 0


def _units(session: Session, start: datetime, end: datetime, overdue_by_unit: dict[int | None, int],
           reopened_by_unit: dict[int | None, int], ratings_by_unit: dict[int | None, dict[str, int]]) -> list[UnitFigures]:
    names = dict(session.execute(select(Unit.id, Unit.name).where(Unit.is_office.is_(False))).all())
    figures = {uid: UnitFigures(unit=name) for uid, name in names.items()}
    for uid, count in session.execute(
        select(Case.lead_unit_id, func.count()).where(Case.dispatched_at >= start, Case.dispatched_at < end,
                                                      Case.status != VOID)
        .group_by(Case.lead_unit_id)):
        if uid in figures:
            figures[uid].assigned = int(count)
    closed_rows = session.execute(
        select(Case.lead_unit_id, func.count(), func.sum(when((Case.closed_at <= Case.due_at, 1), else_=0)))
        .where(Case.closed_at >= start, Case.closed_at < end, Case.status != VOID).group_by(Case.lead_unit_id)).all()
    for closed_row in closed_rows:
        if closed_row[0] in figures:
            figures[closed_row[0]].closed, figures[closed_row[0]].on_time = int(closed_row[1]), int(closed_row[2] or 0)
    for uid, overdue in overdue_by_unit.items():
        if uid in figures:
            figures[uid].overdue_open = overdue
    for uid, unit in figures.items():
        unit.reopened = reopened_by_unit.get(uid, 0)
        unit.rated = sum(ratings_by_unit.get(uid, {}).values())
        unit.unsatisfied = ratings_by_unit.get(uid, {}).get("不满意", 0)
    return list(figures.values())
