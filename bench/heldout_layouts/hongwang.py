"""红网 百姓呼声 (rednet.cn message board): phone detail page and desktop detail page."""

from __future__ import annotations

from datetime import datetime

try:
    from .chatter import nickname, official_reply
    from .common import Ctx, Rendered, desktop_canvas, draw_taskbar, fit_height, label_for, phone_canvas
    from .content import Message, make_message
    from .draw import Canvas, Run, draw_status_bar
except ImportError:  # run as a script from this folder
    from chatter import nickname, official_reply  # type: ignore[no-redef]
    from common import (  # type: ignore[no-redef]
        Ctx,
        Rendered,
        desktop_canvas,
        draw_taskbar,
        fit_height,
        label_for,
        phone_canvas,
    )
    from content import Message, make_message  # type: ignore[no-redef]
    from draw import Canvas, Run, draw_status_bar  # type: ignore[no-redef]

RED = (196, 18, 28)
WHITE = (255, 255, 255)
INK = (34, 34, 34)
GREY = (120, 120, 120)
LINE = (228, 228, 228)
STATUS_COLOURS = {"已回复": (46, 160, 90), "已办结": (40, 120, 200), "办理中": (236, 134, 20), "待回复": (150, 150, 150)}
ANSWERED = ("已回复", "已办结")
PHONE_TIMES = ("iso_hm", "iso_hms", "cn_hm", "slash_hm")
DESKTOP_TIMES = ("iso_hm", "iso_hms", "iso_date", "cn_hm")


def _clock(moment: datetime) -> str:
    return f"{moment.year}-{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d}"


def _other_titles(ctx: Ctx, n: int) -> list[str]:
    return [make_message(ctx.rng, 40, 60, phone_rate=0).title for _ in range(n)]


def _reply_block(c: Canvas, ctx: Ctx, msg: Message, x: float, y: float, w: float, size: float,
                 unit: str, replied_at: datetime) -> float:
    """The official reply under a post: it names places too, but it is not the citizen's text."""
    street = (msg.district.streets or msg.district.towns)[0]
    text = official_reply(ctx.rng, msg.district.name, street)
    meta = (f"回复单位：{unit}", f"回复时间：{_clock(replied_at)}")
    inner = w - 28
    lines = c.line_count(text, size, inner) + sum(c.line_count(m, size - 2, inner) for m in meta)
    height = 12 + (size + 1) * 1.7 + lines * size * 1.7 + 18
    c.rect(x, y, x + w, y + height, fill=(248, 246, 240), outline=(236, 226, 206), radius=6)
    y += 12
    c.text(x + 14, y, "官方回复", size + 1, RED, bold=True)
    y += (size + 1) * 1.7
    for line in meta:
        y = c.paragraph(x + 14, y, line, size - 2, GREY, max_width=inner, leading=1.7 * size / (size - 2))
    return c.paragraph(x + 14, y + 2, text, size, (70, 70, 70), max_width=inner, leading=1.7) + 14


