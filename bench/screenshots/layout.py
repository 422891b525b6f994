"""A screen as drawn elements with their role: the one description both the image renderer and
the synthetic-OCR emitter read, so the role model learns from exactly what the bench draws.

Widths are estimated from character classes (a CJK character is one em, a digit or Latin
letter about half), which is close enough for wrapping and for boxes; no font is needed to
lay out a screen, only to render it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# Roles a line can have; the parser's model predicts the same names.
ROLES = ("chrome", "title", "author", "time", "unit", "body", "label", "other")


def text_width(text: str, size: float) -> float:
    width = 0.0
    for ch in text:
        if ch == " ":
            width += 0.3
        elif ord(ch) < 0x2E80:
            width += 0.56 if ch.isalnum() else 0.4
        else:
            width += 1.0
    return width * size


@dataclass
class Element:
    text: str
    role: str
    x: float
    y: float
    size: float
    color: str
    bold: bool = False

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.x + text_width(self.text, self.size), self.y + self.size * 1.12)


@dataclass
class Shape:
    kind: str  # "rect", "round", "circle", "picture"
    box: tuple[float, float, float, float]
    fill: str
    outline: str | None = None


@dataclass
class Style:
    """Randomised look of one screen."""

    dark: bool
    font: str  # "sans" or "serif"
    scale: float  # multiplies every font size and spacing
    margin: float
    line_gap: float  # extra space between wrapped lines, in ems
    fg: str
    muted: str
    accent: str
    bg: str
    panel: str

    @classmethod
    def random(cls, rnd: random.Random, width: int, desktop: bool, dark: bool | None = None) -> Style:
        dark = rnd.random() < 0.2 if dark is None else dark
        scale = (width / 1080) * rnd.uniform(0.85, 1.15) if not desktop else rnd.uniform(0.9, 1.25)
        accents = ["#c8161d", "#d81e06", "#1677ff", "#0a7cff", "#ff8200", "#07c160", "#e4393c", "#2b6cb0"]
        if dark:
            return cls(True, rnd.choice(["sans", "sans", "serif"]), scale, rnd.uniform(0.03, 0.06) * width,
                       rnd.uniform(0.25, 0.6), rnd.choice(["#f0f0f0", "#e6e6e6", "#ffffff"]),
                       rnd.choice(["#9a9a9a", "#8a8f99", "#aaaaaa"]), rnd.choice(accents),
                       rnd.choice(["#161823", "#111111", "#1c1c1e", "#202124"]), rnd.choice(["#2c2c2e", "#262626"]))
        return cls(False, rnd.choice(["sans", "sans", "serif"]), scale, rnd.uniform(0.03, 0.06) * width,
                   rnd.uniform(0.25, 0.7), rnd.choice(["#1a1a1a", "#333333", "#222222", "#000000"]),
                   rnd.choice(["#888888", "#999999", "#666666", "#8c8c8c", "#a0a0a0"]), rnd.choice(accents),
                   rnd.choice(["#ffffff", "#ffffff", "#f7f7f7", "#fafafa"]), rnd.choice(["#f2f2f2", "#eeeeee"]))


@dataclass
class Screen:
    width: int
    height: int
    style: Style
    elements: list[Element] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    truth: dict[str, object] = field(default_factory=dict)
    y: float = 0.0

    # -- drawing primitives -------------------------------------------------------------
    def text(self, text: str, role: str, size: float, x: float | None = None, *, color: str | None = None,
             bold: bool = False, gap: float = 0.4, advance: bool = True) -> Element:
        element = Element(text, role, self.style.margin if x is None else x, self.y, size,
                          color or self.style.fg, bold)
        self.elements.append(element)
        if advance:
            self.y += size * (1.12 + gap)
        return element

    def row(self, parts: list[tuple[str, str]], size: float, *, x: float | None = None, spacing: float = 1.2,
            color: str | None = None, right_align_last: bool = False, gap: float = 0.4) -> list[Element]:
        """Several short texts on one row ("网友：甲   2024-01-05 10:31"), left to right."""
        cursor = self.style.margin if x is None else x
        out = []
        for i, (text, role) in enumerate(parts):
            if right_align_last and i == len(parts) - 1 and i > 0:
                cursor = max(cursor, self.width - self.style.margin - text_width(text, size))
            out.append(self.text(text, role, size, cursor, color=color, advance=False))
            cursor += text_width(text, size) + spacing * size
        self.y += size * (1.12 + gap)
        return out

    def wrapped(self, text: str, role: str, size: float, *, x: float | None = None, right: float | None = None,
                color: str | None = None, bold: bool = False, gap: float | None = None, max_y: float | None = None,
                first_prefix: tuple[str, str] | None = None) -> list[Element]:
        """Text wrapped to the column between x and width-right; stops at max_y (returns what was drawn)."""
        left = self.style.margin if x is None else x
        right_edge = self.width - (self.style.margin if right is None else right)
        line_gap = self.style.line_gap if gap is None else gap
        drawn: list[Element] = []
        cursor = left
        if first_prefix:
            label = self.text(first_prefix[0], first_prefix[1], size, left, color=color, bold=bold, advance=False)
            drawn.append(label)
            cursor = left + text_width(first_prefix[0], size) + 0.3 * size
        line = ""
        for ch in text:
            if text_width(line + ch, size) > right_edge - cursor:
                if max_y is not None and self.y + size * 1.12 > max_y:
                    return drawn
                drawn.append(self.text(line, role, size, cursor, color=color, bold=bold, gap=line_gap))
                cursor, line = left, ""
            line += ch
        if line and (max_y is None or self.y + size * 1.12 <= max_y):
            drawn.append(self.text(line, role, size, cursor, color=color, bold=bold, gap=line_gap))
        return drawn

    def rect(self, box: tuple[float, float, float, float], fill: str, kind: str = "rect",
             outline: str | None = None) -> None:
        self.shapes.append(Shape(kind, box, fill, outline))

    def space(self, ems: float, size: float) -> None:
        self.y += ems * size

    def drawn_text(self, role: str) -> str:
        return "".join(e.text for e in self.elements if e.role == role)
