"""Drawing helpers: a scaled canvas with CJK text wrapping, simple vector icons and phone chrome.

Layouts are written in logical units (375-wide phone points, CSS pixels on desktop); the canvas
multiplies by `scale` so the same layout renders at any device width.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from random import Random

from PIL import Image, ImageDraw, ImageFont

try:
    from .fonts import FontBook
except ImportError:  # run as a script from this folder
    from fonts import FontBook  # type: ignore[no-redef]

RGB = tuple[int, int, int]
# Punctuation that must not start a line; it hangs past the right margin instead (as browsers do).
NO_LINE_START = set("，。、；：？！）》」』】”’,.;:?!)%")
TOKEN = re.compile(r"[A-Za-z0-9@#._\-]+|.", re.S)


@dataclass(frozen=True)
class Theme:
    bg: RGB
    card: RGB
    text: RGB
    sub: RGB
    faint: RGB
    divider: RGB
    dark: bool


LIGHT = Theme((245, 245, 245), (255, 255, 255), (34, 34, 34), (128, 128, 128), (170, 170, 170), (230, 230, 230), False)
DARK = Theme((17, 17, 17), (30, 30, 30), (225, 225, 225), (140, 140, 140), (100, 100, 100), (52, 52, 52), True)


@dataclass(frozen=True)
class Run:
    """A piece of text with one style; rich paragraphs (hashtags, links) are lists of runs."""

    text: str
    fill: RGB
    bold: bool = False


class Canvas:
    def __init__(self, fonts: FontBook, width: int, height: int, scale: float, bg: RGB) -> None:
        self.fonts = fonts
        self.scale = scale
        self.img = Image.new("RGB", (width, height), bg)
        self.draw = ImageDraw.Draw(self.img)

    @property
    def width(self) -> int:
        return self.img.width

    @property
    def lw(self) -> float:
        """Logical width."""
        return self.img.width / self.scale

    def crop_to(self, height: float, bg: RGB) -> None:
        """Cut (or pad) the drawing to `height` logical units; later drawing goes on the result."""
        target = Image.new("RGB", (self.width, self.s(height)), bg)
        target.paste(self.img.crop((0, 0, self.width, min(self.img.height, self.s(height)))), (0, 0))
        self.img = target
        self.draw = ImageDraw.Draw(self.img)

    def s(self, value: float) -> int:
        return round(value * self.scale)

    def font(self, size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        return self.fonts.get(size * self.scale, bold)

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        return self.font(size, bold).getlength(text) / self.scale

    # --- text -------------------------------------------------------------------------------
    def text(self, x: float, y: float, text: str, size: float, fill: RGB, bold: bool = False,
             anchor: str = "lt") -> float:
        """Draw one line with its top-left (or other anchor) at logical (x, y); returns the right edge."""
        font = self.font(size, bold)
        self.draw.text((self.s(x), self.s(y)), text, font=font, fill=fill, anchor=_pil_anchor(anchor))
        width = font.getlength(text) / self.scale
        return x + width if anchor[0] == "l" else x

    def wrap_runs(self, runs: list[Run], size: float, max_width: float, indent: float = 0) -> list[list[Run]]:
        """Greedy line breaking; latin words and digit groups stay whole, closing punctuation hangs.

        `indent` is space already taken on the first line (e.g. by a tag chip before a title).
        """
        lines: list[list[Run]] = [[]]
        used = indent
        for run in runs:
            font = self.font(size, run.bold)
            for token in TOKEN.findall(run.text):
                if token == "\n":
                    lines.append([])
                    used = 0.0
                    continue
                width = font.getlength(token) / self.scale
                if used + width > max_width and lines[-1] and token not in NO_LINE_START:
                    lines.append([])
                    used = 0.0
                lines[-1].append(Run(token, run.fill, run.bold))
                used += width
        return [_merge(line) for line in lines]

    def paragraph(self, x: float, y: float, runs: list[Run] | str, size: float, fill: RGB | None = None,
                  max_width: float | None = None, leading: float = 1.6, bold: bool = False,
                  indent: float = 0) -> float:
        """Wrapped text starting at top y; returns the y below the last line."""
        if isinstance(runs, str):
            assert fill is not None
            runs = [Run(runs, fill, bold)]
        max_width = max_width if max_width is not None else self.lw - x * 2
        line_h = size * leading
        for i, line in enumerate(self.wrap_runs(runs, size, max_width, indent)):
            cx = x + (indent if i == 0 else 0)
            for run in line:
                cx = self.text(cx, y + line_h / 2, run.text, size, run.fill, run.bold, anchor="lm")
            y += line_h
        return y

    def line_count(self, text: str, size: float, max_width: float, bold: bool = False, indent: float = 0) -> int:
        return len(self.wrap_runs([Run(text, (0, 0, 0), bold)], size, max_width, indent))

    def chip(self, x: float, cy: float, text: str, size: float, fg: RGB, bg: RGB | None = None,
             outline: RGB | None = None, pad: float = 5, radius: float = 3) -> float:
        """A small label in a rounded box, vertically centred on cy; returns its right edge."""
        w = self.text_width(text, size) + pad * 2
        h = size * 1.45
        self.rect(x, cy - h / 2, x + w, cy + h / 2, fill=bg, outline=outline, radius=radius)
        self.text(x + pad, cy, text, size, fg, anchor="lm")
        return x + w

    # --- shapes -----------------------------------------------------------------------------
    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: RGB | None = None,
             outline: RGB | None = None, radius: float = 0, width: float = 1) -> None:
        box = (self.s(x0), self.s(y0), self.s(x1), self.s(y1))
        self.draw.rounded_rectangle(box, radius=self.s(radius), fill=fill, outline=outline,
                                    width=max(1, self.s(width)))

    def line(self, x0: float, y0: float, x1: float, y1: float, fill: RGB, width: float = 1) -> None:
        self.draw.line((self.s(x0), self.s(y0), self.s(x1), self.s(y1)), fill=fill, width=max(1, self.s(width)))

    def hline(self, y: float, fill: RGB, x0: float = 0, x1: float | None = None) -> None:
        x1 = x1 if x1 is not None else self.width / self.scale
        self.draw.line((self.s(x0), self.s(y), self.s(x1), self.s(y)), fill=fill, width=max(1, round(self.scale / 2)))

    def circle(self, cx: float, cy: float, r: float, fill: RGB | None = None, outline: RGB | None = None,
               width: float = 1) -> None:
        box = (self.s(cx - r), self.s(cy - r), self.s(cx + r), self.s(cy + r))
        self.draw.ellipse(box, fill=fill, outline=outline, width=max(1, self.s(width)))

    def avatar(self, cx: float, cy: float, r: float, rng: Random, square: bool = False, key: str = "") -> None:
        """A profile picture stand-in: a coloured disc (or rounded square) with a head-and-shoulders shape.

        No letters: real avatars are photos, and a stray glyph would add text nobody would type.
        With `key` (a nickname) the colour is fixed per person, so one sender looks the same in every row.
        """
        if key:
            rng = Random(zlib.crc32(key.encode("utf-8")))
        palette: list[RGB] = [(232, 134, 98), (98, 160, 232), (120, 190, 120), (200, 120, 200), (230, 180, 70),
                              (110, 110, 160)]
        colour = rng.choice(palette)
        light: RGB = (min(255, colour[0] + 70), min(255, colour[1] + 70), min(255, colour[2] + 70))
        if square:
            self.rect(cx - r, cy - r, cx + r, cy + r, fill=colour, radius=r * 0.2)
        else:
            self.circle(cx, cy, r, fill=colour)
        self.circle(cx, cy - r * 0.18, r * 0.34, fill=light)
        self.draw.pieslice((self.s(cx - r * 0.6), self.s(cy + r * 0.25), self.s(cx + r * 0.6), self.s(cy + r * 1.3)),
                           180, 360, fill=light)

    def chevron_left(self, x: float, cy: float, size: float, fill: RGB, width: float = 2) -> None:
        self.draw.line([(self.s(x + size / 2), self.s(cy - size)), (self.s(x), self.s(cy)),
                        (self.s(x + size / 2), self.s(cy + size))], fill=fill, width=max(1, self.s(width)))

    def dots(self, cx: float, cy: float, fill: RGB, gap: float = 5, r: float = 1.6) -> None:
        for dx in (-gap, 0, gap):
            self.circle(cx + dx, cy, r, fill=fill)

    def heart(self, cx: float, cy: float, size: float, fill: RGB | None, outline: RGB | None = None) -> None:
        """The classic parametric heart curve, filled or outlined."""
        pts = []
        for i in range(48):
            t = 2 * math.pi * i / 48
            hx = 16 * math.sin(t) ** 3
            hy = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
            pts.append((self.s(cx + hx * size / 34), self.s(cy - hy * size / 34)))
        if fill is not None:
            self.draw.polygon(pts, fill=fill)
        else:
            self.draw.line([*pts, pts[0]], fill=outline, width=max(1, self.s(1.4)), joint="curve")

    def star(self, cx: float, cy: float, size: float, fill: RGB) -> None:
        pts = []
        for i in range(10):
            r = size / 2 if i % 2 == 0 else size / 5
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((self.s(cx + r * math.cos(a)), self.s(cy + r * math.sin(a))))
        self.draw.polygon(pts, fill=fill)

    def bubble_icon(self, cx: float, cy: float, size: float, outline: RGB) -> None:
        self.rect(cx - size / 2, cy - size / 2.6, cx + size / 2, cy + size / 3, outline=outline, radius=size / 4,
                  width=1.3)

    def share_icon(self, cx: float, cy: float, size: float, outline: RGB) -> None:
        self.line(cx - size / 2, cy + size / 3, cx + size / 2, cy - size / 3, outline, 1.4)
        self.line(cx + size / 2, cy - size / 3, cx + size / 8, cy - size / 3, outline, 1.4)
        self.line(cx + size / 2, cy - size / 3, cx + size / 2, cy, outline, 1.4)

    def photo(self, x0: float, y0: float, x1: float, y1: float, rng: Random, radius: float = 4) -> None:
        """A stand-in for an attached photo: sky, ground and a few blocks, no text."""
        sky = (rng.randint(150, 200), rng.randint(175, 215), rng.randint(200, 235))
        ground = (rng.randint(90, 140), rng.randint(90, 130), rng.randint(80, 110))
        mid = y0 + (y1 - y0) * rng.uniform(0.45, 0.65)
        self.rect(x0, y0, x1, y1, fill=sky, radius=radius)
        self.rect(x0, mid, x1, y1, fill=ground, radius=radius)
        for _ in range(rng.randint(2, 4)):
            bx = rng.uniform(x0, x1 - (x1 - x0) * 0.25)
            bw = (x1 - x0) * rng.uniform(0.1, 0.25)
            bh = (mid - y0) * rng.uniform(0.3, 0.8)
            shade = rng.randint(110, 190)
            self.rect(bx, mid - bh, bx + bw, mid, fill=(shade, shade, shade - 10))


def _merge(line: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in line:
        if merged and merged[-1].fill == run.fill and merged[-1].bold == run.bold:
            merged[-1] = Run(merged[-1].text + run.text, run.fill, run.bold)
        else:
            merged.append(run)
    return merged


def _pil_anchor(anchor: str) -> str:
    # Pillow's "t" is the top of the first line's ascender box; "m" centres on the middle of the glyphs.
    return {"lt": "la", "rt": "ra", "mt": "ma"}.get(anchor, anchor)


# --- phone chrome -----------------------------------------------------------------------------
STATUS_STYLES = ("ios", "ios_classic", "huawei", "miui")
CARRIERS = ("中国移动", "中国联通", "中国电信")


@dataclass(frozen=True)
class StatusBar:
    style: str
    clock: str
    battery: int
    carrier: str
    network: str


def random_status_bar(rng: Random, clock: str) -> StatusBar:
    return StatusBar(rng.choice(STATUS_STYLES), clock, rng.randint(8, 100), rng.choice(CARRIERS),
                     rng.choice(("4G", "5G", "5G", "4G+")))


def draw_status_bar(c: Canvas, bar: StatusBar, fg: RGB, bg: RGB | None, height: float = 44) -> float:
    """Phone status bar across the top; returns its height in logical units."""
    if bg is not None:
        c.rect(0, 0, c.width / c.scale, height, fill=bg)
    w = c.width / c.scale
    cy = height / 2 + (3 if bar.style == "ios" else 0)
    size = 14 if bar.style.startswith("ios") else 12.5
    if bar.style == "ios":
        c.text(34, cy, bar.clock, size + 1, fg, bold=True, anchor="lm")
        right = _battery(c, w - 18, cy, bar.battery, fg, show_pct=False)
        c.text(right - 6, cy, bar.network, 12, fg, bold=True, anchor="rm")
        _signal(c, right - 12 - c.text_width(bar.network, 12, True) - 18, cy, fg)
    elif bar.style == "ios_classic":
        x = _signal(c, 8, cy, fg)
        c.text(x + 4, cy, f"{bar.carrier} {bar.network}", size, fg, anchor="lm")
        c.text(w / 2, cy, bar.clock, size, fg, bold=True, anchor="mm")
        right = _battery(c, w - 8, cy, bar.battery, fg, show_pct=False)
        c.text(right - 4, cy, f"{bar.battery}%", size, fg, anchor="rm")
    elif bar.style == "huawei":
        x = c.text(12, cy, bar.carrier, size, fg, anchor="lm")
        x = c.text(x + 4, cy, bar.network, 10, fg, anchor="lm")
        _signal(c, x + 4, cy, fg)
        clock_w = c.text_width(bar.clock, size)
        pct = f"{bar.battery}%"
        c.text(w - 12, cy, bar.clock, size, fg, anchor="rm")
        c.text(w - 18 - clock_w, cy, pct, size, fg, anchor="rm")
        _battery(c, w - 22 - clock_w - c.text_width(pct, size), cy, bar.battery, fg, show_pct=False)
    else:  # miui: clock left, icons right, battery number inside the icon
        c.text(14, cy, bar.clock, size, fg, anchor="lm")
        right = _battery(c, w - 12, cy, bar.battery, fg, show_pct=True)
        c.text(right - 6, cy, bar.network, 10, fg, anchor="rm")
        _signal(c, right - 12 - c.text_width(bar.network, 10) - 18, cy, fg)
    return height


def _signal(c: Canvas, x: float, cy: float, fg: RGB) -> float:
    for i in range(4):
        h = 3 + i * 2.2
        c.rect(x + i * 4, cy + 5 - h, x + i * 4 + 2.6, cy + 5, fill=fg)
    return x + 17


def _battery(c: Canvas, right: float, cy: float, level: int, fg: RGB, show_pct: bool) -> float:
    """Battery icon ending at `right`; returns its left edge."""
    w, h = (26, 12.5) if show_pct else (24, 11.5)
    x0 = right - w
    c.rect(x0, cy - h / 2, right - 2, cy + h / 2, outline=fg, radius=3, width=1)
    c.rect(right - 2, cy - 2.5, right, cy + 2.5, fill=fg, radius=1)
    if show_pct:
        c.text(x0 + (w - 2) / 2, cy, str(level), 8.5, fg, bold=True, anchor="mm")
    else:
        fill_w = (w - 6) * level / 100
        c.rect(x0 + 2, cy - h / 2 + 2, x0 + 2 + max(1.0, fill_w), cy + h / 2 - 2, fill=fg, radius=1.5)
    return x0


def draw_home_indicator(c: Canvas, y: float, fg: RGB) -> None:
    w = c.width / c.scale
    c.rect(w / 2 - 67, y - 5, w / 2 + 67, y, fill=fg, radius=3)


def count_text(n: int) -> str:
    """How Chinese apps abbreviate counters: 8,642 -> 8642, 12,800 -> 1.2万."""
    if n >= 10000:
        return f"{n / 10000:.1f}万".replace(".0万", "万")
    return str(n)
