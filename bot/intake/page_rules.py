"""What a page's geometry and wording settle for sure, applied to the role model's answer.

The role model (line_roles.py) learnt from rendered layouts; on a page it never saw it can take
a nav bar for the title, a sidebar for the body, or miss a nickname. These rules correct kinds of
such errors from facts that hold on any page:

- a row of several very short items is a nav or tab bar; a line made only of button words, a
  counter row, a carousel pager ("1/2"), a like list ("♡ 老张，小李") or a floor ("1楼") is chrome;
- on a desktop page the post is one column: lines beside it (left nav, right sidebar) are not its
  body, and pieces OCR cut out of one of its rows are;
- a time followed only by where or how it was posted ("3小时前·IP属地：湖南", "昨天 17:08 来自
  iPhone") is the post's time line, never a title or body; a time in the header is the post's;
- the nickname sits left of, right above or right under the post's time line, above a profile
  line ("粉丝 12.9万 获赞 8.7万"), or in the top bar beside its avatar;
- a post's title is the largest short line right above its author/time/addressee lines;
- the post's text is one paragraph block: it continues through lines the model doubted, and it
  ends at its own time line in a list, or where a run of "昵称：评论" lines begins.

Each rule only moves segments between roles; the fields are read off the roles in post_parser.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from datetime import datetime

import numpy as np

from bot.intake.lexicon import (
    BARE_LABEL_RE,
    BREADCRUMB_RE,
    CHROME_WORDS,
    LABEL_KIND,
    LABEL_RE,
    LONG_LABEL_RE,
    MEMBER_BADGE_RE,
    PROFILE_LINE_RE,
    PROVINCES,
    STATUS_TAGS,
    TOOLBAR_WORDS,
    TYPE_TAGS,
    WECHAT_GROUP_RE,
)
from bot.intake.line_features import row_ids
from bot.intake.line_roles import ROLES
from bot.intake.platforms import is_link_only
from bot.intake.post_time import find_times
from bot.intake.segments import Segment

_SENTENCE_PUNCT = "。！？!?；;，,"
# At most this many characters per item for a row of items to be a nav or tab bar.
BAR_ITEM_CHARS = 5
BAR_MIN_ITEMS = 3
# What may follow a post's time on its meta line: where from, with which device, where posted.
_META_TAIL_RE = re.compile(
    r"^(?:(?:IP\s*属地|发布于|来自|编辑于|发布在|IP)\s*[:：]?\s*.{0,24}|(?:" + "|".join(PROVINCES) + r")(?:省|市)?)"
    r"(?:\s*(?:回复|举报|···|\.\.\.))?$"
)
_SEPARATORS = " \u3000·•・‧|｜"
_DURATION_RE = re.compile(r"^/\s*\d{1,2}:\d{2}$|^\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}$")
_CLOCK_ONLY_RE = re.compile(r"^\d{1,2}:\d{2}$")
# A photo carousel's position ("1/2"), which reads like a date; a like list ("♡ 老张，小李，…").
_PAGER_RE = re.compile(r"^\d{1,2}\s*/\s*\d{1,2}$")
_LIKES_RE = re.compile(r"^[●•]?\s*[♡❤♥]")
_NAME_LIST_RE = re.compile(r"^[^。！？!?：:\s]{1,16}(?:[，,][^。！？!?：:\s]{1,16})*[，,]?$")
# The fold button of an expanded list item ("收起∧", "展开全文 ∨").
_FOLD_RE = re.compile(r"^(?:收起|展开)(?:全文|更多)?\s*[∧∨^vV︿﹀へ入人>＞<＜]?$")
# A list item's summary, cut short with one ellipsis (a citizen's "……" is two) and no sentence end.
_SUMMARY_RE = re.compile(r"^[^。！？!?]{4,40}(?<!…)(?:…|\.\.\.)$")
# Counters under a post that CHROME_WORDS' counter patterns miss ("赞40 在看16", "阅读 10万+").
_COUNTERS_RE = re.compile(r"^(?:(?:在看|阅读|赞|点赞|转发|评论|分享|收藏|浏览|喜欢|推荐|支持|反对|有用|关注|粉丝|获赞|贴子|帖子|回复)"
                          r"\s*[:：]?\s*[(（]?[\d.]+[万wW]?\+?[)）]?[\s|·]*)+$")
# A site's footer: licences, filing numbers, copyright.
_FOOTER_RE = re.compile(r"许可证[:：]|备案号|ICP[备证]|版权所有|Copyright|©")
# A collapsed list item, opened with a triangle.
_COLLAPSED_RE = re.compile(r"^[▶▸►▷]\s*\S")


def refine_roles(
    segments: Sequence[Segment],
    roles: Sequence[str],
    proba: np.ndarray,
    size: tuple[int, int] | None,
    forwarded_at: datetime,
) -> list[str]:
    """The roles after the layout rules. `size` is the image (width, height), None for pasted text
    (then only the rules that need no geometry run)."""
    roles = list(roles)
    times = [_time_kind(seg.text, forwarded_at) for seg in segments]
    _chrome_lines(segments, roles, forwarded_at)
    _not_titles(segments, roles, times)
    if size is not None and segments:
        rows = row_ids(segments)
        _bars(segments, roles, rows)
        _durations(segments, roles, rows)
        _side_columns(segments, roles, rows, size)
        _meta_time_lines(segments, roles, times)
        _paragraphs(segments, roles, times)
        _item_end(segments, roles, times)
        _inline_comments(segments, roles)
        _unit_from_label(segments, roles)
        _author_near_time(segments, roles, rows, proba, times)
        _title_above_header(segments, roles, times)
    else:
        _meta_time_lines(segments, roles, times)
    return roles


def clean_chrome(segments: Sequence[Segment], roles: Sequence[str], size: tuple[int, int] | None,
                 forwarded_at: datetime) -> list[str]:
    """Nav bars, button lines and player controls as chrome, before anything else reads the roles."""
    roles = list(roles)
    _chrome_lines(segments, roles, forwarded_at)
    if size is not None and segments:
        rows = row_ids(segments)
        _bars(segments, roles, rows)
        _durations(segments, roles, rows)
    return roles


def is_time_label(text: str) -> bool:
    """Whether `text` starts with a time label ("发布时间：…", "留言时间 2024-…")."""
    m = LABEL_RE.match(text.strip()) or LONG_LABEL_RE.match(text)
    return bool(m and m.start() == 0 and LABEL_KIND[m.group("label")] == "time")


def _time_kind(text: str, forwarded_at: datetime) -> str | None:
    """"pure" when the text is only a time, "meta" when a time and where/how it was posted,
    None otherwise (no time, or a time inside other words)."""
    stripped = text.strip()
    if len(stripped) > 40:
        return None
    found = find_times(stripped, forwarded_at)
    if not found:
        return None
    rest = stripped
    for match in sorted(found, key=lambda m: -m.start):
        rest = rest[: match.start] + " " + rest[match.end :]
    rest = rest.strip(_SEPARATORS)
    rest = re.sub(r"^(?:发布时间|发表时间|留言时间|时间|发布于|发表于)\s*[:：]?\s*", "", rest).strip(_SEPARATORS)
    if not rest:
        return "pure"
    return "meta" if _META_TAIL_RE.match(rest) else None


def _is_label(text: str) -> bool:
    return bool(LABEL_RE.match(text) or BARE_LABEL_RE.match(text))


def _name_like(text: str) -> bool:
    name = text.strip().lstrip("@＠")
    return (
        2 <= len(name) <= 16
        and any("\u4e00" <= c <= "\u9fff" or c.isascii() and c.isalpha() for c in name)
        and not any(c in name for c in "，。！？,.!?：:；;、【】[]()（）#")
        and name.count(" ") <= 1
        and name not in CHROME_WORDS
        and name not in TOOLBAR_WORDS
        and name not in STATUS_TAGS
        and name not in TYPE_TAGS
        and not _is_label(name)
        and not PROFILE_LINE_RE.search(name)
        and not MEMBER_BADGE_RE.match(name.strip(" ·•・‧"))
        and not WECHAT_GROUP_RE.search(name)
    )


_FORUM_BUTTONS = {"进吧", "进入贴吧", "进入本吧", "关注本吧"}
_FORUM_NAME_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{1,12}吧$")
# A chat group's name in a chat list or a title bar ("澧县民生服务群", "碧桂佳园小区业主群(292)"), never a
# member's nickname (a two-character given name may end in 群: 李群).
_GROUP_NAME_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{3,16}群(?:\s*[(（]\d+[)）])?$")


def _chrome_lines(segments: Sequence[Segment], roles: list[str], forwarded_at: datetime) -> None:
    """A line made only of button words ("倍速 清屏 连播", "热点 地区 部门") is chrome, and so
    are a like list ("♡ 老张，小李，…", wrapped over lines) and a reply thread's floor ("1楼")."""
    in_likes = False
    # A forum's header: its name ("宁乡吧") beside its enter button, never a nickname.
    forum = any(seg.text.strip() in _FORUM_BUTTONS for seg in segments)
    for i, seg in enumerate(segments):
        text = seg.text.strip()
        if (forum and (text in _FORUM_BUTTONS or _FORUM_NAME_RE.match(text))) or (
                roles[i] != "body" and _GROUP_NAME_RE.match(text)):  # not a line of text ending in 成群
            roles[i] = "chrome"
            continue
        if _LIKES_RE.match(text) or (in_likes and _NAME_LIST_RE.match(text)):
            roles[i], in_likes = "chrome", True
            continue
        in_likes = False
        if MEMBER_BADGE_RE.match(text.strip(" ·•・‧")) or (
                # with a time in it ("2025年1月17日19:30·湖南·5万粉丝") it is the post's time line
                len(text) <= 40 and PROFILE_LINE_RE.search(text) and not find_times(text, forwarded_at)):
            roles[i] = "chrome"
            continue
        if roles[i] in ("chrome", "label", "unit"):
            continue
        if (_COUNTERS_RE.match(text) or _PAGER_RE.match(text) or _FOLD_RE.match(text) or is_link_only(text)
                or _FOOTER_RE.search(text)):
            roles[i] = "chrome"
            continue
        if _COLLAPSED_RE.match(text) and roles[i] in ("body", "title"):
            roles[i] = "other"  # a collapsed item of a list ("▶ 岳阳县荣家湾镇供水问题")
            continue
        if _SUMMARY_RE.search(text) and roles[i] in ("body", "title"):
            roles[i] = "other"  # another item of a list, cut short: its full text is elsewhere
            continue
        words = [w for w in re.split(r"[\s|｜·•]+", seg.text.strip()) if w]
        if words and all(w in CHROME_WORDS or w in TOOLBAR_WORDS for w in words) and (
            len(words) >= 2 or words[0] in TOOLBAR_WORDS
        ):
            roles[i] = "chrome"


