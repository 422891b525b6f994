"""Screen templates: several per platform and screen kind, each with randomised parts.

Every template fills a `Screen` with elements labelled by role and sets the truth fields
(platform, title, author, posted_at, addressed_unit, body). Families:
- 红网 百姓呼声: phone detail, desktop detail (nav, breadcrumbs, sidebar), phone list-then-detail.
- 问政湖南: app detail (type tag, nickname + time row, progress steps), desktop label/value table,
  phone label lines.
- 抖音: video caption page (tabs, right-hand counters, bottom nav), comment sheet.
- 微博: detail page with counters and replies.
- 微信: group chat where someone pasted the post, 1:1 chat.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import timedelta

from bench.screenshots.content import Post, ShownTime, shown_time
from bench.screenshots.layout import Screen, Shape, text_width

Template = Callable[[Screen, Post, random.Random], None]


def _status_bar(s: Screen, rnd: random.Random, size: float) -> None:
    clock = f"{rnd.randrange(0, 24)}:{rnd.randrange(60):02d}"
    carrier = rnd.choice(["", "", "中国移动", "中国联通", "中国电信", "中国移动 4G"])
    right = rnd.choice(["5G 87%", "4G 86%", "86%", "HD 5G 54%", "4G+ 100%", "WiFi 72%", "92"])
    top = s.y + size * 0.4
    if carrier and rnd.random() < 0.5:
        s.y = top
        s.text(carrier + rnd.choice(["", "4G", " 4G"]) + right.split()[-1], "chrome", size, advance=False)
    else:
        s.y = top
        s.text(carrier or clock, "chrome", size, advance=False)
        s.text(right, "chrome", size, s.width - s.style.margin - text_width(right, size), advance=False)
        if carrier:
            s.text(clock, "chrome", size, s.width / 2 - size, advance=False)
    s.y = top + size * 2.0


def _nav(s: Screen, rnd: random.Random, title: str, size: float, *, accent_bar: bool = False) -> None:
    if accent_bar:
        s.rect((0, s.y - size * 0.4, s.width, s.y + size * 1.6), s.style.accent)
    color = "#ffffff" if accent_bar else s.style.fg
    s.text(rnd.choice(["<", "〈", "返回"]), "chrome", size, s.style.margin, color=color, advance=False)
    s.text(title, "chrome", size, s.width / 2 - text_width(title, size) / 2, color=color, advance=False)
    if rnd.random() < 0.6:
        extra = rnd.choice(["...", "分享", "···", "搜索"])
        s.text(extra, "chrome", size, s.width - s.style.margin - text_width(extra, size), color=color, advance=False)
    s.y += size * 2.2


def _bottom_bar(s: Screen, rnd: random.Random, items: list[str], size: float, y: float | None = None) -> None:
    y = s.height - size * 2.2 if y is None else y
    saved = s.y
    s.y = y
    step = (s.width - 2 * s.style.margin) / max(len(items), 1)
    for i, item in enumerate(items):
        s.text(item, "chrome", size, s.style.margin + i * step + step / 2 - text_width(item, size) / 2,
               color=s.style.muted, advance=False)
    s.y = saved


def _body_limit(s: Screen, reserve: float) -> float:
    return s.height - reserve


def _time_truth(s: Screen, when: ShownTime) -> None:
    s.truth["posted_at"] = when.moment.isoformat()
    s.truth["posted_shown"] = list(when.shown)


def _body(s: Screen, post: Post, size: float, max_y: float, **kw: object) -> None:
    paragraphs = _paragraphs(post.body, s, size)
    for paragraph in paragraphs:
        s.wrapped(paragraph, "body", size, max_y=max_y, **kw)  # type: ignore[arg-type]
        if s.y + size > max_y:
            break
        s.space(0.3, size)
    s.truth["body"] = s.drawn_text("body")


def _paragraphs(text: str, s: Screen, size: float) -> list[str]:
    # Citizens write one long paragraph or a few; split at sentence ends now and then.
    out, current = [], ""
    for ch in text:
        current += ch
        if ch in "。！？" and len(current) > 60 and hash((len(current), s.width)) % 3 == 0:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _label(rnd: random.Random, words: list[str]) -> str:
    return rnd.choice(words) + rnd.choice(["：", "：", ":", "： "])


# -- 红网 百姓呼声 ---------------------------------------------------------------------------


def hongwang_phone(s: Screen, post: Post, rnd: random.Random) -> None:
    st = s.style
    base = 42 * st.scale
    _status_bar(s, rnd, 32 * st.scale)
    _nav(s, rnd, rnd.choice(["红网 · 百姓呼声", "百姓呼声", "留言详情", "红网百姓呼声"]), 40 * st.scale,
         accent_bar=rnd.random() < 0.6)
    if rnd.random() < 0.4:
        s.text(rnd.choice(["首页>百姓呼声>留言详情", "首页 > 百姓呼声 > 留言详情", "百姓呼声 > 投诉 > 详情"]), "chrome",
               30 * st.scale, color=st.muted, gap=0.8)
    status = rnd.choice(["待回复", "已回复", "已受理", "办理中", "已办结", None])
    if status and rnd.random() < 0.5:
        s.text(status, "chrome", 30 * st.scale, color=st.accent, gap=0.5)
        status = None
    meta = 34 * st.scale
    meta_first = rnd.random() < 0.25
    if meta_first:
        s.text(_label(rnd, ["网友", "留言人", "发帖人"]) + post.author, "author", meta, color=st.muted, gap=0.2)
    s.wrapped(post.title, "title", 54 * st.scale, bold=True, gap=0.3)
    s.truth["title"] = s.drawn_text("title")
    s.space(0.4, base)
    if meta_first:
        s.text(_label(rnd, ["发布时间", "留言时间", "时间"]) + post.time.text, "time", meta, color=st.muted)
    elif rnd.random() < 0.5:
        s.row([(_label(rnd, ["网友", "留言人", "发帖人"]) + post.author, "author"), (post.time.text, "time")], meta,
              color=st.muted, spacing=rnd.uniform(1, 3))
    else:
        s.text(_label(rnd, ["网友", "留言人", "发帖人"]) + post.author, "author", meta, color=st.muted)
        s.text(_label(rnd, ["发布时间", "留言时间", "时间"]) + post.time.text, "time", meta, color=st.muted)
    s.text(_label(rnd, ["留言对象", "投诉对象"]) + post.unit, "unit", meta, color=st.muted)
    if rnd.random() < 0.5:
        s.row([(f"浏览({post.views})", "chrome"), (f"点赞({post.likes})", "chrome")], meta, color=st.muted)
    if status:
        s.text(status, "chrome", 30 * st.scale, color=st.accent, gap=0.5)
    s.space(0.6, base)
    reply = rnd.random() < 0.4
    _body(s, post, base, _body_limit(s, base * (8 if reply else 4)))
    if reply and s.y < s.height - base * 7:
        s.space(0.8, base)
        s.text(rnd.choice(["官方回复", "回复内容", "部门回复"]), "chrome", 38 * st.scale, bold=True)
        s.wrapped(f"{post.unit}：您好！您反映的问题已收悉，我单位高度重视，已安排工作人员现场核实处理。", "other", 38 * st.scale,
                  max_y=s.height - base * 3)
    _bottom_bar(s, rnd, rnd.choice([["我也要留言", f"点赞({post.likes})", "分享"], ["我要留言", "评论", "分享"],
                                    ["写留言", "收藏", "转发"]]), 34 * st.scale)
    s.truth.update(platform="hongwang", author=post.author, addressed_unit=post.unit)
    _time_truth(s, post.time)


def hongwang_desktop(s: Screen, post: Post, rnd: random.Random) -> None:
    st = s.style
    base = 17 * st.scale
    s.y = 12 * st.scale
    s.rect((0, 0, s.width, 60 * st.scale), st.accent)
    s.text("红网", "chrome", 28 * st.scale, color="#ffffff", bold=True, advance=False)
    nav = ["首页", "新闻", "时政", "百姓呼声", "问政", "湖南", "视频", "登录"]
    x = st.margin + 140 * st.scale
    for item in nav[: rnd.randrange(5, 9)]:
        s.text(item, "chrome", 16 * st.scale, x, color="#ffffff", advance=False)
        x += text_width(item, 16 * st.scale) + 28 * st.scale
    s.y = 80 * st.scale
    col_left = st.margin + rnd.uniform(0, 0.1) * s.width
    col_right = s.width * rnd.uniform(0.62, 0.72)
    s.text(rnd.choice(["当前位置：首页 > 百姓呼声 > 留言详情", "首页 > 百姓呼声 > 投诉 > 正文", "您的位置：红网 > 百姓呼声"]),
           "chrome", 14 * st.scale, col_left, color=st.muted, gap=1.5)
    s.wrapped(post.title, "title", 28 * st.scale, x=col_left, right=s.width - col_right, bold=True, gap=0.3)
    s.truth["title"] = s.drawn_text("title")
    meta = 14 * st.scale
    parts = [(_label(rnd, ["网友", "留言人"]) + post.author, "author"), (_label(rnd, ["发布时间", "时间"]) + post.time.text, "time")]
    if rnd.random() < 0.5:
        parts.append((f"浏览({post.views})", "chrome"))
    if rnd.random() < 0.5:
        parts.append((_label(rnd, ["留言对象", "投诉对象"]) + post.unit, "unit"))
        s.row(parts, meta, x=col_left, color=st.muted, spacing=2)
    else:
        s.row(parts, meta, x=col_left, color=st.muted, spacing=2)
        s.text(_label(rnd, ["留言对象", "投诉对象"]) + post.unit, "unit", meta, col_left, color=st.muted)
    if rnd.random() < 0.5:
        s.text(rnd.choice(["状态：待回复", "状态：已回复", "办理状态：办理中"]), "chrome", meta, col_left, color=st.accent)
    s.space(1.0, base)
    side_y = 80 * st.scale + 40 * st.scale
    _body(s, post, base, s.height - base * 6, x=col_left, right=s.width - col_right)
    if s.y < s.height - base * 5:
        s.space(1.0, base)
        s.row([(f"浏览({post.views})", "chrome"), (f"点赞({post.likes})", "chrome"), ("我也要留言", "chrome")], meta,
              x=col_left, color=st.muted, spacing=3)
    # Sidebar: other posts' titles, a list the parser must not take for the post.
    saved = s.y
    s.y = side_y
    side_x = col_right + 40 * st.scale
    s.text(rnd.choice(["热门留言", "最新留言", "相关留言"]), "chrome", 18 * st.scale, side_x, bold=True, gap=0.8)
    for _ in range(rnd.randrange(3, 8)):
        line = rnd.choice(["小区停车难问题何时解决", "学校周边交通拥堵", "路灯不亮请尽快维修", "农民工工资被拖欠",
                           "垃圾站异味扰民", "公交线路调整建议", "老旧小区改造进度", "噪音扰民无人管"])
        s.text(line, "other", 15 * st.scale, side_x, gap=0.9)
    s.y = saved
    s.truth.update(platform="hongwang", author=post.author, addressed_unit=post.unit)
    _time_truth(s, post.time)


# -- 问政湖南 --------------------------------------------------------------------------------


def wenzheng_app(s: Screen, post: Post, rnd: random.Random) -> None:
    st = s.style
    base = 42 * st.scale
    _status_bar(s, rnd, 32 * st.scale)
    _nav(s, rnd, rnd.choice(["留言详情", "问政湖南", "详情"]), 40 * st.scale)
    tag_inline = rnd.random() < 0.6
    if tag_inline:
        # Type tag and title on one row: OCR tends to glue them.
        tag = s.text(post.kind, "chrome", 34 * st.scale, color=st.accent, advance=False)
        x = tag.box[2] + 20 * st.scale
        s.wrapped(post.title, "title", 50 * st.scale, x=x, bold=True, gap=0.3)
    else:
        s.text(post.kind, "chrome", 32 * st.scale, color=st.accent, gap=0.5)
        s.wrapped(post.title, "title", 50 * st.scale, bold=True, gap=0.3)
    s.truth["title"] = s.drawn_text("title")
    meta = 34 * st.scale
    if rnd.random() < 0.7:
        s.row([(post.author, "author"), (post.time.text, "time")], meta, color=st.muted,
              spacing=rnd.uniform(1.0, 3.0), right_align_last=rnd.random() < 0.4)
    else:
        s.text(post.author, "author", meta, color=st.muted, gap=0.2)
        s.text(post.time.text, "time", meta, color=st.muted)
    if rnd.random() < 0.8:
        s.text(_label(rnd, ["留言对象", "诉求对象"]) + post.unit, "unit", meta, color=st.muted)
        s.truth["addressed_unit"] = post.unit
    else:
        s.truth["addressed_unit"] = None
    if rnd.random() < 0.4:
        s.text(rnd.choice(["待回复", "已受理", "办理中", "已办结"]), "chrome", 30 * st.scale, color=st.accent)
    s.space(0.6, base)
    _body(s, post, base, s.height - base * 9)
    if s.y < s.height - base * 8:
        s.space(0.8, base)
        s.text("办理进度", "chrome", 36 * st.scale, bold=True)
        s.row([("提交", "chrome"), ("受理", "chrome"), ("办理", "chrome"), ("答复", "chrome")], 32 * st.scale,
              color=st.muted, spacing=3.5)
        if rnd.random() < 0.6:
            s.text(f"{post.time.moment:%Y-%m-%d %H:%M} 留言已提交", "chrome", 28 * st.scale, color=st.muted)
    _bottom_bar(s, rnd, rnd.choice([[f"点赞 {post.likes}", "评论", "分享"], ["我也要留言", "点赞", "分享"], ["评论", "收藏"]]),
                34 * st.scale)
    s.truth.update(platform="wenzheng_hunan", author=post.author)
    _time_truth(s, post.time)


def wenzheng_table(s: Screen, post: Post, rnd: random.Random) -> None:
    st = s.style
    base = 16 * st.scale
    s.y = 14 * st.scale
    s.text(rnd.choice(["问政湖南", "问政湖南 · 湖南省网上群众工作平台", "湖南省网上群众工作平台"]), "chrome", 26 * st.scale,
           bold=True, color=st.accent, advance=False)
    x = s.width * 0.55
    for item in ["首页", "我要留言", "留言查询", "登录"][: rnd.randrange(2, 5)]:
        s.text(item, "chrome", 15 * st.scale, x, advance=False)
        x += text_width(item, 15 * st.scale) + 24 * st.scale
    s.y = 70 * st.scale
    if rnd.random() < 0.6:
        s.text("首页 > 留言详情", "chrome", 14 * st.scale, color=st.muted, gap=1.2)
    left = st.margin + rnd.uniform(0, 0.08) * s.width
    label_w = rnd.uniform(90, 140) * st.scale
    right = s.width - left
    rows = [("留言标题", post.title, "title"), (rnd.choice(["留言人", "网友", "留言用户"]), post.author, "author"),
            (rnd.choice(["留言时间", "发布时间"]), post.time.text, "time"), ("留言对象", post.unit, "unit")]
    if rnd.random() < 0.5:
        rows.insert(2, ("留言类型", post.kind, "chrome"))
    rnd.shuffle(rows[1:3])
    size = 16 * st.scale
    for label, value, role in rows:
        top = s.y
        s.text(label, "label", size, left + 10 * st.scale, color=st.muted, advance=False)
        drawn = s.wrapped(value, role, size, x=left + label_w, right=s.width - right + 10 * st.scale, gap=0.5)
        if role == "title":
            s.truth["title"] = "".join(e.text for e in drawn)
        s.rect((left, top - 8 * st.scale, right, s.y), "none", outline=st.muted)
        s.y += 10 * st.scale
    top = s.y
    s.text("留言内容", "label", size, left + 10 * st.scale, color=st.muted, advance=False)
    _body(s, post, base, s.height - base * 6, x=left + label_w, right=s.width - right + 10 * st.scale)
    s.rect((left, top - 8 * st.scale, right, s.y), "none", outline=st.muted)
    if s.y < s.height - base * 5 and rnd.random() < 0.6:
        s.space(1.0, base)
        s.text("回复单位", "label", size, left + 10 * st.scale, color=st.muted, advance=False)
        s.text(post.unit, "other", size, left + label_w)
        s.text("回复内容", "label", size, left + 10 * st.scale, color=st.muted, advance=False)
        s.wrapped("您好，来信收悉。经核实，相关情况已责成属地单位处理，感谢您对我们工作的监督。", "other", size, x=left + label_w,
                  right=s.width - right + 10 * st.scale, max_y=s.height - base * 2)
    s.truth.update(platform="wenzheng_hunan", author=post.author, addressed_unit=post.unit)
    _time_truth(s, post.time)


def wenzheng_lines(s: Screen, post: Post, rnd: random.Random) -> None:
    st = s.style
    base = 40 * st.scale
    _status_bar(s, rnd, 32 * st.scale)
    s.text("问政湖南", "chrome", 48 * st.scale, gap=0.8)
    size = 38 * st.scale
    s.text(_label(rnd, ["留言对象"]) + post.unit, "unit", size)
    s.text(_label(rnd, ["留言类型"]) + post.kind, "chrome", size)
    label = _label(rnd, ["留言标题"])
    s.wrapped(post.title, "title", size, first_prefix=(label, "label"))
    s.truth["title"] = s.drawn_text("title")
    s.text(_label(rnd, ["网友", "留言人"]) + post.author, "author", size)
    s.text(_label(rnd, ["留言时间"]) + post.time.text, "time", size)
    s.text("留言内容：", "label", size)
    _body(s, post, base, s.height - base * 3)
    s.truth.update(platform="wenzheng_hunan", author=post.author, addressed_unit=post.unit)
    _time_truth(s, post.time)


# -- 抖音 ------------------------------------------------------------------------------------


def _douyin_right_column(s: Screen, rnd: random.Random, post: Post, top: float) -> None:
    size = 30 * s.style.scale
    items = [f"{post.likes / 10000:.1f}万" if post.likes > 9999 else str(post.likes), str(rnd.randrange(10, 3000)),
             rnd.choice(["收藏", str(rnd.randrange(5, 900))]), rnd.choice(["分享", str(rnd.randrange(5, 900))])]
    x = s.width - 120 * s.style.scale
    for i, item in enumerate(items):
        s.rect((x, top + i * 170 * s.style.scale - 80 * s.style.scale, x + 70 * s.style.scale,
                top + i * 170 * s.style.scale - 15 * s.style.scale), "#ffffff", kind="circle")
        saved = s.y
        s.y = top + i * 170 * s.style.scale
        s.text(item, "chrome", size, x + 35 * s.style.scale - text_width(item, size) / 2, color="#ffffff", advance=False)
        s.y = saved


def douyin_video(s: Screen, post: Post, rnd: random.Random) -> None:
    st = s.style
    s.rect((0, 0, s.width, s.height), "#000000")
    s.rect((0, s.height * rnd.uniform(0.18, 0.3), s.width, s.height * rnd.uniform(0.55, 0.68)), "#3a4a5a", kind="picture")
    _status_bar(s, rnd, 32 * st.scale)
    tabs = rnd.choice([["团购", "关注", "商城", "推荐"], ["同城", "关注", "推荐"], ["经验", "同城", "关注", "商城", "推荐"]])
    x = s.width * 0.12
    for tab in tabs:
        s.text(tab, "chrome", 36 * st.scale, x, color="#dddddd", advance=False)
        x += text_width(tab, 36 * st.scale) + 50 * st.scale
    s.text("搜索", "chrome", 30 * st.scale, s.width - st.margin - 60 * st.scale, color="#dddddd", advance=False)
    _douyin_right_column(s, rnd, post, s.height * 0.45)
    size = 38 * st.scale
    s.y = s.height * rnd.uniform(0.64, 0.72)
    if rnd.random() < 0.3:
        s.text(rnd.choice(["湖南·长沙", "A市·A3区", "附近 1.2km"]), "chrome", 28 * st.scale, color="#dddddd")
    author_line = f"@{post.author}"
    if rnd.random() < 0.5:
        s.row([(author_line, "author"), (f"· {post.time.text}", "time")], 40 * st.scale, color="#ffffff", spacing=0.5)
        shown_at_top = True
    else:
        s.text(author_line, "author", 42 * st.scale, color="#ffffff", bold=True)
        shown_at_top = False
    caption = post.body[: rnd.randrange(12, 40) if rnd.random() < 0.3 else rnd.randrange(60, 160)]
    if rnd.random() < 0.6:
        caption += " " + " ".join(rnd.sample(["#民生", "#随手拍", "#投诉", "#城市管理", "#关注民生", "#长沙"], 2))
    s.wrapped(caption, "body", size, right=170 * st.scale, color="#ffffff", gap=0.25, max_y=s.height - 300 * st.scale)
    s.truth["body"] = s.drawn_text("body")
    if not shown_at_top:
        s.text(post.time.text + rnd.choice(["", " · 湖南", " · 长沙"]), "time", 28 * st.scale, color="#bbbbbb")
    _bottom_bar(s, rnd, ["首页", "朋友", "+", "消息", "我"], 32 * st.scale)
    s.truth.update(platform="douyin", title=None, author=post.author, addressed_unit=None)
    _time_truth(s, post.time)


def douyin_comments(s: Screen, post: Post, rnd: random.Random) -> None:
    st = s.style
    s.rect((0, 0, s.width, s.height), "#000000")
    _status_bar(s, rnd, 32 * st.scale)
    top_h = s.height * rnd.uniform(0.3, 0.42)
    s.rect((0, s.y, s.width, top_h * 0.6), "#3a4a5a", kind="picture")
    pinned = rnd.random() < 0.35  # the caption shown as the author's pinned first item of the sheet
    s.y = top_h * 0.6 + 20 * st.scale
    if not pinned:
        s.text(f"@{post.author}", "author", 36 * st.scale, color="#ffffff", bold=True, gap=0.2)
        s.wrapped(post.body[: rnd.randrange(40, 110)], "body", 32 * st.scale, color="#ffffff", gap=0.2,
                  max_y=top_h - 40 * st.scale)
        s.truth["body"] = s.drawn_text("body")
        if s.y < top_h - 20 * st.scale and rnd.random() < 0.7:
            s.text(post.time.text, "time", 26 * st.scale, color="#bbbbbb")
            _time_truth(s, post.time)
        else:
            s.truth.update(posted_at=None, posted_shown=[])
    sheet_dark = rnd.random() < 0.5
    sheet_bg = "#1f1f1f" if sheet_dark else "#ffffff"
    fg = "#eeeeee" if sheet_dark else "#161616"
    s.rect((0, top_h, s.width, s.height), sheet_bg, kind="round")
    s.y = top_h + 30 * st.scale
    count = len(post.comments) * rnd.randrange(5, 300)
    s.text(f"{count}条评论", "chrome", 32 * st.scale, s.width / 2 - 80 * st.scale, color=fg, advance=False)
    s.text("×", "chrome", 40 * st.scale, s.width - st.margin - 40 * st.scale, color=fg)
    s.space(1.0, 32 * st.scale)
    name_size, text_size = 30 * st.scale, 36 * st.scale
    x = st.margin + 110 * st.scale
    if pinned:
        s.rect((st.margin, s.y, st.margin + 80 * st.scale, s.y + 80 * st.scale), "#888888", kind="circle")
        s.row([(post.author, "author"), ("作者", "chrome")], name_size, x=x, color="#8a8a8a", spacing=0.5, gap=0.3)
        s.wrapped(post.body[: rnd.randrange(60, 200)], "body", text_size, x=x, right=140 * st.scale, color=fg, gap=0.3)
        s.truth["body"] = s.drawn_text("body")
        s.row([(post.time.text, "time"), ("回复", "chrome")], 26 * st.scale, x=x, color="#8a8a8a", spacing=1.5)
        _time_truth(s, post.time)
        s.space(0.8, text_size)
    for name, text, when in post.comments:
        if s.y > s.height - 330 * st.scale:
            break
        s.rect((st.margin, s.y, st.margin + 80 * st.scale, s.y + 80 * st.scale), "#888888", kind="circle")
        if rnd.random() < 0.15:
            s.row([(name, "other"), ("作者", "chrome")], name_size, x=x, color="#8a8a8a", spacing=0.5, gap=0.3)
        else:
            s.text(name, "other", name_size, x, color="#8a8a8a", gap=0.3)
        s.wrapped(text, "other", text_size, x=x, right=140 * st.scale, color=fg, gap=0.3)
        s.row([(when.text + rnd.choice(["", "·湖南", " · 湖南"]), "other"), ("回复", "chrome")], 26 * st.scale, x=x,
              color="#8a8a8a", spacing=1.5)
        likes = str(rnd.randrange(0, 999))
        s.text(likes, "chrome", 26 * st.scale, s.width - st.margin - 50 * st.scale, color="#8a8a8a", advance=False)
        s.space(0.8, text_size)
    s.y = s.height - 120 * st.scale
    s.text(rnd.choice(["善语结善缘，恶言伤人心", "说点什么...", "有爱评论，说点儿好听的~"]), "chrome", 32 * st.scale, color="#8a8a8a")
    s.truth.update(platform="douyin", title=None, author=post.author, addressed_unit=None)


# -- 微博 ------------------------------------------------------------------------------------


def weibo_detail(s: Screen, post: Post, rnd: random.Random) -> None:
    st = s.style
    base = 42 * st.scale
    _status_bar(s, rnd, 32 * st.scale)
    _nav(s, rnd, rnd.choice(["微博正文", "详情", "微博"]), 40 * st.scale)
    s.rect((st.margin, s.y, st.margin + 100 * st.scale, s.y + 100 * st.scale), "#cccccc", kind="circle")
    x = st.margin + 130 * st.scale
    follow = rnd.random() < 0.6
    if follow:
        s.text(rnd.choice(["+关注", "关注", "+ 关注"]), "chrome", 32 * st.scale, s.width - st.margin - 110 * st.scale,
               color=st.accent, advance=False)
    s.text(post.author, "author", 40 * st.scale, x, bold=True, gap=0.2)
    source = rnd.choice([" 来自 iPhone客户端", " 来自 Android", " 来自 微博 weibo.com", " 发布于 湖南", ""])
    time_below = rnd.random() < 0.3  # some clients print the time under the text
    if not time_below:
        s.text(post.time.text + source, "time", 28 * st.scale, x, color=st.muted, gap=1.0)
    else:
        s.text(rnd.choice(["微博视频号", "超话粉丝大咖", "已认证", "湖南 · 长沙"]), "chrome", 28 * st.scale, x, color=st.muted,
               gap=1.0)
    s.space(0.3, base)
    _body(s, post, base, s.height - base * 9)
    if time_below:
        s.text(post.time.text + source, "time", 28 * st.scale, color=st.muted, gap=0.6)
    if rnd.random() < 0.3:
        s.text(rnd.choice(["IP属地：湖南", "发布于 湖南", "编辑于 " + post.time.text]), "chrome", 28 * st.scale,
               color=st.muted)
    s.space(0.5, base)
    if s.y < s.height - base * 6:
        s.row([(f"转发 {rnd.randrange(1, 500)}", "chrome"), (f"评论 {len(post.comments) * 3}", "chrome"),
               (f"赞 {post.likes}", "chrome")], 32 * st.scale, color=st.muted, spacing=3)
        s.text(rnd.choice(["按热度", "按时间", "全部评论"]), "chrome", 28 * st.scale, color=st.muted, gap=0.8)
    for name, text, when in post.comments:
        if s.y > s.height - base * 4:
            break
        s.rect((st.margin, s.y, st.margin + 70 * st.scale, s.y + 70 * st.scale), "#cccccc", kind="circle")
        s.text(name, "other", 32 * st.scale, x - 30 * st.scale, color=st.accent if rnd.random() < 0.5 else st.muted, gap=0.2)
        s.wrapped(text, "other", 36 * st.scale, x=x - 30 * st.scale, gap=0.2)
        s.row([(when.text + rnd.choice(["", " 来自湖南"]), "other"), ("回复", "chrome")], 26 * st.scale,
              x=x - 30 * st.scale, color=st.muted, spacing=1.5, gap=0.9)
    _bottom_bar(s, rnd, rnd.choice([["转发", "评论", "赞"], ["说点什么...", "转发", "赞"]]), 32 * st.scale)
    s.truth.update(platform="weibo", title=None, author=post.author, addressed_unit=None)
    _time_truth(s, post.time)


# -- 微信 ------------------------------------------------------------------------------------


def _bubble(s: Screen, text: str, role: str, size: float, *, mine: bool, name: str | None, name_role: str,
            max_y: float) -> list[str]:
    st = s.style
    avatar = 90 * st.scale
    if name and not mine:
        s.text(name, name_role, 26 * st.scale, st.margin + avatar + 30 * st.scale, color="#888888", gap=0.25)
    top = s.y
    width_limit = s.width * 0.68
    text_w = min(text_width(text, size), width_limit)
    if mine:
        x = s.width - st.margin - avatar - 40 * st.scale - text_w
    else:
        x = st.margin + avatar + 40 * st.scale
    drawn = s.wrapped(text, role, size, x=x, right=s.width - (x + width_limit + 5), gap=0.3, max_y=max_y)
    fill = "#95ec69" if mine else ("#2c2c2c" if st.dark else "#ffffff")
    s.shapes.append(Shape("round", (x - 20 * st.scale, top - 16 * st.scale, x + text_w + 20 * st.scale, s.y), fill))
    s.space(0.6, size)
    return [e.text for e in drawn]


def wechat_group(s: Screen, post: Post, rnd: random.Random) -> None:
    st = s.style
    s.rect((0, 0, s.width, s.height), "#111111" if st.dark else "#ededed")
    _status_bar(s, rnd, 32 * st.scale)
    private = rnd.random() < 0.25  # a one-to-one chat shows no names above the bubbles
    group = rnd.choice(["星沙业主群", "幸福家园业主群", "A7县民生反映群", "网格员工作群", "小区邻里群", "督办工作群"])
    _nav(s, rnd, post.author if private else f"{group}({rnd.randrange(30, 500)})", 38 * st.scale)
    size = 38 * st.scale
    max_y = s.height - 170 * st.scale
    others_before = rnd.randrange(0, 3)
    chat_time = post.time
    for i in range(others_before):
        name, text, _ = post.comments[i]
        _bubble(s, text, "other", size, mine=rnd.random() < 0.2, name=None if private else name, name_role="other",
                max_y=max_y)
    stamp = chat_time.text
    s.text(stamp, "time", 26 * st.scale, s.width / 2 - text_width(stamp, 26 * st.scale) / 2, color="#999999", gap=0.8)
    paste = post.body[: rnd.randrange(120, 400)]
    titled = rnd.random() < 0.5
    if titled:
        paste_title = post.title
        opener = rnd.choice(["【{}】", "{}", "标题：{}"]).format(paste_title)
        text = opener + "\n" + paste
    else:
        text = paste
    mine = rnd.random() < 0.15
    name = None if mine or private else post.author
    # The pasted post: the title on its own bubble line, then the body.
    avatar = 90 * st.scale
    if name:
        s.text(name, "author", 26 * st.scale, st.margin + avatar + 30 * st.scale, color="#888888", gap=0.25)
    title_drawn: list[str] = []
    if titled:
        x = st.margin + avatar + 40 * st.scale if not mine else s.width * 0.25
        for line in s.wrapped(text.split("\n")[0], "title", size, x=x, right=s.width * 0.1, gap=0.3, max_y=max_y):
            title_drawn.append(line.text)
    body_x = st.margin + avatar + 40 * st.scale if not mine else s.width * 0.25
    bubble_top = s.y - (len(title_drawn) and size * 1.4 * len(title_drawn))
    drawn = s.wrapped(paste, "body", size, x=body_x, right=s.width * 0.1, gap=0.3, max_y=max_y)
    fill = "#95ec69" if mine else ("#2c2c2c" if st.dark else "#ffffff")
    s.shapes.append(Shape("round", (body_x - 20 * st.scale, bubble_top - 16 * st.scale, s.width * 0.9 + 20 * st.scale,
                                    s.y), fill))
    s.space(0.6, size)
    if rnd.random() < 0.4 and s.y < max_y - 200 * st.scale:
        # A later chat timestamp: it belongs to the replies, not to the post.
        later = shown_time("chat", post.time.moment + timedelta(hours=rnd.randrange(1, 30)), rnd).text
        s.text(later, "other", 26 * st.scale, s.width / 2 - text_width(later, 26 * st.scale) / 2, color="#999999",
               gap=0.8)
    for name2, reply, _ in post.comments[others_before : others_before + rnd.randrange(1, 4)]:
        if s.y > max_y - 100 * st.scale:
            break
        if rnd.random() < 0.3:
            reply = f"@{post.author} {reply}"
        _bubble(s, reply, "other", size, mine=rnd.random() < 0.3, name=None if private else name2, name_role="other",
                max_y=max_y)
    s.text(rnd.choice(["按住 说话", "发送", ""]) or "表情", "chrome", 32 * st.scale, st.margin + 100 * st.scale,
           color="#555555", advance=False)
    shown_title = "".join(title_drawn)
    if titled and shown_title == opener:
        shown_title = paste_title  # the decoration (【】, 标题：) is not part of the title
    s.truth.update(platform="wechat", title=shown_title if titled else None, author=name, addressed_unit=None,
                   body="".join(e.text for e in drawn))
    _time_truth(s, chat_time)


# -- randomised layouts: the same fields in orders and styles no single template has ---------

_SITE_NAMES = {
    "hongwang": ["红网 · 百姓呼声", "百姓呼声", "红网百姓呼声", "红网"],
    "wenzheng_hunan": ["问政湖南", "湖南省网上群众工作平台", "问政湖南 · 留言详情"],
    "douyin": ["抖音", "抖音 · 评论"],
    "weibo": ["微博", "微博正文"],
    "wechat": ["微信"],
}


def random_board(s: Screen, post: Post, rnd: random.Random) -> None:
    """A message-board detail page whose parts come in a random order and style."""
    st = s.style
    platform = rnd.choice(["hongwang", "wenzheng_hunan", "hongwang", "wenzheng_hunan"])
    phone = s.width < 1300
    base = max((42 if phone else 17) * st.scale, 14)
    if phone:
        _status_bar(s, rnd, base * 0.78)
        _nav(s, rnd, rnd.choice(_SITE_NAMES[platform]), base * 0.95, accent_bar=rnd.random() < 0.4)
    else:
        s.y = base
        s.text(rnd.choice(_SITE_NAMES[platform]), "chrome", base * 1.6, color=st.accent, bold=True, gap=1.0)
    if rnd.random() < 0.5:
        s.text(rnd.choice(["首页>百姓呼声>留言详情", "首页 > 留言详情", "当前位置：首页 > 我要留言 > 详情",
                           "首页 › 留言 › 正文"]), "chrome", base * 0.72, color=st.muted, gap=0.8)
    label_style = rnd.choice(["colon", "colon", "bare", "none"])

    def labelled(words: list[str], value: str) -> str:
        if label_style == "none":
            return value
        return rnd.choice(words) + ("：" if label_style == "colon" else " ") + value

    title_size = base * rnd.uniform(1.15, 1.5)
    meta_size = base * rnd.uniform(0.7, 0.9)
    centred = rnd.random() < 0.3
    parts = ["title", "meta", "unit", "status", "counters"]
    rnd.shuffle(parts)
    parts.remove("title")
    parts.insert(rnd.choice([0, 0, 1]), "title")
    unit_shown = rnd.random() < 0.75
    for part in parts:
        if part == "title":
            if rnd.random() < 0.3:
                s.text(rnd.choice(sorted(["建议", "投诉", "咨询", "求助", "待回复", "已回复"])), "chrome", meta_size,
                       color=st.accent, gap=0.3)
            if centred and text_width(post.title, title_size) < s.width * 0.8:
                s.text(post.title, "title", title_size, s.width / 2 - text_width(post.title, title_size) / 2, bold=True)
            else:
                s.wrapped(post.title, "title", title_size, bold=rnd.random() < 0.8, gap=0.3,
                          right=st.margin + (0 if phone else s.width * 0.3))
            s.truth["title"] = s.drawn_text("title")
        elif part == "meta":
            author = labelled(["网友", "留言人", "发帖人", "作者", "用户"], post.author)
            when = labelled(["发布时间", "留言时间", "时间", "发表于"], post.time.text)
            layout = rnd.choice(["row", "lines", "row"])
            if layout == "row":
                s.row([(author, "author"), (when, "time")], meta_size, color=st.muted, spacing=rnd.uniform(1, 4),
                      right_align_last=rnd.random() < 0.3)
            else:
                s.text(author, "author", meta_size, color=st.muted, gap=0.3)
                s.text(when, "time", meta_size, color=st.muted)
        elif part == "unit" and unit_shown:
            s.text(rnd.choice(["留言对象", "投诉对象", "反映对象", "诉求对象", "办理单位"]) + rnd.choice(["：", ":"]) + post.unit,
                   "unit", meta_size, color=st.muted)
        elif part == "status" and rnd.random() < 0.5:
            s.text(rnd.choice(["状态：待回复", "办理中", "已受理", "办理状态：已办结", "已回复"]), "chrome", meta_size,
                   color=st.accent)
        elif part == "counters" and rnd.random() < 0.5:
            s.row([(f"浏览({post.views})", "chrome"), (f"点赞({post.likes})", "chrome"), (f"评论({len(post.comments)})", "chrome")],
                  meta_size, color=st.muted, spacing=2)
    s.space(rnd.uniform(0.3, 1.2), base)
    if rnd.random() < 0.3:
        s.text(rnd.choice(["留言内容", "诉求内容", "问题描述"]) + rnd.choice(["", "："]), "label", base, bold=True)
    after = rnd.choice(["buttons", "reply", "comments", "related", "none"])
    _body(s, post, base, s.height - base * (9 if after != "none" else 3), right=st.margin + (0 if phone else s.width * 0.3))
    if after == "reply" and s.y < s.height - base * 6:
        s.space(0.8, base)
        s.text(rnd.choice(["官方回复", "回复内容", "部门回复", "答复意见"]), "chrome", base, bold=True)
        s.text(labelled(["回复单位", "答复单位"], post.unit), "other", meta_size, color=st.muted)
        s.wrapped("您好！您反映的问题已收悉。经调查核实，我单位已责成相关部门限期整改，感谢您的监督。", "other", base,
                  max_y=s.height - base * 2)
    elif after == "comments" and s.y < s.height - base * 6:
        s.space(0.8, base)
        s.text(rnd.choice(["网友评论", "全部评论", "评论"]) + f"({len(post.comments)})", "chrome", base, bold=True)
        for name, text, when in post.comments:
            if s.y > s.height - base * 4:
                break
            s.row([(name, "other"), (when.text, "other")], meta_size, color=st.muted, spacing=2, gap=0.2)
            s.wrapped(text, "other", base * 0.9, gap=0.2, max_y=s.height - base * 2)
            s.space(0.4, base)
    elif after == "related" and s.y < s.height - base * 6:
        s.space(0.8, base)
        s.text(rnd.choice(["相关留言", "热门留言", "大家都在看"]), "chrome", base, bold=True)
        for _ in range(rnd.randrange(2, 6)):
            if s.y > s.height - base * 3:
                break
            s.text(rnd.choice(["小区停车难问题何时解决", "学校周边交通拥堵", "路灯不亮请尽快维修", "农民工工资被拖欠",
                               "垃圾站异味扰民", "公交线路调整建议"]), "other", base * 0.9, gap=0.6)
    if phone and rnd.random() < 0.7:
        _bottom_bar(s, rnd, rnd.choice([["我也要留言", "点赞", "分享"], ["评论", "收藏", "转发"], ["我要留言"]]), base * 0.8)
    s.truth.update(platform=platform, author=post.author, addressed_unit=post.unit if unit_shown else None)
    _time_truth(s, post.time)


def random_feed(s: Screen, post: Post, rnd: random.Random) -> None:
    """A social page: the post as one item among others (replies, comments, chat lines) in a random style."""
    st = s.style
    platform = rnd.choice(["douyin", "weibo", "wechat"])
    base = 40 * st.scale
    _status_bar(s, rnd, base * 0.8)
    _nav(s, rnd, rnd.choice(_SITE_NAMES[platform]), base * 0.95)
    avatar = rnd.random() < 0.7
    x = st.margin + (110 * st.scale if avatar else 0)
    before = rnd.randrange(0, 3) if platform == "wechat" else 0
    comments = list(post.comments)

    def item(name: str, text: str, when: ShownTime, role_name: str, role_text: str, role_time: str,
             max_chars: int) -> None:
        if avatar:
            s.rect((st.margin, s.y, st.margin + 80 * st.scale, s.y + 80 * st.scale), "#bbbbbb", kind="circle")
        if platform == "douyin" and role_name == "author":
            name = "@" + name
        time_first = rnd.random() < 0.3
        if rnd.random() < 0.5:
            s.row([(name, role_name), (when.text, role_time)], base * 0.75, x=x, color=st.muted, spacing=1.5, gap=0.2)
        else:
            s.text(name, role_name, base * 0.8, x, color=st.muted, gap=0.2)
            if time_first:
                s.text(when.text, role_time, base * 0.65, x, color=st.muted, gap=0.2)
        s.wrapped(text[:max_chars], role_text, base, x=x, gap=0.25, max_y=s.height - base * 3)
        if not time_first and rnd.random() < 0.5:
            s.row([(when.text, role_time), ("回复", "chrome")], base * 0.65, x=x, color=st.muted, spacing=1.5)
        s.space(0.7, base)

    for name, text, when in comments[:before]:
        item(name, text, when, "other", "other", "other", 80)
    item(post.author, post.body, post.time, "author", "body", "time",
         rnd.randrange(15, 60) if rnd.random() < 0.25 else rnd.randrange(80, 400))
    s.truth["body"] = s.drawn_text("body")
    if s.y < s.height - base * 6 and rnd.random() < 0.6:
        s.row([(f"转发 {rnd.randrange(1, 99)}", "chrome"), (f"评论 {len(comments)}", "chrome"), (f"赞 {post.likes}", "chrome")],
              base * 0.7, color=st.muted, spacing=3)
    for name, text, when in comments[before:]:
        if s.y > s.height - base * 5:
            break
        item(name, text, when, "other", "other", "other", 80)
    _bottom_bar(s, rnd, rnd.choice([["说点什么..."], ["转发", "评论", "赞"], ["按住 说话"]]), base * 0.8)
    times_shown = any(e.role == "time" for e in s.elements)
    s.truth.update(platform=platform, title=None, author=post.author, addressed_unit=None)
    if times_shown:
        _time_truth(s, post.time)
    else:
        s.truth.update(posted_at=None, posted_shown=[])


def pasted_text(s: Screen, post: Post, rnd: random.Random) -> None:
    """Text pasted into the chat instead of a screenshot: no chrome, one line per paragraph."""
    size = 40.0
    titled = rnd.random() < 0.65
    if titled:
        opener, closer = rnd.choice([("", ""), ("", ""), ("标题：", ""), ("【", "】")])
        s.text(opener + post.title + closer, "title", size)
        s.truth["title"] = post.title
    meta = rnd.random() < 0.3
    if meta:
        s.text(rnd.choice(["作者：", "网友：", "发帖人："]) + post.author, "author", size)
        s.text(rnd.choice(["发布时间：", "时间："]) + post.time.text, "time", size)
    if rnd.random() < 0.2:
        s.text(rnd.choice(["内容：", "留言内容：", "正文："]), "label", size)
    paragraphs = [p for p in re.split(r"(?<=[。！？])", post.body[: rnd.randrange(30, 600)]) if p]
    chunk, lines = "", []
    for sentence in paragraphs:
        chunk += sentence
        if len(chunk) > rnd.randrange(40, 300):
            lines.append(chunk)
            chunk = ""
    if chunk:
        lines.append(chunk)
    for line in lines:
        s.text(line, "body", size)
    s.truth["body"] = s.drawn_text("body")
    s.truth.update(platform="other", author=post.author if meta else None, addressed_unit=None)
    if meta:
        _time_truth(s, post.time)
    else:
        s.truth.update(posted_at=None, posted_shown=[])


TEMPLATES: dict[str, list[tuple[str, Template, str]]] = {
    # platform → [(template name, function, screen kind)]
    "hongwang": [("hongwang_phone", hongwang_phone, "phone"), ("hongwang_desktop", hongwang_desktop, "desktop")],
    "wenzheng_hunan": [("wenzheng_app", wenzheng_app, "phone"), ("wenzheng_table", wenzheng_table, "desktop"),
                       ("wenzheng_lines", wenzheng_lines, "phone")],
    "douyin": [("douyin_video", douyin_video, "phone"), ("douyin_comments", douyin_comments, "phone")],
    "weibo": [("weibo_detail", weibo_detail, "phone")],
    "wechat": [("wechat_group", wechat_group, "phone")],
    "any": [("random_board", random_board, "any"), ("random_feed", random_feed, "phone")],
    "text": [("pasted_text", pasted_text, "text")],
}
# Which time family each platform prints.
TIME_STYLE = {"hongwang": "board", "wenzheng_hunan": "full", "douyin": "social", "weibo": "social", "wechat": "chat",
              "any": "board", "text": "board"}
# Templates that are plain text, not screens: only for the text path of the role model.
TEXT_ONLY = {"pasted_text"}


PHONE_WIDTHS = [720, 828, 1080, 1080, 1170, 1242]
DESKTOP_SIZES = [(1280, 800), (1366, 768), (1440, 900), (1920, 1080), (1100, 900), (1600, 1000)]
# Platforms whose pages are long enough to be captured as one long screenshot or two pages.
SCROLLING = {"hongwang_phone", "hongwang_desktop", "wenzheng_app", "wenzheng_table", "wenzheng_lines", "weibo_detail",
             "random_board"}


def make_screen(
    template: str, row: dict[str, object], forwarded_at: object, rnd: random.Random, *, tall: float = 1.0,
    dark: bool | None = None,
) -> Screen:
    """A filled screen of one template; `tall` > 1 makes a long capture (several screens high)."""
    from bench.screenshots.content import make_post
    from bench.screenshots.layout import Style

    platform, function, kind = next(
        (p, f, k) for p, items in TEMPLATES.items() for name, f, k in items if name == template
    )
    if kind == "any":
        kind = rnd.choice(["phone", "desktop"])
    if kind == "text":
        kind = "phone"
    if kind == "desktop":
        width, height = rnd.choice(DESKTOP_SIZES)
    else:
        width = rnd.choice(PHONE_WIDTHS)
        height = int(width * rnd.uniform(2.0, 2.22))
    height = int(height * tall)
    force_dark = True if template.startswith("douyin") else dark
    style = Style.random(rnd, width, kind == "desktop", dark=force_dark)
    post = make_post(row, forwarded_at, TIME_STYLE[platform], rnd)  # type: ignore[arg-type]
    screen = Screen(width, height, style)
    function(screen, post, rnd)
    screen.truth.setdefault("title", None)
    screen.truth["template"] = template
    screen.truth["phones"] = [post.phone] if post.phone and post.phone in str(screen.truth.get("body") or "") else []
    return screen


def all_templates(screens_only: bool = False) -> list[str]:
    return [name for items in TEMPLATES.values() for name, _, _ in items if not (screens_only and name in TEXT_ONLY)]
