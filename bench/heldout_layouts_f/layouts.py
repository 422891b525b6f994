"""The ten family-f layouts. Each takes (rng, post, fwd, th) and returns (image, fields, desktop)."""
from datetime import timedelta

from . import content as C
from .draw import DARK, Canvas, browser, status_bar
from .timefmt import ampm, chat_stamp, distractor_time, web_stamp

BIG = 3600


def _pick(rng, seq, k):
    return rng.sample(list(seq), k)


def _desktop_size(rng):
    w = rng.choice([1280, 1366, 1440, 1536, 1600, 1920, 1920])
    h = {1280: 800, 1366: 768, 1440: 900, 1536: 864, 1600: 900, 1920: 1080}[w]
    s = 1.25 if (w == 1920 and rng.random() < 0.4) else 1.0
    return w, h, s


def _fields(title, author, posted, comps, body, unit=None):
    return dict(title=title, author=author, posted=posted, comps=comps, addressed_unit=unit, body=body)


def _post_lines(post, with_title):
    lines = ([f"【{post['title']}】"] if with_title else []) + list(post["paras"])
    return lines


# ---------------------------------------------------------------- 1 WeChat PC
def wx_pc(rng, post, fwd, th):
    W, H, s = _desktop_size(rng)
    c = Canvas(W, BIG, th["page"])
    dark = th["dark"]
    left, listw = 56 * s, 250 * s
    c.rect([0, 0, left, BIG], fill="#2e2e2e" if not dark else "#191919")
    c.avatar(12 * s, 30 * s, 32 * s, 3)
    for i in range(5):
        c.rect([18 * s, (100 + 50 * i) * s, 38 * s, (120 + 50 * i) * s], outline="#9a9a9a", r=int(4 * s), width=2)
    lbg = "#e9e9e9" if not dark else "#1f1f1f"
    c.rect([left, 0, left + listw, BIG], fill=lbg)
    c.rect([left + 12 * s, 22 * s, left + listw - 44 * s, 48 * s], fill="#dcdcdc" if not dark else "#2a2a2a", r=int(4 * s))
    c.text(left + 24 * s, 35 * s, "搜索", 12 * s, th["sub"], anchor="lm")
    c.text(left + listw - 24 * s, 35 * s, "+", 18 * s, th["sub"], anchor="mm")
    group = rng.choice(C.GROUPS)
    names = [group] + _pick(rng, C.GROUPS + C.NICKS, 14)
    y = 64 * s
    for i, n in enumerate(names):
        if n == group and i:
            continue
        if i == 0:
            c.rect([left, y, left + listw, y + 64 * s], fill="#c9c9c9" if not dark else "#2e2e2e")
        c.avatar(left + 12 * s, y + 12 * s, 40 * s, i + 1)
        c.text(left + 62 * s, y + 22 * s, n[:10], 13 * s, th["text"], anchor="lm")
        last = rng.choice(C.CHATTER + C.DISTRACT_TITLES)
        c.text(left + 62 * s, y + 44 * s, last[:13], 11.5 * s, th["sub"], anchor="lm")
        c.text(left + listw - 10 * s, y + 22 * s, rng.choice(["昨天", "星期一", "10:21", "9:05", "25/3/2", "星期四"]),
               10.5 * s, th["sub"], anchor="rm")
        y += 64 * s
    x0 = left + listw
    cw = W - x0
    c.rect([x0, 0, W, 60 * s], fill=th["page"])
    nmem = rng.randint(30, 480)
    c.text(x0 + 24 * s, 30 * s, f"{group}({nmem})", 16 * s, th["text"], anchor="lm")
    c.text(W - 30 * s, 30 * s, "···", 16 * s, th["text"], anchor="mm")
    c.line(x0, 60 * s, W, 60 * s, th["line"])
    y = 80 * s
    px = 14 * s
    bw = cw * 0.62

    def bubble(y, nick, lines, seed, mine=False):
        wid = min(bw, max(c.tw(l, px) for l in lines) + 24 * s)
        wrapped = [w for l in lines for w in c.wrap(l, px, wid - 24 * s)]
        hh = len(wrapped) * px * 1.55 + 18 * s
        if mine:
            ax = W - 56 * s
            c.avatar(ax, y, 36 * s, seed)
            bx = ax - 12 * s - wid
            c.rect([bx, y, bx + wid, y + hh], fill=th["mine"], r=int(5 * s))
            yy = y + 9 * s
            for w in wrapped:
                c.text(bx + 12 * s, yy, w, px, "#111111"); yy += px * 1.55
            return y + hh + 18 * s
        c.avatar(x0 + 20 * s, y, 36 * s, seed)
        c.text(x0 + 68 * s, y, nick, 11.5 * s, th["sub"])
        by = y + 20 * s
        c.rect([x0 + 68 * s, by, x0 + 68 * s + wid, by + hh], fill=th["bubble"], r=int(5 * s))
        yy = by + 9 * s
        for w in wrapped:
            c.text(x0 + 80 * s, yy, w, px, th["text"]); yy += px * 1.55
        return by + hh + 18 * s

    def stamp(y, sstr):
        c.text(x0 + cw / 2, y + 8 * s, sstr, 11.5 * s, th["sub"], anchor="mm")
        return y + 28 * s

    posted, ps, comps = chat_stamp(rng, fwd, "pc")
    if rng.random() < 0.7:
        early = posted - timedelta(days=rng.randint(1, 3))
        y = stamp(y, f"{early.month}月{early.day}日 {early.hour:02d}:{early.minute:02d}")
        for _ in range(rng.randint(1, 2)):
            y = bubble(y, rng.choice(C.NICKS), [rng.choice(C.CHATTER)], rng.randrange(9))
    y = stamp(y, ps)
    with_title = rng.random() < 0.6
    nick = post["nick"]
    y = bubble(y, nick, _post_lines(post, with_title), 5)
    for _ in range(rng.randint(1, 2)):
        y = bubble(y, rng.choice(C.NICKS), [rng.choice(C.CHATTER)], rng.randrange(9), mine=rng.random() < 0.3)
    used = y + 150 * s
    Htot = max(H, used)
    c.line(x0, Htot - 150 * s, W, Htot - 150 * s, th["line"])
    c.rect([x0, Htot - 149 * s, W, BIG], fill=th["page"])
    for i, g in enumerate(["○", "■", "✂", "□"]):
        c.text(x0 + (24 + 34 * i) * s, Htot - 130 * s, g, 15 * s, th["sub"], anchor="mm")
    c.rect([W - 100 * s, Htot - 44 * s, W - 20 * s, Htot - 16 * s], fill=th["line"], r=int(4 * s))
    c.text(W - 60 * s, Htot - 30 * s, "发送(S)", 12 * s, "#07c160", anchor="mm")
    title = post["title"] if with_title else None
    return c, Htot, s, _fields(title, nick, posted, comps, "".join(post["paras"]))