def _not_titles(segments: Sequence[Segment], roles: list[str], times: Sequence[str | None]) -> None:
    """What is never a title: a chat's group name, a breadcrumb, a time line, a stray glyph."""
    for i, seg in enumerate(segments):
        text = seg.text.strip()
        if roles[i] in ("body", "author", "time", "unit") and BARE_LABEL_RE.match(text):
            roles[i] = "label"  # a label cell ("时间", "问政对象") holds no value of its own
        if roles[i] != "title":
            continue
        if BARE_LABEL_RE.match(text):
            roles[i] = "label"
        elif WECHAT_GROUP_RE.search(text) or BREADCRUMB_RE.search(text) or text in CHROME_WORDS or text in TOOLBAR_WORDS:
            roles[i] = "chrome"
        elif times[i] is not None:
            roles[i] = "time"
        elif len(text.strip("【】[]_-—")) <= 1 and not (i > 0 and roles[i - 1] == "title"):
            roles[i] = "other"  # a stray glyph; one character under a title line is its wrapped end


def _bars(segments: Sequence[Segment], roles: list[str], rows: Sequence[int]) -> None:
    """A row of several very short items, none a label, name or time, is a nav or tab bar."""
    members: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        members.setdefault(row, []).append(i)
    for row_members in members.values():
        if len(row_members) < BAR_MIN_ITEMS:
            continue
        texts = [segments[i].text.strip() for i in row_members]
        if any(roles[i] in ("time", "unit") for i in row_members):
            continue
        if all(
            len(t) <= BAR_ITEM_CHARS and not any(c in _SENTENCE_PUNCT for c in t) and not _is_label(t) for t in texts
        ):
            for i in row_members:
                if roles[i] in ("title", "body", "other"):
                    roles[i] = "chrome"


