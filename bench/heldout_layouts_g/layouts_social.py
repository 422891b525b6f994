"""Forum and social-app layouts: 百度贴吧, 小红书, 微博, 抖音."""
from __future__ import annotations

from datetime import timedelta

from . import content
from .draw import Ink
from .scene import Page, Scene
from .timefmt import app_stamp, later


def _palette(dark: bool) -> dict:
    if dark:
        return dict(bg=(24, 24, 26), card=(36, 36, 40), text=(225, 225, 228), sub=(140, 140, 146),
                    line=(55, 55, 60), hi=(48, 44, 34), link=(110, 160, 230))
    return dict(bg=(255, 255, 255), card=(246, 247, 249), text=(30, 30, 30), sub=(150, 150, 150),
                line=(235, 235, 238), hi=(255, 247, 222), link=(50, 90, 170))


def _after(s: Scene, minutes: int = 600):
    """A moment after the post, not after the screenshot."""
    return later(s.shown.resolved, min(s.fwd, s.shown.resolved + timedelta(minutes=minutes)), s.rng)


def tieba_thread(s: Scene) -> Page:
    c = _palette(s.dark)
    rng = s.rng
    ink = Ink(s.width, s.u, c["bg"])
    W = ink.W
    p = s.complaint.place
    bar = (p.county[:-1] if len(p.county) == 3 else p.city_short) + "吧"
    ink.text(14, 12, "<", 20, c["text"])
    ink.avatar(56, 24, 14, bar, square=True)
    ink.text(76, 14, bar, 16, c["text"], bold=True)
    ink.chip(W - 64, 12, "进吧", 13, (255, 255, 255), (70, 110, 240), pad=8, r=12)
    ink.line(0, 48, W, 48, c["line"])
    x, maxw = 16, W - 32

    def head(y, name, lv, op=False):
        ink.avatar(x + 18, y + 18, 18, name)
        nx = x + 44
        ink.text(nx, y + 2, name, 14, c["link"] if not s.dark else c["text"])
        bx = nx + ink.measure(name, 14) + 6
        bx += ink.chip(bx, y + 3, f"Lv.{lv}", 10, (255, 255, 255), (240, 150, 40) if lv > 9 else (90, 140, 230), pad=3) + 4
        if op:
            ink.chip(bx, y + 3, "楼主", 10, (70, 110, 240), c["bg"], pad=3, outline=(70, 110, 240))
        ink.text(nx, y + 21, rng.choice(["湖南", "IP属地:湖南"]), 11, c["sub"])
        return y + 44

    y = head(60, s.author, rng.randint(3, 14), op=True)
    y = ink.para(x, y, s.title, 18, c["text"], maxw, lh=1.4, bold=True) + 2
    for i, t in enumerate(s.paras):
        y = ink.para(x, y, t, 16, c["text"], maxw, lh=1.65) + (4 if i < len(s.paras) - 1 else 0)
    post_bottom = y
    client = rng.choice(["来自Android客户端", "来自iPhone客户端", ""])
    ink.text(x, y + 8, f"1楼 {s.shown.text} {client}".strip(), 12, c["sub"])
    ink.text(W - 16, y + 8, "回复　赞", 12, c["sub"], anchor="ra")
    y += 40
    ink.rect(0, y, W, y + 8, fill=c["card"])
    y += 18
    floor = 2
    picks = rng.sample(content.REPLY_COMMENTS, rng.randint(2, 4))
    times = sorted(_after(s) for _ in picks)
    for tpl, when in zip(picks, times, strict=True):
        name = rng.choice([n for n in content.TIEBA_NICKS + content.SOCIAL_NICKS if n != s.author])
        y = head(y, name, rng.randint(1, 12))
        y = ink.para(x + 44, y - 2, s.other(tpl), 15, c["text"], maxw - 44, lh=1.6)
        ink.text(x + 44, y + 6, f"{floor}楼 {when:%m-%d %H:%M} {rng.choice(['来自Android客户端', '来自iPhone客户端'])}", 12, c["sub"])
        floor += rng.randint(1, 3)
        y += 34
        ink.line(x + 44, y, W, y, c["line"])
        y += 14
    return Page(ink, post_bottom + 30, y + 10, bar_bg=c["bg"], bar_fg=c["text"])


