"""Drawing helpers: a canvas measured in design units (dp) and the device frames around it."""
from __future__ import annotations

import hashlib
from functools import lru_cache

from PIL import Image, ImageDraw

from bench.heldout_layouts.fonts import FontBook

# Characters that must not start a line (simple kinsoku rule).
_NO_LINE_START = set("，。、；：？！）」』”’》〉】…%,.;:?!)")


@lru_cache(maxsize=1)
def book() -> FontBook:
    return FontBook()


class Ink:
    """A tall canvas; every coordinate and size is in dp and multiplied by `u` pixels per dp."""

    def __init__(self, width_px: int, u: float, bg, max_height_px: int = 12000) -> None:
        self.u = u
        self.W = width_px / u
        self.bg = bg
        self.img = Image.new("RGB", (width_px, max_height_px), bg)
        self.d = ImageDraw.Draw(self.img)

    def _p(self, v: float) -> int:
        return round(v * self.u)

    def font(self, size: float):
        return book().get(size * self.u)

    def measure(self, s: str, size: float) -> float:
        return self.font(size).getlength(s) / self.u

    def text(self, x: float, y: float, s: str, size: float, fill, bold: bool = False,
             anchor: str = "la") -> float:
        """Draw one line; returns its width in dp."""
        font = self.font(size)
        px = size * self.u
        xy = (self._p(x), self._p(y))
        if bold and px < 26:
            # small bold: overprint one pixel to the right (a stroke would smear the strokes)
            self.d.text((xy[0] + 1, xy[1]), s, font=font, fill=fill, anchor=anchor)
        stroke = round(px / 34) if bold and px >= 26 else 0
        self.d.text(xy, s, font=font, fill=fill, anchor=anchor, stroke_width=stroke, stroke_fill=fill)
        return font.getlength(s) / self.u

    def wrap(self, s: str, size: float, maxw: float) -> list[str]:
        font = self.font(size)
        limit = maxw * self.u
        lines, cur = [], ""
        for ch in s:
            if ch == "\n":
                lines.append(cur)
                cur = ""
                continue
            if cur and font.getlength(cur + ch) > limit and ch not in _NO_LINE_START:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        if cur or not lines:
            lines.append(cur)
        return lines

    def para(self, x: float, y: float, s: str, size: float, fill, maxw: float,
             lh: float = 1.6, bold: bool = False) -> float:
        """Draw wrapped text from y; returns the y just below the last line."""
        for i, line in enumerate(self.wrap(s, size, maxw)):
            self.text(x, y + i * size * lh, line, size, fill, bold)
        return y + len(self.wrap(s, size, maxw)) * size * lh

    def para_height(self, s: str, size: float, maxw: float, lh: float = 1.6) -> float:
        return len(self.wrap(s, size, maxw)) * size * lh

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, r: float = 0, width: float = 1) -> None:
        box = [self._p(x0), self._p(y0), self._p(x1), self._p(y1)]
        w = max(1, round(width * self.u)) if outline else 0
        if r:
            self.d.rounded_rectangle(box, radius=self._p(r), fill=fill, outline=outline, width=w)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=w)

    def line(self, x0, y0, x1, y1, fill, width: float = 1) -> None:
        self.d.line([self._p(x0), self._p(y0), self._p(x1), self._p(y1)], fill=fill,
                    width=max(1, round(width * self.u)))

    def circle(self, cx, cy, r, fill=None, outline=None) -> None:
        self.d.ellipse([self._p(cx - r), self._p(cy - r), self._p(cx + r), self._p(cy + r)],
                       fill=fill, outline=outline, width=max(1, round(self.u)))

    def avatar(self, cx, cy, r, name: str, square: bool = False) -> None:
        """A coloured disc (or rounded square) with the first character of the name."""
        h = hashlib.md5(name.encode()).digest()
        color = (80 + h[0] % 150, 80 + h[1] % 150, 80 + h[2] % 150)
        if square:
            self.rect(cx - r, cy - r, cx + r, cy + r, fill=color, r=r * 0.2)
        else:
            self.circle(cx, cy, r, fill=color)
        self.text(cx, cy, name[:1], r * 1.0, (255, 255, 255), anchor="mm")

    def chip(self, x, y, s, size, fg, bg, pad=4, r=3, outline=None) -> float:
        """A small tag with text; returns its width."""
        w = self.measure(s, size) + 2 * pad
        self.rect(x, y, x + w, y + size * 1.5, fill=bg, outline=outline, r=r)
        self.text(x + pad, y + size * 0.75, s, size, fg, anchor="lm")
        return w

    def crop(self, height_dp: float) -> Image.Image:
        h = min(self.img.height, max(1, self._p(height_dp)))
        return self.img.crop((0, 0, self.img.width, h))


