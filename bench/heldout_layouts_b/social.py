"""抖音, 微博, 微信 and 企业微信 layouts."""

from __future__ import annotations

from datetime import timedelta

from .content import COLLEAGUES, DEPT_TAGS, NICKS, OFFICIAL_NICKS, pick_loc, related, replies
from .draw import avatar, back_arrow, bubble_icon, close_x, dots, heart, photo, share_icon
from .shot import Result, Shot, Theme, finish, phone_canvas, phone_height, top
from .timefmt import Stamp, between, chat_time, rel_after

DY_RED = (254, 44, 85)
WB_ORANGE = (255, 130, 0)
LINK = (80, 120, 180)
DY_TAGS = ["#求助", "#民生", "#投诉", "#身边事", "#希望引起重视", "#关注民生"]
WB_TOPICS = ["#民生关注#", "#我要投诉#", "#求助#", "#湖南身边事#"]


def _other(rng, author: str, extra: list[str] = ()) -> str:
    return rng.choice([n for n in NICKS + list(extra) if n != author])


def _nick(shot: Shot) -> str:
    return shot.rng.choice(NICKS)


# 抖音 图文 note (light, white page) -------------------------------------------------------------------
def dy_note(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    th = Theme(shot.dark)
    st = shot.ts(["days", "hours", "yesterday", "md_short", "minutes", "md_dash", "ymd", "days"])
    author = _nick(shot)
    show_title = rng.random() < 0.6
    tags = " ".join(rng.sample(DY_TAGS, rng.randint(1, 3)))
    body_paras = list(post.paragraphs) + [tags]
    cv = phone_canvas(shot, th.bg)
    y = top(cv, shot, th.fg, th.bg)
    back_arrow(cv, 14, y + 24, 16, th.fg)
    avatar(cv, 52, y + 24, 15, author)
    cv.text(74, y + 24, author, 15, th.fg, bold=True, anchor="lm")
    cv.rect(262, y + 11, 316, y + 37, fill=DY_RED, r=13)
    cv.text(289, y + 24, "关注", 13.5, (255, 255, 255), anchor="mm")
    share_icon(cv, 348, y + 24, 14, th.fg)
    y += 48
    ph = rng.choice([300, 360, 420])
    photo(cv, 0, y, 375, y + ph, rng)
    n = rng.randint(2, 6)
    cv.rect(318, y + 12, 362, y + 34, fill=(0, 0, 0), r=11)
    cv.text(340, y + 23, f"1/{n}", 12, (255, 255, 255), anchor="mm")
    y += ph + 12
    for i in range(n):
        cv.circle(187.5 + (i - (n - 1) / 2) * 10, y, 3, fill=DY_RED if i == 0 else (200, 200, 200))
    y += 16
    title = None
    if show_title:
        title = post.title
        y = cv.para(16, y, title, 18, th.fg, 343, lh=1.45, bold=True) + 6
    for i, para in enumerate(body_paras):
        col = LINK if i == len(body_paras) - 1 else th.fg
        y = cv.para(16, y, para, 15.5, col, 343, lh=1.65) + 4
    body_end = y
    cv.text(16, y + 8, f"{st.text} · 湖南" if rng.random() < 0.7 else f"编辑于 {st.text}", 12.5, th.fg2,
            anchor="lm")
    y += 30
    cv.line(16, y, 359, y, th.line)
    y += 16
    nc = rng.randint(4, 600)
    cv.text(16, y, f"共 {nc} 条评论", 14, th.fg2)
    y += 30
    for r in replies(rng, post, 3):
        nick = _other(rng, author)
        avatar(cv, 30, y + 14, 14, nick)
        cv.text(52, y + 6, nick, 13, th.fg2, anchor="lm")
        y = cv.para(52, y + 20, r, 15, th.fg, 270, lh=1.55)
        cv.text(52, y + 6, f"{rel_after(rng, st.at, shot.fwd)} · {rng.choice(['湖南', '广东', '湖北'])}  回复",
                12, th.fg2, anchor="lm")
        heart(cv, 352, y - 20, 14, outline=th.fg2)
        cv.text(352, y, str(rng.randint(0, 99)), 11, th.fg2, anchor="ma")
        y += 28
    bar = 54
    H = phone_height(shot, body_end, y, bar)
    cv.rect(0, H - bar, 375, H, fill=th.bg)
    cv.line(0, H - bar, 375, H - bar, th.line)
    cv.rect(14, H - bar + 10, 190, H - bar + 42, fill=th.bg2, r=16)
    cv.text(30, H - bar + 26, "说点什么...", 13.5, th.fg2, anchor="lm")
    heart(cv, 218, H - bar + 22, 18, outline=th.fg)
    cv.text(236, H - bar + 26, str(rng.randint(10, 5000)), 12, th.fg, anchor="lm")
    bubble_icon(cv, 290, H - bar + 24, 16, th.fg)
    cv.text(302, H - bar + 26, str(nc), 12, th.fg, anchor="lm")
    cv.text(340, H - bar + 26, "☆", 18, th.fg, anchor="mm")
    return Result(finish(cv, shot, H, th.fg), title, author, st, "".join(body_paras), None)


# 抖音 comment reply detail (楼中楼): the citizen's comment heads the sheet ------------------------------
def dy_reply_detail(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    th = Theme(shot.dark)
    st = shot.ts(["hours", "days", "minutes", "yesterday", "md_short", "just_now", "half_hour", "md_dash"])
    author = _nick(shot)
    cv = phone_canvas(shot, (0, 0, 0))
    vid_h = 170
    photo(cv, 0, 0, 375, vid_h + 20, rng)
    cv.rect(0, 0, 375, vid_h + 20, fill=None)
    y = top(cv, shot, (255, 255, 255), None)
    acct = rng.choice(OFFICIAL_NICKS)
    cv.text(14, vid_h - 40, f"@{acct}", 14, (255, 255, 255), bold=True)
    cv.text(14, vid_h - 18, f"{related(rng, post, 1)[0][:16]}…", 13, (240, 240, 240))
    sheet = vid_h + 10
    cv.rect(0, sheet, 375, 2600, fill=th.bg, r=12)
    y = sheet
    back_arrow(cv, 16, y + 24, 12, th.fg)
    nrep = rng.randint(3, 60)
    cv.text(187.5, y + 24, f"{nrep}条回复", 14.5, th.fg, bold=True, anchor="mm")
    close_x(cv, 352, y + 24, 12, th.fg, 1.6)
    y += 50
    avatar(cv, 32, y + 18, 18, author)
    cv.text(60, y + 8, author, 13.5, th.fg2, anchor="lm")
    text = post.body
    y = cv.para(60, y + 22, text, 15.5, th.fg, 270, lh=1.6)
    body_end = y
    cv.text(60, y + 8, f"{st.text} · 湖南", 12, th.fg2, anchor="lm")
    cv.text(60 + cv.tw(f"{st.text} · 湖南", 12) + 14, y + 8, "回复", 12, th.fg2, anchor="lm")
    heart(cv, 352, body_end - 60 if body_end - 60 > sheet + 60 else sheet + 80, 15, fill=DY_RED)
    y += 30
    cv.line(60, y, 359, y, th.line)
    y += 14
    for i, r in enumerate(replies(rng, post, 4)):
        nick = acct if i == 0 and rng.random() < 0.5 else _other(rng, author)
        avatar(cv, 74, y + 12, 12, nick)
        w = cv.text(94, y + 5, nick, 12.5, th.fg2, anchor="lm")
        if nick == acct:
            cv.rect(100 + w, y - 2, 128 + w, y + 12, fill=(255, 230, 236) if not shot.dark else (80, 30, 40), r=3)
            cv.text(114 + w, y + 5, "作者", 10, DY_RED, anchor="mm")
        txt = r if rng.random() < 0.6 else f"回复 @{author}：{r}"
        y = cv.para(94, y + 18, txt, 14.5, th.fg, 236, lh=1.55)
        cv.text(94, y + 6, f"{rel_after(rng, st.at, shot.fwd)} · 湖南", 11.5, th.fg2, anchor="lm")
        heart(cv, 352, y - 16, 12, outline=th.fg2)
        y += 26
    cv.text(94, y + 4, "—— 展开更多回复", 12.5, th.fg2, anchor="lm")
    y += 28
    bar = 52
    H = phone_height(shot, body_end, y, bar)
    cv.rect(0, H - bar, 375, H, fill=th.bg)
    cv.line(0, H - bar, 375, H - bar, th.line)
    cv.text(16, H - bar + 24, f"回复 @{author}", 14, th.fg2, anchor="lm")
    cv.text(300, H - bar + 24, "@", 18, th.fg, anchor="mm")
    cv.circle(340, H - bar + 24, 9, outline=th.fg, width=1.4)
    return Result(finish(cv, shot, H, th.fg), None, author, st, text, None)


# 微博 comment detail: original weibo quoted at the top, the citizen's comment is the main item --------
def wb_comment_detail(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    th = Theme(shot.dark)
    st = shot.ts(["md_dash_nz", "yy", "today", "yesterday", "minutes", "hours", "md_dash_nz", "just_now"])
    author = _nick(shot)
    cv = phone_canvas(shot, th.bg)
    y = top(cv, shot, th.fg, th.bg)
    back_arrow(cv, 14, y + 22, 16, th.fg)
    cv.text(187.5, y + 22, "评论详情", 17, th.fg, bold=True, anchor="mm")
    dots(cv, 350, y + 22, th.fg, r=2, gap=5.5)
    y += 44
    acct = rng.choice(OFFICIAL_NICKS)
    off = pick_loc(rng, exclude_city=post.loc.city)
    ot = between(rng, st.at - timedelta(days=2), st.at, 0.2, 0.9)
    cv.rect(12, y + 6, 363, y + 70, fill=th.bg2, r=6)
    avatar(cv, 44, y + 38, 22, acct, square=True)
    cv.text(76, y + 22, f"@{acct}", 14, th.fg, bold=True, anchor="lm")
    quote = (f"【{off.county}{rng.choice(['发布通告', '一周民生', '便民提醒'])}】"
             f"{ot.month}月{ot.day}日起，{off.road}部分路段将封闭施工，请市民绕行。")
    cv.text(76, y + 46, cv.wrap(quote, 13, 262)[0] + "…", 13, th.fg2, anchor="lm")
    y += 86
    avatar(cv, 34, y + 20, 20, author)
    cv.text(64, y + 10, author, 15, WB_ORANGE if rng.random() < 0.3 else th.fg, bold=True, anchor="lm")
    likes = rng.randint(0, 500)
    heart(cv, 326, y + 12, 14, outline=th.fg2)
    cv.text(338, y + 12, str(likes), 12, th.fg2, anchor="lm")
    y = cv.para(64, y + 32, post.body, 16, th.fg, 295, lh=1.65)
    body_end = y
    cv.text(64, y + 8, f"{st.text} 来自湖南", 12.5, th.fg2, anchor="lm")
    y += 36
    cv.rect(0, y, 375, y + 8, fill=th.bg2)
    y += 20
    nrep = rng.randint(3, 80)
    cv.text(16, y, f"全部回复 {nrep}", 15, th.fg, bold=True)
    cv.text(359, y, "按热度", 13, th.fg2, anchor="ra")
    y += 34
    for r in replies(rng, post, 4):
        nick = _other(rng, author, OFFICIAL_NICKS)
        avatar(cv, 34, y + 14, 16, nick)
        cv.text(60, y + 6, nick, 13.5, LINK, anchor="lm")
        y = cv.para(60, y + 22, r, 15, th.fg, 290, lh=1.55)
        cv.text(60, y + 6, f"{rel_after(rng, st.at, shot.fwd, 'weibo')} 来自{rng.choice(['湖南', '广东', '北京'])}",
                12, th.fg2, anchor="lm")
        y += 30
    bar = 50
    H = phone_height(shot, body_end, y, bar)
    cv.rect(0, H - bar, 375, H, fill=th.bg)
    cv.line(0, H - bar, 375, H - bar, th.line)
    cv.rect(14, H - bar + 9, 280, H - bar + 39, fill=th.bg2, r=15)
    cv.text(28, H - bar + 24, f"回复 @{author}", 13.5, th.fg2, anchor="lm")
    heart(cv, 320, H - bar + 22, 16, outline=th.fg)
    share_icon(cv, 352, H - bar + 24, 13, th.fg)
    return Result(finish(cv, shot, H, th.fg), None, author, st, post.body, None)


# 微博 lite (极速版 / 国际版 style) post detail --------------------------------------------------------
def wb_lite(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    th = Theme(shot.dark)
    st = shot.ts(["minutes", "hours", "today", "yesterday", "md_cn", "cn", "half_hour", "before_yesterday", "yy"])
    author = _nick(shot)
    topic = rng.choice(WB_TOPICS) if rng.random() < 0.6 else ""
    paras = list(post.paragraphs)
    if topic:
        paras[0] = topic + paras[0]
    cv = phone_canvas(shot, th.bg)
    y = top(cv, shot, th.fg, th.bg)
    back_arrow(cv, 14, y + 22, 16, th.fg)
    cv.text(187.5, y + 22, rng.choice(["微博正文", "正文"]), 17, th.fg, bold=True, anchor="mm")
    dots(cv, 350, y + 22, th.fg, r=2, gap=5.5)
    y += 44
    cv.line(0, y, 375, y, th.line)
    y += 12
    avatar(cv, 36, y + 22, 21, author)
    cv.text(66, y + 12, author, 16, WB_ORANGE if rng.random() < 0.4 else th.fg, bold=True, anchor="lm")
    src = rng.choice(["微博极速版", "微博国际版", "iPhone客户端", "HUAWEI Mate 60", "OPPO Reno"])
    cv.text(66, y + 34, f"{st.text}  来自 {src}", 12, th.fg2, anchor="lm")
    cv.rect(292, y + 9, 360, y + 35, outline=WB_ORANGE, r=13, width=1)
    cv.text(326, y + 22, "+ 关注", 13, WB_ORANGE, anchor="mm")
    y += 56
    for i, para in enumerate(paras):
        if i == 0 and topic:
            lines = cv.wrap(para, 16.5, 343)
            first = lines[0]
            cv.text(16, y, topic, 16.5, LINK)
            cv.text(16 + cv.tw(topic, 16.5), y, first[len(topic):], 16.5, th.fg)
            y += 16.5 * 1.7
            rest = "".join(lines[1:])
            if rest:
                for line in lines[1:]:
                    cv.text(16, y, line, 16.5, th.fg)
                    y += 16.5 * 1.7
            y += 6
        else:
            y = cv.para(16, y, para, 16.5, th.fg, 343, lh=1.7) + 6
    body_end = y
    n = rng.choice([0, 1, 2, 3])
    for i in range(n):
        photo(cv, 16 + i * 116, y + 4, 127 + i * 116, y + 115, rng)
    y += 125 if n else 4
    cv.rect(0, y, 375, y + 8, fill=th.bg2)
    y += 8
    counts = [rng.randint(0, 200), rng.randint(3, 300), rng.randint(5, 2000)]
    for i, lab in enumerate(["转发", "评论", "赞"]):
        x = 24 + i * 80 if i < 2 else 300
        cv.text(x, y + 22, f"{lab} {counts[i]}", 14, th.fg if i == 1 else th.fg2, bold=i == 1, anchor="lm")
    cv.rect(24, y + 38, 52, y + 41, fill=WB_ORANGE)
    y += 50
    for r in replies(rng, post, 3):
        nick = _other(rng, author)
        avatar(cv, 32, y + 14, 15, nick)
        cv.text(56, y + 6, nick, 13.5, LINK, anchor="lm")
        y = cv.para(56, y + 22, r, 15, th.fg, 290, lh=1.55)
        cv.text(56, y + 6, rel_after(rng, st.at, shot.fwd, "weibo"), 12, th.fg2, anchor="lm")
        y += 30
    bar = 48
    H = phone_height(shot, body_end, y, bar)
    cv.rect(0, H - bar, 375, H, fill=th.bg)
    cv.line(0, H - bar, 375, H - bar, th.line)
    for i, lab in enumerate(["转发", "评论", "赞"]):
        cv.text(62 + i * 125, H - bar / 2, lab, 14, th.fg, anchor="mm")
    return Result(finish(cv, shot, H, th.fg), None, author, st, "".join(paras), None)


# 微信 merged-forward chat history (「群聊的聊天记录」) ------------------------------------------------
def _paste(shot: Shot) -> tuple[str | None, str]:
    """The pasted post: optional 【title】 line, then paragraphs on their own lines."""
    post = shot.post
    title = post.title if shot.rng.random() < 0.55 else None
    text = "\n".join(post.paragraphs)
    return title, (f"【{title}】\n" if title else "") + text


def wx_merged_history(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    th = Theme(shot.dark)
    head_bg = (17, 17, 17) if shot.dark else (237, 237, 237)
    members = rng.sample(COLLEAGUES, 3)
    author = members[1]
    # times: post on day d at hh:mm; separators show dates
    d_days = rng.choice([0, 1, 2, 3, 5, 9])
    posted = (shot.fwd - timedelta(days=d_days)).replace(hour=rng.randint(7, 22), minute=rng.randrange(60),
                                                           second=0, microsecond=0)
    if posted > shot.fwd:
        posted = (shot.fwd - timedelta(minutes=rng.randint(20, 300))).replace(second=0, microsecond=0)
        if posted.date() != shot.fwd.date():
            posted = shot.fwd.replace(hour=0, minute=1)
    sep_fmt = shot.k % 3
    date_txt = [f"{posted.year}年{posted.month}月{posted.day}日", f"{posted.year}-{posted.month:02d}-{posted.day:02d}",
                f"{posted.year}/{posted.month}/{posted.day}"][sep_fmt]
    st = Stamp(f"{date_txt} {posted.hour:02d}:{posted.minute:02d}", posted, ["date", "hour", "minute"])
    title, paste = _paste(shot)
    cv = phone_canvas(shot, th.bg)
    y = top(cv, shot, th.fg, head_bg)
    cv.rect(0, y, 375, y + 44, fill=head_bg)
    back_arrow(cv, 14, y + 22, 16, th.fg)
    head = rng.choice(["群聊的聊天记录", f"{members[0]}和{members[1]}的聊天记录"])
    cv.text(187.5, y + 22, head, 16.5, th.fg, bold=True, anchor="mm")
    dots(cv, 350, y + 22, th.fg, r=2, gap=5.5)
    y += 44 + 14
    cv.line(60, y + 9, 130, y + 9, th.line)
    cv.line(245, y + 9, 315, y + 9, th.line)
    cv.text(187.5, y + 9, date_txt, 12.5, th.fg2, anchor="mm")
    y += 30
    before = posted - timedelta(minutes=rng.randint(2, 40))
    if before.date() != posted.date():
        before = posted
    msgs = [(members[0], before, rng.choice([f"各位，{rng.choice(['红网', '问政湖南', '抖音'])}上又有一条反映的，看一下是不是我们这边的",
                                                "刚在网上看到的，大家看看", "这条今天要处理"])),
            (author, posted, paste),
            (members[2], posted + timedelta(minutes=rng.randint(1, 30)),
             rng.choice([f"收到，我马上联系{post.loc.town}核实", "已转给分管领导", "明天上午安排人去现场"]))]
    body_end = 0
    for name, t, text in msgs:
        if t > shot.fwd:
            t = shot.fwd
        avatar(cv, 32, y + 18, 18, name, square=True)
        cv.text(60, y + 8, name, 13, th.fg2, anchor="lm")
        cv.text(359, y + 8, f"{t.hour:02d}:{t.minute:02d}", 12, th.fg2, anchor="rm")
        yy = y + 26
        for i, part in enumerate(text.split("\n")):
            yy = cv.para(60, yy, part, 15.5, th.fg, 295, lh=1.6) + (4 if i else 2)
        if name == author and text == paste:
            body_end = yy
        y = yy + 10
        cv.line(60, y, 375, y, th.line)
        y += 14
    H = phone_height(shot, body_end, y, 0)
    return Result(finish(cv, shot, H, th.fg), title, author, st, post.body, None)


# 企业微信 group chat where a colleague pasted the post ---------------------------------------------
def wecom_chat(shot: Shot) -> Result:
    rng, post = shot.rng, shot.post
    st = shot.ts(["yesterday", "yesterday_ampm", "weekday", "clock_only", "md_cn", "md_cn_ampm"])
    bg = (242, 243, 245)
    cv = phone_canvas(shot, bg)
    y = top(cv, shot, (0, 0, 0), (255, 255, 255))
    cv.rect(0, y, 375, y + 46, fill=(255, 255, 255))
    back_arrow(cv, 14, y + 23, 14, (30, 30, 30))
    cv.text(32, y + 23, str(rng.randint(2, 99)), 13, (30, 30, 30), anchor="lm")
    group = rng.choice([f"{post.loc.county}网络舆情处置群", f"{post.loc.county}信访值班群", "12345工单流转群",
                        f"{post.loc.town}工作群"])
    n = rng.randint(8, 60)
    cv.text(187.5, y + 23, f"{group}({n})", 16, (20, 20, 20), bold=True, anchor="mm")
    cv.circle(350, y + 19, 5, outline=(30, 30, 30), width=1.5)
    cv.d.arc((cv.p(342), cv.p(y + 24), cv.p(358), cv.p(y + 40)), 180, 360, fill=(30, 30, 30), width=cv.p(1.5))
    y += 46
    cv.line(0, y, 375, y, (225, 225, 228))
    y += 12
    sender = rng.choice(COLLEAGUES)
    tag = rng.choice(DEPT_TAGS)
    me = "我"
    title, paste = _paste(shot)

    def sep(y, txt):
        cv.text(187.5, y + 10, txt, 12, (150, 150, 155), anchor="mm")
        return y + 30

    def left(y, name, text, sub=None):
        avatar(cv, 30, y + 18, 18, name, square=True)
        w = cv.text(58, y + 6, name, 12, (130, 130, 135), anchor="lm")
        if sub:
            cv.text(62 + w, y + 6, sub, 11, (16, 150, 90) if sub == "@微信" else (120, 140, 170), anchor="lm")
        parts = text.split("\n")
        lines = []
        for p in parts:
            lines += cv.wrap(p, 15.5, 240)
        wmax = max(cv.tw(line, 15.5) for line in lines)
        h = len(lines) * 15.5 * 1.55 + 18
        cv.rect(58, y + 16, 58 + wmax + 24, y + 16 + h, fill=(255, 255, 255), r=6)
        yy = y + 25
        for line in lines:
            cv.text(70, yy, line, 15.5, (25, 25, 25))
            yy += 15.5 * 1.55
        return y + 16 + h + 14

    def right(y, text, read):
        lines = cv.wrap(text, 15.5, 230)
        wmax = max(cv.tw(line, 15.5) for line in lines)
        h = len(lines) * 15.5 * 1.55 + 18
        avatar(cv, 345, y + 18, 18, me + "值", square=True)
        cv.rect(321 - wmax - 24, y, 321, y + h, fill=(202, 224, 255), r=6)
        yy = y + 9
        for line in lines:
            cv.text(309 - wmax, yy, line, 15.5, (25, 25, 25))
            yy += 15.5 * 1.55
        cv.text(321, y + h + 10, read, 11, (90, 140, 230) if read != "已读" else (150, 150, 155), anchor="rm")
        return y + h + 26

    earlier = st.at - timedelta(hours=rng.randint(20, 60))
    y = sep(y, chat_time(earlier, shot.fwd))
    y = left(y, rng.choice([c for c in COLLEAGUES if c != sender]), rng.choice(
        ["今天的舆情日报已发群文件，请各单位查收", "请各乡镇街道今天下班前报送本周信访台账", "收到请回复"]))
    y = right(y, "收到", f"{rng.randint(2, 9)}人未读")
    y = sep(y, st.text)
    y = left(y, sender, rng.choice(["网上有网友反映：", "这条请相关单位核实一下", "转一条网友留言"]), tag)
    y = left(y, sender, paste, "@微信" if rng.random() < 0.3 else tag)
    body_end = y
    later = between(rng, st.at, shot.fwd, 0.3, 1.0)
    if later > st.at + timedelta(minutes=5):
        y = sep(y, chat_time(later, shot.fwd))
    y = right(y, rng.choice([f"已转{post.loc.town}，要求今天反馈", "收到，马上核实", "好的，我联系一下"]),
              rng.choice(["已读", "全部已读", f"{rng.randint(1, 5)}人未读"]))
    bar = 56
    H = phone_height(shot, body_end, y, bar)
    cv.rect(0, H - bar, 375, H, fill=(248, 248, 248))
    cv.line(0, H - bar, 375, H - bar, (220, 220, 220))
    cv.circle(24, H - bar + 26, 12, outline=(60, 60, 60), width=1.4)
    cv.rect(44, H - bar + 10, 290, H - bar + 42, fill=(255, 255, 255), r=5)
    cv.circle(310, H - bar + 26, 12, outline=(60, 60, 60), width=1.4)
    cv.circle(345, H - bar + 26, 12, outline=(60, 60, 60), width=1.4)
    cv.text(345, H - bar + 26, "+", 18, (60, 60, 60), anchor="mm")
    return Result(finish(cv, shot, H, (0, 0, 0)), title, sender, st, post.body, None)