# ---------------------------------------------------------------- 2 QQ phone group chat
def qq_phone(rng, post, fwd, th):
    W = rng.choice([720, 750, 828, 1080, 1170, 1242])
    s = W / 390
    c = Canvas(W, BIG, "#f2f3f5" if not th["dark"] else "#111111")
    bar = 44 * s
    c.rect([0, 0, W, bar + 52 * s], fill="#f2f3f5" if not th["dark"] else "#1a1a1a")
    status_bar(c, 0, bar, fwd, th, s)
    group = rng.choice(C.GROUPS)
    c.text(16 * s, bar + 26 * s, "<", 20 * s, th["text"], anchor="lm")
    c.text(W / 2, bar + 26 * s, f"{group}({rng.randint(40, 1999)})", 16 * s, th["text"], bold=True, anchor="mm")
    c.text(W - 22 * s, bar + 26 * s, "≡", 20 * s, th["text"], anchor="mm")
    y = bar + 64 * s
    px = 15 * s
    bw = W * 0.66
    badge_cols = {"群主": "#f5a623", "管理员": "#27c281"}

    def msg(y, nick, lines, seed, role=None):
        lvl = f"LV{rng.randint(1, 99)}"
        c.avatar(12 * s, y, 38 * s, seed, r=int(19 * s))
        x = 58 * s
        for b, col in ([(lvl, "#7b9bd6")] + ([(role, badge_cols[role])] if role else [])):
            bw_ = c.tw(b, 9.5 * s) + 8 * s
            c.rect([x, y + 2 * s, x + bw_, y + 15 * s], fill=col, r=int(3 * s))
            c.text(x + 4 * s, y + 8.5 * s, b, 9.5 * s, "#ffffff", anchor="lm")
            x += bw_ + 4 * s
        c.text(x + 2 * s, y + 8.5 * s, nick, 12 * s, th["sub"], anchor="lm")
        by = y + 22 * s
        wid = min(bw, max(c.tw(l, px) for l in lines) + 26 * s)
        wrapped = [w for l in lines for w in c.wrap(l, px, wid - 26 * s)]
        hh = len(wrapped) * px * 1.5 + 20 * s
        c.rect([58 * s, by, 58 * s + wid, by + hh], fill=th["bubble"], r=int(12 * s))
        yy = by + 10 * s
        for w in wrapped:
            c.text(71 * s, yy, w, px, th["text"]); yy += px * 1.5
        return by + hh + 16 * s

    def stamp(y, t):
        c.text(W / 2, y + 8 * s, t, 11.5 * s, th["sub"], anchor="mm")
        return y + 28 * s

    posted, ps, comps = chat_stamp(rng, fwd, "phone")
    if rng.random() < 0.7:
        early = posted - timedelta(days=rng.randint(1, 3))
        p_, h_ = ampm(early.hour)
        y = stamp(y, f"{early.month}月{early.day}日 {p_}{h_}:{early.minute:02d}")
        for _ in range(rng.randint(1, 3)):
            y = msg(y, rng.choice(C.NICKS), [rng.choice(C.CHATTER)], rng.randrange(9), rng.choice([None, "管理员"]))
    y = stamp(y, ps)
    role = rng.choice([None, None, "群主", "管理员"])
    with_title = rng.random() < 0.5
    y = msg(y, post["nick"], _post_lines(post, with_title), 4, role)
    for _ in range(rng.randint(2, 4)):
        y = msg(y, rng.choice(C.NICKS), [rng.choice(C.CHATTER)], rng.randrange(9), rng.choice([None, None, "管理员"]))
    Htot = max(int(W * 2.16), int(y + 70 * s))
    c.rect([0, Htot - 62 * s, W, Htot], fill=th["panel"])
    c.rect([14 * s, Htot - 52 * s, W - 60 * s, Htot - 18 * s], fill=th["page"], r=int(8 * s))
    c.text(W - 32 * s, Htot - 35 * s, "+", 22 * s, th["text"], anchor="mm")
    title = post["title"] if with_title else None
    return c, Htot, 0, _fields(title, post["nick"], posted, comps, "".join(post["paras"]))


