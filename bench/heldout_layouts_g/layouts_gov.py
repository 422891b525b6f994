"""Government portal and government-app layouts."""
from __future__ import annotations

from . import content
from .draw import Ink
from .scene import Page, Scene

TEXT = (34, 34, 34)
GREY = (140, 140, 140)
LINE = (220, 222, 226)
WHITE = (255, 255, 255)


def _mailbox_name(county: str) -> str:
    return {"区": "区长信箱", "市": "市长信箱"}.get(county[-1], "县长信箱")


def _paras(ink: Ink, x: float, y: float, paras: list[str], size: float, fill, maxw: float,
           gap: float = 8, lh: float = 1.7) -> float:
    for i, p in enumerate(paras):
        y = ink.para(x, y, p, size, fill, maxw, lh=lh) + (gap if i < len(paras) - 1 else 0)
    return y


def _label_above(ink: Ink, x: float, y: float, label: str, value: str, maxw: float,
                 vsize: float = 16, bold: bool = False) -> float:
    """A small grey label on one line and its value on the next."""
    ink.text(x, y, label, 13, GREY)
    return ink.para(x, y + 22, value, vsize, TEXT, maxw, lh=1.55, bold=bold) + 14


def _portal_banner(ink: Ink, site: str, color, nav: list[str]) -> float:
    W = ink.W
    ink.rect(0, 0, W, 104, fill=color)
    cx = max(40, (W - 1100) / 2)
    ink.circle(cx + 30, 52, 28, fill=(230, 190, 60))
    ink.text(cx + 30, 52, "徽", 24, color, anchor="mm")
    ink.text(cx + 74, 32, site, 30, WHITE, bold=True)
    dark = tuple(max(0, c - 40) for c in color)
    ink.rect(0, 104, W, 148, fill=dark)
    for i, item in enumerate(nav):
        ink.text(cx + i * 150, 114, item, 17, WHITE)
    return 148


def gov_mailbox_desktop(s: Scene) -> Page:
    p = s.complaint.place
    ink = Ink(s.width, s.u, (238, 241, 245))
    color = s.rng.choice([(176, 30, 30), (22, 84, 160)])
    site = f"{p.county}人民政府门户网站"
    box = s.rng.choice([_mailbox_name(p.county), "书记信箱"])
    y = _portal_banner(ink, site, color, ["首页", "政务公开", "政务服务", "政民互动", f"走进{p.county}"])
    x0 = max(40, (ink.W - 1100) / 2)
    x1 = ink.W - x0
    ink.text(x0, y + 14, f"当前位置：首页 > 政民互动 > {box} > 信件详情", 13, GREY)
    top = y + 44
    ink.rect(x0, top, x1, top + 8000, fill=WHITE)
    ink.rect(x0, top, x1, top + 3, fill=color)
    x, maxw = x0 + 48, x1 - x0 - 96
    ink.text((x0 + x1) / 2, top + 30, box + "信件详情", 24, TEXT, bold=True, anchor="ma")
    y = top + 84
    ink.line(x, y - 12, x1 - 48, y - 12, LINE)
    y = _label_above(ink, x, y, "信件标题", s.title, maxw, 18, bold=True)
    y = _label_above(ink, x, y, "来信人", s.author, maxw)
    y = _label_above(ink, x, y, "来信时间", s.shown.text, maxw)
    ink.text(x, y, "信件内容", 13, GREY)
    y = _paras(ink, x, y + 22, s.paras, 16, TEXT, maxw)
    post_bottom = y
    y += 22
    ink.rect(x - 16, y, x1 - 32, y + 2, fill=LINE)
    y += 24
    unit = s.rng.choice(s.complaint.units)
    y = _label_above(ink, x, y, "答复单位", unit, maxw)
    y = _label_above(ink, x, y, "答复时间", s.reply_time(), maxw)
    ink.text(x, y, "答复内容", 13, GREY)
    y = ink.para(x, y + 22, s.other(s.rng.choice(content.OFFICIAL_REPLIES)), 16, TEXT, maxw, lh=1.7)
    y += 30
    ink.rect(x0, y, x1, y + 8000, fill=(238, 241, 245))
    ink.rect(x0, top + 3, x1, y, outline=LINE)
    ink.rect(0, y + 30, ink.W, y + 110, fill=(60, 64, 72))
    ink.text(ink.W / 2, y + 52, f"主办：{p.county}人民政府办公室　承办：{p.county}政务服务中心", 13, (200, 200, 200), anchor="ma")
    ink.text(ink.W / 2, y + 76, "湘ICP备05001234号　政府网站标识码：4304240001", 13, (200, 200, 200), anchor="ma")
    return Page(ink, post_bottom, y + 110, tab_title=f"{box} - {site}",
                url=f"www.{s.rng.choice(['hd', 'xz', 'gov'])}{s.rng.randint(10, 99)}.gov.cn/zmhd/xzxx/detail.html")


