"""Eight page layouts for family d. Each draws one screenshot and returns label overrides."""
from __future__ import annotations

from . import timefmt
from .content import CHATTER, OTHER_NICKS, REPLY_TEXT, REPLY_UNITS
from .draw import DARK, LIGHT, F, Flow, photo, status_bar, taskbar, wrap


def _other_time(c, k=None):
    """A distractor time string (not the post's), for a reply or comment: between post and screenshot."""
    from datetime import timedelta
    k = k or c.rng.choice(["md_dash", "rel", "cn_md", "iso", "md_dash"])
    span = max(1, int((c.fwd - c.posted).total_seconds() // 60))
    tm = c.posted + timedelta(minutes=c.rng.randint(1, span) if span > 1 else 0)
    ago = int((c.fwd - tm).total_seconds() // 60)
    if k == "rel" or ago < 60:
        if ago < 1:
            return "刚刚"
        return f"{ago}分钟前" if ago < 60 else (f"{ago // 60}小时前" if ago < 1440 else tm.strftime("%m-%d %H:%M"))
    return {"md_dash": tm.strftime("%m-%d %H:%M"), "iso": tm.strftime("%Y-%m-%d %H:%M"),
            "iso_sec": tm.strftime("%Y-%m-%d %H:%M:%S"),
            "cn_full": f"{tm.year}年{tm.month}月{tm.day}日 {tm.hour:02d}:{tm.minute:02d}",
            "cn_md": f"{tm.month}月{tm.day}日 {tm.hour:02d}:{tm.minute:02d}"}[k]


def _list_time(c):
    """A time for an unrelated list item (hot lists, related posts)."""
    return timefmt.make(c.rng.choice(["md_dash", "iso", "cn_md", "yesterday"]), c.fwd, c.rng)[0]


def _phone_h(w):
    return int(w * 2.1667)


def _comments(fl, c, n, x, maxw, sz, with_ip=True):
    t = fl.t
    for _ in range(n):
        nick = c.rng.choice(OTHER_NICKS)
        fl.rect(x, fl.y + fl.px(8), x + fl.px(70), fl.y + fl.px(78), (150, 170, 200), r=fl.px(35))
        fl.text(x + fl.px(90), fl.y, nick, int(sz * 0.85), t["sub"])
        fl.y += int(sz * 1.4)
        fl.para(c.rng.choice(CHATTER), x + fl.px(90), maxw - fl.px(90), sz)
        ip = " · 湖南" if with_ip else ""
        fl.text(x + fl.px(90), fl.y, _other_time(c) + ip, int(sz * 0.75), t["sub"])
        fl.y += int(sz * 1.9)


# 1 ------------------------------------------------------------------ 红网 desktop, bold headings
def hw_desktop_bold(c):
    fl = Flow(c.w, LIGHT)
    s = c.w / 1440
    def P(v: float) -> int:
        return int(v * s)
    fl.rect(0, 0, c.w, P(70), (200, 20, 25))
    fl.text(P(40), P(35), "红网", P(34), (255, 255, 255), True, "lm")
    fl.text(P(150), P(35), "百姓呼声 · 问政平台", P(20), (255, 230, 230), False, "lm")
    fl.rect(0, P(70), c.w, P(110), (245, 245, 245))
    x = P(40)
    for n in ["首页", "留言", "回复", "排行", "地方频道", "我要留言"]:
        x += fl.text(x, P(90), n, P(17), (60, 60, 60), False, "lm") + P(30)
    fl.y = P(130)
    fl.text(P(40), fl.y, "当前位置：首页 > 百姓呼声 > 留言详情", P(14), LIGHT["sub"])
    fl.y += P(40)
    main_w = int(c.w * 0.66)
    lx = P(40)
    def head(h):
        fl.text(lx, fl.y, f"【{h}】", P(19), (180, 20, 20), True)
        fl.y += P(34)
    head("留言标题")
    fl.para(c.title, lx, main_w - lx, P(24), bold=True)
    fl.y += P(8)
    for h, v in [("留言对象", c.unit), ("留言人", c.author), ("留言时间", c.tstr)]:
        w = fl.text(lx, fl.y, f"【{h}】", P(17), (180, 20, 20), True)
        fl.text(lx + w + P(6), fl.y, v, P(17))
        fl.y += P(32)
    fl.y += P(6)
    head("留言内容")
    for p in c.paras:
        fl.para(p, lx + P(32), main_w - lx - P(32), P(18), gap=1.7)
    fl.y += P(20)
    fl.text(lx, fl.y, f"浏览：{c.rng.randint(200, 9000)}    状态：已回复", P(14), LIGHT["sub"])
    fl.y += P(40)
    y0 = fl.y
    fl.y += P(16)
    fl.text(lx + P(16), fl.y, "【回复内容】", P(17), (40, 110, 60), True)
    fl.y += P(32)
    unit = c.rng.choice(["岳麓区", "芙蓉区", "雨花区", "天元区"]) + c.rng.choice(REPLY_UNITS)
    fl.para(REPLY_TEXT, lx + P(16), main_w - lx - P(32), P(16), gap=1.7)
    fl.text(lx + P(16), fl.y, f"回复单位：{unit}    回复时间：{_other_time(c, 'iso')}", P(14), LIGHT["sub"])
    fl.y += P(36)
    fl.d.rectangle((lx, y0, main_w, fl.y), outline=(200, 220, 200))
    bottom = fl.y
    # sidebar
    sx = main_w + P(40)
    fl.y = P(170)
    fl.rect(sx, fl.y, c.w - P(40), fl.y + P(50), (200, 20, 25))
    fl.text((sx + c.w - P(40)) // 2, fl.y + P(25), "我要留言", P(20), (255, 255, 255), True, "mm")
    fl.y += P(80)
    fl.text(sx, fl.y, "热门留言", P(19), bold=True)
    fl.y += P(36)
    for t in ["开福区洪山路噪音扰民", "醴陵市阳三石街道停水", "天元区泰山路违建", "耒阳市蔡子池街道路面破损",
              "湘乡市东山街道学校收费", "韶山市清溪镇垃圾清运"][: c.rng.randint(4, 6)]:
        fl.para("· " + t, sx, c.w - P(40) - sx, P(15), color=LIGHT["link"])
        fl.text(sx + P(14), fl.y - P(4), _list_time(c), P(12), LIGHT["sub"])
        fl.y += P(24)
    fl.y = max(bottom, fl.y) + P(40)
    img = fl.crop(int(c.w * 0.52))
    return (taskbar(img, c.fwd, c.rng.random() < 0.5) if c.taskbar else img), {}


# 2 --------------------------------------------------------- 红网 phone, time above the name
def hw_phone_timefirst(c):
    t = DARK if c.dark else LIGHT
    fl = Flow(c.w, t)
    P = fl.px
    fl.rect(0, 0, c.w, P(210), (190, 20, 25))
    status_bar(fl, c.clock, c.sb, (255, 255, 255))
    fl.text(P(40), P(150), "<", P(44), (255, 255, 255), False, "lm")
    fl.text(c.w // 2, P(150), "百姓呼声", P(40), (255, 255, 255), True, "mm")
    fl.y = P(240)
    fl.para(c.title, P(40), c.w - P(80), P(52), bold=True, gap=1.4)
    fl.y += P(16)
    fl.text(P(40), fl.y, c.tstr, P(30), t["sub"])           # time first
    fl.y += P(46)
    fl.rect(P(40), fl.y, P(110), fl.y + P(70), (230, 180, 120), r=P(35))
    fl.text(P(130), fl.y + P(35), c.author, P(36), t["fg"], True, "lm")
    fl.rect(c.w - P(200), fl.y + P(10), c.w - P(40), fl.y + P(60), (40, 150, 80), r=P(10))
    fl.text(c.w - P(120), fl.y + P(35), c.rng.choice(["已回复", "办理中", "已受理"]), P(26), (255, 255, 255), False, "mm")
    fl.y += P(100)
    fl.text(P(40), fl.y, "留言对象：" + c.unit, P(30), t["sub"])
    fl.y += P(60)
    fl.hline(P(40), c.w - P(40))
    fl.y += P(30)
    for p in c.paras:
        fl.para(p, P(40), c.w - P(80), P(40), gap=1.65)
    fl.y += P(30)
    fl.text(P(40), fl.y, f"浏览 {c.rng.randint(100, 5000)}    点赞 {c.rng.randint(0, 90)}", P(26), t["sub"])
    fl.y += P(70)
    y0 = fl.y
    fl.y += P(30)
    fl.text(P(70), fl.y, "官方回复", P(34), t["accent"], True)
    fl.y += P(60)
    fl.para(REPLY_TEXT, P(70), c.w - P(140), P(32), gap=1.6)
    fl.text(P(70), fl.y, _other_time(c, "iso"), P(26), t["sub"])
    fl.y += P(60)
    fl.d.rounded_rectangle((P(40), y0, c.w - P(40), fl.y), P(16), outline=t["line"], width=P(3))
    fl.y += P(50)
    fl.text(P(40), fl.y, "相关留言", P(36), bold=True)
    fl.y += P(70)
    for tt in ["雨花区东塘街道施工噪音", "望城区月亮岛街道道路积水", "岳阳县荣家湾镇停电", "湘阴县文星镇垃圾堆放",
               "祁阳市浯溪街道学校门口拥堵"][: 2 + c.long * 3]:
        fl.text(P(40), fl.y, tt, P(34))
        fl.y += P(50)
        fl.text(P(40), fl.y, _list_time(c), P(26), t["sub"])
        fl.y += P(60)
    fl.rect(0, fl.y, c.w, fl.y + P(120), t["card"])
    fl.rect(P(300), fl.y + P(20), c.w - P(300), fl.y + P(100), (200, 20, 25), r=P(40))
    fl.text(c.w // 2, fl.y + P(60), "我要留言", P(34), (255, 255, 255), True, "mm")
    fl.y += P(120)
    return fl.crop(_phone_h(c.w)), {}


# 3 ------------------------------------------------------------- 问政湖南 phone, label table
def wz_phone_table(c):
    t = DARK if c.dark else LIGHT
    fl = Flow(c.w, t)
    P = fl.px
    status_bar(fl, c.clock, c.sb)
    fl.text(P(40), fl.y + P(55), "<", P(44), t["fg"], False, "lm")
    fl.text(c.w // 2, fl.y + P(55), "问政详情", P(40), t["fg"], True, "mm")
    fl.y += P(110)
    fl.hline()
    fl.y += P(20)
    rows = [("标题", c.title), ("问政对象", c.unit), ("留言人", c.author), ("留言时间", c.tstr),
            ("类型", c.rng.choice(["投诉", "求助", "建议"])), ("状态", c.rng.choice(["已办结", "办理中"]))]
    lw = P(230)
    for k, v in rows:
        y0 = fl.y
        fl.text(P(60), fl.y + P(22), k, P(32), t["sub"], True)
        fl.y += P(22)
        fl.para(v, P(40) + lw, c.w - P(80) - lw, P(32), bold=(k == "标题"), gap=1.45)
        fl.y += P(14)
        fl.d.rectangle((P(30), y0, c.w - P(30), fl.y), outline=t["line"], width=P(2))
        fl.d.line((P(30) + lw - P(10), y0, P(30) + lw - P(10), fl.y), fill=t["line"], width=P(2))
    fl.y += P(40)
    fl.rect(P(40), fl.y, P(48), fl.y + P(40), t["accent"])
    fl.text(P(64), fl.y, "留言内容", P(36), bold=True)
    fl.y += P(70)
    for p in c.paras:
        fl.para(p, P(40), c.w - P(80), P(36), gap=1.7)
    fl.y += P(20)
    photo(fl, P(40), fl.y, P(300), P(220), c.i)
    photo(fl, P(360), fl.y, P(300), P(220), c.i + 3)
    fl.y += P(270)
    fl.rect(P(40), fl.y, P(48), fl.y + P(40), (40, 150, 80))
    fl.text(P(64), fl.y, "办理回复", P(36), bold=True)
    fl.y += P(70)
    fl.rect(P(30), fl.y, c.w - P(30), fl.y + P(10), t["bg"])
    fl.text(P(40), fl.y, "回复单位：" + c.rng.choice(["雨花区", "芙蓉区", "天心区"]) + c.rng.choice(REPLY_UNITS), P(30), t["sub"])
    fl.y += P(50)
    fl.text(P(40), fl.y, "回复时间：" + _other_time(c, "cn_full"), P(30), t["sub"])
    fl.y += P(60)
    fl.para(REPLY_TEXT, P(40), c.w - P(80), P(34), gap=1.6)
    fl.y += P(40)
    if c.long:
        fl.text(P(40), fl.y, "网友评论", P(36), bold=True)
        fl.y += P(70)
        _comments(fl, c, 4, P(40), c.w - P(80), P(34))
    return fl.crop(_phone_h(c.w)), {}


# 4 ---------------------------------------------- 问政湖南 desktop, author and time on the right
def wz_desktop_right(c):
    fl = Flow(c.w, LIGHT, bg=(242, 244, 247))
    s = c.w / 1440
    def P(v: float) -> int:
        return int(v * s)
    fl.rect(0, 0, c.w, P(80), (255, 255, 255))
    fl.text(P(60), P(40), "问政湖南", P(30), (20, 90, 170), True, "lm")
    x = P(320)
    for n in ["首页", "我要问政", "问政排行", "部门回复", "政策解读"]:
        x += fl.text(x, P(40), n, P(18), (70, 70, 70), False, "lm") + P(40)
    cx0, cx1 = P(160), c.w - P(160)
    fl.y = P(110)
    fl.rect(cx0, fl.y, cx1, fl.img.height, (255, 255, 255))
    top = fl.y
    fl.y += P(40)
    tf = F(P(30), True)
    for ln in wrap(c.title, tf, cx1 - cx0 - P(120)):
        fl.text(c.w // 2, fl.y, ln, P(30), bold=True, anchor="ma")
        fl.y += P(44)
    fl.y += P(16)
    fl.text(cx0 + P(60), fl.y, "问政对象：" + c.unit, P(16), (90, 90, 90))
    fl.text(cx1 - P(60), fl.y, f"{c.author}    {c.tstr}", P(16), (90, 90, 90), anchor="ra")
    fl.y += P(40)
    fl.hline(cx0 + P(60), cx1 - P(60))
    fl.y += P(30)
    for p in c.paras:
        fl.para(p, cx0 + P(60), cx1 - cx0 - P(120), P(19), gap=1.8)
    fl.y += P(30)
    tag = c.rng.choice(["投诉", "求助", "建议"])
    fl.text(cx0 + P(60), fl.y, f"类型：{tag}    浏览：{c.rng.randint(100, 3000)}    编号：WZ{c.rng.randint(10**7, 10**8)}", P(14), (130, 130, 130))
    fl.y += P(50)
    y0 = fl.y
    fl.y += P(24)
    fl.text(cx0 + P(80), fl.y, "部门回复", P(20), (20, 90, 170), True)
    fl.text(cx1 - P(80), fl.y, _other_time(c, "iso_sec"), P(14), (130, 130, 130), anchor="ra")
    fl.y += P(40)
    fl.para(REPLY_TEXT, cx0 + P(80), cx1 - cx0 - P(160), P(16), gap=1.8)
    fl.y += P(20)
    fl.d.rectangle((cx0 + P(60), y0, cx1 - P(60), fl.y), fill=None, outline=(200, 215, 235))
    fl.y += P(40)
    fl.rect(0, fl.y + 1, c.w, fl.img.height, (242, 244, 247))
    fl.d.rectangle((cx0, top, cx1, fl.y), outline=(225, 225, 225))
    fl.y += P(30)
    img = fl.crop(int(c.w * 0.5))
    return (taskbar(img, c.fwd, c.rng.random() < 0.5) if c.taskbar else img), {}


# 5 --------------------------------------------------------------- 抖音 图文 phone page
def dy_tuwen(c):
    t = DARK if c.dark else LIGHT
    fl = Flow(c.w, t)
    P = fl.px
    status_bar(fl, c.clock, c.sb)
    fl.text(P(40), fl.y + P(50), "<", P(44), t["fg"], False, "lm")
    fl.text(c.w - P(40), fl.y + P(50), "···", P(40), t["fg"], False, "rm")
    fl.y += P(100)
    photo(fl, 0, fl.y, c.w, P(900), c.i)
    fl.text(c.w - P(40), fl.y + P(40), f"1/{c.rng.randint(2, 6)}", P(28), (255, 255, 255), False, "ra")
    fl.y += P(930)
    fl.rect(P(40), fl.y, P(130), fl.y + P(90), (240, 120, 140), r=P(45))
    fl.text(P(150), fl.y + P(45), c.author, P(36), t["fg"], True, "lm")
    fl.rect(c.w - P(200), fl.y + P(15), c.w - P(40), fl.y + P(75), (254, 44, 85), r=P(10))
    fl.text(c.w - P(120), fl.y + P(45), "关注", P(30), (255, 255, 255), True, "mm")
    fl.y += P(120)
    for p in c.paras:
        fl.para(p, P(40), c.w - P(80), P(38), gap=1.6)
    fl.y += P(6)
    fl.text(P(40), fl.y, f"{c.tstr} · 湖南", P(28), t["sub"])      # time below the caption
    fl.y += P(70)
    fl.hline()
    fl.y += P(30)
    n = c.rng.randint(12, 400)
    fl.text(P(40), fl.y, f"共{n}条评论", P(32), t["fg"], True)
    fl.y += P(70)
    _comments(fl, c, 3 + 3 * c.long, P(40), c.w - P(80), P(34))
    fl.rect(0, fl.y, c.w, fl.y + P(110), t["card"])
    fl.text(P(40), fl.y + P(55), "善语结善缘，恶言伤人心", P(30), t["sub"], False, "lm")
    fl.y += P(110)
    return fl.crop(_phone_h(c.w)), {"title": None}


# 6 ------------------------------------------------------------- 微博 search result list
def wb_search_list(c):
    t = DARK if c.dark else LIGHT
    fl = Flow(c.w, t)
    P = fl.px
    status_bar(fl, c.clock, c.sb)
    fl.rect(P(40), fl.y + P(10), c.w - P(140), fl.y + P(90), t["card"], r=P(40))
    fl.text(P(80), fl.y + P(50), c.rng.choice(["投诉", "曝光", "求助", "民生"]), P(32), t["fg"], False, "lm")
    fl.text(c.w - P(40), fl.y + P(50), "取消", P(32), t["fg"], False, "rm")
    fl.y += P(120)
    x = P(40)
    for k, n in enumerate(["综合", "实时", "用户", "视频", "图片", "话题"]):
        w = fl.text(x, fl.y, n, P(32), t["accent"] if k == 1 else t["sub"], k == 1)
        x += w + P(50)
    fl.y += P(60)
    fl.rect(0, fl.y, c.w, fl.y + P(16), t["card"])
    fl.y += P(40)

    def card(nick, tline, paras, photos):
        fl.rect(P(40), fl.y, P(140), fl.y + P(100), (120, 160, 210), r=P(50))
        fl.text(P(165), fl.y + P(5), nick, P(34), (235, 120, 40), True)
        fl.text(P(165), fl.y + P(55), tline, P(26), t["sub"])
        fl.y += P(130)
        for p in paras:
            fl.para(p, P(40), c.w - P(80), P(36), gap=1.6)
        if photos:
            for k in range(3):
                photo(fl, P(40) + k * P(335), fl.y + P(10), P(320), P(320), c.i + k)
            fl.y += P(350)
        fl.y += P(20)
        x = 0
        for a in ["转发", "评论", "赞"]:
            fl.text(x + c.w // 6, fl.y, f"{a} {c.rng.randint(1, 300)}", P(28), t["sub"], False, "ma")
            x += c.w // 3
        fl.y += P(70)
        fl.rect(0, fl.y, c.w, fl.y + P(16), t["card"])
        fl.y += P(40)

    dev = c.rng.choice(["iPhone 15 Pro", "HUAWEI Mate 60", "微博 weibo.com", "Redmi K70", "OPPO Find X7"])
    card(c.author, f"{c.tstr}  来自 {dev}", c.paras, c.rng.random() < 0.5)
    for _ in range(2 + 2 * c.long):
        card(c.rng.choice(OTHER_NICKS), f"{_list_time(c)}  来自 {c.rng.choice(['iPhone', 'vivo X100'])}",
             [c.rng.choice(CHATTER) + c.rng.choice(CHATTER)], False)
    return fl.crop(_phone_h(c.w)), {"title": None}


# 7 ---------------------------------------------------- WeChat merged chat history (聊天记录)
def wx_merged_history(c):
    t = DARK if c.dark else LIGHT
    fl = Flow(c.w, t, bg=t["bg"])
    P = fl.px
    status_bar(fl, c.clock, c.sb)
    fl.text(P(40), fl.y + P(55), "<", P(44), t["fg"], False, "lm")
    grp = c.rng.choice(["社区网格群", "县应急值班群", "信访舆情交流群", "XX街道工作群"])
    fl.text(c.w // 2, fl.y + P(55), f"{grp}的聊天记录", P(36), t["fg"], True, "mm")
    fl.y += P(120)
    from datetime import timedelta
    nb, na = c.rng.randint(1, 2), c.rng.randint(1, 2) + 3 * c.long
    before = sorted(c.posted - timedelta(minutes=c.rng.randint(3, 900)) for _ in range(nb))
    span = max(1, int((c.fwd - c.posted).total_seconds() // 60))
    after = sorted(c.posted + timedelta(minutes=c.rng.randint(0, span)) for _ in range(na))
    d0 = before[0].date()
    fl.text(c.w // 2, fl.y, f"{d0.year}-{d0.month:02d}-{d0.day:02d} 至 {c.fwd.year}-{c.fwd.month:02d}-{c.fwd.day:02d}",
            P(28), t["sub"], False, "ma")
    fl.y += P(70)

    def item(nick, tm, lines, first_bold=False):
        fl.hline(P(150), c.w, t["line"])
        fl.y += P(24)
        fl.rect(P(40), fl.y, P(120), fl.y + P(80), (100 + len(nick) * 20 % 120, 150, 180), r=P(8))
        fl.text(P(150), fl.y, nick, P(28), t["sub"])
        fl.text(c.w - P(40), fl.y, tm, P(28), t["sub"], False, "ra")
        fl.y += P(46)
        for k, ln in enumerate(lines):
            fl.para(ln, P(150), c.w - P(200), P(36), bold=first_bold and k == 0, gap=1.6)
        fl.y += P(20)

    for tm in before:
        item(c.rng.choice(OTHER_NICKS), tm.strftime("%m-%d %H:%M"), [c.rng.choice(CHATTER)])
    lines = ([f"【{c.title}】"] if c.show_title else []) + c.paras
    item(c.author, c.tstr, lines, c.show_title)
    for tm in after:
        item(c.rng.choice(OTHER_NICKS), tm.strftime("%m-%d %H:%M"), [c.rng.choice(CHATTER)])
    return fl.crop(_phone_h(c.w)), {"title": c.title if c.show_title else None}


# 8 ------------------------------------------------------------- 贴吧 thread (platform other)
def tieba_thread(c):
    t = DARK if c.dark else LIGHT
    fl = Flow(c.w, t)
    P = fl.px
    status_bar(fl, c.clock, c.sb)
    bar = c.rng.choice(["长沙吧", "株洲吧", "衡阳吧", "湖南吧", "岳阳吧"])
    fl.text(P(40), fl.y + P(55), "<", P(44), t["fg"], False, "lm")
    fl.text(c.w // 2, fl.y + P(55), bar, P(36), t["fg"], True, "mm")
    fl.y += P(120)
    fl.hline()
    fl.y += P(30)
    fl.para(c.title, P(40), c.w - P(80), P(48), bold=True, gap=1.4)
    fl.y += P(50)

    def floor(nick, n, tm, paras, host):
        fl.rect(P(40), fl.y, P(130), fl.y + P(90), (90, 130, 200), r=P(45))
        w = fl.text(P(150), fl.y + P(4), nick, P(32), (60, 110, 200))
        if host:
            fl.rect(P(165) + int(w), fl.y + P(8), P(235) + int(w), fl.y + P(44), (60, 110, 200), r=P(6))
            fl.text(P(200) + int(w), fl.y + P(26), "楼主", P(22), (255, 255, 255), False, "mm")
        fl.text(P(150), fl.y + P(50), f"{n}楼 · {tm} · 来自湖南", P(24), t["sub"])
        fl.y += P(120)
        for p in paras:
            fl.para(p, P(150), c.w - P(190), P(36), gap=1.65)
        fl.y += P(20)
        fl.hline(P(150))
        fl.y += P(30)

    floor(c.author, 1, c.tstr, c.paras, True)
    for k in range(2, 5 + 3 * c.long):
        floor(c.rng.choice(OTHER_NICKS), k, _other_time(c, "md_dash"), [c.rng.choice(CHATTER)], False)
    return fl.crop(_phone_h(c.w)), {}



# 9 ------------------------------------------- 微博 评论详情: the citizen's comment heads a reply thread
def wb_reply_thread(c):
    t = DARK if c.dark else LIGHT
    fl = Flow(c.w, t)
    P = fl.px
    status_bar(fl, c.clock, c.sb)
    fl.text(P(40), fl.y + P(55), "<", P(44), t["fg"], False, "lm")
    fl.text(c.w // 2, fl.y + P(55), "评论详情", P(36), t["fg"], True, "mm")
    fl.y += P(120)
    # the post being commented on, collapsed (a distractor: an account's short post)
    fl.rect(P(40), fl.y, c.w - P(40), fl.y + P(120), t["card"], r=P(10))
    acct = c.rng.choice(["@湖南日报", "@长沙晚报", "@潇湘晨报", "@红网"])
    fl.text(P(70), fl.y + P(20), acct, P(28), t["link"])
    fl.text(P(70), fl.y + P(66), c.rng.choice(["【你身边有哪些民生问题？评论区告诉我们】", "【民生热线】有事您说话"]), P(28), t["sub"])
    fl.y += P(160)
    fl.rect(P(40), fl.y, P(130), fl.y + P(90), (200, 140, 90), r=P(45))
    fl.text(P(150), fl.y + P(4), c.author, P(32), t["fg"], True)
    fl.text(c.w - P(40), fl.y + P(4), f"赞 {c.rng.randint(3, 900)}", P(26), t["sub"], False, "ra")
    fl.y += P(56)
    fl.text(P(150), fl.y, f"{c.tstr} 来自湖南", P(26), t["sub"])
    fl.y += P(56)
    for p in c.paras:
        fl.para(p, P(150), c.w - P(190), P(36), gap=1.6)
    fl.y += P(30)
    fl.rect(0, fl.y, c.w, fl.y + P(16), t["card"])
    fl.y += P(40)
    fl.text(P(40), fl.y, f"{c.rng.randint(3, 60)}条回复", P(30), t["fg"], True)
    fl.text(c.w - P(40), fl.y, "按热度", P(28), t["sub"], False, "ra")
    fl.y += P(70)
    _comments(fl, c, 3 + 3 * c.long, P(40), c.w - P(80), P(34))
    fl.rect(0, fl.y, c.w, fl.y + P(110), t["card"])
    fl.text(P(40), fl.y + P(55), "回复 @" + c.author, P(30), t["sub"], False, "lm")
    fl.y += P(110)
    return fl.crop(_phone_h(c.w)), {"title": None}

LAYOUTS = [
    ("hw_desktop_bold", "hongwang", True, hw_desktop_bold),
    ("hw_phone_timefirst", "hongwang", False, hw_phone_timefirst),
    ("wz_phone_table", "wenzheng_hunan", False, wz_phone_table),
    ("wz_desktop_right", "wenzheng_hunan", True, wz_desktop_right),
    ("dy_tuwen", "douyin", False, dy_tuwen),
    ("wb_search_list", "weibo", False, wb_search_list),
    ("wx_merged_history", "wechat", False, wx_merged_history),
    ("tieba_thread", "other", False, tieba_thread),
    ("wb_reply_thread", "weibo", False, wb_reply_thread),
]
