"""抖音: full-screen video page, comment sheet over a paused video, and the douyin.com web detail page."""

from __future__ import annotations

from random import Random

from PIL import Image

try:
    from .chatter import comments, nickname, other_nicks
    from .common import Ctx, Rendered, desktop_canvas, fit_height, label_for, phone_canvas
    from .draw import Canvas, Run, count_text, draw_home_indicator, draw_status_bar
except ImportError:  # run as a script from this folder
    from chatter import comments, nickname, other_nicks  # type: ignore[no-redef]
    from common import Ctx, Rendered, desktop_canvas, fit_height, label_for, phone_canvas  # type: ignore[no-redef]
    from draw import Canvas, Run, count_text, draw_home_indicator, draw_status_bar  # type: ignore[no-redef]

WHITE = (255, 255, 255)
SOFT = (225, 225, 225)
PINK = (254, 44, 85)
HASHTAGS = ("#民生", "#求助", "#曝光", "#投诉", "#维权", "#身边事", "#随手拍", "#民生关注")  # topic-neutral
PROVINCES = ("湖南", "湖南", "湖南", "广东", "湖北", "江西", "北京", "浙江")
VIDEO_TIMES = ("hours_ago", "days_ago", "md_dash", "just_now", "iso_date")
COMMENT_TIMES = ("minutes_ago", "days_ago", "yesterday_hm", "hours_ago", "md_dash", "just_now")
WEB_TIMES = ("iso_hm", "iso_date", "days_ago", "hours_ago")


def _caption(rng: Random, body: str) -> tuple[str, list[Run]]:
    """Caption text with 1-3 hashtags at the end; hashtags are part of what the author wrote."""
    tags = rng.sample(HASHTAGS, rng.randint(1, 3))
    text = body + " " + " ".join(tags)
    return text, [Run(body + " ", WHITE), Run(" ".join(tags), WHITE, bold=True)]


def video_frame(c: Canvas, box: tuple[float, float, float, float], rng: Random, dim: float = 0.0,
                text_top: float | None = None) -> None:
    """A street scene standing in for the video: sky, buildings with windows, a road; no text.

    Below `text_top` (where the app prints the caption) the road is left plain.
    """
    x0, y0, x1, y1 = box
    horizon = y0 + (y1 - y0) * rng.uniform(0.45, 0.6)
    sky = (rng.randint(90, 150), rng.randint(110, 160), rng.randint(150, 200))
    c.rect(x0, y0, x1, horizon, fill=sky)
    x = x0
    while x < x1:
        bw = (x1 - x0) * rng.uniform(0.12, 0.3)
        bh = (horizon - y0) * rng.uniform(0.3, 0.85)
        shade = rng.randint(70, 150)
        c.rect(x, horizon - bh, min(x1, x + bw), horizon, fill=(shade, shade - 8, shade - 15))
        for wy in range(int(horizon - bh + 10), int(horizon - 8), 18):
            for wx in range(int(x + 8), int(min(x1, x + bw) - 8), 16):
                if rng.random() < 0.6:
                    c.rect(wx, wy, wx + 7, wy + 9, fill=(min(255, shade + 60), min(255, shade + 55), shade + 20))
        x += bw + rng.uniform(0, 8)
    c.rect(x0, horizon, x1, y1, fill=(70, 72, 74))
    near = min(y1, text_top - 20) if text_top is not None else y1
    if near - horizon >= 40:
        _road_marks(c, rng, x0, x1, horizon, near)
    if dim:
        _darken(c, box, dim)


def _road_marks(c: Canvas, rng: Random, x0: float, x1: float, horizon: float, near: float) -> None:
    mid = (x0 + x1) / 2
    for i in range(4):
        yy = horizon + (near - horizon) * (i + 0.2) / 4
        c.rect(mid - 2 - i, yy, mid + 2 + i, yy + (near - horizon) / 8, fill=(200, 200, 190))
    for _ in range(rng.randint(2, 4)):  # potholes, kept off the right edge where the app's buttons sit
        px = rng.uniform(x0 + 20, x0 + (x1 - x0) * 0.6)
        py = rng.uniform(horizon + 10, near - 14)
        c.draw.ellipse((c.s(px), c.s(py), c.s(px + 50), c.s(py + 14)), fill=(40, 38, 36))


