"""Finding the case a chat message is about."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.errors import LifecycleError
from bot.cases.status import Status
from models import Case, CaseUnit, Person


def case_by_number(session: Session, number: str) -> Case:
    case = session.scalar(select(Case).where(Case.number == number))
    if case is None:
        raise LifecycleError(f"未找到工单 {number}，请核对工单号。")
    return case


def unit_cases(session: Session, unit_id: int, statuses: tuple[Status, ...]) -> list[Case]:
    return list(
        session.scalars(
            select(Case)
            .join(CaseUnit, CaseUnit.case_id == Case.id)
            .where(CaseUnit.unit_id == unit_id, Case.status.in_([s.value for s in statuses]))
            .order_by(Case.id)
        )
    )


def single_case(cases: list[Case], what: str, example: str) -> Case:
    """The one case meant when no number was given; otherwise a hint listing the candidates."""
    if not cases:
        raise LifecycleError(f"没有{what}的工单。")
    if len(cases) > 1:
        numbers = "、".join(c.number for c in cases[:5])
        raise LifecycleError(f"有 {len(cases)} 件{what}的工单（{numbers}），请注明工单号，如：{example} {cases[0].number}")
    return cases[0]


def latest_draft(session: Session, person: Person) -> Case:
    case = session.scalar(
        select(Case)
        .where(Case.created_by_id == person.id, Case.status.in_([Status.PENDING.value, Status.RETURNED.value]))
        .order_by(Case.id.desc())
        .limit(1)
    )
    if case is None:
        case = session.scalar(
            select(Case).where(Case.status == Status.RETURNED.value).order_by(Case.id.desc()).limit(1)
        )
    if case is None:
        raise LifecycleError("没有待分派的工单。请先转发网民留言，或注明工单号。")
    return case
