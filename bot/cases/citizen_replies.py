"""回复网民: the office's public answer to the citizen on the source platform, once a unit has closed the case.

The bot drafts it from the lead unit's 办结 text: a greeting, what was done, who to contact. The reply is
public, so phone and ID numbers the unit wrote (usually the citizen's own) are masked. The contact line
names the lead unit, and the person and office landline the unit gave for itself (``联系人：何慧，联系电话：
0731-84561234``); a mobile number is never taken as the unit's (it is most often the citizen's). The office
edits the draft and records where and when it posted it; posted replies are counted in the figures.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.errors import LifecycleError
from bot.cases.lifecycle import Actor, Lifecycle
from bot.cases.pii import mask_text
from bot.cases.sources import label as source_label
from bot.cases.status import DONE_STATUSES, STATUS_LABELS, Status
from models import Case, CitizenReply, Reply

MAX_TEXT = 5000
# The unit's own contact, as units write it at the end of a 办结: 联系人：张三，联系电话：0731-1234567
_PERSON = re.compile(r"(?:联系人|经办人|办理人)\s*[:：]?\s*(?P<name>[^\s,，。；;:：、（(]{1,8})[，,；;。]?")
_LANDLINE = re.compile(r"(?:联系电话|咨询电话|办公电话|联系方式)\s*[:：]?\s*"
                       r"(?P<phone>(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-?)\d{7,8})[，,；;。]?")
# A landline written right after the contact's name, with no label of its own: 联系人王科长 0731-1234567
_LANDLINE_AFTER_PERSON = re.compile(r"\s*(?:电话|座机)?\s*[:：]?\s*"
                                    r"(?P<phone>(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-?)\d{7,8})[，,；;。]?")
# What mask_text cannot recognise: a number cut short (a title truncated in the middle of a phone number).
_DIGITS = re.compile(r"\d{7,}")


# Chat text may arrive with its punctuation folded to ASCII; a published reply reads as written Chinese.
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_ASCII_PUNCTUATION = re.compile(rf"(?<=[{_CJK}])[,:;()]|[,:;()](?=[{_CJK}])")
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}


def public(text: str) -> str:
    """Text fit for a public reply: phone and ID numbers masked, cut-off digit runs too; Chinese punctuation."""
    text = _DIGITS.sub(lambda m: m.group(0)[:3] + "*" * (len(m.group(0)) - 3), mask_text(text))
    return _ASCII_PUNCTUATION.sub(lambda m: _FULL_WIDTH[m.group(0)], text)


def draft_text(case: Case, final_text: str, local_now: datetime) -> str:
    unit = case.lead_unit.name if case.lead_unit else "承办单位"
    person, phone = _PERSON.search(final_text), _LANDLINE.search(final_text)
    if person is not None and phone is None:
        phone = _LANDLINE_AFTER_PERSON.match(final_text, person.end())
    done = final_text
    for found in (person, phone):
        if found is not None:
            done = done.replace(found.group(0), "")
    done = public(done).strip(" \n，,。；;")
    contact = unit + (person["name"] if person else "") + (f"（电话：{phone['phone']}）" if phone else "")
    greeting = f"{public(case.author)}：您好！" if case.author else "网民朋友：您好！"
    return "\n".join([
        greeting,
        f"您反映的“{public(case.title)}”问题已收悉。经{unit}调查处理，{done}。",
        f"如有疑问，请联系{contact}。感谢您对我县工作的关注与支持！",
        unit,
        f"{local_now.year}年{local_now.month}月{local_now.day}日",
    ])


def current_draft(session: Session, case: Case) -> CitizenReply | None:
    return session.scalar(select(CitizenReply).where(CitizenReply.case_id == case.id, CitizenReply.state == "draft")
                          .order_by(CitizenReply.id.desc()).limit(1))


def posted_replies(session: Session, case: Case) -> list[CitizenReply]:
    return list(session.scalars(select(CitizenReply).where(CitizenReply.case_id == case.id,
                                                           CitizenReply.state == "posted")
                                .order_by(CitizenReply.posted_at, CitizenReply.id)))


def latest_final(session: Session, case: Case) -> Reply | None:
    """The lead unit's latest 办结 answer: what a draft is built from."""
    return session.scalar(select(Reply).where(Reply.case_id == case.id, Reply.kind == "final",
                                              Reply.unit_id == case.lead_unit_id).order_by(Reply.id.desc()).limit(1))


def prepare_draft(session: Session, case: Case, final: Reply, now: datetime, local_now: datetime) -> CitizenReply:
    """The draft for this closing; an unposted draft of an earlier closing is rewritten, not kept."""
    draft = current_draft(session, case)
    text = draft_text(case, final.text, local_now)
    if draft is None:
        draft = CitizenReply(case_id=case.id, state="draft", text=text, created_at=now, updated_at=now)
        session.add(draft)
    draft.text, draft.final_reply_id, draft.updated_at = text, final.id, now
    session.flush()
    return draft


def draft_for(session: Session, case: Case, now: datetime, local_now: datetime) -> CitizenReply:
    """The case's draft, drafted now from the lead unit's latest 办结 if there is none yet."""
    _check_closed(case)
    draft = current_draft(session, case)
    if draft is not None:
        return draft
    final = latest_final(session, case)
    if final is None:
        raise LifecycleError(f"工单 {case.number} 没有主办单位的办结答复，无法起草回复。")
    return prepare_draft(session, case, final, now, local_now)


def edit_draft(session: Session, case: Case, text: str, now: datetime, local_now: datetime) -> CitizenReply:
    text = text.strip()
    if not text:
        raise LifecycleError("回复内容不能为空。")
    if len(text) > MAX_TEXT:
        raise LifecycleError(f"回复内容过长（超过 {MAX_TEXT} 字）。")
    draft = draft_for(session, case, now, local_now)
    draft.text, draft.updated_at = text, now
    return draft


def mark_posted(lifecycle: Lifecycle, case: Case, actor: Actor, where: str, posted_at: datetime | None,
                local_now: datetime) -> CitizenReply:
    """The draft went out on ``where`` (a platform or the reply's link) at ``posted_at`` (default: now)."""
    posted_at = posted_at or lifecycle.now
    if posted_at > lifecycle.now:
        raise LifecycleError("发布时间不能晚于现在。")
    draft = draft_for(lifecycle.session, case, lifecycle.now, local_now)
    where = where.strip()[:512] or source_label(case.source)
    draft.state, draft.posted_where, draft.posted_at = "posted", where, posted_at
    draft.posted_by_id = actor.person_id
    draft.posted_by_label = actor.label or (actor.person.name if actor.person else "系统")
    draft.updated_at = lifecycle.now
    lifecycle.note(case, actor, "citizen_reply", f"已回复网民（{where}）")
    return draft


def _check_closed(case: Case) -> None:
    if Status(case.status) not in DONE_STATUSES:
        label = STATUS_LABELS[Status(case.status)]
        raise LifecycleError(f"工单 {case.number} 当前为“{label}”，承办单位办结后再回复网民。")
