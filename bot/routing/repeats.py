"""Is a new post a repeat of an open case? Two signals, the second only when the first finds none:

1. Character n-gram TF-IDF cosine over title + body. Character 2–3-grams survive OCR noise,
   truncation and light rephrasing better than words (jieba splits a misread character
   differently), and need no training. Its threshold was chosen on bench/repeats.py's pairs.
2. Same place, same problem, other words (幸福家园3栋电梯坏了五次 / 幸福家园3号楼升降梯老出故障):
   the two texts share a name (a run of at least ``NAME_CHARS`` characters that is rare among the
   open cases and looks like a place: ends in 小区, 路, 村, 医院 …, holds no function character
   such as 的 or 这 and is more than a generic 街道社区 or 公共区; or a bus line like 12路) and
   complain about the same thing (bot/intake/problem_words.py: concept groups, so 停水 meets 断水).
   Rarity alone cannot tell a name from wording when few cases are open, hence the shape rules:
   on bench/repeats.py's real messages, shared wording (小区地下, 此小区, 过马路) made most false matches.
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
from bot.intake.problem_words import THINGS, concepts, problem_similarity, without_problem_words
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
# …and each about one problem, naming at most MAX_THINGS things (problem_words.THINGS). A letter that
# lists many problems shares a place and a problem with some open case by chance: on bench/repeats.py's
# tuning half, 12 of the 14 chance name-sharing pairs had a text naming 4 or more; no post or open case
# in the tuning part of bench/repeat_pairs.py names more than 3.
MAX_THINGS = 3
_RUN = re.compile(r"[\u4e00-\u9fff0-9]{2,}")
# Function characters never inside a place name: a shared 此小区 / 的初中 / 小区地下 is wording, not a name.
_NOT_IN_NAMES = re.compile(r"[的了是在这那此该个与及或我你他她它们也还就把被给让吗呢吧啊着]")
# Words for a kind of place or a spot near it, in any post about any place: a shared 街道社区, 公共区域,
# 派出所 or 过马路 names no place, so a name must keep at least two characters without them.
_GENERIC_PLACE = re.compile("社区|街道|小区|马路|公共区|区域|场所|派出所|住宅楼|综合楼|附近|周边|门口|旁边|对面|当地")
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
    return tuple(_RUN.findall(_NOT_IN_NAMES.sub(" ", without_problem_words(text))))


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(run[i:i + 2] for run in _name_runs(text) for i in range(len(run) - 1))


@lru_cache(maxsize=4096)
def _bus_lines(text: str) -> frozenset[str]:
    return frozenset(_BUS_LINE.findall(text))


def _looks_like_name(part: str) -> bool:
    # A name ends in what kind of place it is (幸福家园, 芙蓉路, 县人民医院); a shared run that only
    # holds such a character (小区地下, 路对面) is wording.
    return part[-1] in _NAME_ENDS and len(_GENERIC_PLACE.sub("", part)) >= 2


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


@lru_cache(maxsize=4096)
def _about_one_problem(text: str) -> bool:
    return sum(name in THINGS for name in concepts(text)) <= MAX_THINGS


def _same_place_same_problem(query: str, docs: Sequence[str]) -> list[float]:
    """For each doc: how much it complains about the same problem as the query, when both name the same place."""
    if not _about_one_problem(query):
        return [0.0] * len(docs)
    counts = Counter(gram for doc in [*docs, query] for gram in _bigrams(doc))
    limit = max(2.0, RARE_SHARE * (len(docs) + 1))
    query_grams, query_lines = _bigrams(query), _bus_lines(query)
    scores = []
    for doc in docs:
        problem = problem_similarity(query, doc) if _about_one_problem(doc) else 0.0
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