def _durations(segments: Sequence[Segment], roles: list[str], rows: Sequence[int]) -> None:
    """A video player's "00:13 /01:38": the duration and the position on its row are chrome."""
    player_rows = {rows[i] for i, seg in enumerate(segments) if _DURATION_RE.match(seg.text.strip())}
    for i, seg in enumerate(segments):
        text = seg.text.strip()
        if rows[i] in player_rows and (_DURATION_RE.match(text) or _CLOCK_ONLY_RE.match(text)):
            roles[i] = "chrome"


def _side_columns(segments: Sequence[Segment], roles: list[str], rows: Sequence[int], size: tuple[int, int]) -> None:
    """On a landscape (desktop) page, the post's title and body lie in one column."""
    width, height = size
    if width < height * 1.05:
        return
    long_body = [i for i, r in enumerate(roles) if r == "body" and len(segments[i].text) >= 15]
    if len(long_body) < 2:
        return
    left = statistics.median(segments[i].box[0] for i in long_body)
    margin = 0.03 * width
    # The column's right edge: where its own lines end (a sidebar line the model took for body
    # starts elsewhere and does not count).
    right = max((segments[i].box[2] for i in long_body if abs(segments[i].box[0] - left) <= margin),
                default=max(segments[i].box[2] for i in long_body))
    for i, seg in enumerate(segments):
        if roles[i] in ("body", "title") and (seg.box[2] < left - margin or seg.box[0] > right + margin):
            roles[i] = "other"
    body_rows = {rows[i] for i, r in enumerate(roles) if r == "body"}
    for i, seg in enumerate(segments):
        if (
            roles[i] == "other"
            and rows[i] in body_rows
            and seg.box[0] >= left - margin
            and seg.box[2] <= right + margin
        ):
            roles[i] = "body"


