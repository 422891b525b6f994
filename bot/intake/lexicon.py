"""Words and patterns that screens of citizen posts share: field labels, app chrome, counters,
status and type tags, platform markers. Data only, so a new platform or label is one line here.
"""

from __future__ import annotations

import re

# Field labels as they appear before a value ("留言对象：…", "发布时间 2024-…") or in a table cell.
LABELS: dict[str, tuple[str, ...]] = {
    "title": ("留言标题", "标题", "主题", "诉求标题", "信件标题", "来信标题"),
    "author": ("网友", "作者", "发帖人", "留言人", "留言用户", "用户", "昵称", "发布人", "投诉人", "来信人", "发布者", "诉求人", "反映人"),
    "time": ("发布时间", "留言时间", "发表时间", "提交时间", "时间", "发布于", "发表于", "日期", "来信时间", "留言日期",
             "诉求时间", "来电时间", "反映时间"),
    "unit": ("留言对象", "投诉对象", "反映对象", "咨询对象", "诉求对象", "问政对象", "回复对象", "办理单位", "受理单位",
             "承办单位"),
    "body": ("留言内容", "内容", "正文", "诉求内容", "问题描述", "详细内容", "来信内容", "信件内容", "反映内容"),
    "meta": ("留言类型", "类型", "编号", "留言编号", "状态", "办理状态", "浏览", "来源", "IP属地", "回复单位", "答复单位",
             "回复内容", "回复时间", "答复内容", "答复时间", "满意度", "分类", "诉求渠道", "办理结果", "工单编号",
             "受理时间", "办结时间", "工单信息", "所属区域", "诉求类型"),
}
LABEL_KINDS = tuple(LABELS)
_ALL_LABELS = sorted({w for words in LABELS.values() for w in words}, key=len, reverse=True)
# A label then a colon (or, for the longer labels, only a space before the value).
LABEL_RE = re.compile(r"(?P<label>" + "|".join(_ALL_LABELS) + r")\s*[:：]\s*")
BARE_LABEL_RE = re.compile(r"^\s*(?P<label>" + "|".join(_ALL_LABELS) + r")\s*[:：]?\s*$")
LONG_LABEL_RE = re.compile(r"^\s*(?P<label>" + "|".join(w for w in _ALL_LABELS if len(w) >= 4) + r")\s+(?=\S)")

LABEL_KIND = {word: kind for kind, words in LABELS.items() for word in words}

# Buttons, tabs and navigation words of the apps (a line that is exactly one of these is chrome).
CHROME_WORDS = frozenset(
    """发送 关注 +关注 ＋关注 已关注 互相关注 分享 评论 点赞 赞 转发 收藏 返回 搜索 首页 消息 我 朋友 商城 推荐 同城
    团购 经验 关注了 私信 更多 举报 取消 完成 编辑 说点什么... 说点什么… 说点什么 写评论... 写评论… 写评论 发表评论
    善语结善缘，恶言伤人心 有爱评论，说点儿好听的~ 按住 说话 按住说话 切换到键盘 表情 全部评论 热门评论 最新评论 查看更多
    展开 收起 展开更多回复 回复 作者 置顶 < > 〈 ... … ··· × + 返回顶部 打开APP 打开App App内打开 在App中打开 微信 通讯录 发现
    写留言 留言 阅读原文 阅读 在看 分享到 登录 注册 我要留言 我也要留言 我要投诉 留言详情 详情 微博正文 按热度 按时间
    办理进度 提交 受理 办理 答复 办结 新闻 时政 视频 问政 湖南 官方回复 回复内容 部门回复 热门留言 最新留言 相关留言
    留言查询 网友评论 相关推荐 大家都在看 全文 …全文 收起全文""".split()
)
# Status labels a board prints next to a post, and the type tag of 问政 apps.
STATUS_TAGS = frozenset("待回复 已回复 已受理 办理中 已办结 已评价 待受理 已转办 处理中 已答复 未回复 已采纳".split())
TYPE_TAGS = frozenset("建议 投诉 咨询 求助 表扬 举报 其他 反映 意见".split())
# The heading of a comment section or of a list of other posts ("全部评论 36", "3条评论", "相关推荐"):
# what follows it is not the post (see post_parser._settle_roles).
# The heading of the official reply under a board post: "官方回复", "株洲市生态环境局回复", "回复单位：…".
REPLY_HEAD_RE = re.compile(
    r"^(?:官方|部门|单位|政府|职能部门|办理)?(?:回复|答复)(?:内容|详情|情况)?\s*[:：]?$"
    r"|^\S{2,30}(?:局|委|政府|办|中心|公司|街道|办事处|所|院|队)的?(?:回复|答复)$"
    r"|^(?:回复|答复)(?:单位|部门|机构|时间)\s*[:：]"
    # "官方回复·望城区人民政府": the heading and the office answering.
    r"|^(?:官方|部门|单位|政府)(?:回复|答复)\s*[·•・‧:：|｜]\s*\S{2,30}$"
)
SECTION_HEAD_RE = re.compile(
    r"^(?:(?:全部|热门|最新|网友)?评论|网友回复|相关推荐|相关留言|大家都在看|热门留言|最新留言)\s*[(（]?\s*\d*\s*[)）]?$"
    r"|^共?\s*\d+\s*条(?:评论|回复)$|"
    + REPLY_HEAD_RE.pattern
    # A reply count over the replies ("1回复", "回复(3)").
    + r"|^\d+\s*条?回复$|^回复\s*[(（]\s*\d+\s*[)）]$"
)
# How an office's reply opens ("网友您好：经调查…", "尊敬的网友，您好！"): never the citizen's text.
REPLY_OPENER_RE = re.compile(r"^(?:尊敬的)?(?:网友|市民|群众)(?:朋友)?[，,]?您好|^您好[！!，,:：]\s*(?:(?:您|你)(?:所)?反映|接到|收到|经(?:调查|核实|了解|查)"
                             r"|(?:您|你)的(?:诉求|留言|来信|问题)(?:已|我们))")