# ---------------------------------------------------------------- 3 DingTalk PC
def dingtalk_pc(rng, post, fwd, th):
    W, H, s = _desktop_size(rng)
    dark = th["dark"]
    c = Canvas(W, BIG, th["page"])
    c.rect([0, 0, 64 * s, BIG], fill="#1f2329" if dark else "#e8ecf3")
    for i, lab in enumerate(["消息", "文档", "工作台", "通讯录", "日历"]):
        c.rect([20 * s, (70 + 62 * i) * s, 44 * s, (94 + 62 * i) * s], fill="#3370ff" if i == 0 else "#9aa3b2", r=int(6 * s))
        c.text(32 * s, (104 + 62 * i) * s, lab, 10 * s, th["sub"], anchor="mm")
    lx, lw = 64 * s, 270 * s
    c.rect([lx, 0, lx + lw, BIG], fill=th["panel"])
    c.rect([lx + 12 * s, 16 * s, lx + lw - 12 * s, 44 * s], fill=th["page"], r=int(6 * s))
    c.text(lx + 24 * s, 30 * s, "搜索（Ctrl+Shift+F）", 11.5 * s, th["sub"], anchor="lm")
    group = rng.choice(C.GROUPS)
    y = 60 * s
    for i, n in enumerate([group] + _pick(rng, C.GROUPS + C.NICKS, 12)):
        if i == 0:
            c.rect([lx, y, lx + lw, y + 66 * s], fill="#e1eaff" if not dark else "#2b3245")
        c.avatar(lx + 14 * s, y + 13 * s, 40 * s, i, r=int(20 * s))
        c.text(lx + 64 * s, y + 24 * s, n[:11], 13 * s, th["text"], anchor="lm")
        c.text(lx + 64 * s, y + 46 * s, rng.choice(C.CHATTER)[:14], 11 * s, th["sub"], anchor="lm")
        c.text(lx + lw - 12 * s, y + 24 * s, rng.choice(["昨天", "星期三", "09:12", "16:40", "08-31", "10-02", "11:05"]), 10.5 * s, th["sub"], anchor="rm")
        y += 66 * s
    x0 = lx + lw
    c.line(x0, 0, x0, BIG, th["line"])
    c.text(x0 + 24 * s, 32 * s, group, 16 * s, th["text"], bold=True, anchor="lm")
    c.rect([x0 + 30 * s + c.tw(group, 16 * s, True), 24 * s, x0 + 62 * s + c.tw(group, 16 * s, True), 40 * s],
           fill="#e1eaff", r=int(3 * s))
    c.text(x0 + 46 * s + c.tw(group, 16 * s, True), 32 * s, "内部", 9.5 * s, "#3370ff", anchor="mm")
    c.line(x0, 64 * s, W, 64 * s, th["line"])
    px = 14 * s
    bw = (W - x0) * 0.6
    y = 84 * s

    def msg(y, nick, tstr, lines, seed, read=None):
        c.avatar(x0 + 20 * s, y, 38 * s, seed, r=int(19 * s))
        xe = c.text(x0 + 70 * s, y + 8 * s, nick, 12 * s, th["sub"], anchor="lm")
        c.text(xe + 10 * s, y + 8 * s, tstr, 11 * s, th["sub"], anchor="lm")
        by = y + 22 * s
        wid = min(bw, max(c.tw(l, px) for l in lines) + 28 * s)
        wrapped = [w for l in lines for w in c.wrap(l, px, wid - 28 * s)]
        hh = len(wrapped) * px * 1.6 + 20 * s
        c.rect([x0 + 70 * s, by, x0 + 70 * s + wid, by + hh], fill="#ffffff" if not dark else "#2d2f33",
               outline=th["line"], r=int(8 * s))
        yy = by + 10 * s
        for w in wrapped:
            c.text(x0 + 84 * s, yy, w, px, th["text"]); yy += px * 1.6
        if read:
            c.text(x0 + 76 * s + wid, by + hh - 8 * s, read, 10.5 * s, "#3370ff" if "未" in read else th["sub"], anchor="lm")
        return by + hh + 22 * s

    kinds = ["full", "sec", "noyear", "yday", "qian"]
    posted, ps, comps = web_stamp(rng, fwd, kinds)
    if rng.random() < 0.5:
        t0 = posted - timedelta(minutes=rng.randint(5, 600))
        y = msg(y, rng.choice(C.NICKS), f"{t0:%m-%d %H:%M}", [rng.choice(C.CHATTER)], 1, "已读")
    with_title = rng.random() < 0.5
    y = msg(y, post["nick"], ps, _post_lines(post, with_title), 6, rng.choice(["已读", f"{rng.randint(2, 30)}人未读"]))
    for _ in range(rng.randint(1, 2)):
        t = posted + (fwd - posted) * rng.uniform(0.3, 1.0)
        y = msg(y, rng.choice(C.NICKS), f"{t:%H:%M}" if t.date() == fwd.date() else f"{t:%m-%d %H:%M}",
                [rng.choice(C.CHATTER)], rng.randrange(9))
    Htot = max(H, int(y + 130 * s))
    c.rect([x0 + 1, Htot - 120 * s, W, BIG], fill=th["panel"])
    c.line(x0, Htot - 120 * s, W, Htot - 120 * s, th["line"])
    c.text(x0 + 24 * s, Htot - 96 * s, "请输入消息，按Enter发送", 12 * s, th["sub"], anchor="lm")
    c.rect([W - 90 * s, Htot - 46 * s, W - 20 * s, Htot - 16 * s], fill="#3370ff", r=int(5 * s))
    c.text(W - 55 * s, Htot - 31 * s, "发送", 12 * s, "#ffffff", anchor="mm")
    title = post["title"] if with_title else None
    return c, Htot, s, _fields(title, post["nick"], posted, comps, "".join(post["paras"]))


def _footer(c, y, th, s, lines):
    c.rect([0, y, c.w, y + 110 * s], fill="#2d2d2d" if not th["dark"] else "#0c0c0c")
    for i, l in enumerate(lines):
        c.text(c.w / 2, y + (30 + 24 * i) * s, l, 11.5 * s, "#9a9a9a", anchor="mm")
    c.rect([0, y + 110 * s, c.w, BIG], fill=th["page"])
    return y + 110 * s