def _darken(c: Canvas, box: tuple[float, float, float, float], amount: float, fade: str = "") -> None:
    """Blend black over a box; fade="down" grows the blend from 0 at the top to `amount` at the bottom, "up" the
    other way round."""
    x0, y0, x1, y1 = (c.s(v) for v in box)
    mask = Image.new("L", (x1 - x0, y1 - y0), round(255 * amount))
    if fade:
        mask = Image.linear_gradient("L").resize((x1 - x0, y1 - y0)).point(lambda v: round(v * amount))
        if fade == "up":
            mask = mask.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    c.img.paste(Image.new("RGB", mask.size, (0, 0, 0)), (x0, y0), mask)


def _tab_bar(c: Canvas, top: float, height: float, dark: bool = True) -> None:
    w = c.lw
    bg, fg, dim = ((0, 0, 0), WHITE, (170, 170, 170)) if dark else (WHITE, (20, 20, 20), (120, 120, 120))
    c.rect(0, top, w, top + height, fill=bg)
    slots = [w * (i + 0.5) / 5 for i in range(5)]
    for x, word in zip(slots, ("首页", "朋友", "", "消息", "我"), strict=True):
        if word:
            c.text(x, top + 25, word, 16, fg if word == "首页" else dim, bold=word == "首页", anchor="mm")
    cx = slots[2]
    c.rect(cx - 20, top + 12, cx + 20, top + 38, fill=fg, radius=8)
    c.line(cx - 8, top + 25, cx + 8, top + 25, bg, 2.4)
    c.line(cx, top + 17, cx, top + 33, bg, 2.4)


def _right_rail(c: Canvas, ctx: Ctx, bottom: float) -> None:
    x = c.lw - 34
    y = bottom - 330
    c.circle(x, y, 24, fill=WHITE)
    c.avatar(x, y, 22, ctx.rng)
    c.circle(x, y + 24, 9, fill=PINK)
    c.line(x - 4, y + 24, x + 4, y + 24, WHITE, 1.8)
    c.line(x, y + 20, x, y + 28, WHITE, 1.8)
    y += 72
    c.heart(x, y, 34, PINK if ctx.rng.random() < 0.3 else WHITE)
    c.text(x, y + 30, count_text(ctx.counter(20, 60000)), 12, WHITE, bold=True, anchor="mm")
    y += 66
    c.rect(x - 15, y - 13, x + 15, y + 11, fill=WHITE, radius=12)
    for dx in (-7, 0, 7):
        c.circle(x + dx, y - 1, 2, fill=(40, 40, 40))
    c.text(x, y + 30, count_text(ctx.counter(3, 9000)), 12, WHITE, bold=True, anchor="mm")
    y += 66
    c.star(x, y, 34, WHITE)
    c.text(x, y + 30, count_text(ctx.counter(0, 5000)), 12, WHITE, bold=True, anchor="mm")
    y += 66
    c.share_icon(x, y, 28, WHITE)
    c.text(x, y + 30, count_text(ctx.counter(0, 3000)), 12, WHITE, bold=True, anchor="mm")


