"""Is a plain text in the intake chat a forwarded citizen post, or chatter?

The intake chat is where duty staff also talk: ``好的，收到``, a mistyped command, a question to a
colleague. Only a post should become a case. A text counts as a forward when it

- carries a link (a post's address on 红网, 微博, 抖音 …), or
- is long (``LONG_POST`` visible characters: nobody chats in paragraphs at the bot), or
- is at least ``SHORT_POST`` characters and worded like a complaint: it names a problem
  (``PROBLEM_WORDS``: 坏了, 堆积, 拖欠, 无人 …, or a thing citizens complain about from
  bot/intake/problem_words.py: 报站, 噪音, 井盖 …) and does not start with a command word.

Screenshots and messages the platform marks as quoted are decided by the handler (an image is
always a forward; a quoted message is the quoted text's forward).
"""

from __future__ import annotations

import re

from bot.intake.problem_words import THINGS, concepts

LONG_POST = 30
SHORT_POST = 8

_LINK = re.compile(r"https?://\S+|(?:www\.|m\.)?[a-z0-9-]+\.(?:com|cn|net|gov\.cn)/\S*", re.IGNORECASE)
_VISIBLE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
# What citizens complain about and how they say it. A short text needs one of these to be a post.
PROBLEM_WORDS = (
    "坏", "故障", "停运", "失灵", "破损", "破裂", "塌", "坑洼", "积水", "漏水", "渗水", "停水", "停电", "断电",
    "堆积", "垃圾", "发臭", "臭", "异味", "污水", "污染", "排污", "粉尘", "油烟", "噪音", "噪声", "扰民", "施工",
    "拖欠", "欠薪", "欠款", "工资", "社保", "医保", "补偿", "拆迁", "违建", "违章", "占道", "乱", "霸占",
    "无人", "没人", "不管", "不作为", "推诿", "不处理", "不回复", "拖着", "迟迟", "至今", "多日", "多次",
    "危险", "隐患", "安全", "不安全", "困难", "难", "排队", "收费", "退款", "虚假", "过期", "假冒", "超载",
    "拥堵", "堵", "不按时", "太少", "太久", "太慢", "缺斤短两", "投诉", "举报", "反映", "求助", "咨询", "建议",
    "希望", "请求", "恳请", "要求", "请尽快", "解决", "整改", "维修", "修复", "清理", "清运", "不亮", "不通",
    "丢", "受伤", "摔", "掉", "无法", "不能", "影响", "严重", "脏", "吵", "贵", "病", "漏", "偷", "骗",
)
# A short text that starts like a command was meant as one (a typo), not as a post.
COMMAND_WORDS = ("改", "派", "查", "并入", "作废", "恢复", "加急", "换班", "签收", "进展", "退回", "办结", "已办结",
                 "批示", "督办", "评价", "核查", "重新办理", "专报", "同意", "不同意", "申请延期", "帮助", "待办")

NOT_A_POST = ("这条消息不像网民留言，未建单。转发留言请发截图、链接或留言原文（含地点和问题）；"
              "回复“帮助”查看指令。")


def has_link(text: str) -> bool:
    return bool(_LINK.search(text))


def visible_length(text: str) -> int:
    return len(_VISIBLE.findall(text))


def looks_like_command(text: str) -> bool:
    return any(text.startswith(word) for word in COMMAND_WORDS)


def looks_like_post(text: str) -> bool:
    """True when a plain text from the intake chat should become a draft case."""
    text = text.strip()
    if has_link(text):
        return True
    length = visible_length(text)
    if length >= LONG_POST:
        return True
    if length < SHORT_POST or looks_like_command(text):
        return False
    return any(word in text for word in PROBLEM_WORDS) or any(name in THINGS for name in concepts(text))