# An editor's note after a letter an article carries ("记者追踪：…", "编者按：…"): the paper's words.
EDITOR_NOTE_RE = re.compile(r"^(?:记者(?:追踪|手记|了解到|调查|核实)|编者按|编后语?|编辑注|小编(?:提醒|说))[:：，,]?")
# Counters next to icons ("1.2万", "368"), counter rows ("转发 12 评论 36 赞 208"), "浏览(123)".
COUNTER_RE = re.compile(r"^\d{1,6}(\.\d)?\s*[万wW千kK+]?$")
COUNTER_ROW_RE = re.compile(
    r"^((转发|评论|赞|点赞|分享|收藏|浏览|阅读|回复|点击|关注|粉丝)\s*[(（]?\s*\d*(\.\d)?[万w]?\s*[)）]?[\s|·]*){1,}$"
)
COUNTER_ANY_RE = re.compile(r"(浏览|点赞|阅读|点击|评论|转发|收藏)\s*[(（:：]?\s*\d+")
STATUS_BAR_RE = re.compile(
    r"^(\d{1,2}[:：]\d{2}|\d{1,3}\s*%|[45]G\+?|LTE|VoLTE|HD\d?|WiFi|Wi-Fi|中国移动|中国联通|中国电信|"
    r"[\d:：%\sGHDLTEVo.|KB/s]+|(中国移动|中国联通|中国电信)\s*[45]?G?\s*\d{0,3}%?)$",
    re.I,
)
BREADCRUMB_RE = re.compile(r"[>›»＞]|当前位置|您的位置")
# Words that end the name of a government unit.
UNIT_SUFFIX_RE = re.compile(
    r"(局|委员会|委|人民政府|政府|办事处|办公室|办|中心|公司|分局|大队|派出所|支队|医院|学校|管委会|街道|法院|检察院)$"
)
# Marker words per platform: (strong, weak). A strong marker is the site's own name; a weak
# one is a label or a button that other sites share. Order breaks ties.
PLATFORM_MARKERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "hongwang": (("百姓呼声", "红网", "rednet"), ("我也要留言", "投诉对象", "浏览(", "相关留言", "留言人")),
    "wenzheng_hunan": (("问政湖南", "湖南省网上群众工作平台", "网上群众工作平台"),
                       ("办理进度", "留言类型", "诉求对象", "问政对象", "问政详情")),
    "douyin": (("抖音", "抖音号", "条评论"), ("说点什么", "善语结善缘", "商城", "团购", "同城", "作品", "朋友")),
    "weibo": (("微博", "weibo", "超话"),
              ("来自iPhone", "来自Android", "来自 iPhone", "来自 Android", "转发", "按热度", "评论详情")),
    "wechat": (("微信", "公众号", "mp.weixin", "朋友圈", "的聊天记录"), ("按住说话", "按住 说话", "阅读原文", "在看", "群(")),
}
# Sites and apps the bot has no source of its own for: their name in the page chrome makes the
# post's source "other", whatever buttons (转发, 说点什么) other platforms share with them. Kept apart
# from PLATFORM_MARKERS, whose strong words are a feature of the trained role model. 12345 only with
# its hotline's name: "打12345试试" is a comment's advice, not the page. 进吧 is 贴吧's enter button;
# 编辑于 heads the time line under a 小红书 or 知乎 note (no source of ours prints it); a hotline's
# ticket shows its 工单编号 and 热线受理 step, whatever app it was submitted through ("通过微信小程序").
# A tie with a source's markers goes to "other": a shared label ("共138条评论") against a line only
# such sites print.
OTHER_SITE_MARKERS = ("快手", "小红书", "今日头条", "头条号", "微头条", "人民网", "领导留言板", "便民热线",
                      "政务服务热线", "百度贴吧", "进吧", "知乎", "哔哩哔哩", "钉钉", "QQ群",
                      "编辑于", "工单编号", "热线受理")
