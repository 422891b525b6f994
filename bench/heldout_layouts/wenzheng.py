"""问政湖南: app detail page (type tag before the title) and desktop detail table (label | value cells)."""

from __future__ import annotations

from datetime import datetime

try:
    from .chatter import comments, nickname, official_reply, other_nicks
    from .common import Ctx, Rendered, desktop_canvas, draw_taskbar, fit_height, label_for, phone_canvas
    from .draw import Canvas, Run, draw_home_indicator, draw_status_bar
    from .timefmt import ShownTime
except ImportError:  # run as a script from this folder
    from chatter import comments, nickname, official_reply, other_nicks  # type: ignore[no-redef]
    from common import (  # type: ignore[no-redef]
        Ctx,
        Rendered,
        desktop_canvas,
        draw_taskbar,
        fit_height,
        label_for,
        phone_canvas,
    )
    from draw import Canvas, Run, draw_home_indicator, draw_status_bar  # type: ignore[no-redef]
    from timefmt import ShownTime  # type: ignore[no-redef]

BLUE = (18, 102, 204)
WHITE = (255, 255, 255)
KIND_COLOURS = {"投诉": (226, 68, 58), "建议": (40, 120, 220), "咨询": (36, 164, 116), "求助": (238, 136, 28)}
STATUSES = ("已回复", "办理中", "已受理", "待受理")
APP_TIMES = ("slash_hm", "half_hour", "md_dash_hm", "today_ampm", "day_before_hm", "hours_ago")
DESKTOP_TIMES = ("cn_hm", "slash_date", "iso_hm", "cn_date", "slash_hm")


def wz_app_detail(ctx: Ctx) -> Rendered:
    rng, t = ctx.rng, ctx.theme
    msg = ctx.message(50, 300)
    shown = ctx.time(APP_TIMES)
    author, unit = nickname(rng), rng.choice(msg.units)
    status = rng.choice(STATUSES if ctx.replied(shown.posted_at) else STATUSES[1:])
    c, screen_h = phone_canvas(ctx, t.card)
    w = c.lw
    y = draw_status_bar(c, ctx.status_bar(), t.text, t.card)
    c.chevron_left(14, y + 22, 9, t.text, 2)
    c.text(w / 2, y + 22, rng.choice(("问政详情", "留言详情")), 17, t.text, bold=True, anchor="mm")
    c.dots(w - 24, y + 22, t.text)
    y += 44
    c.hline(y, t.divider)
    y += 16

    # Title with the type tag chip sitting on its first line.
    size = 18
    chip_w = c.text_width(msg.kind, 12) + 10
    c.chip(16, y + size * 1.5 / 2, msg.kind, 12, WHITE, bg=KIND_COLOURS[msg.kind])
    y = c.paragraph(16, y, msg.title, size, t.text, bold=True, leading=1.5, indent=chip_w + 8) + 8
    # Nickname and time on one line.
    c.avatar(28, y + 12, 12, rng)
    x = c.text(48, y + 12, author, 14, t.text, bold=True, anchor="lm")
    c.text(x + 12, y + 12, shown.text, 12.5, t.sub, anchor="lm")
    y += 32
    unit_key = rng.choice(("留言对象", "问政对象"))
    unit_text = f"{unit_key}：{unit}"
    status_w = c.text_width(status, 12) + 10
    fits = 16 + c.text_width(unit_text, 13.5) + 12 + status_w <= w - 16
    c.text(16, y + 11, unit_text, 13.5, t.sub, anchor="lm")
    status_y = y + 11 if fits else y + 11 + 26
    c.chip(w - 16 - status_w, status_y, status, 12, BLUE, outline=BLUE)
    y = status_y + 20
    c.hline(y, t.divider, 16, w - 16)
    y += 14
    for para in msg.paragraphs:
        y = c.paragraph(16, y, para, 16, t.text, leading=1.75) + 8
    if rng.random() < 0.5:
        n = rng.randint(1, 3)
        side = (w - 32 - 12) / 3
        for i in range(n):
            c.photo(16 + i * (side + 6), y + 4, 16 + i * (side + 6) + side, y + 4 + side, rng, radius=6)
        y += side + 14
    c.text(16, y + 8, f"浏览 {ctx.counter(30, 6000)}  ·  点赞 {ctx.counter(0, 200)}", 12.5, t.faint, anchor="lm")
    y += 30
    if status == "已回复":
        street = (msg.district.streets or msg.district.towns)[0]
        y = _app_reply(c, ctx, msg.district.name, street, unit, ctx.later(shown.posted_at), y)
    if ctx.tall:
        y = _app_comments(c, ctx, author, shown.posted_at, y)

    bar_h = 56 + (20 if rng.random() < 0.5 else 0)
    height = fit_height(y + bar_h + 16, screen_h)
    c.crop_to(height, t.card)
    top = height - bar_h
    c.rect(0, top, w, height, fill=t.card)
    c.hline(top, t.divider)
    c.rect(16, top + 10, w - 120, top + 46, fill=t.bg, radius=18)
    c.text(32, top + 28, "说点什么...", 14, t.faint, anchor="lm")
    c.heart(w - 92, top + 28, 18, None, t.sub)
    c.bubble_icon(w - 56, top + 28, 18, t.sub)
    c.share_icon(w - 22, top + 28, 16, t.sub)
    if bar_h > 56:
        draw_home_indicator(c, height - 6, t.text)
    label = label_for("wenzheng_hunan", msg, title=msg.title, author=author, shown=shown, unit=unit)
    return c.img, label


