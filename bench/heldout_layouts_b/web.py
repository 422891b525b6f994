"""红网 百姓呼声 and 问政湖南 layouts (phone H5 and desktop)."""

from __future__ import annotations

from datetime import timedelta

from .content import related, replies
from .draw import Canvas, avatar, back_arrow, close_x, dots, fwd_arrow, photo, taskbar
from .shot import DESKTOP_LW, Result, Shot, Theme, finish, phone_canvas, phone_height, top
from .timefmt import between

RED = (196, 18, 28)
BLUE = (24, 96, 196)
STATUSES = ["已回复", "办理中", "已受理", "已办结"]


def _reply_text(shot: Shot) -> str:
    p = shot.post
    t = between(shot.rng, shot.post_at, shot.fwd)
    return shot.rng.choice([
        f"网友您好！您反映的问题已收悉。经核实，{p.loc.town}已于{t.month}月{t.day}日安排工作人员到现场查看，"
        f"相关情况正在协调处理中，感谢您的监督。",
        f"您好，您的留言已转{p.loc.county}相关部门办理，我们将督促尽快回复。如有疑问请拨打12345热线。",
        f"网友您好，针对您反映的问题，我单位高度重视，已联合{p.loc.town}进行调查，后续处理结果将及时公开。",
    ])


def _desk_time(t) -> str:
    return f"{t.year}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"


def _desk_comments(cv: Canvas, shot: Shot, x0: float, x1: float, y: float, limit: float, accent) -> float:
    """A 网友评论 block under a desktop post (distractor places and times); stops before `limit`."""
    rng = shot.rng
    if y + 120 > limit:
        return y
    cv.text(x0, y, f"网友评论（{rng.randint(3, 40)}）", 16, (30, 30, 30), bold=True)
    cv.line(x0, y + 30, x1, y + 30, accent, 1.5)
    y += 44
    for r in replies(rng, shot.post, 4):
        if y + 60 > limit:
            break
        nick = "网友" + str(rng.randint(10000, 99999))
        t = between(rng, shot.post_at, shot.fwd)
        cv.text(x0, y, nick, 13, (70, 110, 170))
        cv.text(x1, y, _desk_time(t), 12.5, (150, 150, 150), anchor="ra")
        cv.text(x0, y + 24, r, 14, (60, 60, 60))
        y += 56
        cv.line(x0, y - 8, x1, y - 8, (236, 236, 236))
    return y