# A floor ("1楼"), a member's level or role ("LV44", "Lv.3小吧友", "管理员") or the client a reply
# came from ("来自iPhone客户端 1楼"): printed next to a nickname, never one.
MEMBER_BADGE_RE = re.compile(
    r"^(?:(?:来自\S{0,16}客户端\s*)?\d{1,4}楼|来自\S{0,16}客户端|楼主|沙发|板凳|群主|管理员|群管理|小?吧主|小?吧友"
    r"|(?:LV|Lv|lv)\.?\s*\d{1,3}\s*(?:小?吧友|小?吧主|会员)?)$"
)
# A WeChat group chat header: "星沙业主群(128)".
WECHAT_GROUP_RE = re.compile(r"(?:^|\s)\S{1,20}群\s*[(（]\d{1,4}[)）](?:\s|$)")
# Leading tags glued to a title ("建议 小区停车难", "【投诉】…", "待回复 …").
LEADING_TAG_RE = re.compile(
    r"^\s*(?:[【\[(（](?P<b>" + "|".join(sorted(TYPE_TAGS | STATUS_TAGS)) + r")[】\])）]\s*|(?P<t>"
    + "|".join(sorted(TYPE_TAGS | STATUS_TAGS | {"置顶", "热门", "原创", "精华"}))
    + r")\s+)(?=\S)"
)
TRAILING_CHROME_RE = re.compile(r"\s+(?P<w>\+?关注|已关注|回复|作者|置顶|举报|分享|···|\.\.\.)\s*$")
PROVINCES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
             "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
             "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门")
IP_LOCATION_RE = re.compile(r"(?:IP属地|IP 属地|发布于|来自)\s*[:：]?\s*(?P<place>" + "|".join(PROVINCES) + r")")
# Toolbar and player words that CHROME_WORDS (a feature of the role model) lacks: a line made only
# of these is chrome (page_rules). Kept apart so the trained model's features do not change.
TOOLBAR_WORDS = frozenset(
    """倍速 清屏 连播 自动连播 弹幕 全屏 网页全屏 小窗 画质 静音 稍后再看 投稿 通知 客户端 放映厅 排行榜 热榜
    在看 赞赏 写留言 听全文 收听 分享到朋友圈 复制链接 打开 下载 下载APP 下载App""".split()
)
# A profile line under a nickname: "粉丝 12.9万 获赞 8.7万", "抖音号：dy123", "关注 36 粉丝 1.2万".
PROFILE_LINE_RE = re.compile(r"粉丝\s*[\d.]+\s*[万wW]?|[\d.]+\s*[万wW]?\s*粉丝(?:\s*[·|]|$)|获赞\s*[\d.]+|抖音号\s*[:：]|快手号\s*[:：]|微博认证\s*[:：]")
# Chips printed before an account's name ("原创 城事观察" on a WeChat article, "LV77 大海" in a QQ group).
AUTHOR_TAG_RE = re.compile(r"^(?:原创|认证|官方|置顶|作者|群主|管理员|(?:LV|Lv|lv)\.?\s*\d{1,3})\s*(?=\S{2})")
# Badges printed after a nickname ("用户8831207 楼主", "老张 作者").
AUTHOR_BADGE_RE = re.compile(r"(?<=\S{2})\s*(?:楼主|博主|作者|UP主|原作者|已认证|认证)$")
# Platforms whose posts have no title field: a "title" found there is a misread line.
UNTITLED_PLATFORMS = frozenset({"weibo"})
# A label set as a bold bracketed heading ("【留言标题】西渡镇…"): read as "留言标题：西渡镇…".
BRACKETED_LABEL_RE = re.compile(r"^\s*[【\[〔](?P<label>" + "|".join(_ALL_LABELS) + r")[】\]〕]\s*")
