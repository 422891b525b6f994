"""A portal's list of letters with one of them opened in place.

Government portals (市长信箱, 书记信箱, 部门信箱) list letters as rows: the letter's title on the
left, its date on the right, often a status column (已办结); clicking a row opens the letter under
it (来信人, the text, the office's reply) while the other rows stay closed. Duty staff screenshot
the page with the letter open. The post is the opened row: its title, its date and the lines under
it, not the list's first row nor the portal's name at the top.

A forwarded chat history has rows of the same shape (a nickname left, a time right) but text under
every row: that is chat_layout's, and this module leaves it alone by asking that most rows have
nothing under them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.intake.lexicon import LABEL_KIND, LABEL_RE
from bot.intake.line_features import row_ids
from bot.intake.post_time import find_times
from bot.intake.segments import Segment

# At least this many rows make a list.
MIN_ROWS = 3
# A row's title has at least this many characters ("朝阳巷红绿灯时长设置不合理").
MIN_TITLE_CHARS = 4
# The opened letter holds at least this many characters.
MIN_LETTER_CHARS = 20
# Lines of the opened letter start at the titles' left edge, give or take this many line heights
# (a portal's left menu, further left, and the taskbar's clock, far right, are not the letter).
EDGE_HEIGHTS = 2.0
# Roles a line under the opened row keeps from the layout rules (来信人：…, 留言对象：…, a date line);
# any other line there is the letter's text.
KEPT_ROLES = frozenset({"author", "time", "unit", "label"})
# The role of a labelled line by its label's kind (lexicon.LABELS); a meta label ("办理状态") is other.
LABEL_ROLES = {"title": "title", "author": "author", "time": "time", "unit": "unit", "body": "body"}


def _is_date(text: str, forwarded_at: datetime) -> bool:
    stripped = "".join(text.split())
    found = find_times(stripped, forwarded_at)
    return bool(found) and sum(m.end - m.start for m in found) >= 0.7 * len(stripped)


def opened_row_roles(
    segments: Sequence[Segment], roles: Sequence[str], size: tuple[int, int] | None, forwarded_at: datetime
) -> list[str] | None:
    """Roles with the opened row as the post (its title, its date as the time, the lines under it
    as author/label/body as the layout rules read them; other for the rest of the list, chrome
    stays chrome), or None when the page is not such a list."""
    if size is None or len(segments) < MIN_ROWS * 2:
        return None
    centre = size[0] / 2
    rows = row_ids(segments)
    heads: list[tuple[int, int]] = []  # (title index, date index), top to bottom
    for j, seg in enumerate(segments):
        if seg.box[0] <= centre or not _is_date(seg.text, forwarded_at):
            continue
        titles = [i for i, other in enumerate(segments)
                  if rows[i] == rows[j] and other.box[2] <= centre and roles[i] != "chrome"
                  and len(other.text.strip(" ·•・▼▶>")) >= MIN_TITLE_CHARS]
        if titles:  # the title is the cell nearest the date (a menu may sit further left on the row)
            heads.append((max(titles, key=lambda i: segments[i].box[2]), j))
    heads.sort(key=lambda pair: segments[pair[0]].box[1])
    if len(heads) < MIN_ROWS:
        return None
    left = min(segments[t].box[0] for t, _ in heads)
    height = sorted(segments[t].box[3] - segments[t].box[1] for t, _ in heads)[len(heads) // 2]
    # The dates make a column of their own: a sidebar of other posts (a title line, its date under
    # it) beside a post's detail pairs its dates with the detail's lines by chance.
    dates = {d for _, d in heads}
    date_left = sorted(segments[d].box[0] for d in dates)[len(dates) // 2]
    first, last = segments[heads[0][0]].box[1], segments[heads[-1][0]].box[3]
    if any(abs(seg.box[0] - date_left) <= height and first <= seg.box[1] < last and i not in dates
           for i, seg in enumerate(segments)):
        return None
    head_rows = {rows[t] for t, _ in heads}
    under: list[list[int]] = []
    for n, (title, _date) in enumerate(heads):
        top = segments[title].box[3]
        bottom = segments[heads[n + 1][0]].box[1] if n + 1 < len(heads) else float("inf")
        # Rows that start at the titles' edge, each whole (OCR may cut "问政对象：… 网友：… 时间：…" in three).
        letter_rows = {rows[i] for i, seg in enumerate(segments)
                       if rows[i] not in head_rows and top <= seg.box[1] < bottom
                       and abs(seg.box[0] - left) <= EDGE_HEIGHTS * height}
        under.append([i for i, seg in enumerate(segments) if rows[i] in letter_rows and roles[i] != "chrome"
                      and seg.box[0] >= left - EDGE_HEIGHTS * height])
    chars = [sum(len(segments[i].text) for i in lines) for lines in under]
    opened = max(range(len(heads)), key=lambda n: chars[n])
    # Closed rows have nothing under them at all: a chat history's short messages ("收到") still count.
    closed = sum(not lines for lines in under)
    if chars[opened] < MIN_LETTER_CHARS or 2 * closed < len(heads):
        return None
    out = ["chrome" if r == "chrome" else "other" for r in roles]
    title, date = heads[opened]
    out[title] = "title"
    out[date] = "time"
    for i in under[opened]:
        out[i] = _letter_role(segments[i].text, roles[i])
    return out


def _letter_role(text: str, role: str) -> str:
    """A line of the opened letter: what its label says it is ("网友：…" the author, "答复时间：…"
    other), else the layout rules' role for a field line, else the letter's text."""
    if m := LABEL_RE.match(text.strip()):
        return LABEL_ROLES.get(LABEL_KIND[m.group("label")], "other")
    return role if role in KEPT_ROLES else "body"
