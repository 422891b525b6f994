"""From a parsed post to a draft case: its fields, the proposed units, and a repeat of an open case."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cases.pii import mask_text
from bot.cases.status import OPEN_STATUSES
from bot.intake.places import PlaceMention
from bot.intake.post_parser import ParsedPost
from models import Case, Unit

REPEAT_WINDOW = timedelta(days=90)
REPEAT_CANDIDATES = 500


def case_fields(post: ParsedPost, source_text: str = "") -> dict[str, Any]:
    """The case's fields from a parsed post. A one-line forward is all title (or nothing) to the
    parser: the case keeps the whole text as its body, and its first sentence as the title.

    `source_text` is that fallback and only for pasted text, where the text *is* the post: a
    screenshot's OCR text carries the page's chrome (buttons, counters, other comments), so a
    screenshot's draft gets its fields from the parsed post alone (pass nothing)."""
    body = post.body.strip() or source_text.strip()
    title = (post.title or "").strip() or _first_sentence(body) or "网民留言"
    places = [p.name for p in post.place_mentions]
    return {
        "title": title[:256],
        "body": body,
        "source": post.platform if post.platform != "other" or not post.links else "other",
        "source_link": post.links[0] if post.links else None,
        "author": post.author,
        "posted_at": post.posted_at,
        "place": " ".join(places[:4]) or None,
    }


def _first_sentence(text: str) -> str:
    for stop in "。！？!?\n":
        text = text.split(stop, 1)[0]
    return text[:40]


def extracted_summary(post: ParsedPost) -> dict[str, Any]:
    """What the proposal card shows about the post (personal data masked)."""
    return {
        "addressed_unit": post.addressed_unit,
        "phones": [mask_text(p) for p in post.phones],
        "places": [p.name for p in post.place_mentions],
        "ip_location": post.ip_location,
        "posted_date_only": post.posted_date_only,
    }


# The case's (or the card's) field for each parsed field whose confidence the parser gives.
_CASE_FIELD = {"title": "title", "author": "author", "posted_at": "posted_at", "addressed_unit": "addressed_unit",
               "body": "body"}


def unsure_fields(post: ParsedPost, fields: dict[str, Any], *, from_images: bool) -> list[str]:
    """The draft's fields a person should check (marked on the card until corrected): what the
    parser found with low confidence, a title made up from the body's first sentence, an empty
    body, and, on a screenshot (where a post always shows them), a missing author or time."""
    unsure = [_CASE_FIELD[name] for name in post.unsure]
    if not (post.title or "").strip():
        unsure.append("title")
    if not fields.get("body"):
        unsure.append("body")
    if from_images:
        unsure += [name for name in ("author", "posted_at") if not fields.get(name)]
    return list(dict.fromkeys(unsure))


def post_to_json(post: ParsedPost) -> dict[str, Any]:
    """A parsed post as stored on an image draft, to be merged with the next screenshot's."""
    data = asdict(post)
    data["posted_at"] = post.posted_at.isoformat() if post.posted_at else None
    return data


def post_from_json(data: dict[str, Any]) -> ParsedPost:
    data = dict(data)
    data["posted_at"] = datetime.fromisoformat(data["posted_at"]) if data.get("posted_at") else None
    data["place_mentions"] = [PlaceMention(**p) for p in data.get("place_mentions") or []]
    known = set(ParsedPost.__dataclass_fields__)
    return ParsedPost(**{k: v for k, v in data.items() if k in known})


def known_places(session: Session) -> tuple[str, ...]:
    """The active units' configured places: names the gazetteer may lack (`find_places(known=…)`)."""
    rows = session.scalars(select(Unit.places).where(Unit.active.is_(True)))
    return tuple(dict.fromkeys(name for places in rows for name in (places or []) if name))


def _directory(session: Session) -> tuple[Any, dict[str, Unit]]:
    from bot.routing.unit_profiles import UnitProfile, UnitProfiles

    units = [u for u in session.scalars(select(Unit).where(Unit.active.is_(True))) if not u.is_office]
    infos = tuple(
        UnitProfile(name=u.name, aliases=tuple(u.aliases), keywords=tuple(u.keywords), categories=tuple(u.categories),
                 places=tuple(u.places), parent=u.parent.name if u.parent else None)
        for u in units
    )
    return UnitProfiles(infos), {u.name: u for u in units}


def propose(session: Session, post: ParsedPost, title: str, body: str) -> dict[str, Any]:
    """The routing proposal stored on the draft: category, top 3 units with reasons, confidence."""
    from bot.routing.service import route_post

    directory, by_name = _directory(session)
    result = route_post(title, body, directory, places=post.place_mentions)
    return {
        "category": result.category,
        "low_confidence": result.low_confidence,
        "units": [
            {"unit_code": by_name[p.unit_name].code, "unit_name": p.unit_name, "confidence": round(p.confidence, 2),
             "reason": p.reason}
            for p in result.proposals if p.unit_name in by_name
        ],
    }


def find_open_repeat(session: Session, post: ParsedPost, title: str, body: str, now: Any,
                     exclude_id: int | None = None) -> tuple[Case, float] | None:
    """The open case this post repeats (same complaint, same place), if any."""
    from bot.routing.repeats import OpenCase, find_repeat

    rows = list(session.scalars(
        select(Case)
        .where(Case.status.in_([s.value for s in OPEN_STATUSES]), Case.created_at >= now - REPEAT_WINDOW)
        .order_by(Case.id.desc())
        .limit(REPEAT_CANDIDATES)
    ))
    candidates = [OpenCase(c.id, c.title, c.body, c.place) for c in rows if c.id != exclude_id]
    if not candidates:
        return None
    match = find_repeat(title, body, [p.name for p in post.place_mentions], candidates)
    if match is None:
        return None
    original = next(c for c in rows if c.id == match.case_id)
    return original, match.score


def dispatch_examples(session: Session) -> list[tuple[str, str, list[str]]]:
    """Every dispatch the office made, as a labelled routing example: (title, body, [lead, co…]).

    Confirmations and corrections alike: the dispatcher's choice is the label. Cases whose choice
    differs from the first proposal are the corrections the router most needs to learn from.
    """
    from models import CaseUnit

    examples: list[tuple[str, str, list[str]]] = []
    rows = session.scalars(select(Case).where(Case.dispatched_at.is_not(None), Case.lead_unit_id.is_not(None)))
    for case in rows:
        links = sorted(case.units, key=lambda link: (link.role != "lead", link.id))
        names = [link.unit.name for link in links if isinstance(link, CaseUnit)]
        if names:
            examples.append((case.title, case.body, names))
    return examples