def _app_reply(c: Canvas, ctx: Ctx, dist: str, street: str, unit: str, replied_at: datetime, y: float) -> float:
    t = ctx.theme
    text = official_reply(ctx.rng, dist, street)
    w = c.lw
    lines = c.line_count(text, 14.5, w - 56) + c.line_count(f"{unit} 回复", 14, w - 56)
    box_h = 24 + lines * 14.5 * 1.7 + 34
    c.rect(16, y, w - 16, y + box_h, fill=t.bg, radius=8)
    y2 = c.paragraph(28, y + 12, [Run(unit, BLUE, True), Run(" 回复", t.sub)], 14, max_width=w - 56, leading=1.7)
    y2 = c.paragraph(28, y2 + 4, text, 14.5, t.text, max_width=w - 56, leading=1.7)
    c.text(28, y2 + 4, "回复时间：" + replied_at.strftime("%Y-%m-%d %H:%M"), 12, t.faint)
    return y + box_h + 16


def _app_comments(c: Canvas, ctx: Ctx, author: str, posted_at: datetime, y: float) -> float:
    t = ctx.theme
    c.text(16, y + 6, "网友评论", 16, t.text, bold=True)
    y += 38
    for nick, text in zip(other_nicks(ctx.rng, author, 4), comments(ctx.rng, 4), strict=True):
        c.avatar(32, y + 14, 14, ctx.rng)
        c.text(54, y + 4, nick, 13, t.sub)
        y = c.paragraph(54, y + 24, text, 14.5, t.text, max_width=c.lw - 70) + 4
        c.text(54, y, ctx.since(posted_at), 12, t.faint)
        y += 30
    return y


def _cell(c: Canvas, x0: float, x1: float, y: float, h: float, text: str, key: bool) -> None:
    c.rect(x0, y, x1, y + h, fill=(240, 245, 252) if key else WHITE, outline=(205, 214, 228))
    # One character narrower than the cell: closing punctuation may hang past the wrap width.
    c.paragraph(x0 + 12, y + 8, text, 14.5, (60, 70, 90) if key else (34, 34, 34), max_width=x1 - x0 - 24 - 15,
                leading=1.65, bold=key)


