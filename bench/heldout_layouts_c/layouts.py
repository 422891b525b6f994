"""The page layouts. Each takes a Shot and returns (image, label fields)."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from .content import COMMENTS, NICKS, OFFICIAL, RELATED, addressed_unit, fill
from .draw import Canvas, status_bar, taskbar
from .timefmt import make_time

WHITE, BLACK = (255, 255, 255), (0, 0, 0)


@dataclass
class Shot:
    rng: random.Random
    post: dict
    fwd: datetime
    dark: bool
    long: bool
    width: int
    time_kind: str
    fullwidth: bool
    author: str
    sb_style: int


def theme(dark):
    if dark:
        return dict(bg=(18, 18, 18), card=(30, 30, 30), fg=(230, 230, 230), sub=(140, 140, 140), line=(50, 50, 50), soft=(40, 40, 40))
    return dict(bg=WHITE, card=(246, 246, 246), fg=(25, 25, 25), sub=(150, 150, 150), line=(232, 232, 232), soft=(244, 245, 247))


def ptime(sh: Shot, kind=None):
    return make_time(sh.rng, sh.fwd, kind or sh.time_kind, sh.fullwidth)


def other_time(sh: Shot, after=None):
    """A distractor time string; with `after`, one that lies between the post and the screenshot."""
    for _ in range(12):
        kind = sh.rng.choice(["md_dash", "min_ago", "hour_ago", "yesterday", "iso", "cn_md"])
        s, t, _ = make_time(sh.rng, sh.fwd, kind)
        if after is None or t >= after:
            return s
    return "刚刚"


def finish(cv: Canvas, y_body_end, y_end, sh: Shot, phone=True):
    std = cv.lw * (2.17 if phone else 0.5625)
    if sh.long:
        h = max(y_end, std)
    else:
        h = max(std, y_body_end + 40)
    return cv.crop(h), h


def body_of(post):
    return "".join(post["paras"])


# ---------------------------------------------------------------- 红网 app detail
def hw_app_detail(sh: Shot):
    rng, post, th = sh.rng, sh.post, theme(sh.dark)
    cv = Canvas(sh.width, 390, th["bg"])
    red = (200, 22, 30)
    y = status_bar(cv, rng, sh.fwd, True, sh.sb_style, bg=red)
    cv.box(0, y, 390, y + 48, fill=red)
    cv.t(16, y + 24, "‹", 26, WHITE, False, "lm")
    cv.t(195, y + 24, "百姓呼声", 17, WHITE, True, "mm")
    cv.t(372, y + 24, "分享", 13, WHITE, False, "rm")
    y += 62
    status = rng.choice(["已回复", "办理中", "已受理", "已办结"])
    y = cv.para(16, y, post["title"], 20, th["fg"], 358, 1.45, True) + 6
    unit = addressed_unit(rng, post)
    ts, p, comps = ptime(sh)
    cv.t(16, y, "留言对象：", 13, th["sub"])
    cv.t(16 + cv.tw("留言对象：", 13), y, unit, 13, (40, 100, 180))
    y += 24
    cv.avatar(rng, 28, y + 12, 12, sh.author)
    cv.t(48, y + 2, sh.author, 13, th["fg"])
    cv.t(48, y + 20, ts, 11, th["sub"])
    chip = {"已回复": (40, 160, 90), "办理中": (230, 140, 30), "已受理": (60, 120, 220), "已办结": (120, 120, 120)}[status]
    cv.box(310, y + 2, 374, y + 24, outline=chip, r=11)
    cv.t(342, y + 13, status, 11, chip, False, "mm")
    y += 44
    cv.line(16, y, 374, y, th["line"])
    y += 14
    for para in post["paras"]:
        y = cv.para(16, y, para, 16, th["fg"], 358, 1.7) + 8
    body_end = y
    if rng.random() < 0.5:
        for i in range(rng.randint(1, 3)):
            cv.photo(rng, 16 + i * 122, y, 130 + i * 122, y + 114)
        y += 126
    cv.t(16, y, f"浏览 {rng.randint(200, 9000)}   点赞 {rng.randint(0, 90)}", 11, th["sub"])
    y += 30
    if status in ("已回复", "已办结"):
        cv.box(12, y, 378, y + 8, fill=th["soft"])
        y += 20
        cv.t(16, y, "官方回复", 15, red, True)
        y += 26
        rtext = fill(rng, rng.choice(OFFICIAL))
        cv.t(16, y, f"{post['dist']}人民政府   {other_time(sh, p)}", 11, th["sub"])
        y += 22
        y = cv.para(16, y, rtext, 14, th["fg"], 358, 1.65) + 10
    cv.box(0, y, 390, y + 8, fill=th["soft"])
    y += 22
    cv.t(16, y, "相关留言", 15, th["fg"], True)
    y += 30
    for _ in range(6 if sh.long else 4):
        cv.para(16, y, fill(rng, rng.choice(RELATED)), 14, th["fg"], 358, max_lines=1)
        cv.t(16, y + 22, f"{rng.choice(NICKS)}  {other_time(sh)}", 11, th["sub"])
        y += 48
        cv.line(16, y - 6, 374, y - 6, th["line"])
    img, h = finish(cv, body_end, y + 60, sh)
    # bottom floating action bar
    cv2 = img
    from PIL import ImageDraw
    d = ImageDraw.Draw(cv2)
    s = cv.s
    d.rectangle((0, (h - 54) * s, cv.w, h * s), fill=th["bg"])
    d.line((0, (h - 54) * s, cv.w, (h - 54) * s), fill=th["line"], width=1)
    d.rounded_rectangle((16 * s, (h - 44) * s, 250 * s, (h - 12) * s), radius=16 * s, fill=th["soft"])
    d.text((30 * s, (h - 28) * s), "说说你的看法…", font=cv.f(13), fill=th["sub"], anchor="lm")
    d.rounded_rectangle((262 * s, (h - 44) * s, 374 * s, (h - 12) * s), radius=16 * s, fill=red)
    d.text((318 * s, (h - 28) * s), "我要留言", font=cv.f(13, True), fill=WHITE, anchor="mm")
    return img, dict(title=post["title"], author=sh.author, posted=(p, comps), addressed_unit=unit, body=body_of(post))


# ---------------------------------------------------------------- rednet desktop
def hw_pc_detail(sh: Shot):
    rng, post = sh.rng, sh.post
    cv = Canvas(sh.width, 1280, (243, 243, 243))
    red = (190, 20, 28)
    cv.box(0, 0, 1280, 34, fill=(222, 225, 230))
    cv.box(10, 6, 260, 34, fill=(243, 243, 243), r=6)
    cv.t(22, 20, "百姓呼声_红网", 11, (40, 40, 40), False, "lm")
    cv.box(0, 34, 1280, 70, fill=(243, 243, 243))
    cv.box(90, 40, 900, 64, fill=WHITE, r=12)
    cv.t(106, 52, f"https://people.rednet.cn/front/messages/detail?id={rng.randint(10**6, 10**7)}", 11, (70, 70, 70), False, "lm")
    y = 70
    cv.box(0, y, 1280, y + 70, fill=red)
    cv.t(140, y + 35, "红网", 28, WHITE, True, "lm")
    cv.t(222, y + 35, "百姓呼声 · 湖南省网民留言办理平台", 16, WHITE, False, "lm")
    cv.box(880, y + 20, 1140, y + 50, fill=WHITE, r=4)
    cv.t(890, y + 35, "搜索留言", 12, (160, 160, 160), False, "lm")
    y += 70
    cv.box(0, y, 1280, y + 40, fill=(160, 14, 20))
    for i, n in enumerate(["首页", "我要留言", "留言列表", "回复榜", "部门", "市州", "县市区", "曝光台"]):
        cv.t(140 + i * 100, y + 20, n, 14, WHITE, False, "lm")
    y += 56
    cv.t(140, y, f"当前位置：首页 > {post['city']} > {post['dist']} > 留言详情", 12, (110, 110, 110))
    y += 28
    cv.box(140, y, 880, y + 2000, fill=WHITE)
    cv.box(900, y, 1140, y + 2000, fill=WHITE)
    x0 = 170
    yy = cv.para(x0, y + 28, post["title"], 22, (30, 30, 30), 680, 1.45, True) + 12
    unit = addressed_unit(rng, post)
    ts, p, comps = ptime(sh)
    cv.box(x0, yy, 850, yy + 64, fill=(247, 247, 247), outline=(230, 230, 230))
    cv.t(x0 + 14, yy + 18, f"留言对象：{unit}", 12, (80, 80, 80), False, "lm")
    cv.t(x0 + 340, yy + 18, f"留言类型：{rng.choice(['投诉', '建议', '咨询', '求助'])}", 12, (80, 80, 80), False, "lm")
    cv.t(x0 + 14, yy + 46, f"留言人：{sh.author}", 12, (80, 80, 80), False, "lm")
    cv.t(x0 + 200, yy + 46, f"留言时间：{ts}", 12, (80, 80, 80), False, "lm")
    cv.t(x0 + 520, yy + 46, f"浏览：{rng.randint(100, 5000)}", 12, (80, 80, 80), False, "lm")
    status = rng.choice(["已回复", "未回复", "办理中"])
    cv.t(840, yy + 46, status, 12, red if status != "已回复" else (30, 140, 70), True, "rm")
    yy += 88
    for para in post["paras"]:
        yy = cv.para(x0, yy, "　　" + para, 15, (40, 40, 40), 680, 1.85) + 8
    body_end = yy
    yy += 10
    cv.box(430, yy, 510, yy + 34, outline=red, r=4)
    cv.t(470, yy + 17, f"支持 {rng.randint(0, 60)}", 12, red, False, "mm")
    cv.box(530, yy, 610, yy + 34, outline=(170, 170, 170), r=4)
    cv.t(570, yy + 17, f"反对 {rng.randint(0, 9)}", 12, (120, 120, 120), False, "mm")
    yy += 60
    if status == "已回复":
        cv.box(x0, yy, 850, yy + 34, fill=(253, 240, 240))
        cv.t(x0 + 14, yy + 17, f"回复单位：{post['dist']}人民政府    回复时间：{other_time(sh, p)}", 12, red, False, "lm")
        yy += 46
        yy = cv.para(x0, yy, fill(rng, rng.choice(OFFICIAL)), 14, (60, 60, 60), 680, 1.8) + 20
    # sidebar
    sy = y + 20
    cv.box(915, sy, 1125, sy + 42, fill=red, r=4)
    cv.t(1020, sy + 21, "我要留言", 16, WHITE, True, "mm")
    sy += 64
    cv.t(915, sy, "最新留言", 15, (30, 30, 30), True)
    cv.line(915, sy + 26, 1125, sy + 26, red, 1.5)
    sy += 38
    for _ in range(9):
        sy = cv.para(915, sy, fill(rng, rng.choice(RELATED)), 12, (60, 60, 60), 210, 1.5, max_lines=1)
        cv.t(915, sy, other_time(sh), 10, (160, 160, 160))
        sy += 26
    end = max(yy, sy) + 20
    std = 720
    show_bar = not sh.long and body_end + 20 < std - 40
    h = std if not sh.long else max(std, end)
    if not show_bar and not sh.long:
        h = max(std, body_end + 30)
    if show_bar:
        taskbar(cv, std - 40, sh.fwd)
    img = cv.crop(h)
    return img, dict(title=post["title"], author=sh.author, posted=(p, comps), addressed_unit=unit, body=body_of(post))


# ---------------------------------------------------------------- 问政湖南 H5 in WeChat browser
def wz_h5_detail(sh: Shot):
    rng, post, th = sh.rng, sh.post, theme(sh.dark)
    cv = Canvas(sh.width, 390, th["bg"])
    y = status_bar(cv, rng, sh.fwd, sh.dark, sh.sb_style, bg=th["soft"] if not sh.dark else (28, 28, 28))
    cv.box(0, y, 390, y + 46, fill=th["soft"] if not sh.dark else (28, 28, 28))
    cv.line(14, y + 16, 28, y + 30, th["fg"], 1.6)
    cv.line(14, y + 30, 28, y + 16, th["fg"], 1.6)
    cv.t(195, y + 23, "问政湖南", 16, th["fg"], True, "mm")
    cv.t(372, y + 23, "···", 18, th["fg"], True, "rm")
    y += 46
    blue = (22, 110, 220)
    cv.box(0, y, 390, y + 110, fill=(20, 95, 200))
    cv.t(20, y + 34, "问政湖南", 22, WHITE, True, "lm")
    cv.t(20, y + 66, "湖南日报·新湖南  政民互动平台", 12, (210, 225, 250), False, "lm")
    y += 126
    typ = rng.choice(["投诉", "求助", "建议", "咨询"])
    cv.box(16, y + 2, 56, y + 24, fill=(255, 120, 40), r=4)
    cv.t(36, y + 13, typ, 12, WHITE, True, "mm")
    lines = cv.wrap(post["title"], 19, 300, True)
    cv.t(64, y, lines[0], 19, th["fg"], True)
    yy = y + 30
    if len(lines) > 1:
        yy = cv.para(16, yy, post["title"][len(lines[0]):], 19, th["fg"], 358, 1.5, True)
    y = yy + 8
    unit = addressed_unit(rng, post)
    ts, p, comps = ptime(sh)
    for k, v in [("问政对象", unit), ("网友", sh.author), ("时间", ts)]:
        cv.t(16, y, k, 13, th["sub"])
        cv.t(92, y, v, 13, blue if k == "问政对象" else th["fg"])
        y += 24
    status = rng.choice(["已回复", "办理中", "已转办"])
    cv.t(374, y - 72, status, 13, (40, 160, 90) if status == "已回复" else (230, 130, 30), True, "ra")
    y += 8
    cv.line(16, y, 374, y, th["line"])
    y += 16
    for para in post["paras"]:
        y = cv.para(16, y, para, 16, th["fg"], 358, 1.75) + 6
    body_end = y
    y += 10
    cv.box(0, y, 390, y + 8, fill=th["card"])
    y += 24
    cv.t(16, y, "办理进度", 15, th["fg"], True)
    y += 32
    steps = ["网友提交留言", f"已转交{post['dist']}办理", f"{post['town']}已受理", "部门已回复"]
    for i, st in enumerate(steps[: rng.randint(2, 4)]):
        cv.circle(24, y + 8, 5, blue if i == 0 else th["sub"])
        cv.t(40, y, st, 13, th["fg"])
        cv.t(40, y + 20, other_time(sh, p), 11, th["sub"])
        y += 48
    if sh.long:
        cv.box(0, y, 390, y + 8, fill=th["card"])
        y += 24
        cv.t(16, y, "网友评论", 15, th["fg"], True)
        y += 30
        for _ in range(5):
            n = rng.choice(NICKS)
            cv.avatar(rng, 30, y + 12, 14, n)
            cv.t(52, y, n, 12, th["sub"])
            y = cv.para(52, y + 20, fill(rng, rng.choice(COMMENTS)), 14, th["fg"], 320) + 4
            cv.t(52, y, other_time(sh, p), 10, th["sub"])
            y += 26
    img, _ = finish(cv, body_end, y + 30, sh)
    return img, dict(title=post["title"], author=sh.author, posted=(p, comps), addressed_unit=unit, body=body_of(post))


# ---------------------------------------------------------------- douyin image-text post
def dy_image_post(sh: Shot):
    rng, post = sh.rng, sh.post
    th = theme(True) if sh.dark else theme(False)
    bg = (22, 24, 35) if sh.dark else WHITE
    cv = Canvas(sh.width, 390, bg)
    y = status_bar(cv, rng, sh.fwd, sh.dark, sh.sb_style)
    cv.t(16, y + 22, "‹", 26, th["fg"], False, "lm")
    cv.avatar(rng, 58, y + 22, 15, sh.author)
    cv.t(80, y + 22, sh.author, 14, th["fg"], True, "lm")
    cv.box(300, y + 8, 350, y + 36, fill=(254, 44, 85), r=4)
    cv.t(325, y + 22, "关注", 13, WHITE, True, "mm")
    cv.t(374, y + 22, "⋯", 18, th["fg"], False, "rm")
    y += 46
    cv.photo(rng, 0, y, 390, y + 390, r=0)
    n_img = rng.randint(2, 6)
    cv.box(340, y + 12, 378, y + 32, fill=(0, 0, 0), r=10)
    cv.t(359, y + 22, f"1/{n_img}", 11, WHITE, False, "mm")
    y += 400
    for i in range(n_img):
        cv.circle(195 - (n_img - 1) * 5 + i * 10, y, 2.5, (254, 44, 85) if i == 0 else th["sub"])
    y += 16
    tags = " ".join(rng.sample(["#民生", "#求助", "#投诉", "#曝光", "#身边事", "#希望有关部门重视"], 3))
    paras = list(post["paras"]) + [tags]
    for para in paras:
        y = cv.para(16, y, para, 15, th["fg"], 358, 1.6) + 4
    body_end = y
    ts, p, comps = ptime(sh)
    cv.t(16, y + 4, f"{ts} · {rng.choice(['湖南', '湖南·' + post['city_short']])}", 12, th["sub"])
    y += 34
    cv.line(16, y, 374, y, th["line"])
    y += 14
    cv.t(16, y, f"共{rng.randint(8, 900)}条评论", 13, th["sub"])
    y += 30
    for _ in range(6 if sh.long else 3):
        n = rng.choice(NICKS)
        cv.avatar(rng, 32, y + 14, 15, n)
        cv.t(56, y, n, 12, th["sub"])
        y = cv.para(56, y + 20, fill(rng, rng.choice(COMMENTS)), 14, th["fg"], 290) + 2
        cv.t(56, y, f"{other_time(sh, p)} · {rng.choice(['湖南', '广东', '湖北'])}  回复", 11, th["sub"])
        cv.t(368, y - 30, "♡", 14, th["sub"], False, "ra")
        y += 30
    img, h = finish(cv, body_end + 60, y + 60, sh)
    from PIL import ImageDraw
    d = ImageDraw.Draw(img)
    s = cv.s
    d.rectangle((0, (h - 52) * s, cv.w, h * s), fill=bg)
    d.rounded_rectangle((14 * s, (h - 44) * s, 200 * s, (h - 12) * s), radius=16 * s, fill=(44, 46, 58) if sh.dark else (242, 242, 242))
    d.text((28 * s, (h - 28) * s), "善语结善缘…", font=cv.f(13), fill=th["sub"], anchor="lm")
    for i, c in enumerate([str(rng.randint(10, 9999)), str(rng.randint(1, 800)), str(rng.randint(1, 500))]):
        d.text(((232 + i * 52) * s, (h - 28) * s), ["♡", "☆", "↗"][i] + c, font=cv.f(12), fill=th["fg"], anchor="lm")
    return img, dict(title=None, author=sh.author, posted=(p, comps), addressed_unit=None, body="".join(paras))


# ---------------------------------------------------------------- weibo search results
def wb_search_feed(sh: Shot):
    rng, post, th = sh.rng, sh.post, theme(sh.dark)
    cv = Canvas(sh.width, 390, th["bg"])
    y = status_bar(cv, rng, sh.fwd, sh.dark, sh.sb_style)
    cv.t(14, y + 22, "‹", 24, th["fg"], False, "lm")
    cv.box(36, y + 6, 330, y + 38, fill=th["soft"] if not sh.dark else (40, 40, 40), r=16)
    kw = post["dist"] + rng.choice(["投诉", "", "求助"])
    cv.t(52, y + 22, kw, 14, th["fg"], False, "lm")
    cv.t(374, y + 22, "取消", 14, th["fg"], False, "rm")
    y += 46
    tabs = ["综合", "实时", "用户", "关注", "视频", "图片", "话题"]
    act = rng.choice([0, 1])
    for i, tname in enumerate(tabs):
        cv.t(22 + i * 52, y + 18, tname, 14, (255, 130, 0) if i == act else th["sub"], i == act, "lm")
    cv.box(22 + act * 52, y + 32, 50 + act * 52, y + 35, fill=(255, 130, 0), r=1)
    y += 44
    cv.box(0, y, 390, y + 8, fill=th["card"])
    y += 8

    def card(y, nick, ts_text, device, paras, vip=False, media=False):
        y += 14
        cv.avatar(rng, 34, y + 20, 20, nick)
        cv.t(64, y + 4, nick, 14, (235, 115, 65) if vip else th["fg"], vip)
        cv.t(64, y + 26, f"{ts_text} 来自 {device}" if device else ts_text, 11, th["sub"])
        cv.line(360, y + 14, 366, y + 20, th["sub"], 1.2)
        cv.line(366, y + 20, 372, y + 14, th["sub"], 1.2)
        y += 54
        for para in paras:
            y = cv.para(14, y, para, 15, th["fg"], 362, 1.6) + 2
        end = y
        if media:
            for i in range(3):
                cv.photo(rng, 14 + i * 122, y + 6, 130 + i * 122, y + 122)
            y += 130
        y += 8
        for i, lab in enumerate([f"转发 {rng.randint(0, 300)}", f"评论 {rng.randint(0, 800)}", f"赞 {rng.randint(1, 5000)}"]):
            cv.t(65 + i * 130, y + 12, lab, 12, th["sub"], False, "mm")
        y += 32
        cv.box(0, y, 390, y + 8, fill=th["card"])
        return end, y + 8

    ts, p, comps = ptime(sh)
    device = rng.choice(["iPhone 15 Pro", "HUAWEI Mate 60", "vivo X100", "OPPO Reno11", "小米14", "微博网页版", None])
    paras = list(post["paras"])
    if rng.random() < 0.5:
        paras[0] = rng.choice(["#湖南民生#", "#身边事#", "#求助#"]) + paras[0]
    body_end, y = card(y, sh.author, ts, device, paras, media=rng.random() < 0.5)
    for _ in range(4 if sh.long else 2):
        media_name = rng.choice([f"{post['city_short']}晚报", "湖南都市频道", "潇湘晨报", rng.choice(NICKS)])
        _, y = card(y, media_name, other_time(sh), rng.choice(["微博视频号", "HUAWEI P60", None]),
                    [fill(rng, rng.choice(RELATED)) + "，" + fill(rng, rng.choice(COMMENTS))], vip=media_name.endswith(("报", "频道")))
    img, _ = finish(cv, body_end, y, sh)
    return img, dict(title=None, author=sh.author, posted=(p, comps), addressed_unit=None, body="".join(paras))


# ---------------------------------------------------------------- WeChat Moments detail
def wx_moments(sh: Shot):
    rng, post, th = sh.rng, sh.post, theme(sh.dark)
    bg = (25, 25, 25) if sh.dark else WHITE
    cv = Canvas(sh.width, 390, bg)
    nav = (25, 25, 25) if sh.dark else (237, 237, 237)
    y = status_bar(cv, rng, sh.fwd, sh.dark, sh.sb_style, bg=nav)
    cv.box(0, y, 390, y + 46, fill=nav)
    cv.t(16, y + 23, "‹", 26, th["fg"], False, "lm")
    cv.t(195, y + 23, "详情", 16, th["fg"], True, "mm")
    cv.t(374, y + 23, "···", 18, th["fg"], True, "rm")
    y += 62
    cv.box(14, y, 56, y + 42, fill=rng.choice([(120, 160, 200), (200, 150, 110), (140, 180, 130)]), r=4)
    link = (87, 107, 149) if not sh.dark else (125, 144, 169)
    cv.t(68, y, sh.author, 16, link, True)
    y += 28
    paras = list(post["paras"])
    for para in paras:
        y = cv.para(68, y, para, 16, th["fg"], 306, 1.6) + 4
    body_end = y
    y += 6
    n = rng.choice([0, 1, 3, 4])
    for i in range(n):
        r, c = divmod(i, 3)
        cv.photo(rng, 68 + c * 88, y + r * 88, 152 + c * 88, y + 84 + r * 88, r=0)
    y += ((n + 2) // 3) * 88 + 6 if n else 0
    ts, p, comps = ptime(sh)
    cv.t(68, y, ts, 12, th["sub"])
    cv.box(340, y - 2, 374, y + 18, fill=th["soft"] if not sh.dark else (45, 45, 45), r=3)
    cv.t(357, y + 8, "··", 14, link, True, "mm")
    y += 28
    cv.box(68, y, 374, y + 8, fill=th["soft"] if not sh.dark else (38, 38, 38))
    likes = rng.sample(NICKS, rng.randint(2, 6))
    nl = len(cv.wrap("♡ " + "，".join(likes), 13, 290))
    cv.box(68, y, 374, y + 14 + nl * 21, fill=th["soft"] if not sh.dark else (38, 38, 38))
    cv.para(76, y + 8, "♡ " + "，".join(likes), 13, link, 290)
    y += 14 + nl * 21
    cv.line(68, y, 374, y, th["line"])
    for _ in range(rng.randint(2, 5) + (3 if sh.long else 0)):
        nk = rng.choice(NICKS)
        txt = fill(rng, rng.choice(COMMENTS))
        h0 = y
        lines = cv.wrap(nk + "：" + txt, 13, 290)
        cv.box(68, y, 374, y + len(lines) * 21 + 8, fill=th["soft"] if not sh.dark else (38, 38, 38))
        cv.t(76, y + 4, nk + "：", 13, link, True)
        x_off = cv.tw(nk + "：", 13, True)
        rest = cv.wrap(txt, 13, 290 - x_off)
        cv.t(76 + x_off, y + 4, rest[0], 13, th["fg"])
        yy = y + 25
        if len(rest) > 1:
            yy = cv.para(76, yy, txt[len(rest[0]):], 13, th["fg"], 290, 1.6)
        y = max(yy, h0 + 25) + 4
    img, _ = finish(cv, body_end, y + 40, sh)
    return img, dict(title=None, author=sh.author, posted=(p, comps), addressed_unit=None, body="".join(paras))


# ---------------------------------------------------------------- WeChat one-to-one chat
def wx_private_chat(sh: Shot):
    rng, post, th = sh.rng, sh.post, theme(sh.dark)
    bg = (17, 17, 17) if sh.dark else (237, 237, 237)
    cv = Canvas(sh.width, 390, bg)
    y = status_bar(cv, rng, sh.fwd, sh.dark, sh.sb_style, bg=bg)
    cv.t(16, y + 23, "‹", 26, th["fg"], False, "lm")
    cv.t(195, y + 23, sh.author, 16, th["fg"], True, "mm")
    cv.t(374, y + 23, "···", 18, th["fg"], True, "rm")
    y += 46
    cv.line(0, y, 390, y, (40, 40, 40) if sh.dark else (215, 215, 215))
    y += 16
    mine_bg = (60, 160, 90) if sh.dark else (149, 236, 105)
    their_bg = (44, 44, 44) if sh.dark else WHITE

    def stamp(y, s):
        cv.t(195, y + 8, s, 11, (140, 140, 140), False, "mm")
        return y + 30

    def bubble(y, text_lines, mine, max_w=250):
        lines = []
        for tl in text_lines:
            lines += cv.wrap(tl, 15, max_w)
        w = max(cv.tw(ln, 15) for ln in lines) + 24
        h = len(lines) * 24 + 18
        if mine:
            cv.box(374 - 40, y, 374, y + 40, fill=(110, 150, 200), r=4)
            cv.box(326 - w, y, 326, y + h, fill=mine_bg, r=5)
            x = 326 - w + 12
        else:
            cv.box(16, y, 56, y + 40, fill=(200, 150, 110), r=4)
            cv.box(64, y, 64 + w, y + h, fill=their_bg, r=5)
            x = 76
        yy = y + 9
        for ln in lines:
            cv.t(x, yy, ln, 15, (20, 20, 20) if mine and not sh.dark else th["fg"])
            yy += 24
        return y + max(h, 40) + 14

    # earlier chatter
    kind = rng.choice(["yesterday", "today_12h", "bare_12h", "weekday", "cn_md", "iso", "before_yesterday"])
    ts, p, comps = make_time(rng, sh.fwd, kind, sh.fullwidth)
    first = p - timedelta(days=rng.randint(7, 40), hours=rng.randint(0, 5))
    y = stamp(y, f"{first.year}年{first.month}月{first.day}日 {first.hour:02d}:{first.minute:02d}" if first.year != sh.fwd.year
              else f"{first.month}月{first.day}日 {first.hour:02d}:{first.minute:02d}")
    y = bubble(y, [rng.choice(["王主任，上次那个事情解决了，谢谢！", "收到，我跟社区讲一下", "周一的会改到下午三点了"])], rng.random() < 0.5)
    y = stamp(y, ts)
    with_title = rng.random() < 0.6
    shown = ([f"【{post['title']}】"] if with_title else []) + list(post["paras"])
    y = bubble(y, shown, False, 260)
    body_end = y
    y = bubble(y, [rng.choice(["麻烦领导看看，群众反映好几次了", "这个是我们那边的", "网上看到的，转给你"])], False)
    y = bubble(y, [rng.choice(["好的，我转给街道", "收到，马上核实", "已转办"])], True)
    # input bar
    img, h = finish(cv, body_end + 60, y + 60, sh)
    from PIL import ImageDraw
    d = ImageDraw.Draw(img)
    s = cv.s
    bar = (30, 30, 30) if sh.dark else (246, 246, 246)
    d.rectangle((0, (h - 56) * s, cv.w, h * s), fill=bar)
    d.rounded_rectangle((48 * s, (h - 46) * s, 300 * s, (h - 12) * s), radius=4 * s, fill=(44, 44, 44) if sh.dark else WHITE)
    d.ellipse((12 * s, (h - 42) * s, 38 * s, (h - 16) * s), outline=th["fg"], width=max(1, round(s)))
    d.ellipse((314 * s, (h - 42) * s, 340 * s, (h - 16) * s), outline=th["fg"], width=max(1, round(s)))
    d.ellipse((350 * s, (h - 42) * s, 376 * s, (h - 16) * s), outline=th["fg"], width=max(1, round(s)))
    return img, dict(title=post["title"] if with_title else None, author=sh.author, posted=(p, comps),
                     addressed_unit=None, body="".join(post["paras"]))


# ---------------------------------------------------------------- Baidu Tieba thread (platform other)
def other_tieba(sh: Shot):
    rng, post, th = sh.rng, sh.post, theme(sh.dark)
    cv = Canvas(sh.width, 390, th["bg"])
    y = status_bar(cv, rng, sh.fwd, sh.dark, sh.sb_style)
    cv.t(16, y + 23, "‹", 26, th["fg"], False, "lm")
    bar = f"{post['city_short']}吧" if rng.random() < 0.6 else f"{post['dist'][:-1] if len(post['dist']) > 2 else post['dist']}吧"
    cv.t(195, y + 23, bar, 16, th["fg"], True, "mm")
    cv.t(374, y + 23, "···", 18, th["fg"], True, "rm")
    y += 56
    y = cv.para(16, y, post["title"], 20, th["fg"], 358, 1.45, True) + 10
    cv.avatar(rng, 34, y + 18, 18, sh.author)
    cv.t(60, y + 2, sh.author, 14, th["fg"], True)
    cv.box(66 + cv.tw(sh.author, 14, True), y + 3, 100 + cv.tw(sh.author, 14, True), y + 19, fill=(56, 121, 255), r=3)
    cv.t(83 + cv.tw(sh.author, 14, True), y + 11, "楼主", 10, WHITE, True, "mm")
    ts, p, comps = ptime(sh)
    cv.t(60, y + 22, f"1楼 · {ts} · IP属地湖南", 11, th["sub"])
    cv.box(310, y + 6, 374, y + 30, outline=(56, 121, 255), r=12)
    cv.t(342, y + 18, "+关注", 12, (56, 121, 255), False, "mm")
    y += 52
    for para in post["paras"]:
        y = cv.para(16, y, para, 16, th["fg"], 358, 1.7) + 6
    body_end = y
    y += 10
    cv.box(0, y, 390, y + 8, fill=th["card"])
    y += 20
    cv.t(16, y, f"全部回复 {rng.randint(3, 200)}", 14, th["fg"], True)
    cv.t(374, y, "只看楼主  正序", 12, th["sub"], False, "ra")
    y += 34
    for fl in range(2, (9 if sh.long else 5)):
        n = rng.choice(NICKS)
        cv.avatar(rng, 34, y + 16, 16, n)
        cv.t(60, y, n, 13, th["fg"])
        cv.t(60, y + 20, f"{fl}楼 · {other_time(sh, p)} · IP属地{rng.choice(['湖南', '广东', '浙江'])}", 10, th["sub"])
        y = cv.para(60, y + 42, fill(rng, rng.choice(COMMENTS)), 15, th["fg"], 314) + 10
        cv.line(60, y, 374, y, th["line"])
        y += 14
    img, _ = finish(cv, body_end, y, sh)
    return img, dict(title=post["title"], author=sh.author, posted=(p, comps), addressed_unit=None, body=body_of(post))


# ---------------------------------------------------------------- weibo.com desktop detail
def wb_pc_detail(sh: Shot):
    rng, post = sh.rng, sh.post
    dark = sh.dark
    bg = (24, 24, 24) if dark else (241, 242, 245)
    card = (37, 37, 37) if dark else WHITE
    fg = (225, 225, 225) if dark else (30, 30, 30)
    sub = (140, 140, 140) if dark else (147, 147, 147)
    cv = Canvas(sh.width, 1280, bg)
    cv.box(0, 0, 1280, 34, fill=(222, 225, 230) if not dark else (40, 40, 44))
    cv.box(10, 6, 240, 34, fill=bg, r=6)
    cv.t(22, 20, "微博正文 - 微博", 11, fg, False, "lm")
    cv.box(0, 34, 1280, 70, fill=bg)
    cv.box(90, 40, 900, 64, fill=card, r=12)
    cv.t(106, 52, f"weibo.com/{rng.randint(10**9, 8 * 10**9)}/P{rng.randint(10**7, 10**8)}", 11, sub, False, "lm")
    y = 70
    cv.box(0, y, 1280, y + 56, fill=card)
    cv.t(150, y + 28, "微博", 22, (255, 130, 0), True, "lm")
    cv.box(240, y + 12, 520, y + 44, fill=bg, r=16)
    cv.t(258, y + 28, "搜索微博", 12, sub, False, "lm")
    for i, n in enumerate(["首页", "视频", "发现", "游戏", "消息", "我"]):
        cv.t(760 + i * 62, y + 28, n, 13, fg, False, "mm")
    y += 72
    # left nav
    for i, n in enumerate(["首页", "热门推荐", "我的收藏", "我的赞", "特别关注", "好友圈"]):
        cv.t(160, y + 20 + i * 40, n, 14, (255, 130, 0) if i == 0 else fg, i == 0)
    x0, x1 = 300, 900
    ts, p, comps = ptime(sh)
    cv.box(x0, y, x1, y + 3000, fill=card, r=6)
    cv.avatar(rng, x0 + 40, y + 40, 22, sh.author)
    cv.t(x0 + 74, y + 22, sh.author, 15, fg, True)
    device = rng.choice(["iPhone客户端", "HUAWEI Mate 60 Pro", "荣耀Magic6", "微博 weibo.com", "Redmi K70"])
    cv.t(x0 + 74, y + 46, f"{ts}  来自 {device}", 12, sub)
    cv.box(x1 - 80, y + 24, x1 - 20, y + 50, outline=(255, 130, 0), r=13)
    cv.t(x1 - 50, y + 37, "+ 关注", 12, (255, 130, 0), False, "mm")
    yy = y + 80
    paras = list(post["paras"])
    if rng.random() < 0.4:
        paras[0] = rng.choice(["#湖南身边事#", "#民生关注#"]) + paras[0]
    for para in paras:
        yy = cv.para(x0 + 24, yy, para, 15, fg, x1 - x0 - 48, 1.7) + 4
    body_end = yy
    if rng.random() < 0.6:
        for i in range(rng.randint(1, 3)):
            cv.photo(rng, x0 + 24 + i * 150, yy + 6, x0 + 164 + i * 150, yy + 146)
        yy += 156
    yy += 10
    cv.line(x0, yy, x1, yy, (50, 50, 50) if dark else (235, 235, 235))
    for i, lab in enumerate([f"转发 {rng.randint(0, 400)}", f"评论 {rng.randint(1, 900)}", f"赞 {rng.randint(1, 9000)}"]):
        cv.t(x0 + 100 + i * 200, yy + 22, lab, 13, sub, False, "mm")
    yy += 44
    cv.line(x0, yy, x1, yy, (50, 50, 50) if dark else (235, 235, 235))
    yy += 14
    cv.box(x0 + 24, yy, x1 - 24, yy + 40, outline=(220, 220, 220) if not dark else (70, 70, 70), r=4)
    cv.t(x0 + 36, yy + 20, "发布你的评论", 12, sub, False, "lm")
    yy += 56
    cv.t(x0 + 24, yy, "按热度   按时间", 12, sub)
    yy += 28
    for _ in range(7 if sh.long else 4):
        n = rng.choice(NICKS)
        cv.avatar(rng, x0 + 40, yy + 14, 14, n)
        w = cv.t(x0 + 62, yy, n + "：", 13, (235, 115, 65))
        cv.t(x0 + 62 + w, yy, fill(rng, rng.choice(COMMENTS)), 13, fg)
        cv.t(x0 + 62, yy + 22, f"{other_time(sh, p)} 来自湖南", 11, sub)
        yy += 52
    # right: 热搜
    cv.box(920, y, 1130, y + 420, fill=card, r=6)
    cv.t(936, y + 16, "微博热搜", 15, fg, True)
    for i in range(10):
        cv.t(936, y + 52 + i * 36, str(i + 1), 13, (255, 80, 60) if i < 3 else (255, 160, 60), True)
        cv.para(958, y + 52 + i * 36, fill(rng, rng.choice(RELATED)), 13, fg, 160, max_lines=1)
    end = max(yy, y + 440) + 20
    std = 720
    show_bar = not sh.long and body_end + 20 < std - 40 and rng.random() < 0.6
    if sh.long:
        h = max(std, end)
    else:
        h = max(std, body_end + 30)
    if show_bar:
        taskbar(cv, std - 40, sh.fwd)
    return cv.crop(h), dict(title=None, author=sh.author, posted=(p, comps), addressed_unit=None, body="".join(paras))


# ---------------------------------------------------------------- 今日头条 微头条 (platform other)
def other_toutiao(sh: Shot):
    rng, post, th = sh.rng, sh.post, theme(sh.dark)
    cv = Canvas(sh.width, 390, th["bg"])
    y = status_bar(cv, rng, sh.fwd, sh.dark, sh.sb_style)
    cv.t(16, y + 23, "‹", 26, th["fg"], False, "lm")
    cv.t(195, y + 23, "微头条", 16, th["fg"], True, "mm")
    cv.t(374, y + 23, "···", 18, th["fg"], True, "rm")
    y += 58
    cv.avatar(rng, 36, y + 20, 20, sh.author)
    cv.t(66, y + 2, sh.author, 15, th["fg"], True)
    ts, p, comps = ptime(sh)
    fans = rng.choice(["", f" · {rng.randint(1, 90)}粉丝", f" · {rng.randint(1, 9)}万粉丝"])
    cv.t(66, y + 26, f"{ts} · {rng.choice(['湖南', '湖南' + post['city_short'] if post['city_short'] != '湘西州' else '湖南'])}{fans}", 11, th["sub"])
    cv.box(314, y + 8, 374, y + 34, fill=(240, 65, 66), r=13)
    cv.t(344, y + 21, "关注", 12, WHITE, True, "mm")
    y += 58
    for para in post["paras"]:
        y = cv.para(16, y, para, 17, th["fg"], 358, 1.7) + 6
    body_end = y
    if rng.random() < 0.6:
        cv.photo(rng, 16, y + 4, 374, y + 210)
        y += 220
    y += 6
    cv.t(16, y, f"{rng.randint(300, 90000)}展现 · {rng.randint(1, 300)}评论", 11, th["sub"])
    y += 30
    cv.box(0, y, 390, y + 8, fill=th["card"])
    y += 22
    cv.t(16, y, f"评论 {rng.randint(5, 300)}", 15, th["fg"], True)
    y += 34
    for _ in range(6 if sh.long else 3):
        n = rng.choice(NICKS)
        cv.avatar(rng, 32, y + 14, 15, n)
        cv.t(56, y, n, 13, (64, 100, 160) if not sh.dark else (140, 170, 220))
        y = cv.para(56, y + 22, fill(rng, rng.choice(COMMENTS)), 15, th["fg"], 310) + 2
        cv.t(56, y, f"{other_time(sh, p)} · 回复", 11, th["sub"])
        y += 32
    img, _ = finish(cv, body_end, y, sh)
    return img, dict(title=None, author=sh.author, posted=(p, comps), addressed_unit=None, body=body_of(post))


LAYOUTS = {
    "hw_app_detail": ("hongwang", hw_app_detail, "phone"),
    "hw_pc_detail": ("hongwang", hw_pc_detail, "desktop"),
    "wz_h5_detail": ("wenzheng_hunan", wz_h5_detail, "phone"),
    "dy_image_post": ("douyin", dy_image_post, "phone"),
    "wb_search_feed": ("weibo", wb_search_feed, "phone"),
    "wx_moments": ("wechat", wx_moments, "phone"),
    "wx_private_chat": ("wechat", wx_private_chat, "phone"),
    "wb_pc_detail": ("weibo", wb_pc_detail, "desktop"),
    "other_tieba": ("other", other_tieba, "phone"),
    "other_toutiao": ("other", other_toutiao, "phone"),
}