XHS_TAGS = ["#噪音扰民", "#民生问题", "#求助", "#物业", "#老旧小区", "#出行", "#投诉", "#吐槽", "#城市生活"]


def xhs_note(s: Scene) -> Page:
    c = _palette(s.dark)
    rng = s.rng
    ink = Ink(s.width, s.u, c["bg"])
    W = ink.W
    red = (255, 36, 66)
    ink.text(12, 12, "<", 20, c["text"])
    ink.avatar(50, 24, 15, s.author)
    ink.text(72, 14, s.author, 15, c["text"])
    ink.chip(W - 98, 11, " 关注 ", 13, red, c["bg"], pad=8, r=13, outline=red)
    ink.text(W - 16, 12, "↗", 18, c["text"], anchor="ra")
    y = 50
    ih = W * rng.choice([0.75, 0.9, 1.0])
    top = rng.choice([(150, 180, 210), (170, 170, 160), (120, 140, 120)])
    for i in range(40):
        f = i / 40
        col = tuple(int(a * (1 - f) + b * f) for a, b in zip(top, (90, 90, 95), strict=True))
        ink.rect(0, y + ih * f, W, y + ih * (f + 1 / 40) + 1, fill=col)
    ink.rect(W * 0.1, y + ih * 0.55, W * 0.9, y + ih, fill=(80, 80, 84))
    ink.chip(W - 50, y + 12, f"1/{rng.randint(2, 6)}", 11, (255, 255, 255), (60, 60, 60), pad=6, r=9)
    y += ih + 10
    for i in range(3):
        ink.circle(W / 2 - 10 + i * 10, y, 2.5, fill=red if i == 0 else c["sub"])
    y += 16
    x, maxw = 16, W - 32
    y = ink.para(x, y, s.title, 18, c["text"], maxw, lh=1.4, bold=True) + 4
    for t in s.paras:
        y = ink.para(x, y, t, 15, c["text"], maxw, lh=1.7) + 2
    tags = " ".join(rng.sample(XHS_TAGS, rng.randint(2, 4)))
    y = ink.para(x, y, tags, 15, c["link"], maxw, lh=1.7)
    s.paras = s.paras + [tags]  # hashtags are part of the body
    post_bottom = y
    ink.text(x, y + 8, f"编辑于 {s.shown.text} 湖南", 12, c["sub"])
    y += 40
    ink.line(x, y, W - 16, y, c["line"])
    y += 14
    ink.text(x, y, f"共 {rng.randint(5, 300)} 条评论", 13, c["sub"])
    y += 30
    for tpl in rng.sample(content.REPLY_COMMENTS, rng.randint(2, 4)):
        name = rng.choice([n for n in content.SOCIAL_NICKS if n != s.author])
        ink.avatar(x + 16, y + 16, 16, name)
        ink.text(x + 42, y, name, 13, c["sub"])
        y = ink.para(x + 42, y + 20, s.other(tpl), 14, c["text"], maxw - 80, lh=1.55)
        ink.text(x + 42, y + 4, f"{app_stamp(_after(s), s.fwd, False)} 湖南　回复", 12, c["sub"])
        ink.text(W - 16, y - 30, f"♡ {rng.randint(0, 99)}", 12, c["sub"], anchor="ra")
        y += 36
    return Page(ink, post_bottom + 30, y + 10, bar_bg=c["bg"], bar_fg=c["text"])


