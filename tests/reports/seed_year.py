"""Bulk-insert a year shaped like the seed county's published account (also used by bench/)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models import Case, CaseEvent, CaseRating, CaseUnit, CitizenReply, Reply, Unit

SOURCES = [("hongwang", 500), ("wenzheng_hunan", 300), ("12345", 99),  # 899 official boards
           ("douyin", 800), ("weibo", 200), ("wechat", 103)]  # 1,103 apps
SATISFACTION = ("满意", "基本满意", "不满意")


def seed_year(session: Session, *, year: int = 2026, closed: int = 1898, replies: int = 3211,
              instructions: int = 11, joint: int = 37, supervised: int = 25, scale: int = 1) -> int:
    """Returns the number of cases inserted (2,002 × scale)."""
    units = [u for u in session.scalars(select(Unit).where(Unit.is_office.is_(False)).order_by(Unit.id))]
    start = datetime(year, 1, 1, 2, 0, tzinfo=timezone.utc)
    sources = [s for s, n in SOURCES for _ in range(n)] * scale
    total = len(sources)
    cases: list[dict[str, Any]] = []
    for i, source in enumerate(sources):
        created = start + timedelta(minutes=(i * 525_000) // total)
        unit = units[i % len(units)]
        is_closed = i < closed * scale
        due = created + timedelta(days=9)
        closed_at = created + timedelta(days=3 + i % 8) if is_closed else None
        cases.append(dict(
            number=f"DB-{year}-{i:07d}", status="closed" if is_closed else "in_progress", source=source,
            title="t", body="b", request_type="投诉", urgent=False, supervised=i % (total // (supervised * scale)) == 1
            and i // (total // (supervised * scale)) < supervised * scale, lead_unit_id=unit.id, due_at=due,
            proposal={}, repeat_count=0, reopen_count=0, category=unit.categories[0] if unit.categories else None,
            satisfaction=SATISFACTION[i % 3] if is_closed and i % 4 == 0 else None, created_at=created,
            dispatched_at=created + timedelta(hours=1), signed_at=created + timedelta(hours=3), closed_at=closed_at,
            updated_at=created,
        ))
    session.execute(insert(Case), cases)
    ids = list(session.scalars(select(Case.id).where(Case.number.like(f"DB-{year}-%")).order_by(Case.id)))
    created_of = {row["number"]: row["created_at"] for row in cases}
    numbers = list(session.scalars(select(Case.number).where(Case.number.like(f"DB-{year}-%")).order_by(Case.id)))
    links = [dict(case_id=cid, unit_id=cases[i]["lead_unit_id"], role="lead", assigned_at=created_of[numbers[i]])
             for i, cid in enumerate(ids)]
    links += [dict(case_id=ids[i * 7], unit_id=units[(i * 7 + 1) % len(units)].id, role="co",
                   assigned_at=created_of[numbers[i * 7]]) for i in range(joint * scale)]
    session.execute(insert(CaseUnit), links)
    session.execute(insert(Reply), [
        dict(case_id=ids[i % total], unit_id=cases[i % total]["lead_unit_id"], kind="final" if i < total else "progress",
             text="r", created_at=cases[i % total]["created_at"] + timedelta(hours=2))
        for i in range(replies * scale)])
    # The county's 3,211 replies to 2,002 messages: every message answered once, some twice.
    session.execute(insert(CitizenReply), [
        dict(case_id=ids[i % total], state="posted", text="r", posted_where=cases[i % total]["source"],
             posted_at=cases[i % total]["created_at"] + timedelta(hours=2 + i // total),
             created_at=cases[i % total]["created_at"], updated_at=cases[i % total]["created_at"])
        for i in range(replies * scale)])
    session.execute(insert(CaseRating), [
        dict(case_id=ids[i], round=0, unit_id=row["lead_unit_id"], level=row["satisfaction"],
             created_at=row["closed_at"] + timedelta(days=1))
        for i, row in enumerate(cases) if row["satisfaction"]])
    session.execute(insert(CaseEvent), [
        dict(case_id=ids[i * 13], kind="instruction", actor_label="县领导", text="请尽快办理", data={}, channel="chat",
             created_at=cases[i * 13]["created_at"] + timedelta(hours=5)) for i in range(instructions * scale)])
    return total
