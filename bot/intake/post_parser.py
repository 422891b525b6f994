"""Turn OCR text (or pasted text) of a citizen's post into fields: platform, title, author, time, body…

Layouts the parser knows (as rendered on a phone):
- 红网百姓呼声: title, "网友：…", "投诉对象：…", "发布时间：…", body.
- 问政湖南: "留言对象：…", "留言类型：…", "留言标题：…", "网友：…", "留言时间：…", "留言内容：…".
- 抖音: "@author", caption, "#话题", time ("3小时前 · 湖南"), comment list.
- 微博: author, "昨天 14:02 来自 iPhone客户端", body, "转发 评论 赞".
- 微信: chat bubbles (sender name, message), or an article (mp.weixin.qq.com) with title + account.
Anything else falls back to "first long line is the title, the rest is the body".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.cases.pii import find_id_numbers, find_phones
from bot.cases.sources import KNOWN_HOSTS, source_from_link
from bot.intake.places import PlaceMention, find_places
from bot.intake.post_time import resolve_post_time

PLATFORMS = ("hongwang", "wenzheng_hunan", "douyin", "weibo", "wechat", "other")


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


_URL = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+(?:cn|com|net|org|gov\.cn)(?:/[\w./?=&%#~+-]*)?", re.I)


# Words that identify a layout when no link is present; the first platform with a hit wins,
# so the more specific markers come first.
_MARKERS: list[tuple[str, tuple[str, ...]]] = [
    ("wenzheng_hunan", ("问政湖南", "留言对象", "留言类型")),
    ("hongwang", ("百姓呼声", "红网", "投诉对象")),
    ("douyin", ("抖音", "条评论", "说点什么", "作品", "抖音号")),
    ("weibo", ("微博", "来自iPhone", "来自Android", "超话", "微博正文")),
    ("wechat", ("微信", "公众号", "原创", "阅读原文", "按住说话")),
]

# A WeChat group chat header: "星沙业主群(128)".
_WECHAT_GROUP = re.compile(r"^.{1,20}群\s*[(（]\d{1,4}[)）]\s*$", re.M)

_LABELS = {
    "title": ("留言标题", "标题", "主题"),
    "author": ("网友", "作者", "发帖人", "留言人", "用户", "昵称"),
    "time": ("发布时间", "留言时间", "发表时间", "时间", "发布于", "发表于"),
    "unit": ("留言对象", "投诉对象", "反映对象", "咨询对象", "诉求对象"),
    "body": ("留言内容", "内容", "正文", "诉求内容"),
    "meta": ("留言类型", "类型", "编号", "留言编号", "状态", "办理状态", "浏览", "来源", "IP属地"),
}
_LABEL_LINE = re.compile(
    r"^\s*(?P<label>"
    + "|".join(sorted({w for ws in _LABELS.values() for w in ws}, key=len, reverse=True))
    + r")\s*[:：]\s*(?P<value>.*)$"
)
_WEIBO_META = re.compile(r"(来自|IP属地|编辑于|发布于)")
_COUNTERS = re.compile(r"^(转发|评论|赞|点赞|分享|收藏|回复)\s*\d*[万w]?$|^\d+(\.\d+)?[万w]?$")


def detect_platform(text: str, links: Sequence[str]) -> str:
    for link in links:
        platform = source_from_link(link if "//" in link else "//" + link)
        if platform != "other":
            return platform
    if _WECHAT_GROUP.search(text):
        return "wechat"
    # Douyin captions start with "@author"; Weibo shows the author without "@".
    if re.search(r"^@\S{1,24}$", text, re.M) and "来自" not in text:
        return "douyin"
    squashed = re.sub(r"\s", "", text)
    for platform, markers in _MARKERS:
        if any(marker in squashed for marker in markers):
            return platform
    return "other"


def find_links(text: str) -> list[str]:
    links: list[str] = []
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,，。")
        # Bare words like "iPhone.com" are rare; a link needs a scheme or a known host part.
        if url.lower().startswith("http") or any(h in url.lower() for h in KNOWN_HOSTS):
            links.append(url)
    return links


def _as_lines(text_or_lines: str | Sequence[Any]) -> list[str]:
    # Accepts plain strings or OCR lines (anything with a `.text`).
    if isinstance(text_or_lines, str):
        raw = text_or_lines.splitlines()
    else:
        raw = [getattr(line, "text", line) for line in text_or_lines]
    return [line.strip() for line in raw if line and line.strip()]


def _is_meta(line: str) -> bool:
    return bool(_COUNTERS.match(line)) or line in {"展开", "全文", "收起", "回复", "举报", "…全文"}


def _is_time_line(line: str, forwarded_at: datetime) -> bool:
    if resolve_post_time(line, forwarded_at) is None:
        return False
    rest = re.sub(r"\d+|[-:：/年月日前天昨今刚小时分钟秒周个·・•|\s]|来自.*|IP属地.*|发布于|编辑于", "", line)
    return len(rest) <= 4


def parse_post(text_or_lines: str | Sequence[Any], forwarded_at: datetime) -> ParsedPost:
    """Fields of one post from its OCR lines (reading order) or pasted text."""
    lines = _as_lines(text_or_lines)
    full = "\n".join(lines)
    links = find_links(full)
    platform = detect_platform(full, links)

    title = author = unit = time_text = None
    labelled_body: list[str] = []
    free_lines: list[str] = []
    title_before_labels: list[str] = []
    current: str | None = None  # the labelled field a wrapped continuation line belongs to
    seen_label = False
    for line in lines:
        m = _LABEL_LINE.match(line)
        if m:
            label, value = m.group("label"), m.group("value").strip()
            kind = next(k for k, words in _LABELS.items() if label in words)
            if not seen_label:
                # Forum layouts put the (possibly wrapped) title above the first field label.
                title_before_labels = [ln for ln in free_lines if not _is_header(ln)]
            seen_label = True
            current = kind
            if kind == "title" and title is None:
                title = value or None
            elif kind == "author" and author is None:
                author = value or None
            elif kind == "time" and time_text is None:
                time_text = value
            elif kind == "unit" and unit is None:
                unit = value or None
            elif kind == "body" and value:
                labelled_body.append(value)
            continue
        if current == "body":
            labelled_body.append(line)
        elif current == "title" and title is not None and not _is_time_line(line, forwarded_at):
            title += line  # the title wrapped onto the next screen line
        elif current == "unit" and unit is not None and len(line) <= 8:
            unit += line
        else:
            free_lines.append(line)
    if title is None and title_before_labels and len("".join(title_before_labels)) >= 4:
        title = "".join(title_before_labels)
        free_lines = [ln for ln in free_lines if ln not in title_before_labels]

    body_lines = labelled_body
    rest = [
        line
        for line in free_lines
        if not _is_meta(line) and not any(link in line for link in links) and not _is_header(line)
    ]
    if platform in ("douyin", "weibo", "wechat") and author is None:
        author, remaining = _social_author([ln for ln in free_lines if not _is_meta(ln)], forwarded_at)
        rest = [ln for ln in remaining if ln in rest]
    if time_text is None:
        for line in rest:
            if _is_time_line(line, forwarded_at):
                time_text = line
                break
    rest = [line for line in rest if line != time_text]
    if title is None and platform not in ("douyin", "weibo", "wechat"):
        # The first line long enough to be a sentence is the title on forum layouts.
        for i, line in enumerate(rest):
            if len(line) >= 6:
                title = line
                rest = rest[:i] + rest[i + 1 :]
                break
    if not body_lines:
        body_lines = rest
    body = _join(body_lines)
    if title is None and platform in ("douyin", "weibo", "wechat") and body:
        title = _first_sentence(body)
    posted_at = resolve_post_time(time_text, forwarded_at) if time_text else None
    return ParsedPost(
        platform=platform,
        title=title,
        author=author,
        posted_at=posted_at,
        addressed_unit=unit,
        body=body,
        place_mentions=find_places((title or "") + "\n" + body),
        # Also search the lines glued together: a number wrapped at the screen edge is split in two.
        phones=_unique(find_phones(full) + find_phones("".join(lines))),
        id_numbers=_unique(find_id_numbers(full) + find_id_numbers("".join(lines))),
        links=links,
    )


def _is_header(line: str) -> bool:
    """App header lines: "红网 · 百姓呼声", "问政湖南", a WeChat group name with its member count."""
    squashed = re.sub(r"[\s·・•|]", "", line)
    return squashed in {"红网百姓呼声", "百姓呼声", "问政湖南", "红网", "微博正文", "抖音"} or bool(
        _WECHAT_GROUP.match(line)
    )


def _social_author(lines: list[str], forwarded_at: datetime) -> tuple[str | None, list[str]]:
    """Author on social layouts: "@name" (抖音), the short line right above the time line (微博),
    or the sender name under a WeChat group header."""
    for i, line in enumerate(lines):
        if line.startswith("@") and 1 < len(line) <= 25:
            return line[1:].strip(), lines[:i] + lines[i + 1 :]
    for i, line in enumerate(lines[:-1]):
        if i + 1 < len(lines) and _WECHAT_GROUP.match(line) and len(lines[i + 1]) <= 16:
            return lines[i + 1], lines[:i] + lines[i + 2 :]
    for i, line in enumerate(lines[:-1]):
        if len(line) <= 16 and _is_time_line(lines[i + 1], forwarded_at) and not _is_time_line(line, forwarded_at):
            return line, lines[:i] + lines[i + 1 :]
    return None, lines


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _join(lines: list[str]) -> str:
    """Join wrapped lines: OCR breaks lines where the screen wrapped, not where paragraphs end."""
    out = ""
    for line in lines:
        if out and (out[-1] in "。！？!?；;：:」”" or len(line) < 4):
            out += "\n" + line
        else:
            out += line
    return out.strip()


def _first_sentence(text: str, limit: int = 40) -> str:
    sentence = re.split(r"[。！？!?\n]", text, maxsplit=1)[0].strip()
    return sentence[:limit]