# ---------------------------------------------------------------- 4 问政湖南 list page with expanded item
def wenzheng_list(rng, post, fwd, th):
    W, H, s = _desktop_size(rng)
    c = Canvas(W, BIG, th["page"])
    y = browser(c, 0, "问政湖南-列表", "wz.voc.com.cn/list?type=all", th, s, ["百度一下", "湖南省人民政府"])
    c.rect([0, y, W, y + 70 * s], fill="#c8161d")
    c.text(40 * s, y + 35 * s, "问政湖南", 26 * s, "#ffffff", bold=True, anchor="lm")
    c.text(190 * s, y + 40 * s, "湖南省网上群众工作平台", 13 * s, "#ffe1e1", anchor="lm")
    c.rect([W - 360 * s, y + 20 * s, W - 120 * s, y + 50 * s], fill="#ffffff", r=int(4 * s))
    c.text(W - 350 * s, y + 35 * s, "请输入关键词", 12 * s, "#999999", anchor="lm")
    c.text(W - 70 * s, y + 35 * s, "我要问政", 14 * s, "#ffffff", bold=True, anchor="mm")
    y += 70 * s
    c.rect([0, y, W, y + 40 * s], fill="#a80f15")
    x = 40 * s
    for n in ["首页", "问政", "部门", "市州", "排行榜", "政策解读", "曝光台"]:
        x = c.text(x, y + 20 * s, n, 14 * s, "#ffffff", anchor="lm") + 34 * s
    y += 56 * s
    m = max(40 * s, (W - 1200 * s) / 2)
    cw = W - 2 * m
    c.rect([m, y, W - m, y + 46 * s], fill=th["panel"])
    x = m + 16 * s
    for i, n in enumerate(["全部", "已回复", "办理中", "待受理"]):
        if i == 0:
            c.rect([x - 6 * s, y + 10 * s, x + c.tw(n, 13 * s) + 6 * s, y + 36 * s], fill="#c8161d", r=int(3 * s))
        x = c.text(x, y + 23 * s, n, 13 * s, "#ffffff" if i == 0 else th["text"], anchor="lm") + 26 * s
    c.text(W - m - 16 * s, y + 23 * s, "市州：全部 ▼   领域：全部 ▼   排序：最新 ▼", 12.5 * s, th["sub"], anchor="rm")
    y += 56 * s
    c.rect([m, y, W - m, y + 36 * s], fill=th["line"])
    cols = [m + 16 * s, m + cw * 0.52, m + cw * 0.74, m + cw * 0.9]
    for x, n in zip(cols, ["标题", "问政对象", "时间", "状态"]):
        c.text(x, y + 18 * s, n, 13 * s, th["sub"], bold=True, anchor="lm")
    y += 36 * s
    n_before = rng.randint(1, 3)
    n_after = rng.randint(2, 4)
    dts = _pick(rng, C.DISTRACT_TITLES, n_before + n_after)
    posted, ps, comps = web_stamp(rng, fwd, ["full", "sec", "cn", "noyear", "hour", "days", "yday"])
    unit = post["unit"]

    def row(y, t, u, tm, st, bold=False):
        c.rect([m, y, W - m, y + 44 * s], fill=th["panel"])
        c.line(m, y + 44 * s, W - m, y + 44 * s, th["line"])
        c.text(cols[0], y + 22 * s, ("▼ " if bold else "▶ ") + t, 13.5 * s, th["text"], bold=bold, anchor="lm")
        c.text(cols[1], y + 22 * s, u, 12.5 * s, th["sub"], anchor="lm")
        c.text(cols[2], y + 22 * s, tm, 12.5 * s, th["sub"], anchor="lm")
        c.text(cols[3], y + 22 * s, st, 12.5 * s, "#27a844" if st == "已回复" else "#e08a00", anchor="lm")
        return y + 45 * s

    for t in dts[:n_before]:
        y = row(y, t, rng.choice(C.UNITS), distractor_time(rng, fwd), rng.choice(["已回复", "办理中"]))
    y = row(y, post["title"], unit, ps, rng.choice(["办理中", "待受理"]), bold=True)
    ex0 = y
    c.rect([m, y, W - m, y + BIG / 2], fill="#fff8f0" if not th["dark"] else "#2a2520")
    y += 16 * s
    c.text(m + 32 * s, y + 8 * s, f"问政对象：{unit}    网友：{post['nick']}    时间：{ps}", 12.5 * s, th["sub"], anchor="lm")
    y += 30 * s
    for p in post["paras"]:
        y = c.para(m + 32 * s, y, p, 14.5 * s, cw - 64 * s, th["text"], 1.75, indent=False) + 6 * s
    c.text(W - m - 20 * s, y + 8 * s, "收起 ▲", 12.5 * s, "#c8161d", anchor="rm")
    y += 30 * s
    c.rect([m, y, W - m, y + 8 * s], fill=th["page"])
    c.line(m, y, W - m, y, th["line"])
    y += 2 * s
    for t in dts[n_before:]:
        y = row(y, t, rng.choice(C.UNITS), distractor_time(rng, fwd), rng.choice(["已回复", "办理中"]))
    c.rect([m, y, W - m, y + 50 * s], fill=th["page"])
    c.text(W / 2, y + 25 * s, "上一页  1  2  3  4  5  …  128  下一页", 12.5 * s, th["sub"], anchor="mm")
    y += 60 * s
    y = _footer(c, y, th, s, ["主办：湖南省委网信办  承办：红网", "湘ICP备12003456号"])
    return c, max(H, y), s, _fields(post["title"], post["nick"], posted, comps, "".join(post["paras"]), unit)


