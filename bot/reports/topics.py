"""专报: from "一件事" to "一类事". Group open and recent cases (repeats included: each is one more
citizen's post; voided cases are left out) into topics (same problem and place
over a sliding window) and draft a special report when a topic passes a threshold.

Features: character 2–3-gram TF-IDF of title + body (Chinese needs no word segmentation for
this), plus the place and category as extra tokens weighted up, reduced with truncated SVD and
grouped by average-linkage agglomerative clustering under a cosine-distance threshold (the
number of topics is not known in advance). A topic qualifies when at least ``min_cases`` of its
cases fall inside one ``window_days`` window. Its keywords are whole words (jieba's TF-IDF over the
topic's texts), not the character n-grams that grouped it (圾堆, 区垃).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.cases.pii import mask_text
from bot.cases.status import DONE_VALUES, OPEN_VALUES

PLACE = re.compile(r"(?:[A-Z]\d*[市区县])?[\u4e00-\u9fa5A-Za-z0-9]{2,4}?(?:小区|花园|广场|镇|乡|街道|村|社区|路|大道|学校|中学|小学|医院|市场|公园|工业园)")
STOP_PLACES = {"A市", "本小区", "我们小区", "该小区", "这个小区"}
# n-grams that say nothing about the problem (pronouns, question words, masked digits)
STOP_GRAM = re.compile(r"^[\d\s*a-z：:，。、.]+$|我们|什么|时候|问题|请问|希望|领导|您好|你好|反映")
MAX_SHARE = 0.1  # a "topic" holding over 10% of everything is the unfocused remainder, not a topic


@dataclass(frozen=True)
class TopicItem:
    id: int | str
    title: str
    body: str
    created_at: datetime
    place: str | None = None
    category: str | None = None
    unit: str | None = None
    status: str = ""
    number: str = ""
    likes: int = 0
    replies: tuple[str, ...] = ()


@dataclass
class Topic:
    items: list[TopicItem]
    keywords: list[str] = field(default_factory=list)
    place: str | None = None
    peak_window: int = 0  # most cases inside one window

    @property
    def heat(self) -> int:
        return len(self.items) + sum(i.likes for i in self.items)


def places(item: TopicItem) -> list[str]:
    """The case's place names (the parser's, space-separated) and those its text names: a parser that
    found only the street (东湖街道) must not set the case apart from others naming its compound (幸福小区)."""
    named = (item.place or "").split() + PLACE.findall(item.title + " " + item.body[:200])
    return [p for p in dict.fromkeys(named) if p not in STOP_PLACES][:3]


def _peak(dates: list[datetime], window: timedelta) -> int:
    dates = sorted(dates)
    best, left = 0, 0
    for right, moment in enumerate(dates):
        while moment - dates[left] > window:
            left += 1
        best = max(best, right - left + 1)
    return best


@lru_cache(maxsize=20_000)
def _words(text: str) -> tuple[str, ...]:
    import jieba

    jieba.setLogLevel(60)  # its "Building prefix dict" lines are noise in the worker log
    return tuple(w for w in jieba.cut(text) if len(w) >= 2 and not STOP_GRAM.search(w))


def _item_words(item: TopicItem) -> tuple[str, ...]:
    return _words(f"{item.title}\n{item.body[:300]}")


def keywords(group: list[TopicItem], place_names: set[str], seen_in: Counter[str], documents: int,
             size: int = 6) -> list[str]:
    """The topic's words (垃圾、堆积、清运): whole words (jieba), ranked by how often the topic uses them
    against how many of all ``documents`` cases do (``seen_in``: TF-IDF). The place is named on its own,
    so its words (幸福, 小区) are left out, as are words that say nothing."""
    counts = Counter(w for item in group for w in _item_words(item) if not any(w in p for p in place_names))
    score = {w: n * math.log((1 + documents) / (1 + seen_in[w])) for w, n in counts.items()}
    return sorted(score, key=lambda w: (-score[w], w))[:size]


def find_topics(items: list[TopicItem], *, window_days: int = 30, min_cases: int = 5,
                distance: float | None = None, dims: int = 120) -> list[Topic]:
    """Topics with at least ``min_cases`` cases in one ``window_days`` window, hottest first."""
    if len(items) < min_cases:
        return []
    import numpy as np
    from scipy.sparse import hstack
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    texts = [f"{i.title} {i.title} {i.body[:300]}" for i in items]
    large = len(items) >= 200  # corpus-level filters only mean something on a large corpus
    if distance is None:
        # Raw sparse TF-IDF (small corpus, no SVD) scores short same-problem titles lower than the
        # SVD space does: 幸福小区垃圾堆积无人清运 vs 幸福小区垃圾堆积发臭无人清运 sit at ~0.58.
        distance = 0.55 if large else 0.62
    grams = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), min_df=2, max_df=0.3 if large else 1.0,
                            sublinear_tf=True)
    text_matrix = grams.fit_transform(texts)
    extras = [" ".join([f"P:{p}" for p in places(i)] + ([f"C:{i.category}"] if i.category else [])) for i in items]
    matrix = text_matrix
    if any(extras):  # place and category as extra tokens; cases without them share nothing here
        tags = TfidfVectorizer(analyzer=str.split, min_df=1, lowercase=False).fit_transform(extras)
        matrix = hstack([text_matrix, 0.6 * tags])
    matrix = normalize(matrix.tocsr())
    # SVD denoises a large corpus; on a few dozen cases it would merge everything, so use TF-IDF as is.
    k = min(dims, matrix.shape[1] - 1, len(items) - 1)
    dense = normalize(TruncatedSVD(n_components=k, random_state=0).fit_transform(matrix)) if large else matrix.toarray()
    # Precomputed cosine distances: a case whose n-grams are all unique is a zero vector (distance 1 to all).
    distances = np.clip(1.0 - np.asarray(dense @ dense.T, dtype=np.float32), 0.0, 2.0)
    labels = AgglomerativeClustering(n_clusters=None, distance_threshold=distance, metric="precomputed",
                                     linkage="average").fit_predict(distances)
    topics: list[Topic] = []
    seen_in: Counter[str] = Counter()
    for label in set(labels.tolist()):
        members = [i for i, lab in enumerate(labels) if lab == label]
        if len(members) < min_cases or (large and len(members) > MAX_SHARE * len(items)):
            continue
        group = [items[i] for i in members]
        peak = _peak([i.created_at for i in group], timedelta(days=window_days))
        if peak < min_cases:
            continue
        place_counts = Counter(p for i in group for p in places(i))
        place = place_counts.most_common(1)[0][0] if place_counts else None
        if not seen_in:  # once, and only when some topic qualifies
            seen_in.update(w for item in items for w in set(_item_words(item)))
        topics.append(Topic(items=sorted(group, key=lambda i: i.created_at), place=place, peak_window=peak,
                            keywords=keywords(group, set(place_counts), seen_in, len(items))))
    return sorted(topics, key=lambda t: -t.heat)


def cohesion(items: list[TopicItem], topics: list[Topic]) -> dict[str, float]:
    """How we measure grouping without labels: mean pairwise TF-IDF cosine inside topics vs random
    pairs, and place purity (share of a topic's cases naming its main place)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), min_df=2, sublinear_tf=True)
    matrix = vectorizer.fit_transform([f"{i.title} {i.body[:300]}" for i in items])
    index = {i.id: n for n, i in enumerate(items)}
    inside: list[float] = []
    purity: list[float] = []
    for topic in topics:
        rows = matrix[[index[i.id] for i in topic.items]]
        sims = (rows @ rows.T).toarray()
        n = sims.shape[0]
        inside.append(float((sims.sum() - n) / (n * (n - 1))))
        if topic.place:
            purity.append(sum(topic.place in places(i) for i in topic.items) / n)
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, len(items), 2000), rng.integers(0, len(items), 2000)
    random_pairs = float(np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).mean())
    return {"intra_topic_cosine": float(np.mean(inside)) if inside else 0.0, "random_pair_cosine": random_pairs,
            "place_purity": float(np.mean(purity)) if purity else 0.0}