def weibo_comment(s: Scene) -> Page:
    c = _palette(s.dark)
    rng = s.rng
    ink = Ink(s.width, s.u, c["card"] if not s.dark else c["bg"])
    W = ink.W
    ink.rect(0, 0, W, 46, fill=c["bg"])
    ink.text(12, 11, "<", 20, c["text"])
    ink.text(W / 2, 12, "微博正文", 17, c["text"], bold=True, anchor="ma")
    ink.text(W - 14, 9, "⋯", 20, c["text"], anchor="ra")
    x, maxw = 14, W - 28
    y = 54
    news = rng.choice(content.NEWS_ACCOUNTS)
    orig = s.other(rng.choice(content.NEWS_CAPTIONS))
    oh = ink.para_height(orig, 16, maxw, 1.6)
    ink.rect(0, y, W, y + oh + 100, fill=c["bg"])
    ink.avatar(x + 20, y + 26, 20, news)
    ink.text(x + 50, y + 8, news, 15, (235, 115, 65), bold=True)
    ink.circle(x + 34, y + 40, 6, fill=(255, 180, 0))
    ink.text(x + 50, y + 30, f"{s.shown.resolved - timedelta(hours=rng.randint(1, 20)):%m-%d %H:%M} 来自 微博视频号", 11, c["sub"])
    y = ink.para(x, y + 60, orig, 16, c["text"], maxw, lh=1.6)
    ink.text(x, y + 10, f"转发 {rng.randint(5, 900)}　　评论 {rng.randint(50, 3000)}　　赞 {rng.randint(100, 9000)}", 13, c["sub"])
    y += 48
    ink.rect(0, y, W, y + 10000, fill=c["bg"])
    ink.text(x, y + 12, "转发", 15, c["sub"])
    ink.text(x + 60, y + 12, "评论", 15, c["text"], bold=True)
    ink.rect(x + 62, y + 36, x + 88, y + 39, fill=(255, 130, 0))
    ink.text(x + 120, y + 12, "赞", 15, c["sub"])
    ink.text(W - 14, y + 14, "按热度 ⇅", 13, c["sub"], anchor="ra")
    y += 50
    others = rng.sample(content.REPLY_COMMENTS, 4)
    pos = rng.randint(0, 2)
    post_bottom = 0
    for i in range(4):
        mine = i == pos
        name = s.author if mine else rng.choice([n for n in content.WEIBO_NICKS + content.SOCIAL_NICKS if n != s.author])
        if mine:
            text_h = sum(ink.para_height(t, 15, maxw - 46, 1.6) for t in s.paras)
            ink.rect(0, y - 8, W, y + text_h + 56, fill=c["hi"])
        ink.avatar(x + 17, y + 17, 17, name)
        ink.text(x + 46, y, name, 14, c["link"] if not s.dark else (160, 180, 230))
        yy = y + 22
        if mine:
            for t in s.paras:
                yy = ink.para(x + 46, yy, t, 15, c["text"], maxw - 46, lh=1.6)
            post_bottom = yy
            when = s.shown.text
        else:
            yy = ink.para(x + 46, yy, s.other(others[i]), 15, c["text"], maxw - 46, lh=1.6)
            when = app_stamp(_after(s), s.fwd)
        ink.text(x + 46, yy + 6, f"{when} 来自湖南", 12, c["sub"])
        ink.text(W - 14, yy + 6, f"赞 {rng.randint(0, 400)}" if not mine else "回复", 12, c["sub"], anchor="ra")
        y = yy + 40
        ink.line(x + 46, y - 8, W, y - 8, c["line"])
    return Page(ink, post_bottom + 30, y + 10, bar_bg=c["bg"], bar_fg=c["text"])


