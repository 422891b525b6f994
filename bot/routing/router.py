"""Propose the top units for a post: AREA (from place mentions) × UNIT TYPE (from content).

score(unit) = P(type of unit | text) × area match + bonuses for the unit's own township,
places, keywords and a direct mention of its name. Every factor is explainable, which the
one-line Chinese reason shown to the dispatcher relies on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.intake.places import PlaceMention, find_places
from bot.routing.category_model import CategoryPrediction
from bot.routing.unit_model import UnitModel
from bot.routing.unit_profiles import UnitProfile, UnitProfiles
from bot.routing.unit_types import TYPES_BY_KEY, UNIT_TYPES, UnitName, parse_unit_name

# Blend of the three type signals, area factor and unit prior: grid-searched on five seeded 70/30
# splits of replies.jsonl (seeds 1–5, 735 held-out rows in all; the bench uses seed 20260101,
# which played no part). The unit prior (log of how often a unit handled a message) hurt on
# every split (top-3 0.774 → 0.793 without it): it pulls the few busy units into every top 3.
WEIGHT_LEARNED = 0.15
WEIGHT_KEYWORDS = 0.5
WEIGHT_CATEGORY = 0.2
UNIT_PRIOR_WEIGHT = 0.0
# low_confidence: top score below this, a share of the top-5 score mass below
# LOW_CONFIDENCE_SHARE, or a lead over the second unit below LOW_CONFIDENCE_LEAD. Calibrated on
# the same five splits so that the flag marks the rows whose top-1 is wrong: 344 of 735 flagged,
# 209 of them wrong (309 wrong in all); top-1 right in 291 of the 391 unflagged.
LOW_CONFIDENCE_SCORE = 0.05
LOW_CONFIDENCE_LEAD = 1.5
# Area factor when the unit's own township or place is named in the post.
PLACE_MATCH = 1.8
PLACE_TYPE_FLOOR = 0.0
LOW_CONFIDENCE_SHARE = 0.3

_PLACEHOLDER_AREA = re.compile(r"(?<![A-Za-z0-9])[A-Z]\d{0,2}[市区县]")


@dataclass(frozen=True)
class Proposal:
    unit_name: str
    confidence: float  # 0..1, share of the score among the candidates
    reason: str  # one Chinese line for the dispatcher


@dataclass(frozen=True)
class RoutingResult:
    category: str | None
    proposals: list[Proposal]
    low_confidence: bool


def keyword_type_scores(text: str, title: str | None) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Keyword hits per unit type (title hits count double), and the words that hit."""
    scores: dict[str, float] = {}
    hits: dict[str, list[str]] = {}
    for unit_type in UNIT_TYPES:
        words = [word for word in unit_type.keywords if word in text]
        if not words:
            continue
        in_title = sum(1 for word in words if title and word in title)
        scores[unit_type.key] = len(words) + in_title
        hits[unit_type.key] = words
    return scores, hits


def _normalise(scores: dict[str, float], smoothing: float) -> dict[str, float]:
    total = sum(scores.values()) + smoothing * len(TYPES_BY_KEY)
    return {key: (scores.get(key, 0.0) + smoothing) / total for key in TYPES_BY_KEY}


def type_distribution(
    title: str | None, body: str | None, model: UnitModel | None, category: CategoryPrediction | None
) -> tuple[dict[str, float], dict[str, list[str]]]:
    text = (title or "") + "\n" + (body or "")
    raw_keywords, hits = keyword_type_scores(text, title)
    parts: list[tuple[float, dict[str, float]]] = [(WEIGHT_KEYWORDS, _normalise(raw_keywords, 0.3))]
    learned = model.type_probabilities(title, body) if model is not None else {}
    if learned:
        parts.append((WEIGHT_LEARNED, {key: learned.get(key, 0.0) for key in TYPES_BY_KEY}))
    if category is not None:
        cat_scores = {
            unit_type.key: (1.0 if category.label in unit_type.categories else 0.15) for unit_type in UNIT_TYPES
        }
        parts.append((WEIGHT_CATEGORY, _normalise(cat_scores, 0.0)))
    total_weight = sum(weight for weight, _ in parts)
    combined = {key: sum(weight * dist[key] for weight, dist in parts) / total_weight for key in TYPES_BY_KEY}
    return combined, hits


def area_candidates(text: str, places: Sequence[PlaceMention], model: UnitModel | None) -> dict[str, float]:
    """Areas the post is about, with weights: the first county mentioned counts most."""
    weights: dict[str, float] = {}
    counties = [p.name for p in places if p.level == "county"]
    cities = [p.name for p in places if p.level == "city"]
    order = [m.group(0) for m in _PLACEHOLDER_AREA.finditer(text)]
    ranked_counties = sorted(counties, key=lambda name: order.index(name) if name in order else len(order))
    for rank, county in enumerate(ranked_counties):
        weights[county] = max(weights.get(county, 0.0), 1.0 if rank == 0 else 0.6)
    for city in cities:
        # A city mention next to a county mention is usually just the address prefix (A市A7县).
        weights[city] = max(weights.get(city, 0.0), 0.55 if counties else 1.0)
    if model is not None:
        for place in places:
            areas = model.place_areas.get(place.name)
            if areas:
                area, count = areas.most_common(1)[0]
                weights[area] = max(weights.get(area, 0.0), 0.8 * count / sum(areas.values()))
    return weights


