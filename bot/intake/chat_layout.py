"""A chat screenshot (a WeChat or WeCom group, a one-to-one chat, a forwarded chat history) as
messages, and the citizen's post as one of them.

Duty staff often screenshot the chat where someone pasted the post. A chat page has a shape of its
own, whatever the app: timestamps centred on the page, each message a nickname at one left edge
with its bubble's lines below it, indented a little (or aligned with the member badges printed
before the nickname). The post is the longest message, with the bubbles its sender sent right
around it; its author is the nickname above it and its time the last centred timestamp above that.
A desktop client's chat list, left of the chat, is set aside first. A first bubble line
in 【】 is the post's title, as people paste "【title】text".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.intake.lexicon import MEMBER_BADGE_RE, WECHAT_GROUP_RE
from bot.intake.line_features import row_ids
from bot.intake.post_time import find_times
from bot.intake.segments import Segment

# A timestamp counts as centred within this share of the width from the page's centre.
CENTRE_TOLERANCE = 0.08
# Nicknames share one left edge within this share of the width.
EDGE_TOLERANCE = 0.025
MIN_NAMES = 2
# The post is a message of at least this many characters.
MIN_POST_CHARS = 20
# A message that breaks off after one of these goes on in the next bubble.
CLAUSE_ENDS = frozenset("，,、；;：:")


@dataclass(frozen=True)
class _Message:
    name: int  # index of the nickname segment
    lines: list[int]  # indexes of the bubble's segments
    stamp: int | None  # index of the last centred timestamp above it

    def chars(self, segments: Sequence[Segment]) -> int:
        return sum(len(segments[i].text) for i in self.lines)


def _is_timestamp(text: str, forwarded_at: datetime) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 20:
        return False
    found = find_times(stripped, forwarded_at)
    covered = sum(m.end - m.start for m in found)
    return bool(found) and covered >= 0.7 * len(stripped.replace(" ", ""))


def _name_like(text: str) -> bool:
    name = text.strip()
    return 2 <= len(name) <= 16 and not any(c in name for c in "，。！？,.!?；;：:【】")


def _post_roles(
    segments: Sequence[Segment], roles: Sequence[str], author: int, stamp: int | None, lines: Sequence[int]
) -> list[str]:
    """The page's roles once its post is found: the post's author, time and lines; other for the
    rest (chrome stays chrome). A first line in 【】 is the title, which may wrap over several lines
    and ends at the closing bracket (no closing bracket: no title, all body)."""
    out = ["chrome" if r == "chrome" else "other" for r in roles]
    out[author] = "author"
    if stamp is not None:
        out[stamp] = "time"
    body = list(lines)
    if body and segments[body[0]].text.lstrip().startswith(("【", "[")):
        closing = next((n for n, i in enumerate(body) if "】" in segments[i].text or "]" in segments[i].text), None)
        if closing is not None:
            for i in body[: closing + 1]:
                out[i] = "title"
            body = body[closing + 1 :]
    for i in body:
        out[i] = "body"
    return out


def chat_roles(
    segments: Sequence[Segment], roles: Sequence[str], size: tuple[int, int] | None, forwarded_at: datetime
) -> list[str] | None:
    """Roles for a chat screenshot (author, time, title, body for the post; other for the rest;
    chrome stays chrome), or None when the page is not a chat. A desktop client's chat list (a
    column of names, last messages and times left of the chat) is set aside first."""
    if size is None or len(segments) < 4:
        return None
    split = _pane_split(segments, size)
    if split is not None:
        pane = [i for i, seg in enumerate(segments) if seg.box[0] >= split]
        shifted = [replace(segments[i], box=(segments[i].box[0] - split, segments[i].box[1],
                                             segments[i].box[2] - split, segments[i].box[3])) for i in pane]
        found = _chat_roles(shifted, [roles[i] for i in pane], (size[0] - split, size[1]), forwarded_at)
        if found is not None and "body" in found:
            out = ["chrome" if r == "chrome" else "other" for r in roles]
            for i, role in zip(pane, found, strict=True):
                out[i] = role
            return out
    return _chat_roles(segments, roles, size, forwarded_at)


# A desktop chat client's list pane ends within this share of the width, and holds at least this
# many lines.
PANE_MAX_SHARE = 0.45
PANE_MIN_LINES = 8


def _pane_split(segments: Sequence[Segment], size: tuple[int, int]) -> int | None:
    """The x where a desktop page splits into a list pane and a chat pane: the widest vertical gap
    in the left part of the page that no line crosses, with a column of lines left of it."""
    width, height = size
    if width <= height:
        return None
    spans = sorted((seg.box[0], seg.box[2]) for seg in segments if seg.box[2] - seg.box[0] < 0.9 * width)
    best: tuple[int, int] | None = None  # (gap, x)
    reach = 0
    for left, right in spans:
        if left > reach and 0.1 * width < left < PANE_MAX_SHARE * width and reach > 0:
            gap = left - reach
            if best is None or gap > best[0]:
                best = (gap, int(left))
        reach = max(reach, right)
    if best is None or best[0] < 0.012 * width:
        return None
    x = best[1]
    if sum(seg.box[2] <= x for seg in segments) < PANE_MIN_LINES:
        return None
    return x - 1


def _chat_roles(
    segments: Sequence[Segment], roles: Sequence[str], size: tuple[int, int], forwarded_at: datetime
) -> list[str] | None:
    width = size[0]
    centre = width / 2
    # A chat's timestamp is a line of its own (a time cut out of a sentence may happen to sit
    # in the middle of the page).
    per_line: dict[int, int] = {}
    for seg in segments:
        per_line[seg.line] = per_line.get(seg.line, 0) + 1
    stamps = [
        i for i, seg in enumerate(segments)
        if per_line[seg.line] == 1 and _is_timestamp(seg.text, forwarded_at)
        and abs((seg.box[0] + seg.box[2]) / 2 - centre) <= CENTRE_TOLERANCE * width
    ]
    header = any(WECHAT_GROUP_RE.search(seg.text) for seg in segments)
    if not stamps or (len(stamps) < 2 and not header):
        return _item_list(segments, roles, size, forwarded_at)
    stamp_set = set(stamps)
    # Nicknames: short lines in the left half whose left edges agree, each with a line under it.
    rows = row_ids(segments)
    badges = [j for j, seg in enumerate(segments) if MEMBER_BADGE_RE.match(seg.text.strip(" ·•・‧"))]

    def badges_before(i: int) -> list[int]:  # "LV44 管理员 麓山枫": a member's badges before the name
        return [j for j in badges if rows[j] == rows[i] and segments[j].box[2] <= segments[i].box[0]]

    candidates = [
        i for i, seg in enumerate(segments)
        if i not in stamp_set and (roles[i] != "chrome" or badges_before(i)) and _name_like(seg.text)
        and not MEMBER_BADGE_RE.match(seg.text.strip()) and seg.box[0] < centre and i + 1 < len(segments)
    ]
    if len(candidates) < MIN_NAMES:
        return _one_to_one(segments, roles, size, stamps)
    # The nicknames' edge is the leftmost edge two candidates share: bubble text is indented
    # from it by the bubble's padding, which may be less than a character.
    heights = sorted(max(segments[i].box[3] - segments[i].box[1], 1) for i in candidates)
    tolerance = min(EDGE_TOLERANCE * width, 0.3 * heights[len(heights) // 2])
    # A nickname's row starts at the badges printed before it ("LV44 管理员 麓山枫" in a QQ group):
    # the bubble below is aligned with the row's start, not with the name.
    row_left = {i: min([segments[i].box[0], *(segments[j].box[0] for j in badges_before(i))]) for i in candidates}
    lefts = sorted(row_left.values())
    edge = next((x for n, x in enumerate(lefts[:-1]) if lefts[n + 1] - x <= tolerance), None)
    if edge is None:
        return _one_to_one(segments, roles, size, stamps)
    names = [i for i in candidates if edge <= row_left[i] <= edge + tolerance]
    if len(names) < MIN_NAMES:
        return _one_to_one(segments, roles, size, stamps)
    name_set = set(names)
    messages: list[_Message] = []
    last_stamp: int | None = None
    current: _Message | None = None
    for i, seg in enumerate(segments):
        if i in stamp_set:
            last_stamp = i
            current = None
            continue
        if i in name_set:
            current = _Message(i, [], last_stamp)
            messages.append(current)
            continue
        # A bubble line starts at or right of the nickname's edge; an avatar sits left of it,
        # and one's own messages (no nickname) sit on the right.
        if current is not None and roles[i] != "chrome" and seg.box[0] >= edge - tolerance:
            current.lines.append(i)
    post = max(messages, key=lambda m: m.chars(segments), default=None)
    if post is None or post.chars(segments) < MIN_POST_CHARS or not post.lines:
        # Lines that looked like nicknames but carry no post under them: a one-to-one chat.
        return _one_to_one(segments, roles, size, stamps)
    first, lines = _same_sender_run(segments, messages, messages.index(post))
    return _post_roles(segments, roles, first.name, first.stamp, lines)


def _same_sender_run(segments: Sequence[Segment], messages: Sequence[_Message], at: int) -> tuple[_Message, list[int]]:
    """The post with the bubbles its sender sent right before and after it: a long paste often
    arrives as two or more messages. A neighbour joins when it has the same nickname and the same
    timestamp above it, and the earlier of the two breaks off after a comma or both are long; a
    message that opens with 【title】 or @someone starts a post of its own."""
    def name(m: _Message) -> str:
        return "".join(segments[m.name].text.split())

    def joins(earlier: _Message, later: _Message) -> bool:
        if name(earlier) != name(later) or earlier.stamp != later.stamp or not earlier.lines or not later.lines:
            return False
        if segments[later.lines[0]].text.lstrip().startswith(("【", "[", "@", "＠")):
            return False
        ends = segments[earlier.lines[-1]].text.rstrip()[-1:]
        long = min(earlier.chars(segments), later.chars(segments)) >= MIN_POST_CHARS
        return ends in CLAUSE_ENDS or long

    begin = end = at
    while begin > 0 and joins(messages[begin - 1], messages[begin]):
        begin -= 1
    while end + 1 < len(messages) and joins(messages[end], messages[end + 1]):
        end += 1
    return messages[begin], [i for m in messages[begin:end + 1] for i in m.lines]


# The chat's title bar (the other person's name in a one-to-one chat) sits in this top share.
TITLE_BAR_SHARE = 0.12


def _one_to_one(
    segments: Sequence[Segment], roles: Sequence[str], size: tuple[int, int], stamps: list[int]
) -> list[str] | None:
    """A one-to-one chat: no nicknames over the bubbles; the other person is the name in the title
    bar, their bubbles start at the leftmost text edge (after the avatar), and the post is the
    longest run of their lines."""
    width, height = size
    centre = width / 2
    top_band = TITLE_BAR_SHARE * min(height, width * 2.3)
    titles = [i for i, seg in enumerate(segments)
              if seg.box[3] <= top_band and _name_like(seg.text) and i not in stamps
              and abs((seg.box[0] + seg.box[2]) / 2 - centre) <= CENTRE_TOLERANCE * width
              and not any(ch.isdigit() for ch in seg.text)]
    if not titles or not stamps:
        return None
    title = titles[0]
    stamp_set = set(stamps)
    lines = [i for i, seg in enumerate(segments) if i > title and i not in stamp_set and roles[i] != "chrome"
             and len(seg.text) >= 4 and seg.box[0] < centre]
    if not lines:
        return None
    heights = sorted(max(segments[i].box[3] - segments[i].box[1], 1) for i in lines)
    tolerance = 0.6 * heights[len(heights) // 2]
    edge = min(segments[i].box[0] for i in lines)
    runs: list[list[int]] = []
    for i in range(title + 1, len(segments)):
        at_edge = i not in stamp_set and roles[i] != "chrome" and abs(segments[i].box[0] - edge) <= tolerance
        # Lines of one bubble follow each other closely; the next bubble starts after a gap.
        gap = segments[i].box[1] - segments[i - 1].box[3]
        if at_edge and runs and runs[-1][-1] == i - 1 and gap <= tolerance / 0.6 * 0.8:
            runs[-1].append(i)
        elif at_edge:
            runs.append([i])
    post = max(runs, key=lambda run: sum(len(segments[i].text) for i in run), default=[])
    if sum(len(segments[i].text) for i in post) < MIN_POST_CHARS:
        return None
    above = [i for i in stamps if i < post[0]]
    return _post_roles(segments, roles, title, above[-1] if above else None, post)


MIN_ITEMS = 3
LONG_LINE = 15


def _item_list(
    segments: Sequence[Segment], roles: Sequence[str], size: tuple[int, int], forwarded_at: datetime
) -> list[str] | None:
    """A list of items, each headed by a row with a nickname on the left and its time on the right
    (a forwarded chat history, "XX群的聊天记录"): the post is the item with the most text. Only a
    page that starts with the list counts: a post followed by its comments is not one."""
    width = size[0]
    centre = width / 2
    heads: list[tuple[int, int]] = []  # (name index, time index)
    for i, seg in enumerate(segments):
        if roles[i] == "chrome" or not _name_like(seg.text) or seg.box[2] > centre or _is_timestamp(seg.text, forwarded_at):
            continue
        h = max(seg.box[3] - seg.box[1], 1)
        partner = [j for j in range(max(0, i - 2), min(len(segments), i + 3))
                   if j != i and segments[j].box[0] > centre and abs(segments[j].box[1] - seg.box[1]) <= 0.6 * h
                   and _is_timestamp(segments[j].text, forwarded_at)]
        if partner:
            heads.append((i, partner[0]))
    if len(heads) < MIN_ITEMS:
        return None
    first = min(min(pair) for pair in heads)
    if any(len(segments[i].text) >= LONG_LINE and roles[i] != "chrome" for i in range(first)):
        return None
    head_rows = {i for pair in heads for i in pair}
    items: list[tuple[int, int, list[int]]] = []
    for n, (name, stamp) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(segments)
        lines = [i for i in range(max(name, stamp) + 1, end) if i not in head_rows and roles[i] != "chrome"]
        items.append((name, stamp, lines))
    # Each message of a chat history has text under its head; a table of titles and dates (a
    # portal's list of letters, one of them opened) has rows with nothing under them.
    below = [any(segments[i].box[1] >= segments[name].box[3] for i in lines) for name, _stamp, lines in items]
    if 2 * sum(below) < len(items):
        return None
    name, stamp, lines = max(items, key=lambda item: sum(len(segments[i].text) for i in item[2]))
    if sum(len(segments[i].text) for i in lines) < MIN_POST_CHARS:
        return None
    return _post_roles(segments, roles, name, stamp, lines)