def dy_video(ctx: Ctx) -> Rendered:
    rng = ctx.rng
    msg = ctx.message(40, 110, titled=False)
    shown = ctx.time(VIDEO_TIMES)
    author = nickname(rng)
    caption, runs = _caption(rng, msg.body)
    c, screen_h = phone_canvas(ctx, (0, 0, 0))
    w = c.lw
    tab_h = 52
    home = rng.random() < 0.5
    video_bottom = screen_h - tab_h - (22 if home else 0)
    # Caption block, laid out bottom-up so it ends just above the tab bar.
    text_w = w - 96
    cap_lines = len(c.wrap_runs(runs, 15, text_w))
    block_h = 30 + cap_lines * 15 * 1.55 + 10 + 24
    caption_top = video_bottom - 14 - block_h
    if rng.random() < 0.65:
        video_frame(c, (0, 0, w, video_bottom), rng, text_top=caption_top)
    else:  # landscape video letterboxed in the middle; the caption sits on black
        vh = w * 9 / 16
        video_frame(c, (0, video_bottom / 2 - vh / 2 - 40, w, video_bottom / 2 + vh / 2 - 40), rng,
                    text_top=caption_top)
    # Apps shade the bottom of the video so the white caption stays readable.
    _darken(c, (0, video_bottom * 0.5, w, video_bottom), 0.85, fade="down")
    _darken(c, (0, 0, w, 110), 0.45, fade="up")
    draw_status_bar(c, ctx.status_bar(), WHITE, None)
    tabs = ("直播", "同城", "关注", "商城", "推荐")
    x = 56.0
    step = (w - 112) / (len(tabs) - 1)
    for i, word in enumerate(tabs):
        active = word == "推荐"
        c.text(x + i * step, 66, word, 16, WHITE if active else SOFT, bold=active, anchor="mm")
    c.line(x + 4 * step - 10, 80, x + 4 * step + 10, 80, WHITE, 2)
    for i in range(3):
        c.line(14, 58 + i * 7, 30, 58 + i * 7, WHITE, 1.8)
    c.circle(w - 26, 64, 8, outline=WHITE, width=2)
    c.line(w - 20, 70, w - 14, 76, WHITE, 2)
    _right_rail(c, ctx, video_bottom)

    music = f"@{author}创作的原声"
    y = caption_top
    x = c.text(14, y + 12, f"@{author}", 17, WHITE, bold=True, anchor="lm")
    c.text(x + 8, y + 13, f"· {shown.text}", 13, SOFT, anchor="lm")
    y = c.paragraph(14, y + 30, runs, 15, max_width=text_w, leading=1.55) + 10
    c.circle(22, y + 10, 8, outline=SOFT, width=1.6)
    c.circle(22, y + 10, 2, fill=SOFT)
    c.text(36, y + 10, music, 13, SOFT, anchor="lm")
    c.circle(w - 34, video_bottom - 30, 20, fill=(30, 30, 30))
    c.avatar(w - 34, video_bottom - 30, 12, rng)

    c.crop_to(screen_h, (0, 0, 0))
    _tab_bar(c, video_bottom, tab_h)
    if home:
        draw_home_indicator(c, screen_h - 8, WHITE)
    label = label_for("douyin", msg, title=None, author=author, shown=shown, unit=None, body=caption)
    return c.img, label


def _comment(c: Canvas, ctx: Ctx, y: float, nick: str, text: str, when: str, province: str,
             fg: tuple[int, int, int], sub: tuple[int, int, int], replies: int) -> float:
    w = c.lw
    c.avatar(34, y + 18, 17, ctx.rng)
    c.heart(w - 28, y + 14, 17, None, sub)
    c.text(w - 28, y + 34, str(ctx.counter(0, 999)), 11, sub, anchor="mm")
    c.text(60, y + 2, nick, 13, sub)
    y = c.paragraph(60, y + 22, text, 15, fg, max_width=w - 60 - 56, leading=1.55)
    meta = f"{when} · IP属地：{province}" if ctx.rng.random() < 0.7 else f"{when} · {province}"
    x = c.text(60, y + 2, meta, 12, sub)
    c.text(x + 16, y + 2, "回复", 12, sub, bold=True)
    y += 26
    if replies:
        c.line(60, y + 9, 84, y + 9, sub, 1)
        c.text(92, y + 9, f"展开{replies}条回复", 12, sub, bold=True, anchor="lm")
        y += 26
    return y + 12