def _table_row(ink: Ink, x0, x1, y, label, value, lw, size=14, bold=False) -> float:
    h = ink.para_height(value, size, x1 - x0 - lw - 20, lh=1.5) + 18
    ink.rect(x0, y, x0 + lw, y + h, fill=(244, 246, 249), outline=LINE)
    ink.rect(x0 + lw, y, x1, y + h, fill=WHITE, outline=LINE)
    ink.text(x0 + 10, y + 9, label, 13, (90, 90, 90))
    ink.para(x0 + lw + 10, y + 9, value, size, TEXT, x1 - x0 - lw - 20, lh=1.5, bold=bold)
    return y + h


def _span_row(ink: Ink, x0, x1, y, label) -> float:
    ink.rect(x0, y, x1, y + 34, fill=(244, 246, 249), outline=LINE)
    ink.text((x0 + x1) / 2, y + 9, label, 14, (90, 90, 90), anchor="ma")
    return y + 34


def gov_mailbox_phone(s: Scene) -> Page:
    p = s.complaint.place
    color = s.rng.choice([(176, 30, 30), (22, 84, 160), (12, 110, 170)])
    ink = Ink(s.width, s.u, WHITE)
    W = ink.W
    ink.rect(0, 0, W, 48, fill=color)
    ink.text(14, 12, "<", 18, WHITE)
    ink.text(W / 2, 13, f"{p.county}人民政府", 17, WHITE, anchor="ma", bold=True)
    ink.text(W - 16, 13, "≡", 18, WHITE, anchor="ra")
    box = _mailbox_name(p.county)
    ink.text(12, 62, f"政民互动 > {box} > 信件详情", 12, GREY)
    x0, x1, lw = 10, W - 10, 78
    y = 88
    y = _table_row(ink, x0, x1, y, "信件标题", s.title, lw, 15, bold=True)
    y = _table_row(ink, x0, x1, y, "来信人", s.author, lw)
    y = _table_row(ink, x0, x1, y, "来信时间", s.shown.text, lw)
    y = _table_row(ink, x0, x1, y, "信件类型", s.rng.choice(["投诉", "求助", "建议"]), lw)
    y = _span_row(ink, x0, x1, y, "信件内容")
    h = sum(ink.para_height(t, 15, x1 - x0 - 24, 1.65) for t in s.paras) + 6 * len(s.paras) + 20
    ink.rect(x0, y, x1, y + h, outline=LINE)
    _paras(ink, x0 + 12, y + 12, s.paras, 15, TEXT, x1 - x0 - 24, gap=6, lh=1.65)
    y += h
    post_bottom = y
    y = _table_row(ink, x0, x1, y, "办理状态", "已办结", lw)
    y = _table_row(ink, x0, x1, y, "答复单位", s.rng.choice(s.complaint.units), lw)
    y = _table_row(ink, x0, x1, y, "答复时间", s.reply_time(), lw)
    y = _span_row(ink, x0, x1, y, "答复内容")
    reply = s.other(s.rng.choice(content.OFFICIAL_REPLIES))
    h = ink.para_height(reply, 15, x1 - x0 - 24, 1.65) + 20
    ink.rect(x0, y, x1, y + h, outline=LINE)
    ink.para(x0 + 12, y + 10, reply, 15, TEXT, x1 - x0 - 24, lh=1.65)
    y += h + 24
    ink.text(W / 2, y, f"{p.county}人民政府办公室主办", 12, GREY, anchor="ma")
    return Page(ink, post_bottom, y + 40, bar_bg=color, bar_fg=WHITE)


