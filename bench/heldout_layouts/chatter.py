"""Text around the post that is not the post: nicknames, other people's comments, chat lines,
official replies and sidebar headlines. It is drawn on purpose so a parser has to tell the
citizen's own text apart from the page around it; none of it is labelled.
"""

from __future__ import annotations

from random import Random

NICK_WORDS = (
    "星城打工人", "爱吃米粉的阿杰", "小鱼吃辣椒", "老张说事", "平凡之路", "芒果味的夏天", "追风少年", "晴天",
    "一只快乐的小猫咪", "阳光总在风雨后", "热心市民王先生", "早睡早起", "路过的风", "不吃香菜", "向日葵",
    "小城故事", "奔跑的蜗牛", "咸鱼翻身", "秋天的柚子", "李姐", "木子", "大熊", "橙子妈妈", "老陈",
)
GROUP_NICKS = ("网格员小刘", "3栋702张姐", "物业-王经理", "社区周主任", "志愿者小陈", "12栋 李阿姨", "业委会老杨",
               "网格员-彭", "街道办 谢干事", "5栋-赵哥")
ACCOUNTS = ("民声直通车", "百姓身边事", "城事观察", "民生热线", "市民之声", "身边的声音")
DEVICES = ("iPhone 15 Pro", "iPhone客户端", "HUAWEI Mate 60", "小米14", "OPPO Reno11", "vivo X100", "微博网页版",
           "Android")

SHORT_COMMENTS = (
    "同问，我们那边也是这样", "支持，希望早日解决", "已经反映好几次了，一直没人管", "关注一下后续", "顶上去，让更多人看到",
    "我家附近也有同样的问题", "希望有关部门重视一下", "晚上确实吵得睡不着", "上次打电话说会处理，到现在也没动静",
    "转发扩散", "蹲一个后续", "这个问题拖了好久了", "可以打12345试试", "物业真的太过分了", "太难了，支持楼主",
)
CHAT_LINES = (
    "收到", "好的，我马上联系社区核实一下", "这个问题上周也有人反映过", "已转办，请相关同事跟进", "辛苦了",
    "下午我去现场看看", "今天的台账记得报一下", "网格员已经在路上了", "明白", "@所有人 明天上午九点开会，请准时参加",
    "大家注意一下明天停水的通知", "好的，收到",
)
HOT_SEARCHES = ("降温了注意添衣", "周末天气预报", "高铁新线路开通", "秋季流感高发", "多地发布暴雨预警", "新能源车补贴",
                "演唱会门票开售", "医保新政解读")
REPLY_TEMPLATES = (
    "网友您好！您反映的问题已收悉。经{dist}{street}工作人员现场核实，情况基本属实，已责成相关单位限期整改。"
    "感谢您对我们工作的关心和支持！",
    "您好，来信收悉。我局高度重视，已安排工作人员与您电话联系并现场查看，后续将持续跟进处理进度，谢谢！",
    "网友您好！针对您反映的问题，{dist}已组织相关部门进行调查，将依法依规处理，处理结果会及时向您反馈。",
)


def nickname(rng: Random) -> str:
    style = rng.random()
    if style < 0.65:
        return rng.choice(NICK_WORDS)
    if style < 0.85:
        return f"用户{rng.randint(10**9, 10**10 - 1)}"
    return f"网友{rng.choice('abcdefghjkmnpqrstuvwxyz')}{rng.randint(1000, 9999)}"


def other_nicks(rng: Random, author: str, n: int) -> list[str]:
    pool = [x for x in NICK_WORDS if x != author]
    return rng.sample(pool, n)


def comments(rng: Random, n: int) -> list[str]:
    """n different short comments (a thread that repeats itself looks fake)."""
    return rng.sample(SHORT_COMMENTS, n)


def official_reply(rng: Random, dist: str, street: str) -> str:
    return rng.choice(REPLY_TEMPLATES).format(dist=dist, street=street)