def hw_phone_detail(ctx: Ctx) -> Rendered:
    rng = ctx.rng
    msg = ctx.message(60, 300)
    shown = ctx.time(PHONE_TIMES)
    author, unit = nickname(rng), rng.choice(msg.units)
    status = rng.choice([s for s in STATUS_COLOURS if ctx.replied(shown.posted_at) or s not in ANSWERED])
    c, screen_h = phone_canvas(ctx, WHITE)
    w = c.lw
    y = draw_status_bar(c, ctx.status_bar(), WHITE, RED)
    c.rect(0, y, w, y + 46, fill=RED)
    c.chevron_left(14, y + 23, 9, WHITE, 2)
    c.text(w / 2, y + 23, rng.choice(("百姓呼声", "红网·百姓呼声", "留言详情")), 17, WHITE, bold=True, anchor="mm")
    c.share_icon(w - 22, y + 23, 16, WHITE)
    y += 46 + 16

    y = c.paragraph(16, y, msg.title, 20, INK, bold=True, leading=1.45) + 6
    who = "留言人" if author.startswith("网友") else rng.choice(("留言人", "网友"))
    for key, value in (("留言对象", unit), (who, author), ("留言时间", shown.text)):
        y = c.paragraph(16, y, [Run(f"{key}：", GREY), Run(value, (80, 80, 80))], 13.5, leading=1.7)
    cy = y + 14
    c.chip(16, cy, status, 12, WHITE, bg=STATUS_COLOURS[status])
    c.text(w - 16, cy, f"浏览 {ctx.counter(80, 9000)}    点赞 {ctx.counter(0, 300)}", 12.5, GREY, anchor="rm")
    y += 34
    c.hline(y, LINE, 16, w - 16)
    y += 16
    for para in msg.paragraphs:
        y = c.paragraph(16, y, para, 16, INK, leading=1.75) + 10
    if rng.random() < 0.4:
        n = rng.randint(1, 3)
        side = (w - 32 - (n - 1) * 6) / 3
        for i in range(n):
            c.photo(16 + i * (side + 6), y, 16 + i * (side + 6) + side, y + side, rng)
        y += side + 14
    if status in ANSWERED:
        y = _reply_block(c, ctx, msg, 16, y + 6, w - 32, 14, unit, ctx.later(shown.posted_at)) + 10
    y += 8
    c.rect(0, y, w, y + 8, fill=(244, 244, 244))
    y += 20
    c.text(16, y, "相关留言", 16, INK, bold=True)
    y += 32
    for title in _other_titles(ctx, 5 if ctx.tall else 3):
        y = c.paragraph(16, y, title, 14.5, (60, 60, 60), leading=1.6) + 6
        c.hline(y, LINE, 16, w - 16)
        y += 12

    bar_h = 58
    height = fit_height(y + bar_h + 10, screen_h)
    c.crop_to(height, WHITE)
    top = height - bar_h
    c.rect(0, top, w, height, fill=WHITE)
    c.hline(top, LINE)
    for i, word in enumerate(("评论", "收藏", "分享")):
        c.text(30 + i * 52, top + bar_h / 2, word, 12.5, GREY, anchor="mm")
    c.rect(w - 150, top + 10, w - 16, top + bar_h - 10, fill=RED, radius=19)
    c.text(w - 83, top + bar_h / 2, "我要留言", 15, WHITE, bold=True, anchor="mm")
    label = label_for("hongwang", msg, title=msg.title, author=author, shown=shown, unit=unit)
    return c.img, label