def dy_comments(ctx: Ctx) -> Rendered:
    rng = ctx.rng
    msg = ctx.message(40, 160, titled=False)
    shown = ctx.time(COMMENT_TIMES)
    author = nickname(rng)
    c, screen_h = phone_canvas(ctx, (0, 0, 0))
    w = c.lw
    top_h = screen_h * rng.uniform(0.22, 0.3)
    video_frame(c, (0, 0, w, top_h + 20), rng, dim=0.35)
    draw_status_bar(c, ctx.status_bar(), WHITE, None)
    sheet_bg = (22, 22, 24) if ctx.dark else WHITE
    fg = (230, 230, 230) if ctx.dark else (22, 22, 22)
    sub = (128, 128, 132) if ctx.dark else (140, 140, 140)
    c.rect(0, top_h, w, c.img.height / c.scale, fill=sheet_bg, radius=12)
    c.text(w / 2, top_h + 22, f"{ctx.counter(30, 4000)}条评论", 13, fg, bold=True, anchor="mm")
    c.line(w - 30, top_h + 16, w - 18, top_h + 28, fg, 1.6)
    c.line(w - 30, top_h + 28, w - 18, top_h + 16, fg, 1.6)
    y = top_h + 48
    y = _comment(c, ctx, y, author, msg.body, shown.text, "湖南", fg, sub, rng.choice((0, 0, 2, 5)))
    nicks = other_nicks(rng, author, 6 if ctx.tall else rng.randint(2, 4))
    for nick, text in zip(nicks, comments(rng, len(nicks)), strict=True):
        y = _comment(c, ctx, y, nick, text, ctx.since(shown.posted_at), rng.choice(PROVINCES), fg, sub,
                     rng.choice((0, 0, 0, 1, 3)))
    bar_h = 56
    height = fit_height(y + bar_h, screen_h)
    c.crop_to(height, sheet_bg)
    top = height - bar_h
    c.rect(0, top, w, height, fill=sheet_bg)
    c.hline(top, (50, 50, 52) if ctx.dark else (235, 235, 235))
    c.rect(14, top + 10, w - 14, top + 44, fill=(40, 40, 44) if ctx.dark else (242, 242, 242), radius=17)
    c.text(30, top + 27, "善语结善缘，恶言伤人心", 14, sub, anchor="lm")
    c.text(w - 66, top + 27, "@", 17, sub, anchor="mm")
    c.circle(w - 36, top + 27, 9, outline=sub, width=1.5)
    label = label_for("douyin", msg, title=None, author=author, shown=shown, unit=None)
    return c.img, label


