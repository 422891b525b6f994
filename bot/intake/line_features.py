"""Per-segment features for the role model: where a segment sits, how big it is, what it looks
like, and the same about its neighbours and its block.

Works with OCR boxes (`has_geometry`) and with plain text (every line one unit high, stacked,
as wide as its text), so that pasted text goes through the same model.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from datetime import datetime

import numpy as np

from bot.intake.lexicon import (
    BARE_LABEL_RE,
    BREADCRUMB_RE,
    CHROME_WORDS,
    COUNTER_ANY_RE,
    COUNTER_RE,
    COUNTER_ROW_RE,
    IP_LOCATION_RE,
    LABEL_KIND,
    LABEL_KINDS,
    LABEL_RE,
    LONG_LABEL_RE,
    PLATFORM_MARKERS,
    STATUS_BAR_RE,
    STATUS_TAGS,
    TRAILING_CHROME_RE,
    TYPE_TAGS,
    UNIT_SUFFIX_RE,
    WECHAT_GROUP_RE,
)
from bot.intake.post_time import find_times
from bot.intake.segments import Segment, char_width

_SENTENCE_END = "。！？!?；;…"
_URL_RE = re.compile(r"(https?://|www\.|\.(com|cn|net)\b)", re.I)
_LONG_DIGITS_RE = re.compile(r"\d{7,}")
_MARKERS = tuple(m for strong, weak in PLATFORM_MARKERS.values() for m in strong)
TEXT_LINE_HEIGHT = 40  # synthetic box height for plain text


def text_boxes(lines: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """Boxes for plain text lines: stacked, one unit high, as wide as the text."""
    h = TEXT_LINE_HEIGHT
    return [(0, i * h * 3 // 2, int(sum(char_width(c) for c in t) * h), i * h * 3 // 2 + h) for i, t in enumerate(lines)]


def _label_kind(text: str) -> tuple[int, int, bool]:
    """(1 + index of the label kind or 0, length of the value after the label, label only)."""
    m = LABEL_RE.match(text) or LONG_LABEL_RE.match(text)
    if m and m.start() == 0:
        return 1 + LABEL_KINDS.index(LABEL_KIND[m.group("label")]), len(text) - m.end(), False
    bare = BARE_LABEL_RE.match(text)
    if bare:
        return 1 + LABEL_KINDS.index(LABEL_KIND[bare.group("label")]), 0, True
    return 0, 0, False


def _char_shares(text: str) -> tuple[float, float, float, float]:
    n = max(len(text), 1)
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in text) / n
    digit = sum(c.isdigit() for c in text) / n
    latin = sum(c.isascii() and c.isalpha() for c in text) / n
    punct = 1.0 - cjk - digit - latin - sum(c.isspace() for c in text) / n
    return cjk, digit, latin, punct


def name_like(text: str) -> bool:
    """A nickname's shape: 2-16 characters (after an @), no sentence punctuation, at most one space."""
    stripped = text.lstrip("@").strip()
    return 2 <= len(stripped) <= 16 and not any(c in stripped for c in "，。！？,.!?：:；;") and stripped.count(" ") <= 1


def row_ids(segments: Sequence[Segment]) -> list[int]:
    """Row id of each segment: segments whose vertical spans overlap by half share a row."""
    order = sorted(range(len(segments)), key=lambda i: (segments[i].box[1] + segments[i].box[3]) / 2)
    row_of = [0] * len(segments)
    row = -1
    last_centre = -1e9
    last_h = 1.0
    for i in order:
        top, bottom = segments[i].box[1], segments[i].box[3]
        centre = (top + bottom) / 2
        if abs(centre - last_centre) > max(min(bottom - top, last_h) / 2, 1):
            row += 1
            last_centre, last_h = centre, max(bottom - top, 1)
        row_of[i] = row
    return row_of


