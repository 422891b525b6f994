"""Drawing helpers for family d: a vertical flow canvas, wrapping, status bars, taskbar."""
from __future__ import annotations

from PIL import Image, ImageDraw

from bench.heldout_layouts.fonts import FontBook

_FB = None


def F(px, bold=False):
    global _FB
    if _FB is None:
        _FB = FontBook()
    return _FB.get(px, bold)


def wrap(text, font, maxw):
    lines, cur = [], ""
    for ch in text:
        if font.getlength(cur + ch) > maxw and cur:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


LIGHT = dict(bg=(255, 255, 255), fg=(25, 25, 25), sub=(140, 140, 140), line=(230, 230, 230),
             card=(246, 246, 246), accent=(215, 30, 30), link=(40, 90, 170))
DARK = dict(bg=(22, 22, 24), fg=(225, 225, 225), sub=(130, 130, 135), line=(55, 55, 58),
            card=(38, 38, 42), accent=(240, 80, 70), link=(110, 160, 230))


class Flow:
    """A tall canvas with a y cursor; crop() trims it to the drawn height."""

    def __init__(self, w, theme, bg=None, maxh=9000):
        self.w, self.t = w, theme
        self.img = Image.new("RGB", (w, maxh), bg or theme["bg"])
        self.d = ImageDraw.Draw(self.img)
        self.y = 0
        self.s = w / 1080  # scale

    def px(self, v):
        return int(round(v * self.s))

    def rect(self, x0, y0, x1, y1, fill, r=0, outline=None):
        if r:
            self.d.rounded_rectangle((x0, y0, x1, y1), r, fill=fill, outline=outline)
        else:
            self.d.rectangle((x0, y0, x1, y1), fill=fill, outline=outline)

    def text(self, x, y, s, size, color=None, bold=False, anchor="la"):
        self.d.text((x, y), s, font=F(size, bold), fill=color or self.t["fg"], anchor=anchor)
        return F(size, bold).getlength(s)

    def para(self, s, x, maxw, size, color=None, bold=False, gap=1.5):
        f = F(size, bold)
        for ln in wrap(s, f, maxw):
            self.d.text((x, self.y), ln, font=f, fill=color or self.t["fg"])
            self.y += int(size * gap)

    def hline(self, x0=0, x1=None, color=None):
        self.d.line((x0, self.y, x1 or self.w, self.y), fill=color or self.t["line"], width=max(1, self.px(2)))

    def crop(self, minh):
        h = max(self.y, minh)
        return self.img.crop((0, 0, self.w, h))


def status_bar(fl, clock, style, dark_bar=None):
    """Phone status bar; clock = HH:MM of forwarded_at."""
    h = fl.px(90)
    col = fl.t["fg"] if dark_bar is None else dark_bar
    sz = fl.px(36)
    if style == 0:  # iPhone-ish: clock left
        fl.text(fl.px(70), h // 2, clock, sz, col, True, "lm")
        fl.text(fl.w - fl.px(60), h // 2, "5G  86%", fl.px(30), col, True, "rm")
    elif style == 1:  # Android: carrier + clock left
        fl.text(fl.px(40), h // 2, clock, sz, col, False, "lm")
        fl.text(fl.px(40) + F(sz).getlength(clock) + fl.px(20), h // 2, "中国移动 4G", fl.px(28), col, False, "lm")
        fl.text(fl.w - fl.px(40), h // 2, "57%", fl.px(30), col, False, "rm")
    else:  # centred clock
        fl.text(fl.px(40), h // 2, "中国电信", fl.px(28), col, False, "lm")
        fl.text(fl.w // 2, h // 2, clock, sz, col, True, "mm")
        fl.text(fl.w - fl.px(40), h // 2, "WiFi 100%", fl.px(28), col, False, "rm")
    fl.y = h


def taskbar(img, fwd, dark=True):
    """Append a Windows-style taskbar with the clock at the bottom right."""
    w, h = img.size
    th = 48
    out = Image.new("RGB", (w, h + th), (32, 32, 36) if dark else (235, 238, 242))
    out.paste(img, (0, 0))
    d = ImageDraw.Draw(out)
    col = (240, 240, 240) if dark else (20, 20, 20)
    d.text((w - 70, h + 14), f"{fwd.hour}:{fwd.minute:02d}", font=F(14), fill=col, anchor="mm")
    d.text((w - 70, h + 33), f"{fwd.year}/{fwd.month}/{fwd.day}", font=F(13), fill=col, anchor="mm")
    for i in range(6):
        d.rectangle((14 + i * 44, h + 12, 38 + i * 44, h + 36), fill=(90, 140, 220) if i == 0 else (120, 120, 130))
    return out


def photo(fl, x, y, w, h, seed):
    """Flat fake photo: sky, ground and a block."""
    c1 = (120 + seed * 37 % 100, 150 + seed * 13 % 80, 190)
    fl.rect(x, y, x + w, y + h // 2, c1)
    fl.rect(x, y + h // 2, x + w, y + h, (110, 100 + seed * 7 % 60, 80))
    fl.rect(x + w // 4, y + h // 4, x + w // 2, y + h * 3 // 4, (170, 160, 150))
