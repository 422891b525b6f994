"""What the case page shows after the units' work: their photos (附图), the citizen's ratings (评价) and
the office's replies to the citizen (回复网民: the posted ones, and the draft to edit and mark posted)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.cases import citizen_replies
from bot.cases.status import DONE_STATUSES, Status
from handlers.evidence import CONTEXT_LABELS
from models import Case, CaseEvidence, CaseRating


def follow_up(session: Session, case: Case, local_now: datetime) -> dict[str, object]:
    evidence = list(session.scalars(
        select(CaseEvidence).where(CaseEvidence.case_id == case.id)
        .options(selectinload(CaseEvidence.unit), selectinload(CaseEvidence.author)).order_by(CaseEvidence.id)))
    ratings = list(session.scalars(select(CaseRating).where(CaseRating.case_id == case.id).order_by(CaseRating.round)))
    draft_text = ""
    if Status(case.status) in DONE_STATUSES:
        draft = citizen_replies.current_draft(session, case)
        if draft is not None:
            draft_text = draft.text
        else:  # closed before drafts existed: offer one; it is saved when the office saves or posts it
            final = citizen_replies.latest_final(session, case)
            draft_text = citizen_replies.draft_text(case, final.text, local_now) if final else ""
    return {
        "evidence": evidence, "evidence_labels": CONTEXT_LABELS, "ratings": ratings,
        "citizen_posted": citizen_replies.posted_replies(session, case), "citizen_draft": draft_text,
        "may_reply": Status(case.status) in DONE_STATUSES,
    }
