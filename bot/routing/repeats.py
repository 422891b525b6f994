"""Is a new post a repeat of an open case? Character n-gram TF-IDF cosine over title + body.

Character 2–3-grams survive OCR noise, truncation and light rephrasing better than words
(jieba splits a misread character differently), and need no training. The threshold was
chosen on labelled pairs built from the shared data by bench/repeats.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from bot.intake.places import find_places
from bot.routing.text_features import normalise

# Chosen by bench/repeats.py (best F1 on the tuning half of the pairs; see README).
REPEAT_THRESHOLD = 0.5
# A shared small place (village, road, compound) makes the same complaint more likely.
PLACE_BONUS = 0.05


@dataclass(frozen=True)
class OpenCase:
    case_id: int | str
    title: str | None
    body: str | None
    place: str | None = None


@dataclass(frozen=True)
class RepeatMatch:
    case_id: int | str
    score: float


def _text(title: str | None, body: str | None) -> str:
    return normalise(((title or "") + "。" + (body or "")).replace("\n", ""))


@lru_cache(maxsize=4096)
def _small_places(text: str) -> frozenset[str]:
    # Cached: the same open cases are compared with every new post.
    return frozenset(p.name for p in find_places(text) if p.level in ("village", "road", "compound", "township"))


def similarity_scores(
    title: str | None, body: str | None, places: Sequence[str], cases: Sequence[OpenCase]
) -> list[float]:
    """Score of the new post against each case, in the order of `cases`."""
    if not cases:
        return []
    docs = [_text(c.title, c.body) for c in cases]
    query = _text(title, body)
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True)
    matrix = vectorizer.fit_transform([*docs, query])
    cosine = linear_kernel(matrix[-1], matrix[:-1]).ravel()
    small_places = set(places)
    scores = []
    for case, value in zip(cases, cosine, strict=True):
        bonus = 0.0
        if small_places:
            case_places = {case.place} if case.place else set()
            case_places |= _small_places(_text(case.title, case.body))
            if small_places & case_places:
                bonus = PLACE_BONUS
        scores.append(float(value) + bonus)
    return scores


def find_repeat(
    title: str | None,
    body: str | None,
    places: Sequence[str],
    cases: Sequence[OpenCase],
    threshold: float = REPEAT_THRESHOLD,
) -> RepeatMatch | None:
    """The open case the new post most likely repeats, or None below `threshold`.

    `places` are the post's place names (e.g. from ParsedPost.place_mentions).
    """
    scores = similarity_scores(title, body, places, cases)
    if not scores:
        return None
    best = max(range(len(scores)), key=scores.__getitem__)
    if scores[best] < threshold:
        return None
    return RepeatMatch(cases[best].case_id, round(min(scores[best], 1.0), 3))
