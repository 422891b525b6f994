"""WeChat: a group chat where a member pasted a citizen's post as a message, and an official-account article."""

from __future__ import annotations

from datetime import datetime, timedelta

try:
    from .chatter import ACCOUNTS, CHAT_LINES, GROUP_NICKS, comments, other_nicks
    from .common import Ctx, Rendered, fit_height, label_for, phone_canvas
    from .draw import RGB, Canvas, Run, draw_home_indicator, draw_status_bar
    from .timefmt import WEEKDAYS, ShownTime, twelve_hour
except ImportError:  # run as a script from this folder
    from chatter import ACCOUNTS, CHAT_LINES, GROUP_NICKS, comments, other_nicks  # type: ignore[no-redef]
    from common import Ctx, Rendered, fit_height, label_for, phone_canvas  # type: ignore[no-redef]
    from draw import RGB, Canvas, Run, draw_home_indicator, draw_status_bar  # type: ignore[no-redef]
    from timefmt import WEEKDAYS, ShownTime, twelve_hour  # type: ignore[no-redef]

CHAT_TIMES = ("hm", "ampm", "yesterday_hm", "weekday_hm", "yesterday_ampm", "md_cn_ampm")
ARTICLE_TIMES = ("cn_hm", "day_before_hm", "md_cn", "yesterday_hm", "cn_date")
GROUP_NAMES = ("社区网格服务群", "12345工单转办群", "民生诉求协调群", "业主交流群", "网格员工作群", "街道民情收集群")
LINK = (87, 107, 149)
INTROS = ("转一条群众反映，请相关网格核实", "刚收到的，麻烦看一下", "@所有人 群众反映的问题，请认领")


def wechat_stamp(moment: datetime, fwd: datetime, twelve: bool) -> str:
    """The centred timestamp WeChat puts above a message, relative to the moment of the screenshot."""
    clock = twelve_hour(moment) if twelve else f"{moment.hour:02d}:{moment.minute:02d}"
    days = (fwd.date() - moment.date()).days
    if days == 0:
        return clock
    if days == 1:
        return f"昨天 {clock}"
    if days < 7:
        return f"星期{WEEKDAYS[moment.weekday()]} {clock}"
    if moment.year == fwd.year:
        return f"{moment.month}月{moment.day}日 {clock}"
    return f"{moment.year}年{moment.month}月{moment.day}日 {clock}"


class Chat:
    """Lays chat rows top to bottom on a canvas."""

    def __init__(self, c: Canvas, ctx: Ctx, y: float) -> None:
        self.c, self.ctx, self.y = c, ctx, y
        dark = ctx.dark
        self.fg: RGB = (215, 215, 215) if dark else (25, 25, 25)
        self.sub: RGB = (120, 120, 120) if dark else (150, 150, 150)
        self.left_bg: RGB = (44, 44, 44) if dark else (255, 255, 255)
        self.right_bg: RGB = (42, 174, 103) if dark else (149, 236, 105)
        self.max_w = c.lw - 64 - 76

    def stamp(self, text: str) -> None:
        self.y += 8
        self.c.text(self.c.lw / 2, self.y + 10, text, 12, self.sub, anchor="mm")
        self.y += 30

    def message(self, lines: list[str], nick: str | None, mine: bool = False) -> None:
        """A text bubble; lines are hard line breaks inside one message (a pasted post keeps them)."""
        c, size, pad = self.c, 16, 10
        wrapped = [c.wrap_runs([Run(line, self.fg)], size, self.max_w - pad * 2) for line in lines]
        rows = [row for para in wrapped for row in para]
        text_w = max(sum(c.text_width(r.text, size, r.bold) for r in row) for row in rows)
        bubble_w = text_w + pad * 2 + 2
        line_h = size * 1.45
        top = self.y + (18 if nick else 0)
        bottom = top + len(rows) * line_h + pad * 1.6
        w = c.lw
        if mine:
            c.avatar(w - 32, self.y + 20, 20, self.ctx.rng, square=True, key="me")
            x0 = w - 64 - bubble_w
            fill = self.right_bg
            tail = [(w - 64, top + 14), (w - 58, top + 19), (w - 64, top + 24)]
        else:
            c.avatar(32, self.y + 20, 20, self.ctx.rng, square=True, key=nick or "")
            x0 = 64
            fill = self.left_bg
            tail = [(64, top + 14), (58, top + 19), (64, top + 24)]
            if nick:
                c.text(66, self.y, nick, 12, self.sub)
        c.rect(x0, top, x0 + bubble_w, bottom, fill=fill, radius=5)
        c.draw.polygon([(c.s(px), c.s(py)) for px, py in tail], fill=fill)
        ty = top + pad * 0.8
        for row in rows:
            c.text(x0 + pad, ty + line_h / 2, "".join(r.text for r in row), size, self.fg, anchor="lm")
            ty += line_h
        self.y = max(bottom, self.y + 44) + 14

    def photo(self, nick: str | None, mine: bool) -> None:
        c, w = self.c, self.c.lw
        top = self.y + (18 if nick and not mine else 0)
        pw, ph = 120, 160
        if mine:
            c.avatar(w - 32, self.y + 20, 20, self.ctx.rng, square=True, key="me")
            c.photo(w - 64 - pw, top, w - 64, top + ph, self.ctx.rng, radius=5)
        else:
            c.avatar(32, self.y + 20, 20, self.ctx.rng, square=True, key=nick or "")
            if nick:
                c.text(66, self.y, nick, 12, self.sub)
            c.photo(64, top, 64 + pw, top + ph, self.ctx.rng, radius=5)
        self.y = top + ph + 14


