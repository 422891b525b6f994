"""A small drawing layer: a canvas in logical units (scaled to the output width), text wrapping,
status bars, a Windows taskbar, avatars, photos and a few icons."""

from __future__ import annotations

import random
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bench.heldout_layouts.fonts import find_cjk_font

NO_LINE_START = set("，。、；：？！）》」』”’%．,.;:?!)]】…")


@lru_cache(maxsize=1)
def font_paths() -> tuple[str, str]:
    sans = find_cjk_font()
    serif = sans.with_name(sans.name.replace("Sans", "Serif"))
    return str(sans), str(serif if serif.is_file() else sans)


@lru_cache(maxsize=512)
def _font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(8, px))


class Canvas:
    def __init__(self, width_px: int, logical_w: float, height_logical: float, bg) -> None:
        self.s = width_px / logical_w
        self.lw = logical_w
        self.bg = bg
        self.img = Image.new("RGB", (width_px, max(1, round(height_logical * self.s))), bg)
        self.d = ImageDraw.Draw(self.img)

    # geometry -----------------------------------------------------------------------------------
    def p(self, v: float) -> int:
        return round(v * self.s)

    def font(self, size: float, serif: bool = False) -> ImageFont.FreeTypeFont:
        sans, ser = font_paths()
        return _font(ser if serif else sans, round(size * self.s))

    def tw(self, txt: str, size: float, serif: bool = False) -> float:
        return self.font(size, serif).getlength(txt) / self.s

    def text(self, x: float, y: float, txt: str, size: float, fill, bold: bool = False,
             serif: bool = False, anchor: str = "la") -> float:
        f = self.font(size, serif)
        # the bundled font has no bold face: overprint with a small horizontal offset
        dx = max(1, round(size * self.s / 26)) if bold else 0
        for off in range(dx + 1):
            self.d.text((self.p(x) + off, self.p(y)), txt, font=f, fill=fill, anchor=anchor)
        return self.tw(txt, size, serif)

    def wrap(self, txt: str, size: float, maxw: float, serif: bool = False, first_indent: float = 0) -> list[str]:
        f = self.font(size, serif)
        limit = maxw * self.s
        lines: list[str] = []
        cur = ""
        width = first_indent * self.s
        for ch in txt:
            if ch == "\n":
                lines.append(cur)
                cur, width = "", 0
                continue
            cw = f.getlength(ch)
            if cur and width + cw > limit and ch not in NO_LINE_START:
                lines.append(cur)
                cur, width = "", 0
            cur += ch
            width += cw
        if cur or not lines:
            lines.append(cur)
        return lines

    def para(self, x: float, y: float, txt: str, size: float, fill, maxw: float, lh: float = 1.6,
             bold: bool = False, serif: bool = False, indent: float = 0) -> float:
        """Draw wrapped text; return the y below it. `indent` shifts only the first line."""
        lines = self.wrap(txt, size, maxw, serif, first_indent=indent)
        for i, line in enumerate(lines):
            self.text(x + (indent if i == 0 else 0), y, line, size, fill, bold=bold, serif=serif)
            y += size * lh
        return y

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, r: float = 0, width: float = 1) -> None:
        box = (self.p(x0), self.p(y0), self.p(x1), self.p(y1))
        w = max(1, self.p(width)) if outline else 0
        if r:
            self.d.rounded_rectangle(box, radius=self.p(r), fill=fill, outline=outline, width=w)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=w)

    def circle(self, cx, cy, r, fill=None, outline=None, width: float = 1) -> None:
        self.d.ellipse((self.p(cx - r), self.p(cy - r), self.p(cx + r), self.p(cy + r)), fill=fill,
                       outline=outline, width=max(1, self.p(width)) if outline else 0)

    def line(self, x0, y0, x1, y1, fill, width: float = 1) -> None:
        self.d.line((self.p(x0), self.p(y0), self.p(x1), self.p(y1)), fill=fill, width=max(1, self.p(width)))

    def poly(self, pts, fill=None, outline=None) -> None:
        self.d.polygon([(self.p(a), self.p(b)) for a, b in pts], fill=fill, outline=outline)

    def crop(self, h_logical: float) -> Image.Image:
        return self.img.crop((0, 0, self.img.width, min(self.img.height, self.p(h_logical))))


