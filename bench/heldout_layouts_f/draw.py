"""Drawing helpers for family f (Pillow only)."""
from PIL import Image, ImageDraw

from bench.heldout_layouts.fonts import FontBook

_FB = None


def fonts():
    global _FB
    if _FB is None:
        _FB = FontBook()
    return _FB


LIGHT = dict(bg="#ffffff", page="#f4f5f7", panel="#ffffff", text="#1f1f1f", sub="#8a8a8a",
             line="#e3e3e3", bubble="#ffffff", mine="#95ec69", chrome="#dee1e6", tab="#ffffff",
             addr="#f1f3f4", taskbar="#e9eef5", taskfg="#202020", dark=False)
DARK = dict(bg="#1e1e1e", page="#121212", panel="#232323", text="#e6e6e6", sub="#8c8c8c",
            line="#353535", bubble="#2c2c2c", mine="#3eb575", chrome="#202124", tab="#35363a",
            addr="#282828", taskbar="#1c1c1c", taskfg="#f0f0f0", dark=True)


class Canvas:
    def __init__(self, w, h, fill):
        self.img = Image.new("RGB", (w, h), fill)
        self.d = ImageDraw.Draw(self.img)
        self.w, self.h = w, h

    def font(self, px, bold=False):
        return fonts().get(px, bold)

    def tw(self, s, px, bold=False):
        return self.font(px, bold).getlength(s)

    def text(self, x, y, s, px, fill, bold=False, anchor="la"):
        self.d.text((x, y), s, font=self.font(px, bold), fill=fill, anchor=anchor)
        return x + self.tw(s, px, bold)

    def rect(self, box, fill=None, outline=None, r=0, width=1):
        box = [int(v) for v in box]
        if r:
            self.d.rounded_rectangle(box, r, fill=fill, outline=outline, width=width)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=width)

    def circle(self, cx, cy, r, fill):
        self.d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill)

    def line(self, x0, y0, x1, y1, fill, width=1):
        self.d.line([(x0, y0), (x1, y1)], fill=fill, width=width)

    def wrap(self, s, px, width, bold=False):
        f = self.font(px, bold)
        lines, cur = [], ""
        for ch in s:
            if cur and f.getlength(cur + ch) > width:
                if ch in "，。、；：！？）》”" and len(cur) > 1:
                    lines.append(cur[:-1]); cur = cur[-1] + ch; continue
                lines.append(cur); cur = ch
            else:
                cur += ch
        if cur:
            lines.append(cur)
        return lines

    def para(self, x, y, s, px, width, fill, lh=1.6, bold=False, indent=False):
        if indent:
            s = "\u3000\u3000" + s
        for ln in self.wrap(s, px, width, bold):
            self.text(x, y, ln, px, fill, bold)
            y += px * lh
        return y

    def para_h(self, s, px, width, lh=1.6, bold=False, indent=False):
        if indent:
            s = "\u3000\u3000" + s
        return len(self.wrap(s, px, width, bold)) * px * lh

    def avatar(self, x, y, size, seed, r=None):
        cols = ["#f2a65a", "#5ab4f2", "#7fc97f", "#d98cb3", "#9c8cd9", "#e0c35a", "#6cc3b5", "#e07a5f"]
        self.rect([x, y, x + size, y + size], fill=cols[seed % len(cols)], r=r if r is not None else size // 6)


def taskbar(c, y, h, fwd, th, rng, s=1.0):
    """Windows 10/11-style taskbar with the clock at the right."""
    from .timefmt import taskbar_strings
    c.rect([0, y, c.w, y + h], fill=th["taskbar"])
    win11 = rng.random() < 0.5
    n = 8
    x0 = c.w / 2 - n * h * 0.5 if win11 else h * 0.3
    cols = ["#2b7cd3", "#f5b800", "#1aad19", "#12b7f5", "#3370ff", "#e53935", "#7e57c2", "#43a047"]
    for i in range(n):
        x = x0 + i * h * 1.0
        c.rect([x + h * 0.22, y + h * 0.22, x + h * 0.78, y + h * 0.78], fill=cols[i], r=int(h * 0.1))
    if not win11:
        c.rect([h * 1.3 + n * h, y + h * 0.18, h * 1.3 + n * h + 300 * s, y + h * 0.82], fill=th["panel"])
        c.text(h * 1.3 + n * h + 12 * s, y + h / 2, "在这里输入你要搜索的内容", 13 * s, th["sub"], anchor="lm")
    hm, ymd = taskbar_strings(fwd)
    px = 12 * s
    xr = c.w - 24 * s
    c.text(xr, y + h * 0.32, hm, px, th["taskfg"], anchor="rm")
    c.text(xr, y + h * 0.70, ymd, px, th["taskfg"], anchor="rm")
    c.text(xr - 90 * s, y + h / 2, "中", px * 1.1, th["taskfg"], anchor="mm")
    c.text(xr - 120 * s, y + h / 2, "^", px * 1.1, th["taskfg"], anchor="mm")


def browser(c, y, tab_title, url, th, s=1.0, other_tabs=()):
    """Chrome/Edge-like tab strip and address bar; returns the y below it."""
    h1, h2 = 38 * s, 40 * s
    c.rect([0, y, c.w, y + h1 + h2], fill=th["chrome"])
    x = 8 * s
    tabs = [(tab_title, True)] + [(t, False) for t in other_tabs]
    for t, active in tabs:
        w = 230 * s
        if active:
            c.rect([x, y + 6 * s, x + w, y + h1 + 4], fill=th["tab"], r=int(8 * s))
        c.rect([x + 10 * s, y + 14 * s, x + 26 * s, y + 30 * s], fill="#d33" if active else "#888", r=3)
        lab = t if len(t) <= 13 else t[:12] + "…"
        c.text(x + 34 * s, y + 22 * s, lab, 12 * s, th["text"] if active else th["sub"], anchor="lm")
        c.text(x + w - 16 * s, y + 22 * s, "×", 13 * s, th["sub"], anchor="mm")
        x += w + 4 * s
    c.text(x + 14 * s, y + 22 * s, "+", 18 * s, th["sub"], anchor="mm")
    # window buttons
    for i, g in enumerate(["×", "□", "—"]):
        c.text(c.w - (30 + 46 * i) * s, y + 18 * s, g, 13 * s, th["text"], anchor="mm")
    yb = y + h1
    c.rect([0, yb, c.w, yb + h2], fill=th["tab"])
    for i, g in enumerate(["←", "→", "○"]):
        c.text((22 + 34 * i) * s, yb + h2 / 2, g, 16 * s, th["sub"], anchor="mm")
    c.rect([125 * s, yb + 6 * s, c.w - 120 * s, yb + h2 - 6 * s], fill=th["addr"], r=int(14 * s))
    c.text(145 * s, yb + h2 / 2, url, 13 * s, th["text"], anchor="lm")
    c.line(0, yb + h2 - 1, c.w, yb + h2 - 1, th["line"])
    return yb + h2


def win_titlebar(c, x0, y, x1, h, title, th, s=1.0, fill=None):
    c.rect([x0, y, x1, y + h], fill=fill or th["chrome"])
    if title:
        c.text(x0 + 14 * s, y + h / 2, title, 12 * s, th["sub"], anchor="lm")
    for i, g in enumerate(["×", "□", "—"]):
        c.text(x1 - (24 + 40 * i) * s, y + h / 2, g, 12 * s, th["text"], anchor="mm")


def status_bar(c, y, h, fwd, th, s, fg=None):
    fg = fg or th["text"]
    c.text(26 * s, y + h / 2, f"{fwd.hour}:{fwd.minute:02d}" if s > 0 else "", 15 * s, fg, bold=True, anchor="lm")
    xr = c.w - 22 * s
    c.rect([xr - 26 * s, y + h / 2 - 6 * s, xr, y + h / 2 + 6 * s], outline=fg, r=int(3 * s), width=max(1, int(s)))
    c.rect([xr - 23 * s, y + h / 2 - 3 * s, xr - 8 * s, y + h / 2 + 3 * s], fill=fg)
    for i in range(4):
        c.rect([xr - 60 * s + i * 5 * s, y + h / 2 + 5 * s - (i + 1) * 3 * s, xr - 57 * s + i * 5 * s,
                y + h / 2 + 5 * s], fill=fg)
    c.text(xr - 72 * s, y + h / 2, "5G", 11 * s, fg, bold=True, anchor="rm")
