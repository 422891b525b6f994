"""微博: phone detail page (post, counters, replies) and the weibo.com web card with comments."""

from __future__ import annotations

from random import Random

try:
    from .chatter import DEVICES, HOT_SEARCHES, comments, nickname, other_nicks
    from .common import Ctx, Rendered, desktop_canvas, draw_taskbar, fit_height, label_for, phone_canvas
    from .content import Message
    from .draw import RGB, Canvas, Run, draw_home_indicator, draw_status_bar
except ImportError:  # run as a script from this folder
    from chatter import DEVICES, HOT_SEARCHES, comments, nickname, other_nicks  # type: ignore[no-redef]
    from common import (  # type: ignore[no-redef]
        Ctx,
        Rendered,
        desktop_canvas,
        draw_taskbar,
        fit_height,
        label_for,
        phone_canvas,
    )
    from content import Message  # type: ignore[no-redef]
    from draw import RGB, Canvas, Run, draw_home_indicator, draw_status_bar  # type: ignore[no-redef]

ORANGE = (255, 130, 0)
LINK = (80, 125, 175)
TOPICS = ("#民生关注#", "#我要投诉#", "#身边事#", "#问政#", "#城市管理#")
PHONE_TIMES = ("minutes_ago", "hours_ago", "today_hm", "md_dash_short_hm", "yesterday_hm", "short_year_hm")
WEB_TIMES = ("short_year_hm", "md_cn_hm", "yesterday_hm", "hours_ago", "today_hm", "minutes_ago")
PROVINCES = ("湖南", "湖南", "湖南", "广东", "湖北", "上海")


def _post_runs(rng: Random, msg: Message, fg: RGB) -> tuple[str, list[list[Run]]]:
    """Post text per paragraph, optionally opening with a #topic# in link colour; returns (label text, runs)."""
    topic = rng.choice(TOPICS) if rng.random() < 0.45 else ""
    paragraphs: list[list[Run]] = []
    for i, para in enumerate(msg.paragraphs):
        runs = [Run(para, fg)]
        if i == 0 and topic:
            runs.insert(0, Run(topic, LINK))
        paragraphs.append(runs)
    return topic + msg.body, paragraphs


def _reply_text(rng: Random, text: str, nicks: list[str]) -> str:
    return f"回复@{rng.choice(nicks)}:{text}" if rng.random() < 0.25 else text