def _chatter(chat: Chat, ctx: Ctx, nicks: list[str], n: int) -> None:
    for _ in range(n):
        mine = ctx.rng.random() < 0.3
        nick = None if mine else ctx.rng.choice(nicks)
        if ctx.rng.random() < 0.15:
            chat.photo(nick, mine)
        else:
            chat.message([ctx.rng.choice(CHAT_LINES)], nick, mine)


def wx_group_chat(ctx: Ctx) -> Rendered:
    rng = ctx.rng
    titled = rng.random() < 0.5
    msg = ctx.message(40, 240, titled=titled)
    kind = ctx.pick_kind(CHAT_TIMES)
    # The kind only picks how far back the message lies; WeChat's own rule decides how the stamp reads.
    drawn = ctx.time((kind,), fullwidth_rate=0)
    twelve = "ampm" in kind
    shown = ShownTime(wechat_stamp(drawn.posted_at, ctx.fwd, twelve), drawn.posted_at, drawn.components)
    author = rng.choice(GROUP_NICKS)
    others = [n for n in GROUP_NICKS if n != author]
    bg: RGB = (17, 17, 17) if ctx.dark else (237, 237, 237)
    c, screen_h = phone_canvas(ctx, bg)
    w = c.lw
    fg: RGB = (215, 215, 215) if ctx.dark else (25, 25, 25)
    y = draw_status_bar(c, ctx.status_bar(), fg, bg)
    c.chevron_left(12, y + 22, 9, fg, 2)
    if rng.random() < 0.6:
        c.text(26, y + 22, str(rng.randint(1, 99)), 15, fg, anchor="lm")
    c.text(w / 2, y + 22, f"{rng.choice(GROUP_NAMES)}({rng.randint(20, 480)})", 16, fg, bold=True, anchor="mm")
    c.dots(w - 24, y + 22, fg)
    y += 44
    c.hline(y, (40, 40, 40) if ctx.dark else (220, 220, 220))
    chat = Chat(c, ctx, y + 6)
    earlier = shown.posted_at - timedelta(minutes=rng.randint(20, 200))
    if earlier.hour < 9:  # keep to hours whose 12-hour wording is certain: move to the evening before
        earlier = (earlier - timedelta(days=1)).replace(hour=rng.randint(19, 22), minute=rng.randint(0, 59))
    chat.stamp(wechat_stamp(earlier, ctx.fwd, twelve))
    _chatter(chat, ctx, others, rng.randint(3, 5) if ctx.tall else rng.randint(1, 2))
    chat.stamp(shown.text)
    if rng.random() < 0.3:
        chat.message([rng.choice(INTROS)], author)
    lines = ([f"【{msg.title}】"] if titled else []) + msg.paragraphs
    chat.message(lines, author)
    _chatter(chat, ctx, others, rng.randint(1, 3))
    bar_h = 56 + (20 if rng.random() < 0.5 else 0)
    height = fit_height(chat.y + bar_h + 6, screen_h)
    c.crop_to(height, bg)
    top = height - bar_h
    bar_bg: RGB = (30, 30, 30) if ctx.dark else (247, 247, 247)
    line: RGB = (60, 60, 60) if ctx.dark else (200, 200, 200)
    c.rect(0, top, w, height, fill=bar_bg)
    c.hline(top, line)
    c.circle(24, top + 28, 13, outline=fg, width=1.5)
    c.rect(46, top + 10, w - 86, top + 46, fill=(44, 44, 44) if ctx.dark else (255, 255, 255), radius=4)
    c.circle(w - 64, top + 28, 13, outline=fg, width=1.5)
    c.circle(w - 28, top + 28, 13, outline=fg, width=1.5)
    c.line(w - 35, top + 28, w - 21, top + 28, fg, 1.5)
    c.line(w - 28, top + 21, w - 28, top + 35, fg, 1.5)
    if bar_h > 56:
        draw_home_indicator(c, height - 6, fg)
    label = label_for("wechat", msg, title=msg.title if titled else None, author=author, shown=shown, unit=None)
    return c.img, label