def _same_city(county: str, city: str) -> bool:
    # Placeholder areas share their letter with their city: A7县 lies in A市.
    return bool(re.fullmatch(r"[A-Z]\d*[区县]", county)) and city == county[0] + "市"


def area_match(unit_area: str | None, candidates: dict[str, float], prior_share: float) -> float:
    if unit_area is None:
        return 0.3
    if not candidates:
        return 0.15 + 0.35 * prior_share
    if unit_area in candidates:
        return candidates[unit_area]
    best = 0.02
    for area, weight in candidates.items():
        if unit_area.endswith("市") and _same_city(area, unit_area):
            best = max(best, 0.45 * weight)  # city-level unit for a county matter
        elif area.endswith("市") and _same_city(unit_area, area):
            best = max(best, 0.25 * weight)  # county unit when only the city is named
    return best


def _mentioned(names: Sequence[str], text: str) -> str | None:
    for name in names:
        if name and len(name) >= 2 and name in text:
            return name
    return None


def _place_stem(place: str) -> str:
    # "泉塘街道" is often written "泉塘" or "泉塘镇"; "安沙镇" as "安沙".
    return re.sub(r"(街道|镇|乡)$", "", place)


def score_unit(
    unit: UnitProfile,
    parsed: UnitName,
    text: str,
    types: dict[str, float],
    areas: dict[str, float],
    prior_share: float,
    category: CategoryPrediction | None,
) -> tuple[float, list[str]]:
    why: list[str] = []
    type_score = types.get(parsed.type_key, 0.0) if parsed.type_key else 0.02
    if category is not None and category.label in unit.categories:
        type_score += 0.15
    keyword = _mentioned(unit.keywords, text)
    if keyword:
        type_score += 0.2
        why.append(f"关键词: {keyword}")
    local = [parsed.local_place] if parsed.local_place else []
    place = _mentioned([*local, *[_place_stem(p) for p in local], *unit.places], text)
    if place:
        # The unit's own township or place is named: a sharper area match than the county,
        # but the content still has to fit the unit's type.
        score = type_score * (PLACE_MATCH + PLACE_TYPE_FLOOR)
        why.append(f"地点: {place}")
    else:
        score = type_score * area_match(parsed.area, areas, prior_share)
    name = _mentioned([unit.name, *unit.aliases], text)
    if name:
        score += 0.5
        why.append(f"点名: {name}")
    return score, why


def propose_units(
    title: str | None,
    body: str | None,
    directory: UnitProfiles,
    *,
    places: Sequence[PlaceMention] | None = None,
    category: CategoryPrediction | None = None,
    model: UnitModel | None = None,
    top_k: int = 3,
) -> RoutingResult:
    """Top `top_k` units of `directory` for one post, with a reason each."""
    text = (title or "") + "\n" + (body or "")
    mentions = list(places) if places is not None else find_places(text)
    types, hits = type_distribution(title, body, model, category)
    parsed_units = [parse_unit_name(unit.name) for unit in directory.units]
    known_areas = {parsed.area for parsed in parsed_units if parsed.area}
    areas = {
        area: weight
        for area, weight in area_candidates(text, mentions, model).items()
        if area in known_areas or any(_same_city(area, k) or _same_city(k, area) for k in known_areas)
    }
    # Areas outside the directory (a county directory, a post naming the province) say nothing.
    prior_total = sum(model.area_prior.values()) if model is not None else 0
    scored: list[tuple[float, UnitProfile, UnitName, list[str]]] = []
    for unit, parsed in zip(directory.units, parsed_units, strict=True):
        prior_share = model.area_prior.get(parsed.area or "", 0) / prior_total if model and prior_total else 0.0
        score, why = score_unit(unit, parsed, text, types, areas, math.sqrt(prior_share), category)
        if model is not None and model.unit_prior:
            # Units that often handle messages are more likely to handle this one too.
            score *= 1.0 + UNIT_PRIOR_WEIGHT * math.log1p(model.unit_prior.get(unit.name, 0))
        scored.append((score, unit, parsed, why))
    scored.sort(key=lambda item: item[0], reverse=True)
    top = scored[:top_k]
    total = sum(score for score, *_ in scored[: max(top_k, 5)]) or 1.0
    proposals = [
        Proposal(unit.name, round(score / total, 3), _reason(category, parsed, hits, why, areas, unit.name))
        for score, unit, parsed, why in top
    ]
    low = (
        not top
        or top[0][0] < LOW_CONFIDENCE_SCORE
        or proposals[0].confidence < LOW_CONFIDENCE_SHARE
        or (len(top) > 1 and top[0][0] < LOW_CONFIDENCE_LEAD * top[1][0])
    )
    return RoutingResult(category.label if category else None, proposals, low)


def _reason(
    category: CategoryPrediction | None,
    parsed: UnitName,
    hits: dict[str, list[str]],
    why: list[str],
    areas: dict[str, float],
    unit_name: str,
) -> str:
    parts = []
    if category is not None:
        parts.append(f"类别: {category.label}")
    type_words = hits.get(parsed.type_key or "", [])
    if type_words and not any(w.startswith("关键词") for w in why):
        parts.append("关键词: " + "、".join(type_words[:3]))
    parts.extend(why)
    if parsed.area and parsed.area in areas and not any(w.startswith("地点") for w in why):
        parts.append(f"地点: {parsed.area}")
    return "; ".join(parts) + f" → {unit_name}"