def _row(c: Canvas, y: float, x: float, widths: list[float], cells: list[tuple[str, bool]]) -> float:
    """One table row; its height follows the tallest wrapped cell."""
    lines = max(c.line_count(text, 14.5, wd - 24 - 15, bold=key) for (text, key), wd in zip(cells, widths, strict=True))
    h = lines * 14.5 * 1.65 + 16
    for (text, key), wd in zip(cells, widths, strict=True):
        _cell(c, x, x + wd, y, h, text, key)
        x += wd
    return y + h


def wz_desktop_table(ctx: Ctx) -> Rendered:
    rng = ctx.rng
    msg = ctx.message(60, 300)
    shown: ShownTime = ctx.time(DESKTOP_TIMES)
    author, unit = nickname(rng), rng.choice(msg.units)
    status = rng.choice(STATUSES if ctx.replied(shown.posted_at) else STATUSES[1:])
    page_bg = (236, 240, 246)
    c, viewport_h = desktop_canvas(ctx, page_bg)
    w = c.lw
    c.rect(0, 0, w, 84, fill=BLUE)
    x = c.text(40, 42, "问政湖南", 30, WHITE, bold=True, anchor="lm")
    c.text(x + 16, 46, "你的声音 我们在听", 14, (205, 225, 250), anchor="lm")
    c.rect(w - 360, 26, w - 40, 58, fill=WHITE, radius=16)
    c.text(w - 344, 42, "搜索留言标题、单位", 13, (160, 160, 160), anchor="lm")
    c.rect(0, 84, w, 126, fill=WHITE)
    nx = 40.0
    for item in ("首页", "我要问政", "问政排行", "部门回复", "热点追踪", "政策解读"):
        nx = c.text(nx, 105, item, 15, (40, 40, 40), bold=item == "我要问政", anchor="lm") + 36
    table_w = min(1100.0, w - 80)
    left = (w - table_w) / 2
    y = 146.0
    c.text(left, y, "首页 > 留言详情", 13, (120, 120, 120))
    y += 32
    key_w, total = 120.0, table_w
    half = (total - key_w * 2) / 2
    keys = rng.choice((("标题", "留言人", "留言时间", "留言对象"), ("留言标题", "网友", "时间", "对象")))
    y = _row(c, y, left, [key_w, total - key_w], [(keys[0], True), (msg.title, False)])
    y = _row(c, y, left, [key_w, half, key_w, half], [(keys[1], True), (author, False), (keys[2], True),
                                                      (shown.text, False)])
    y = _row(c, y, left, [key_w, half, key_w, half], [(keys[3], True), (unit, False), ("类型", True),
                                                      (msg.kind, False)])
    y = _row(c, y, left, [key_w, half, key_w, half], [("状态", True), (status, False), ("浏览", True),
                                                      (str(ctx.counter(20, 8000)), False)])
    y = _row(c, y, left, [key_w, total - key_w], [("留言内容", True), (msg.body, False)])
    if status == "已回复":
        y += 24
        c.text(left, y, "回复信息", 17, BLUE, bold=True)
        y += 34
        street = (msg.district.streets or msg.district.towns)[0]
        replied = ctx.later(shown.posted_at).strftime("%Y-%m-%d %H:%M")
        y = _row(c, y, left, [key_w, half, key_w, half], [("回复单位", True), (unit, False), ("回复时间", True),
                                                          (replied, False)])
        y = _row(c, y, left, [key_w, total - key_w], [("回复内容", True),
                                                      (official_reply(rng, msg.district.name, street), False)])
    content_bottom = y + 40
    show_taskbar = content_bottom + 40 <= viewport_h and rng.random() < 0.6
    height = fit_height(content_bottom + (40 if show_taskbar else 0), viewport_h)
    c.crop_to(height, page_bg)
    if show_taskbar:
        draw_taskbar(c, ctx)
    label = label_for("wenzheng_hunan", msg, title=msg.title, author=author, shown=shown, unit=unit)
    return c.img, label