def _meta_time_lines(segments: Sequence[Segment], roles: list[str], times: Sequence[str | None]) -> None:
    """A time line is the post's time, not its title or body; a meta line ("今天15:01来自微博网页版")
    the model put in chrome above the post is too."""
    first_body = roles.index("body") if "body" in roles else len(roles)
    pieces: dict[int, int] = {}
    for seg, role in zip(segments, roles, strict=True):
        if role != "chrome":
            pieces[seg.line] = pieces.get(seg.line, 0) + 1
    for i in range(len(segments)):
        kind = times[i]
        if kind is None:
            continue
        # A whole line only: "早上五点" cut out of "清运车经常早上五点就来" stays in the text.
        if roles[i] in ("title", "body") and not _is_label(segments[i].text) and pieces[segments[i].line] == 1:
            roles[i] = "time"
        elif roles[i] == "chrome" and kind == "meta" and i < first_body:
            roles[i] = "time"
        elif roles[i] == "other" and 0 < i < first_body and (
            "title" in roles[:i] or any(r in ("author", "unit") for r in roles[i + 1 : first_body])
        ):
            roles[i] = "time"  # in the post's header, above its text ("昨天 22:21" above the name)


def _post_time_index(segments: Sequence[Segment], roles: Sequence[str], proba: np.ndarray,
                     times: Sequence[str | None]) -> int | None:
    candidates = [i for i, r in enumerate(roles) if r == "time" and times[i] is not None]
    if not candidates:
        return None
    labelled = [i for i in candidates if is_time_label(segments[i].text)]
    if labelled:
        return labelled[0]
    first_body = roles.index("body") if "body" in roles else len(roles)
    # The post's own time is the one in its header (above its text), when there is one there.
    header = [i for i in candidates if i < first_body]
    column = ROLES.index("time")
    return max(header or candidates, key=lambda i: proba[i, column])


def _author_near_time(
    segments: Sequence[Segment], roles: list[str], rows: Sequence[int], proba: np.ndarray,
    times: Sequence[str | None],
) -> None:
    """No author found: the nickname left of the post's time on its row, right above it, or above
    a profile line."""
    if "author" in roles:
        return
    t = _post_time_index(segments, roles, proba, times)
    heights = [max(s.box[3] - s.box[1], 1) for s in segments]

    def usable(i: int) -> bool:
        return (roles[i] in ("body", "other", "chrome") and times[i] is None and _name_like(segments[i].text)
                and not _META_TAIL_RE.match(segments[i].text.strip()))  # "编辑于" before the time is no name

    if t is not None:
        tbox = segments[t].box
        # Right next to it: a nav item at the far left of the same row is not a nickname.
        same_row = [i for i in range(len(segments)) if rows[i] == rows[t] and segments[i].box[2] <= tbox[0] + 4
                    and tbox[0] - segments[i].box[2] <= 2 * heights[t]]
        if same_row:
            nearest = max(same_row, key=lambda i: segments[i].box[2])
            if usable(nearest):
                roles[nearest] = "author"
                return
        # Aligned with the start of the time's row (a floor number "1楼" may stand before the time).
        row_left = min(segments[i].box[0] for i in range(len(segments)) if rows[i] == rows[t])
        above = [i for i in range(len(segments))
                 if segments[i].box[3] <= tbox[1] + 0.5 * heights[t] and tbox[1] - segments[i].box[3] <= 1.5 * heights[t]
                 and min(abs(segments[i].box[0] - tbox[0]), abs(segments[i].box[0] - row_left)) <= 1.5 * heights[t]
                 and i != t]
        for i in sorted(above, key=lambda i: -segments[i].box[3]):
            if usable(i):
                roles[i] = "author"
                return
        # Some pages print the time first and the nickname under it (after an avatar).
        below = [i for i in range(len(segments))
                 if 0 <= segments[i].box[1] - tbox[3] <= 1.5 * heights[t]
                 and 0 <= segments[i].box[0] - tbox[0] <= 3 * heights[t] and i != t]
        for i in sorted(below, key=lambda i: segments[i].box[1]):
            following = next((j for j in range(i + 1, len(segments)) if roles[j] != "chrome"), None)
            alone = following is None or roles[following] != "body" or len(segments[i].text) <= 10
            if usable(i) and (roles[i] != "body" or alone):
                roles[i] = "author"
                return
    if _author_in_top_bar(segments, roles, rows, usable):
        return
    for j, seg in enumerate(segments):
        if PROFILE_LINE_RE.search(seg.text):
            above = [i for i in range(len(segments)) if rows[i] == rows[j] - 1
                     and abs(segments[i].box[0] - seg.box[0]) <= 1.5 * heights[j]]
            for i in above:
                if usable(i):
                    roles[i] = "author"
                    return


