"""Family e layouts: phone screens where the post is one item among several.

Each layout takes (rng, ctx) and returns a dict with the canvas, the content/post extents (points),
an optional bottom bar painter, and the label fields it decides (title, author, time string…).
"""

from __future__ import annotations

from datetime import timedelta

from . import content as C
from .draw import DARK, LIGHT, WX_DARK, WX_LIGHT, Canvas, Theme, status_bar
from .timefmt import WEEKDAYS, ampm, chrome_time, make_time

BLUE = (64, 128, 220)
RED = (230, 50, 60)


def _count(rng, hi=50000):
    n = rng.randint(3, hi)
    return f"{n / 10000:.1f}万" if n >= 10000 else str(n)


def _nick(rng, avoid=()):
    while True:
        n = rng.choice(C.NICKNAMES)
        if n not in avoid:
            return n


def _comments(cv: Canvas, rng, y, n, fwd, avoid, indent=16, size=14.5, ip=True, limit_y=None, after=None):
    """Generic comment rows: avatar, grey nick, text, time line, heart count. Distractors only."""
    th = cv.theme
    texts = rng.sample(C.DISTRACTOR_COMMENTS, min(n, len(C.DISTRACTOR_COMMENTS)))
    for text in texts:
        if limit_y and y > limit_y:
            break
        nick = _nick(rng, avoid)
        cv.avatar(indent, y, 15, nick)
        cv.text(indent + 40, y + 2, nick, 13, th.sub)
        yy = cv.para(indent + 40, y + 22, text, 390 - indent - 90, size, th.fg)
        meta = chrome_time(rng, fwd, after) + ("  湖南" if ip and rng.random() < 0.8 else "") + "   回复"
        cv.text(indent + 40, yy + 2, meta, 12, th.sub)
        cv.heart(362, y + 24, 7, th.sub)
        cv.text(362, y + 36, str(rng.randint(0, 300)), 11, th.sub, anchor="ma")
        y = yy + 30
        if rng.random() < 0.25:
            cv.text(indent + 40, y - 6, f"—— 展开{rng.randint(1, 30)}条回复", 12, th.sub)
            y += 18
    return y


def _topbar(cv, y, title="", right_dots=True, color=None, bg=None, h=44, center=True):
    color = color or cv.theme.fg
    if bg:
        cv.rect(0, y, 390, y + h, bg)
    cv.back(14, y + h / 2, color)
    if title:
        cv.text(195 if center else 40, y + h / 2, title, 17, color, bold=True, anchor="mm" if center else "lm")
    if right_dots:
        cv.dots(356, y + h / 2, color)
    return y + h


def _input_bar(placeholder, icons=3, radius=18):
    def paint(cv: Canvas, y):
        th = cv.theme
        cv.rect(0, y, 390, y + 60, th.bg)
        cv.hline(y)
        cv.rect(14, y + 10, 230 if icons else 376, y + 44, th.input, r=radius)
        cv.text(30, y + 27, placeholder, 14, th.sub, anchor="lm")
        if icons:
            cv.heart(258, y + 27, 9, th.fg)
            cv.star(305, y + 27, 10, th.fg)
            cv.bubble_icon(352, y + 27, 10, th.fg)
        return 60
    return paint


# ---------------------------------------------------------------- 1. 快手 video page
def _video_frame(cv, y0, y1, rng):
    base = rng.choice([(40, 52, 60), (55, 45, 40), (35, 40, 55)])
    steps = 24
    for i in range(steps):
        t = i / steps
        col = tuple(int(c * (0.6 + 0.8 * t)) for c in base)
        cv.rect(0, y0 + (y1 - y0) * t, 390, y0 + (y1 - y0) * (t + 1 / steps) + 1, col)
    # a crude street scene: buildings, road
    for _ in range(6):
        x = rng.randint(0, 340)
        h = rng.randint(60, 200)
        g = rng.randint(70, 120)
        cv.rect(x, y0 + (y1 - y0) * 0.55 - h, x + rng.randint(40, 80), y0 + (y1 - y0) * 0.55, (g, g, g + 10))
    cv.rect(0, y0 + (y1 - y0) * 0.55, 390, y1, (60, 60, 62))
    cv.rect(185, y0 + (y1 - y0) * 0.6, 205, y1, (150, 150, 120))


def _darken(cv, y0, y1, alpha):
    from PIL import Image
    box = (0, cv.p(y0), cv.W, cv.p(y1))
    region = cv.img.crop(box)
    cv.img.paste(Image.blend(region, Image.new("RGB", region.size, (0, 0, 0)), alpha), box)


