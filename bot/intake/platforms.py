"""Which platform a post was published on: links first, then marker words weighted by where
they sit (a site name in the page chrome counts; the same word inside the citizen's text
barely does), then the shape of the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.cases.sources import KNOWN_HOSTS, source_from_link
from bot.intake.lexicon import OTHER_SITE_MARKERS, PLATFORM_MARKERS, WECHAT_GROUP_RE

PLATFORMS = ("hongwang", "wenzheng_hunan", "douyin", "weibo", "wechat", "other")
_URL = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+(?:cn|com|net|org|gov\.cn)(?:/[\w./?=&%#~+-]*)?", re.I)
STRONG, WEAK = 3.0, 1.0
# A marker inside the post's own text (title, body) is weak evidence: citizens name platforms.
CONTENT_WEIGHT = 0.15


def is_link_only(text: str) -> bool:
    """Whether `text` is one link and nothing else, as a browser's address bar shows it."""
    return _URL.fullmatch(text.strip()) is not None


def find_links(text: str) -> list[str]:
    links: list[str] = []
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,，。")
        # Bare words like "iPhone.com" are rare; a link needs a scheme or a known host part.
        if url.lower().startswith("http") or any(h in url.lower() for h in KNOWN_HOSTS):
            links.append(url)
    return links


_WORD_SPLIT = re.compile(r"[\s|｜·•]+")
_MENTION = re.compile(r"[@＠][^\s@＠:：，,。]{1,20}")


def _tokens(text: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(text.strip()) if w]


def _is_marker_word(word: str, marker: str) -> bool:
    """`word` is the marker alone, or the marker with a count or a value ("转发12", "浏览(36)",
    "诉求对象：…")."""
    marker = marker.replace(" ", "")
    if not word.startswith(marker):
        return False
    rest = word[len(marker) :]
    return not rest or rest[0] in "0123456789(（:：" or len(marker) >= 4


def _has_marker(word: str, marker: str) -> bool:
    """The marker as a word of its own, also inside a row of counters OCR read as one ("赞370在看99")."""
    return _is_marker_word(word, marker) or re.search(r"\d" + re.escape(marker.replace(" ", "")) + r"\d", word) is not None


def detect_platform(page_texts: Sequence[str], content_texts: Sequence[str], links: Sequence[str]) -> str:
    """`page_texts`: chrome, labels, names, times; `content_texts`: title and body lines."""
    for link in links:
        platform = source_from_link(link if "//" in link else "//" + link)
        if platform != "other":
            return platform
    markers = {"other": (OTHER_SITE_MARKERS, ()), **PLATFORM_MARKERS}  # first: "other" wins a tie
    scores = dict.fromkeys(markers, 0.0)
    # "@红网", "@微博热搜": an account mentioned, not the site the page is on.
    unmentioned = [_MENTION.sub("", t) for t in page_texts], [_MENTION.sub("", t) for t in content_texts]
    for texts, weight in ((unmentioned[0], 1.0), (unmentioned[1], CONTENT_WEIGHT)):
        squashed = [re.sub(r"\s", "", t) for t in texts]
        tokens = [_tokens(t) for t in texts]
        for platform, (strong, spelled) in markers.items():
            weak = tuple(dict.fromkeys(m.replace(" ", "") for m in spelled))  # "来自 iPhone" = "来自iPhone": once
            for text in squashed:
                scores[platform] += weight * STRONG * sum(m.replace(" ", "") in text for m in strong)
            # A weak marker is a button or a label, so it must stand alone ("转发 12", "在看"), not
            # sit inside a sentence ("转发扩散" is a comment, not weibo's button).
            for words in tokens:
                scores[platform] += weight * WEAK * sum(any(_has_marker(w, m) for w in words) for m in weak)
    if any(WECHAT_GROUP_RE.search(t.strip()) for t in page_texts):
        scores["wechat"] += STRONG
    # Douyin prints the author as "@name"; Weibo shows "来自 <device>" under the name.
    if not any(scores.values()) and any(re.match(r"^@\S{1,24}$", t.strip()) for t in page_texts):
        scores["douyin"] += WEAK  # only when nothing else speaks: other apps show "@account" too
    best = max(scores, key=lambda p: scores[p])
    return best if scores[best] >= WEAK else "other"