# 红网 百姓呼声 opened inside WeChat's in-app browser ------------------------------------------------
def hw_wxbrowser(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    th = Theme(False)
    st = shot.ts(["iso_sec", "iso", "cn", "slash", "iso_sec", "dot", "slash_date"])
    shot.post_at = st.at
    author = rng.choice(["网友" + "".join(rng.choice("0123456789abcdef") for _ in range(6)), *
                         ["湘江边的风", "热心市民张先生", "小区业主代表", "老街坊老刘", "一位着急的家长"]])
    cv = phone_canvas(shot, (255, 255, 255))
    y = top(cv, shot, (0, 0, 0), (237, 237, 237))
    cv.rect(0, y, 375, y + 44, fill=(237, 237, 237))
    close_x(cv, 22, y + 22, 13, (20, 20, 20), 1.8)
    cv.text(187.5, y + 22, rng.choice(["百姓呼声_红网", "红网百姓呼声", "留言详情 - 百姓呼声"]), 16, (20, 20, 20),
            bold=True, anchor="mm")
    dots(cv, 350, y + 22, (20, 20, 20), r=2.2, gap=6)
    y += 44
    # page header
    cv.rect(0, y, 375, y + 48, fill=RED)
    cv.text(16, y + 24, "红网", 20, (255, 255, 255), bold=True, anchor="lm")
    cv.line(66, y + 15, 66, y + 33, (255, 200, 200), 1)
    cv.text(74, y + 24, "百姓呼声", 16, (255, 255, 255), anchor="lm")
    cv.rect(290, y + 12, 362, y + 36, outline=(255, 255, 255), r=12, width=1)
    cv.text(326, y + 24, "我要留言", 12.5, (255, 255, 255), anchor="mm")
    y += 48 + 16
    y = cv.para(16, y, post.title, 20, th.fg, 343, lh=1.45, bold=True) + 8
    avatar(cv, 26, y + 10, 10, author)
    w = cv.text(42, y + 10, author, 13.5, (80, 80, 80), anchor="lm")
    if 42 + w + 16 + cv.tw(st.text, 13) < 360:
        cv.text(42 + w + 14, y + 10, st.text, 13, th.fg2, anchor="lm")
        y += 30
    else:
        cv.text(42, y + 30, st.text, 13, th.fg2, anchor="lm")
        y += 50
    status = rng.choice(STATUSES)
    cv.rect(16, y, 359, y + 78, fill=(248, 246, 244), r=6)
    cv.text(28, y + 18, "留言对象", 13, th.fg2, anchor="lm")
    unit_lines = cv.wrap(post.unit, 13.5, 250)
    cv.text(96, y + 18, unit_lines[0] + ("…" if len(unit_lines) > 1 else ""), 13.5, th.fg, anchor="lm")
    unit_shown = post.unit if len(unit_lines) == 1 else None
    cv.text(28, y + 40, "办理状态", 13, th.fg2, anchor="lm")
    col = (46, 160, 67) if status in ("已回复", "已办结") else (230, 130, 20)
    cv.rect(96, y + 31, 96 + cv.tw(status, 12) + 12, y + 49, fill=col, r=3)
    cv.text(102, y + 40, status, 12, (255, 255, 255), anchor="lm")
    cv.text(28, y + 62, "留言编号", 13, th.fg2, anchor="lm")
    cv.text(96, y + 62, f"BX{shot.fwd.year}{rng.randint(100000, 999999)}", 13, th.fg, anchor="lm")
    y += 78 + 16
    for para in post.paragraphs:
        y = cv.para(16, y, para, 16, (40, 40, 40), 343, lh=1.75) + 8
    body_end = y
    if rng.random() < 0.5:
        photo(cv, 16, y, 359, y + 190, rng, r=4)
        y += 200
    cv.text(16, y + 12, f"支持 {rng.randint(3, 300)}", 13, th.fg2, anchor="lm")
    cv.text(110, y + 12, f"浏览 {rng.randint(200, 9000)}", 13, th.fg2, anchor="lm")
    y += 36
    if status in ("已回复", "已办结"):
        cv.rect(16, y, 359, y + 4, fill=RED)
        y += 14
        cv.text(16, y, "官方回复", 16, RED, bold=True)
        y += 28
        rt = between(rng, st.at, shot.fwd)
        cv.text(16, y, post.unit[:18], 13, th.fg2)
        cv.text(359, y, _desk_time(rt), 13, th.fg2, anchor="ra")
        y += 24
        y = cv.para(16, y, _reply_text(shot), 14.5, (60, 60, 60), 343, lh=1.7) + 12
    cv.rect(0, y, 375, y + 8, fill=(244, 244, 244))
    y += 22
    cv.text(16, y, "相关留言", 16, th.fg, bold=True)
    y += 30
    for t in related(rng, post, 4):
        cv.text(16, y, t, 14.5, (50, 50, 50))
        y += 22
        cv.text(16, y, _desk_time(between(rng, st.at - timedelta(days=365), st.at))[:10], 12, th.fg2)
        y += 20
        cv.line(16, y, 359, y, th.line)
        y += 12
    bar = 44 if rng.random() < 0.5 else 0
    H = phone_height(shot, body_end, y, bar)
    if bar:
        cv.rect(0, H - bar, 375, H, fill=(247, 247, 247))
        cv.line(0, H - bar, 375, H - bar, (220, 220, 220))
        back_arrow(cv, 80, H - bar / 2, 14, (60, 60, 60))
        fwd_arrow(cv, 300, H - bar / 2, 14, (190, 190, 190))
    return Result(finish(cv, shot, H, (0, 0, 0)), post.title, author, st, post.body, unit_shown)


# 红网 older desktop page, two-column meta lines -----------------------------------------------------
def hw_desktop_old(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    st = shot.ts(["iso_sec", "cn", "dot", "slash", "iso"], fullwidth_rate=0.15)
    shot.post_at = st.at
    author = rng.choice(["网友" + str(rng.randint(10000, 99999)), "湘江边的风", "芙蓉花开", "雪峰山人", "匿名"])
    cv = Canvas(shot.width, DESKTOP_LW, 1400, (236, 236, 236))
    # browser chrome
    cv.rect(0, 0, 1440, 36, fill=(222, 225, 230))
    cv.rect(12, 6, 262, 36, fill=(255, 255, 255), r=6)
    cv.text(24, 21, "百姓呼声-红网", 12.5, (40, 40, 40), anchor="lm")
    close_x(cv, 246, 21, 8, (90, 90, 90), 1.3)
    cv.rect(0, 36, 1440, 74, fill=(255, 255, 255))
    back_arrow(cv, 16, 55, 10, (90, 90, 90))
    cv.rect(90, 42, 1300, 68, fill=(241, 243, 244), r=13)
    cv.text(110, 55, f"bbs.rednet.cn/thread-{rng.randint(10**7, 10**8)}-1-1.html", 13, (60, 60, 60), anchor="lm")
    y = 74
    # masthead
    L, R = 200, 1240
    cv.rect(L, y, R, y + 92, fill=(176, 8, 16))
    cv.text(L + 24, y + 46, "红网", 40, (255, 255, 255), bold=True, serif=True, anchor="lm")
    cv.text(L + 118, y + 58, "rednet.cn", 14, (255, 210, 210), anchor="lm")
    cv.text(L + 260, y + 40, "百姓呼声", 28, (255, 240, 200), serif=True, anchor="lm")
    cv.text(L + 262, y + 70, "倾听百姓心声  架起沟通桥梁", 13, (255, 220, 220), anchor="lm")
    y += 92
    cv.rect(L, y, R, y + 34, fill=(140, 0, 8))
    x = L + 20
    for item in ["首页", "新闻", "评论", "百姓呼声", "问政", "公告", "湖南", "视频", "论坛"]:
        x += cv.text(x, y + 17, item, 14, (255, 255, 255), anchor="lm") + 30
    y += 34
    cv.rect(L, y, R, y + 1200, fill=(255, 255, 255))
    cv.text(L + 16, y + 18, "当前位置：首页 > 百姓呼声 > 留言详情", 12.5, (120, 120, 120), anchor="lm")
    y += 36
    ML, MR = L + 16, L + 730
    cv.rect(ML, y, MR, y + 2, fill=(176, 8, 16))
    y += 20
    for line in cv.wrap(post.title, 22, MR - ML - 40, serif=True):
        cv.text((ML + MR) / 2, y, line, 22, (20, 20, 20), bold=True, serif=True, anchor="ma")
        y += 34
    y += 6
    status = rng.choice(STATUSES)
    rows = [(f"留言人：{author}", f"留言时间：{st.text}"),
            (f"留言对象：{post.unit}", f"浏览次数：{rng.randint(100, 20000)}"),
            (f"留言类型：{rng.choice(['投诉', '求助', '建议', '咨询'])}", f"办理状态：{status}")]
    cv.rect(ML, y, MR, y + 30 * len(rows) + 10, fill=(250, 247, 240), outline=(230, 220, 200))
    yy = y + 20
    for a, b in rows:
        cv.text(ML + 16, yy, a, 13.5, (70, 70, 70), anchor="lm")
        cv.text(ML + 400, yy, b, 13.5, (70, 70, 70), anchor="lm")
        yy += 30
    y = yy + 10
    cv.text(ML, y, "留言内容：", 15, (176, 8, 16), bold=True)
    y += 30
    for para in post.paragraphs:
        y = cv.para(ML, y, para, 15, (40, 40, 40), MR - ML, lh=1.8, serif=True, indent=30) + 4
    body_end = y
    y += 14
    cv.rect(ML, y, ML + 90, y + 30, fill=(255, 255, 255), outline=(200, 200, 200), r=3)
    cv.text(ML + 45, y + 15, f"支持({rng.randint(1, 99)})", 13, (60, 60, 60), anchor="mm")
    cv.rect(ML + 104, y, ML + 194, y + 30, fill=(255, 255, 255), outline=(200, 200, 200), r=3)
    cv.text(ML + 149, y + 15, f"反对({rng.randint(0, 9)})", 13, (60, 60, 60), anchor="mm")
    y += 50
    if status in ("已回复", "已办结"):
        rt = between(rng, st.at, shot.fwd)
        cv.rect(ML, y, MR, y + 30, fill=(252, 236, 236))
        cv.text(ML + 12, y + 15, f"回复单位：{post.unit}", 13.5, (150, 20, 20), anchor="lm")
        cv.text(MR - 12, y + 15, f"回复时间：{_desk_time(rt)}", 13.5, (150, 20, 20), anchor="rm")
        y += 40
        y = cv.para(ML, y, _reply_text(shot), 14, (60, 60, 60), MR - ML, lh=1.8, indent=28) + 10
    H = max(900, body_end + 60)
    y = _desk_comments(cv, shot, ML, MR, y + 10, min(1400, H) - 20, (176, 8, 16))
    # sidebar
    SL, SR = L + 760, R - 16
    sy = 74 + 92 + 34 + 54
    cv.rect(SL, sy, SR, sy + 44, fill=(176, 8, 16), r=4)
    cv.text((SL + SR) / 2, sy + 22, "我 要 留 言", 17, (255, 255, 255), bold=True, anchor="mm")
    sy += 64
    cv.text(SL, sy, "热点留言", 16, (20, 20, 20), bold=True, serif=True)
    cv.line(SL, sy + 28, SR, sy + 28, (176, 8, 16), 2)
    sy += 40
    for i, t in enumerate(related(rng, post, 6), 1):
        cv.rect(SL, sy + 2, SL + 18, sy + 20, fill=(176, 8, 16) if i <= 3 else (170, 170, 170))
        cv.text(SL + 9, sy + 11, str(i), 12, (255, 255, 255), anchor="mm")
        cv.text(SL + 26, sy, t[:19], 13.5, (50, 50, 50))
        sy += 30
    sy += 16
    cv.text(SL, sy, "本周回复排行", 16, (20, 20, 20), bold=True, serif=True)
    cv.line(SL, sy + 28, SR, sy + 28, (176, 8, 16), 2)
    sy += 40
    for i in range(5):
        cv.text(SL, sy, f"{i + 1}. {rng.choice(['长沙市', '衡阳市', '岳阳市', '常德市', '邵阳市'])}"
                f"{rng.choice(['教育局', '住建局', '交通运输局', '城管局'])}", 13.5, (60, 60, 60))
        cv.text(SR, sy, f"{rng.randint(20, 200)}条", 13.5, (150, 150, 150), anchor="ra")
        sy += 28
    style = rng.randrange(2)
    H_total = min(H + (40 if style == 0 else 48), 1400)
    taskbar(cv, H_total, shot.fwd, False, style)
    return Result(cv.crop(H_total), post.title, author, st, post.body, post.unit)


# 问政湖南 H5 share page with 诉求 sections ---------------------------------------------------------
def wz_h5_share(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    th = Theme(False)
    st = shot.ts(["md_cn", "iso", "cn", "slash", "yesterday", "iso_sec", "cn_date"], fullwidth_rate=0.1)
    shot.post_at = st.at
    from .content import MASKED
    author = rng.choice(MASKED)
    cv = phone_canvas(shot, (242, 244, 248))
    y = top(cv, shot, (255, 255, 255), BLUE)
    cv.rect(0, y, 375, y + 44, fill=BLUE)
    back_arrow(cv, 14, y + 22, 16, (255, 255, 255))
    cv.text(187.5, y + 22, "问政详情", 17, (255, 255, 255), bold=True, anchor="mm")
    dots(cv, 350, y + 22, (255, 255, 255), r=2, gap=6)
    y += 44
    cv.rect(0, y, 375, y + 86, fill=(40, 116, 214))
    cv.text(20, y + 32, "问政湖南", 26, (255, 255, 255), bold=True, anchor="lm")
    cv.text(20, y + 62, "有问必答 · 件件有回音", 13, (210, 228, 255), anchor="lm")
    cv.circle(330, y + 44, 30, fill=(70, 140, 230))
    cv.text(330, y + 44, "问", 26, (255, 255, 255), bold=True, anchor="mm")
    y += 86 + 10
    status = rng.choice(STATUSES)

    def section(y: float, label: str) -> float:
        cv.rect(16, y + 2, 20, y + 18, fill=BLUE)
        cv.text(28, y + 10, label, 14, (90, 90, 100), anchor="lm")
        return y + 28

    cv.rect(10, y, 365, y + 2000, fill=(255, 255, 255), r=8)
    y += 14
    y = section(y, "诉求标题")
    y = cv.para(28, y, post.title, 17.5, th.fg, 325, lh=1.5, bold=True) + 10
    compact = shot.k % 2 == 0
    if compact:
        y = section(y, "诉求信息")
        cv.text(28, y + 8, f"诉求人：{author}", 14, th.fg, anchor="lm")
        cv.text(28, y + 32, f"提交时间：{st.text}", 14, th.fg, anchor="lm")
        y += 52
    else:
        y = section(y, "诉求人")
        cv.text(28, y + 8, author, 15, th.fg, anchor="lm")
        y += 30
        y = section(y, "提交时间")
        cv.text(28, y + 8, st.text, 15, th.fg, anchor="lm")
        y += 30
    y = section(y, "诉求对象")
    y = cv.para(28, y, post.unit, 15, th.fg, 325, lh=1.5) + 8
    y = section(y, "办理状态")
    col = (46, 160, 67) if status in ("已回复", "已办结") else (240, 140, 20)
    cv.rect(28, y - 2, 28 + cv.tw(status, 13) + 16, y + 22, outline=col, r=11, width=1)
    cv.text(36, y + 10, status, 13, col, anchor="lm")
    y += 36
    y = section(y, "诉求内容")
    for para in post.paragraphs:
        y = cv.para(28, y, para, 15.5, (45, 45, 45), 325, lh=1.75) + 6
    body_end = y
    if rng.random() < 0.5:
        for i in range(3):
            photo(cv, 28 + i * 110, y + 4, 128 + i * 110, y + 104, rng, r=4)
        y += 116
    if status in ("已回复", "已办结"):
        y += 6
        y = section(y, "回复内容")
        rt = between(rng, st.at, shot.fwd)
        cv.text(28, y + 6, f"{post.loc.county}政务服务中心", 13.5, BLUE, anchor="lm")
        cv.text(350, y + 6, f"{rt.month}月{rt.day}日 {rt.hour:02d}:{rt.minute:02d}", 12.5, th.fg2, anchor="rm")
        y += 24
        y = cv.para(28, y, _reply_text(shot), 14.5, (70, 70, 70), 325, lh=1.7) + 10
    y += 12
    bar = 58
    H = phone_height(shot, body_end, y, bar)
    cv.rect(0, H - bar, 375, H, fill=(255, 255, 255))
    cv.line(0, H - bar, 375, H - bar, (225, 225, 225))
    cv.circle(34, H - bar / 2, 16, fill=(40, 116, 214))
    cv.text(34, H - bar / 2, "新", 15, (255, 255, 255), bold=True, anchor="mm")
    cv.text(58, H - bar / 2 - 8, "打开新湖南客户端", 14, th.fg, bold=True, anchor="lm")
    cv.text(58, H - bar / 2 + 10, "参与问政，查看办理进度", 11.5, th.fg2, anchor="lm")
    cv.rect(272, H - bar / 2 - 15, 360, H - bar / 2 + 15, fill=BLUE, r=15)
    cv.text(316, H - bar / 2, "立即打开", 13.5, (255, 255, 255), anchor="mm")
    return Result(finish(cv, shot, H, (0, 0, 0)), post.title, author, st, post.body, post.unit)


# 问政湖南 desktop with a progress timeline --------------------------------------------------------
def wz_desktop_timeline(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    st = shot.ts(["iso", "iso_sec", "cn", "yy", "iso"])
    shot.post_at = st.at
    from .content import MASKED, NICKS
    author = rng.choice(MASKED + NICKS[:6])
    cv = Canvas(shot.width, DESKTOP_LW, 1400, (244, 246, 250))
    # header
    cv.rect(0, 0, 1440, 70, fill=(255, 255, 255))
    cv.rect(120, 18, 156, 54, fill=BLUE, r=8)
    cv.text(138, 36, "问", 22, (255, 255, 255), bold=True, anchor="mm")
    cv.text(166, 36, "问政湖南", 24, BLUE, bold=True, anchor="lm")
    x = 420
    for i, item in enumerate(["首页", "我要问政", "问政排行", "部门回复", "问政动态", "关于我们"]):
        cv.text(x, 35, item, 15, BLUE if i == 0 else (60, 60, 60), anchor="lm")
        x += cv.tw(item, 15) + 40
    cv.rect(1080, 20, 1320, 50, outline=(210, 210, 215), r=15, width=1)
    cv.text(1096, 35, "搜索诉求、部门", 13, (160, 160, 165), anchor="lm")
    y = 70
    cv.line(0, y, 1440, y, (225, 228, 235))
    y += 24
    L, R = 120, 960
    cv.text(L, y, "首页 / 诉求详情", 13, (130, 130, 140))
    y += 30
    card_top = y
    cv.rect(L, y, R, y + 1200, fill=(255, 255, 255), r=6)
    y += 28
    kind = rng.choice(["投诉", "求助", "建议", "咨询"])
    cv.rect(L + 28, y + 3, L + 70, y + 27, fill=(255, 238, 230), r=4)
    cv.text(L + 49, y + 15, kind, 13, (230, 90, 40), anchor="mm")
    y = cv.para(L + 80, y, post.title, 22, (20, 20, 20), R - L - 110, lh=1.45, bold=True) + 10
    avatar(cv, L + 40, y + 12, 12, author)
    parts = [author, f"问政对象：{post.unit}", f"发布时间：{st.text}"]
    x = L + 60
    for i, part in enumerate(parts):
        if i:
            cv.line(x, y + 5, x, y + 19, (210, 210, 210))
            x += 14
        x += cv.text(x, y + 12, part, 13.5, (110, 110, 118), anchor="lm") + 14
    y += 40
    cv.line(L + 28, y, R - 28, y, (236, 236, 240))
    y += 20
    for para in post.paragraphs:
        y = cv.para(L + 28, y, para, 15.5, (40, 40, 45), R - L - 56, lh=1.85) + 6
    body_end = y
    if rng.random() < 0.6:
        for i in range(rng.randint(1, 3)):
            photo(cv, L + 28 + i * 140, y + 6, L + 156 + i * 140, y + 102, rng, r=4)
        y += 116
    y += 16
    cv.text(L + 28, y, "办理进度", 16, (20, 20, 20), bold=True)
    y += 40
    steps = ["提交诉求", "平台受理", "部门办理", "答复公开"]
    done = rng.randint(2, 4)
    times = [st.at]
    for _ in range(1, done):
        times.append(between(rng, times[-1], shot.fwd, 0.1, 0.5))
    span = (R - L - 160) / 3
    for i, name in enumerate(steps):
        cx = L + 80 + i * span
        on = i < done
        col = BLUE if on else (200, 200, 205)
        if i < 3:
            cv.line(cx + 12, y, cx + span - 12, y, BLUE if i + 1 < done else (215, 215, 220), 2)
        cv.circle(cx, y, 10, fill=col)
        cv.text(cx, y, "✓" if on else str(i + 1), 11, (255, 255, 255), anchor="mm")
        cv.text(cx, y + 24, name, 14, (40, 40, 40) if on else (160, 160, 160), anchor="ma")
        if on:
            cv.text(cx, y + 46, _desk_time(times[i]) if i else _desk_time(times[0]), 12, (130, 130, 140),
                    anchor="ma")
    y += 80
    if done == 4:
        cv.rect(L + 28, y, R - 28, y + 40, fill=(240, 246, 255))
        cv.text(L + 44, y + 20, f"答复单位：{post.unit}", 14, BLUE, anchor="lm")
        y += 52
        y = cv.para(L + 44, y, _reply_text(shot), 14.5, (70, 70, 75), R - L - 88, lh=1.8) + 10
    H = max(860, body_end + 80)
    _desk_comments(cv, shot, L + 28, R - 28, y + 16, H - 10, BLUE)
    # sidebar
    SL, SR = 984, 1320
    sy = card_top
    cv.rect(SL, sy, SR, sy + 150, fill=(255, 255, 255), r=6)
    cv.text(SL + 20, sy + 24, "平台数据", 16, (20, 20, 20), bold=True, anchor="lm")
    for i, (n, lab) in enumerate([(rng.randint(20000, 90000), "累计诉求"), (rng.randint(15000, 80000), "已回复"),
                                  (f"{rng.randint(90, 99)}%", "回复率")]):
        cx = SL + 60 + i * 108
        cv.text(cx, sy + 80, str(n), 20, BLUE, bold=True, anchor="mm")
        cv.text(cx, sy + 112, lab, 12.5, (130, 130, 140), anchor="mm")
    sy += 170
    cv.rect(SL, sy, SR, sy + 330, fill=(255, 255, 255), r=6)
    cv.text(SL + 20, sy + 24, "最新回复", 16, (20, 20, 20), bold=True, anchor="lm")
    sy += 50
    for t in related(rng, post, 5):
        cv.text(SL + 20, sy, t[:20], 13.5, (50, 50, 55))
        rt = between(rng, st.at, shot.fwd)
        cv.text(SL + 20, sy + 22, f"{rt.month:02d}-{rt.day:02d} {rt.hour:02d}:{rt.minute:02d}", 12, (160, 160, 165))
        sy += 54
    style = rng.randrange(2)
    Ht = min(1400, H + (40 if style == 0 else 48))
    taskbar(cv, Ht, shot.fwd, False, style)
    return Result(cv.crop(Ht), post.title, author, st, post.body, post.unit)


# 今日头条 微头条 detail (platform "other") ---------------------------------------------------------
def tt_weitoutiao(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    th = Theme(shot.dark)
    st = shot.ts(["hours", "minutes", "md_dash", "yesterday", "days", "hours_cn", "ymd", "before_yesterday", "days_cn"])
    shot.post_at = st.at
    from .content import NICKS
    author = rng.choice(NICKS)
    cv = phone_canvas(shot, th.bg)
    y = top(cv, shot, th.fg, th.bg)
    back_arrow(cv, 14, y + 22, 16, th.fg)
    cv.circle(320, y + 20, 7, outline=th.fg, width=1.6)
    cv.line(325, y + 25, 330, y + 30, th.fg, 1.6)
    dots(cv, 355, y + 22, th.fg, r=2, gap=5.5)
    y += 44
    avatar(cv, 36, y + 22, 20, author)
    cv.text(64, y + 12, author, 16, th.fg, bold=True, anchor="lm")
    cv.text(64, y + 34, f"{st.text} · 湖南", 12.5, th.fg2, anchor="lm")
    cv.rect(300, y + 8, 360, y + 36, fill=(240, 65, 66), r=4)
    cv.text(330, y + 22, "关注", 14, (255, 255, 255), anchor="mm")
    y += 58
    for para in post.paragraphs:
        y = cv.para(16, y, para, 17.5, th.fg, 343, lh=1.7) + 10
    body_end = y
    n = rng.choice([0, 1, 3])
    if n == 1:
        photo(cv, 16, y, 260, y + 180, rng, r=4)
        y += 190
    elif n == 3:
        for i in range(3):
            photo(cv, 16 + i * 116, y, 127 + i * 116, y + 111, rng, r=3)
        y += 121
    cv.text(16, y + 8, f"{rng.randint(1, 90)}.{rng.randint(1, 9)}万阅读", 12.5, th.fg2, anchor="lm")
    y += 34
    cv.rect(0, y, 375, y + 8, fill=th.bg2)
    y += 20
    ncom = rng.randint(3, 120)
    cv.text(16, y, f"评论 {ncom}", 16, th.fg, bold=True)
    cv.text(359, y + 2, f"赞 {rng.randint(10, 800)}", 14, th.fg2, anchor="ra")
    y += 36
    nicks = rng.sample(["用户" + str(rng.randint(10**9, 10**10)), "湘里人家", "退休老教师", "路过的网友", "长沙老表"], 3)
    for r, nick in zip(replies(rng, post, 3), nicks, strict=True):
        avatar(cv, 32, y + 14, 14, nick)
        cv.text(54, y + 6, nick, 14, (80, 110, 160) if not shot.dark else (140, 170, 220), anchor="lm")
        y = cv.para(54, y + 20, r, 15.5, th.fg, 300, lh=1.6)
        from .timefmt import rel_after
        cv.text(54, y + 6, f"{rel_after(rng, st.at, shot.fwd)} · 湖南    回复", 12, th.fg2, anchor="lm")
        y += 30
    bar = 52
    H = phone_height(shot, body_end, y, bar)
    cv.rect(0, H - bar, 375, H, fill=th.bg)
    cv.line(0, H - bar, 375, H - bar, th.line)
    cv.rect(14, H - bar + 9, 220, H - bar + 41, fill=th.bg2, r=16)
    cv.text(30, H - bar + 25, "写评论...", 14, th.fg2, anchor="lm")
    for i, lab in enumerate([str(ncom), "☆", "↗"]):
        cv.text(250 + i * 42, H - bar + 25, lab, 14, th.fg, anchor="mm")
    return Result(finish(cv, shot, H, th.fg), None, author, st, post.body, None)
