"""What a generated screenshot shows: a post (title, body from the shared data), a synthetic
author, an addressed unit, a displayed time with its truth, and other people's comments.

Texts come from the shared data at run time (train.jsonl for the training corpus, test.jsonl
for the bench images, so the role model never sees a bench text); names, phones and times are
synthetic.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT.parent / "shared" / "data" / "citizen-messages"

_NICK_HEADS = ["湘江", "星沙", "芙蓉", "岳麓", "橘子洲", "麓山", "小城", "老街", "桂花", "洋湖", "梅溪湖", "月亮岛",
               "东湖", "青山", "白沙", "浏阳河", "开福", "雨花", "天心", "望城", "宁乡", "松雅湖", "金霞", "湘府"]
_NICK_TAILS = ["居民", "业主", "家长", "老王", "小李", "晨跑者", "打工人", "老街坊", "一市民", "的风", "小张", "阿姨",
               "宝妈", "大叔", "路人甲", "书生", "观察员", "老兵", "追梦人", "骑行者", "钓鱼佬", "护士", "老师"]
_LATIN = ["Amy", "Leo", "sunny", "Tom", "xiaoyu", "momo", "Kiki", "echo", "Jack", "lucky"]
_AREAS = ["A市", "A3区", "A7县", "A2区", "A5区", "示例县", "某某市", "B4县", "K8县"]
_DEPARTMENTS = ["住房和城乡建设局", "教育局", "城市管理和行政执法局", "交通运输局", "人民政府", "卫生健康委员会",
                "市场监督管理局", "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "公安局", "民政局",
                "水利局", "农业农村局", "医疗保障局", "发展和改革局", "信访局", "应急管理局"]
_TOWNS = ["星沙街道", "泉塘街道", "安沙镇", "黄花镇", "洞井街道", "桂花坪街道", "洋湖街道", "青山铺镇", "东湖街道"]

# Short replies of other people under a post or in a chat.
COMMENTS = [
    "同感，我们小区也是这样", "支持！希望尽快解决", "这个问题反映很久了", "收到", "已转相关部门", "顶一下",
    "楼主说的是真的", "我家门口也一样", "希望有关部门重视", "赞同", "前几天刚打过热线，没人管", "帮顶",
    "什么时候能解决啊", "已经向社区反映了", "我也遇到过这个情况", "坐等回复", "太难了", "关注中",
    "建议直接打12345", "好的，我转给负责同志", "谢谢反映，我们马上核实", "这事得管管了", "明天去现场看看",
    "同问", "去年就有人说过", "转发扩散", "支持一下", "住在附近，确实很吵", "物业不作为", "收到，马上处理",
]


@dataclass
class ShownTime:
    """A time as the screen prints it, the moment it means, and which parts it shows."""

    text: str
    moment: datetime
    shown: tuple[str, ...]  # "date", "clock", "relative"


@dataclass
class Post:
    title: str
    body: str
    author: str
    unit: str
    time: ShownTime
    phone: str | None = None
    kind: str = "投诉"
    views: int = 0
    likes: int = 0
    comments: list[tuple[str, str, ShownTime]] = field(default_factory=list)  # (name, text, time)


def load_rows(split: str) -> list[dict[str, object]]:
    """Rows with a usable body from train.jsonl or test.jsonl, or 300 made-up ones ("synthetic")."""
    if split == "synthetic":
        rnd = random.Random(split)
        return [synthetic_row(rnd) for _ in range(300)]
    path = DATA_DIR / f"{split}.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [r for r in rows if len(str(r.get("body") or "")) > 60]


def nickname(rnd: random.Random) -> str:
    roll = rnd.random()
    if roll < 0.55:
        return rnd.choice(_NICK_HEADS) + rnd.choice(_NICK_TAILS)
    if roll < 0.7:
        return rnd.choice(["网友", "用户", "匿名网友"]) + "".join(rnd.choice("0123456789abcdef") for _ in range(6))
    if roll < 0.85:
        return rnd.choice(_LATIN) + rnd.choice(["", "_", ""]) + str(rnd.randrange(1, 2025))
    return rnd.choice(_NICK_TAILS) + rnd.choice(_NICK_HEADS)


def unit_name(rnd: random.Random) -> str:
    if rnd.random() < 0.15:
        return rnd.choice(_AREAS) + rnd.choice(_TOWNS) + rnd.choice(["办事处", "人民政府"])
    return rnd.choice(_AREAS) + rnd.choice(_DEPARTMENTS)


def _clock(moment: datetime, rnd: random.Random) -> str:
    if rnd.random() < 0.2:
        period = "凌晨" if moment.hour < 6 else "上午" if moment.hour < 12 else "下午" if moment.hour < 18 else "晚上"
        hour = moment.hour % 12 or 12 if period in ("下午", "晚上") else moment.hour
        return f"{period}{hour}:{moment.minute:02d}"
    return f"{moment:%H:%M}"


def shown_time(style: str, forwarded_at: datetime, rnd: random.Random) -> ShownTime:
    """A posting time in one of the families a platform uses: "full", "board", "social", "chat"."""
    if style == "full" or (style == "board" and rnd.random() < 0.7):
        moment = (forwarded_at - timedelta(days=rnd.randrange(1, 400), minutes=rnd.randrange(1440))).replace(second=0)
        fmt = rnd.choice(["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y年%m月%d日 %H:%M", "%Y-%m-%d"])
        if "%S" in fmt:
            moment = moment.replace(second=rnd.randrange(60))
        shown = ("date",) if "%H" not in fmt else ("date", "clock")
        return ShownTime(moment.strftime(fmt), moment, shown)
    roll = rnd.random()
    if roll < 0.2:
        minutes = rnd.randrange(1, 59)
        moment = (forwarded_at - timedelta(minutes=minutes)).replace(second=0, microsecond=0)
        return ShownTime(f"{minutes}分钟前", moment, ("relative",))
    if roll < 0.4:
        hours = rnd.randrange(1, 23)
        moment = (forwarded_at - timedelta(hours=hours)).replace(second=0, microsecond=0)
        text = f"{hours}小时前" if rnd.random() < 0.8 else f"{'一二三四五六七八九'[hours - 1] if hours < 10 else hours}小时前"
        return ShownTime(text, moment, ("relative",))
    if roll < 0.55:
        days = rnd.randrange(1, 7)
        moment = (forwarded_at - timedelta(days=days)).replace(second=0, microsecond=0)
        return ShownTime(f"{days}天前", moment, ("relative_day",))
    if roll < 0.75:
        back = rnd.choice([1, 2]) if style != "chat" else 1
        moment = (forwarded_at - timedelta(days=back)).replace(
            hour=rnd.randrange(0, 24), minute=rnd.randrange(60), second=0, microsecond=0
        )
        word = "昨天" if back == 1 else "前天"
        return ShownTime(f"{word}{rnd.choice([' ', ''])}{_clock(moment, rnd)}", moment, ("date", "clock"))
    if style == "chat" and roll < 0.88:
        back = rnd.randrange(2, 7)
        moment = (forwarded_at - timedelta(days=back)).replace(
            hour=rnd.randrange(7, 23), minute=rnd.randrange(60), second=0, microsecond=0
        )
        weekday = "一二三四五六日"[moment.weekday()]
        return ShownTime(f"星期{weekday} {_clock(moment, rnd)}", moment, ("date", "clock"))
    moment = (forwarded_at - timedelta(days=rnd.randrange(7, 300), minutes=rnd.randrange(1440))).replace(
        second=0, microsecond=0
    )
    if moment.year != forwarded_at.year:
        return ShownTime(f"{moment:%Y-%m-%d} {_clock(moment, rnd)}", moment, ("date", "clock"))
    if rnd.random() < 0.5:
        return ShownTime(f"{moment.month}月{moment.day}日 {_clock(moment, rnd)}", moment, ("date", "clock"))
    return ShownTime(f"{moment:%m-%d %H:%M}", moment, ("date", "clock"))


def make_post(row: dict[str, object], forwarded_at: datetime, time_style: str, rnd: random.Random) -> Post:
    body = str(row.get("body") or "").replace("\n", "").replace("\t", "").strip()
    title = str(row.get("title") or "") or body[:18]
    phone = None
    if rnd.random() < 0.35:
        # Obviously made-up numbers (1x0-0000-xxxx), never a real subscriber's.
        phone = f"1{rnd.choice('3578')}00000{rnd.randrange(10**4):04d}"
        cut = min(len(body), rnd.randrange(40, 200))
        body = body[:cut] + f"联系电话{phone}。" + body[cut:]
    comments = []
    for _ in range(rnd.randrange(3, 9)):
        when = shown_time("social", forwarded_at, rnd)
        comments.append((nickname(rnd), rnd.choice(COMMENTS), when))
    return Post(
        title=title.strip(),
        body=body,
        author=nickname(rnd),
        unit=unit_name(rnd),
        time=shown_time(time_style, forwarded_at, rnd),
        phone=phone,
        kind=rnd.choice(["投诉", "建议", "咨询", "求助"]),
        views=rnd.randrange(20, 30000),
        likes=rnd.randrange(0, 5000),
        comments=comments,
    )


# -- synthetic texts: for committed test fixtures, which must hold no real citizen's words ------

_ISSUES = [
    ("夜间施工噪音扰民", "工地每晚施工到凌晨两点，噪音很大，附近居民无法休息"),
    ("道路破损严重", "路面坑洼不平，一下雨就大面积积水，电动车经常摔倒"),
    ("物业乱收停车费", "物业公司从本月起每月多收停车费一百元，也没有任何公示"),
    ("路灯长期不亮", "小区门口的路灯坏了一个多月，晚上出行很不安全"),
    ("垃圾堆积无人清理", "垃圾站长期无人清理，夏天蚊蝇滋生，气味难闻"),
    ("拖欠农民工工资", "工地拖欠农民工工资三个多月，包工头一直联系不上"),
    ("学校周边交通拥堵", "每天上学放学时段校门口车辆乱停，孩子过马路很危险"),
    ("饮用水水质差", "自来水发黄有异味，烧开后有很多水垢"),
    ("违章搭建占用通道", "一楼住户私自搭建雨棚，占用了消防通道"),
    ("公交线路停运", "唯一一趟公交车停运后，老人看病出行非常不方便"),
]
_TOWN_NAMES = ["星沙街道", "安沙镇", "泉塘街道", "黄花镇", "东湖街道", "青山铺镇", "洋湖街道"]
_VILLAGES = ["和平村", "新卯村", "七里村", "向阳村", "幸福社区", "白沙村"]
_ROADS = ["芙蓉路", "星沙大道", "凉塘路", "万家丽路", "中山路"]
_COMPOUNDS = ["幸福家园小区", "锦绣华庭小区", "金色家园", "阳光新城"]


def synthetic_row(rnd: random.Random) -> dict[str, object]:
    """A made-up post in the shape of the shared data rows (title, body)."""
    area = rnd.choice(_AREAS)
    town = rnd.choice(_TOWN_NAMES)
    issue, detail = rnd.choice(_ISSUES)
    where = rnd.choice([rnd.choice(_VILLAGES), rnd.choice(_ROADS), rnd.choice(_COMPOUNDS)])
    title = rnd.choice(["{a}{t}{i}", "关于{w}{i}的投诉", "{w}{i}，请尽快处理", "{t}{w}{i}问题何时解决"]).format(
        a=area, t=town, w=where, i=issue)
    sentences = [
        rnd.choice(["尊敬的领导：您好！", "领导好！", "", "各位领导："]),
        f"我是{area}{town}{where}的{rnd.choice(['居民', '村民', '业主', '家长'])}，{detail}。",
        rnd.choice(["从去年开始", "今年三月以来", "最近两个月", "这半年来"]) + "，情况越来越严重，"
        + rnd.choice(["我们多次向社区反映", "打过几次热线", "找过物业和街道"]) + "，但一直没有得到解决。",
        rnd.choice(["恳请相关部门尽快调查处理。", "希望有关部门重视，早日解决。", "请领导督促落实，谢谢！"]),
    ]
    body = "".join(sentences)
    while len(body) < rnd.randrange(120, 420):
        body += rnd.choice(["周边还有很多老人和小孩，", "大家意见都很大，", "我们也理解政府工作的难处，",
                            "只希望能给个明确的答复，"]) + detail + "。"
    return {"title": title, "body": body}
