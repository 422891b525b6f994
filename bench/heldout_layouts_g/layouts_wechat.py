"""WeChat layouts: a group chat with a pasted post, and a 公众号 reader's-letter article."""
from __future__ import annotations

from datetime import timedelta

from . import content
from .draw import Ink
from .scene import Page, Scene
from .timefmt import later

GROUP_NAMES = ["{c}业主交流群", "{c}邻里互助群", "{c}二期业主群", "{c}家长群", "{c}维权群"]
ARTICLE_TITLES = ["读者来信｜你反映的烦心事，我们帮你问", "读者来信（第{n}期）：群众的声音",
                  "来信选登｜这些民生问题，期待回音", "民声直通车·读者来信第{n}期"]
ACCOUNTS = ["{s}民生热线", "{s}身边事", "潇湘百姓说", "{s}城事通", "民生观察员"]


def wx_group_paste(s: Scene) -> Page:
    rng = s.rng
    dark = s.dark
    bg = (17, 17, 17) if dark else (237, 237, 237)
    bubble = (44, 44, 44) if dark else (255, 255, 255)
    mine = (38, 160, 80) if dark else (149, 236, 105)
    text = (220, 220, 220) if dark else (25, 25, 25)
    sub = (120, 120, 120) if dark else (150, 150, 150)
    ink = Ink(s.width, s.u, bg)
    W = ink.W
    p = s.complaint.place
    other = content.pick_place(rng, p)
    group = rng.choice(GROUP_NAMES).format(c=other.compound.removesuffix("小区"))
    ink.text(14, 12, "<", 20, text)
    ink.text(W / 2, 13, f"{group}({rng.randint(40, 499)})", 16, text, bold=True, anchor="ma")
    ink.text(W - 16, 10, "⋯", 20, text, anchor="ra")
    ink.line(0, 48, W, 48, (40, 40, 40) if dark else (215, 215, 215))
    maxw = W * 0.66
    members = [n for n in content.GROUP_NICKS if n != s.author]
    rng.shuffle(members)

    def bubble_msg(y, name, lines, right=False):
        widths = [ink.measure(w, 16) for line in lines for w in ink.wrap(line, 16, maxw - 24)]
        bw = min(maxw, max(widths) + 24)
        h = sum(ink.para_height(line, 16, maxw - 24, 1.5) for line in lines) + 18
        if right:
            ink.avatar(W - 32, y + 20, 20, "我", square=True)
            bx = W - 58 - bw
            ink.rect(bx, y, bx + bw, y + h, fill=mine, r=5)
            yy = y + 9
        else:
            ink.avatar(32, y + 20, 20, name, square=True)
            ink.text(62, y - 2, name, 12, sub)
            y += 18
            bx = 62
            ink.rect(bx, y, bx + bw, y + h, fill=bubble, r=5)
            yy = y + 9
        for line in lines:
            yy = ink.para(bx + 12, yy, line, 16, text if not right else (20, 20, 20), maxw - 24, lh=1.5)
        return y + h + 16, yy

    def stamp(y, label):
        ink.text(W / 2, y, label, 12, sub, anchor="ma")
        return y + 30

    y = 62
    for i in range(rng.randint(1, 2)):
        y, _ = bubble_msg(y, members[i], [s.other(rng.choice(content.CHAT_LINES))], right=rng.random() < 0.3)
    y = stamp(y, s.shown.text)
    lines = ([f"【{s.title}】"] if s.title else []) + s.paras
    y, post_bottom = bubble_msg(y, s.author, lines)
    for i in range(2, 2 + rng.randint(2, 4)):
        y, _ = bubble_msg(y, members[i], [s.other(rng.choice(content.CHAT_LINES))], right=rng.random() < 0.25)
    return Page(ink, post_bottom + 20, y, bar_bg=bg, bar_fg=text)


def wx_article_letter(s: Scene) -> Page:
    rng = s.rng
    dark = s.dark
    bg = (25, 25, 25) if dark else (255, 255, 255)
    text = (210, 210, 210) if dark else (30, 30, 30)
    sub = (120, 120, 120) if dark else (150, 150, 150)
    link = (110, 140, 200) if dark else (87, 107, 149)
    ink = Ink(s.width, s.u, bg)
    W = ink.W
    p = s.complaint.place
    other = content.pick_place(rng, p)
    account = rng.choice(ACCOUNTS).format(s=other.city_short)
    ink.text(16, 12, "×", 20, text)
    ink.text(W - 16, 10, "⋯", 20, text, anchor="ra")
    x, maxw = 20, W - 40
    y = ink.para(x, 62, rng.choice(ARTICLE_TITLES).format(n=rng.randint(3, 60)), 22, text, maxw, lh=1.4, bold=True) + 12
    pub = later(s.shown.resolved + timedelta(days=1), s.fwd, rng) if s.fwd - s.shown.resolved > timedelta(days=1) else s.fwd
    cx = x + ink.chip(x, y, "原创", 11, sub, (240, 240, 240) if not dark else (45, 45, 45), pad=4) + 8
    cx += ink.text(cx, y + 1, account, 14, link) + 10
    ink.text(cx, y + 2, f"{pub.year}年{pub.month}月{pub.day}日 {pub:%H:%M} 湖南", 13, sub)
    y += 42
    y = ink.para(x, y, "本期刊发读者来信，来信内容仅代表读者个人观点。我们已将来信转交有关部门，并将持续关注。", 15, sub, maxw, lh=1.8) + 18
    ink.rect(x, y, x + 4, y + 20, fill=(7, 193, 96))
    ink.text(x + 12, y, "读者来信", 16, text, bold=True)
    y += 38
    if s.title:
        y = ink.para(x, y, s.title, 17, text, maxw, lh=1.5, bold=True) + 8
    ink.text(x, y, f"来信人：{s.author}", 14, sub)
    ink.text(x, y + 24, f"来信时间：{s.shown.text}", 14, sub)
    y += 58
    for t in s.paras:
        y = ink.para(x, y, t, 16, text, maxw, lh=1.8) + 10
    post_bottom = y
    y += 14
    ink.line(x, y, W - 20, y, (50, 50, 50) if dark else (230, 230, 230))
    y = ink.para(x, y + 18, s.other(rng.choice(content.ARTICLE_EDITOR_NOTES)), 15, sub, maxw, lh=1.8) + 24
    ink.text(x, y, f"阅读 {rng.randint(1, 9)}.{rng.randint(0, 9)}万　　赞 {rng.randint(10, 300)}　　在看 {rng.randint(1, 80)}", 13, sub)
    y += 44
    ink.text(x, y, "留言", 15, text, bold=True)
    y += 32
    for tpl in rng.sample(content.REPLY_COMMENTS, 2):
        name = rng.choice(content.SOCIAL_NICKS)
        ink.avatar(x + 14, y + 14, 14, name, square=True)
        ink.text(x + 38, y, name, 13, sub)
        y = ink.para(x + 38, y + 20, s.other(tpl), 15, text, maxw - 38, lh=1.6) + 18
    return Page(ink, post_bottom + 20, y, bar_bg=bg, bar_fg=text)
