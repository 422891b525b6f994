"""Cut OCR lines into segments that each hold one field.

OCR joins boxes that sit close on one row: a type tag and the title ("建议 小区停车难"), a
nickname and the time ("星沙居民 2019-03-1910:31"), two labelled fields ("网友：甲 发布时间：…").
Each piece gets its own share of the line's box (by estimated text width), so the role model
sees one field per segment. Body lines are left whole: a date inside a sentence is not cut out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.intake.lexicon import CHROME_WORDS, LABEL_RE, LEADING_TAG_RE, PROVINCES, TRAILING_CHROME_RE
from bot.intake.post_time import find_times

Box = tuple[int, int, int, int]
# A time splits a line only when the line is short or the time sits at one of its ends.
_SHORT_LINE = 40
_TRAILING_META = ("来自", "发布于", "IP属地", "·", "•", "・", "‧", "编辑于", "回复")


_TRAILING_BADGE_RE = re.compile(r"(?:\s*(?:(?:LV|Lv|lv)\.?\s*\d{1,3}|楼主|吧主|小吧主))+\s*$")


@dataclass(frozen=True)
class Segment:
    text: str
    box: Box  # left, top, right, bottom in image pixels
    line: int  # index of the OCR line it was cut from
    start: int  # offset of its first character in that line's text


def char_width(ch: str) -> float:
    """Width in ems: CJK one em, Latin letters and digits about half, spaces less."""
    if ch == " ":
        return 0.3
    if ord(ch) < 0x2E80:
        return 0.56 if ch.isalnum() else 0.4
    return 1.0


def _cut_points(text: str, forwarded_at: datetime) -> list[int]:
    cuts: set[int] = set()
    # Two labelled fields on one row: cut before every label after the first character.
    for m in LABEL_RE.finditer(text):
        if m.start() > 0 and (text[m.start() - 1] in " \u3000|｜" or not text[: m.start()].strip()):
            cuts.add(m.start())
        # OCR glues a value to the next label when their boxes sit close ("蜗牛留言时间:2025-…",
        # "问政对象：城管局网友：晴天娃娃时间："): in a short line that starts with a label, a label
        # with its colon starts a new field.
        elif m.start() > 0 and len(text) <= _SHORT_LINE and LABEL_RE.match(text):
            cuts.add(m.start())
    if tag := LEADING_TAG_RE.match(text):
        cuts.add(tag.end())
    # A member badge after a nickname ("奋斗的蜗牛88 Lv.8", "老刘 楼主"): the name alone is the author.
    if len(text) <= 30 and (badge := _TRAILING_BADGE_RE.search(text)) and text[: badge.start()].strip():
        cuts.add(badge.start())
    if button := TRAILING_CHROME_RE.search(text):
        if button.start() > 0:
            cuts.add(button.start())
    stripped = text.rstrip()
    for found in find_times(text, forwarded_at):
        before = text[max([c for c in cuts if c <= found.start], default=0) : found.start]
        after = text[found.end :].strip()
        # A short meta line: a name, a date and at most a province ("百姓身边事 9月4日 湖南").
        meta_line = len(stripped) <= 20 and (not after or after.rstrip("省市") in PROVINCES)
        if not ({"clock", "relative"} & found.shown or _full_date(text[found.start : found.end]) or meta_line):
            continue
        # A clock in words at the end of a long stretch of text is part of a sentence that wraps
        # ("…隔壁的工地晚上十一点" / "以后还在打桩"), not a time line.
        if found.shown <= {"clock"} and len(before.strip()) >= 12 and not after:
            continue
        at_end = not after or after.startswith(_TRAILING_META)
        at_start = not before.strip() or _only_label(before)
        if not (at_end or at_start or len(stripped) <= _SHORT_LINE):
            continue
        if before.strip() and not _only_label(before):
            cuts.add(found.start)
        if after and not after.startswith(_TRAILING_META):
            cuts.add(found.end)
        break
    return sorted(c for c in cuts if 0 < c < len(text))


def _full_date(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 6


def _only_label(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and (LABEL_RE.fullmatch(stripped) is not None or LABEL_RE.fullmatch(stripped + "：") is not None)


def split_line(text: str, box: Box, line: int, forwarded_at: datetime) -> list[Segment]:
    """One OCR line → its segments (usually just one)."""
    cuts = _cut_points(text, forwarded_at)
    if not cuts:
        return [Segment(text.strip(), box, line, 0)] if text.strip() else []
    bounds = [0, *cuts, len(text)]
    total = sum(char_width(ch) for ch in text) or 1.0
    left, top, right, bottom = box
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = text[a:b]
        if not piece.strip():
            continue
        x0 = left + (right - left) * sum(char_width(ch) for ch in text[:a]) / total
        x1 = left + (right - left) * sum(char_width(ch) for ch in text[:b]) / total
        offset = a + len(piece) - len(piece.lstrip())
        out.append(Segment(piece.strip(), (int(x0), top, int(x1), bottom), line, offset))
    return out


def split_lines(lines: Sequence[tuple[str, Box]], forwarded_at: datetime) -> list[Segment]:
    """All segments of a page, in the lines' order."""
    out: list[Segment] = []
    for index, (text, box) in enumerate(lines):
        out.extend(split_line(text, box, index, forwarded_at))
    return out


def is_chrome_word(text: str) -> bool:
    return text.strip() in CHROME_WORDS