def _local(moment: datetime, zone: tzinfo) -> datetime:
    """A stored time (naive UTC, or aware) in the office's time zone: the dates a reader means."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(zone)


def draft_text(topic: Topic, now: datetime, window_days: int, zone: tzinfo) -> str:
    """The chat text of a 专报 draft; dates in `zone`, the office's time zone (services.deadlines.zone)."""
    units = Counter(i.unit for i in topic.items if i.unit)
    first, last = (_local(topic.items[0].created_at, zone), _local(topic.items[-1].created_at, zone))
    where = f"{topic.place}" if topic.place else "多地"
    lines = [
        f"【专报（草稿）】{where}：{'、'.join(topic.keywords[:3])} 等问题集中反映",
        f"问题: {first:%m月%d日}至{last:%m月%d日}，共 {len(topic.items)} 件留言反映{where}相关问题"
        f"（{window_days} 天内最多 {topic.peak_window} 件），关键词: {'、'.join(topic.keywords)}。",
        "涉及单位: " + ("、".join(f"{u} {n} 件" for u, n in units.most_common()) or "未分派"),
        "趋势: " + _trend(topic, now),
        "已办情况: " + (f"已回复 {sum(1 for i in topic.items if i.replies)} 件，"
                      f"未办结 {sum(1 for i in topic.items if i.status not in DONE_VALUES)} 件"),
        "工单: " + "；".join(f"{i.number or i.id} {mask_text(i.title)[:20]}" for i in topic.items[:8])
        + ("…" if len(topic.items) > 8 else ""),
        "建议: （请填写处置建议，如：由牵头单位统筹、开展专项整治）",
    ]
    return "\n".join(lines)


