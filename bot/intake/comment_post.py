"""The citizen's post as a comment under someone else's post.

Citizens often complain in the comments under a news account's video or 微博 (a caption such as
"株洲市发布供水管网改造计划…"), and duty staff screenshot the comment. The page's own post is then
not a complaint: it neither speaks in the first person nor asks for anything. A comment that does
both (or either, at length), and says more than the page's post, is the citizen's post: its text,
the nickname above it and the time line under it.

Only the wording decides here, the layout having placed the page's post; a page whose post is a
complaint is left as it is, whatever its comments say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from bot.intake.lexicon import REPLY_OPENER_RE
from bot.intake.line_features import name_like
from bot.intake.post_time import find_times
from bot.intake.segments import Segment

FIRST_PERSON_RE = re.compile("我|咱|本人|俺")
# An office speaks of itself in the first person too ("我局立即会同…"): that is a reply.
OFFICE_SELF_RE = re.compile("我(?:局|委|办|单位|中心|所|院|部门|们将|司)")
REQUEST_RE = re.compile(
    r"恳请|希望|请求|呼吁|盼|尽快|投诉|举报|麻烦.{0,6}(?:部门|领导|管)"
    r"|请.{0,8}(?:部门|领导|政府|处理|解决|核实|调查|整治|协调|查处|回复|关注)"
)
# A comment shorter than this is chatter ("顶一下", "我家也是"), however it is worded.
MIN_COMMENT_CHARS = 30
# A comment's time line, its nickname and device included ("路人甲 2024-08-18 20:55 来自 vivo X100").
STAMP_MAX_CHARS = 40


def complains(text: str) -> bool:
    """Whether `text` reads as a citizen's complaint: the first person or a request, not an office's reply."""
    text = text.strip()
    if REPLY_OPENER_RE.match(text) or OFFICE_SELF_RE.search(text):
        return False
    return bool(FIRST_PERSON_RE.search(text) or REQUEST_RE.search(text))


def _is_stamp(text: str, forwarded_at: datetime) -> bool:
    return len(text) <= STAMP_MAX_CHARS and bool(find_times(text, forwarded_at))


def comment_roles(segments: Sequence[Segment], roles: Sequence[str], forwarded_at: datetime) -> list[str] | None:
    """Roles with a complaining comment as the post (author, time, body; the page's own post
    becomes other), or None when the page's post is itself a complaint or no comment is one."""
    body = [i for i, r in enumerate(roles) if r == "body"]
    if not body:
        return None
    page_post = "".join(segments[i].text for i in body)
    if complains(page_post):
        return None
    # Comments below the page's post: runs of lines between nickname and time lines.
    items: list[list[int]] = []
    current: list[int] = []
    named = False  # a nickname line opened the comment being read
    for i in range(body[-1] + 1, len(segments)):
        text = segments[i].text.strip()
        if roles[i] == "chrome":
            continue
        # Time lines, avatars read as one letter and lines of another role end a comment.
        if roles[i] != "other" or len(text) < 2 or _is_stamp(text, forwarded_at):
            if current:
                items.append(current)
            current, named = [], False
            continue
        # A name-like line opens a comment; right under a nickname, or later in a comment, it is
        # the comment's text (a short first line, a wrapped last line without a full stop).
        if name_like(text) and not current and not named:
            named = True
            continue
        current.append(i)
    if current:
        items.append(current)
    texts = ["".join(segments[i].text for i in item) for item in items]
    found = [(len(text), item) for text, item in zip(texts, items, strict=True)
             if len(text) >= MIN_COMMENT_CHARS and len(text) > len(page_post) and complains(text)]
    if not found:
        return None
    _, item = max(found, key=lambda pair: pair[0])
    out = ["chrome" if r == "chrome" else "other" for r in roles]
    for i in item:
        out[i] = "body"
    # The nickname: the nearest name line above the comment (an avatar read as one letter is skipped).
    for i in range(item[0] - 1, max(item[0] - 4, -1), -1):
        if name_like(segments[i].text) and not _is_stamp(segments[i].text, forwarded_at) and roles[i] != "chrome":
            out[i] = "author"
            break
    # The time: the first time line under it, before the next comment begins.
    for i in range(item[-1] + 1, min(item[-1] + 3, len(segments))):
        if _is_stamp(segments[i].text, forwarded_at):
            out[i] = "time"
            break
    return out
