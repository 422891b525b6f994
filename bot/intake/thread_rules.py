"""Threads, reposts and Q&A pages: where the post ends and who wrote it.

Forum threads (贴吧) print each floor's line ("1楼 10-14 08:04 来自iPhone客户端") under its text and mark
the poster's nickname with a 楼主 badge; a 微博 repost quotes its original in a box headed "@原作者："
with its own time; a Q&A page (百度知道) prints the asker and the time under the question. Each function
takes the segments and their roles and returns new roles (or the page unchanged).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from bot.intake.line_features import name_like, row_ids
from bot.intake.post_time import find_times
from bot.intake.segments import Segment

# A thread's floor line under each post ("1楼 10-14 08:04 来自iPhone客户端", 贴吧 and forums).
FLOOR_RE = re.compile(r"^\s*(?P<floor>\d{1,4})\s*楼")


def is_floor_line(text: str, forwarded_at: datetime) -> bool:
    """"1楼", "2楼 · 10-14 08:04 来自iPhone客户端": a floor and its meta, not a sentence that starts
    with a storey ("12楼的住户反映…", "1楼门面占道")."""
    m = FLOOR_RE.match(text)
    if m is None:
        return False
    rest = text[m.end() :].strip(" ·•・‧|｜")
    if not rest:
        return True
    found = find_times(rest, forwarded_at)
    if found and found[0].start == 0:
        rest = rest[found[0].end :].strip(" ·•・‧|｜")
    return not rest or rest.startswith(("来自", "IP属地", "回复", "湖南"))


def end_at_floor(segments: Sequence[Segment], roles: list[str], forwarded_at: datetime) -> list[str]:
    """In a thread, the first floor line under the post's text ends the post: the floors below are
    other people's replies. The time on a 1楼 line is the post's own."""
    body = [i for i, r in enumerate(roles) if r == "body"]
    if len(body) < 2:
        return roles
    rows = row_ids(segments)
    floor = next((i for i in range(body[0] + 1, len(segments)) if is_floor_line(segments[i].text, forwarded_at)
                  and all(j == i or rows[j] != rows[i] or segments[j].box[0] > segments[i].box[0]
                          for j in range(len(segments)))), None)
    if floor is None:
        return roles
    row = [j for j in range(len(segments)) if rows[j] == rows[floor]]
    out = roles[:floor] + [r if r == "chrome" else "other" for r in roles[floor:]]
    if FLOOR_RE.match(segments[floor].text)["floor"] == "1" and "time" not in roles[:body[0]]:  # type: ignore[index]
        for j in row:
            if find_times(FLOOR_RE.sub("", segments[j].text), forwarded_at):
                out[j] = "time"
                break
    return out




def op_author(segments: Sequence[Segment], roles: list[str]) -> list[str]:
    """A thread marks its poster's nickname with a 楼主 badge, beside it or under it: the first such
    nickname is the post's author. A line taken for the author before, above the post's text, is then
    the thread's title (a desktop forum prints it over the floors)."""
    badge = next((i for i, seg in enumerate(segments) if seg.text.strip() == "楼主"), None)
    if badge is None:
        return roles
    b = segments[badge].box
    height = b[3] - b[1]

    def beside_or_over(j: int) -> bool:
        s = segments[j].box
        beside = abs((s[1] + s[3]) / 2 - (b[1] + b[3]) / 2) <= height and -0.5 * height <= b[0] - s[2] <= 3 * height
        over = 0 <= b[1] - s[3] <= 1.5 * height and abs(s[0] - b[0]) <= 2 * height  # left-aligned above it
        return beside or over

    names = [j for j in range(len(segments)) if j != badge and name_like(segments[j].text) and beside_or_over(j)
             and not FLOOR_RE.match(segments[j].text) and roles[j] != "label"]
    if not names:
        return roles
    author = min(names, key=lambda j: abs(segments[j].box[3] - b[1]) + abs(segments[j].box[0] - b[0]))
    if roles[author] == "author":
        return roles
    out = list(roles)
    first_body = roles.index("body") if "body" in roles else len(roles)
    for j, r in enumerate(roles):
        if r == "author":
            out[j] = "title" if j < first_body and len(segments[j].text.strip()) >= 6 and "title" not in roles else "other"
    out[author] = "author"
    return out


# The original post quoted inside a repost, headed by its author: "@Amy_24：冷水滩区…".
QUOTED_HEAD_RE = re.compile(r"^\s*[@＠](?P<name>[^\s@＠:：]{1,20})\s*[:：]\s*(?=\S)")


def quoted_original(segments: Sequence[Segment], roles: list[str],
                     forwarded_at: datetime) -> tuple[str, list[str]] | None:
    """A repost (微博 转发): the reposter's words ("转发扩散//@甲:…") over the original, quoted as
    "@原作者：…" in an indented box with its own time under it. The original is the citizen's post:
    its author is the quoted name, its text the box's lines, its time the line under the box.
    Returns (author, roles) or None when the page quotes nothing."""
    body = [i for i, r in enumerate(roles) if r == "body"]
    if not body:
        return None
    # The box starts the post's text, or follows the reposter's words within a few lines (the layout
    # rules may have set it aside as another item).
    head = next((i for i in range(body[0], min(body[0] + 4, len(segments)))
                 if roles[i] in ("body", "other") and QUOTED_HEAD_RE.match(segments[i].text)), None)
    if head is None or head == body[0] and not any(r in ("author", "time") for r in roles[:head]):
        return None
    left = segments[head].box[0]
    height = segments[head].box[3] - segments[head].box[1]
    block = [head]
    for j in range(head + 1, len(segments)):
        if roles[j] == "chrome":
            continue
        if roles[j] not in ("body", "other") or abs(segments[j].box[0] - left) > 1.5 * height:
            break
        block.append(j)
    after = block[-1] + 1
    while after < len(segments) and roles[after] == "chrome":
        after += 1
    stamp = after if after < len(segments) and find_times(segments[after].text, forwarded_at) else None
    if stamp is None or len(block) < 2:
        return None  # an @mention inside someone's text, not a quoted box with its own time
    out = ["chrome" if r == "chrome" else "other" for r in roles]
    for j in block:
        out[j] = "body"
    out[stamp] = "time"
    match = QUOTED_HEAD_RE.match(segments[head].text)
    assert match is not None
    return match["name"], out


def byline_below(segments: Sequence[Segment], roles: list[str], forwarded_at: datetime) -> list[str]:
    """A question or note with its asker and time printed under its text ("湘江边的老王 | 2024-12-12
    17:04  浏览9516次", 百度知道), and nothing of the kind above it: that row gives the author and the
    time, and ends the post (the answers below are other people's)."""
    if "author" in roles or "time" in roles:
        return roles
    body = [i for i, r in enumerate(roles) if r == "body"]
    if len(body) < 2:
        return roles
    rows = row_ids(segments)
    for t in range(body[0] + 1, len(segments)):
        text = segments[t].text.strip()
        found = find_times(text, forwarded_at)
        if not found or found[0].start > 0 or len(text) - found[0].end > 12:
            continue
        names = [j for j in range(len(segments)) if rows[j] == rows[t] and segments[j].box[2] <= segments[t].box[0] + 4
                 and name_like(segments[j].text.strip(" |｜·")) and roles[j] != "chrome"]
        if not names:
            return roles  # the first time under the text is no byline: leave the page as it is
        name = max(names, key=lambda j: segments[j].box[2])
        out = roles[:t] + ["chrome" if r == "chrome" else "other" for r in roles[t:]]
        out[name], out[t] = "author", "time"
        return out
    return roles