def _blocks(segments: Sequence[Segment], rows: list[int], median_h: float) -> list[int]:
    """Block id: consecutive rows of the same left edge, height and small gaps (a paragraph, a bubble)."""
    block = [0] * len(segments)
    current = 0
    for i in range(1, len(segments)):
        a, b = segments[i - 1].box, segments[i].box
        ha, hb = max(a[3] - a[1], 1), max(b[3] - b[1], 1)
        same = (
            rows[i] != rows[i - 1]
            and abs(a[0] - b[0]) < 0.8 * median_h
            and 0.8 < hb / ha < 1.25
            and b[1] - a[3] < 1.0 * max(ha, hb)
        )
        if not same:
            current += 1
        block[i] = current
    return block


FEATURE_COUNT = 60 + 2 * 12 + 2 * 4 + 2 + 3
# Columns of the own-segment block that the neighbour features repeat.
_H, _CHARS, _BARE, _TIME, _CHROME, _COUNTER, _LARGEST, _NAME = 4, 15, 28, 29, 35, 36, 51, 54


def features(
    segments: Sequence[Segment], size: tuple[int, int] | None, forwarded_at: datetime
) -> np.ndarray:
    """Feature matrix (len(segments) × FEATURE_COUNT); `size` is the image (width, height) or None for text."""
    n = len(segments)
    if n == 0:
        return np.zeros((0, FEATURE_COUNT), dtype=np.float32)
    has_geometry = size is not None
    heights = [max(s.box[3] - s.box[1], 1) for s in segments]
    text_heights = [h for s, h in zip(segments, heights, strict=True) if len(s.text) >= 4] or heights
    median_h = float(statistics.median(text_heights))
    if size is None:
        width = float(max(max(s.box[2] for s in segments), 1))
        height = float(max(max(s.box[3] for s in segments), 1))
    else:
        width, height = float(size[0]), float(size[1])
    lefts = [s.box[0] for s in segments if len(s.text) >= 10]
    body_left = float(statistics.mode(round(x / max(median_h, 1) * 2) for x in lefts)) * median_h / 2 if lefts else 0.0
    rows = row_ids(segments)
    blocks = _blocks(segments, rows, median_h)
    block_chars: dict[int, int] = {}
    block_lines: dict[int, int] = {}
    for seg, b in zip(segments, blocks, strict=True):
        block_chars[b] = block_chars.get(b, 0) + len(seg.text)
        block_lines[b] = block_lines.get(b, 0) + 1
    ranked = sorted(block_chars, key=lambda b: -block_chars[b])
    block_rank = {b: r + 1 for r, b in enumerate(ranked)}
    total_chars = sum(len(s.text) for s in segments) or 1
    row_members: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        row_members.setdefault(r, []).append(i)
    own = np.zeros((n, 60), dtype=np.float32)
    labels = [_label_kind(s.text) for s in segments]
    chars_before = 0
    for i, seg in enumerate(segments):
        text = seg.text
        left, top, right, bottom = seg.box
        h = heights[i]
        times = find_times(text, forwarded_at)
        time_chars = sum(t.end - t.start for t in times)
        cjk, digit, latin, punct = _char_shares(text)
        kind, value_len, bare = labels[i]
        prev_bottom = segments[i - 1].box[3] if i > 0 else 0
        next_top = segments[i + 1].box[1] if i + 1 < n else height
        members = sorted(row_members[rows[i]], key=lambda j: segments[j].box[0])
        b = blocks[i]
        ems = sum(char_width(c) for c in text) or 1.0
        row = [
            float(has_geometry),
            top / height,
            min(top / width, 8.0),
            min((height - bottom) / width, 8.0),
            h / median_h,
            sum(x > h * 1.1 for x in heights) / n,
            left / width,
            right / width,
            (right - left) / width,
            abs((left + right) / 2 - width / 2) / width,
            min(abs(left - body_left) / median_h, 10.0),
            max(min((top - prev_bottom) / median_h, 10.0), -2.0) if i > 0 else 10.0,
            max(min((next_top - bottom) / median_h, 10.0), -2.0) if i + 1 < n else 10.0,
            float(len(members)),
            float(members.index(i)),
            math.log1p(len(text)),
            cjk,
            digit,
            latin,
            punct,
            float(text[-1] in _SENTENCE_END),
            *[float(kind == k + 1) for k in range(len(LABEL_KINDS))],
            math.log1p(value_len),
            float(bare),
            float(bool(times)),
            time_chars / max(len(text), 1),
            float(any("relative" in t.shown for t in times)),
            float(any("clock" in t.shown for t in times)),
            float(text.startswith("@")),
            float(text.count("#")),
            float(text in CHROME_WORDS),
            float(bool(COUNTER_RE.match(text) or COUNTER_ROW_RE.match(text))),
            float(bool(COUNTER_ANY_RE.search(text))),
            float(text in STATUS_TAGS),
            float(text in TYPE_TAGS or text.strip("【】[]") in TYPE_TAGS),
            float(any(m in text for m in _MARKERS)),
            float(bool(UNIT_SUFFIX_RE.search(text)) and len(text) <= 30),
            float(bool(BREADCRUMB_RE.search(text))),
            float(bool(_URL_RE.search(text))),
            float(bool(_LONG_DIGITS_RE.search(text))),
            float(bool(STATUS_BAR_RE.match(text)) and len(text) <= 16),
            math.log1p(block_chars[b]),
            float(block_lines[b]),
            float(min(block_rank[b], 10)),
            block_chars[b] / total_chars,
            float(i == 0 or blocks[i - 1] != b),
            float(block_rank[b] == 1),
            i / n,
            chars_before / total_chars,
            float(name_like(text)),
            float(bool(WECHAT_GROUP_RE.search(text))),
            float(bool(IP_LOCATION_RE.search(text))),
            float(bool(TRAILING_CHROME_RE.search(text))),
            float(all(not c.isalnum() and not ("\u4e00" <= c <= "\u9fff") for c in text)),
            min((right - left) / (ems * h), 4.0),
        ]
        own[i, : len(row)] = row
        chars_before += len(text)
    # Neighbours: what the previous and next segments are (a value cell after a label cell,
    # a nickname above the largest bubble, a time under a name).
    neighbour = np.zeros((n, 2 * 12), dtype=np.float32)
    for i in range(n):
        for slot, j in enumerate((i - 1, i + 1)):
            if 0 <= j < n:
                o = own[j]
                neighbour[i, slot * 12 : slot * 12 + 12] = [
                    1.0, o[_H], o[_CHARS], o[_BARE], o[_TIME], labels[j][0], o[_CHROME], o[_COUNTER], o[_NAME], o[_LARGEST],
                    float(blocks[j] == blocks[i]),
                    float(rows[j] == rows[i]),
                ]
    far = np.zeros((n, 2 * 4), dtype=np.float32)
    for i in range(n):
        for slot, j in enumerate((i - 2, i + 2)):
            if 0 <= j < n:
                far[i, slot * 4 : slot * 4 + 4] = [1.0, own[j, _H], own[j, _CHARS], own[j, _TIME]]
    # The label cell to the left on the same row, or right above: tables put values there.
    cell = np.zeros((n, 2), dtype=np.float32)
    for i in range(n):
        members = sorted(row_members[rows[i]], key=lambda j: segments[j].box[0])
        position = members.index(i)
        if position > 0:
            cell[i, 0] = labels[members[position - 1]][0] if labels[members[position - 1]][2] else 0
        above = [j for j in range(i) if rows[j] == rows[i] - 1]
        if above and labels[above[0]][2]:
            cell[i, 1] = labels[above[0]][0]
    # The post's author line ("@name", a label "网友：") comes right before its text; a
    # commenter's bare name does not. And the first long line of a page is often the post.
    extra = np.zeros((n, 3), dtype=np.float32)
    first_long = next((i for i, seg in enumerate(segments) if len(seg.text) >= 12), -1)
    for i in range(n):
        extra[i, 0] = float(i > 0 and segments[i - 1].text.startswith(("@", "＠")))
        extra[i, 1] = float(i > 0 and labels[i - 1][0] == 1 + LABEL_KINDS.index("author"))
        extra[i, 2] = float(i == first_long)
    return np.hstack([own, neighbour, far, cell, extra])
