"""Small drawing kit: a canvas in logical points, wrapping, status bars, taskbar, placeholders."""
from __future__ import annotations

import random

from PIL import Image, ImageDraw

from bench.heldout_layouts.fonts import FontBook

_FB: FontBook | None = None
NO_START = set("，。、；：？！）》」』”’…,.;:?!)%")


def fonts() -> FontBook:
    global _FB
    if _FB is None:
        _FB = FontBook()
    return _FB


class Canvas:
    def __init__(self, w: int, logical_w: float, bg, max_h_pt: float = 4200):
        self.w, self.s = w, w / logical_w
        self.lw = logical_w
        self.bg = bg
        self.img = Image.new("RGB", (w, int(max_h_pt * self.s)), bg)
        self.d = ImageDraw.Draw(self.img)

    def f(self, pt, bold=False):
        return fonts().get(pt * self.s, bold)

    def t(self, x, y, text, pt, fill, bold=False, anchor="la"):
        self.d.text((x * self.s, y * self.s), text, font=self.f(pt, bold), fill=fill, anchor=anchor)
        return self.tw(text, pt, bold)

    def tw(self, text, pt, bold=False):
        return self.d.textlength(text, font=self.f(pt, bold)) / self.s

    def wrap(self, text, pt, maxw, bold=False):
        lines, cur = [], ""
        font = self.f(pt, bold)
        for ch in text:
            if cur and ch not in NO_START and self.d.textlength(cur + ch, font=font) / self.s > maxw:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        if cur:
            lines.append(cur)
        return lines

    def para(self, x, y, text, pt, fill, maxw, lh=1.6, bold=False, max_lines=None):
        lines = self.wrap(text, pt, maxw, bold)
        if max_lines and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1][:-2] + "…"
        for ln in lines:
            self.t(x, y, ln, pt, fill, bold)
            y += pt * lh
        return y

    def box(self, x0, y0, x1, y1, fill=None, outline=None, r=0, width=1):
        s = self.s
        xy = (x0 * s, y0 * s, x1 * s, y1 * s)
        if r:
            self.d.rounded_rectangle(xy, radius=r * s, fill=fill, outline=outline, width=max(1, round(width * s)))
        else:
            self.d.rectangle(xy, fill=fill, outline=outline, width=max(1, round(width * s)))

    def line(self, x0, y0, x1, y1, fill, width=0.5):
        self.d.line((x0 * self.s, y0 * self.s, x1 * self.s, y1 * self.s), fill=fill, width=max(1, round(width * self.s)))

    def circle(self, cx, cy, r, fill, outline=None):
        s = self.s
        self.d.ellipse(((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s), fill=fill, outline=outline)

    def avatar(self, rng, cx, cy, r, text=""):
        col = rng.choice([(240, 160, 120), (120, 170, 220), (150, 200, 140), (210, 140, 180), (200, 190, 120), (130, 130, 150)])
        self.circle(cx, cy, r, col)
        if text:
            self.t(cx, cy, text[0], r * 0.95, (255, 255, 255), True, "mm")

    def photo(self, rng, x0, y0, x1, y1, r=4):
        base = rng.choice([(150, 170, 160), (170, 160, 140), (120, 140, 170), (180, 175, 165), (110, 120, 110)])
        self.box(x0, y0, x1, y1, fill=base, r=r)
        for _ in range(4):
            a = rng.uniform(x0, x1 - 10)
            b = rng.uniform(y0 + (y1 - y0) * 0.4, y1 - 6)
            c = tuple(max(0, min(255, v + rng.randint(-50, 50))) for v in base)
            self.box(a, b, min(x1, a + rng.uniform(15, (x1 - x0) * 0.6)), y1, fill=c)

    def crop(self, h_pt):
        return self.img.crop((0, 0, self.w, min(self.img.height, int(h_pt * self.s))))


def status_bar(cv: Canvas, rng: random.Random, fwd, dark: bool, style: int, bg=None, h=44):
    fg = (255, 255, 255) if dark else (20, 20, 20)
    if bg is not None:
        cv.box(0, 0, cv.lw, h, fill=bg)
    clock = f"{fwd.hour:02d}:{fwd.minute:02d}" if style != 2 else f"{fwd.hour}:{fwd.minute:02d}"
    batt = rng.randint(12, 99)
    y = h / 2
    if style == 0:  # iOS-like: clock left, signal + 5G + battery right
        cv.t(32, y, clock, 16, fg, True, "lm")
        x = cv.lw - 30
        cv.box(x - 24, y - 6, x, y + 6, outline=fg, r=3, width=1)
        cv.box(x - 22, y - 4, x - 22 + 20 * batt / 100, y + 4, fill=fg, r=1)
        cv.t(x - 30, y, "5G", 12, fg, True, "rm")
        for i in range(4):
            cv.box(x - 64 + i * 5, y + 5 - (i + 1) * 2.6, x - 61 + i * 5, y + 5, fill=fg)
    else:  # Android / HarmonyOS: carrier left, battery % and clock right
        carrier = rng.choice(["中国移动", "中国联通", "中国电信", "中国移动 4G", "中国电信 5G"])
        if style == 1:
            cv.t(14, y, carrier, 12, fg, False, "lm")
            cv.t(cv.lw - 14, y, clock, 13, fg, True, "rm")
            x = cv.lw - 14 - cv.tw(clock, 13, True) - 8
            cv.t(x, y, f"{batt}%", 12, fg, False, "rm")
        else:
            cv.t(14, y, clock, 13, fg, True, "lm")
            cv.t(14 + cv.tw(clock, 13, True) + 8, y, carrier, 11, fg, False, "lm")
            cv.box(cv.lw - 38, y - 6, cv.lw - 14, y + 6, outline=fg, r=2)
            cv.t(cv.lw - 26, y, str(batt), 8, fg, True, "mm")
    return h


def taskbar(cv: Canvas, y0, fwd, h=40):
    cv.box(0, y0, cv.lw, y0 + h, fill=(32, 36, 44))
    for i, col in enumerate([(80, 160, 230), (240, 190, 60), (60, 170, 90), (220, 80, 60)]):
        cv.box(14 + i * 46, y0 + 8, 38 + i * 46, y0 + 32, fill=col, r=4)
    cv.box(220, y0 + 8, 500, y0 + 32, fill=(55, 60, 70), r=12)
    cv.t(238, y0 + 20, "搜索", 11, (190, 190, 190), False, "lm")
    cv.t(cv.lw - 20, y0 + 12, f"{fwd.hour}:{fwd.minute:02d}", 11, (240, 240, 240), False, "rm")
    cv.t(cv.lw - 20, y0 + 28, f"{fwd.year}/{fwd.month}/{fwd.day}", 11, (240, 240, 240), False, "rm")
    cv.t(cv.lw - 100, y0 + 20, "中", 11, (240, 240, 240), False, "rm")
    return y0 + h