def _author_in_top_bar(segments: Sequence[Segment], roles: list[str], rows: Sequence[int],
                       usable: Callable[[int], bool]) -> bool:
    """A post page's top bar: the author's avatar (read as one character), the nickname, a 关注
    button. Returns whether it found the nickname there. With neither read (a picture avatar, the 关注
    button dropped as chrome), the one name in the bar, left of centre after the avatar's room, is it
    (a page's own heading, "留言详情", is centred)."""
    page_bottom = max(seg.box[3] for seg in segments)
    page_right = max(seg.box[2] for seg in segments)
    band = 0.15 * min(page_bottom, page_right * 2.3)
    in_band = [i for i, seg in enumerate(segments) if seg.box[1] <= band and usable(i)]
    if len(in_band) == 1:
        seg = segments[in_band[0]]
        if seg.box[0] >= 0.1 * page_right and (seg.box[0] + seg.box[2]) / 2 < 0.4 * page_right:
            roles[in_band[0]] = "author"
            return True
    for i, seg in enumerate(segments):
        if seg.box[1] > band or not usable(i):
            continue
        row = [j for j in range(len(segments)) if rows[j] == rows[i] and j != i]
        avatar = any(len(segments[j].text.strip()) == 1 and segments[j].box[2] <= seg.box[0] for j in row)
        follow = any(segments[j].text.strip().lstrip("+＋") in ("关注", "已关注") and segments[j].box[0] >= seg.box[2]
                     for j in row)
        if avatar or follow:
            roles[i] = "author"
            return True
    return False


def _title_above_header(segments: Sequence[Segment], roles: list[str], times: Sequence[str | None]) -> None:
    """No title found: a short line right above the post's author/time/addressee lines (a board's
    title, with its type chip beside it; an article's headline)."""
    if "title" in roles or "body" not in roles:
        return
    last_body = len(roles) - 1 - roles[::-1].index("body")
    header = [i for i in range(last_body) if roles[i] in ("author", "time", "unit")]
    if not header:
        return
    start = header[0]
    top = segments[start]
    picked: int | None = None
    for j in range(start - 1, max(start - 4, -1), -1):
        seg = segments[j]
        text = seg.text.strip()
        if roles[j] == "chrome" and (text in TYPE_TAGS or text.strip("【】[]") in TYPE_TAGS or text in STATUS_TAGS):
            continue  # the type chip in front of a board's title
        if roles[j] == "label":
            continue
        if roles[j] not in ("other", "body"):
            break
        h = max(seg.box[3] - seg.box[1], 1)
        if (
            4 <= len(text) <= 40
            and text[-1] not in "。！？!?，,；;：:"
            and times[j] is None
            and not WECHAT_GROUP_RE.search(text)
            and not BREADCRUMB_RE.search(text)
            and not _is_label(text)
            and top.box[1] - seg.box[3] <= 4 * h
            # A title is set larger than the nickname and time lines under it.
            and (picked is None or h > segments[picked].box[3] - segments[picked].box[1])
        ):
            picked = j
    if picked is not None:
        roles[picked] = "title"