def status_bar(width_px: int, u: float, clock: str, bg, fg, battery: int, ios: bool) -> Image.Image:
    """Phone status bar with the screenshot clock on the left and signal/battery on the right."""
    ink = Ink(width_px, u, bg, max_height_px=round(30 * u) + 2)
    x = 26 if ios else 16
    ink.text(x, 8, clock, 14, fg, bold=ios)
    right = ink.W - 16
    # battery, then (Android) its percentage, then wifi and signal further left
    ink.rect(right - 26, 10, right - 2, 21, outline=fg, r=3)
    ink.rect(right - 24, 12, right - 24 + 20 * battery / 100, 19, fill=fg, r=1)
    ink.rect(right - 1, 13.5, right + 1, 17.5, fill=fg)
    edge = right - 32
    if not ios:
        edge -= ink.text(edge, 9, f"{battery}", 11, fg, anchor="ra") + 6
    wx = edge - 10
    for rr in (9, 6, 3):
        ink.d.arc([ink._p(wx - rr), ink._p(21 - rr * 1.3), ink._p(wx + rr), ink._p(21 + rr * 0.7)],
                  225, 315, fill=fg, width=max(1, round(1.6 * u)))
    sx = wx - 34
    for i in range(4):
        ink.rect(sx + i * 5, 19 - 3 * i, sx + i * 5 + 3, 21, fill=fg)
    return ink.crop(30)


def browser_chrome(width_px: int, u: float, tab_title: str, url: str, dark: bool = False) -> Image.Image:
    """A desktop browser's tab strip and address bar."""
    bg = (222, 225, 230) if not dark else (32, 33, 36)
    fg = (40, 40, 40) if not dark else (230, 230, 230)
    ink = Ink(width_px, u, bg, max_height_px=round(78 * u) + 2)
    tab_bg = (255, 255, 255) if not dark else (53, 54, 58)
    ink.rect(10, 6, 250, 40, fill=tab_bg, r=8)
    ink.circle(26, 23, 7, fill=(200, 40, 40))
    title = tab_title if ink.measure(tab_title, 12) < 190 else tab_title[:14] + "…"
    ink.text(40, 15, title, 12, fg)
    ink.text(236, 14, "×", 13, fg)
    ink.text(262, 12, "+", 16, fg)
    ink.rect(0, 40, ink.W, 78, fill=tab_bg)
    for i, sym in enumerate(("←", "→", "○")):
        ink.text(16 + i * 30, 49, sym, 15, fg)
    ink.rect(110, 45, ink.W - 120, 73, fill=bg, r=14)
    ink.text(130, 51, url, 13, fg)
    return ink.crop(78)


def taskbar(width_px: int, u: float, clock: str, date: str, dark: bool) -> Image.Image:
    """A Windows-style taskbar with the clock and date at the bottom right."""
    bg = (243, 243, 243) if not dark else (32, 32, 32)
    fg = (20, 20, 20) if not dark else (240, 240, 240)
    ink = Ink(width_px, u, bg, max_height_px=round(44 * u) + 2)
    mid = ink.W / 2
    for i, c in enumerate(((0, 120, 215), (255, 185, 0), (16, 124, 16), (200, 60, 50), (90, 90, 200))):
        ink.rect(mid - 110 + i * 44, 10, mid - 86 + i * 44, 34, fill=c, r=4)
    ink.text(ink.W - 20, 6, clock, 12, fg, anchor="ra")
    ink.text(ink.W - 20, 24, date, 12, fg, anchor="ra")
    ink.text(ink.W - 110, 14, "中", 13, fg)
    return ink.crop(44)


def stack(parts: list[Image.Image]) -> Image.Image:
    w = parts[0].width
    out = Image.new("RGB", (w, sum(p.height for p in parts)))
    y = 0
    for p in parts:
        out.paste(p, (0, y))
        y += p.height
    return out
