"""Drawing helpers: a tall phone canvas in 390-pt logical units, themes, status bars, icons."""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

from bench.heldout_layouts.fonts import FontBook

_BOOK: FontBook | None = None


def book() -> FontBook:
    global _BOOK
    if _BOOK is None:
        _BOOK = FontBook()
    return _BOOK


@dataclass
class Theme:
    dark: bool
    bg: tuple
    fg: tuple
    sub: tuple
    line: tuple
    card: tuple
    input: tuple


LIGHT = Theme(False, (255, 255, 255), (25, 25, 25), (140, 140, 145), (230, 230, 232), (245, 245, 247), (242, 242, 244))
DARK = Theme(True, (17, 17, 19), (228, 228, 230), (130, 130, 136), (48, 48, 52), (32, 32, 35), (40, 40, 44))
WX_LIGHT = Theme(False, (237, 237, 237), (25, 25, 25), (150, 150, 150), (220, 220, 220), (255, 255, 255), (247, 247, 247))
WX_DARK = Theme(True, (17, 17, 17), (210, 210, 210), (120, 120, 120), (40, 40, 40), (44, 44, 44), (30, 30, 30))

AVATAR_COLORS = [(240, 128, 96), (96, 160, 230), (120, 190, 120), (200, 140, 220), (230, 190, 80),
                 (90, 190, 190), (180, 120, 90), (150, 150, 210)]


class Canvas:
    """Width W px; coordinates in points (pt * s = px). Grows downward; crop at the end."""

    def __init__(self, width: int, theme: Theme, max_pt: int = 3000):
        self.W = width
        self.s = width / 390.0
        self.theme = theme
        self.img = Image.new("RGB", (width, int(max_pt * self.s)), theme.bg)
        self.d = ImageDraw.Draw(self.img)

    def p(self, v: float) -> int:
        return int(round(v * self.s))

    def font(self, size: float, bold: bool = False):
        return book().get(size * self.s)

    def text(self, x, y, s, size=15, color=None, bold=False, anchor="la"):
        color = color or self.theme.fg
        f = self.font(size)
        self.d.text((self.p(x), self.p(y)), s, font=f, fill=color, anchor=anchor,
                    stroke_width=max(1, round(size * self.s / 28)) if bold else 0,
                    stroke_fill=color if bold else None)

    def width(self, s, size=15) -> float:
        return self.font(size).getlength(s) / self.s

    def wrap(self, s: str, maxw: float, size=15) -> list[str]:
        f = self.font(size)
        lim = maxw * self.s
        lines, cur = [], ""
        for ch in s:
            if f.getlength(cur + ch) > lim and cur:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        if cur:
            lines.append(cur)
        return lines

    def para(self, x, y, s, maxw, size=15, color=None, lh=1.55, bold=False, max_lines=None) -> float:
        lines = self.wrap(s, maxw, size)
        if max_lines and len(lines) > max_lines:
            lines = lines[:max_lines]
            last = lines[-1]
            while last and self.width(last + "…", size) > maxw:
                last = last[:-1]
            lines[-1] = last + "…"
        for ln in lines:
            self.text(x, y, ln, size, color, bold)
            y += size * lh
        return y

    def rect(self, x0, y0, x1, y1, fill, r=0, outline=None, w=1):
        box = [self.p(x0), self.p(y0), self.p(x1), self.p(y1)]
        if r:
            self.d.rounded_rectangle(box, radius=self.p(r), fill=fill, outline=outline, width=w)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=w)

    def hline(self, y, x0=0, x1=390, color=None):
        self.d.line([self.p(x0), self.p(y), self.p(x1), self.p(y)], fill=color or self.theme.line,
                    width=max(1, self.p(0.6)))

    def avatar(self, x, y, r, name: str, square=False):
        c = AVATAR_COLORS[sum(map(ord, name)) % len(AVATAR_COLORS)]
        if square:
            self.rect(x, y, x + 2 * r, y + 2 * r, c, r=r * 0.2)
        else:
            self.d.ellipse([self.p(x), self.p(y), self.p(x + 2 * r), self.p(y + 2 * r)], fill=c)
        self.text(x + r, y + r, name[:1], r * 0.95, (255, 255, 255), anchor="mm")

    def heart(self, cx, cy, r, color, filled=False):
        pts = []
        import math
        for i in range(40):
            t = 2 * math.pi * i / 40
            hx = 16 * math.sin(t) ** 3
            hy = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
            pts.append((self.p(cx + hx * r / 16), self.p(cy - hy * r / 16)))
        if filled:
            self.d.polygon(pts, fill=color)
        else:
            self.d.line(pts + [pts[0]], fill=color, width=max(1, self.p(1.6)))

    def bubble_icon(self, cx, cy, r, color):
        self.d.rounded_rectangle([self.p(cx - r), self.p(cy - r * 0.8), self.p(cx + r), self.p(cy + r * 0.7)],
                                 radius=self.p(r * 0.4), outline=color, width=max(1, self.p(1.6)))
        self.d.polygon([(self.p(cx - r * 0.4), self.p(cy + r * 0.6)), (self.p(cx - r * 0.6), self.p(cy + r * 1.1)),
                        (self.p(cx), self.p(cy + r * 0.65))], fill=color)

    def share_icon(self, cx, cy, r, color):
        w = max(1, self.p(1.8))
        self.d.line([self.p(cx - r), self.p(cy + r * 0.6), self.p(cx - r * 0.2), self.p(cy - r * 0.2),
                     self.p(cx + r), self.p(cy - r * 0.2)], fill=color, width=w)
        self.d.polygon([(self.p(cx + r * 0.5), self.p(cy - r * 0.8)), (self.p(cx + r * 1.1), self.p(cy - r * 0.2)),
                        (self.p(cx + r * 0.5), self.p(cy + r * 0.4))], fill=color)

    def star(self, cx, cy, r, color):
        import math
        pts = []
        for i in range(10):
            rr = r if i % 2 == 0 else r * 0.45
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((self.p(cx + rr * math.cos(a)), self.p(cy + rr * math.sin(a))))
        self.d.line(pts + [pts[0]], fill=color, width=max(1, self.p(1.4)))

    def back(self, x, y, color=None):
        color = color or self.theme.fg
        w = max(2, self.p(2))
        self.d.line([self.p(x + 8), self.p(y - 8), self.p(x), self.p(y), self.p(x + 8), self.p(y + 8)],
                    fill=color, width=w)

    def dots(self, x, y, color=None):
        color = color or self.theme.fg
        for i in range(3):
            cx = x + i * 6
            self.d.ellipse([self.p(cx - 1.6), self.p(y - 1.6), self.p(cx + 1.6), self.p(y + 1.6)], fill=color)


