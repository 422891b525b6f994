"""Turn the OCR lines of a screenshot (or pasted text) into the fields of a citizen's post.

No template per platform: lines are cut into one-field segments (segments.py), a model trained
on many rendered layouts gives each segment a role from its geometry, text and neighbours
(line_roles.py), and the fields are read off the roles here: the title from title segments,
the body from body segments (never from chrome, counters or other people's comments), labels
("留言对象：") stripped from values. The platform comes from links and marker words
(platforms.py); everything platform-specific is data in lexicon.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

from bot.cases.pii import find_id_numbers, find_phones
from bot.intake.article_letter import letter_roles
from bot.intake.chat_layout import chat_roles
from bot.intake.comment_post import comment_roles
from bot.intake.label_grid import grid_roles
from bot.intake.lexicon import (
    AUTHOR_BADGE_RE,
    AUTHOR_TAG_RE,
    BRACKETED_LABEL_RE,
    COUNTER_ROW_RE,
    EDITOR_NOTE_RE,
    IP_LOCATION_RE,
    LABEL_KIND,
    LABEL_RE,
    LABELS,
    LEADING_TAG_RE,
    LONG_LABEL_RE,
    PLATFORM_MARKERS,
    PROVINCES,
    REPLY_HEAD_RE,
    REPLY_OPENER_RE,
    SECTION_HEAD_RE,
    STATUS_TAGS,
    TRAILING_CHROME_RE,
    UNTITLED_PLATFORMS,
)
from bot.intake.line_features import row_ids, text_boxes
from bot.intake.line_roles import ROLES, role_probabilities
from bot.intake.list_page import opened_row_roles
from bot.intake.page_rules import clean_chrome, is_time_label, refine_roles
from bot.intake.places import PlaceMention, find_places
from bot.intake.platforms import PLATFORMS, detect_platform, find_links
from bot.intake.post_time import find_times
from bot.intake.segments import Box, Segment, split_lines
from bot.intake.thread_rules import QUOTED_HEAD_RE, byline_below, end_at_floor, op_author, quoted_original

__all__ = ["PLATFORMS", "ParsedPost", "find_links", "parse_post"]

# Below this probability a segment is not taken for a field it was not assigned to.
FALLBACK_MIN = 0.25
MIN_BODY_FALLBACK = 0.05
# A field read from segments the model gave it with less than this probability (mean over the
# segments it was read from), or read by a fallback rule, is marked unsure (`ParsedPost.unsure`).
UNSURE_BELOW = 0.6
FIELDS_WITH_CONFIDENCE = ("title", "author", "posted_at", "addressed_unit", "body")


@dataclass(frozen=True)
class ParsedPost:
    platform: str
    title: str | None
    author: str | None
    posted_at: datetime | None
    addressed_unit: str | None
    body: str
    place_mentions: list[PlaceMention] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    id_numbers: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ip_location: str | None = None
    # The screen showed the post's date without a clock (`2025-04-11`): posted_at is that day's
    # midnight, and a card shows the date alone rather than a made-up 00:00.
    posted_date_only: bool = False
    # How sure the role model was of each field it found (FIELDS_WITH_CONFIDENCE), 0–1: the mean
    # probability of the field's role over the segments it was read from; a field read by a
    # fallback rule (no segment had that role) gets at most FALLBACK_MIN. Missing fields: absent.
    confidence: dict[str, float] = field(default_factory=dict)

    @property
    def unsure(self) -> tuple[str, ...]:
        """The fields found with a confidence below UNSURE_BELOW (to be checked by a person)."""
        return tuple(name for name in FIELDS_WITH_CONFIDENCE
                     if name in self.confidence and self.confidence[name] < UNSURE_BELOW)

    def contract_fields(self) -> dict[str, Any]:
        """The fields ``python -m bot intake parse`` prints and the benches score, JSON-ready:
        platform, title, author, posted_at (ISO 8601, +08:00), addressed_unit, body (None when
        empty), place_mentions ([{name, level}]), phones, ip_location (a province or country shown
        as IP属地 by 抖音/微博/小红书…; None if not shown)."""
        return {
            "platform": self.platform,
            "title": self.title,
            "author": self.author,
            "posted_at": self.posted_at.isoformat() if self.posted_at else None,
            "addressed_unit": self.addressed_unit,
            "body": self.body or None,
            "place_mentions": [{"name": p.name, "level": p.level} for p in self.place_mentions],
            "phones": self.phones,
            "ip_location": self.ip_location,
        }


def _as_lines(text_or_lines: str | Sequence[Any]) -> tuple[list[tuple[str, Box]], bool]:
    """(text, box) pairs and whether the boxes are real (OCR) or made up for plain text."""
    if isinstance(text_or_lines, str):
        raw = [line.strip() for line in text_or_lines.splitlines() if line.strip()]
        return list(zip(raw, text_boxes(raw), strict=True)), False
    items = [item for item in text_or_lines if (getattr(item, "text", item) or "").strip()]
    if items and all(hasattr(item, "box") for item in items):
        return [(item.text.strip(), tuple(item.box)) for item in items], True  # type: ignore[misc, union-attr]
    raw = [str(getattr(item, "text", item)).strip() for item in items]
    return list(zip(raw, text_boxes(raw), strict=True)), False


# "【问政湖南】…" or "[微博] …" at the head of pasted text: where the post is from, as duty staff
# (and the platforms' share buttons) label it; not part of the title.
_SOURCE_TAG_RE = re.compile(r"^\s*[【\[]([^】\]\n]{1,16})[】\]]\s*")


def _peel_source_tag(lines: list[tuple[str, Box]]) -> tuple[list[tuple[str, Box]], list[str]]:
    """Pasted lines without a leading platform tag, and the tag (as page text) when there was one.
    A bracketed line that names no platform (a post's own "【title】") stays."""
    (first, box), rest = lines[0], lines[1:]
    m = _SOURCE_TAG_RE.match(first)
    if m is None:
        return lines, []
    tag = re.sub(r"\s", "", m.group(1))
    if not any(marker in tag for strong, _weak in PLATFORM_MARKERS.values() for marker in strong):
        return lines, []
    remainder = first[m.end() :].strip()
    return ([(remainder, box)] if remainder else []) + rest, [tag]


def parse_post(
    text_or_lines: str | Sequence[Any],
    forwarded_at: datetime,
    size: tuple[int, int] | None = None,
    *,
    known_places: Iterable[str] = (),
) -> ParsedPost:
    """Fields of one post from its OCR lines (reading order, with `.text` and `.box`) or pasted text.

    `size` is the image (width, height); when None for OCR lines it is taken from the boxes.
    `known_places` are place names the gazetteer may lack (the configured units' `places`).
    """
    lines, has_boxes = _as_lines(text_or_lines)
    lines = [(BRACKETED_LABEL_RE.sub(lambda m: m.group("label") + "：", text, count=1), box) for text, box in lines]
    source_tags: list[str] = []
    if not has_boxes and lines:
        lines, source_tags = _peel_source_tag(lines)
    if has_boxes and size is None and lines:
        size = (max(b[2] for _, b in lines), max(b[3] for _, b in lines))
    segments = split_lines(lines, forwarded_at)
    proba = role_probabilities(segments, size if has_boxes else None, forwarded_at)
    roles = [ROLES[i] for i in proba.argmax(axis=1)] if len(segments) else []
    full = "\n".join(text for text, _ in lines)
    links = find_links(full)

    model_roles = roles
    # Nav bars and button rows first: a nav item taken for the post's text would decide where
    # the post starts and ends.
    roles = clean_chrome(segments, roles, size if has_boxes else None, forwarded_at)
    roles = _settle_roles(segments, roles, proba)
    # A chat screenshot has a shape of its own (messages under nicknames); any other page goes
    # through the layout rules.
    refined = refine_roles(segments, roles, proba, size if has_boxes else None, forwarded_at)
    if has_boxes:
        refined = grid_roles(segments, refined)
    # A portal's list of letters with one opened: the opened one is the post. Its rows (title
    # left, date right) would otherwise pass for a forwarded chat history's.
    listed = opened_row_roles(segments, refined, size if has_boxes else None, forwarded_at)
    chat = chat_roles(segments, roles, size if has_boxes else None, forwarded_at) if listed is None else None
    roles = chat if chat is not None else listed or refined
    if chat is None:
        roles = _end_at_counters(segments, roles)
        roles = end_at_floor(segments, roles, forwarded_at)
        # The page's post may be a news account's, with the citizen's complaint in its comments.
        roles = comment_roles(segments, roles, forwarded_at) or roles
        # A letter inside an article: the post starts at its labelled author line.
        roles = letter_roles(segments, roles) or roles
        roles = _end_at_reply(segments, roles)
    confidence: dict[str, float] = {}
    content = [s.text for s, r in zip(segments, roles, strict=True) if r in ("title", "body")]
    page = [s.text for s, r in zip(segments, roles, strict=True) if r not in ("title", "body")]
    platform = detect_platform(page + source_tags, content, links)
    if platform == "other" and chat is not None:
        platform = "wechat"  # a chat screenshot with no app named on it: WeChat, by far the most common
    quoted = None
    if has_boxes:
        roles = op_author(segments, roles)
        # A repost quoting its original is 微博's; a byline under the text and a heading line over
        # it are boards' and Q&A sites', never a feed's or a chat's.
        quoted = quoted_original(segments, roles, forwarded_at) if platform == "weibo" else None
        if quoted is not None:
            roles = quoted[1]
        elif platform not in FEED_PLATFORMS:
            roles = byline_below(segments, roles, forwarded_at)
    if has_boxes and platform not in FEED_PLATFORMS:
        roles = _heading_line(segments, roles)
    title = _title(segments, roles, proba, model_roles, confidence)
    # A title the citizen wrote in 【】 at the head of the text stands on any platform.
    # (not one above the post's author: that is a quoted post's, "@长沙晚报 【你身边有哪些民生问题？】").
    author_at = _post_author_index(roles)
    title_bracketed = any(seg.text.lstrip().startswith("【") and i > author_at
                          for i, (seg, r) in enumerate(zip(segments, roles, strict=True)) if r == "title")
    author = _author(segments, roles, proba, confidence)
    if quoted is not None:
        author = quoted[0]
    posted_at, date_only, ip_location = _time(segments, roles, proba, forwarded_at, confidence)
    unit = _unit(segments, roles, proba, confidence)
    body = _body(segments, roles, proba, model_roles, confidence)
    if quoted is not None:
        body = QUOTED_HEAD_RE.sub("", body, count=1)
    if platform in UNTITLED_PLATFORMS and title is not None and not title_bracketed:
        title = None
    own = "\n".join(s.text for s, r in zip(segments, roles, strict=True) if r not in ("other", "chrome"))
    glued = "".join(s.text for s, r in zip(segments, roles, strict=True) if r not in ("other", "chrome"))
    return ParsedPost(
        platform=platform,
        title=title,
        author=author,
        posted_at=posted_at,
        posted_date_only=date_only,
        addressed_unit=unit,
        body=body,
        place_mentions=find_places((title or "") + "\n" + body, known=known_places),
        # Also search the lines glued together: a number wrapped at the screen edge is split in two.
        phones=_unique(find_phones(own) + find_phones(glued)),
        id_numbers=_unique(find_id_numbers(own) + find_id_numbers(glued)),
        links=links,
        ip_location=ip_location,
        confidence={k: round(v, 3) for k, v in confidence.items()},
    )


def _sureness(proba: np.ndarray, indexes: Sequence[int], role: str, model_roles: Sequence[str] = ()) -> float:
    """Mean probability of `role` over the segments a field was read from; a segment the model
    itself gave another role (a fallback took it) counts at most FALLBACK_MIN."""
    if not indexes:
        return 0.0
    column = ROLES.index(role)
    values = [float(proba[i, column]) for i in indexes]
    if model_roles:
        values = [v if model_roles[i] == role else min(v, FALLBACK_MIN) for v, i in zip(values, indexes, strict=True)]
    return sum(values) / len(values)


def _settle_roles(segments: Sequence[Segment], roles: list[str], proba: np.ndarray) -> list[str]:
    """Two things every post has, when the model's first choice misses them.

    A body: when no segment was taken for it, the most body-like run of "other" segments is
    the post (a short caption reads like a comment). A title on boards and pasted text: a short
    first body line without a sentence end that the model half believes is one.
    """
    roles = list(roles)
    body, title = ROLES.index("body"), ROLES.index("title")
    # Lines between the post's own author line and its time or text are the post's, not a
    # comment's (a one-line caption between "@name" and "3小时前").
    if "author" in roles:
        start = roles.index("author")
        ends = [i for i, r in enumerate(roles) if i > start and r in ("time", "body")]
        if ends:
            for i in range(start + 1, ends[0]):
                if roles[i] == "other" and proba[i, body] >= MIN_BODY_FALLBACK:
                    roles[i] = "body"
    # Below the heading of a comment section or of a list of other posts, nothing is the post's
    # body once the body began above it (a scrolled second screen shows the end of the post, then
    # the comments, and has no author line to tell them apart). A caption pinned inside a comment
    # sheet comes after the heading with no body above it: it stays.
    for i, seg in enumerate(segments):
        above = [segments[j].box for j in range(i) if roles[j] == "body"]
        # A heading beside the post (a desktop sidebar's "最新留言") does not end it.
        beside = bool(above) and (seg.box[0] >= max(b[2] for b in above) or seg.box[2] <= min(b[0] for b in above))
        if SECTION_HEAD_RE.match(seg.text.strip()) and above and not beside:
            roles[i:] = ["other" if r == "body" else r for r in roles[i:]]  # the heading too
            break
    if "body" not in roles:
        runs = _runs(roles, "other")
        scored = [(float(proba[run, body].mean()), run) for run in runs]
        if scored and (best := max(scored, key=lambda item: item[0]))[0] >= MIN_BODY_FALLBACK:
            for i in best[1]:
                roles[i] = "body"
    if "title" not in roles and "body" in roles:
        first = roles.index("body")
        text = segments[first].text
        later_body = any(r == "body" for r in roles[first + 1 :])
        if (
            later_body
            and proba[first, title] >= FALLBACK_MIN
            and len(text) <= 40
            and text[-1] not in "。！？!?，,；;：:"
        ):
            roles[first] = "title"
    return roles


def _end_at_reply(segments: Sequence[Segment], roles: list[str]) -> list[str]:
    """An office's reply under the post (a heading "答复单位：…", or "网友您好：经调查…", "您好，接到留言后…"),
    or an editor's note ("记者追踪：…") ends the post's body, its first line included, however the layout rules joined it to the post's paragraph."""
    body = [i for i, r in enumerate(roles) if r == "body"]
    if not body:
        return roles
    # A reply's heading ("答复单位：…") after the post's first line ends it, whatever role it was given.
    heading = next((i for i in range(body[0] + 1, len(segments)) if REPLY_HEAD_RE.match(segments[i].text.strip())), None)
    texts = [segments[i].text.strip() for i in body]
    opener = next((n for n in range(1, len(body)) if REPLY_OPENER_RE.match(texts[n]) or EDITOR_NOTE_RE.match(texts[n])), None)
    if opener is not None:
        # The replying office's name on a line of its own right above ("珠晖区人社局") heads the reply: a
        # short line without punctuation after a sentence that ended.
        head = texts[opener - 1]
        if opener >= 2 and len(head) <= 30 and not any(c in head for c in "。！？!?，,；;") and texts[opener - 2][-1:] in "。！？!?":
            opener -= 1
    cuts = [i for i in (heading, None if opener is None else body[opener]) if i is not None]
    if not cuts:
        return roles
    cut = min(cuts)
    return roles[:cut] + ["other" if r == "body" or (r == "unit" and i == heading) else r
                          for i, r in enumerate(roles[cut:], cut)]


# Feeds and chats: a post's first line is its first sentence, never a heading set above the text.
FEED_PLATFORMS = frozenset({"weibo", "douyin", "wechat"})
_SENTENCE_END = "。！？!?；;，,：:…、"


def _heading_line(segments: Sequence[Segment], roles: list[str]) -> list[str]:
    """A post with no title found whose text starts with a short line that does not end a sentence,
    over lines that fill the column (a forum thread's or a note's bold title set right above the
    text, "新塘村自来水发黄，已持续半个月"): that line is the title."""
    if any(r == "title" and not _is_noise(segments[i].text) for i, r in enumerate(roles)):
        return roles
    body = [i for i, r in enumerate(roles) if r == "body"]
    if len(body) < 3:
        return roles
    first, second = segments[body[0]], segments[body[1]]
    text = first.text.strip()
    right = max(segments[i].box[2] for i in body)
    left = min(segments[i].box[0] for i in body)
    width = right - left
    heights = sorted(segments[i].box[3] - segments[i].box[1] for i in body)
    if not (6 <= len(text) <= 40 and text[-1] not in _SENTENCE_END and width > 0
            and second.box[1] >= first.box[3] - 2  # a line of its own, above the rest
            and first.box[2] - left < 0.85 * width and second.box[2] - left >= 0.9 * width
            and first.box[3] - first.box[1] >= 0.95 * heights[len(heights) // 2]):
        return roles
    return roles[: body[0]] + ["title"] + roles[body[0] + 1 :]


def _end_at_counters(segments: Sequence[Segment], roles: list[str]) -> list[str]:
    """A row of counters under the post ("阅读8.1万", "赞66 在看12") ends its body: what follows is the
    comments (comment_roles, run after this, may still find the citizen's post among them)."""
    body = [i for i, r in enumerate(roles) if r == "body"]
    if len(body) < 2:
        return roles
    rows = row_ids(segments)

    def chrome_row(i: int) -> bool:  # a like count beside a comment's nickname ("赞464") is no such row
        return all(roles[j] == "chrome" for j in range(len(segments)) if rows[j] == rows[i])

    cut = next((i for i in range(body[0] + 1, body[-1]) if roles[i] == "chrome" and chrome_row(i)
                and COUNTER_ROW_RE.match(segments[i].text.strip())
                and segments[i].box[1] >= max(segments[j].box[3] for j in body if j < i) - 2), None)
    if cut is None:
        return roles
    return roles[:cut] + ["other" if r == "body" else r for r in roles[cut:]]


def _runs(roles: list[str], role: str) -> list[list[int]]:
    """Indexes of consecutive segments with `role` (chrome between two of them does not break a run)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, r in enumerate(roles):
        if r == role:
            current.append(i)
        elif r != "chrome" and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


_ANY_LABEL_RE = re.compile(r"^[^\d:：，。,.]{1,6}[:：]\s*(?=\S)")
# A known label and a space, in a field the model already placed ("留言人 洋湖老师").
_SPACED_LABEL_RE = re.compile(r"^(?:" + "|".join(sorted(LABEL_KIND, key=len, reverse=True)) + r")\s+(?=\S)")


def _strip_label(text: str, *, unknown_labels: bool = False) -> str:
    """The value after a field label; with `unknown_labels`, any short "xxxx：" prefix counts
    (OCR misreads labels: "留文对象：")."""
    m = LABEL_RE.match(text) or LONG_LABEL_RE.match(text)
    if m and m.start() == 0:
        return text[m.end() :].strip()
    if unknown_labels and (m := _ANY_LABEL_RE.match(text) or _SPACED_LABEL_RE.match(text)):
        return text[m.end() :].strip()
    return text.strip()


_GLUED_UNIT_LABEL_RE = re.compile(r"^(?:" + "|".join(w for w in LABELS["unit"] if len(w) >= 4) + r")(?=\S{4})")


def _glue(parts: Sequence[str]) -> str:
    out = ""
    for part in parts:
        # Latin words wrapped at the line end keep their space; Chinese joins without one.
        if out and out[-1].isascii() and out[-1].isalnum() and part[:1].isascii() and part[:1].isalnum():
            out += " "
        out += part
    return out


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _is_noise(text: str) -> bool:
    """A short line with no Chinese character: an avatar, an icon or a badge OCR read as text."""
    text = text.strip()
    return len(text) <= 2 and not _CJK_RE.search(text)


LIST_BULLETS = "·•・▼▶►▪◆●"


def _title(segments: Sequence[Segment], roles: list[str], proba: np.ndarray, model_roles: Sequence[str],
           confidence: dict[str, float]) -> str | None:
    # An avatar or an icon read as a letter ("O", "@") is no title, whatever its place on the page.
    runs = [kept for run in _runs(roles, "title") if (kept := [i for i in run if not _is_noise(segments[i].text)])]
    if not runs:
        column = ROLES.index("title")
        candidates = [i for i, r in enumerate(roles)
                      if r not in ("body", "other", "chrome", "time", "author") and proba[i, column] >= FALLBACK_MIN
                      and not _is_noise(segments[i].text)]
        if not candidates:
            return None
        runs = [[max(candidates, key=lambda i: proba[i, column])]]
    # The title is the best-scored run (a sidebar list of other titles scores lower).
    column = ROLES.index("title")
    best = max(runs, key=lambda run: float(proba[run, column].sum()))
    confidence["title"] = _sureness(proba, best, "title", model_roles)
    parts = [_strip_label(segments[i].text, unknown_labels=n == 0) for n, i in enumerate(best)]
    text = _glue([p for p in parts if p])
    if m := LEADING_TAG_RE.match(text):
        text = text[m.end() :]
    # A list's bullet or the ▼ of an opened row is the page's, not the citizen's.
    text = text.strip().lstrip(LIST_BULLETS).strip()
    if len(text) >= 2 and text[0] in "【[" and text[-1] in "】]":
        text = text[1:-1].strip()
    return text or None


def _author(segments: Sequence[Segment], roles: list[str], proba: np.ndarray,
            confidence: dict[str, float]) -> str | None:
    column = ROLES.index("author")
    candidates = [i for i, r in enumerate(roles) if r == "author"]
    if not candidates:
        return None
    best = max(candidates, key=lambda i: proba[i, column])
    if len([i for i in candidates if i <= _post_author_index(roles)]) > 1:
        best = _post_author_index(roles)
    # Two author-like lines (the post's and a commenter's): the choice is less sure.
    runner_up = max((float(proba[i, column]) for i in candidates if i != best), default=0.0)
    confidence["author"] = float(proba[best, column]) - runner_up / 2
    name = _strip_label(segments[best].text, unknown_labels=True)
    if m := TRAILING_CHROME_RE.search(name):
        name = name[: m.start()]
    name = name.strip().lstrip("@＠").strip()
    # "秋天的柚子 · 10-01", "老陈·": what follows a separator after a nickname is its time or place.
    name = re.split(r"\s*[·•・‧|｜]", name, maxsplit=1)[0].strip()
    # "回复者 ▶ 被回复者": the reply's author is the one before the arrow.
    name = re.split(r"\s*[▶►▸]\s*", name, maxsplit=1)[0].strip()
    # An avatar read as the name's first character, then the name ("赵 赵老师").
    if len(name) > 3 and name[1] == " " and name[2] == name[0]:
        name = name[2:]
    if m := AUTHOR_TAG_RE.match(name):
        name = name[m.end() :]
    name = AUTHOR_BADGE_RE.sub("", name)
    # A reply's header "回复者 ▶ 被回复者" with the ▶ lost by OCR: the replied-to name stands on its own
    # line elsewhere on the page (the comment replied to), so it is cut off the end.
    others = {seg.text.strip() for i, seg in enumerate(segments) if i != best and 2 <= len(seg.text.strip()) <= 20}
    for other in sorted(others, key=len, reverse=True):
        if name.endswith(other) and len(name) - len(other) >= 2:
            name = name[: -len(other)].rstrip(" ▶>›»")
            break
    return name or None


def _post_author_index(roles: Sequence[str]) -> int:
    """Index of the post's author line, -1 if none: of several, the one in the post's header,
    nearest above its text (an account named above that, "@长沙晚报" over a quoted post, is not)."""
    candidates = [i for i, r in enumerate(roles) if r == "author"]
    if not candidates:
        return -1
    first_body = roles.index("body") if "body" in roles else len(roles)
    header = [i for i in candidates if i < first_body]
    return header[-1] if header else candidates[0]


# A post's own edit or publish time as 小红书, 知乎 and 微博 print it under the text.
EDITED_AT_RE = re.compile(r"^\s*(?:编辑于|发布于|发表于)\s*")


def _time(
    segments: Sequence[Segment], roles: list[str], proba: np.ndarray, forwarded_at: datetime,
    confidence: dict[str, float],
) -> tuple[datetime | None, bool, str | None]:
    """The post's time, whether the screen showed its date alone, and its IP属地."""
    column = ROLES.index("time")
    # The post's time: a labelled one ("发布时间：…") first, then what the model is surest of; a
    # segment the model gave another role only when it half believes it is a time.
    candidates = [i for i, r in enumerate(roles) if r == "time"]
    candidates += [i for i, r in enumerate(roles)
                   if r not in ("time", "body", "other", "chrome") and proba[i, column] >= FALLBACK_MIN]
    # The post's own time sits in its header, above its text; a time under the text is more often
    # an official reply's or a related post's.
    first_body = roles.index("body") if "body" in roles else len(roles)
    ranked = sorted(candidates, key=lambda i: (roles[i] != "time", not is_time_label(segments[i].text),
                                               i > first_body, -proba[i, column]))
    # Last: a time under the post labelled as its own ("编辑于 08-31 18:05" under a 小红书 note), which the
    # layout rules left outside the post with the comments below it.
    rows = row_ids(segments)
    ranked += [i for i, r in enumerate(roles) if r in ("other", "chrome") and i not in ranked
               and (EDITED_AT_RE.match(segments[i].text)
                    or (i > 0 and EDITED_AT_RE.fullmatch(segments[i - 1].text.strip()) and rows[i - 1] == rows[i]))]
    moment, date_only = None, False
    for i in ranked:
        found = find_times(segments[i].text, forwarded_at)
        if found:
            moment, date_only = found[0].moment, found[0].shown == {"date"}
            confidence["posted_at"] = _sureness(proba, [i], "time", roles)
            break
    ip_location = None
    for seg, role in zip(segments, roles, strict=True):
        if role in ("body", "other", "title"):
            continue
        if m := IP_LOCATION_RE.search(seg.text):
            ip_location = m.group("place")
            break
        if role == "time" and (m := re.search(r"[·•・‧]\s*(" + "|".join(PROVINCES) + r")", seg.text)):
            ip_location = m.group(1)
            break
    return moment, date_only, ip_location


def _unit(segments: Sequence[Segment], roles: list[str], proba: np.ndarray,
          confidence: dict[str, float]) -> str | None:
    runs = _runs(roles, "unit")
    if not runs:
        return None
    confidence["addressed_unit"] = _sureness(proba, runs[0], "unit")
    text = _glue([_strip_label(segments[i].text, unknown_labels=n == 0) for n, i in enumerate(runs[0])])
    # A unit label OCR glued to its value with neither colon nor space ("问政对象常宁市人民政府").
    text = _GLUED_UNIT_LABEL_RE.sub("", text.strip())
    return text.strip() or None


def _body(segments: Sequence[Segment], roles: list[str], proba: np.ndarray, model_roles: Sequence[str],
          confidence: dict[str, float]) -> str:
    indexes = [i for i, r in enumerate(roles) if r == "body"]
    parts = [segments[i].text for i in indexes]
    if not parts:
        return ""
    # Weighted by length: one short line the model doubted does not make a long body unsure.
    weights = [len(segments[i].text) for i in indexes]
    column = ROLES.index("body")
    values = [float(proba[i, column]) if model_roles[i] == "body" else min(float(proba[i, column]), FALLBACK_MIN)
              for i in indexes]
    confidence["body"] = sum(v * w for v, w in zip(values, weights, strict=True)) / max(sum(weights), 1)
    parts[0] = _strip_label(parts[0])
    first_word = parts[0].split(" ", 1)
    if len(first_word) == 2 and first_word[0] in STATUS_TAGS:
        parts[0] = first_word[1]
    return _join([p for p in parts if p])


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _join(lines: list[str]) -> str:
    """Join wrapped lines: OCR breaks lines where the screen wrapped, not where paragraphs end."""
    out = ""
    for line in lines:
        if out and (out[-1] in "。！？!?；;：:」”" or len(line) < 4):
            out += "\n" + line
        elif out and out[-1].isascii() and out[-1].isalnum() and line[:1].isascii() and line[:1].isalnum():
            out += " " + line
        else:
            out += line
    return out.strip()
