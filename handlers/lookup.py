"""Finding the case a chat message is about."""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from bot.cases.errors import LifecycleError
from bot.cases.pii import mask_text
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


def just_merged(session: Session, person: Person) -> Case | None:
    """The sender's newest forward, when the bot linked it to an open case as a repeat."""
    newest = session.scalar(select(Case).where(Case.created_by_id == person.id).order_by(Case.id.desc()).limit(1))
    return newest if newest is not None and newest.status == Status.DUPLICATE.value else None


def the_draft(session: Session, person: Person, example: str) -> Case:
    """The draft a dispatcher's bare ``1`` / ``派`` / ``并入`` / ``改`` is about, when it names no case.

    Only when it is unambiguous: the sender's one open draft (待分派 made by them, or any 已退回).
    With several, or when the sender's newest forward was just merged as a repeat (a ``1`` typed
    out of habit would otherwise land on an older draft), the dispatcher is asked which.
    """
    drafts = list(session.scalars(
        select(Case)
        .where(or_(and_(Case.created_by_id == person.id, Case.status == Status.PENDING.value),
                   Case.status == Status.RETURNED.value))
        .order_by(Case.id.desc())
        .limit(6)
    ))
    newest = just_merged(session, person)
    if newest is not None and (not drafts or newest.id > drafts[0].id):
        original = session.get(Case, newest.duplicate_of_id) if newest.duplicate_of_id else None
        others = f"；其他待分派工单：{'、'.join(c.number for c in drafts[:5])}" if drafts else ""
        raise LifecycleError(
            f"您最近转发的留言已作为重复件 {newest.number} 并入 {original.number if original else '原工单'}。"
            f"如不是重复，请回复“派 单位 {newest.number}”{others}。"
        )
    if not drafts:
        raise LifecycleError("没有待分派的工单。请先转发网民留言，或注明工单号。")
    if len(drafts) > 1:
        listed = "\n".join(f"· {c.number} {mask_text(c.title)[:20]}" for c in drafts[:5])
        more = "（仅列最近 5 件）" if len(drafts) > 5 else ""
        raise LifecycleError(
            f"有多件待分派的工单{more}，请注明工单号或引用该工单的消息回复，如：{example} {drafts[0].number}\n{listed}"
        )
    return drafts[0]