# ---------------------------------------------------------------- 5 红网 百姓呼声 two-column detail
def hongwang_2col(rng, post, fwd, th):
    W, H, s = _desktop_size(rng)
    c = Canvas(W, BIG, th["page"])
    y = browser(c, 0, post["title"][:10] + "-百姓呼声-红网", "people.rednet.cn/front/messages/detail?id="
                + str(rng.randint(100000, 999999)), th, s)
    m = max(30 * s, (W - 1180 * s) / 2)
    c.rect([m, y + 10 * s, W - m, y + 80 * s], fill="#f7c948")
    c.text(m + 30 * s, y + 45 * s, "时刻新闻APP  湖南人的新闻客户端  扫码下载", 20 * s, "#8a1a00", bold=True, anchor="lm")
    c.text(W - m - 8 * s, y + 18 * s, "广告", 10 * s, "#8a1a00", anchor="rm")
    y += 90 * s
    c.rect([0, y, W, y + 56 * s], fill="#b4000a")
    c.text(m, y + 28 * s, "红网", 24 * s, "#ffffff", bold=True, anchor="lm")
    c.text(m + 70 * s, y + 30 * s, "百姓呼声", 18 * s, "#ffffff", anchor="lm")
    x = m + 220 * s
    for n in ["首页", "我要留言", "留言列表", "回复选登", "部门排行", "政策"]:
        x = c.text(x, y + 30 * s, n, 14 * s, "#ffe9e9", anchor="lm") + 28 * s
    y += 66 * s
    c.text(m, y + 8 * s, "当前位置：首页 > 百姓呼声 > 留言详情", 12 * s, th["sub"], anchor="lm")
    y += 28 * s
    rw = 320 * s
    lw = W - 2 * m - rw - 20 * s
    top = y
    c.rect([m, y, m + lw, BIG], fill=th["panel"])
    y += 24 * s
    for ln in c.wrap(post["title"], 22 * s, lw - 60 * s, True):
        c.text(m + 30 * s, y, ln, 22 * s, th["text"], bold=True); y += 34 * s
    posted, ps, comps = web_stamp(rng, fwd, ["full", "sec", "cn", "fw", "dateonly"])
    unit = post["unit"]
    y += 8 * s
    c.rect([m + 30 * s, y, m + lw - 30 * s, y + 58 * s], fill=th["page"])
    c.text(m + 44 * s, y + 16 * s, f"留言对象：{unit}", 12.5 * s, th["sub"], anchor="lm")
    c.text(m + 44 * s, y + 42 * s, f"留言人：{post['nick']}", 12.5 * s, th["sub"], anchor="lm")
    c.text(m + lw * 0.5, y + 42 * s, f"留言时间：{ps}", 12.5 * s, th["sub"], anchor="lm")
    c.text(m + lw * 0.5, y + 16 * s, f"类型：{rng.choice(['投诉', '求助', '咨询', '建议'])}", 12.5 * s, th["sub"], anchor="lm")
    y += 78 * s
    for p in post["paras"]:
        y = c.para(m + 30 * s, y, p, 15 * s, lw - 60 * s, th["text"], 1.8, indent=True) + 8 * s
    y += 16 * s
    if rng.random() < 0.7:
        c.rect([m + 30 * s, y, m + lw - 30 * s, y + 40 * s], fill="#fdeeee" if not th["dark"] else "#3a2224")
        c.text(m + 44 * s, y + 20 * s, f"回复单位：{rng.choice(C.UNITS)}", 13 * s, "#b4000a", bold=True, anchor="lm")
        rt = fwd - timedelta(hours=rng.randint(1, 20))
        if rt < posted:
            rt = fwd
        c.text(m + lw - 44 * s, y + 20 * s, f"回复时间：{rt:%Y-%m-%d %H:%M}", 12 * s, th["sub"], anchor="rm")
        y += 52 * s
        y = c.para(m + 44 * s, y, rng.choice(C.REPLIES), 14 * s, lw - 90 * s, th["text"], 1.7, indent=True) + 10 * s
    y += 20 * s
    # right column
    rx = m + lw + 20 * s
    ry = top
    for head, items in [("热点排行", _pick(rng, C.DISTRACT_TITLES, 8)), ("最新留言", _pick(rng, C.DISTRACT_TITLES, 6))]:
        c.rect([rx, ry, rx + rw, ry + 42 * s + len(items) * 52 * s], fill=th["panel"])
        c.rect([rx, ry, rx + 4 * s, ry + 42 * s], fill="#b4000a")
        c.text(rx + 16 * s, ry + 21 * s, head, 15 * s, th["text"], bold=True, anchor="lm")
        ry += 42 * s
        for i, t in enumerate(items):
            if head == "热点排行":
                c.rect([rx + 14 * s, ry + 8 * s, rx + 32 * s, ry + 26 * s], fill="#b4000a" if i < 3 else "#bbbbbb")
                c.text(rx + 23 * s, ry + 17 * s, str(i + 1), 11 * s, "#ffffff", anchor="mm")
            c.text(rx + 40 * s, ry + 17 * s, t[:17], 12.5 * s, th["text"], anchor="lm")
            c.text(rx + 40 * s, ry + 38 * s, distractor_time(rng, fwd), 10.5 * s, th["sub"], anchor="lm")
            ry += 52 * s
        ry += 16 * s
    y = max(y, ry) + 10 * s
    c.rect([0, y, W, BIG], fill=th["page"])
    y = _footer(c, y, th, s, ["红网 版权所有 湖南红网新媒体集团有限公司", "互联网新闻信息服务许可证：43120170001"])
    return c, max(H, y), s, _fields(post["title"], post["nick"], posted, comps, "".join(post["paras"]), unit)


# ---------------------------------------------------------------- 6 人民网 领导留言板
def rmw_board(rng, post, fwd, th):
    W, H, s = _desktop_size(rng)
    c = Canvas(W, BIG, th["page"])
    y = browser(c, 0, "领导留言板--人民网", "liuyan.people.com.cn/threads/content?tid=" + str(rng.randint(10**7, 10**8)), th, s)
    c.rect([0, y, W, y + 64 * s], fill="#c2101c")
    c.text(40 * s, y + 32 * s, "人民网", 24 * s, "#ffffff", bold=True, anchor="lm")
    c.text(140 * s, y + 34 * s, "领导留言板", 18 * s, "#ffffff", anchor="lm")
    c.text(W - 40 * s, y + 32 * s, "登录 | 注册 | 我要留言", 13 * s, "#ffffff", anchor="rm")
    y += 74 * s
    m = max(40 * s, (W - 1100 * s) / 2)
    cw = W - 2 * m
    c.text(m, y + 8 * s, "首页 > 湖南省 > " + rng.choice(["长沙市", "衡阳市", "株洲市", "岳阳市"]) + " > 留言详情",
           12 * s, th["sub"], anchor="lm")
    y += 28 * s
    c.rect([m, y, W - m, BIG], fill=th["panel"])
    y += 28 * s
    c.text(m + 30 * s, y + 10 * s, "留言标题：", 13 * s, th["sub"], anchor="lm")
    y += 28 * s
    for ln in c.wrap(post["title"], 21 * s, cw - 60 * s, True):
        c.text(m + 30 * s, y, ln, 21 * s, th["text"], bold=True); y += 32 * s
    y += 6 * s
    x = m + 30 * s
    for tag in [rng.choice(["投诉", "求助", "建议", "咨询"]), rng.choice(["城建", "交通", "环保", "劳动社保", "教育", "治安"]),
                rng.choice(["办理中", "已回复", "已受理"])]:
        tw = c.tw(tag, 12 * s) + 20 * s
        c.rect([x, y, x + tw, y + 24 * s], outline="#c2101c", r=int(12 * s))
        c.text(x + tw / 2, y + 12 * s, tag, 12 * s, "#c2101c", anchor="mm")
        x += tw + 10 * s
    y += 38 * s
    posted, ps, comps = web_stamp(rng, fwd, ["sec", "full", "dateonly", "cn"])
    c.text(m + 30 * s, y + 8 * s, f"留言对象：{post['unit'].replace('人民政府', '')}主要负责同志", 12.5 * s, th["sub"], anchor="lm")
    y += 26 * s
    c.text(m + 30 * s, y + 8 * s, f"{post['nick']}    留言时间：{ps}", 12.5 * s, th["sub"], anchor="lm")
    y += 30 * s
    c.line(m + 30 * s, y, W - m - 30 * s, y, th["line"])
    y += 20 * s
    for p in post["paras"]:
        y = c.para(m + 30 * s, y, p, 15 * s, cw - 60 * s, th["text"], 1.85, indent=rng.random() < 0.5) + 6 * s
    y += 20 * s
    if rng.random() < 0.75:
        c.rect([m + 30 * s, y, W - m - 30 * s, y + 36 * s], fill=th["page"])
        c.text(m + 44 * s, y + 18 * s, f"回复  办理单位：{rng.choice(C.UNITS)}", 13 * s, "#c2101c", bold=True, anchor="lm")
        y += 46 * s
        y = c.para(m + 44 * s, y, rng.choice(C.REPLIES), 14 * s, cw - 90 * s, th["text"], 1.7)
        c.text(m + 44 * s, y + 10 * s, f"回复时间：{fwd - timedelta(hours=rng.randint(1, 30)):%Y-%m-%d}", 12 * s, th["sub"], anchor="lm")
        y += 30 * s
    c.rect([m + 30 * s, y + 10 * s, m + 140 * s, y + 40 * s], fill="#c2101c", r=int(4 * s))
    c.text(m + 85 * s, y + 25 * s, "我要评价", 12.5 * s, "#ffffff", anchor="mm")
    y += 60 * s
    c.rect([0, y, W, BIG], fill=th["page"])
    y = _footer(c, y + 10 * s, th, s, ["人民网版权所有，未经书面授权禁止使用", "Copyright © 1997-2025 by www.people.com.cn"])
    return c, max(H, y), s, _fields(post["title"], post["nick"], posted, comps, "".join(post["paras"]))