def hw_desktop_detail(ctx: Ctx) -> Rendered:
    rng = ctx.rng
    msg = ctx.message(80, 300)
    shown = ctx.time(DESKTOP_TIMES)
    author, unit = nickname(rng), rng.choice(msg.units)
    status = rng.choice([s for s in STATUS_COLOURS if ctx.replied(shown.posted_at) or s not in ANSWERED])
    c, viewport_h = desktop_canvas(ctx, (242, 242, 242))
    w = c.lw
    # Site chrome: top links, red masthead, navigation.
    c.rect(0, 0, w, 30, fill=(248, 248, 248))
    c.text(20, 15, "红网首页 | 新闻 | 时刻 | 百姓呼声", 12, GREY, anchor="lm")
    c.text(w - 20, 15, "登录  注册", 12, GREY, anchor="rm")
    c.rect(0, 30, w, 110, fill=RED)
    x = c.text(40, 70, "红网", 34, WHITE, bold=True, anchor="lm")
    x = c.text(x + 14, 70, "百姓呼声", 24, WHITE, anchor="lm")
    c.text(x + 18, 72, "湖南省网上群众工作平台", 14, (255, 220, 220), anchor="lm")
    c.rect(0, 110, w, 152, fill=WHITE)
    nx = 40.0
    for item in ("首页", "留言", "回复", "热点", "地区", "部门", "排行榜"):
        nx = c.text(nx, 131, item, 15, INK, anchor="lm") + 34
    main_w = min(1160.0, w - 80)
    left = (w - main_w) / 2
    col_w = main_w - 300
    y = 172.0
    c.text(left, y, f"当前位置：首页 > 百姓呼声 > {msg.district.city} > 留言详情", 13, GREY)
    y += 34
    top = y
    # Main column card: paint white down to the bottom of the scratch canvas, trim it once the content is known.
    c.rect(left, top, left + col_w, c.img.height / c.scale, fill=WHITE)
    y += 28
    y = c.paragraph(left + 30, y, msg.title, 24, INK, bold=True, max_width=col_w - 60, leading=1.4) + 10
    c.rect(left + 30, y, left + col_w - 30, y + 64, fill=(247, 247, 247), radius=4)
    c.text(left + 46, y + 20, f"留言对象：{unit}", 13.5, (80, 80, 80), anchor="lm")
    chip_w = c.text_width(status, 12) + 10
    c.chip(left + col_w - 46 - chip_w, y + 20, status, 12, WHITE, bg=STATUS_COLOURS[status])
    meta = f"留言人：{author}      留言时间：{shown.text}      浏览：{ctx.counter(50, 20000)}"
    c.text(left + 46, y + 45, meta, 13.5, (80, 80, 80), anchor="lm")
    y += 86
    for para in msg.paragraphs:
        y = c.paragraph(left + 30, y, para, 16, INK, max_width=col_w - 60, leading=1.85) + 12
    y += 6
    c.rect(left + col_w / 2 - 110, y, left + col_w / 2 - 10, y + 34, outline=RED, radius=4)
    c.text(left + col_w / 2 - 60, y + 17, f"支持 {ctx.counter(0, 400)}", 14, RED, anchor="mm")
    c.rect(left + col_w / 2 + 10, y, left + col_w / 2 + 110, y + 34, outline=LINE, radius=4)
    c.text(left + col_w / 2 + 60, y + 17, f"反对 {ctx.counter(0, 30)}", 14, GREY, anchor="mm")
    y += 54
    if status in ANSWERED:
        y = _reply_block(c, ctx, msg, left + 30, y, col_w - 60, 14.5, unit, ctx.later(shown.posted_at)) + 20
    bottom = y + 10
    c.rect(left, bottom, left + col_w, c.img.height / c.scale, fill=(242, 242, 242))
    c.rect(left, top, left + col_w, bottom, outline=(225, 225, 225), radius=4)
    # Right column: the 我要留言 button and a hot list of other posts' titles.
    rx = left + col_w + 20
    c.rect(rx, top, rx + 280, top + 50, fill=RED, radius=4)
    c.text(rx + 140, top + 25, "我要留言", 18, WHITE, bold=True, anchor="mm")
    ry = top + 70
    c.rect(rx, ry, rx + 280, ry + 420, fill=WHITE)
    c.text(rx + 14, ry + 20, "热门留言", 16, INK, bold=True, anchor="lm")
    ry += 48
    for i, title in enumerate(_other_titles(ctx, 6)):
        c.text(rx + 14, ry + 2, str(i + 1), 13, RED if i < 3 else GREY, bold=True)
        ry = c.paragraph(rx + 34, ry, title, 13.5, (60, 60, 60), max_width=232, leading=1.55) + 10
    content_bottom = max(bottom, ry) + 30
    show_taskbar = content_bottom + 40 <= viewport_h and rng.random() < 0.7
    height = fit_height(content_bottom + (40 if show_taskbar else 0), viewport_h)
    c.crop_to(height, (242, 242, 242))
    if show_taskbar:
        draw_taskbar(c, ctx)
    label = label_for("hongwang", msg, title=msg.title, author=author, shown=shown, unit=unit)
    return c.img, label