def wb_phone_detail(ctx: Ctx) -> Rendered:
    rng, t = ctx.rng, ctx.theme
    msg = ctx.message(40, 260, titled=False)
    shown = ctx.time(PHONE_TIMES)
    author = nickname(rng)
    body, paragraphs = _post_runs(rng, msg, t.text)
    c, screen_h = phone_canvas(ctx, t.card)
    w = c.lw
    y = draw_status_bar(c, ctx.status_bar(), t.text, t.card)
    c.chevron_left(14, y + 22, 9, t.text, 2)
    c.text(w / 2, y + 22, "微博正文", 17, t.text, bold=True, anchor="mm")
    c.dots(w - 24, y + 22, t.text)
    y += 44
    c.hline(y, t.divider)
    y += 14
    c.avatar(37, y + 22, 21, rng)
    vip = rng.random() < 0.3
    c.text(68, y + 12, author, 15, ORANGE if vip else t.text, bold=True, anchor="lm")
    c.text(68, y + 35, f"{shown.text} 来自 {rng.choice(DEVICES)}", 12, t.sub, anchor="lm")
    c.rect(w - 80, y + 10, w - 16, y + 36, outline=ORANGE, radius=13)
    c.text(w - 48, y + 23, "+ 关注", 13, ORANGE, anchor="mm")
    y += 58
    for runs in paragraphs:
        y = c.paragraph(16, y, runs, 16, leading=1.7) + 6
    if rng.random() < 0.5:
        n = rng.choice((1, 2, 3, 4))
        cols = 2 if n == 4 else 3
        side = (w - 32 - 8) / 3
        for i in range(n):
            px, py = 16 + (i % cols) * (side + 4), y + 4 + (i // cols) * (side + 4)
            c.photo(px, py, px + side, py + side, rng, radius=2)
        y += ((n - 1) // cols + 1) * (side + 4) + 10
    y += 8
    c.rect(0, y, w, y + 8, fill=t.bg)
    y += 8
    reposts, n_comments, likes = ctx.counter(0, 900), ctx.counter(3, 2000), ctx.counter(5, 9000)
    x = 16.0
    for word, n in (("转发", reposts), ("评论", n_comments), ("赞", likes)):
        active = word == "评论"
        end = c.text(x, y + 22, f"{word} {n}", 14, t.text if active else t.sub, bold=active, anchor="lm")
        if active:
            c.line(x, y + 40, end, y + 40, ORANGE, 2.5)
        x = end + 26 if word != "评论" else w - 16 - c.text_width(f"赞 {likes}", 14)
    y += 44
    c.hline(y, t.divider)
    y += 12
    nicks = other_nicks(rng, author, 7 if ctx.tall else rng.randint(3, 4))
    for nick, text in zip(nicks, comments(rng, len(nicks)), strict=True):
        c.avatar(32, y + 16, 16, rng)
        c.text(58, y + 2, nick, 13, LINK if not t.dark else (120, 160, 210))
        c.heart(w - 40, y + 10, 14, None, t.sub)
        c.text(w - 28, y + 10, str(ctx.counter(0, 300)), 11, t.sub, anchor="lm")
        y = c.paragraph(58, y + 22, _reply_text(rng, text, [author, *(x for x in nicks if x != nick)]), 15, t.text, max_width=w - 90,
                        leading=1.55)
        c.text(58, y + 2, f"{ctx.since(shown.posted_at)} 来自{rng.choice(PROVINCES)}", 11.5, t.faint)
        y += 26
        c.hline(y, t.divider, 58, w)
        y += 12
    bar_h = 50 + (20 if rng.random() < 0.5 else 0)
    height = fit_height(y + bar_h + 10, screen_h)
    c.crop_to(height, t.card)
    top = height - bar_h
    c.rect(0, top, w, height, fill=t.card)
    c.hline(top, t.divider)
    for i, (word, n) in enumerate((("转发", reposts), ("评论", n_comments), ("赞", likes))):
        cx = w * (i + 0.5) / 3
        if word == "赞":
            c.heart(cx - 26, top + 25, 16, None, t.sub)
        elif word == "评论":
            c.bubble_icon(cx - 26, top + 25, 16, t.sub)
        else:
            c.share_icon(cx - 26, top + 25, 14, t.sub)
        c.text(cx - 12, top + 25, str(n) if n else word, 13, t.sub, anchor="lm")
    if bar_h > 50:
        draw_home_indicator(c, height - 6, t.text)
    label = label_for("weibo", msg, title=None, author=author, shown=shown, unit=None, body=body)
    return c.img, label


def _hot_list(c: Canvas, x: float, y: float, w: float, fg: RGB, card: RGB, rng: Random) -> float:
    items = rng.sample(HOT_SEARCHES, 6)
    c.rect(x, y, x + w, y + 50 + len(items) * 34, fill=card, radius=6)
    c.text(x + 16, y + 26, "微博热搜", 16, fg, bold=True, anchor="lm")
    y += 52
    for i, item in enumerate(items):
        c.text(x + 16, y + 14, str(i + 1), 14, ORANGE if i < 3 else (150, 150, 150), bold=True, anchor="lm")
        c.text(x + 40, y + 14, item, 14, fg, anchor="lm")
        y += 34
    return y


def wb_desktop_card(ctx: Ctx) -> Rendered:
    rng, t = ctx.rng, ctx.theme
    msg = ctx.message(40, 280, titled=False)
    shown = ctx.time(WEB_TIMES)
    author = nickname(rng)
    body, paragraphs = _post_runs(rng, msg, t.text)
    page_bg = (24, 24, 24) if t.dark else (242, 242, 242)
    c, viewport_h = desktop_canvas(ctx, page_bg)
    w = c.lw
    c.rect(0, 0, w, 56, fill=t.card)
    c.text(40, 28, "微博", 24, ORANGE, bold=True, anchor="lm")
    c.rect(130, 12, 400, 44, fill=t.bg, radius=16)
    c.text(148, 28, "搜索微博", 14, t.faint, anchor="lm")
    nx = w / 2 - 120
    for word in ("首页", "视频", "发现", "游戏"):
        nx = c.text(nx, 28, word, 15, t.text, bold=word == "首页", anchor="lm") + 36
    c.avatar(w - 50, 28, 16, rng)
    card_w = 640.0
    left = max(200.0, (w - card_w) / 2 - 60)
    for i, word in enumerate(("首页", "最新微博", "特别关注", "好友圈", "视频")):
        c.text(left - 170, 90 + i * 42, word, 15, t.text if i == 0 else t.sub, bold=i == 0, anchor="lm")
    top = 72.0
    c.rect(left, top, left + card_w, c.img.height / c.scale, fill=t.card, radius=6)
    y = top + 20
    c.avatar(left + 44, y + 24, 24, rng)
    c.text(left + 80, y + 12, author, 15, t.text, bold=True, anchor="lm")
    c.text(left + 80, y + 37, f"{shown.text} 来自 {rng.choice(DEVICES)}", 12, t.sub, anchor="lm")
    y += 64
    for runs in paragraphs:
        y = c.paragraph(left + 80, y, runs, 15, max_width=card_w - 110, leading=1.7) + 6
    if rng.random() < 0.4:
        side = 120.0
        for i in range(rng.randint(1, 3)):
            c.photo(left + 80 + i * (side + 4), y + 4, left + 80 + i * (side + 4) + side, y + 4 + side, rng, 4)
        y += side + 14
    y += 10
    c.hline(y, t.divider, left, left + card_w)
    seg = card_w / 3
    for i, (word, n) in enumerate((("转发", ctx.counter(0, 800)), ("评论", ctx.counter(2, 1500)),
                                   ("赞", ctx.counter(3, 6000)))):
        cx = left + seg * (i + 0.5)
        c.text(cx, y + 22, f"{word} {n}", 13.5, t.sub, anchor="mm")
        if i:
            c.line(left + seg * i, y + 12, left + seg * i, y + 32, t.divider)
    y += 44
    c.hline(y, t.divider, left, left + card_w)
    y += 16
    c.rect(left + 20, y, left + card_w - 100, y + 36, outline=t.divider, radius=4)
    c.text(left + 32, y + 18, "发布你的评论", 13, t.faint, anchor="lm")
    c.rect(left + card_w - 88, y + 3, left + card_w - 20, y + 33, fill=ORANGE, radius=4)
    c.text(left + card_w - 54, y + 18, "评论", 13, (255, 255, 255), anchor="mm")
    y += 52
    c.text(left + 20, y, "按热度  |  按时间", 13, t.sub)
    y += 30
    nicks = other_nicks(rng, author, 6 if ctx.tall else rng.randint(2, 4))
    for nick, text in zip(nicks, comments(rng, len(nicks)), strict=True):
        c.avatar(left + 36, y + 14, 15, rng)
        y = c.paragraph(left + 60, y, [Run(f"{nick}：", LINK), Run(_reply_text(rng, text, [author, *(x for x in nicks if x != nick)]), t.text)],
                        13.5, max_width=card_w - 90, leading=1.6)
        c.text(left + 60, y + 2, f"{ctx.since(shown.posted_at)} 来自{rng.choice(PROVINCES)}", 12, t.faint)
        c.text(left + card_w - 20, y + 2, f"回复   赞 {ctx.counter(0, 99)}", 12, t.faint, anchor="rt")
        y += 30
    card_bottom = y + 10
    c.rect(left, card_bottom, left + card_w, c.img.height / c.scale, fill=page_bg)
    hot_bottom = _hot_list(c, left + card_w + 20, top, min(300.0, w - left - card_w - 40), t.text, t.card, rng)
    content_bottom = max(card_bottom, hot_bottom) + 30
    show_taskbar = content_bottom + 40 <= viewport_h and rng.random() < 0.6
    height = fit_height(content_bottom + (40 if show_taskbar else 0), viewport_h)
    c.crop_to(height, page_bg)
    if show_taskbar:
        draw_taskbar(c, ctx)
    label = label_for("weibo", msg, title=None, author=author, shown=shown, unit=None, body=body)
    return c.img, label