def gov_list_desktop(s: Scene) -> Page:
    p = s.complaint.place
    rng = s.rng
    ink = Ink(s.width, s.u, (245, 246, 248))
    color = rng.choice([(176, 30, 30), (22, 84, 160)])
    box = _mailbox_name(p.county)
    y = _portal_banner(ink, f"{p.county}人民政府", color, ["首页", "信息公开", "办事服务", "政民互动", "数据发布"])
    x0 = max(30, (ink.W - 1180) / 2)
    x1 = ink.W - x0
    side = 210
    y0 = y + 24
    ink.rect(x0, y0, x0 + side, y0 + 56, fill=color)
    ink.text(x0 + side / 2, y0 + 16, "政民互动", 20, WHITE, bold=True, anchor="ma")
    for i, item in enumerate(["我要写信", "信件查询", box, "部门信箱", "征集调查", "常见问题"]):
        yy = y0 + 56 + i * 48
        ink.rect(x0, yy, x0 + side, yy + 48, fill=(232, 240, 250) if item == box else WHITE, outline=LINE)
        ink.text(x0 + 24, yy + 14, item, 15, color if item == box else TEXT)
    mx = x0 + side + 24
    ink.rect(mx, y0, x1, y0 + 56, fill=WHITE, outline=LINE)
    ink.text(mx + 20, y0 + 15, f"{box} · 信件公开", 19, TEXT, bold=True)
    ink.rect(x1 - 260, y0 + 12, x1 - 20, y0 + 44, outline=LINE, r=4)
    ink.text(x1 - 250, y0 + 18, "请输入标题关键字", 13, GREY)
    cols = [mx + 20, x1 - 330, x1 - 130]
    y = y0 + 72
    ink.rect(mx, y, x1, y + 40, fill=(236, 239, 243))
    for cx, name in zip(cols, ["信件标题", "来信时间", "办理状态"], strict=True):
        ink.text(cx, y + 11, name, 15, TEXT, bold=True)
    y += 40
    n_before = rng.randint(1, 3)
    titles = rng.sample(content.GOV_LIST_TITLES, n_before + 4)
    style = "date_only" if s.shown.components == ["date"] else rng.choice(["iso_min", "date_only"])
    post_bottom = 0

    def row(title, when, status, hi=False):
        nonlocal y
        ink.rect(mx, y, x1, y + 44, fill=(255, 249, 230) if hi else WHITE)
        ink.line(mx, y + 44, x1, y + 44, LINE)
        ink.text(cols[0], y + 12, ("▼ " if hi else "· ") + title, 15, TEXT, bold=hi)
        ink.text(cols[1], y + 13, when, 14, (90, 90, 90))
        ink.text(cols[2], y + 13, status, 14, (20, 140, 60) if status == "已办结" else (210, 120, 0))
        y += 44

    for t in titles[:n_before]:
        row(s.other(t), s.loose_time(style), rng.choice(["已办结", "办理中"]))
    row(s.title, s.shown.text, "已办结", hi=True)
    # expanded letter
    ex0, exw = mx + 20, x1 - mx - 60
    top = y
    ink.rect(mx, top, x1, top + 8000, fill=WHITE)
    y += 16
    ink.text(ex0, y, "来信人：", 14, GREY)
    ink.text(ex0 + ink.measure("来信人：", 14), y, s.author, 14, TEXT)
    y = _paras(ink, ex0, y + 30, s.paras, 15, TEXT, exw, lh=1.7)
    post_bottom = y
    y += 14
    reply = s.other(rng.choice(content.OFFICIAL_REPLIES))
    rh = ink.para_height(reply, 14, exw - 30, 1.6) + 44
    ink.rect(ex0, y, ex0 + exw, y + rh, fill=(242, 245, 250), r=4)
    ink.text(ex0 + 14, y + 10, f"答复单位：{rng.choice(s.complaint.units)}　答复时间：{s.reply_time()}", 13, GREY)
    ink.para(ex0 + 14, y + 34, reply, 14, (70, 70, 70), exw - 30, lh=1.6)
    y += rh + 16
    ink.rect(mx, y, x1, y + 8000, fill=(245, 246, 248))
    ink.rect(mx, top, x1, y, outline=(240, 200, 120))
    for t in titles[n_before:]:
        row(s.other(t), s.loose_time(style), rng.choice(["已办结", "已办结", "办理中"]))
    y += 20
    ink.text((mx + x1) / 2, y, f"共 {rng.randint(300, 3000)} 条　首页　上一页　1　2　3　…　下一页　尾页", 14, GREY, anchor="ma")
    return Page(ink, post_bottom, y + 60, tab_title=f"{box} - {p.county}人民政府",
                url=f"www.{rng.choice(['xx', 'hn', 'zf'])}{rng.randint(10, 99)}.gov.cn/zmhd/{rng.choice(['xzxx', 'sjxx'])}/index.html")