def douyin_reply(s: Scene) -> Page:
    rng = s.rng
    dark = s.dark
    bg = (22, 22, 24) if dark else (255, 255, 255)
    text = (230, 230, 232) if dark else (22, 22, 22)
    sub = (130, 130, 136) if dark else (140, 140, 146)
    hi = (46, 46, 50) if dark else (242, 242, 244)
    ink = Ink(s.width, s.u, (8, 8, 10))
    W = ink.W
    vh = W * rng.uniform(0.55, 0.75)
    for i in range(30):
        f = i / 30
        col = (int(60 + 40 * f), int(70 + 20 * f), int(80 - 30 * f))
        ink.rect(0, vh * f, W, vh * (f + 1 / 30) + 1, fill=col)
    news = rng.choice(content.NEWS_ACCOUNTS)
    ink.text(14, vh - 74, f"@{news}", 16, (255, 255, 255), bold=True)
    ink.para(14, vh - 50, s.other(rng.choice(content.NEWS_CAPTIONS)), 13, (240, 240, 240), W - 80, lh=1.45)
    y = vh + 6
    ink.rect(0, y, W, y + 10000, fill=bg, r=12)
    ink.text(W / 2, y + 14, f"{rng.randint(120, 9800)}条评论", 13, text, anchor="ma")
    ink.text(W - 16, y + 10, "×", 20, text, anchor="ra")
    y += 50
    x, maxw = 14, W - 28
    top_name = rng.choice([n for n in content.SOCIAL_NICKS if n != s.author])

    def comment(y, name, body_paras, when, indent, avatar_r, highlight=False, target=None):
        cx = x + indent
        tw = maxw - indent - 2 * avatar_r - 40
        if highlight:
            h = sum(ink.para_height(t, 15, tw, 1.55) for t in body_paras) + 56
            ink.rect(0, y - 6, W, y + h, fill=hi)
        ink.avatar(cx + avatar_r, y + avatar_r, avatar_r, name)
        tx = cx + 2 * avatar_r + 10
        ink.text(tx, y, name, 13, sub)
        if target:
            nx = tx + ink.measure(name, 13) + 4
            ink.text(nx, y + 2, "▶", 9, sub)
            ink.text(nx + 14, y, target, 13, sub)
        yy = y + 22
        for t in body_paras:
            yy = ink.para(tx, yy, t, 15, text, tw, lh=1.55)
        bottom = yy
        ink.text(tx, yy + 4, f"{when} · 湖南　　回复", 12, sub)
        ink.text(W - 18, y + 10, "♡", 16, sub, anchor="ra")
        ink.text(W - 18, y + 32, str(rng.randint(0, 500)), 11, sub, anchor="ra")
        return yy + 34, bottom

    first_when = app_stamp(s.shown.resolved - timedelta(minutes=rng.randint(10, 300)), s.fwd, False)
    y, _ = comment(y, top_name, [s.other(rng.choice(content.REPLY_COMMENTS))], first_when, 0, 18)
    before = rng.random() < 0.5
    mate = rng.choice([n for n in content.SOCIAL_NICKS if n not in (s.author, top_name)])
    if before:
        y, _ = comment(y, mate, [s.other(rng.choice(content.REPLY_COMMENTS))], first_when, 46, 12)
    target = mate if before and rng.random() < 0.5 else None
    y, post_bottom = comment(y, s.author, s.paras, s.shown.text, 46, 12, highlight=True, target=target)
    if not before:
        later_when = app_stamp(_after(s), s.fwd, False)
        y, _ = comment(y, mate, [s.other(rng.choice(content.REPLY_COMMENTS))], later_when, 46, 12)
    ink.text(x + 100, y, f"—— 展开{rng.randint(2, 30)}条回复 ∨", 12, sub)
    y += 34
    for tpl in rng.sample(content.REPLY_COMMENTS, 2):
        name = rng.choice([n for n in content.SOCIAL_NICKS if n != s.author])
        y, _ = comment(y, name, [s.other(tpl)], app_stamp(_after(s), s.fwd, False), 0, 18)
    return Page(ink, post_bottom + 40, y + 10, bar_bg=(60, 70, 80), bar_fg=(255, 255, 255))
