"""The counties of a synthetic prefecture: each one office and ~30 units, people with made-up names.

Every county speaks on all three channels at once (a mixed deployment): the office group exists
in the simulator, WeCom and DingTalk, each unit's group on one of them (round-robin). Office
people have an id on every platform, a unit's people on their unit's platform only. WeCom groups
have a group robot (the only way to @ there); DingTalk groups are reached through the app robot's
OpenAPI (no custom robot: its 10-minute throttle would dominate a compressed run).

The names are synthetic (surname + given name drawn from a seeded RNG): the log scan looks for
every one of them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from typing import Any

PLATFORMS = ("simulator", "wecom", "dingtalk")

COUNTY_NAMES = ("青岚县", "松溪县", "白石县", "云台县", "安平县", "桃江县", "梅川县", "石门县", "临江县", "凤岭县",
                "龙泉县", "金沙县", "玉屏县", "丹霞县", "清水县", "银山县")

# (code, name after the county's, alias, category, problems the unit answers for)
DEPARTMENTS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("zhujian", "住房和城乡建设局", "住建局", "城乡建设", ("小区电梯频繁故障物业迟迟不修", "安置房墙体开裂漏水", "工地夜间施工噪音扰民")),
    ("chengguan", "城市管理局", "城管局", "城乡建设", ("路灯长期不亮", "夜市占道经营堵塞通行", "垃圾堆积多日无人清运")),
    ("jiaotong", "交通运输局", "交通局", "交通运输", ("公交班次太少候车时间长", "路面坑洼雨天积水", "客运班车不按时发车")),
    ("jiaoyu", "教育局", "教育局", "教育文体", ("学校周边机构违规补课收费", "幼儿园学位紧张报不上名", "校车超员")),
    ("weijian", "卫生健康局", "卫健局", "卫生计生", ("卫生院夜间无人值班", "诊所无证行医", "疫苗接种点排队过长")),
    ("renshe", "人力资源和社会保障局", "人社局", "劳动和社会保障", ("农民工工资被拖欠半年", "社保关系转移办理困难", "劳动合同到期不续签")),
    ("shengtai", "生态环境分局", "环保局", "环境保护", ("工厂夜间偷排污水", "餐馆油烟直排扰民", "砂石场粉尘污染严重")),
    ("shichang", "市场监督管理局", "市场监管局", "商贸旅游", ("超市销售过期食品", "商家拒不退还预付款", "加油站计量不准")),
    ("gongan", "公安局", "公安局", "政法", ("小区电动车频繁被盗", "深夜飙车噪音扰民", "户口迁移手续办理慢")),
    ("minzheng", "民政局", "民政局", "民政", ("低保申请迟迟没有结果", "养老院护理服务差", "残疾补贴发放延迟")),
    ("ziran", "自然资源局", "自然资源局", "国土资源", ("违法占用耕地建房", "不动产证办理拖延", "山体滑坡隐患无人处理")),
    ("shuili", "水利局", "水利局", "农林水利", ("河堤出现垮塌", "灌溉水渠堵塞", "山塘水库漏水")),
    ("nongye", "农业农村局", "农业农村局", "农林水利", ("养殖场臭气熏天", "农资店销售假种子", "农机补贴迟迟未到")),
    ("wenlv", "文化旅游广电局", "文旅局", "商贸旅游", ("景区乱收费", "广场舞音响扰民", "农村广播长期不通")),
    ("yingji", "应急管理局", "应急局", "安全生产", ("烟花爆竹非法储存", "厂房消防通道堵塞", "矿山违规开采")),
    ("yibao", "医疗保障局", "医保局", "卫生计生", ("异地就医报销困难", "医保卡被冒用", "门诊慢病认定太慢")),
    ("shuiwu", "自来水公司", "水务公司", "城乡建设", ("自来水浑浊发黄", "停水不提前通知", "水表计费异常")),
    ("gongdian", "供电公司", "供电公司", "城乡建设", ("频繁停电影响生产", "电线老化垂落", "电费计费异常")),
    ("ranqi", "燃气公司", "燃气公司", "城乡建设", ("燃气管道漏气", "燃气开户收费不合理", "燃气表故障")),
    ("gongxiao", "工业和信息化局", "工信局", "工业", ("企业拖欠货款", "通信基站信号差", "宽带安装拖延")),
)

TOWN_STEMS = ("东湖", "青山", "桃源", "石桥", "白沙", "柳林", "双河", "马坪", "花园", "新塘", "高桥", "金坪", "黄土岭",
              "长乐", "永丰", "龙潭", "杨柳", "沙坪", "枫林", "荷花")
PLACE_SUFFIXES = ("村", "社区", "小区", "路")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏建华红梅飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣雪琳晨辉亮婷倩颖慧瑶佳思琪雨萱子涵梓轩文博天宇志强海燕春梅国庆建军小红晓东"


def person_name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return rng.choice(SURNAMES) + given


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    alias: str
    platform: str  # the chat platform its group is on
    category: str
    problems: tuple[str, ...]
    places: tuple[str, ...] = ()
    handler: str = ""  # person codes
    leader: str = ""


@dataclass
class County:
    index: int
    name: str
    units: list[UnitSpec]
    places: list[str]
    dispatchers: list[str]  # person codes
    office_members: list[str]
    names: dict[str, str] = field(default_factory=dict)  # person code → name

    @property
    def queue(self) -> str:
        return f"county-{self.index}"

    def office_chat(self, platform: str) -> str:
        return {"simulator": "office", "wecom": f"wr-c{self.index}-office", "dingtalk": f"cid-c{self.index}-office"}[platform]

    def unit_chat(self, unit: UnitSpec) -> str:
        return {"simulator": f"g-{unit.code}", "wecom": f"wr-c{self.index}-{unit.code}",
                "dingtalk": f"cid-c{self.index}-{unit.code}"}[unit.platform]

    def robot_key(self, unit_code: str) -> str:
        return f"key-c{self.index}-{unit_code}"

    def robot_keys(self) -> set[str]:
        keys = {self.robot_key("office")}
        keys.update(self.robot_key(u.code) for u in self.units if u.platform == "wecom")
        return keys

    def directory(self) -> dict[str, Any]:
        """The unit directory in the shape of config/units.yaml (bot.cases.directory.import_directory)."""
        office_chats = {p: self.office_chat(p) for p in PLATFORMS}
        units = []
        for unit in self.units:
            spec: dict[str, Any] = {"code": unit.code, "name": unit.name, "aliases": [unit.alias],
                                    "categories": [unit.category], "keywords": [], "places": list(unit.places),
                                    "chats": {unit.platform: self.unit_chat(unit)}}
            if unit.platform == "wecom":
                spec["robots"] = {"wecom": {"webhook_key": self.robot_key(unit.code)}}
            units.append(spec)
        people = []
        for code in self.dispatchers + self.office_members:
            people.append({"code": code, "name": self.names[code],
                           "role": "dispatcher" if code in self.dispatchers else "office", "unit": "office",
                           "ids": {p: code for p in PLATFORMS}})
        for unit in self.units:
            for code, role in ((unit.handler, "handler"), (unit.leader, "leader")):
                people.append({"code": code, "name": self.names[code], "role": role, "unit": unit.code,
                               "ids": {unit.platform: code}})
        return {
            "office": {"code": "office", "name": f"{self.name}委网信办", "aliases": ["网信办"], "chats": office_chats,
                       "robots": {"wecom": {"webhook_key": self.robot_key("office")}}},
            "units": units,
            "people": people,
            "roster": {"rotation": list(self.dispatchers), "shift_hours": 24, "start": "08:00"},
        }


def make_county(index: int, units_per_county: int, seed: int) -> County:
    """``units_per_county`` units: departments first, then towns and streets, platforms round-robin."""
    rng = random.Random(seed * 1000 + index)
    name = COUNTY_NAMES[index % len(COUNTY_NAMES)] if index < len(COUNTY_NAMES) else f"第{index + 1}县"
    towns = max(4, units_per_county // 3)
    departments = DEPARTMENTS[: max(1, units_per_county - towns)]
    stems = rng.sample(TOWN_STEMS, min(towns, len(TOWN_STEMS)))
    names: dict[str, str] = {}
    units: list[UnitSpec] = []
    for n, (code, suffix, alias, category, problems) in enumerate(departments):
        units.append(UnitSpec(code=code, name=f"{name}{suffix}", alias=alias, platform=PLATFORMS[n % 3],
                              category=category, problems=problems))
    all_places: list[str] = []
    for n, stem in enumerate(stems):
        kind = "镇" if n % 2 == 0 else "街道"
        places = tuple([f"{stem}{kind}"] + [f"{stem}{rng.choice(('新', '老', '上', '下', '中'))}"
                                          f"{PLACE_SUFFIXES[k % len(PLACE_SUFFIXES)]}" for k in range(3)])
        all_places.extend(places)
        unit_name = f"{stem}镇人民政府" if kind == "镇" else f"{stem}街道办事处"
        units.append(UnitSpec(code=f"town{n}", name=unit_name, alias=f"{stem}{kind}", platform=PLATFORMS[(len(units)) % 3],
                              category="乡镇街道", places=places,
                              problems=("村道破损无人修补", "自建房违规加层", "集镇停车秩序混乱", "邻里纠纷调解无果")))
    finished: list[UnitSpec] = []
    for unit in units:
        handler, leader = f"c{index}-{unit.code}-h", f"c{index}-{unit.code}-l"
        names[handler], names[leader] = person_name(rng), person_name(rng)
        finished.append(replace(unit, handler=handler, leader=leader))
    dispatchers = [f"c{index}-disp{k}" for k in (1, 2)]
    office = [f"c{index}-office{k}" for k in (1, 2)]
    for code in dispatchers + office:
        names[code] = person_name(rng)
    return County(index=index, name=name, units=finished, places=all_places, dispatchers=dispatchers,
                  office_members=office, names=names)


def platform_env(wecom: Any, dingtalk: Any) -> dict[str, str]:
    """WECOM_* and DINGTALK_* pointing at the fakes (tests/fakes), as an installation sets them."""
    return {
        "WECOM_CORP_ID": wecom.corp_id, "WECOM_AGENT_ID": str(wecom.agent_id), "WECOM_AGENT_SECRET": wecom.agent_secret,
        "WECOM_TOKEN": wecom.app_token, "WECOM_ENCODING_AES_KEY": wecom.app_aes_key,
        "WECOM_AIBOT_TOKEN": wecom.aibot_token, "WECOM_AIBOT_ENCODING_AES_KEY": wecom.aibot_aes_key,
        "WECOM_API_BASE": wecom.api_base, "WECOM_HTTP_TIMEOUT_S": "5",
        "DINGTALK_APP_KEY": dingtalk.app_key, "DINGTALK_APP_SECRET": dingtalk.app_secret,
        "DINGTALK_ROBOT_CODE": dingtalk.robot_code, "DINGTALK_OPENAPI_ENDPOINT": dingtalk.url,
        "DINGTALK_OAPI_ENDPOINT": dingtalk.url, "DINGTALK_TIMEOUT_S": "5",
    }