# widgets ----------------------------------------------------------------------------------------
AVATAR_COLOURS = [(236, 112, 99), (93, 173, 226), (88, 214, 141), (245, 176, 65), (175, 122, 197),
                  (72, 201, 176), (220, 118, 51), (127, 140, 141)]


def avatar(cv: Canvas, cx: float, cy: float, r: float, name: str, square: bool = False) -> None:
    col = AVATAR_COLOURS[sum(map(ord, name)) % len(AVATAR_COLOURS)]
    if square:
        cv.rect(cx - r, cy - r, cx + r, cy + r, fill=col, r=r * 0.2)
    else:
        cv.circle(cx, cy, r, fill=col)
    ch = next((c for c in name if "\u4e00" <= c <= "\u9fff"), name[:1].upper() or "U")
    cv.text(cx, cy, ch, r * 1.0, (255, 255, 255), anchor="mm")


def photo(cv: Canvas, x0, y0, x1, y1, rng: random.Random, r: float = 0) -> None:
    """A flat 'photo': sky/ground gradient with a building or road shape."""
    w, h = cv.p(x1) - cv.p(x0), cv.p(y1) - cv.p(y0)
    if w <= 2 or h <= 2:
        return
    top = (rng.randint(120, 200), rng.randint(150, 210), rng.randint(190, 240))
    bot = (rng.randint(70, 140), rng.randint(70, 130), rng.randint(60, 110))
    im = Image.new("RGB", (w, h))
    dr = ImageDraw.Draw(im)
    horizon = int(h * rng.uniform(0.35, 0.6))
    for yy in range(h):
        a = yy / h
        c = top if yy < horizon else bot
        shade = int(25 * a)
        dr.line((0, yy, w, yy), fill=tuple(max(0, v - shade) for v in c))
    kind = rng.randrange(3)
    if kind == 0:  # buildings
        x = 0
        while x < w:
            bw = rng.randint(w // 8, w // 4)
            bh = rng.randint(h // 4, int(h * 0.7))
            g = rng.randint(150, 215)
            dr.rectangle((x, horizon - bh, x + bw, horizon + 4), fill=(g, g - 5, g - 15))
            for wy in range(horizon - bh + 8, horizon - 6, max(6, h // 14)):
                for wx in range(x + 5, x + bw - 6, max(7, w // 18)):
                    dr.rectangle((wx, wy, wx + max(2, w // 60), wy + max(2, h // 40)), fill=(90, 100, 120))
            x += bw + rng.randint(2, w // 20 + 3)
    elif kind == 1:  # road with pothole / water
        dr.polygon([(w * 0.35, horizon), (w * 0.65, horizon), (w, h), (0, h)], fill=(95, 95, 100))
        dr.ellipse((w * 0.4, h * 0.72, w * 0.7, h * 0.88), fill=(60, 55, 50))
    else:  # river / field and a pipe
        dr.rectangle((0, horizon, w, h), fill=(rng.randint(90, 130), rng.randint(110, 140), rng.randint(80, 110)))
        dr.ellipse((w * 0.1, h * 0.65, w * 0.9, h * 1.1), fill=(140, 130, 90))
    mask = None
    if r:
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, w - 1, h - 1), radius=cv.p(r), fill=255)
    cv.img.paste(im, (cv.p(x0), cv.p(y0)), mask)


def back_arrow(cv: Canvas, x, y, size, fill, width=2.0) -> None:
    cv.line(x + size * 0.5, y - size * 0.5, x, y, fill, width)
    cv.line(x, y, x + size * 0.5, y + size * 0.5, fill, width)


def fwd_arrow(cv: Canvas, x, y, size, fill, width=2.0) -> None:
    cv.line(x - size * 0.5, y - size * 0.5, x, y, fill, width)
    cv.line(x, y, x - size * 0.5, y + size * 0.5, fill, width)


def close_x(cv: Canvas, x, y, size, fill, width=2.0) -> None:
    cv.line(x - size / 2, y - size / 2, x + size / 2, y + size / 2, fill, width)
    cv.line(x - size / 2, y + size / 2, x + size / 2, y - size / 2, fill, width)


def dots(cv: Canvas, x, y, fill, r=1.8, gap=6.0, vertical=False) -> None:
    for i in (-1, 0, 1):
        cv.circle(x + (0 if vertical else i * gap), y + (i * gap if vertical else 0), r, fill=fill)


def heart(cv: Canvas, x, y, size, fill=None, outline=None) -> None:
    cv.text(x, y, "♥" if fill else "♡", size * 1.1, fill or outline, anchor="mm")


def bubble_icon(cv: Canvas, x, y, size, outline) -> None:
    cv.rect(x - size / 2, y - size * 0.4, x + size / 2, y + size * 0.3, outline=outline, r=size * 0.2, width=1.4)
    cv.line(x - size * 0.2, y + size * 0.3, x - size * 0.3, y + size * 0.5, outline, 1.4)


def share_icon(cv: Canvas, x, y, size, outline) -> None:
    cv.line(x - size / 2, y + size / 2, x + size / 2, y - size / 2, outline, 1.6)
    cv.line(x + size / 2, y - size / 2, x, y - size / 2, outline, 1.6)
    cv.line(x + size / 2, y - size / 2, x + size / 2, y, outline, 1.6)


# phone chrome -----------------------------------------------------------------------------------
STATUS_STYLES = ["ios", "android_left", "cn_carrier", "harmony"]


def battery(cv: Canvas, x, y, pct: int, fg, w=22.0, h=11.0) -> None:
    cv.rect(x, y, x + w, y + h, outline=fg, r=3, width=1)
    cv.rect(x + w + 1, y + h * 0.3, x + w + 2.5, y + h * 0.7, fill=fg)
    fillw = (w - 4) * pct / 100
    cv.rect(x + 2, y + 2, x + 2 + max(1, fillw), y + h - 2, fill=fg, r=1.5)


def signal(cv: Canvas, x, y_bottom, fg, bars=4) -> float:
    for i in range(4):
        hh = 3 + i * 2.5
        cv.rect(x + i * 4.2, y_bottom - hh, x + i * 4.2 + 2.8, y_bottom, fill=fg if i < bars else (150, 150, 150))
    return 17


def wifi(cv: Canvas, cx, y_bottom, fg) -> None:
    for r in (9, 6, 3):
        cv.d.arc((cv.p(cx - r), cv.p(y_bottom - r), cv.p(cx + r), cv.p(y_bottom + r)), 225, 315, fill=fg,
                 width=max(1, cv.p(1.6)))


def status_bar(cv: Canvas, fwd: datetime, style: str, fg, bg, rng: random.Random, y0: float = 0) -> float:
    """Draw a status bar at the top; return its height. The clock shows forwarded_at."""
    h = 44 if style == "ios" else 28
    if bg is not None:
        cv.rect(0, y0, cv.lw, y0 + h, fill=bg)
    W = cv.lw
    clock = f"{fwd.hour}:{fwd.minute:02d}" if style == "ios" else f"{fwd.hour:02d}:{fwd.minute:02d}"
    pct = rng.randint(12, 99)
    mid = y0 + h / 2 + (3 if style == "ios" else 0)
    if style == "ios":
        cv.text(W * 0.14, mid, clock, 15, fg, bold=True, anchor="mm")
        signal(cv, W - 88, mid + 5, fg)
        wifi(cv, W - 58, mid + 5, fg)
        battery(cv, W - 44, mid - 5.5, pct, fg)
    elif style == "android_left":
        cv.text(14, mid, clock, 12.5, fg, anchor="lm")
        cv.rect(54, mid - 4, 62, mid + 4, outline=fg, r=2)  # a notification icon
        cv.text(W - 14, mid, f"{pct}%", 11.5, fg, anchor="rm")
        battery(cv, W - 64, mid - 5, pct, fg, w=14, h=10)
        signal(cv, W - 88, mid + 5, fg)
    elif style == "cn_carrier":
        carrier = rng.choice(["中国移动", "中国电信", "中国联通"])
        net = rng.choice(["4G", "5G", "5G HD"])
        x = 12 + cv.text(12, mid, carrier, 11.5, fg, anchor="lm")
        cv.text(x + 4, mid, net, 10, fg, anchor="lm")
        cv.text(W - 12, mid, clock, 12, fg, anchor="rm")
        cv.text(W - 74, mid, f"{pct}%", 11, fg, anchor="rm")
        battery(cv, W - 70, mid - 5, pct, fg, w=16, h=10)
        signal(cv, W - 130, mid + 5, fg)
    else:  # harmony: carrier left, clock right of centre-right
        carrier = rng.choice(["中国移动", "中国联通"])
        cv.text(12, mid, carrier, 11.5, fg, anchor="lm")
        signal(cv, 72, mid + 5, fg)
        cv.text(W - 12, mid, clock, 12.5, fg, anchor="rm")
        battery(cv, W - 72, mid - 5, pct, fg, w=18, h=10)
        cv.text(W - 76, mid, f"{pct}", 10, fg, anchor="rm")
    return h


def home_indicator(cv: Canvas, H: float, fg, style: str) -> None:
    if style == "ios":
        cv.rect(cv.lw / 2 - 67, H - 9, cv.lw / 2 + 67, H - 4, fill=fg, r=3)
    elif style == "harmony":
        cv.rect(cv.lw / 2 - 50, H - 8, cv.lw / 2 + 50, H - 5, fill=fg, r=2)


def taskbar(cv: Canvas, H: float, fwd: datetime, dark: bool, style: int) -> float:
    """A Windows taskbar at the bottom; the clock shows forwarded_at. Returns its height."""
    h = 40 if style == 0 else 48
    bg = (32, 32, 36) if dark or style == 0 else (238, 242, 248)
    fg = (255, 255, 255) if dark or style == 0 else (20, 20, 20)
    cv.rect(0, H - h, cv.lw, H, fill=bg)
    if style == 0:  # win10: start at left, icons, clock right
        for i in range(2):
            for j in range(2):
                cv.rect(14 + i * 9, H - h / 2 - 8 + j * 9, 21 + i * 9, H - h / 2 - 1 + j * 9, fill=fg)
        cv.rect(50, H - h + 6, 260, H - 6, fill=(255, 255, 255))
        cv.text(60, H - h / 2, "在这里输入你要搜索的内容", 12, (110, 110, 110), anchor="lm")
        icons_x = 280
    else:  # win11: centred icons
        icons_x = cv.lw / 2 - 110
        for i in range(2):
            for j in range(2):
                cv.rect(icons_x + i * 10, H - h / 2 - 9 + j * 10, icons_x + 8 + i * 10, H - h / 2 - 1 + j * 10,
                        fill=(0, 120, 212))
        icons_x += 40
    cols = [(255, 185, 0), (0, 120, 212), (16, 137, 62), (232, 17, 35), (7, 193, 96)]
    for i, c in enumerate(cols):
        cv.rect(icons_x + i * 40, H - h / 2 - 10, icons_x + i * 40 + 20, H - h / 2 + 10, fill=c, r=4)
    date = f"{fwd.year}/{fwd.month}/{fwd.day}" if style == 0 else f"{fwd.year}/{fwd.month:02d}/{fwd.day:02d}"
    cv.text(cv.lw - 60, H - h / 2 - 8, f"{fwd.hour}:{fwd.minute:02d}", 11.5, fg, anchor="mm")
    cv.text(cv.lw - 60, H - h / 2 + 9, date, 11.5, fg, anchor="mm")
    cv.text(cv.lw - 130, H - h / 2, "中", 12, fg, anchor="mm")
    cv.text(cv.lw - 160, H - h / 2, "^", 12, fg, anchor="mm")
    return h


def save(img: Image.Image, path: Path, jpeg_q: int | None) -> str:
    if jpeg_q:
        path = path.with_suffix(".jpg")
        img.save(path, "JPEG", quality=jpeg_q, optimize=False)
    else:
        path = path.with_suffix(".png")
        img.save(path, "PNG", compress_level=3)
    return path.name
