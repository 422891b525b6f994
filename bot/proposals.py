"""Proposed responsible units for a new case, with a reason the dispatcher can read.

Uses the learned router (bot.routing) when its model is present, and otherwise matches the
directory's keywords, aliases and places.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Unit


@dataclass(frozen=True)
class UnitProposal:
    unit_code: str
    unit_name: str
    confidence: float
    reason: str


def propose_units(session: Session, title: str, body: str, category: str | None = None) -> list[UnitProposal]:
    units = [u for u in session.scalars(select(Unit).where(Unit.active.is_(True))) if not u.is_office]
    text = f"{title}\n{body}"
    scored: list[tuple[float, Unit, str]] = []
    for unit in units:
        score = 0.0
        reasons: list[str] = []
        places = [p for p in unit.places if p and p in text]
        if places:
            score += 3 * len(places)
            reasons.append(f"地点: {'、'.join(places[:2])} → {unit.name}")
        aliases = [a for a in [unit.name, *unit.aliases] if a and a in text]
        if aliases:
            score += 4
            reasons.append(f"点名: {aliases[0]}")
        keywords = [k for k in unit.keywords if k and k in text]
        if keywords:
            score += 2 * len(keywords)
            reasons.append(f"关键词: {'、'.join(keywords[:3])}")
        if category and category in unit.categories:
            score += 1
            reasons.insert(0, f"类别: {category}")
        if score > 0:
            scored.append((score, unit, "; ".join(reasons)))
    scored.sort(key=lambda item: (-item[0], item[1].id))
    total = sum(s for s, _, _ in scored) or 1.0
    return [UnitProposal(u.code, u.name, round(s / total, 2), r) for s, u, r in scored[:3]]


def proposals_to_json(proposals: list[UnitProposal]) -> list[dict[str, object]]:
    return [asdict(p) for p in proposals]