# ---------------------------------------------------------------- 7 微博 PC web
def weibo_pc(rng, post, fwd, th):
    W, H, s = _desktop_size(rng)
    c = Canvas(W, BIG, "#f1f2f5" if not th["dark"] else "#0f0f0f")
    y = browser(c, 0, "微博", "weibo.com/" + str(rng.randint(10**9, 10**10)) + "/" + "Pq" + str(rng.randint(1000, 9999)), th, s)
    c.rect([0, y, W, y + 56 * s], fill=th["panel"])
    c.text(40 * s, y + 28 * s, "微博", 22 * s, "#ff8200", bold=True, anchor="lm")
    c.rect([130 * s, y + 13 * s, 400 * s, y + 43 * s], fill=th["page"], r=int(15 * s))
    c.text(150 * s, y + 28 * s, "搜索微博", 12.5 * s, th["sub"], anchor="lm")
    c.text(W - 40 * s, y + 28 * s, "首页   视频   消息   我", 13 * s, th["text"], anchor="rm")
    y += 70 * s
    lx = max(20 * s, (W - 1180 * s) / 2)
    for i, n in enumerate(["首页", "热门推荐", "热搜榜", "视频", "特别关注", "好友圈", "超话社区"]):
        c.text(lx + 20 * s, y + (20 + 44 * i) * s, n, 14 * s, "#ff8200" if i == 0 else th["text"], anchor="lm")
    mx = lx + 180 * s
    mw = min(660 * s, W - mx - 320 * s)
    top = y
    c.rect([mx, y, mx + mw, BIG], fill=th["panel"], r=int(6 * s))
    y += 20 * s
    c.avatar(mx + 20 * s, y, 48 * s, 4, r=int(24 * s))
    c.text(mx + 80 * s, y + 12 * s, post["nick"], 15 * s, "#eb7350", bold=True, anchor="lm")
    posted, ps, comps = web_stamp(rng, fwd, ["min", "hour", "yday", "noyear", "full"])
    if ps[0].isdigit() and "-" in ps and len(ps) > 11:
        ps_show = ps[2:]
    else:
        ps_show = ps
    c.text(mx + 80 * s, y + 38 * s, f"{ps_show} 来自 {rng.choice(['微博网页版', 'iPhone客户端', 'HUAWEI Mate 60', 'vivo X100'])}",
           12 * s, th["sub"], anchor="lm")
    c.text(mx + mw - 20 * s, y + 14 * s, "∨", 13 * s, th["sub"], anchor="rm")
    y += 66 * s
    topic = rng.choice(C.TOPICS)
    paras = list(post["paras"])
    paras[0] = topic + paras[0]
    for p in paras:
        y = c.para(mx + 80 * s, y, p, 15 * s, mw - 100 * s, th["text"], 1.7) + 4 * s
    y += 10 * s
    c.line(mx, y, mx + mw, y, th["line"])
    for i, a in enumerate([f"转发 {rng.randint(2, 300)}", f"评论 {rng.randint(2, 500)}", f"赞 {rng.randint(5, 3000)}"]):
        c.text(mx + mw * (i + 0.5) / 3, y + 20 * s, a, 13 * s, th["sub"], anchor="mm")
    y += 40 * s
    c.line(mx, y, mx + mw, y, th["line"])
    y += 14 * s
    for _ in range(rng.randint(2, 4)):
        c.avatar(mx + 20 * s, y, 30 * s, rng.randrange(9), r=int(15 * s))
        xe = c.text(mx + 60 * s, y + 8 * s, rng.choice(C.NICKS) + "：", 13 * s, "#eb7350", anchor="lm")
        c.text(xe, y + 8 * s, rng.choice(C.COMMENTS), 13 * s, th["text"], anchor="lm")
        t = fwd - timedelta(minutes=rng.randint(1, 300))
        c.text(mx + 60 * s, y + 30 * s, f"{t.month}-{t.day} {t:%H:%M}  来自湖南", 11 * s, th["sub"], anchor="lm")
        y += 52 * s
    y += 10 * s
    rx = mx + mw + 16 * s
    rw = min(300 * s, W - rx - 10 * s)
    c.rect([rx, top, rx + rw, top + 440 * s], fill=th["panel"], r=int(6 * s))
    c.text(rx + 16 * s, top + 24 * s, "微博热搜", 15 * s, th["text"], bold=True, anchor="lm")
    for i, t in enumerate(_pick(rng, C.DISTRACT_TITLES, 9)):
        c.text(rx + 16 * s, top + (64 + 40 * i) * s, f"{i + 1}  {t[:14]}", 12.5 * s, th["text"], anchor="lm")
    return c, max(H, y + 20 * s), s, _fields(None, post["nick"], posted, comps, "".join(paras))