def wx_article(ctx: Ctx) -> Rendered:
    rng, t = ctx.rng, ctx.theme
    msg = ctx.message(80, 300)
    shown = ctx.time(ARTICLE_TIMES, fullwidth_rate=0)
    account = rng.choice(ACCOUNTS)
    c, screen_h = phone_canvas(ctx, t.card)
    w = c.lw
    y = draw_status_bar(c, ctx.status_bar(), t.text, t.card)
    c.line(16, y + 15, 30, y + 29, t.text, 1.8)
    c.line(16, y + 29, 30, y + 15, t.text, 1.8)
    c.dots(w - 24, y + 22, t.text)
    y += 44 + 14
    y = c.paragraph(16, y, msg.title, 22, t.text, bold=True, leading=1.4) + 10
    # Byline: 原创 tag, account name, time, location; the location drops to a second line if it does not fit.
    x = 16.0
    if rng.random() < 0.5:
        x = c.chip(x, y + 10, "原创", 11, t.sub, bg=t.bg, pad=4) + 8
    x = c.text(x, y + 10, account, 15, LINK if not t.dark else (120, 150, 200), anchor="lm") + 10
    x = c.text(x, y + 10, shown.text, 14, t.faint, anchor="lm") + 10
    if x + c.text_width("湖南", 14) > w - 16:
        y += 24
        x = 16
    c.text(x, y + 10, "湖南", 14, t.faint, anchor="lm")
    y += 40
    if rng.random() < 0.5:
        c.photo(16, y, w - 16, y + (w - 32) * 0.56, rng, radius=4)
        y += (w - 32) * 0.56 + 18
    body_fg: RGB = (200, 200, 200) if t.dark else (51, 51, 51)
    for para in msg.paragraphs:
        y = c.paragraph(16, y, para, 17, body_fg, leading=1.75) + 14
    y += 16
    c.text(16, y + 10, f"阅读 {ctx.counter(200, 9999)}", 14, t.faint, anchor="lm")
    rx = w - 16
    for word, n in (("在看", ctx.counter(0, 99)), ("赞", ctx.counter(1, 400))):
        rx = rx - c.text_width(f"{word} {n}", 14)
        c.text(rx, y + 10, f"{word} {n}", 14, t.faint, anchor="lm")
        rx -= 24
    y += 44
    c.hline(y, t.divider, 16, w - 16)
    y += 18
    c.text(16, y + 10, "留言", 16, t.text, bold=True, anchor="lm")
    c.text(w - 16, y + 10, "写留言", 14, LINK, anchor="rm")
    y += 40
    n = 4 if ctx.tall else 2
    for nick, text in zip(other_nicks(rng, account, n), comments(rng, n), strict=True):
        c.avatar(30, y + 14, 14, rng, square=True)
        c.text(52, y + 4, nick, 13, t.sub)
        y = c.paragraph(52, y + 24, text, 15, t.text, max_width=w - 68, leading=1.55) + 16
    height = fit_height(y + 20, screen_h)
    c.crop_to(height, t.card)
    label = label_for("wechat", msg, title=msg.title, author=account, shown=shown, unit=None)
    return c.img, label
