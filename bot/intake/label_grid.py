"""A form or detail table with its labels set above their values.

Portals print a post as a grid of small grey labels over the values ("诉求人 | 诉求时间 | 诉求渠道"
on one row, "刘同志 | 2025-03-26 | APP" under it; "诉求内容" over the paragraph). Read line by line,
the values look like short body lines and the labels like a header. Each bare label names its
value: the line right under it, starting at the same left edge; a body label's value is the whole
paragraph under it, down to the next label.

Once two or more labels have their values under them, the grid is the page's post: a title, author,
time or text the layout rules found elsewhere on the page (the portal's name, a nav row) is not.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.intake.lexicon import BARE_LABEL_RE, LABEL_KIND
from bot.intake.segments import Segment

# A value starts at its label's left edge within this many label heights and its top is at most
# this many label heights under the label's bottom.
EDGE_HEIGHTS = 0.8
GAP_HEIGHTS = 1.2
# Labels with their values under them that make a grid.
MIN_LABELS = 2
# The role of a value by its label's kind (lexicon.LABELS); a meta value (办理状态, 办理结果) is other.
VALUE_ROLES = {"title": "title", "author": "author", "time": "time", "unit": "unit", "body": "body"}
FIELD_ROLES = frozenset(VALUE_ROLES.values())
# In a hotline's or portal's record these name the unit the case was handed to, in the office's
# part of the record (with 办理状态 and 答复时间), not the one the citizen addressed.
HANDLING_LABELS = frozenset({"承办单位", "办理单位", "受理单位"})


def _height(seg: Segment) -> int:
    return max(seg.box[3] - seg.box[1], 1)


def _under(segments: Sequence[Segment], at: int, labels: set[int], taken: set[int]) -> int | None:
    """The segment right under segment `at`, starting at its left edge, that is no label."""
    above = segments[at]
    h = _height(above)
    below = [j for j, seg in enumerate(segments)
             if j not in labels and j not in taken and seg.box[1] >= above.box[3] - 0.3 * h
             and seg.box[1] - above.box[3] <= GAP_HEIGHTS * h and abs(seg.box[0] - above.box[0]) <= EDGE_HEIGHTS * h]
    return min(below, key=lambda j: segments[j].box[1], default=None)


def _value_beside(segments: Sequence[Segment], at: int, labels: set[int]) -> bool:
    """Whether a segment that is no label sits right of segment `at` on its row (a "网友 | 芒果味的夏天"
    table: the value is beside its label, not under it)."""
    label = segments[at]
    half = _height(label) / 2
    return any(j not in labels and seg.box[0] >= label.box[2] and abs((seg.box[1] + seg.box[3]) / 2 - (label.box[1] + label.box[3]) / 2) <= half
               for j, seg in enumerate(segments))


def grid_roles(segments: Sequence[Segment], roles: Sequence[str]) -> list[str]:
    """`roles` with each bare label's value under it given the label's role, the labels as label,
    and, when it is a grid, the fields found elsewhere on the page as other. Unchanged when fewer
    than MIN_LABELS labels have a value under them."""
    bare = {i for i, seg in enumerate(segments) if roles[i] != "chrome" and BARE_LABEL_RE.match(seg.text.strip())}
    labels = {i for i in bare if not _value_beside(segments, i, bare)}
    values: dict[int, str] = {}
    for i in sorted(labels, key=lambda i: segments[i].box[1]):
        m = BARE_LABEL_RE.match(segments[i].text.strip())
        role = "other" if not m or m.group("label") in HANDLING_LABELS else VALUE_ROLES.get(LABEL_KIND[m.group("label")], "other")
        value = _under(segments, i, labels, set(values))
        if value is None:
            continue
        values[value] = role
        # A paragraph under its label: lines at the same edge, one under the other, down to a label.
        while role in ("body", "other") and (value := _under(segments, value, labels, set(values))) is not None:
            values[value] = role
    if sum(1 for i in labels if _under(segments, i, labels, set()) is not None) < MIN_LABELS:
        return list(roles)
    # A value's OCR line may have been cut in pieces (a time inside a sentence): the pieces go with it.
    for j, seg in enumerate(segments):
        owner = next((v for v in values if segments[v].line == seg.line), None)
        if owner is not None and j not in labels:
            values.setdefault(j, values[owner])
    found = set(values.values())
    out = ["other" if r in found & FIELD_ROLES and i not in values else r for i, r in enumerate(roles)]
    for i in labels:
        out[i] = "label"
    for i, role in values.items():
        out[i] = role
    return out