def portal_12345_desktop(s: Scene) -> Page:
    p = s.complaint.place
    rng = s.rng
    ink = Ink(s.width, s.u, (241, 245, 250))
    W = ink.W
    blue = (18, 96, 196)
    ink.rect(0, 0, W, 96, fill=blue)
    x0 = max(40, (W - 1080) / 2)
    x1 = W - x0
    ink.text(x0, 26, f"{p.city}12345政务服务便民热线", 28, WHITE, bold=True)
    ink.text(x1, 36, "首页　诉求公开　政策知识库　满意度评价", 16, WHITE, anchor="ra")
    y = 120
    ink.text(x0, y, "首页 > 诉求公开 > 诉求详情", 13, GREY)
    y += 32
    top = y
    ink.rect(x0, top, x1, top + 8000, fill=WHITE)
    ink.rect(x0, top, x1, top + 52, fill=(232, 240, 252))
    ink.text(x0 + 24, top + 14, "诉求详情", 19, blue, bold=True)
    ink.text(x1 - 24, top + 17, f"工单编号：{rng.choice('GZJ')}{s.shown.resolved:%Y%m%d}{rng.randint(1000, 9999)}", 13, GREY, anchor="ra")
    x, maxw = x0 + 32, x1 - x0 - 64
    y = top + 76
    y = _label_above(ink, x, y, "诉求标题", s.title, maxw, 18, bold=True)
    colw = maxw / 3
    fields = [("诉求人", s.author), ("诉求时间", s.shown.text), ("诉求渠道", rng.choice(["网站", "微信公众号", "APP"]))]
    for i, (lab, val) in enumerate(fields):
        _label_above(ink, x + i * colw, y, lab, val, colw - 20)
    y += 62
    ink.text(x, y, "诉求内容", 13, GREY)
    y = _paras(ink, x, y + 22, s.paras, 16, TEXT, maxw)
    post_bottom = y
    y += 24
    ink.line(x, y, x1 - 32, y, LINE)
    y += 20
    fields = [("承办单位", rng.choice(s.complaint.units)), ("办理状态", "已办结"), ("答复时间", s.reply_time())]
    for i, (lab, val) in enumerate(fields):
        _label_above(ink, x + i * colw, y, lab, val, colw - 20)
    y += 62
    ink.text(x, y, "办理结果", 13, GREY)
    y = ink.para(x, y + 22, s.other(rng.choice(content.OFFICIAL_REPLIES)), 16, (70, 70, 70), maxw, lh=1.7)
    y += 28
    ink.rect(x0, y, x1, y + 8000, fill=(241, 245, 250))
    ink.rect(x0, top, x1, y, outline=LINE)
    ink.text(W / 2, y + 30, f"{p.city}12345政务服务便民热线管理中心　版权所有", 13, GREY, anchor="ma")
    return Page(ink, post_bottom, y + 80, tab_title=f"诉求详情 - {p.city}12345",
                url=f"12345.{rng.choice(['hy', 'cs', 'yy', 'cd', 'sy'])}.gov.cn/sqgk/detail?id={rng.randint(100000, 999999)}")


def wenzheng_detail(s: Scene) -> Page:
    rng = s.rng
    ink = Ink(s.width, s.u, (244, 245, 247))
    W = ink.W
    ink.rect(0, 0, W, 48, fill=WHITE)
    ink.text(14, 12, "<", 20, TEXT)
    ink.text(W / 2, 13, "问政详情", 17, TEXT, bold=True, anchor="ma")
    ink.text(W - 16, 10, "⋯", 20, TEXT, anchor="ra")
    y = 58
    x, maxw = 16, W - 32
    kind, kc = rng.choice([("投诉", (230, 70, 60)), ("建议", (40, 120, 230)), ("咨询", (30, 160, 100))])
    lines = ink.wrap("　　" + s.title, 18, maxw)
    th = len(lines) * 18 * 1.45
    card_h = 14 + th + 56
    ink.rect(0, y, W, y + card_h, fill=WHITE)
    for i, line in enumerate(lines):
        ink.text(x, y + 12 + i * 18 * 1.45, line, 18, TEXT, bold=True)
    ink.chip(x, y + 14, kind, 12, WHITE, kc, pad=4, r=3)
    yy = y + 14 + th + 6
    ink.avatar(x + 11, yy + 11, 11, s.author)
    ink.text(x + 28, yy + 3, s.author, 13, (60, 60, 60))
    ink.text(x + 36 + ink.measure(s.author, 13), yy + 4, s.shown.text, 12, GREY)
    ink.chip(W - 70, yy + 1, "已回复", 12, (30, 150, 90), WHITE, outline=(30, 150, 90))
    y += card_h + 8
    ink.rect(0, y, W, y + 10000, fill=WHITE)
    y += 14
    ink.text(x, y, "问政对象：", 14, GREY)
    y = ink.para(x + ink.measure("问政对象：", 14), y, s.unit, 14, (40, 110, 200), maxw - 72) + 8
    ink.line(x, y, W - 16, y, LINE)
    y = _paras(ink, x, y + 14, s.paras, 16, TEXT, maxw, lh=1.75)
    post_bottom = y
    y += 12
    ink.text(x, y, f"浏览 {rng.randint(200, 9000)}　　点赞 {rng.randint(0, 80)}", 12, GREY)
    y += 34
    ink.rect(0, y, W, y + 8, fill=(244, 245, 247))
    y += 22
    ink.rect(x, y, x + 4, y + 18, fill=(230, 70, 60))
    ink.text(x + 12, y, "回复", 16, TEXT, bold=True)
    y += 32
    reply = s.other(rng.choice(content.OFFICIAL_REPLIES))
    rh = ink.para_height(reply, 15, maxw - 24, 1.7) + 62
    ink.rect(x, y, W - 16, y + rh, fill=(246, 248, 251), r=6)
    ink.avatar(x + 26, y + 24, 13, s.unit[-3:], square=True)
    ink.text(x + 46, y + 10, s.unit, 14, TEXT, bold=True)
    ink.text(W - 28, y + 12, s.reply_time(), 12, GREY, anchor="ra")
    ink.para(x + 12, y + 48, reply, 15, (60, 60, 60), maxw - 24, lh=1.7)
    y += rh + 20
    return Page(ink, post_bottom, y, bar_bg=WHITE, bar_fg=TEXT)