def dy_desktop(ctx: Ctx) -> Rendered:
    rng = ctx.rng
    msg = ctx.message(40, 160, titled=False)
    shown = ctx.time(WEB_TIMES)
    author = nickname(rng)
    caption, runs = _caption(rng, msg.body)
    bg = (22, 24, 35)
    c, viewport_h = desktop_canvas(ctx, bg)
    w = c.lw
    c.text(28, 32, "抖音", 24, WHITE, bold=True, anchor="lm")
    c.rect(w / 2 - 230, 14, w / 2 + 230, 50, fill=(46, 48, 60), radius=10)
    c.text(w / 2 - 214, 32, "搜索你感兴趣的内容", 14, (140, 140, 150), anchor="lm")
    rx = w - 28.0
    for word in ("投稿", "私信", "通知", "客户端"):
        rx = rx - c.text_width(word, 13)
        c.text(rx, 32, word, 13, (190, 190, 200), anchor="lm")
        rx -= 26
    nav_y = 84.0
    for word in ("首页", "推荐", "关注", "朋友", "我的", "直播", "放映厅", "短剧"):
        c.text(36, nav_y, word, 15, WHITE if word == "推荐" else (170, 170, 180), bold=word == "推荐", anchor="lm")
        nav_y += 44
    left = 150.0
    side_w = 340.0
    vid_w = w - left - side_w - 60
    vid_h = vid_w * 9 / 16
    c.rect(left, 64, left + vid_w, 64 + vid_h, fill=(0, 0, 0), radius=10)
    frame_w = vid_h * 9 / 16 if rng.random() < 0.6 else vid_w
    video_frame(c, (left + (vid_w - frame_w) / 2, 64, left + (vid_w + frame_w) / 2, 64 + vid_h), rng)
    _darken(c, (left, 64 + vid_h - 44, left + vid_w, 64 + vid_h), 0.6)
    c.line(left + 12, 64 + vid_h - 40, left + vid_w - 12, 64 + vid_h - 40, (120, 120, 120), 2)
    c.line(left + 12, 64 + vid_h - 40, left + 12 + vid_w * 0.3, 64 + vid_h - 40, WHITE, 2)
    c.text(left + 16, 64 + vid_h - 20, f"00:{rng.randint(10, 59)} / 01:{rng.randint(10, 59)}", 13, WHITE, anchor="lm")
    c.text(left + vid_w - 16, 64 + vid_h - 20, "倍速   清屏   连播", 13, WHITE, anchor="rm")
    y = 64 + vid_h + 18
    y = c.paragraph(left, y, [Run(r.text, r.fill, r.bold) for r in runs], 18, max_width=vid_w - 20, leading=1.5)
    y += 10
    x = left
    c.heart(x + 10, y + 12, 20, PINK)
    x = c.text(x + 26, y + 12, count_text(ctx.counter(50, 90000)), 14, SOFT, anchor="lm") + 24
    c.bubble_icon(x + 10, y + 12, 18, SOFT)
    x = c.text(x + 26, y + 12, count_text(ctx.counter(5, 9000)), 14, SOFT, anchor="lm") + 24
    c.star(x + 10, y + 12, 20, SOFT)
    x = c.text(x + 26, y + 12, count_text(ctx.counter(0, 6000)), 14, SOFT, anchor="lm") + 24
    c.share_icon(x + 10, y + 12, 16, SOFT)
    c.text(x + 26, y + 12, "分享", 14, SOFT, anchor="lm")
    c.text(left + vid_w, y + 12, f"发布时间：{shown.text}", 13, (150, 150, 160), anchor="rm")
    y += 40
    # Right column: the author card, then other people's comments.
    sx = w - side_w - 24
    c.rect(sx, 64, sx + side_w, 150, fill=(34, 36, 48), radius=10)
    c.avatar(sx + 40, 107, 24, rng)
    c.text(sx + 76, 94, author, 16, WHITE, bold=True, anchor="lm")
    c.text(sx + 76, 120, f"粉丝{count_text(ctx.counter(10, 200000))}  获赞{count_text(ctx.counter(100, 900000))}",
           12, (150, 150, 160), anchor="lm")
    c.rect(sx + side_w - 78, 92, sx + side_w - 16, 122, fill=PINK, radius=6)
    c.text(sx + side_w - 47, 107, "关注", 14, WHITE, bold=True, anchor="mm")
    cy = 172.0
    c.text(sx, cy, f"全部评论({ctx.counter(10, 3000)})", 15, WHITE, bold=True)
    cy += 36
    for nick, text in zip(other_nicks(rng, author, 5), comments(rng, 5), strict=True):
        c.avatar(sx + 16, cy + 14, 16, rng)
        c.text(sx + 42, cy, nick, 13, (150, 150, 160))
        cy = c.paragraph(sx + 42, cy + 22, text, 14, SOFT, max_width=side_w - 60,
                         leading=1.5)
        c.text(sx + 42, cy + 2, f"{ctx.since(shown.posted_at)}·{rng.choice(PROVINCES)}", 12, (120, 120, 130))
        cy += 32
    height = fit_height(max(y, cy) + 20, viewport_h)
    c.crop_to(height, bg)
    label = label_for("douyin", msg, title=None, author=author, shown=shown, unit=None, body=caption)
    return c.img, label
