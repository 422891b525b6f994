"""Anyone: 查 工单号, 我的待办, 帮助."""

from __future__ import annotations

from sqlalchemy import select

from bot.cases import citizen_replies
from bot.cases.errors import LifecycleError
from bot.cases.history import event_label
from bot.cases.status import OPEN_STATUSES, Status
from handlers import render
from handlers.context import ChatContext
from handlers.evidence import CONTEXT_LABELS
from handlers.lookup import case_by_number, unit_cases
from models import Case, CaseEvidence, CaseRating


def show(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    if not number:
        raise LifecycleError("请注明工单号，如：查 DB-20261128-0001")
    case = case_by_number(ctx.session, number)
    person = ctx.sender
    assert person is not None
    if person.role not in ("office", "dispatcher") and (person.unit_id is None or case.unit_link(person.unit_id) is None):
        raise LifecycleError(f"工单 {number} 不属于您的单位。")
    history = [f"· {render.local_time(ctx.services.deadlines, e.created_at)} {e.actor_label or ''} {event_label(e.kind)}"
               + (f": {e.text[:40]}" if e.text else "") for e in case.events[-8:]]
    ctx.outcome = "shown"
    office = person.role in ("office", "dispatcher")  # the calendar warning names a file only they edit
    ctx.reply(render.case_summary(ctx.services.deadlines, case, ctx.now, office=office) + _follow_up(ctx, case)
              + "\n记录:\n" + "\n".join(history), case=case)


def _follow_up(ctx: ChatContext, case: Case) -> str:
    """Photos from the units, the citizen's ratings and the replies posted to the citizen."""
    lines = []
    photos = list(ctx.session.scalars(select(CaseEvidence.context).where(CaseEvidence.case_id == case.id)))
    if photos:
        kinds = "，".join(f"{CONTEXT_LABELS[k]} {photos.count(k)}" for k in CONTEXT_LABELS if k in photos)
        lines.append(f"附图: {len(photos)} 张（{kinds}），在工作台工单页查看")
    ratings = list(ctx.session.scalars(select(CaseRating).where(CaseRating.case_id == case.id).order_by(CaseRating.round)))
    if ratings:
        lines.append("评价: " + " → ".join(r.level + (f"（{r.reason}）" if r.reason else "") for r in ratings))
    calc = ctx.services.deadlines
    posted = citizen_replies.posted_replies(ctx.session, case)
    if posted:
        lines.append(f"回复网民: {len(posted)} 条（" + "；".join(
            f"{r.posted_where} {render.local_time(calc, r.posted_at)}" for r in posted[-3:]) + "）")
    elif citizen_replies.current_draft(ctx.session, case) is not None:
        lines.append(f"回复网民: 草稿待发布（回复“回复网民 {case.number}”查看）")
    return "".join(f"\n{line}" for line in lines)


def my_tasks(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    person = ctx.sender
    assert person is not None
    if person.role in ("office", "dispatcher"):
        cases = list(ctx.session.scalars(
            select(Case).where(Case.status.in_([Status.PENDING.value, Status.RETURNED.value, Status.CLOSED.value]))
            .order_by(Case.id)
        ))
    elif person.unit_id is not None:
        cases = unit_cases(ctx.session, person.unit_id, tuple(s for s in OPEN_STATUSES if s not in (Status.PENDING, Status.RETURNED)))
    else:
        cases = []
    ctx.outcome = "tasks"
    ctx.reply(render.my_tasks(ctx.services.deadlines, cases, ctx.now))