STATUS_STYLES = ["ios", "android", "harmony", "miui"]


def status_bar(cv: Canvas, style: str, fwd, color=None, bg=None, y0=0.0) -> float:
    """Draw a status bar at y0; returns its bottom in points."""
    color = color or cv.theme.fg
    h = 47 if style == "ios" else 30
    if bg is not None:
        cv.rect(0, y0, 390, y0 + h, bg)
    hm = f"{fwd.hour}:{fwd.minute:02d}" if style == "ios" else f"{fwd:%H:%M}"
    cy = y0 + h / 2 + (3 if style == "ios" else 0)
    if style == "ios":
        cv.text(54, cy, hm, 16, color, bold=True, anchor="mm")
        cv.rect(150, y0 + 11, 240, y0 + 36, (0, 0, 0), r=13)  # dynamic island
    elif style == "harmony":
        cv.text(14, cy, "中国移动 4G", 11.5, color, anchor="lm")
        cv.text(376, cy, hm, 13, color, anchor="rm")
    else:
        cv.text(16, cy, hm, 13, color, anchor="lm")
        if style == "miui":
            cv.text(16 + cv.width(hm, 13) + 6, cy, "HD", 9, color, anchor="lm")
    # signal bars, wifi-ish arc, battery
    bx = 300 if style != "harmony" else 262
    for i in range(4):
        cv.rect(bx + i * 4.5, cy + 4 - (i + 1) * 2.4, bx + i * 4.5 + 3, cy + 4, color)
    bat_x = 334 if style == "ios" else (300 if style == "harmony" else 345)
    cv.rect(bat_x, cy - 5.5, bat_x + 24, cy + 5.5, None, r=3, outline=color, w=max(1, cv.p(1)))
    level = 0.35 + (fwd.minute % 6) / 10
    cv.rect(bat_x + 2, cy - 3.5, bat_x + 2 + 20 * level, cy + 3.5, color, r=1.5)
    if style != "ios":
        cv.text(bat_x - 4, cy, f"{int(level * 100)}", 9, color, anchor="rm")
    return y0 + h


def home_indicator(cv: Canvas, H_pt: float, color):
    cv.rect(130, H_pt - 9, 260, H_pt - 4, color, r=3)


def pick_width(rng: random.Random) -> int:
    return rng.choice([720, 750, 828, 1080, 1170, 1242, 1080, 1170])