# ---------------------------------------------------------------- 8 抖音 PC web video page
def douyin_pc(rng, post, fwd, th):
    W, H, s = _desktop_size(rng)
    th = dict(DARK, page="#161823", panel="#1f2130", text="#e8e8ea", sub="#8f91a0", line="#2d2f3e", dark=True) \
        if rng.random() < 0.6 or th["dark"] else th
    c = Canvas(W, BIG, th["page"])
    y = browser(c, 0, "抖音-记录美好生活", "www.douyin.com/video/" + str(rng.randint(10**18, 10**19 - 1)), th, s)
    c.rect([0, y, W, y + 60 * s], fill=th["page"])
    c.text(30 * s, y + 30 * s, "抖音", 22 * s, th["text"], bold=True, anchor="lm")
    c.rect([W / 2 - 220 * s, y + 14 * s, W / 2 + 220 * s, y + 46 * s], fill=th["panel"], r=int(8 * s))
    c.text(W / 2 - 200 * s, y + 30 * s, "搜索你感兴趣的内容", 12.5 * s, th["sub"], anchor="lm")
    y += 60 * s
    for i, n in enumerate(["首页", "推荐", "关注", "朋友", "我的", "直播", "放映厅", "短剧"]):
        c.text(40 * s, y + (24 + 46 * i) * s, n, 14 * s, "#fe2c55" if i == 1 else th["text"], anchor="lm")
    vx = 160 * s
    rw = 380 * s
    vw = W - vx - rw - 30 * s
    vh = min(vw * 0.56, 560 * s)
    c.rect([vx, y, vx + vw, y + vh], fill="#000000")
    for k in range(6):
        c.rect([vx + vw * 0.3 + k * 8 * s, y + vh * 0.1 + k * 12 * s, vx + vw * 0.7 - k * 8 * s, y + vh * 0.9 - k * 12 * s],
               fill=["#3b4a5c", "#4a5a6c", "#5b6b5c", "#6b7b6c", "#7d8b7a", "#8d9b8a"][k])
    c.rect([vx, y + vh - 40 * s, vx + vw, y + vh], fill="#111111")
    c.rect([vx + 20 * s, y + vh - 30 * s, vx + vw * 0.4, y + vh - 27 * s], fill="#ffffff")
    c.text(vx + vw - 20 * s, y + vh - 20 * s, "倍速  清晰度  □", 12 * s, "#dddddd", anchor="rm")
    vy = y + vh + 18 * s
    posted, ps, comps = web_stamp(rng, fwd, ["min", "hour", "days", "yday", "noyear", "dateonly"])
    xe = c.text(vx, vy + 10 * s, "@" + post["nick"], 17 * s, th["text"], bold=True, anchor="lm")
    c.text(xe + 12 * s, vy + 10 * s, "· " + ps, 13 * s, th["sub"], anchor="lm")
    vy += 34 * s
    tags = " ".join(_pick(rng, C.TOPICS, 2))
    paras = list(post["paras"])
    paras[-1] = paras[-1] + " " + tags
    for p in paras:
        vy = c.para(vx, vy, p, 15 * s, vw, th["text"], 1.65) + 2 * s
    vy += 10 * s
    c.text(vx, vy + 10 * s, f"♥ {rng.randint(10, 9000)}    评论 {rng.randint(3, 900)}    收藏 {rng.randint(1, 300)}    分享",
           13 * s, th["sub"], anchor="lm")
    vy += 40 * s
    rx = W - rw - 10 * s
    c.rect([rx, y, rx + rw, BIG], fill=th["panel"])
    c.text(rx + 20 * s, y + 26 * s, f"全部评论({rng.randint(20, 900)})", 15 * s, th["text"], bold=True, anchor="lm")
    ry = y + 56 * s
    for _ in range(rng.randint(4, 7)):
        c.avatar(rx + 18 * s, ry, 32 * s, rng.randrange(9), r=int(16 * s))
        c.text(rx + 60 * s, ry + 8 * s, rng.choice(C.NICKS), 12 * s, th["sub"], anchor="lm")
        ry = c.para(rx + 60 * s, ry + 22 * s, rng.choice(C.COMMENTS), 13.5 * s, rw - 80 * s, th["text"], 1.5)
        c.text(rx + 60 * s, ry + 8 * s, f"{rng.randint(1, 9)}天前·{rng.choice(['湖南', '广东', '湖北'])}    回复", 11 * s, th["sub"], anchor="lm")
        ry += 30 * s
    body = "".join(paras)
    return c, max(H, vy + 20 * s, ry), s, _fields(None, post["nick"], posted, comps, body)


# ---------------------------------------------------------------- 9 百度贴吧 PC thread
def tieba_pc(rng, post, fwd, th):
    W, H, s = _desktop_size(rng)
    c = Canvas(W, BIG, th["page"])
    bar = rng.choice(["长沙吧", "衡阳吧", "株洲吧", "湘潭吧", "岳阳吧", "常德吧"])
    y = browser(c, 0, post["title"][:10] + "【" + bar + "】_百度贴吧", "tieba.baidu.com/p/" + str(rng.randint(10**9, 10**10)), th, s)
    m = max(30 * s, (W - 1000 * s) / 2)
    cw = W - 2 * m
    c.rect([m, y + 10 * s, W - m, y + 110 * s], fill="#3385ff" if not th["dark"] else "#1b3a6b")
    c.rect([m + 20 * s, y + 25 * s, m + 90 * s, y + 95 * s], fill="#ffffff", r=int(6 * s))
    c.text(m + 110 * s, y + 45 * s, bar, 22 * s, "#ffffff", bold=True, anchor="lm")
    c.rect([m + 200 * s, y + 32 * s, m + 270 * s, y + 58 * s], fill="#ffffff", r=int(4 * s))
    c.text(m + 235 * s, y + 45 * s, "+关注", 12 * s, "#3385ff", anchor="mm")
    c.text(m + 110 * s, y + 80 * s, f"关注：{rng.randint(10, 900)}万   贴子：{rng.randint(100, 9000)}万", 12 * s, "#e6eeff", anchor="lm")
    y += 120 * s
    c.rect([m, y, W - m, y + 40 * s], fill=th["panel"])
    x = m + 20 * s
    for n in ["看贴", "图片", "精品", "视频"]:
        x = c.text(x, y + 20 * s, n, 13 * s, th["text"], anchor="lm") + 28 * s
    y += 50 * s
    c.rect([m, y, W - m, y + 56 * s], fill=th["panel"])
    c.text(m + 20 * s, y + 28 * s, post["title"], 18 * s, th["text"], bold=True, anchor="lm")
    c.text(W - m - 20 * s, y + 28 * s, "只看楼主  收藏  回复", 12 * s, "#3385ff", anchor="rm")
    y += 60 * s
    posted, ps, comps = web_stamp(rng, fwd, ["full", "full", "noyear", "min", "hour"])
    if ps[:1] == "0":  # year-less tieba string keeps month-day hh:mm
        pass
    colw = 140 * s

    def floor(y, nick, lvl, paras, foot, seed):
        y0 = y
        c.rect([m, y, W - m, y + 10], fill=th["panel"])
        c.avatar(m + 30 * s, y + 20 * s, 80 * s, seed)
        c.text(m + 70 * s, y + 116 * s, nick, 12.5 * s, "#3385ff", anchor="mm")
        c.rect([m + 35 * s, y + 130 * s, m + 105 * s, y + 148 * s], fill="#f6a02d", r=int(3 * s))
        c.text(m + 70 * s, y + 139 * s, lvl, 10 * s, "#ffffff", anchor="mm")
        yy = y + 24 * s
        for p in paras:
            yy = c.para(m + colw + 20 * s, yy, p, 15 * s, cw - colw - 50 * s, th["text"], 1.75) + 6 * s
        yy = max(yy + 20 * s, y + 165 * s)
        c.text(W - m - 20 * s, yy, foot, 11.5 * s, th["sub"], anchor="rm")
        yy += 24 * s
        c.rect([m, y0, m + colw, yy], outline=None)
        c.line(m + colw, y0, m + colw, yy, th["line"])
        c.line(m, yy, W - m, yy, th["line"])
        return yy + 1

    c.rect([m, y, W - m, BIG], fill=th["panel"])
    client = rng.choice(["来自Android客户端", "来自iPhone客户端", ""])
    lvl = rng.choice(["Lv.5 初级粉丝", "Lv.7 中级粉丝", "Lv.9 铁杆会员", "Lv.3 小吧友"])
    y = floor(y, post["nick"], lvl, post["paras"], f"{client}  1楼  {ps}".strip(), 4)
    for k in range(rng.randint(1, 2)):
        y = floor(y, rng.choice(C.NICKS), "Lv.4 吧友", [rng.choice(C.COMMENTS)],
                  f"{k + 2}楼  {fwd - timedelta(minutes=rng.randint(1, 100)):%Y-%m-%d %H:%M}", rng.randrange(9))
    return c, max(H, y + 20 * s), s, _fields(post["title"], post["nick"], posted, comps, "".join(post["paras"]))


