"""The thirteen layouts of family h. Each draws one page on a tall canvas and says where the post is.

Every layout returns an ``Out``: the canvas (with its log of text runs), the label fields it knows
by construction, and how tall the phone/desktop screen is, so ``generate`` can cut a screen, scroll to
the post or keep a long capture.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bench.heldout_layouts.fonts import FontBook
from bench.heldout_layouts_h import content as C
from bench.heldout_layouts_h.render import (
    DARK,
    LIGHT,
    Canvas,
    browser_chrome,
    home_indicator,
    nav_bar,
    status_bar,
    taskbar,
)
from bench.heldout_layouts_h.timefmt import WEEKDAYS, cn12, pick

ALLOC_DP = 3400


@dataclass
class Ctx:
    rng: random.Random
    fb: FontBook
    fw: datetime


@dataclass
class Out:
    c: Canvas
    device: str
    platform: str
    post: C.Post
    title: str | None
    author: str
    time_text: str
    posted_at: datetime
    comps: list[str]
    addressed_unit: str | None
    chrome_h: float
    content_end: float
    screen_h: float
    bottom_h: float = 0.0
    overlay: Callable[[Canvas], None] | None = None


def phone_canvas(ctx: Ctx, bg) -> tuple[Canvas, float, float]:
    rng = ctx.rng
    dp = rng.randint(360, 430)
    s = rng.choice([2.0, 2.5, 2.75, 3.0])
    s = min(max(s, 720 / dp), 1290 / dp)
    c = Canvas(round(dp * s), int(ALLOC_DP * s), s, ctx.fb, bg)
    return c, c.width / s, dp * rng.uniform(2.0, 2.22)


def desktop_canvas(ctx: Ctx, bg) -> tuple[Canvas, float, float]:
    rng = ctx.rng
    w, h = rng.choice([(1280, 720), (1366, 768), (1440, 900), (1536, 864), (1600, 900), (1920, 1080), (1920, 1200)])
    s = 1.25 if w >= 1600 and rng.random() < 0.5 else 1.0
    c = Canvas(w, int(ALLOC_DP * s), s, ctx.fb, bg)
    return c, w / s, h / s


def t_pick(ctx: Ctx, styles: list[str]):
    return pick(ctx.rng, ctx.fw, ctx.rng.choice(styles))


def t_text(ctx: Ctx, styles: list[str]) -> str:
    return t_pick(ctx, styles)[0]


def hashtag_segs(text: str, size: float, fg, tag_color, role="body", bold=False):
    out = []
    for part in re.split(r"(#[^#]+#)", text):
        if part:
            out.append((part, size, tag_color if part.startswith("#") else fg, bold, role))
    return out


def ip_region(rng: random.Random) -> str:
    return rng.choice(["湖南", "湖南", "湖南", "广东", "湖北", "江西", "浙江"])


# =========================================================================== 1 今日头条 微头条
def toutiao_weitoutiao(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    th = DARK if rng.random() < 0.3 else LIGHT
    c, W, SH = phone_canvas(ctx, th["bg"])
    fs = rng.uniform(0.92, 1.12)
    post = C.make_post(rng, with_title=False, max_len=rng.choice([160, 300]))
    author = C.nickname(rng)
    tt, pa, comps = t_pick(ctx, ["hours_ago", "min_ago", "yesterday_hm", "md_hm", "days_ago", "ymd_hm"])
    y = status_bar(c, fw, th)
    y = nav_bar(c, "", th, y, right="⋯")
    c.rect(60, y - 38, W - 60, y - 8, fill=th["quote"], r=15)
    c.text(80, y - 23, "搜索 " + C.caption(rng)[:10], 13, th["sub"], anchor="lm")
    chrome = y
    y += 12
    c.avatar(16, y, 42, rng, author)
    c.d.ellipse([(16 + 30) * c.s, (y + 30) * c.s, (16 + 43) * c.s, (y + 43) * c.s], fill=(255, 190, 0) if rng.random() < 0.5 else (60, 130, 240))
    two_rows = rng.random() < 0.5
    b = c.text(68, y + (11 if two_rows else 21), author, 16 * fs, th["fg"], bold=True, role="author", anchor="lm")
    region = ip_region(rng)
    if two_rows:
        extra = rng.choice(["", " · 优质民生领域创作者", " · 已认证", ""])
        c.text(68, y + 32, f"{tt} · {region}{extra}", 12.5 * fs, th["sub"], role="time", anchor="lm")
    else:
        x = b[2] + 4
        if rng.random() < 0.5:
            x = c.chip(x, y + 12, "认证", 10, (255, 255, 255), (240, 170, 0), pad=3) + 4
        c.text(x, y + 21, f"· {tt} · {region}", 12.5 * fs, th["sub"], role="time", anchor="lm")
    c.chip(W - 72, y + 8, " 关注 ", 13, (255, 255, 255), (240, 65, 66), pad=6, r=14)
    y += 56
    y = c.paras(post.paragraphs, 16, y, W - 32, 17 * fs, th["fg"], lh=1.6, gap=0.6)
    if rng.random() < 0.6:
        n = rng.choice([1, 3])
        side = (W - 32 - 8) / 3 if n == 3 else (W - 32) * 0.6
        for i in range(n):
            c.rect(16 + i * (side + 4), y + 8, 16 + i * (side + 4) + side, y + 8 + side, fill=th["line"], r=4)
        y += side + 16
    c.text(16, y + 10, f"阅读 {rng.randint(2, 98)}.{rng.randint(0, 9)}万", 12.5, th["sub"], anchor="lm")
    y += 30
    c.rect(0, y, W, y + 8, fill=th["page"])
    y += 20
    c.text(16, y, f"评论 {rng.randint(20, 900)}", 15, th["fg"], bold=True)
    y += 34
    styles = ["hours_ago", "min_ago", "yesterday_hm", "md_hm", "days_ago"]
    for _ in range(rng.randint(4, 7)):
        nick = C.nickname(rng)
        c.avatar(16, y, 32, rng, nick)
        c.text(56, y + 2, nick, 13.5 * fs, (80, 110, 160) if not th["dark"] else (140, 160, 200))
        y = c.para(C.comment(rng), 56, y + 24, W - 72, 15.5 * fs, th["fg"])
        c.text(56, y + 2, f"{t_text(ctx, styles)} · IP属地：{ip_region(rng)}   回复", 12 * fs, th["sub"])
        c.text(W - 16, y + 2, f"赞 {rng.randint(1, 500)}", 12 * fs, th["sub"], anchor="ra")
        y += 26
        if rng.random() < 0.5:
            c.rect(56, y, W - 16, y + 58, fill=th["quote"], r=4)
            who = C.nickname(rng)
            c.para(f"{who}：回复 @{nick}：{C.comment(rng)}"[:40], 64, y + 6, W - 88, 13.5 * fs, th["fg"])
            c.text(64, y + 40, f"查看全部{rng.randint(2, 30)}条回复 ›", 12.5, (80, 110, 160))
            y += 66
        y += 12
    return Out(c, "phone", "toutiao", post, None, author, tt, pa, comps, None, chrome, y, SH)


# =========================================================================== 2 微博 转发链
def weibo_repost(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    th = DARK if rng.random() < 0.3 else LIGHT
    c, W, SH = phone_canvas(ctx, th["bg"])
    fs = rng.uniform(0.92, 1.1)
    blue = (80, 125, 175) if not th["dark"] else (110, 150, 200)
    post = C.make_post(rng, with_title=False, hashtags=rng.random() < 0.5, max_len=rng.choice([140, 300]))
    author = C.nickname(rng)
    tt, pa, comps = t_pick(ctx, ["md_hm", "yesterday_hm", "hours_ago", "ymd_hm", "min_ago"])
    y = status_bar(c, fw, th)
    y = nav_bar(c, "微博正文", th, y, size=17)
    chrome = y
    c.line(0, y, W, y, th["line"])
    y += 14
    rp = C.nickname(rng)
    c.avatar(14, y, 40, rng, rp)
    c.text(62, y + 2, rp, 15.5 * fs, (235, 115, 65) if rng.random() < 0.4 else th["fg"], bold=True)
    # the reposter's time is after the original's
    rp_time = "刚刚" if (rng.random() < 0.3 or tt.endswith("分钟前")) else f"{rng.randint(1, 50)}分钟前"
    c.text(62, y + 24, f"{rp_time} 来自 {rng.choice(['iPhone客户端', 'HUAWEI Mate 60', '微博 weibo.com', 'Redmi K70'])}", 12, th["sub"])
    y += 54
    chain = [("转发扩散，希望相关部门看到" if rng.random() < 0.5 else rng.choice(["太过分了", "求关注", "转发微博", "帮转"]), 15.5 * fs, th["fg"], False, None)]
    for _ in range(rng.randint(1, 3)):
        who = C.nickname(rng)
        chain += [("//", 15.5 * fs, th["fg"], False, None), (f"@{who}", 15.5 * fs, blue, False, None),
                  (":" + rng.choice(["支持", "扩散", "关注一下", "同城的帮转", "真的假的？", "[怒]"]), 15.5 * fs, th["fg"], False, None)]
    y, _ = c.flow(chain, 14, y, W - 28, lh=1.55)
    y += 8
    top = y
    segs = [(f"@{author}", 15 * fs, blue, False, "author"), ("：", 15 * fs, th["fg"], False, None)]
    for ptext in post.paragraphs:
        segs += hashtag_segs(ptext, 15 * fs, th["fg"], blue)
    yy = c.measure_flow(segs, 26, top + 12, W - 52, lh=1.55)
    box_bottom = yy + 40
    c.rect(12, top, W - 12, box_bottom, fill=th["quote"])
    c.flow(segs, 26, top + 12, W - 52, lh=1.55)
    c.text(26, yy + 16, f"{tt}  来自 {rng.choice(['微博视频号', 'iPhone 13', 'OPPO Find X7', '微博网页版'])}", 12, th["sub"], role="time", anchor="lm")
    c.text(W - 26, yy + 16, f"转发 {rng.randint(10, 3000)}  评论 {rng.randint(10, 999)}", 12, th["sub"], anchor="rm")
    y = box_bottom + 14
    c.rect(0, y, W, y + 8, fill=th["page"])
    y += 8
    for i, tab in enumerate([f"转发 {rng.randint(5, 99)}", f"评论 {rng.randint(5, 99)}", f"赞 {rng.randint(5, 999)}"]):
        c.text(16 + i * 90, y + 22, tab, 14, th["fg"] if i == 1 else th["sub"], bold=i == 1, anchor="lm")
    y += 44
    c.line(0, y, W, y, th["line"])
    y += 12
    for _ in range(rng.randint(4, 7)):
        nick = C.nickname(rng)
        c.avatar(14, y, 34, rng, nick)
        c.text(56, y + 2, nick, 13.5, blue)
        y = c.para(C.comment(rng), 56, y + 24, W - 70, 15 * fs, th["fg"])
        c.text(56, y + 2, f"{t_text(ctx, ['hours_ago', 'min_ago', 'md_hm'])} 来自{ip_region(rng)}", 12, th["sub"])
        y += 34
    return Out(c, "phone", "weibo", post, None, author, tt, pa, comps, None, chrome, y, SH)


# =========================================================================== 3 抖音 评论区
def douyin_comments(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    dark = rng.random() < 0.5
    th = DARK if dark else LIGHT
    c, W, SH = phone_canvas(ctx, (20, 20, 24))
    fs = rng.uniform(0.92, 1.1)
    post = C.make_post(rng, with_title=False, max_len=rng.choice([120, 220, 300]), phone_prob=0.3)
    author = C.nickname(rng)
    tt, pa, comps = t_pick(ctx, ["min_ago", "hours_ago", "yesterday_hm", "days_ago", "md", "ymd"])
    status_bar(c, fw, th, bg=(20, 20, 24), fg=(240, 240, 240))
    vid_h = SH * rng.uniform(0.22, 0.32)
    c.rect(0, 28, W, vid_h, fill=(60, 70, 80))
    c.text(14, vid_h - 44, "@" + rng.choice(["湖南都市新闻", "长沙身边事", "潇湘晨报", "红网时刻"]), 14, (255, 255, 255), bold=True)
    c.para(C.caption(rng), 14, vid_h - 26, W - 28, 12.5, (235, 235, 235))
    top = vid_h
    c.rect(0, top, W, ALLOC_DP, fill=th["bg"], r=12)
    c.text(W / 2, top + 24, f"{rng.randint(1, 9)}.{rng.randint(0, 9)}万条评论", 13.5, th["fg"], bold=True, anchor="mm")
    c.text(W - 18, top + 24, "×", 18, th["fg"], anchor="rm")
    y = top + 50
    chrome = y
    styles = ["min_ago", "hours_ago", "yesterday_hm", "days_ago", "md"]
    vid_author = C.nickname(rng)
    n_top = rng.randint(2, 4)
    post_at = rng.randint(0, n_top - 1)
    highlight = (255, 246, 222) if not dark else (52, 46, 36)
    meta_c = th["sub"]
    for i in range(n_top):
        nick = vid_author if rng.random() < 0.2 else C.nickname(rng)
        c.avatar(14, y, 34, rng, nick)
        x = c.text(58, y + 8, nick, 13 * fs, meta_c, anchor="lm")[2]
        if nick == vid_author:
            c.chip(x + 4, y, "作者", 10, (255, 255, 255), (254, 44, 85), pad=3)
        y = c.para(C.comment(rng), 58, y + 20, W - 120, 15 * fs, th["fg"])
        c.text(58, y + 2, f"{t_text(ctx, styles)} · {ip_region(rng)}    回复", 12 * fs, meta_c)
        c.text(W - 22, y - 10, f"♡ {rng.randint(1, 999)}", 12, meta_c, anchor="ra")
        y += 26
        n_rep = rng.randint(1, 3) if i == post_at else rng.randint(0, 2)
        rep_at = rng.randint(0, n_rep - 1) if i == post_at else -1
        for j in range(n_rep):
            is_post = j == rep_at
            who = author if is_post else C.nickname(rng)
            target = nick if rng.random() < 0.6 else C.nickname(rng)
            y0 = y
            if is_post:
                pend = c.measure_flow([(p, 15 * fs, th["fg"], False, None) for p in post.paragraphs[:1]], 90, y + 22, W - 110)
                for ptext in post.paragraphs[1:]:
                    pend = c.measure_flow([(ptext, 15 * fs, th["fg"], False, None)], 90, pend + 15 * fs * 0.3, W - 110)
                c.rect(0, y0 - 6, W, pend + 26, fill=highlight)
            c.avatar(58, y + 2, 24, rng, who)
            x = c.text(90, y + 10, who, 13 * fs, meta_c, role="author" if is_post else None, anchor="lm")[2]
            arrow = rng.random()
            if arrow < 0.45:
                x = c.text(x + 4, y + 10, "▶", 9 * fs, meta_c, anchor="lm")[2]
            elif arrow < 0.8:
                c.poly([(x + 5, y + 6), (x + 5, y + 14), (x + 11, y + 10)], meta_c)
                x += 11
            else:
                x += 6
            c.text(x + 4, y + 10, target, 13 * fs, meta_c, anchor="lm")
            if is_post:
                y = c.paras(post.paragraphs, 90, y + 22, W - 110, 15 * fs, th["fg"], gap=0.3)
                c.text(90, y + 2, f"{tt} · {ip_region(rng)}    回复", 12 * fs, meta_c, role="time")
            else:
                y = c.para(C.comment(rng), 90, y + 22, W - 110, 15 * fs, th["fg"])
                c.text(90, y + 2, f"{t_text(ctx, styles)} · {ip_region(rng)}    回复", 12 * fs, meta_c)
            y += 30
        if rng.random() < 0.6:
            c.text(90, y + 6, f"—— 展开{rng.randint(2, 40)}条回复 ∨", 12.5, meta_c)
            y += 30
        y += 10

    def overlay(cv: Canvas) -> None:
        H = cv.height / cv.s
        cv.rect(0, H - 52, W, H, fill=th["bg"])
        cv.rect(12, H - 46, W - 100, H - 12, fill=th["quote"], r=17)
        cv.text(26, H - 29, rng.choice(["善语结善缘，恶言伤人心", "有爱评论，说点好听的~"]), 13.5, th["sub"], anchor="lm")
        cv.text(W - 20, H - 29, "@  ○", 18, th["fg"], anchor="rm")

    return Out(c, "phone", "douyin", post, None, author, tt, pa, comps, None, chrome, y + 60, SH, 52, overlay)


# =========================================================================== 4 B站 置顶评论 (desktop)
def bilibili_pinned(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    dark = rng.random() < 0.3
    bg = (24, 24, 26) if dark else (255, 255, 255)
    fg = (230, 230, 230) if dark else (24, 25, 28)
    sub = (140, 144, 150) if dark else (148, 153, 160)
    c, W, SH = desktop_canvas(ctx, bg)
    post = C.make_post(rng, with_title=False, max_len=rng.choice([160, 300]))
    up = C.nickname(rng)
    tt, pa, comps = t_pick(ctx, ["ymd_hm", "md_hm", "hours_ago", "yesterday_hm", "days_ago"])
    y = browser_chrome(c, f"www.bilibili.com/video/BV1{rng.randint(10**8, 10**9)}", "哔哩哔哩 (゜-゜)つロ 干杯~", dark)
    c.rect(0, y, W, y + 64, fill=bg)
    c.text(24, y + 32, "bilibili", 24, (251, 114, 153), bold=True, anchor="lm")
    c.rect(W / 2 - 220, y + 14, W / 2 + 220, y + 50, fill=(240, 241, 243) if not dark else (50, 50, 54), r=8)
    c.text(W / 2 - 200, y + 32, "搜索你感兴趣的视频", 13, sub, anchor="lm")
    chrome = y + 64
    y += 84
    left, lw = max(40, (W - 1240) / 2 + 40), min(W * 0.62, 840)
    rx = left + lw + 40
    vtitle = C.caption(rng)
    y = c.para(vtitle, left, y, lw, 20, fg, bold=True, lh=1.4)
    vt = t_text(ctx, ["ymd_hms", "ymd_hm"])
    c.text(left, y + 4, f"{rng.randint(1, 99)}.{rng.randint(0, 9)}万 播放   {rng.randint(10, 999)} 弹幕   {vt}", 13, sub)
    y += 34
    ph = lw * 9 / 16 * rng.uniform(0.5, 0.7)
    c.rect(left, y, left + lw, y + ph, fill=(10, 10, 10))
    c.text(left + lw / 2, y + ph / 2, "▶", 40, (200, 200, 200), anchor="mm")
    y += ph + 16
    c.text(left, y, f"👍 {rng.randint(100, 9999)}    投币 {rng.randint(10, 999)}    收藏 {rng.randint(10, 999)}    转发 {rng.randint(10, 99)}".replace("👍", "赞"), 14, fg)
    y += 40
    c.line(left, y, left + lw, y, (60, 60, 64) if dark else (227, 229, 231))
    y += 20
    x = c.text(left, y, "评论", 20, fg, bold=True)[2]
    c.text(x + 8, y + 6, str(rng.randint(100, 5000)), 14, sub)
    c.text(x + 80, y + 6, "最热  |  最新", 14, sub)
    y += 44
    c.avatar(left, y, 48, rng, "我")
    c.rect(left + 64, y + 4, left + lw, y + 44, fill=(241, 242, 243) if not dark else (45, 45, 48), r=6)
    c.text(left + 78, y + 24, rng.choice(["你猜我的评论区在等谁？", "发一条友善的评论"]), 13, sub, anchor="lm")
    y += 76
    pink = (251, 114, 153)
    for i in range(rng.randint(3, 5)):
        is_post = i == 0
        nick = up if is_post else C.nickname(rng)
        c.avatar(left, y, 48, rng, nick)
        x = c.text(left + 64, y + 2, nick, 13.5, pink if (is_post or rng.random() < 0.3) else sub, role="author" if is_post else None)[2]
        lv = rng.randint(2, 6)
        x = c.chip(x + 6, y + 2, f"LV{lv}", 9.5, (255, 255, 255), [(190, 190, 190), (140, 220, 150), (90, 180, 240), (255, 160, 60), (240, 90, 90), (255, 60, 60)][lv - 1], pad=3, r=2)
        if is_post or rng.random() < 0.1:
            c.chip(x + 6, y + 2, "UP", 9.5, pink, bg, outline=pink, pad=3, r=2)
        ty = y + 28
        if is_post:
            xs = c.chip(left + 64, ty + 3, "置顶", 11, (255, 102, 153), bg, outline=(255, 102, 153), pad=3, r=2) + 6
            segs = []
            for ptext in post.paragraphs:
                segs.append((ptext, 15, fg, False, "body"))
            yy, _ = c.flow(segs, left + 64, ty, lw - 64, lh=1.65, x_start=xs)
            c.text(left + 64, yy + 6, tt, 13, sub, role="time")
            c.text(left + 64 + c.measure(tt, 13) + 18, yy + 6, f"IP属地：{ip_region(rng)}   赞 {rng.randint(50, 999)}   回复", 13, sub)
        else:
            yy = c.para(C.comment(rng), left + 64, ty, lw - 64, 15, fg, lh=1.65)
            c.text(left + 64, yy + 6, f"{t_text(ctx, ['ymd_hm', 'md_hm', 'hours_ago'])}   赞 {rng.randint(1, 300)}   回复", 13, sub)
        y = yy + 36
        for _ in range(rng.randint(0, 2)):
            rn = up if rng.random() < 0.3 else C.nickname(rng)
            c.avatar(left + 64, y, 24, rng, rn)
            x = c.text(left + 96, y + 4, rn, 13, sub)[2]
            if rn == up:
                x = c.chip(x + 4, y + 3, "UP", 9.5, pink, bg, outline=pink, pad=3, r=2)
            yy = c.flow([(C.comment(rng), 14.5, fg, False, None)], left + 96, y - 2, lw - 96, lh=1.55, x_start=x + 8)[0]
            c.text(left + 96, yy + 2, f"{t_text(ctx, ['md_hm', 'hours_ago'])}   回复", 12.5, sub)
            y = yy + 30
        c.line(left + 64, y, left + lw, y, (50, 50, 54) if dark else (234, 236, 238))
        y += 20
    # right column
    ry = chrome + 24
    c.avatar(rx, ry, 48, rng, up)
    c.text(rx + 60, ry + 4, up, 15, pink)
    c.text(rx + 60, ry + 28, "发消息    + 关注 " + f"{rng.randint(1, 99)}.{rng.randint(0, 9)}万", 12.5, sub)
    ry += 80
    for _ in range(6):
        c.rect(rx, ry, rx + 140, ry + 80, fill=(60, 60, 64) if dark else (225, 227, 230), r=6)
        c.para(C.short_title(rng), rx + 150, ry, max(120, W - rx - 170), 13.5, fg, lh=1.4)
        ry += 96

    def overlay(cv: Canvas) -> None:
        taskbar(cv, fw, dark=rng.random() < 0.7)

    return Out(c, "desktop", "bilibili", post, None, up, tt, pa, comps, None, chrome, y, SH, 40, overlay)


# =========================================================================== 5 人民网 领导留言板 详情
def people_liuyan(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    th = LIGHT
    c, W, SH = phone_canvas(ctx, th["bg"])
    fs = rng.uniform(0.92, 1.1)
    post = C.make_post(rng, with_title=True, max_len=300, phone_prob=0.3)
    author = rng.choice([f"网友{rng.randint(10, 99)}****", "匿名", C.masked_name(rng), f"ta{rng.randint(1, 9)}***", f"网友{rng.choice('ABCDEFGHJK')}{rng.randint(1000, 9999)}"])
    tt, pa, comps = t_pick(ctx, ["ymd_hms", "ymd_hm", "ymd_hm"])
    red = (200, 22, 30)
    y = status_bar(c, fw, th, bg=red, fg=(255, 255, 255))
    y = nav_bar(c, "领导留言板", th, y, bg=red, fg=(255, 255, 255), right="分享")
    chrome = y
    y += 16
    y = c.para(post.title, 16, y, W - 32, 19.5 * fs, th["fg"], bold=True, role="title", lh=1.45)
    y += 8
    x = 16
    for t, col in [(rng.choice(["投诉", "求助", "建言", "咨询"]), (230, 120, 30)),
                   (rng.choice(["城建", "交通", "环保", "教育", "三农", "劳动社保"]), (60, 120, 220))]:
        x = c.chip(x, y, t, 12, col, (250, 244, 236) if col[0] > 200 else (236, 243, 252), pad=6) + 8
    status = rng.choice(["已办理", "已回复", "办理中"])
    c.chip(W - 16 - c.measure(status, 12) - 12, y, status, 12, (255, 255, 255), (40, 170, 90) if status != "办理中" else (240, 150, 30), pad=6)
    y += 30
    lcity = C.Places.pick(rng).city if rng.random() < 0.3 else post.city
    leader = lcity + rng.choice(["委书记", "州长" if lcity.endswith("州") else "长"])
    c.text(16, y, f"留言对象：{leader}", 13.5 * fs, th["sub"])
    y += 26
    c.avatar(16, y, 26, rng, "网")
    x = c.text(48, y + 13, author, 14 * fs, (60, 90, 150), role="author", anchor="lm")[2]
    if rng.random() < 0.5:
        c.text(W - 16, y + 13, f"留言时间：{tt}", 12.5 * fs, th["sub"], role="time", anchor="rm")
        y += 36
    else:
        y += 32
        c.text(16, y, f"留言时间：{tt}", 13 * fs, th["sub"], role="time")
        y += 26
    c.line(16, y, W - 16, y, th["line"])
    y += 12
    y = c.paras(post.paragraphs, 16, y, W - 32, 16 * fs, th["fg"], lh=1.7, gap=0.6)
    y += 16
    c.rect(0, y, W, y + 8, fill=th["page"])
    y += 20
    c.rect(16, y, 20, y + 18, fill=red)
    c.text(28, y + 9, "回复内容", 16, th["fg"], bold=True, anchor="lm")
    y += 32
    q0 = y
    org = C.Places.pick(rng)
    reply = C.office_reply(rng)
    q1 = c.measure_flow([(reply, 14.5 * fs, (0, 0, 0), False, None)], 28, y + 62, W - 56, lh=1.65)
    c.rect(16, q0, W - 16, q1 + 12, fill=(247, 247, 249), r=6)
    c.text(28, y + 10, f"{org.county}人民政府", 14, th["fg"], bold=True)
    y += 36
    rt = (fw - timedelta(days=rng.randint(0, 3))).strftime("%Y-%m-%d") if pa.date() < fw.date() else ""
    c.text(28, y, f"回复时间：{rt or fw.strftime('%Y-%m-%d')}", 12.5, th["sub"])
    y += 26
    y = c.para(reply, 28, y, W - 56, 14.5 * fs, (70, 70, 70), lh=1.65)
    y += 30
    c.text(16, y, "满意度评价  ★★★★☆", 14, th["sub"])
    y += 40
    c.text(16, y, "相关留言", 16, th["fg"], bold=True)
    y += 34
    for _ in range(3):
        y = c.para(C.short_title(rng), 16, y, W - 32, 15, th["fg"]) + 4
        c.text(16, y, t_text(ctx, ["ymd"]) + "   " + rng.choice(["已办理", "办理中"]), 12, th["sub"])
        y += 30
    return Out(c, "phone", "people_liuyan", post, post.title, author, tt, pa, comps, None, chrome, y, SH)


# =========================================================================== 6 12345 小程序 工单
def hotline_ticket(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    th = LIGHT
    c, W, SH = phone_canvas(ctx, (245, 246, 248))
    fs = rng.uniform(0.92, 1.1)
    show_title = rng.random() < 0.6
    post = C.make_post(rng, with_title=show_title, max_len=300)
    author = rng.choice([C.masked_name(rng), C.masked_name(rng), rng.choice(C._SURNAMES) + "**"])
    tt, pa, comps = t_pick(ctx, ["ymd_hm", "ymd_hms", "cn_ymd_hm", "md_hm"])
    y = status_bar(c, fw, th, bg=(255, 255, 255))
    y = nav_bar(c, rng.choice(["工单详情", "我的诉求", "诉求详情"]), th, y, bg=(255, 255, 255), right="")
    c.rect(W - 96, y - 38, W - 12, y - 8, fill=(255, 255, 255), outline=(220, 220, 220), r=15)
    c.text(W - 75, y - 23, "•••", 12, th["fg"], anchor="mm")
    c.line(W - 54, y - 32, W - 54, y - 14, (220, 220, 220))
    c.d.ellipse([(W - 40) * c.s, (y - 30) * c.s, (W - 24) * c.s, (y - 14) * c.s], outline=th["fg"], width=max(1, round(1.5 * c.s)))
    chrome = y
    y += 12
    top = y
    c.rect(12, y, W - 12, y + 2400, fill=(255, 255, 255), r=8)
    y += 14
    status = rng.choice(["已办结", "办理中", "待评价"])
    c.text(24, y, "工单信息", 16, th["fg"], bold=True)
    c.chip(W - 24 - c.measure(status, 12) - 12, y, status, 12, (255, 255, 255), (30, 144, 255) if status == "办理中" else (40, 170, 90), pad=6)
    y += 34
    lab = (130, 130, 135)
    code = f"{rng.choice(['HN', 'CS', 'HY', 'YY'])}{pa:%Y%m%d}{rng.randint(10000, 99999)}"
    rows = [("工单编号", code, None), ("诉求类型", rng.choice(["投诉", "求助", "咨询", "建议"]), None),
            ("反映人", author, "author"), ("反映时间", tt, "time"),
            ("所属区域", f"{post.city}{post.county}", None)]
    if rng.random() < 0.5:
        rows.insert(3, ("联系电话", f"{C.mobile(rng)[:3]}****{rng.randint(1000, 9999)}", None))
    colon = rng.random() < 0.5
    for k, v, role in rows:
        if colon:
            x = c.text(24, y, f"{k}：", 14 * fs, lab)[2]
            c.text(x, y, v, 14 * fs, th["fg"], role=role)
        else:
            c.text(24, y, k, 14 * fs, lab)
            c.text(110, y, v, 14 * fs, th["fg"], role=role)
        y += 30
    if show_title:
        c.text(24, y, "诉求标题" + ("：" if colon else ""), 14 * fs, lab)
        y = c.para(post.title, 24 if colon else 110, y + (26 if colon else 0), W - 48 - (0 if colon else 86), 15 * fs, th["fg"], bold=True, role="title") + 4
    c.text(24, y, "反映内容" + ("：" if colon else ""), 14 * fs, lab)
    y += 26
    y = c.paras(post.paragraphs, 24, y, W - 48, 15 * fs, th["fg"], lh=1.65, gap=0.3)
    y += 14
    c.rect(12, y, W - 12, ALLOC_DP, fill=(245, 246, 248))
    y += 10
    c.rect(12, y, W - 12, ALLOC_DP, fill=(255, 255, 255), r=8)
    y += 14
    c.text(24, y, "办理进度", 16, th["fg"], bold=True)
    y += 36
    org = C.Places.pick(rng)
    steps = [("市民提交", "通过微信小程序提交诉求"), ("热线受理", f"话务员{rng.randint(1000, 9999)}已受理"),
             ("派单", f"已派至{org.county}{rng.choice(['城市管理局', '住建局', '生态环境分局'])}、{org.town}办理"),
             ("办理中", f"承办单位：{org.town}"), ("已办结", C.office_reply(rng))]
    if status == "办理中":
        steps = steps[:4]
    t = pa
    for i, (name, desc) in enumerate(steps):
        t = t + timedelta(minutes=rng.randint(3, 600)) if i else t
        c.d.ellipse([(26) * c.s, (y + 3) * c.s, (36) * c.s, (y + 13) * c.s], fill=(30, 144, 255) if i == len(steps) - 1 else (190, 200, 210))
        c.text(46, y, name, 14.5, th["fg"], bold=i == len(steps) - 1)
        c.text(W - 24, y + 2, f"{min(t, fw):%m-%d %H:%M}", 12, th["sub"], anchor="ra")
        yy = c.para(desc, 46, y + 24, W - 76, 13, th["sub"], lh=1.5)
        c.line(31, y + 16, 31, yy + 4, (220, 225, 230))
        y = yy + 12
    y += 10
    bw = (W - 48 - 12) / 2
    c.rect(24, y, 24 + bw, y + 40, outline=(30, 144, 255), r=20)
    c.text(24 + bw / 2, y + 20, "追加诉求", 14, (30, 144, 255), anchor="mm")
    c.rect(36 + bw, y, W - 24, y + 40, fill=(30, 144, 255), r=20)
    c.text(36 + bw * 1.5, y + 20, "评价", 14, (255, 255, 255), anchor="mm")
    y += 60
    c.rect(12, y, W - 12, ALLOC_DP, fill=(245, 246, 248))
    del top
    return Out(c, "phone", "12345", post, post.title if show_title else None, author, tt, pa, comps, None, chrome, y + 10, SH)


# =========================================================================== 7 微信群 引用
def wechat_fmt(d: datetime, fw: datetime, twelve: bool) -> str:
    days = (fw.date() - d.date()).days
    hm = cn12(d) if twelve else f"{d:%H:%M}"
    if days == 0:
        return hm
    if days == 1:
        return f"昨天 {hm}"
    if days < 7:
        return f"星期{WEEKDAYS[d.weekday()]} {hm}"
    if d.year == fw.year:
        return f"{d.month}月{d.day}日 {hm}"
    return f"{d.year}年{d.month}月{d.day}日 {hm}"


def wechat_quote(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    dark = rng.random() < 0.35
    th = DARK if dark else LIGHT
    chat_bg = (17, 17, 17) if dark else (237, 237, 237)
    bub = (44, 44, 44) if dark else (255, 255, 255)
    mine = (38, 160, 80) if dark else (149, 236, 105)
    c, W, SH = phone_canvas(ctx, chat_bg)
    fs = rng.uniform(0.92, 1.15)
    post = C.make_post(rng, with_title=False, max_len=rng.choice([160, 300]))
    author = rng.choice([C.nickname(rng), C.real_name(rng), f"{rng.randint(1, 12)}栋{rng.randint(1, 30)}0{rng.randint(1, 4)}{C.real_name(rng)}"])
    twelve = rng.random() < 0.4
    style = rng.choice(["today_hm", "yesterday_hm", "weekday_hm", "cn_md_hm"])
    _, pa, comps = pick(rng, fw, style)
    tt = wechat_fmt(pa, fw, twelve)
    variant = rng.choice(["quoted_is_post", "quoting_is_post"])
    y = status_bar(c, fw, th, bg=(237, 237, 237) if not dark else (17, 17, 17))
    y = nav_bar(c, f"{C.group_name(rng)}({rng.randint(30, 480)})", th, y, size=16, bg=(237, 237, 237) if not dark else (17, 17, 17))
    chrome = y
    c.line(0, y, W, y, th["line"])
    y += 10
    maxw = W * 0.62
    members = [C.nickname(rng), C.real_name(rng) + rng.choice(["", "-网格员", "(社区)"]), C.nickname(rng)]

    def stamp(text, role=None):
        nonlocal y
        c.text(W / 2, y + 14, text, 12, th["sub"], role=role, anchor="mm")
        y += 34

    def bubble(name, segs, right=False, role_name=None, quote=None):
        nonlocal y
        tw = min(maxw, sum(c.measure(s[0], s[1]) for s in segs) + 2)
        ax = W - 52 if right else 12
        c.avatar(ax, y, 40, rng, name, square=True)
        if not right:
            c.text(62, y - 1, name, 12, th["sub"], role=role_name)
            y += 18
        bx = W - 62 - tw - 24 if right else 62
        y_after = c.measure_flow(segs, bx + 12, y + 9, tw, lh=1.5)
        c.rect(bx, y, bx + tw + 24, y_after + 9, fill=mine if right else bub, r=4)
        tri = [(bx + tw + 24, y + 14), (bx + tw + 30, y + 19), (bx + tw + 24, y + 24)] if right else [(bx, y + 14), (bx - 6, y + 19), (bx, y + 24)]
        c.poly(tri, mine if right else bub)
        c.flow(segs, bx + 12, y + 9, tw, lh=1.5)
        y = y_after + 9
        if quote:
            qw = min(maxw, c.measure(quote, 13 * fs) + 4)
            qx = W - 62 - qw - 20 if right else 62
            q_end = y + 6
            qsegs = [(quote, 13 * fs, th["sub"], False, None)]
            lines = c.measure_flow(qsegs, qx + 10, y + 10, qw, lh=1.45)
            c.rect(qx, q_end, qx + qw + 20, lines + 8, fill=(222, 222, 222) if not dark else (35, 35, 35), r=4)
            c.flow(qsegs, qx + 10, y + 10, qw, lh=1.45)
            y = lines + 8
        y += 16

    def clip(text, n):
        return text if len(text) <= n else text[:n] + "..."

    earlier = pa - timedelta(minutes=rng.randint(20, 600))
    stamp(wechat_fmt(earlier, fw, twelve))
    for _ in range(rng.randint(1, 3)):
        m = rng.choice(members)
        bubble(m, [(rng.choice(C.CHAT_SMALLTALK), 16 * fs, th["fg"], False, None)], right=rng.random() < 0.2)
    grid = members[1]
    ask = rng.choice(["大家有什么诉求可以直接在群里反映，我们统一上报", "最近有反映问题的，请把具体位置发一下", "请问是哪里的问题？具体说一下"])
    if variant == "quoting_is_post":
        bubble(grid, [(ask, 16 * fs, th["fg"], False, None)])
    stamp(tt, role="time")
    segs = [(p, 16 * fs, th["fg"], False, "body") for p in post.paragraphs]
    if variant == "quoting_is_post":
        qprefix = rng.choice(["", "引用 "])
        bubble(author, segs, role_name="author", quote=clip(f"{qprefix}{grid}：{ask}", 40))
        later = [(rng.choice(members[::2]), rng.choice(["收到，我马上报给社区", "这个问题我们知道了", "已上报"]), None)]
    else:
        bubble(author, segs, role_name="author")
        later = [(grid, rng.choice(["收到，已经转给相关部门了", "好的，我明天去现场看一下", "已记录，稍后回复你"]),
                  clip(f"{rng.choice(['', '引用 '])}{author}：{post.body}", rng.choice([24, 36])))]
    for name, text, quote in later:
        if rng.random() < 0.4:
            stamp(wechat_fmt(min(fw, pa + timedelta(minutes=rng.randint(6, 90))), fw, twelve))
        bubble(name, [(text, 16 * fs, th["fg"], False, None)], right=rng.random() < 0.3, quote=quote)
    for _ in range(rng.randint(0, 3)):
        bubble(rng.choice(members), [(rng.choice(C.CHAT_SMALLTALK), 16 * fs, th["fg"], False, None)])

    def overlay(cv: Canvas) -> None:
        H = cv.height / cv.s
        barc = (247, 247, 247) if not dark else (30, 30, 30)
        cv.rect(0, H - 56, W, H, fill=barc)
        cv.rect(50, H - 48, W - 90, H - 14, fill=(255, 255, 255) if not dark else (50, 50, 50), r=4)
        cv.text(16, H - 31, "◎", 22, th["fg"], anchor="lm")
        cv.text(W - 16, H - 31, "○  ⊕", 20, th["fg"], anchor="rm")

    return Out(c, "phone", "wechat", post, None, author, tt, pa, comps, None, chrome, y + 70, SH, 56, overlay)


# =========================================================================== 8 钉钉 群聊 (desktop)
def dingtalk_group(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    bg = (245, 246, 247)
    c, W, SH = desktop_canvas(ctx, bg)
    fs = rng.uniform(0.95, 1.1)
    fg, sub, blue = (23, 26, 29), (140, 145, 152), (0, 137, 255)
    post = C.make_post(rng, with_title=False, max_len=300)
    author = rng.choice([C.real_name(rng), C.real_name(rng) + rng.choice(["(网格员)", "-社区", ""]), C.nickname(rng)])
    style = rng.choice(["today_hm", "yesterday_hm", "md_hm", "weekday_hm"])
    tt, pa, comps = pick(rng, fw, style)
    c.rect(0, 0, W, 44, fill=(235, 237, 240))
    c.text(20, 22, "钉钉", 14, fg, bold=True, anchor="lm")
    c.rect(W / 2 - 160, 9, W / 2 + 160, 35, fill=(255, 255, 255), r=6)
    c.text(W / 2 - 145, 22, "搜索", 12.5, sub, anchor="lm")
    c.rect(0, 44, 64, ALLOC_DP, fill=(232, 234, 238))
    for i, lab in enumerate(["消息", "文档", "工作台", "通讯录", "日历"]):
        c.rect(18, 62 + i * 64, 46, 90 + i * 64, fill=blue if i == 0 else (190, 195, 205), r=6)
        c.text(32, 100 + i * 64, lab, 10, sub, anchor="mt")
    lx, lw = 64, 280
    c.rect(lx, 44, lx + lw, ALLOC_DP, fill=(255, 255, 255))
    group = C.group_name(rng)
    yy = 56
    convs = [(group, f"{author}: {post.body[:14]}", tt if len(tt) <= 5 else tt.split()[0])] + [
        (C.group_name(rng) if rng.random() < 0.6 else C.real_name(rng), C.comment(rng)[:16], t_text(ctx, ["today_hm", "md"])) for _ in range(9)]
    rng.shuffle(convs)
    for name, prev, t in convs:
        if name == group:
            c.rect(lx, yy - 6, lx + lw, yy + 58, fill=(230, 240, 255))
        c.avatar(lx + 14, yy + 4, 40, rng, name, square=True)
        c.text(lx + 64, yy + 6, name[:12], 14, fg)
        c.text(lx + lw - 12, yy + 8, t, 11.5, sub, anchor="ra")
        c.text(lx + 64, yy + 30, prev[:16], 12.5, sub)
        yy += 68
    mx = lx + lw + 1
    c.rect(mx, 44, W, 100, fill=(255, 255, 255))
    c.text(mx + 20, 72, f"{group}({rng.randint(20, 300)})", 16, fg, bold=True, anchor="lm")
    c.chip(mx + 30 + c.measure(f"{group}({rng.randint(20, 300)})", 16), 62, "内部", 10.5, blue, (230, 242, 255), pad=4)
    chrome = 100.0
    y = 120
    mw = (W - mx) * 0.55
    members = [C.real_name(rng), C.real_name(rng) + "(社区)", C.nickname(rng)]

    def msg(name, segs, right=False, stamp=None, role_name=None, role_time=None, receipt=None):
        nonlocal y
        ax = W - 56 if right else mx + 20
        c.avatar(ax, y, 36, rng, name, square=False)
        if right:
            if stamp:
                c.text(W - 66, y, stamp, 11.5, sub, role=role_time, anchor="ra")
        else:
            nb = c.text(mx + 68, y, name, 12.5, sub, role=role_name)
            if stamp:
                c.text(nb[2] + 10, y, stamp, 11.5, sub, role=role_time)
        y += 20
        tw = min(mw, sum(c.measure(s[0], s[1]) for s in segs) + 2)
        bx = W - 66 - tw - 24 if right else mx + 68
        ya = c.measure_flow(segs, bx + 12, y + 8, tw, lh=1.55)
        c.rect(bx, y, bx + tw + 24, ya + 8, fill=(210, 232, 255) if right else (255, 255, 255), r=6)
        c.flow(segs, bx + 12, y + 8, tw, lh=1.55)
        y = ya + 8
        if receipt:
            c.text(bx + (tw + 24 if right else 0), y + 4, receipt, 11.5, blue if "未读" in receipt else sub, anchor="ra" if right else "la")
            y += 20
        y += 18

    before = pa - timedelta(minutes=rng.randint(5, 300))
    for _ in range(rng.randint(1, 3)):
        right = rng.random() < 0.4
        msg("我" if right else rng.choice(members), [(rng.choice(C.CHAT_SMALLTALK), 14.5 * fs, fg, False, None)], right=right,
            stamp=f"{before:%H:%M}", receipt=rng.choice(["2人未读", "全部已读", f"{rng.randint(3, 30)}人未读"]) if right else None)
    intro = rng.random() < 0.5
    segs = [(p, 14.5 * fs, fg, False, "body") for p in post.paragraphs]
    msg(author, segs, stamp=tt, role_name="author", role_time="time")
    if intro:
        msg(author, [(rng.choice(["上面是群众在网上反映的，请相关网格核实", "转一条网友留言，大家看看是哪个片区的", "这条是今天12345转过来的"]), 14.5 * fs, fg, False, None)])
    for _ in range(rng.randint(1, 3)):
        right = rng.random() < 0.5
        msg("我" if right else rng.choice(members), [(rng.choice(["收到", "收到，马上安排人去看", "这个是我们片区的，我来处理", C.comment(rng)]), 14.5 * fs, fg, False, None)],
            right=right, receipt=rng.choice(["2人未读", "1人未读", "全部已读"]) if right else None)

    def overlay(cv: Canvas) -> None:
        H = cv.height / cv.s
        cv.rect(mx, H - 40 - 130, W, H - 40, fill=(255, 255, 255))
        cv.line(mx, H - 170, W, H - 170, (228, 230, 233))
        cv.text(mx + 20, H - 150, "○   ✂   ▢   @", 15, sub)
        cv.rect(W - 100, H - 90, W - 20, H - 58, fill=blue, r=4)
        cv.text(W - 60, H - 74, "发送", 13, (255, 255, 255), anchor="mm")
        taskbar(cv, fw, dark=rng.random() < 0.5)

    return Out(c, "desktop", "dingtalk", post, None, author, tt, pa, comps, None, chrome, y, SH, 170, overlay)


# =========================================================================== 9 百度知道 问题页 (desktop)
def baidu_zhidao(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    c, W, SH = desktop_canvas(ctx, (255, 255, 255))
    fg, sub, blue = (34, 34, 34), (153, 153, 153), (56, 120, 230)
    post = C.make_post(rng, with_title=True, max_len=rng.choice([160, 300]))
    title = post.title + rng.choice(["？", "，该找哪个部门？", "怎么办？", ""])
    post.title = title
    author = rng.choice([C.nickname(rng), "匿名用户", C.nickname(rng)])
    tt, pa, comps = t_pick(ctx, ["ymd_hm", "ymd", "hours_ago", "days_ago", "ymd_hm"])
    y = browser_chrome(c, f"zhidao.baidu.com/question/{rng.randint(10**9, 10**10)}.html", "百度知道 - 全球领先中文互动问答平台", False)
    c.rect(0, y, W, y + 70, fill=(255, 255, 255))
    left = max(40, (W - 1180) / 2)
    c.text(left, y + 35, "百度知道", 24, blue, bold=True, anchor="lm")
    c.rect(left + 140, y + 16, left + 640, y + 54, outline=blue, width=1.5)
    c.rect(left + 640, y + 16, left + 740, y + 54, fill=blue)
    c.text(left + 690, y + 35, "搜索答案", 14, (255, 255, 255), anchor="mm")
    c.text(left + 760, y + 35, "我要提问", 14, blue, anchor="lm")
    chrome = y + 70
    c.line(0, chrome, W, chrome, (235, 235, 235))
    y = chrome + 26
    mw = min(760, W - left - 340)
    y = c.para(title, left, y, mw, 22, fg, bold=True, role="title", lh=1.4)
    y += 8
    meta_first = rng.random() < 0.5
    if meta_first:
        c.avatar(left, y, 22, rng, author)
        b = c.text(left + 30, y + 11, author, 13, (100, 100, 100), role="author", anchor="lm")
        c.text(b[2] + 16, y + 11, f"{tt}", 13, sub, role="time", anchor="lm")
        c.text(left + mw, y + 11, f"浏览 {rng.randint(30, 9999)} 次", 13, sub, anchor="rm")
        y += 36
    y = c.paras(post.paragraphs, left, y, mw, 15, (51, 51, 51), lh=1.75, gap=0.4)
    y += 10
    if not meta_first:
        b = c.text(left, y, author, 13, (100, 100, 100), role="author")
        c.text(b[2] + 12, y, "|", 13, sub)
        c.text(b[2] + 28, y, f"{tt}", 13, sub, role="time")
        c.text(left + mw, y, f"浏览 {rng.randint(30, 9999)} 次", 13, sub, anchor="ra")
        y += 30
    c.rect(left, y + 6, left + 110, y + 42, fill=(52, 178, 90), r=3)
    c.text(left + 55, y + 24, "我来答", 15, (255, 255, 255), anchor="mm")
    y += 66
    c.text(left, y, f"{rng.randint(1, 5)}个回答", 16, fg, bold=True)
    y += 40
    for i in range(rng.randint(2, 3)):
        nick = C.nickname(rng)
        c.avatar(left, y, 36, rng, nick)
        x = c.text(left + 48, y + 2, nick, 14, fg)[2]
        x = c.chip(x + 8, y + 2, f"Lv{rng.randint(3, 12)}", 10, (255, 255, 255), (255, 150, 40), pad=3, r=2)
        c.text(left + 48, y + 22, f"{t_text(ctx, ['ymd_hm', 'hours_ago'])} · {rng.choice(['TA获得超过3000个赞', '关注', '擅长：社会民生'])}", 12, sub)
        y += 50
        if i == 0 and rng.random() < 0.5:
            c.chip(left, y, "最佳答案", 12, (255, 255, 255), (52, 178, 90), pad=5)
            y += 28
        text = C.office_reply(rng) if rng.random() < 0.5 else C.comment(rng) + "建议先打12345市民热线，把时间、地点和具体情况说清楚，一般三到五个工作日会有回复。"
        y = c.para(text, left, y, mw, 15, (51, 51, 51), lh=1.75) + 10
        c.text(left, y, f"赞 {rng.randint(0, 90)}    评论", 12.5, sub)
        y += 30
        c.line(left, y, left + mw, y, (238, 238, 238))
        y += 24
    rx = left + mw + 50
    ry = chrome + 30
    c.text(rx, ry, "相关问题", 16, fg, bold=True)
    ry += 34
    for _ in range(8):
        c.para(C.short_title(rng), rx, ry, max(160, W - rx - 30), 13.5, blue, lh=1.4)
        ry += 44

    def overlay(cv: Canvas) -> None:
        taskbar(cv, fw, dark=rng.random() < 0.6)

    return Out(c, "desktop", "baidu_zhidao", post, title, author, tt, pa, comps, None, chrome, y, SH, 40, overlay)


# =========================================================================== 10 问政湖南 H5 列表卡
def wenzheng_cards(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    th = LIGHT
    c, W, SH = phone_canvas(ctx, (242, 244, 247))
    fs = rng.uniform(0.92, 1.12)
    post = C.make_post(rng, with_title=True, max_len=300)
    author = rng.choice([C.nickname(rng), C.masked_name(rng), f"网友{rng.randint(100000, 999999)}"])
    tt, pa, comps = t_pick(ctx, ["md_hm", "ymd_hm", "hours_ago", "days_ago", "min_ago", "md_dot_hm"])
    unit = f"{post.city if rng.random() < 0.4 else ''}{post.county}{rng.choice(['人民政府', '委书记', '住房和城乡建设局', '城市管理和综合执法局', '县长' if post.county.endswith('县') else '区长'])}"
    blue = (22, 119, 255)
    y = status_bar(c, fw, th, bg=blue, fg=(255, 255, 255))
    y = nav_bar(c, "问政湖南", th, y, bg=blue, fg=(255, 255, 255), right="")
    chrome = y
    c.rect(0, y, W, y + 42, fill=(255, 255, 255))
    for i, tab in enumerate(["最新", "热门", "已回复", "我的"]):
        c.text(24 + i * (W - 48) / 4 + (W - 48) / 8, y + 21, tab, 14.5, blue if i == 0 else th["sub"], bold=i == 0, anchor="mm")
    y += 52
    n = rng.randint(3, 5)
    at = rng.randint(0, min(2, n - 1))
    for i in range(n):
        is_post = i == at
        top = y
        c.rect(10, y, W - 10, ALLOC_DP, fill=(255, 255, 255), r=8)
        y += 12
        if is_post:
            ttl, au, tm, unit_i = post.title, author, tt, unit
        else:
            ttl = C.short_title(rng)
            au = rng.choice([C.nickname(rng), C.masked_name(rng)])
            tm = t_text(ctx, ["md_hm", "hours_ago", "days_ago"])
            unit_i = f"{C.Places.pick(rng).county}{rng.choice(['人民政府', '委书记', '住建局'])}"
        r_title, r_author, r_time = ("title", "author", "time") if is_post else (None, None, None)
        segs = [(ttl, 16 * fs, th["fg"], True, r_title), ("   ", 12 * fs, th["sub"], False, None),
                (au, 12 * fs, th["sub"], False, r_author), ("  ", 12 * fs, th["sub"], False, None),
                (tm, 12 * fs, th["sub"], False, r_time)]
        y, _ = c.flow(segs, 22, y, W - 44, lh=1.55)
        y += 4
        x = c.chip(22, y, "问政对象", 11, blue, (232, 241, 255), pad=4) + 6
        c.text(x, y + 8, unit_i, 12.5 * fs, (60, 60, 60), anchor="lm")
        y += 28
        if is_post:
            y = c.paras(post.paragraphs, 22, y, W - 44, 14.5 * fs, (60, 60, 60), lh=1.65, gap=0.3)
            y += 4
        else:
            ex = C.comment(rng) + C.comment(rng)
            y = c.para(ex[:int((W - 44) / (14.5 * fs)) * 2 - 3] + "…全文", 22, y, W - 44, 14.5 * fs, (110, 110, 110), lh=1.65)
        st = rng.choice(["已回复", "办理中", "已受理"])
        c.chip(22, y + 4, st, 11, (255, 255, 255), (40, 170, 90) if st == "已回复" else (250, 150, 20), pad=5)
        c.text(W - 22, y + 12, f"浏览 {rng.randint(50, 9999)}   评论 {rng.randint(0, 99)}", 12, th["sub"], anchor="rm")
        y += 34
        c.rect(0, y, W, y + 10, fill=(242, 244, 247))
        del top
        y += 10
    c.rect(0, y, W, ALLOC_DP, fill=(242, 244, 247))

    def overlay(cv: Canvas) -> None:
        H = cv.height / cv.s
        cv.rect(W - 80, H - 100, W - 20, H - 40, fill=blue, r=30)
        cv.text(W - 50, H - 70, "我要\n问政".replace("\n", ""), 11, (255, 255, 255), anchor="mm")

    return Out(c, "phone", "wenzheng_hunan", post, post.title, author, tt, pa, comps, unit, chrome, y + 20, SH, 100, overlay)


# =========================================================================== 11 红网 百姓呼声
def rednet_detail(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    th = LIGHT
    c, W, SH = phone_canvas(ctx, (255, 255, 255))
    fs = rng.uniform(0.92, 1.12)
    post = C.make_post(rng, with_title=True, max_len=300)
    author = rng.choice([C.nickname(rng), C.masked_name(rng), f"网友{rng.randint(10**7, 10**8)}"])
    tt, pa, comps = t_pick(ctx, ["ymd_hm", "ymd_hms", "md_hm", "ymd_hm"])
    unit = f"{post.county}{rng.choice(['委书记', '人民政府', '县长' if post.county.endswith('县') else '区长', '住建局'])}"
    red = (204, 0, 0)
    y = status_bar(c, fw, th, bg=red, fg=(255, 255, 255))
    y = nav_bar(c, rng.choice(["百姓呼声", "红网问政", "红网 · 百姓呼声"]), th, y, bg=red, fg=(255, 255, 255), right="⋯")
    chrome = y
    y += 16
    y = c.para(post.title, 16, y, W - 32, 19 * fs, th["fg"], bold=True, role="title", lh=1.45)
    y += 8
    compact = rng.random() < 0.5
    grey = (248, 248, 248)
    m0 = y
    c.rect(16, m0, W - 16, m0 + 10 + (52 if compact else 104) + 2, fill=grey, r=4)
    y += 10
    if compact:
        b = c.text(28, y, author, 13 * fs, (50, 90, 160), role="author")
        c.text(b[2] + 14, y, tt, 13 * fs, th["sub"], role="time")
        y += 26
        c.text(28, y, f"留言对象：{unit}", 13 * fs, th["sub"])
        y += 26
    else:
        for k, v, role in [("留言人", author, "author"), ("留言时间", tt, "time"), ("留言对象", unit, None),
                           ("类型", f"{rng.choice(['投诉', '求助', '咨询'])} | {rng.choice(['城建', '环保', '交通', '教育'])}", None)]:
            x = c.text(28, y, f"{k}：", 13 * fs, th["sub"])[2]
            c.text(x, y, v, 13 * fs, th["fg"], role=role)
            y += 26
    y += 16
    y = c.paras(post.paragraphs, 16, y, W - 32, 16 * fs, th["fg"], lh=1.75, gap=0.7)
    y += 12
    replied = rng.random() < 0.5
    if replied:
        c.rect(16, y, W - 16, y + 30, fill=(255, 240, 240), r=4)
        c.text(28, y + 15, f"官方回复 · {C.Places.pick(rng).county}人民政府", 13.5, red, bold=True, anchor="lm")
        y = c.para(C.office_reply(rng), 16, y + 40, W - 32, 14.5 * fs, (90, 90, 90), lh=1.65) + 10
    else:
        c.chip(16, y, "未回复", 12, (255, 255, 255), (170, 170, 170), pad=6)
        y += 34
    c.rect(0, y, W, y + 8, fill=(242, 242, 242))
    y += 22
    c.rect(16, y, 20, y + 18, fill=red)
    c.text(28, y + 9, f"网友回复（{rng.randint(3, 80)}）", 15.5, th["fg"], bold=True, anchor="lm")
    y += 36
    for _ in range(rng.randint(3, 6)):
        nick = C.nickname(rng)
        c.avatar(16, y, 30, rng, nick)
        c.text(54, y, nick, 13, (50, 90, 160))
        c.text(W - 16, y, t_text(ctx, ["md_hm", "hours_ago", "ymd_hm"]), 12, th["sub"], anchor="ra")
        y = c.para(C.comment(rng), 54, y + 22, W - 70, 14.5 * fs, th["fg"], lh=1.6) + 6
        c.line(54, y, W - 16, y, th["line"])
        y += 14
    return Out(c, "phone", "rednet", post, post.title, author, tt, pa, comps, unit, chrome, y, SH)


# =========================================================================== 12 小红书 笔记
def xiaohongshu_note(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    th = DARK if rng.random() < 0.3 else LIGHT
    c, W, SH = phone_canvas(ctx, th["bg"])
    fs = rng.uniform(0.92, 1.12)
    post = C.make_post(rng, with_title=True, hashtags=rng.random() < 0.7, max_len=rng.choice([200, 300]))
    post.title = post.title[:20]
    author = C.nickname(rng)
    tt, pa, comps = t_pick(ctx, ["md", "days_ago", "yesterday_hm", "hours_ago", "ymd", "min_ago"])
    tagc = (19, 56, 111) if not th["dark"] else (120, 160, 220)
    y = status_bar(c, fw, th)
    h = 50
    c.line(18, y + h / 2, 26, y + h / 2 - 8, th["fg"], 1.6)
    c.line(18, y + h / 2, 26, y + h / 2 + 8, th["fg"], 1.6)
    c.avatar(38, y + 9, 32, rng, author)
    c.text(78, y + h / 2, author, 15 * fs, th["fg"], role="author", anchor="lm")
    c.rect(W - 110, y + 11, W - 50, y + 39, outline=(255, 36, 66), r=14, width=1)
    c.text(W - 80, y + 25, "关注", 13.5, (255, 36, 66), anchor="mm")
    c.text(W - 16, y + 25, "↗", 18, th["fg"], anchor="rm")
    y += h
    chrome = y
    ih = W * rng.choice([0.75, 1.0, 1.2]) * rng.uniform(0.5, 0.8)
    c.rect(0, y, W, y + ih, fill=rng.choice([(236, 214, 200), (200, 214, 230), (214, 230, 200), (60, 60, 66)]))
    c.text(W / 2, y + ih / 2, rng.choice(["避雷！！", "求助", "曝光", "有人管吗"]), 34, (255, 255, 255), bold=True, anchor="mm")
    c.text(W - 14, y + 16, f"1/{rng.randint(2, 9)}", 12, (255, 255, 255), anchor="ra")
    y += ih + 16
    run_in = rng.random() < 0.6
    segs = [(post.title, 17 * fs, th["fg"], True, "title")]
    if run_in:
        segs += hashtag_segs(post.paragraphs[0], 16 * fs, th["fg"], tagc)
        y, _ = c.flow(segs, 16, y, W - 32, lh=1.6)
        rest = post.paragraphs[1:]
    else:
        y, _ = c.flow(segs, 16, y, W - 32, lh=1.6)
        rest = post.paragraphs
    for ptext in rest:
        y, _ = c.flow(hashtag_segs(ptext, 16 * fs, th["fg"], tagc), 16, y, W - 32, lh=1.6)
    region = ip_region(rng)
    edited = rng.random() < 0.5
    c.text(16, y + 8, f"{'编辑于 ' if edited else ''}{tt} {region}", 12.5 * fs, th["sub"], role="time")
    c.text(W - 16, y + 8, "不喜欢", 12.5, th["sub"], anchor="ra")
    y += 40
    c.line(16, y, W - 16, y, th["line"])
    y += 16
    c.text(16, y, f"共 {rng.randint(5, 900)} 条评论", 13.5, th["sub"])
    y += 30
    c.avatar(16, y, 30, rng, "我")
    c.rect(54, y, W - 16, y + 30, fill=th["quote"], r=15)
    c.text(68, y + 15, "爱评论的人运气都不差", 13, th["sub"], anchor="lm")
    y += 48
    for _ in range(rng.randint(3, 6)):
        is_au = rng.random() < 0.25
        nick = author if is_au else C.nickname(rng)
        c.avatar(16, y, 30, rng, nick)
        x = c.text(54, y + 2, nick, 13, th["sub"])[2]
        if is_au:
            c.chip(x + 4, y + 1, "作者", 10, (255, 255, 255), (255, 36, 66), pad=3, r=7)
        text = rng.choice(["谢谢大家关注，已经打了12345，有进展会更新", f"更新：今天{C.Places.pick(rng).town}来人看了", "还没有人回复"]) if is_au else C.comment(rng)
        y = c.para(text, 54, y + 22, W - 100, 14.5 * fs, th["fg"], lh=1.55)
        c.text(54, y + 2, f"{t_text(ctx, ['md', 'days_ago', 'hours_ago'])} {ip_region(rng)}  回复", 12, th["sub"])
        c.text(W - 16, y - 20, f"♡ {rng.randint(0, 300)}", 12, th["sub"], anchor="ra")
        y += 34

    def overlay(cv: Canvas) -> None:
        H = cv.height / cv.s
        cv.rect(0, H - 56, W, H, fill=th["bg"])
        cv.line(0, H - 56, W, H - 56, th["line"])
        cv.rect(14, H - 46, W * 0.45, H - 14, fill=th["quote"], r=16)
        cv.text(30, H - 30, "说点什么...", 13, th["sub"], anchor="lm")
        cv.text(W - 14, H - 30, f"♡ {rng.randint(10, 999)}   ☆ {rng.randint(5, 500)}   ▢ {rng.randint(1, 99)}", 13, th["fg"], anchor="rm")

    return Out(c, "phone", "xiaohongshu", post, post.title, author, tt, pa, comps, None, chrome, y + 20, SH, 56, overlay)


# =========================================================================== 13 百度贴吧 帖子 (desktop)
def tieba_thread(ctx: Ctx) -> Out:
    rng, fw = ctx.rng, ctx.fw
    c, W, SH = desktop_canvas(ctx, (246, 247, 249))
    fg, sub, blue = (51, 51, 51), (153, 153, 153), (38, 88, 196)
    post = C.make_post(rng, with_title=True, max_len=300)
    author = C.nickname(rng)
    tt, pa, comps = t_pick(ctx, ["ymd_hm", "ymd_hm", "md_hm", "hours_ago"])
    bar = rng.choice([post.city[:2], post.county[:-1] if len(post.county) > 2 else post.county, "民生", "城市"]) + "吧"
    y = browser_chrome(c, f"tieba.baidu.com/p/{rng.randint(10**9, 10**10)}", f"{post.title[:10]}_{bar}_百度贴吧", False)
    c.rect(0, y, W, y + 56, fill=(255, 255, 255))
    c.text(30, y + 28, "百度贴吧", 20, blue, bold=True, anchor="lm")
    c.rect(170, y + 12, 560, y + 44, outline=(78, 110, 242), width=1.5)
    c.text(184, y + 28, bar, 13, fg, anchor="lm")
    chrome = y + 56
    left = max(20, (W - 1000) / 2)
    cw = min(1000, W - 2 * left)
    y = chrome + 16
    c.rect(left, y, left + cw, y + 54, fill=(255, 255, 255))
    c.text(left + 20, y + 27, post.title, 17, fg, bold=True, role="title", anchor="lm")
    c.text(left + cw - 20, y + 27, "只看楼主   收藏   回复", 13, blue, anchor="rm")
    y += 62
    floors = rng.randint(3, 5)
    col = 140
    for f in range(1, floors + 1):
        is_post = f == 1
        nick = author if (is_post or rng.random() < 0.3) else C.nickname(rng)
        text_w = cw - col - 40
        paras = post.paragraphs if is_post else [rng.choice(["顶", "楼主加油", C.comment(rng), C.comment(rng) + C.comment(rng)]) if nick != author else
                                                 rng.choice(["补充一下，今天又去问了，还是说在走流程", "自己顶一下，希望有人看到", "谢谢大家，已经打过12345了"])]
        h = c.measure_flow([("".join(paras), 15, fg, False, None)], 0, 0, text_w, lh=1.8) + 12 * len(paras) + 70
        h = max(h, 150)
        c.rect(left, y, left + cw, y + h, fill=(255, 255, 255))
        c.rect(left, y, left + col, y + h, fill=(250, 251, 252))
        c.avatar(left + 30, y + 16, 80, rng, nick, square=True)
        c.text(left + col / 2, y + 108, nick, 13, blue, role="author" if is_post else None, anchor="mt")
        lvy = y + 128
        if nick == author:
            c.chip(left + col / 2 - 40, lvy, "楼主", 10.5, (255, 255, 255), (80, 120, 230), pad=3)
        c.chip(left + col / 2 + 2, lvy, f"Lv{rng.randint(1, 14)}", 10.5, (255, 255, 255), (255, 160, 40), pad=3)
        ty = y + 20
        for ptext in paras:
            ty = c.para(ptext, left + col + 20, ty, text_w, 15, fg, role="body" if is_post else None, lh=1.8) + 6
        if is_post:
            tail = (f"IP属地:{ip_region(rng)}   来自{rng.choice(['Android客户端', 'iPhone客户端'])}   ", f"{f}楼  ", tt)
        else:
            tail = (f"IP属地:{ip_region(rng)}   ", f"{f}楼  ", t_text(ctx, ["ymd_hm", "md_hm", "hours_ago"]))
        x = left + cw - 20 - c.measure("".join(tail), 12)
        x = c.text(x, y + h - 24, tail[0] + tail[1], 12, sub)[2]
        c.text(x, y + h - 24, tail[2], 12, sub, role="time" if is_post else None)
        y += h + 8

    def overlay(cv: Canvas) -> None:
        taskbar(cv, fw, dark=rng.random() < 0.6)

    return Out(c, "desktop", "tieba", post, post.title, author, tt, pa, comps, None, chrome, y, SH, 40, overlay)


LAYOUTS: dict[str, Callable[[Ctx], Out]] = {
    "toutiao_weitoutiao": toutiao_weitoutiao,
    "weibo_repost_chain": weibo_repost,
    "douyin_reply_sheet": douyin_comments,
    "bilibili_pinned_comment": bilibili_pinned,
    "people_liuyan_detail": people_liuyan,
    "hotline12345_ticket": hotline_ticket,
    "wechat_group_quote": wechat_quote,
    "dingtalk_group_desktop": dingtalk_group,
    "baidu_zhidao_question": baidu_zhidao,
    "wenzheng_hunan_cards": wenzheng_cards,
    "rednet_baixing_detail": rednet_detail,
    "xiaohongshu_note": xiaohongshu_note,
    "tieba_thread_desktop": tieba_thread,
}

__all__ = ["LAYOUTS", "Ctx", "Out", "home_indicator"]
