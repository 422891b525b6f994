"""The registry of family-g layouts."""
from __future__ import annotations

import random

from . import content
from .layouts_gov import (
    gov_list_desktop,
    gov_mailbox_desktop,
    gov_mailbox_phone,
    hongwang_phone,
    portal_12345_desktop,
    wenzheng_detail,
)
from .layouts_social import douyin_reply, tieba_thread, weibo_comment, xhs_note
from .layouts_wechat import wx_article_letter, wx_group_paste
from .scene import Layout


def _social(rng: random.Random) -> str:
    return rng.choice(content.SOCIAL_NICKS)


def _tieba(rng: random.Random) -> str:
    return rng.choice(content.TIEBA_NICKS + content.SOCIAL_NICKS)


def _weibo(rng: random.Random) -> str:
    return rng.choice(content.WEIBO_NICKS + content.SOCIAL_NICKS)


def _group(rng: random.Random) -> str:
    return rng.choice(content.GROUP_NICKS)


GOV_DESKTOP_TIMES = ["iso_min", "iso_sec", "date_only", "slash", "ymd_cn", "date_cn"]

LAYOUTS = [
    Layout("gov_mailbox_desktop", "other", "desktop", gov_mailbox_desktop, GOV_DESKTOP_TIMES,
           content.gov_author, summary="县长/书记信箱 letter page, label above value, reply below"),
    Layout("gov_mailbox_phone", "other", "phone", gov_mailbox_phone, ["iso_min", "iso_sec", "date_only", "slash"],
           content.gov_author, summary="mobile 信箱 page, bordered key/value table, spanning body cell"),
    Layout("gov_list_desktop", "other", "desktop", gov_list_desktop, ["iso_min", "date_only"],
           content.gov_author, summary="政民互动 letter list, one row expanded into the letter"),
    Layout("portal_12345_desktop", "other", "desktop", portal_12345_desktop, GOV_DESKTOP_TIMES,
           content.gov_author, summary="12345 诉求公开 detail, label-above-value grid"),
    Layout("tieba_thread", "other", "phone", tieba_thread,
           ["md_dash", "iso_min", "today_bare", "minutes_ago", "hours_ago"], _tieba, dark_ok=True,
           summary="贴吧 thread: bold title right above 1楼 text, replies below"),
    Layout("xhs_note", "other", "phone", xhs_note,
           ["yesterday", "days_ago", "hours_ago", "md_only", "minutes_ago", "md_dash"], _social, dark_ok=True,
           summary="小红书 note: photo, bold title, body, tags, 编辑于 line, comments"),
    Layout("weibo_comment", "weibo", "phone", weibo_comment,
           ["minutes_ago", "hours_ago", "yesterday", "md_dash"], _weibo, dark_ok=True, short=True,
           title_rate=0.0, summary="微博正文 of a news account, the post is a highlighted comment"),
    Layout("douyin_reply", "douyin", "phone", douyin_reply,
           ["hours_ago", "yesterday", "md_only", "days_ago", "minutes_ago"], _social, dark_ok=True,
           short=True, title_rate=0.0, summary="抖音 comment sheet, the post is a highlighted 2nd-level reply"),
    Layout("wenzheng_detail", "wenzheng_hunan", "phone", wenzheng_detail, ["iso_min", "iso_sec", "date_only"],
           _social, has_unit=True, summary="问政湖南 问政详情: tag+title+nickname+time header card, 问政对象, reply card"),
    Layout("hongwang_phone", "hongwang", "phone", hongwang_phone, ["iso_min", "iso_sec", "slash"],
           _social, has_unit=True, summary="红网百姓呼声 phone detail, label-above-value fields, official reply"),
    Layout("wx_group_paste", "wechat", "phone", wx_group_paste,
           ["today_bare", "yesterday", "yesterday_12h", "weekday", "md_cn", "md_cn_12h"], _group,
           dark_ok=True, title_rate=0.7, summary="WeChat group chat, a member pastes a 【标题】 post"),
    Layout("wx_article_letter", "wechat", "phone", wx_article_letter,
           ["date_cn", "ymd_cn", "date_only", "md_cn"], content.gov_author, dark_ok=True, title_rate=0.8,
           summary="公众号 读者来信 article; the letter writer is the author"),
]
