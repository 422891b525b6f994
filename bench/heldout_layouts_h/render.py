"""A small drawing kit: a canvas that remembers every run of text it drew, and shared chrome.

Each text run is logged as ``(role, text, box)``. Roles ``title``, ``author``, ``time`` and ``body``
mark the post; the self-check in ``generate.check_record`` reads the log back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from PIL import Image, ImageDraw

from bench.heldout_layouts.fonts import FontBook

Color = tuple[int, int, int]

LIGHT = {"bg": (255, 255, 255), "page": (244, 245, 247), "fg": (25, 25, 25), "sub": (140, 140, 145),
         "line": (232, 232, 235), "card": (255, 255, 255), "quote": (242, 242, 242), "dark": False}
DARK = {"bg": (18, 18, 18), "page": (12, 12, 12), "fg": (222, 222, 222), "sub": (125, 125, 130),
        "line": (45, 45, 48), "card": (30, 30, 32), "quote": (40, 40, 42), "dark": True}


NO_LINE_START = set("，。、；：？！）》」』”’…%,.;:?!)")


@dataclass
class Run:
    role: str | None
    text: str
    box: tuple[float, float, float, float]


@dataclass
class Canvas:
    width: int
    height: int
    s: float  # pixels per dp
    fb: FontBook
    bg: Color = (255, 255, 255)
    runs: list[Run] = field(default_factory=list)
    dry: bool = False  # when set, text() only measures

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.width, self.height), self.bg)
        self.d = ImageDraw.Draw(self.img)

    # ------------------------------------------------------------------ primitives (dp units)
    def font(self, size: float, bold: bool = False):
        return self.fb.get(size * self.s, bold)

    def measure(self, text: str, size: float) -> float:
        return self.font(size).getlength(text) / self.s

    def text(self, x: float, y: float, text: str, size: float, color: Color, bold: bool = False,
             role: str | None = None, anchor: str = "la") -> tuple[float, float, float, float]:
        """Draw one run at dp position; returns its dp box (x0, y0, x1, y1)."""
        f = self.font(size, bold)
        px, py = x * self.s, y * self.s
        sw = max(1, round(size * self.s / 30)) if bold else 0
        if self.dry:
            b = f.getbbox(text, anchor=anchor, stroke_width=sw)
            return ((px + b[0]) / self.s, (py + b[1]) / self.s, (px + b[2]) / self.s, (py + b[3]) / self.s)
        self.d.text((px, py), text, font=f, fill=color, anchor=anchor, stroke_width=sw, stroke_fill=color)
        b = self.d.textbbox((px, py), text, font=f, anchor=anchor, stroke_width=sw)
        box = (b[0] / self.s, b[1] / self.s, b[2] / self.s, b[3] / self.s)
        self.runs.append(Run(role, text, box))
        return box

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, r: float = 0, width: float = 1) -> None:
        xy = [x0 * self.s, y0 * self.s, x1 * self.s, y1 * self.s]
        w = max(1, round(width * self.s))
        if r:
            self.d.rounded_rectangle(xy, radius=r * self.s, fill=fill, outline=outline, width=w)
        else:
            self.d.rectangle(xy, fill=fill, outline=outline, width=w)

    def line(self, x0, y0, x1, y1, color, width: float = 0.6) -> None:
        self.d.line([x0 * self.s, y0 * self.s, x1 * self.s, y1 * self.s], fill=color, width=max(1, round(width * self.s)))

    def poly(self, pts, fill) -> None:
        self.d.polygon([(x * self.s, y * self.s) for x, y in pts], fill=fill)

    def avatar(self, x, y, size, rng: random.Random, label: str = "", square: bool = False) -> None:
        hue = rng.choice([(240, 180, 150), (150, 190, 235), (170, 215, 170), (230, 200, 120), (200, 170, 220),
                          (120, 160, 200), (210, 140, 140), (160, 160, 160)])
        if square:
            self.rect(x, y, x + size, y + size, fill=hue, r=size * 0.12)
        else:
            self.d.ellipse([x * self.s, y * self.s, (x + size) * self.s, (y + size) * self.s], fill=hue)
        if label:
            f = self.font(size * 0.45)
            self.d.text(((x + size / 2) * self.s, (y + size / 2) * self.s), label[0], font=f, fill=(255, 255, 255), anchor="mm")

    def chip(self, x, y, text, size, fg, bg, pad=4.0, r=3.0, outline=None, role=None) -> float:
        """A tag with a filled background; returns its right edge (dp)."""
        w = self.measure(text, size)
        h = size * 1.45
        self.rect(x, y, x + w + 2 * pad, y + h, fill=bg, outline=outline, r=r)
        self.text(x + pad, y + h / 2, text, size, fg, role=role, anchor="lm")
        return x + w + 2 * pad

    def flow(self, segs, x: float, y: float, maxw: float, lh: float = 1.55, x_start: float | None = None,
             align_first: float | None = None) -> tuple[float, float]:
        """Lay out segments ``(text, size, color, bold, role)`` as one wrapped paragraph.

        Wrapping is per character. ``x_start`` continues on a line that already has something on it.
        Returns (y of the next line's top, x where the last run ended). Line height uses the largest size.
        """
        big = max(s[1] for s in segs)
        line_h = big * lh
        cx = x if x_start is None else x_start
        cy = y
        for text, size, color, bold, role in segs:
            buf = ""
            bx = cx
            for ch in text:
                w = self.measure(ch, size)
                if cx + w > x + maxw + 0.01 and cx > x and not (ch in NO_LINE_START and cx + w <= x + maxw + size):
                    if buf:
                        self.text(bx, cy + line_h / 2, buf, size, color, bold, role, anchor="lm")
                    cy += line_h
                    cx, bx, buf = x, x, ""
                buf += ch
                cx += w
            if buf:
                self.text(bx, cy + line_h / 2, buf, size, color, bold, role, anchor="lm")
        return cy + line_h, cx

    def measure_flow(self, segs, x, y, maxw, lh=1.55, x_start=None) -> float:
        """Where ``flow`` would end (y of the next line), without drawing."""
        self.dry = True
        try:
            return self.flow(segs, x, y, maxw, lh, x_start)[0]
        finally:
            self.dry = False

    def para(self, text: str, x: float, y: float, maxw: float, size: float, color: Color, bold=False,
             role=None, lh: float = 1.55) -> float:
        return self.flow([(text, size, color, bold, role)], x, y, maxw, lh)[0]

    def paras(self, paragraphs: list[str], x, y, maxw, size, color, role="body", lh=1.55, gap=0.5) -> float:
        for i, p in enumerate(paragraphs):
            y = self.para(p, x, y, maxw, size, color, role=role, lh=lh)
            if i < len(paragraphs) - 1:
                y += size * gap
        return y

    # ------------------------------------------------------------------ output
    def crop(self, top_dp: float, bottom_dp: float) -> None:
        top, bottom = round(top_dp * self.s), round(bottom_dp * self.s)
        self.img = self.img.crop((0, top, self.width, bottom))
        self.d = ImageDraw.Draw(self.img)
        self.height = bottom - top
        for r in self.runs:
            r.box = (r.box[0], r.box[1] - top_dp, r.box[2], r.box[3] - top_dp)

    def post_box(self) -> tuple[float, float, float, float]:
        boxes = [r.box for r in self.runs if r.role in ("title", "author", "time", "body")]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


# ---------------------------------------------------------------------- chrome
def status_bar(c: Canvas, fw: datetime, theme: dict, h: float = 28, bg: Color | None = None,
               fg: Color | None = None, ios: bool = False) -> float:
    bg = bg or theme["bg"]
    fg = fg or theme["fg"]
    c.rect(0, 0, c.width / c.s, h, fill=bg)
    W = c.width / c.s
    t = f"{fw:%H:%M}"
    if ios:
        c.text(30, h / 2, t, 14, fg, bold=True, anchor="lm")
    else:
        c.text(14, h / 2, t, 12.5, fg, anchor="lm")
    # signal, wifi, battery
    x = W - 16
    c.rect(x - 22, h / 2 - 5, x, h / 2 + 5, outline=fg, r=2, width=1)
    c.rect(x - 20, h / 2 - 3, x - 20 + 14 * 0.8, h / 2 + 3, fill=fg)
    x -= 30
    for i in range(4):
        c.rect(x - i * 4.5, h / 2 + 5 - (4 - i) * 2.4, x - i * 4.5 + 3, h / 2 + 5, fill=fg)
    x -= 26
    c.d.pieslice([(x - 8) * c.s, (h / 2 - 7) * c.s, (x + 8) * c.s, (h / 2 + 9) * c.s], 225, 315, fill=fg)
    return h


def nav_bar(c: Canvas, title: str, theme: dict, y: float, h: float = 46, bg: Color | None = None,
            fg: Color | None = None, size: float = 17, right: str = "⋯", back: bool = True) -> float:
    bg = bg or theme["bg"]
    fg = fg or theme["fg"]
    W = c.width / c.s
    c.rect(0, y, W, y + h, fill=bg)
    if back:
        c.line(22, y + h / 2, 30, y + h / 2 - 8, fg, 1.6)
        c.line(22, y + h / 2, 30, y + h / 2 + 8, fg, 1.6)
    if title:
        c.text(W / 2, y + h / 2, title, size, fg, bold=True, anchor="mm")
    if right:
        c.text(W - 18, y + h / 2, right, 18, fg, anchor="rm")
    return y + h


def home_indicator(c: Canvas, theme: dict) -> None:
    W, H = c.width / c.s, c.height / c.s
    c.rect(W / 2 - 67, H - 9, W / 2 + 67, H - 4.5, fill=theme["fg"], r=3)


def browser_chrome(c: Canvas, url: str, tab: str, dark: bool = False) -> float:
    W = c.width / c.s
    bar = (53, 54, 58) if dark else (222, 225, 230)
    tabc = (41, 42, 45) if dark else (255, 255, 255)
    fg = (220, 220, 220) if dark else (40, 40, 40)
    c.rect(0, 0, W, 82, fill=bar)
    c.rect(10, 8, 250, 38, fill=tabc, r=7)
    c.text(22, 23, tab[:16], 12, fg, anchor="lm")
    c.text(238, 23, "×", 12, fg, anchor="rm")
    c.rect(0, 38, W, 82, fill=tabc)
    c.text(18, 60, "←   →", 14, fg, anchor="lm")
    c.d.ellipse([78 * c.s, 53 * c.s, 92 * c.s, 67 * c.s], outline=fg, width=max(1, round(1.4 * c.s)))
    c.rect(110, 46, W - 120, 74, fill=bar, r=14)
    c.text(128, 60, url, 13, fg, anchor="lm")
    return 82


def taskbar(c: Canvas, fw: datetime, dark: bool = True) -> None:
    W, H = c.width / c.s, c.height / c.s
    bg = (32, 32, 36) if dark else (238, 240, 244)
    fg = (235, 235, 235) if dark else (30, 30, 30)
    c.rect(0, H - 40, W, H, fill=bg)
    for i in range(6):
        c.rect(W / 2 - 120 + i * 40, H - 32, W / 2 - 96 + i * 40, H - 8, fill=(90 + i * 20, 130, 200 - i * 15), r=4)
    c.text(W - 14, H - 29, f"{fw:%H:%M}", 12, fg, anchor="ra")
    c.text(W - 14, H - 15, f"{fw.year}/{fw.month}/{fw.day}", 12, fg, anchor="ra")