def ks_video(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    cv = Canvas(ctx["width"], DARK, 1000)
    _video_frame(cv, 0, 844, rng)
    white = (250, 250, 250)
    status_bar(cv, ctx["status"], fwd, white)
    y = 60 if ctx["status"] == "ios" else 44
    tabs = ["同城", "关注", "发现", "精选"]
    x = 80
    for t in tabs:
        sel = t == "精选"
        cv.text(x, y + 12, t, 16 if sel else 15, white if sel else (200, 200, 200), bold=sel, anchor="mm")
        if sel:
            cv.rect(x - 10, y + 26, x + 10, y + 28.5, white)
        x += 62
    cv.text(360, y + 12, "搜", 15, white, anchor="mm")
    nick = _nick(rng)
    shown, posted, comps = make_time(rng, fwd, rng.choice(["hour_ago", "day_ago", "min_ago", "yesterday_hm", "cn_yearless", "fullwidth_yearless"]))
    paras = post["paras"]
    body = "".join(paras)
    lines = []
    for p in paras:
        lines += cv.wrap(p, 280, 15)
    bottom = 844 - 96
    top = bottom - len(lines) * 23 - 34
    _darken(cv, top - 60, 844, 0.55)
    # side action column
    cx = 352
    ay = top - 250
    cv.avatar(cx - 22, ay, 22, nick)
    cv.rect(cx - 8, ay + 38, cx + 8, ay + 52, RED, r=8)
    cv.text(cx, ay + 45, "+", 13, white, anchor="mm")
    ay += 80
    for kind in ("heart", "bubble", "star", "share"):
        if kind == "heart":
            cv.heart(cx, ay, 15, white, filled=True)
        elif kind == "bubble":
            cv.bubble_icon(cx, ay, 14, white)
        elif kind == "star":
            cv.star(cx, ay, 15, white)
        else:
            cv.share_icon(cx, ay, 13, white)
        cv.text(cx, ay + 22, _count(rng), 12, white, anchor="ma")
        ay += 62
    cv.text(14, top, f"@{nick}", 16, white, bold=True)
    cv.text(14 + cv.width(f"@{nick}", 16) + 8, top + 2, f"· {shown}", 13, (210, 210, 210))
    yy = top + 30
    for ln in lines:
        cv.text(14, yy, ln, 15, white)
        yy += 23
    cv.rect(0, 844 - 60, 390, 844, (12, 12, 12))
    for i, t in enumerate(["首页", "精选", "+", "消息", "我"]):
        cv.text(39 + i * 78, 844 - 34, t, 15 if t != "+" else 20, white if i == 1 else (170, 170, 170), anchor="mm")
    return dict(cv=cv, end=844, post_end=844, fixed=True, platform="other", title=None, author=nick,
                shown=shown, posted=posted, comps=comps, body=body)


def ks_comments(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    th = DARK if ctx["dark"] else LIGHT
    cv = Canvas(ctx["width"], th, 3200)
    cv.rect(0, 0, 390, 250, (10, 10, 10))
    _video_frame(cv, 40, 250, rng)
    status_bar(cv, ctx["status"], fwd, (250, 250, 250), (10, 10, 10))
    y = 240
    cv.rect(0, y, 390, 3200, th.bg, r=14)
    ncom = rng.randint(200, 5000)
    cv.text(195, y + 24, f"{ncom}条评论", 14, th.fg, bold=True, anchor="mm")
    cv.text(368, y + 24, "×", 20, th.sub, anchor="mm")
    y += 50
    nick = _nick(rng)
    shown, posted, comps = make_time(rng, fwd, rng.choice(["hour_ago", "day_ago", "yesterday_hm", "md_dash", "weekday"]))
    cv.avatar(16, y, 17, nick)
    cv.text(56, y + 1, nick, 14, th.sub)
    cv.rect(60 + cv.width(nick, 14), y + 2, 90 + cv.width(nick, 14), y + 18, (255, 80, 40), r=3)
    cv.text(75 + cv.width(nick, 14), y + 10, "作者", 10, (255, 255, 255), anchor="mm")
    yy = y + 24
    for p in post["paras"]:
        yy = cv.para(56, yy, p, 300, 15, th.fg)
    cv.text(56, yy + 2, f"{shown} · 作品描述", 12, th.sub)
    post_end = yy + 24
    cv.hline(post_end + 6, 16, 374)
    y = _comments(cv, rng, post_end + 18, 9 if ctx["long"] else 6, fwd, {nick}, limit_y=None if ctx["long"] else 760, after=posted)
    return dict(cv=cv, end=y, post_end=post_end, platform="other", title=None, author=nick, shown=shown,
                posted=posted, comps=comps, body="".join(post["paras"]),
                bottom=_input_bar("友善是交流的起点", icons=0))


# ---------------------------------------------------------------- 2. 小红书 note
def xhs_note(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    th = DARK if ctx["dark"] else LIGHT
    cv = Canvas(ctx["width"], th, 3600)
    y = status_bar(cv, ctx["status"], fwd)
    nick = _nick(rng)
    cv.back(14, y + 22)
    cv.avatar(36, y + 7, 15, nick)
    cv.text(74, y + 22, nick, 15, th.fg, anchor="lm")
    cv.rect(260, y + 9, 318, y + 35, None, r=13, outline=(255, 36, 66), w=max(1, cv.p(1.2)))
    cv.text(289, y + 22, "关注", 14, (255, 36, 66), anchor="mm")
    cv.share_icon(355, y + 22, 9, th.fg)
    y += 44
    ih = rng.randint(260, 380) if not ctx["long"] else 420
    _video_frame(cv, y, y + ih, rng)
    cv.rect(340, y + 10, 380, y + 30, (0, 0, 0), r=10)
    cv.text(360, y + 20, f"1/{rng.randint(2, 6)}", 11, (255, 255, 255), anchor="mm")
    y += ih + 16
    for i in range(4):
        cv.rect(180 + i * 9, y - 6, 184 + i * 9, y - 2, (255, 36, 66) if i == 0 else th.line, r=2)
    title = post["title"]
    y = cv.para(16, y + 6, title, 358, 18, th.fg, lh=1.45, bold=True) + 6
    tags = " ".join(t.strip("#") for t in rng.sample(C.HASHTAGS, 2))
    tags = " ".join("#" + t for t in tags.split())
    paras = post["paras"] + [tags]
    for p in paras[:-1]:
        y = cv.para(16, y, p, 358, 15.5, th.fg)
    y = cv.para(16, y + 2, tags, 358, 15.5, (60, 90, 160) if not th.dark else (120, 150, 220))
    shown, posted, comps = make_time(rng, fwd, rng.choice(["yesterday_hm", "md_dash", "day_ago", "hour_ago", "min_ago", "qiantian_hm"]))
    cv.text(16, y + 8, f"编辑于 {shown} 湖南", 12.5, th.sub)
    post_end = y + 30
    cv.hline(post_end + 4, 16, 374)
    y = post_end + 18
    cv.text(16, y, f"共 {rng.randint(8, 400)} 条评论", 13.5, th.sub)
    y += 28
    me = _nick(rng, {nick})
    cv.avatar(16, y, 14, me)
    cv.rect(54, y + 2, 374, y + 28, th.input, r=14)
    cv.text(68, y + 15, "爱评论的人运气都不差", 13, th.sub, anchor="lm")
    y = _comments(cv, rng, y + 46, 9 if ctx["long"] else 5, fwd, {nick}, after=posted)
    return dict(cv=cv, end=y, post_end=post_end, platform="other", title=title, author=nick, shown=shown,
                posted=posted, comps=comps, body="".join(paras), bottom=_input_bar("说点什么..."))


# ---------------------------------------------------------------- 3. 今日头条 微头条
def toutiao_wtt(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    th = DARK if ctx["dark"] else LIGHT
    cv = Canvas(ctx["width"], th, 3600)
    y = status_bar(cv, ctx["status"], fwd)
    y = _topbar(cv, y, "")
    cv.text(318, y - 22, "搜", 15, th.fg, anchor="mm")
    nick = _nick(rng)
    cv.avatar(16, y + 8, 21, nick)
    cv.text(66, y + 10, nick, 16, th.fg, bold=True)
    cv.text(66, y + 32, f"{_count(rng, 90000)}粉丝 · 湖南优质民生领域创作者" if rng.random() < 0.4 else f"{_count(rng, 9000)}粉丝", 12, th.sub)
    cv.rect(310, y + 14, 374, y + 44, (240, 65, 66), r=4)
    cv.text(342, y + 29, "关注", 14, (255, 255, 255), anchor="mm")
    y += 66
    for p in post["paras"]:
        y = cv.para(16, y, p, 358, 17, th.fg, lh=1.6)
    shown, posted, comps = make_time(rng, fwd, rng.choice(["hour_ago", "min_ago", "abs_min", "yearless", "yesterday_hm", "cn_yearless", "fullwidth_yearless"]))
    cv.text(16, y + 8, f"{shown} · 湖南", 12.5, th.sub)
    if rng.random() < 0.5:
        cv.text(374, y + 8, f"{_count(rng, 30000)}展现", 12.5, th.sub, anchor="ra")
    post_end = y + 30
    y = post_end + 8
    cv.rect(0, y, 390, y + 8, th.card)
    y += 22
    ncom = rng.randint(5, 900)
    cv.text(16, y, f"评论 {ncom}", 15, th.fg, bold=True)
    cv.text(110, y, f"转发 {rng.randint(0, 99)}", 15, th.sub)
    cv.text(374, y, f"赞 {rng.randint(3, 999)}", 15, th.sub, anchor="ra")
    y = _comments(cv, rng, y + 36, 9 if ctx["long"] else 5, fwd, {nick}, after=posted)
    return dict(cv=cv, end=y, post_end=post_end, platform="other", title=None, author=nick, shown=shown,
                posted=posted, comps=comps, body="".join(post["paras"]), bottom=_input_bar("写评论...", radius=4))


# ---------------------------------------------------------------- 4. 人民网 领导留言板
def rmw_lyb(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    th = DARK if ctx["dark"] else LIGHT
    cv = Canvas(ctx["width"], th, 3600)
    red = (200, 24, 30)
    y = status_bar(cv, ctx["status"], fwd, (255, 255, 255), red)
    y = _topbar(cv, y, "领导留言板", color=(255, 255, 255), bg=red)
    cv.rect(0, y, 390, y + 36, th.card)
    cv.text(16, y + 18, "人民网 > 领导留言板 > 湖南 > 留言详情", 12, th.sub, anchor="lm")
    y += 50
    title = post["title"]
    y = cv.para(16, y, title, 358, 19, th.fg, lh=1.45, bold=True) + 8
    x = 16
    for chip, col in ((rng.choice(["投诉", "求助", "建言"]), (230, 120, 40)),
                      (rng.choice(["城建", "交通", "教育", "劳动社保", "环保", "其他"]), (60, 130, 220)),
                      (rng.choice(["已办理", "办理中", "已回复"]), (40, 160, 90))):
        w = cv.width(chip, 12) + 14
        cv.rect(x, y, x + w, y + 22, None, r=4, outline=col, w=max(1, cv.p(1)))
        cv.text(x + w / 2, y + 11, chip, 12, col, anchor="mm")
        x += w + 8
    y += 34
    leader = rng.choice(C.LEADERS)
    cv.text(16, y, f"留言对象：{leader}", 13.5, th.sub)
    y += 24
    nick = _nick(rng)
    shown, posted, comps = make_time(rng, fwd, rng.choice(["abs_sec", "abs_min", "cn_full", "abs_sec"]))
    cv.text(16, y, f"留言人：{nick}", 13.5, th.sub)
    y += 24
    cv.text(16, y, f"留言时间：{shown}", 13.5, th.sub)
    y += 30
    cv.hline(y - 6, 16, 374)
    for p in post["paras"]:
        y = cv.para(16, y + 4, p, 358, 16, th.fg, lh=1.65)
    post_end = y + 6
    y += 18
    cv.rect(0, y, 390, y + 8, th.card)
    y += 24
    cv.text(16, y, "办理回复", 16, th.fg, bold=True)
    y += 32
    unit = rng.choice(C.OFFICIAL_UNITS)
    rdt = posted + (fwd - posted) * rng.uniform(0.3, 0.9)
    cv.rect(16, y, 374, y + 200, th.card, r=8)
    cv.text(28, y + 12, f"回复机构：{unit}", 13, th.sub)
    cv.text(28, y + 34, f"回复时间：{rdt:%Y-%m-%d %H:%M}", 13, th.sub)
    y2 = cv.para(28, y + 62, rng.choice(C.OFFICIAL_REPLIES), 334, 14.5, th.fg)
    cv.rect(16, y2 + 4, 374, y2 + 10, th.card)
    y = y2 + 30
    y = cv.para(16, y, "满意度评价：" + rng.choice(["满意", "基本满意", "尚未评价"]), 358, 13.5, th.sub) + 10

    def bottom(cv, yb):
        cv.rect(0, yb, 390, yb + 60, th.bg)
        cv.hline(yb)
        cv.rect(16, yb + 10, 374, yb + 48, red, r=20)
        cv.text(195, yb + 29, "我要留言", 16, (255, 255, 255), anchor="mm")
        return 60
    return dict(cv=cv, end=y, post_end=post_end, platform="other", title=title, author=nick, shown=shown,
                posted=posted, comps=comps, body="".join(post["paras"]), bottom=bottom)


# ---------------------------------------------------------------- 5. WeChat group, post over two bubbles
def wx_stamp(dt, fwd, ampm_style):
    hm = ampm(dt) if ampm_style else f"{dt:%H:%M}"
    days = (fwd.date() - dt.date()).days
    if days == 0:
        return hm
    if days == 1:
        return f"昨天 {hm}"
    if days < 7:
        return f"{WEEKDAYS[dt.weekday()]} {hm}"
    if dt.year == fwd.year:
        return f"{dt.month}月{dt.day}日 {hm}"
    return f"{dt.year}年{dt.month}月{dt.day}日 {hm}"


def _bubble(cv, y, nick, text, right, show_nick, size=15.5):
    th = cv.theme
    maxw = 250
    lines = []
    for part in text.split("\n"):
        lines += cv.wrap(part, maxw, size)
    w = max(cv.width(ln, size) for ln in lines) + 24
    h = len(lines) * size * 1.5 + 18
    green = (149, 236, 105) if not th.dark else (62, 160, 90)
    white = (255, 255, 255) if not th.dark else (44, 44, 44)
    txt = (25, 25, 25) if not th.dark else (220, 220, 220)
    if right:
        cv.avatar(336, y, 20, nick, square=True)
        x1 = 326
        cv.rect(x1 - w, y, x1, y + h, green, r=4)
        tx = x1 - w + 12
        ty = y + 9
    else:
        cv.avatar(14, y, 20, nick, square=True)
        by = y
        if show_nick:
            cv.text(64, y - 1, nick, 12, th.sub)
            by = y + 18
        cv.rect(64, by, 64 + w, by + h, white, r=4)
        tx, ty = 76, by + 9
        h += by - y
    for ln in lines:
        cv.text(tx, ty, ln, size, txt)
        ty += size * 1.5
    return y + max(h, 40) + 14


def wx_group_two(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    th = WX_DARK if ctx["dark"] else WX_LIGHT
    cv = Canvas(ctx["width"], th, 4000)
    y = status_bar(cv, ctx["status"], fwd)
    y = _topbar(cv, y, rng.choice(C.GROUP_NAMES))
    cv.hline(y)
    y += 12
    style = rng.choice(["today_ampm", "today_hm", "yesterday_ampm", "yesterday_hm", "weekday", "weekday_ampm",
                        "cn_md_ampm", "cn_ymd_ampm"])
    use_ampm = "ampm" in style
    shown, posted, comps = make_time(rng, fwd, style)
    nick = _nick(rng)
    members = [_nick(rng, {nick}) for _ in range(3)]
    n_before = rng.randint(1, 3) if not ctx["long"] else rng.randint(3, 5)
    earlier = posted - timedelta(minutes=rng.randint(40, 300))
    y = _stamp(cv, y, wx_stamp(earlier, fwd, use_ampm))
    for _ in range(n_before):
        who = rng.choice(members + ["我"])
        y = _bubble(cv, y, who, rng.choice(C.CHAT_LINES), who == "我", True)
    y = _stamp(cv, y, shown)
    paras = post["paras"]
    cut = max(1, len(paras) // 2) if len(paras) > 2 else 1
    b1, b2 = "".join(paras[:cut]), "".join(paras[cut:])
    y = _bubble(cv, y, nick, b1, False, True)
    y = _bubble(cv, y, nick, b2, False, True)
    post_end = y
    for _ in range(rng.randint(1, 3) if not ctx["long"] else rng.randint(3, 6)):
        who = rng.choice(members + ["我"])
        line = rng.choice(C.CHAT_LINES + C.DISTRACTOR_COMMENTS[:6])
        y = _bubble(cv, y, who, line, who == "我", True)

    def bottom(cv, yb):
        cv.rect(0, yb, 390, yb + 62, th.input)
        cv.hline(yb)
        cv.d.ellipse([cv.p(10), cv.p(yb + 15), cv.p(38), cv.p(yb + 43)], outline=th.fg, width=max(1, cv.p(1.4)))
        cv.rect(46, yb + 10, 296, yb + 48, th.card, r=5)
        for cx in (322, 360):
            cv.d.ellipse([cv.p(cx - 14), cv.p(yb + 15), cv.p(cx + 14), cv.p(yb + 43)], outline=th.fg,
                         width=max(1, cv.p(1.4)))
        cv.text(360, yb + 29, "+", 18, th.fg, anchor="mm")
        return 62
    return dict(cv=cv, end=y, post_end=post_end, platform="wechat", title=None, author=nick, shown=shown,
                posted=posted, comps=comps, body=b1 + b2, bottom=bottom)


def _stamp(cv, y, s):
    w = cv.width(s, 12) + 12
    cv.text(195, y + 8, s, 12, cv.theme.sub, anchor="mm")
    return y + 28


# ---------------------------------------------------------------- 6. 公众号 article, pinned reader comment
def wx_mp_comment(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    th = DARK if ctx["dark"] else LIGHT
    cv = Canvas(ctx["width"], th, 3600)
    y = status_bar(cv, ctx["status"], fwd)
    cv.text(20, y + 22, "×", 22, th.fg, anchor="mm")
    cv.dots(352, y + 22)
    y += 50
    nick = _nick(rng)
    shown, posted, comps = make_time(rng, fwd, rng.choice(["cn_date_only", "yesterday", "qiantian", "day_ago", "hour_ago", "min_ago"]))
    acc = rng.choice(C.ACCOUNTS)
    at = rng.choice(C.ARTICLE_TITLES)
    y = cv.para(18, y, at, 354, 20, th.fg, lh=1.4, bold=True) + 6
    art_dt = posted - timedelta(hours=rng.randint(2, 96), minutes=rng.randrange(60))
    cv.text(18, y, f"{acc}", 14, (87, 107, 149) if not th.dark else (120, 140, 190))
    cv.text(18 + cv.width(acc, 14) + 10, y, f"{art_dt.year}年{art_dt.month}月{art_dt.day}日 {art_dt:%H:%M} 湖南", 13, th.sub)
    y += 34
    for t in rng.sample(C.ARTICLE_TAILS, 2):
        y = cv.para(18, y, t, 354, 16, th.fg, lh=1.75) + 8
    y += 10
    cv.text(18, y, f"阅读 {_count(rng, 60000)}", 13, th.sub)
    cv.text(374, y, f"赞 {rng.randint(5, 300)}   在看 {rng.randint(1, 90)}", 13, th.sub, anchor="ra")
    y += 34
    cv.rect(0, y, 390, y + 8, th.card)
    y += 22
    cv.text(18, y, "留言", 15, th.fg, bold=True)
    cv.text(374, y, "写留言", 14, (87, 107, 149), anchor="ra")
    y += 34
    hl = (255, 248, 220) if not th.dark else (48, 44, 30)
    top = y - 8
    # measure first
    lines = sum(len(cv.wrap(p, 296, 15)) for p in post["paras"])
    hgt = 24 + lines * 15 * 1.6 + 36
    cv.rect(8, top, 382, top + hgt, hl, r=6)
    cv.avatar(18, y, 16, nick)
    cv.text(58, y, nick, 13.5, th.sub)
    tagx = 64 + cv.width(nick, 13.5)
    cv.rect(tagx, y + 1, tagx + 30, y + 17, None, r=3, outline=(250, 150, 30), w=max(1, cv.p(1)))
    cv.text(tagx + 15, y + 9, "置顶", 10, (250, 150, 30), anchor="mm")
    cv.heart(356, y + 8, 7, th.sub)
    cv.text(368, y + 2, str(rng.randint(20, 500)), 11, th.sub)
    yy = y + 24
    for p in post["paras"]:
        yy = cv.para(58, yy, p, 296, 15, th.fg, lh=1.6)
    cv.text(58, yy + 2, f"湖南 {shown}", 12, th.sub)
    post_end = yy + 22
    y = max(post_end + 8, top + hgt) + 8
    cv.rect(58, y, 374, y + 50, th.card, r=4)
    cv.text(68, y + 8, "作者", 12.5, (87, 107, 149))
    cv.para(68, y + 26, "感谢留言，已转交相关部门核实处理。", 290, 13.5, th.fg)
    y += 66
    y = _comments(cv, rng, y, 8 if ctx["long"] else 4, fwd, {nick}, after=posted)
    return dict(cv=cv, end=y, post_end=post_end, platform="wechat", title=None, author=nick, shown=shown,
                posted=posted, comps=comps, body="".join(post["paras"]), bottom=None)


# ---------------------------------------------------------------- 7. 微博 detail
def weibo_detail(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    th = DARK if ctx["dark"] else LIGHT
    cv = Canvas(ctx["width"], th, 3600)
    y = status_bar(cv, ctx["status"], fwd)
    y = _topbar(cv, y, "微博正文")
    cv.hline(y)
    y += 14
    nick = _nick(rng)
    cv.avatar(14, y, 21, nick)
    cv.text(64, y + 2, nick, 16, (235, 115, 65) if rng.random() < 0.3 else th.fg)
    shown, posted, comps = make_time(rng, fwd, rng.choice(["min_ago", "hour_ago", "yesterday_hm", "yearless", "abs_min", "cn_yearless"]))
    dev = rng.choice(["iPhone客户端", "iPhone 15 Pro", "HUAWEI Mate 60", "小米14", "微博网页版"])
    cv.text(64, y + 26, f"{shown} 来自 {dev}", 12, th.sub)
    cv.rect(306, y + 8, 374, y + 34, None, r=13, outline=(255, 130, 0), w=max(1, cv.p(1.2)))
    cv.text(340, y + 21, "+ 关注", 13, (255, 130, 0), anchor="mm")
    y += 58
    topic = rng.choice(C.TOPICS)
    paras = [topic + post["paras"][0]] + post["paras"][1:]
    for p in paras:
        y = cv.para(14, y, p, 362, 16.5, th.fg, lh=1.6)
    cv.text(14, y + 6, "发布于 湖南", 12, th.sub)
    post_end = y + 28
    y = post_end + 8
    cv.rect(0, y, 390, y + 8, th.card)
    y += 20
    cv.text(16, y, f"转发 {rng.randint(0, 500)}", 14, th.sub)
    cv.text(110, y, f"评论 {rng.randint(3, 900)}", 14, th.fg, bold=True)
    cv.rect(110, y + 24, 140, y + 27, (255, 130, 0))
    cv.text(374, y, f"赞 {rng.randint(3, 3000)}", 14, th.sub, anchor="ra")
    y += 40
    cv.text(16, y, "按热度", 13, th.sub)
    y = _comments(cv, rng, y + 28, 9 if ctx["long"] else 5, fwd, {nick}, after=posted)

    def bottom(cv, yb):
        cv.rect(0, yb, 390, yb + 52, th.bg)
        cv.hline(yb)
        for i, t in enumerate(["转发", "评论", "赞"]):
            cv.text(65 + i * 130, yb + 26, t, 14, th.fg, anchor="mm")
        return 52
    return dict(cv=cv, end=y, post_end=post_end, platform="weibo", title=None, author=nick, shown=shown,
                posted=posted, comps=comps, body="".join(paras), bottom=bottom)


# ---------------------------------------------------------------- 8. 12345 诉求详情
def h12345_detail(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    th = DARK if ctx["dark"] else Theme(False, (244, 245, 247), (30, 30, 30), (130, 134, 140), (228, 229, 232),
                                        (255, 255, 255), (240, 240, 240))
    if th.dark:
        th = Theme(True, (16, 16, 18), (225, 225, 228), (130, 130, 136), (50, 50, 54), (34, 34, 38), (40, 40, 44))
    cv = Canvas(ctx["width"], th, 3600)
    blue = (22, 110, 245)
    y = status_bar(cv, ctx["status"], fwd, (255, 255, 255), blue)
    y = _topbar(cv, y, "诉求详情", color=(255, 255, 255), bg=blue)
    cv.rect(0, y, 390, y + 40, blue)
    cv.text(195, y + 16, rng.choice(["12345政务服务便民热线", "湖南12345 · 办事不求人"]), 13, (220, 235, 255), anchor="mm")
    y += 50
    shown, posted, comps = make_time(rng, fwd, rng.choice(["abs_sec", "abs_min", "abs_slash", "cn_full", "fullwidth"]))
    surname = rng.choice("李王张刘陈杨黄赵周吴")
    author = surname + rng.choice(["**", "*", "**"])
    order = f"{rng.choice(['HN', 'CS', ''])}{posted:%Y%m%d}{rng.randint(1000, 99999):05d}"
    cv.rect(12, y, 378, y + 170, th.card, r=8)
    rows = [("工单编号", order), ("诉求人", author),
            ("联系电话", f"1{rng.randint(30, 99)}****{rng.randint(0, 9999):04d}"),
            ("提交时间", shown), ("诉求类型", rng.choice(["投诉", "求助", "咨询", "建议"]))]
    yy = y + 14
    for k, v in rows:
        cv.text(26, yy, k, 14, th.sub)
        cv.text(120, yy, v, 14, th.fg)
        yy += 30
    y += 182
    top = y
    nl = len(cv.wrap(post["title"], 338, 16)) * 16 * 1.55 + sum(len(cv.wrap(p, 338, 15)) for p in post["paras"]) * 15 * 1.65
    cv.rect(12, top, 378, top + 14 + 24 + nl + 10 + 24 + 10, th.card, r=8)
    yy = y + 14
    cv.text(26, yy, "诉求标题", 14, th.sub)
    yy = cv.para(26, yy + 24, post["title"], 338, 16, th.fg, bold=True) + 10
    cv.text(26, yy, "诉求内容", 14, th.sub)
    yy += 24
    for p in post["paras"]:
        yy = cv.para(26, yy, p, 338, 15, th.fg, lh=1.65)
    post_end = yy + 10
    y = post_end + 16
    cv.rect(12, y, 378, y + 40, th.card, r=8)
    cv.text(26, y + 20, "办理进度", 15, th.fg, bold=True, anchor="lm")
    y += 54
    steps = ["已提交", "已受理", "已派单", "办理中", "已办结"]
    n = rng.randint(2, 5)
    span = fwd - posted
    times = sorted(posted + span * rng.uniform(0.02, 0.95) for _ in range(n - 1))
    events = [(steps[0], posted, "市民通过小程序提交诉求")]
    for i, t in enumerate(times, 1):
        note = {"已受理": "12345热线已受理", "已派单": f"已派至{rng.choice(C.OFFICIAL_UNITS)}",
                "办理中": "承办单位正在处理", "已办结": "承办单位已反馈办理结果"}[steps[i]]
        events.append((steps[i], t, note))
    for i, (st, t, note) in enumerate(reversed(events)):
        col = blue if i == 0 else th.sub
        cv.d.ellipse([cv.p(26), cv.p(y + 3), cv.p(36), cv.p(y + 13)], fill=col)
        if i < len(events) - 1:
            cv.rect(30.5, y + 16, 31.5, y + 62, th.line)
        cv.text(48, y, st, 14.5, th.fg if i == 0 else th.sub, bold=i == 0)
        cv.text(374, y, f"{t:%Y-%m-%d %H:%M}", 12, th.sub, anchor="ra")
        cv.text(48, y + 22, note, 12.5, th.sub)
        y += 64
    return dict(cv=cv, end=y + 10, post_end=post_end, platform="other", title=post["title"], author=author,
                shown=shown, posted=posted, comps=comps, body="".join(post["paras"]), bottom=None)


# ---------------------------------------------------------------- 9. 抖音 comment under a news video
def dy_comment(rng, ctx):
    fwd, post = ctx["fwd"], ctx["post"]
    th = DARK if ctx["dark"] else LIGHT
    cv = Canvas(ctx["width"], th, 3600)
    cv.rect(0, 0, 390, 300, (8, 8, 8))
    _video_frame(cv, 40, 300, rng)
    white = (250, 250, 250)
    status_bar(cv, ctx["status"], fwd, white, (8, 8, 8))
    acc = rng.choice(C.NEWS_ACCOUNTS)
    cv.text(14, 218, f"@{acc}", 15, white, bold=True)
    cv.para(14, 242, rng.choice(C.NEWS_CAPTIONS) + " #湖南新闻", 300, 13.5, white, max_lines=2)
    y = 290
    cv.rect(0, y, 390, 3600, th.bg, r=14)
    cv.text(195, y + 24, f"{rng.randint(300, 9000)}条评论", 13.5, th.fg, bold=True, anchor="mm")
    cv.text(368, y + 24, "×", 20, th.sub, anchor="mm")
    y += 52
    nick = _nick(rng)
    shown, posted, comps = make_time(rng, fwd, rng.choice(["min_ago", "hour_ago", "day_ago", "md_dash", "yesterday_hm", "qiantian_hm"]))
    lines = sum(len(cv.wrap(p, 290, 15)) for p in post["paras"])
    hgt = 30 + lines * 15 * 1.55 + 34
    cv.rect(0, y - 8, 390, y + hgt, (255, 246, 230) if not th.dark else (46, 40, 30))
    cv.avatar(14, y, 17, nick)
    cv.text(54, y, nick, 13.5, th.sub)
    yy = y + 22
    for p in post["paras"]:
        yy = cv.para(54, yy, p, 290, 15, th.fg)
    cv.text(54, yy + 4, f"{shown} · 湖南    回复", 12, th.sub)
    cv.heart(362, y + 24, 8, th.sub)
    cv.text(362, y + 36, str(rng.randint(10, 4000)), 11, th.sub, anchor="ma")
    post_end = yy + 26
    y = max(post_end, y + hgt) + 8
    rn = _nick(rng, {nick})
    cv.avatar(54, y, 11, rn)
    cv.text(84, y, rn, 12.5, th.sub)
    y = cv.para(84, y + 18, rng.choice(C.REPLIES + C.DISTRACTOR_COMMENTS[:4]), 260, 14, th.fg)
    cv.text(84, y + 2, chrome_time(rng, fwd, posted) + " · 湖南  回复", 11.5, th.sub)
    y += 26
    cv.text(84, y, f"—— 展开{rng.randint(2, 40)}条回复 ∨", 12, th.sub)
    y += 30
    y = _comments(cv, rng, y, 8 if ctx["long"] else 4, fwd, {nick}, after=posted)
    return dict(cv=cv, end=y, post_end=post_end, platform="douyin", title=None, author=nick, shown=shown,
                posted=posted, comps=comps, body="".join(post["paras"]),
                bottom=_input_bar("善语结善缘，恶言伤人心", icons=0))


# ---------------------------------------------------------------- 10. 问政湖南 / 红网 search list
def list_expanded(rng, ctx, platform):
    fwd, post = ctx["fwd"], ctx["post"]
    th = DARK if ctx["dark"] else LIGHT
    cv = Canvas(ctx["width"], th, 4000)
    col = (20, 100, 200) if platform == "wenzheng_hunan" else (205, 30, 35)
    name = "问政湖南" if platform == "wenzheng_hunan" else "红网·百姓呼声"
    y = status_bar(cv, ctx["status"], fwd, (255, 255, 255), col)
    y = _topbar(cv, y, name, color=(255, 255, 255), bg=col)
    cv.rect(0, y, 390, y + 52, col)
    cv.rect(14, y + 8, 376, y + 42, (255, 255, 255), r=17)
    kw = rng.choice(["电梯", "停水", "噪音", "工资", "物业", "公交", "道路"])
    cv.text(32, y + 25, kw, 14, (40, 40, 40), anchor="lm")
    cv.text(356, y + 25, "搜索", 14, col, anchor="rm")
    y += 52
    tabs = ["全部", "已回复", "办理中", "最新"]
    for i, t in enumerate(tabs):
        cv.text(50 + i * 96, y + 20, t, 14.5, col if i == 0 else th.sub, bold=i == 0, anchor="mm")
    cv.rect(38, y + 35, 62, y + 37.5, col)
    y += 44
    cv.hline(y)
    others = rng.sample(C.OTHER_LIST_SUMMARIES, 5)
    k_before = rng.randint(0, 1)
    unit_lbl = "问政对象" if platform == "wenzheng_hunan" else "留言对象"
    post_end = None
    nick = _nick(rng)
    shown = posted = comps = None
    text = post["title"] + "".join(post["paras"])
    local = [u for u in C.OFFICIAL_UNITS if u[:2] in text]
    unit = rng.choice(local or C.OFFICIAL_UNITS)
    n_items = 6 if ctx["long"] else 4
    for i in range(n_items):
        if i == k_before:
            cv.rect(0, y + 1, 390, y + 6, col)  # highlighted (expanded) item marker strip
            y += 16
            y = cv.para(16, y, post["title"], 358, 17, th.fg, lh=1.45, bold=True) + 4
            cv.text(16, y, f"{unit_lbl}：{unit}", 13, th.sub)
            y += 22
            shown, posted, comps = make_time(rng, fwd, rng.choice(["abs_min", "abs_sec", "yearless", "date_only", "cn_full"]))
            cv.text(16, y, f"网友：{nick}", 13, th.sub)
            cv.text(374, y, shown, 13, th.sub, anchor="ra")
            y += 28
            for p in post["paras"]:
                y = cv.para(16, y, p, 358, 15, th.fg, lh=1.65)
            post_end = y
            st = rng.choice(["已回复", "办理中", "已受理"])
            cv.rect(16, y + 6, 16 + cv.width(st, 12) + 14, y + 28, None, r=4, outline=(40, 160, 90), w=max(1, cv.p(1)))
            cv.text(23, y + 17, st, 12, (40, 160, 90), anchor="lm")
            cv.text(374, y + 17, "收起 ∧", 13, col, anchor="rm")
            y += 42
        else:
            t, summ = others.pop()
            y += 14
            y = cv.para(16, y, t, 358, 16, th.fg, lh=1.4, max_lines=1) + 2
            y = cv.para(16, y, summ, 358, 13.5, th.sub, max_lines=1) + 2
            od = fwd - timedelta(days=rng.randint(1, 60), minutes=rng.randint(0, 900))
            cv.text(16, y, f"{unit_lbl}：{rng.choice(C.OFFICIAL_UNITS)}", 12, th.sub)
            cv.text(374, y, f"{od:%Y-%m-%d}", 12, th.sub, anchor="ra")
            y += 28
        cv.rect(0, y, 390, y + 6, th.card)
        y += 6
    return dict(cv=cv, end=y, post_end=post_end, platform=platform, title=post["title"], author=nick,
                shown=shown, posted=posted, comps=comps, body="".join(post["paras"]), bottom=None,
                addressed_unit=unit)


def wz_list(rng, ctx):
    return list_expanded(rng, ctx, "wenzheng_hunan")


def hw_list(rng, ctx):
    return list_expanded(rng, ctx, "hongwang")


LAYOUTS = {
    "ks_video": ks_video,
    "ks_comments": ks_comments,
    "xhs_note": xhs_note,
    "toutiao_wtt": toutiao_wtt,
    "rmw_lyb": rmw_lyb,
    "wx_group_two": wx_group_two,
    "wx_mp_comment": wx_mp_comment,
    "weibo_detail": weibo_detail,
    "h12345_detail": h12345_detail,
    "dy_comment": dy_comment,
    "wz_list": wz_list,
    "hw_list": hw_list,
}
