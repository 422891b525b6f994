"""Is a new post a repeat of an open case? Two signals, the second only when the first finds none:

1. Character n-gram TF-IDF cosine over title + body. Character 2–3-grams survive OCR noise,
   truncation and light rephrasing better than words (jieba splits a misread character
   differently), and need no training. Its threshold was chosen on bench/repeats.py's pairs.
2. Same place, same problem, other words (幸福家园3栋电梯坏了五次 / 幸福家园3号楼升降梯老出故障):
   the two texts share a name (a run of at least ``NAME_CHARS`` characters that is rare among the
   open cases and looks like a place: ends in 小区, 路, 村, 医院 … or is a bus line like 12路) and
   complain about the same thing (bot/intake/problem_words.py: concept groups, so 停水 meets 断水).
   A different problem at the same place shares the name but not the problem; the same problem
   elsewhere shares the problem but not the name. Measured on hand-labelled paraphrase pairs
   (bench/repeat_pairs.py, with a held-out part).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from bot.intake.places import find_places
from bot.intake.problem_words import problem_similarity, without_problem_words
from bot.routing.text_features import normalise

# Chosen by bench/repeats.py (best F1 on the tuning half of the pairs; see README).
REPEAT_THRESHOLD = 0.5
# A shared small place (village, road, compound) makes the same complaint more likely.
PLACE_BONUS = 0.05
# Same place, same problem: a shared name of at least NAME_CHARS characters, rare among the open
# cases (a bigram in at most RARE_SHARE of them), chosen on the tuning part of bench/repeat_pairs.py.
NAME_CHARS = 3
RARE_SHARE = 0.02
# …and close enough in what they complain about (problem_words.problem_similarity): below this, long
# posts that touch many problems meet by chance (bench/repeats.py's real messages).
SAME_PROBLEM = 0.6
_RUN = re.compile(r"[\u4e00-\u9fff0-9]{2,}")
_PLACEHOLDER_AREA = re.compile(r"[A-Z]\d*[市区县]")  # the routing data's 'A市', 'A3区': no name at all
_BUS_LINE = re.compile(r"(?<![0-9A-Za-z])\d{1,3}路")  # a bus line: 12路, not A市152路 or 2019年12路
# Last characters of place and institution names (小区, 东湖路, 石桥村, 人民医院, 实验小学, 汽车站, 3栋 …).
_NAME_ENDS = frozenset("区村镇乡路街巷道园苑庭城湾都场院校学站厂湖江桥岭山所馆心楼栋")


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


@lru_cache(maxsize=4096)
def _name_runs(text: str) -> tuple[str, ...]:
    """Runs of characters left once the problem words are blanked out: names, mostly."""
    return tuple(_RUN.findall(without_problem_words(text)))


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(run[i:i + 2] for run in _name_runs(text) for i in range(len(run) - 1))


@lru_cache(maxsize=4096)
def _bus_lines(text: str) -> frozenset[str]:
    return frozenset(_BUS_LINE.findall(text))


def _looks_like_name(part: str) -> bool:
    return any(ch in _NAME_ENDS for ch in part[1:])


def shared_name(first: str, second: str, rare: frozenset[str] | set[str]) -> int:
    """Length of the longest name both texts use: a common substring that looks like a place and holds
    a rare bigram (0 when none)."""
    best = 0
    for a in _name_runs(first):
        for b in _name_runs(second):
            if len(a) <= best or len(b) <= best:
                continue
            previous = [0] * (len(b) + 1)
            for i in range(1, len(a) + 1):
                current = [0] * (len(b) + 1)
                for j in range(1, len(b) + 1):
                    if a[i - 1] != b[j - 1]:
                        continue
                    length = current[j] = previous[j - 1] + 1
                    if length <= best or length < 2:
                        continue
                    part = a[i - length:i]
                    if _looks_like_name(part) and any(part[k:k + 2] in rare for k in range(length - 1)):
                        best = length
                previous = current
    return best


def _plain(title: str | None, body: str | None) -> str:
    """Title and body as written but for placeholder areas (A3区): ``_text`` turns every number into 0,
    and 12路 is not 3路."""
    text = unicodedata.normalize("NFKC", ((title or "") + "。" + (body or "")).replace("\n", ""))
    return _PLACEHOLDER_AREA.sub("", text)


def _same_place_same_problem(query: str, docs: Sequence[str]) -> list[float]:
    """For each doc: how much it complains about the same problem as the query, when both name the same place."""
    counts = Counter(gram for doc in [*docs, query] for gram in _bigrams(doc))
    limit = max(2.0, RARE_SHARE * (len(docs) + 1))
    query_grams, query_lines = _bigrams(query), _bus_lines(query)
    scores = []
    for doc in docs:
        problem = problem_similarity(query, doc)
        rare = {g for g in query_grams & _bigrams(doc) if counts[g] <= limit}
        named = problem > 0 and (bool(query_lines & _bus_lines(doc))
                                 or bool(rare) and shared_name(query, doc, rare) >= NAME_CHARS)
        scores.append(problem if named and problem >= SAME_PROBLEM else 0.0)
    return scores


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
    if max(scores) >= REPEAT_THRESHOLD:
        return scores  # a repeat in the same words: the looser same-place-same-problem signal is not needed
    same_place = _same_place_same_problem(_plain(title, body), [_plain(c.title, c.body) for c in cases])
    return [max(score, same) for score, same in zip(scores, same_place, strict=True)]


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