def _unit_from_label(segments: Sequence[Segment], roles: list[str]) -> None:
    """A run of addressee lines starts at its label ("留言对象：…"); a line above the label that the
    model put in the run (the title right above it) is not the addressee."""
    for i, seg in enumerate(segments):
        m = LABEL_RE.match(seg.text.strip())
        if roles[i] != "unit" or not m or LABEL_KIND[m.group("label")] != "unit":
            continue
        j = i - 1
        while j >= 0 and roles[j] == "unit" and not LABEL_RE.match(segments[j].text.strip()):
            roles[j] = "other"
            j -= 1


def _same_paragraph(a: Segment, b: Segment) -> bool:
    """`b` continues the paragraph `a` is in: same left edge and line height, no gap between."""
    ha, hb = max(a.box[3] - a.box[1], 1), max(b.box[3] - b.box[1], 1)
    return abs(a.box[0] - b.box[0]) <= 0.6 * ha and 0.8 <= hb / ha <= 1.25 and -0.5 * ha <= b.box[1] - a.box[3] <= 1.6 * ha


def _paragraphs(segments: Sequence[Segment], roles: list[str], times: Sequence[str | None]) -> None:
    """A line the model doubted inside the post's text, or right after it, in the same paragraph
    (same left edge, same size, no gap) is the post's text too."""
    if "body" not in roles:
        return
    last = None
    for i, seg in enumerate(segments):
        if roles[i] == "body":
            last = i
            continue
        if roles[i] == "chrome" or last is None:
            continue
        if roles[i] == "other" and times[i] is None and not _name_like(seg.text) and _same_paragraph(segments[last], seg):
            roles[i] = "body"
            last = i
        elif abs(seg.box[0] - segments[last].box[0]) <= 0.6 * max(segments[last].box[3] - segments[last].box[1], 1):
            last = None  # the paragraph ended; a line elsewhere on the row (a sidebar) does not end it


_INLINE_COMMENT_RE = re.compile(r"^[^\s：:，。！？,.!?]{2,16}[：:]\s*\S")


# Words before a colon that make a line part of the post ("联系电话：…", "地址：…"), not a comment.
_FIELD_WORDS = ("电话", "联系", "地址", "地点", "时间", "姓名", "微信", "手机", "邮箱", "诉求", "问题", "情况")


def _is_comment_line(text: str) -> bool:
    m = _INLINE_COMMENT_RE.match(text)
    if not m or _is_label(text):
        return False
    name = re.split(r"[：:]", text, maxsplit=1)[0]
    return not any(word in name for word in _FIELD_WORDS)


def _inline_comments(segments: Sequence[Segment], roles: list[str]) -> None:
    """"昵称：评论" lines at the end of the post's text are a comment list (微博 cards, 朋友圈, 贴吧),
    not the post: two or more of them in a row end it."""
    body = [i for i, r in enumerate(roles) if r == "body"]
    for n, _i in enumerate(body[1:], 1):
        rest = body[n:]
        if len(rest) >= 2 and all(_is_comment_line(segments[j].text) for j in rest[:2]):
            for j in rest:
                roles[j] = "other"
            return


def _item_end(segments: Sequence[Segment], roles: list[str], times: Sequence[str | None]) -> None:
    """In a list of items (a comment sheet, replies), the post's text ends at the time line under
    it ("5天前·IP属地：湖南"): what follows is other people's items, and that line is the post's time
    when its header had none."""
    if "body" not in roles:
        return
    first_body = roles.index("body")
    for i in range(first_body + 1, len(segments)):
        if roles[i] in ("body", "chrome") or times[i] is None or _is_label(segments[i].text):
            continue
        previous = next((j for j in range(i - 1, -1, -1) if roles[j] != "chrome"), None)
        if roles[i] not in ("other", "time") or previous is None or roles[previous] != "body":
            return
        h = max(segments[previous].box[3] - segments[previous].box[1], 1)
        if abs(segments[i].box[0] - segments[previous].box[0]) > h:
            continue  # beside the post (a comment panel on a desktop page), not under it
        if sum(len(segments[j].text) for j in range(i) if roles[j] == "body") < 20:
            return
        later_names = any(_name_like(segments[j].text) and roles[j] in ("other", "author")
                          for j in range(i + 1, len(segments)))
        if not later_names:
            return
        if not any(r == "time" for r in roles[:first_body]):
            roles[i] = "time"
        for j in range(i + 1, len(segments)):
            if roles[j] == "body":
                roles[j] = "other"
        return