def _trend(topic: Topic, now: datetime) -> str:
    recent = sum(1 for i in topic.items if now - i.created_at <= timedelta(days=7))
    earlier = sum(1 for i in topic.items if timedelta(days=7) < now - i.created_at <= timedelta(days=14))
    if recent > earlier:
        return f"近 7 天 {recent} 件，较前 7 天（{earlier} 件）上升"
    if recent < earlier:
        return f"近 7 天 {recent} 件，较前 7 天（{earlier} 件）下降"
    return f"近 7 天 {recent} 件，与前 7 天持平"


def write_docx(topic: Topic, now: datetime, path: Path, zone: tzinfo, window_days: int = 30) -> None:
    from bot.reports.docx_style import add_table, add_title, new_document

    doc = new_document()
    lines = draft_text(topic, now, window_days, zone).split("\n")
    # The chat's heading is 【专报（草稿）】…: the document's title is the part after the brackets.
    add_title(doc, lines[0].split("】", 1)[-1])
    doc.add_paragraph("（草稿）")
    for line in lines[1:]:
        doc.add_paragraph(line)
    add_table(doc, ("工单", "时间", "标题", "单位"),
              [[str(item.number or item.id), f"{_local(item.created_at, zone):%Y-%m-%d}", mask_text(item.title)[:40], item.unit or ""]
               for item in topic.items])
    doc.save(str(path))


def items_from_cases(session: Any, now: datetime, window_days: int = 30) -> list[TopicItem]:
    """Open cases and cases of the last window, as topic items."""
    from sqlalchemy import or_, select
    from sqlalchemy.orm import selectinload

    from models import Case

    since = now - timedelta(days=window_days)
    cases = session.scalars(
        select(Case).where(Case.status != "void", or_(Case.created_at >= since, Case.status.in_(OPEN_VALUES)))
        .options(selectinload(Case.replies), selectinload(Case.lead_unit))
    )
    rows = list(cases)
    by_id = {c.id: c for c in rows}

    def handling(case: Any) -> Any:
        """A repeat (重复件) is one more citizen's post about its original: it counts in the topic, and
        its unit, status and replies are the original's."""
        if case.status != "duplicate" or case.duplicate_of_id is None:
            return case
        return by_id.get(case.duplicate_of_id) or session.get(Case, case.duplicate_of_id) or case

    items = []
    for c in rows:
        h = handling(c)
        items.append(TopicItem(id=c.id, title=c.title, body=c.body, created_at=c.created_at, place=c.place,
                               category=c.category, unit=h.lead_unit.name if h.lead_unit else None, status=h.status,
                               number=c.number, replies=tuple(r.text for r in h.replies)))
    return items


def send_drafts(services: Any, *, window_days: int = 30, min_cases: int = 5, docx_dir: Path | None = None) -> list[str]:
    """Find qualifying topics among open and recent cases; post each new draft to the office group
    once (dedupe key per topic's first case) and optionally write the .docx. Returns the drafts."""
    from sqlalchemy.exc import IntegrityError

    from bot.cases.directory import office_unit
    from bot.messaging.addressing import Post
    from bot.messaging.outbox import add_post, enqueue_delivery

    now = services.clock.now()
    drafts: list[str] = []
    created: list[int] = []
    with services.sessions() as session, session.begin():
        topics = find_topics(items_from_cases(session, now, window_days), window_days=window_days, min_cases=min_cases)
        office = office_unit(session)
        for topic in topics:
            text = draft_text(topic, now, window_days, services.deadlines.zone)
            drafts.append(text)
            if docx_dir is not None:
                docx_dir.mkdir(parents=True, exist_ok=True)
                write_docx(topic, now, docx_dir / f"zhuanbao-{topic.items[0].id}.docx", services.deadlines.zone)
            if office is None:
                continue
            try:
                with session.begin_nested():
                    row = add_post(session, services, Post(text=text, unit=office, purpose="zhuanbao"),
                                   dedupe_key=f"zhuanbao:{topic.items[0].id}:{len(topic.items) // 5}")
                    if row is not None:
                        created.append(row.id)
            except IntegrityError:
                continue  # this topic at this size was already reported
    for outbound_id in created:
        enqueue_delivery(services, outbound_id)
    return drafts