# ---------------------------------------------------------------- 10 government portal query result table
def portal_table(rng, post, fwd, th):
    W, H, s = _desktop_size(rng)
    c = Canvas(W, BIG, th["page"])
    city = rng.choice(["长沙市", "衡阳市", "株洲市", "湘潭市", "岳阳市", "常德市"])
    y = browser(c, 0, f"{city}12345政务服务便民热线", "www.12345.gov.cn.example/query/detail", th, s)
    c.rect([0, y, W, y + 84 * s], fill="#1d5fa8")
    c.circle(60 * s, y + 42 * s, 26 * s, "#f5c542")
    c.text(100 * s, y + 30 * s, f"{city}人民政府", 22 * s, "#ffffff", bold=True, anchor="lm")
    c.text(100 * s, y + 60 * s, "12345政务服务便民热线 · 网上信访投诉平台", 13 * s, "#dbe8ff", anchor="lm")
    y += 84 * s
    c.rect([0, y, W, y + 42 * s], fill="#174e8c")
    x = 60 * s
    for n in ["首页", "我要投诉", "投诉查询", "信件公开", "政策法规", "满意度评价"]:
        x = c.text(x, y + 21 * s, n, 14 * s, "#ffffff", anchor="lm") + 40 * s
    y += 56 * s
    m = max(40 * s, (W - 1100 * s) / 2)
    cw = W - 2 * m
    c.text(m, y, "当前位置：首页 > 投诉查询 > 查询结果", 12 * s, th["sub"])
    y += 30 * s
    c.rect([m, y, W - m, y + 44 * s], fill=th["panel"], outline=th["line"])
    c.text(m + 20 * s, y + 22 * s, "查询结果", 15 * s, "#1d5fa8", bold=True, anchor="lm")
    y += 44 * s
    posted, ps, comps = web_stamp(rng, fwd, ["sec", "full", "cn", "fw"])
    lab_w = 140 * s
    vw = cw - lab_w - 40 * s
    no = f"{fwd.year}{rng.randint(10**9, 10**10 - 1)}"
    done = rng.random() < 0.5
    rows = [("受理编号", [no]), ("标题", [post["title"]]), ("内容", post["paras"]), ("提交人", [post["nick"]]),
            ("提交时间", [ps]), ("办理单位", [rng.choice(C.UNITS)]), ("状态", ["已办结" if done else "办理中"])]
    if done:
        rows.append(("办理结果", [rng.choice(C.REPLIES)]))
    for lab, vals in rows:
        hh = sum(c.para_h(v, 14 * s, vw) for v in vals) + 20 * s
        hh = max(hh, 42 * s)
        c.rect([m, y, m + lab_w, y + hh], fill="#eef3fa" if not th["dark"] else "#26303c", outline=th["line"])
        c.rect([m + lab_w, y, W - m, y + hh], fill=th["panel"], outline=th["line"])
        c.text(m + lab_w - 16 * s, y + 21 * s, lab, 13.5 * s, th["text"], bold=True, anchor="rm")
        yy = y + 10 * s
        for v in vals:
            yy = c.para(m + lab_w + 20 * s, yy, v, 14 * s, vw, th["text"], 1.6)
        y += hh
    y += 30 * s
    c.rect([W / 2 - 60 * s, y, W / 2 + 60 * s, y + 36 * s], fill="#1d5fa8", r=int(4 * s))
    c.text(W / 2, y + 18 * s, "返回", 13 * s, "#ffffff", anchor="mm")
    y += 60 * s
    y = _footer(c, y, th, s, [f"主办：{city}人民政府办公室", "网站标识码 4301000001  湘公网安备 43010202000001号"])
    return c, max(H, y), s, _fields(post["title"], post["nick"], posted, comps, "".join(post["paras"]))


LAYOUTS = {
    "wx_pc": ("wechat", wx_pc, "client"),
    "qq_phone": ("other", qq_phone, "phone"),
    "dingtalk_pc": ("other", dingtalk_pc, "client"),
    "wenzheng_list": ("wenzheng_hunan", wenzheng_list, "web"),
    "hongwang_2col": ("hongwang", hongwang_2col, "web"),
    "rmw_board": ("other", rmw_board, "web"),
    "weibo_pc": ("weibo", weibo_pc, "web"),
    "douyin_pc": ("douyin", douyin_pc, "web"),
    "tieba_pc": ("other", tieba_pc, "web"),
    "portal_table": ("other", portal_table, "web"),
}
