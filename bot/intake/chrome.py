"""Drop phone and app chrome from OCR lines: status bar, navigation bars, buttons, counters.

The status bar (clock, battery, signal) sits in the top ~4% of a phone screenshot; app chrome
is a closed vocabulary of short button labels. Body text is never that short *and* in that list.
"""

from __future__ import annotations

import re

# Clock, battery percentage, network type, carrier: what status bars show.
_STATUS = re.compile(
    r"^(\d{1,2}[:：]\d{2}|\d{1,3}\s*%|[45]G\+?|LTE|VoLTE|HD\d?|WiFi|Wi-Fi|中国移动|中国联通|中国电信|"
    r"[\d:：%\sGHDLTEVo.|KB/s]+)$",
    re.I,
)
_CHROME_WORDS = {
    "发送",
    "关注",
    "+关注",
    "＋关注",
    "已关注",
    "互相关注",
    "分享",
    "评论",
    "点赞",
    "赞",
    "转发",
    "收藏",
    "返回",
    "搜索",
    "首页",
    "消息",
    "我",
    "朋友",
    "商城",
    "推荐",
    "同城",
    "关注了",
    "私信",
    "更多",
    "举报",
    "取消",
    "完成",
    "编辑",
    "说点什么...",
    "说点什么…",
    "说点什么",
    "写评论...",
    "写评论…",
    "写评论",
    "发表评论",
    "善语结善缘，恶言伤人心",
    "按住 说话",
    "按住说话",
    "切换到键盘",
    "表情",
    "全部评论",
    "热门评论",
    "最新评论",
    "查看更多",
    "展开",
    "收起",
    "展开更多回复",
    "回复",
    "作者",
    "置顶",
    "<",
    ">",
    "...",
    "…",
    "×",
    "+",
    "返回顶部",
    "打开APP",
    "打开App",
    "App内打开",
    "在App中打开",
    "微信",
    "通讯录",
    "发现",
    "写留言",
    "留言",
    "阅读原文",
    "阅读",
    "在看",
    "分享到",
    "登录",
    "注册",
    "我要留言",
    "我要投诉",
}
# Like / comment / share counters next to their icons: "1.2万", "368", "2w".
_COUNTER = re.compile(r"^\d{1,6}(\.\d)?\s*[万wW千kK]?$")
# A row of counters under a post: "转发 12  评论 36  赞 208".
_COUNTER_ROW = re.compile(r"^((转发|评论|赞|点赞|分享|收藏)\s*\d*(\.\d)?[万w]?\s*){2,}$")
STATUS_BAR_FRACTION = 0.045  # of the image height, for phone-shaped images only


def is_chrome(text: str, top: float, image_width: int, image_height: int) -> bool:
    stripped = text.strip()
    if not stripped:
        return True
    # Status bar height is ~24dp ≈ 3–4.5% of a phone screen; long screenshots keep it only
    # at the very top, so measure it against the width (a phone is about 2.2 widths tall).
    status_band = STATUS_BAR_FRACTION * min(image_height, image_width * 2.3)
    if top < status_band and len(stripped) <= 12 and _STATUS.match(stripped):
        return True
    if stripped in _CHROME_WORDS:
        return True
    return bool(_COUNTER.match(stripped) or _COUNTER_ROW.match(stripped))