def hongwang_phone(s: Scene) -> Page:
    rng = s.rng
    red = (200, 22, 30)
    ink = Ink(s.width, s.u, WHITE)
    W = ink.W
    ink.rect(0, 0, W, 50, fill=red)
    ink.text(14, 11, "红网", 22, WHITE, bold=True)
    ink.text(72, 16, "百姓呼声", 15, WHITE)
    ink.text(W - 14, 16, "我要留言", 14, WHITE, anchor="ra")
    x, maxw = 16, W - 32
    y = ink.para(x, 66, s.title, 19, TEXT, maxw, lh=1.45, bold=True) + 6
    status = rng.choice(["已回复", "已办理"])
    ink.chip(x, y, status, 12, (30, 150, 90), (230, 246, 236))
    ink.text(x + 64, y + 3, f"浏览量 {rng.randint(100, 5000)}", 12, GREY)
    y += 34
    bh_start = y
    fields = [("留言对象", s.unit), ("留言时间", s.shown.text), ("留言用户", s.author),
              ("留言类型", rng.choice(["投诉", "求助", "建议", "咨询"]))]
    box_h = sum(22 + ink.para_height(v, 15, maxw - 24, 1.5) + 12 for _, v in fields) + 10
    ink.rect(x, bh_start, W - 16, bh_start + box_h, fill=(248, 248, 248), r=6)
    y += 12
    for lab, val in fields:
        ink.text(x + 12, y, lab, 12, GREY)
        y = ink.para(x + 12, y + 20, val, 15, TEXT, maxw - 24, lh=1.5) + 12
    y = bh_start + box_h + 18
    ink.rect(x, y + 2, x + 4, y + 18, fill=red)
    ink.text(x + 12, y, "留言内容", 16, TEXT, bold=True)
    y = _paras(ink, x, y + 32, s.paras, 16, TEXT, maxw, lh=1.75)
    post_bottom = y
    y += 24
    ink.rect(x, y + 2, x + 4, y + 18, fill=red)
    ink.text(x + 12, y, "官方回复", 16, TEXT, bold=True)
    y += 32
    reply = s.other(rng.choice(content.OFFICIAL_REPLIES))
    rh = ink.para_height(reply, 15, maxw - 24, 1.7) + 112
    ink.rect(x, y, W - 16, y + rh, fill=(255, 246, 240), r=6)
    ink.text(x + 12, y + 12, "回复单位", 12, GREY)
    ink.text(x + 12, y + 32, rng.choice(s.complaint.units), 15, TEXT)
    ink.text(x + 12, y + 58, f"回复时间　{s.reply_time()}", 12, GREY)
    ink.para(x + 12, y + 86, reply, 15, (70, 70, 70), maxw - 24, lh=1.7)
    y += rh + 24
    ink.text(W / 2, y, "红网 rednet.cn　百姓呼声", 12, GREY, anchor="ma")
    return Page(ink, post_bottom, y + 40, bar_bg=red, bar_fg=WHITE)
