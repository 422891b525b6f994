"""Unit types (教育局, 住建局, 街道办事处 …): their name variants, content keywords and categories.

A unit in the directory is "area + optional township + type", e.g. A7县 + 泉塘街道 + 街道办事处.
The router predicts the type from the content and the area from the places, so a unit it has
never seen a message for can still be proposed from its name alone. Names differ by county
(住房和城乡建设局 = 住建局), hence the variants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class UnitType:
    key: str
    label: str  # short Chinese name used in reasons
    names: tuple[str, ...]  # name endings that identify the type, full and short forms
    keywords: tuple[str, ...]  # words in a post that point to this type
    categories: tuple[str, ...]  # first-level categories this type usually handles


UNIT_TYPES: tuple[UnitType, ...] = (
    UnitType(
        "education",
        "教育局",
        ("教育局", "教育体育局", "教体局", "教育和体育局"),
        (
            "学校",
            "学生",
            "老师",
            "教师",
            "幼儿园",
            "小学",
            "中学",
            "高中",
            "学位",
            "招生",
            "入学",
            "补课",
            "培训机构",
            "校车",
            "学费",
            "校长",
            "班主任",
            "教育",
            "上学",
            "校园",
            "辅导",
            "考试",
            "书本费",
        ),
        ("教育文体",),
    ),
    UnitType(
        "housing_construction",
        "住建局",
        ("住房和城乡建设局", "住房城乡建设局", "住建局", "住建委", "建设局"),
        (
            "物业",
            "开发商",
            "楼盘",
            "交房",
            "业主",
            "维修基金",
            "电梯",
            "工地",
            "施工",
            "建筑",
            "安置房",
            "燃气",
            "天然气",
            "质量问题",
            "漏水",
            "烂尾",
            "小区",
            "房屋",
            "商品房",
            "业委会",
        ),
        ("城乡建设",),
    ),
    UnitType(
        "housing_property",
        "房产局",
        ("住房保障和房产管理局", "房产管理局", "房产局", "住保局", "房管局"),
        (
            "房产证",
            "不动产",
            "产权",
            "购房",
            "网签",
            "公租房",
            "廉租房",
            "商品房",
            "备案",
            "房产",
            "办证",
            "契税",
            "物业",
            "开发商",
            "交房",
            "业主",
        ),
        ("城乡建设",),
    ),
    UnitType(
        "urban_management",
        "城管局",
        ("城市管理和行政执法局", "城市管理综合执法局", "城市管理局", "城管执法局", "城管局"),
        (
            "占道",
            "摊贩",
            "违建",
            "违章建筑",
            "渣土",
            "广告牌",
            "垃圾",
            "环卫",
            "路灯",
            "井盖",
            "绿化",
            "流动摊",
            "油烟",
            "城管",
            "夜宵",
            "私搭乱建",
            "乱搭",
            "门前",
            "扰民",
        ),
        ("城乡建设", "环境保护"),
    ),
    UnitType(
        "natural_resources",
        "自然资源局",
        ("自然资源和规划局", "自然资源局", "国土资源局", "规划局", "国土局"),
        ("土地", "征地", "规划", "宅基地", "国土", "拆迁", "用地", "地块", "采矿", "容积率", "不动产登记", "征收"),
        ("城乡建设",),
    ),
    UnitType(
        "traffic_police",
        "交警大队",
        ("公安局交通警察大队", "公安局交通警察支队", "交通警察大队", "交通警察支队", "交警大队", "交警支队"),
        (
            "交警",
            "违停",
            "红绿灯",
            "信号灯",
            "违章",
            "罚单",
            "驾照",
            "驾驶证",
            "电动车",
            "车牌",
            "超速",
            "停车",
            "斑马线",
            "拥堵",
            "摩托车",
            "扣分",
            "车辆",
        ),
        ("交通运输",),
    ),
    UnitType(
        "public_security",
        "公安局",
        ("公安分局", "公安局", "派出所"),
        (
            "报警",
            "诈骗",
            "赌博",
            "盗窃",
            "户口",
            "户籍",
            "身份证",
            "治安",
            "打架",
            "传销",
            "黑恶",
            "警察",
            "民警",
            "派出所",
            "落户",
            "诈骗",
            "犯罪",
        ),
        ("城乡建设",),
    ),
    UnitType(
        "transport",
        "交通运输局",
        ("交通运输局", "交通局", "交通运输委员会"),
        (
            "公交",
            "客运",
            "出租车",
            "网约车",
            "道路",
            "公路",
            "修路",
            "班车",
            "站台",
            "驾校",
            "车站",
            "高速",
            "收费站",
            "路面",
            "通车",
            "道路建设",
            "公交车",
            "乡道",
            "桥",
        ),
        ("交通运输",),
    ),
    UnitType(
        "hr_social_security",
        "人社局",
        ("人力资源和社会保障局", "人力资源社会保障局", "人社局", "劳动局"),
        (
            "工资",
            "欠薪",
            "社保",
            "养老",
            "退休",
            "劳动合同",
            "工伤",
            "失业",
            "就业",
            "招聘",
            "职称",
            "农民工",
            "讨薪",
            "拖欠",
            "养老金",
            "事业单位",
            "编制",
            "考试",
            "公务员",
            "五险一金",
            "劳动",
        ),
        ("劳动和社会保障",),
    ),
    UnitType(
        "health",
        "卫健委",
        ("卫生健康委员会", "卫生健康局", "卫健委", "卫健局", "卫生局", "卫计委", "卫生和计划生育委员会"),
        (
            "医院",
            "医生",
            "医疗",
            "疫苗",
            "诊所",
            "卫生院",
            "计生",
            "生育",
            "二孩",
            "独生子女",
            "疫情",
            "核酸",
            "护士",
            "看病",
            "手术",
            "乡村医生",
            "计划生育",
        ),
        ("卫生计生",),
    ),
    UnitType(
        "medical_insurance",
        "医保局",
        ("医疗保障局", "医保局"),
        ("医保", "报销", "新农合", "居民医保", "异地就医", "医疗保险", "参保"),
        ("卫生计生", "劳动和社会保障"),
    ),
    UnitType(
        "ecology_environment",
        "生态环境局",
        ("生态环境局", "生态环境分局", "环境保护局", "环保局"),
        (
            "污染",
            "排污",
            "废气",
            "废水",
            "臭味",
            "粉尘",
            "噪音",
            "噪声",
            "环评",
            "焚烧",
            "养殖场",
            "化工",
            "臭气",
            "环保",
            "排放",
            "黑烟",
            "水质",
        ),
        ("环境保护",),
    ),
    UnitType(
        "market_regulation",
        "市场监管局",
        ("市场监督管理局", "市场监管局", "工商局", "食品药品监督管理局"),
        (
            "食品",
            "价格",
            "商家",
            "虚假宣传",
            "消费者",
            "退款",
            "假冒",
            "营业执照",
            "收费",
            "药店",
            "过期",
            "餐馆",
            "餐饮",
            "消费",
            "商户",
            "维权",
            "合同",
            "乱收费",
            "充值",
        ),
        ("商贸旅游",),
    ),
    UnitType(
        "commerce",
        "商务局",
        ("商务局", "商务和粮食局"),
        ("商场", "预付卡", "电商", "外贸", "商业", "加油站", "菜市场", "市场"),
        ("商贸旅游",),
    ),
    UnitType(
        "civil_affairs",
        "民政局",
        ("民政局",),
        ("低保", "养老院", "殡葬", "婚姻", "残疾", "救助", "社会组织", "地名", "老人", "高龄", "特困", "墓"),
        ("劳动和社会保障",),
    ),
    UnitType(
        "agriculture",
        "农业农村局",
        ("农业农村局", "农业局", "农业农村和水利局", "乡村振兴局"),
        ("农业", "农民", "种植", "农田", "农机", "化肥", "合作社", "扶贫", "贫困户", "产业", "补贴", "耕地", "水稻"),
        ("城乡建设",),
    ),
    UnitType(
        "water",
        "水利局",
        ("水利局", "水务局"),
        ("水库", "河道", "堤坝", "防汛", "灌溉", "水利", "山塘", "河堤"),
        ("城乡建设", "环境保护"),
    ),
    UnitType(
        "culture_tourism",
        "文旅局",
        ("文化旅游广电体育局", "文化和旅游局", "文化旅游局", "文旅局", "文体局", "文体广电局"),
        ("景区", "旅游", "导游", "网吧", "体育", "广电", "文化", "演出", "图书馆", "广场舞", "健身", "文物"),
        ("商贸旅游", "教育文体"),
    ),
    UnitType("finance", "财政局", ("财政局",), ("财政", "资金", "拨款", "专项资金"), ("劳动和社会保障",)),
    UnitType(
        "housing_fund", "公积金中心", ("住房公积金管理中心", "公积金管理中心", "公积金中心"), ("公积金",), ("城乡建设",)
    ),
    UnitType(
        "power_supply",
        "供电公司",
        ("供电公司", "供电局", "电力公司"),
        ("停电", "供电", "电费", "电表", "电压", "电线", "变压器", "电网", "电力"),
        ("城乡建设",),
    ),
    UnitType(
        "water_supply",
        "供水公司",
        ("供水公司", "自来水公司", "水务公司", "水务集团"),
        ("停水", "自来水", "水费", "水压", "水管", "供水", "饮水", "吃水"),
        ("城乡建设",),
    ),
    UnitType(
        "bus_company",
        "公交公司",
        ("公交公司", "公交集团", "公共交通公司"),
        ("公交车", "司机", "线路", "站点", "公交"),
        ("交通运输",),
    ),
    UnitType(
        "telecom",
        "通信公司",
        ("移动通信公司", "电信公司", "联通公司", "移动公司", "通信公司"),
        ("信号", "宽带", "话费", "流量", "基站", "网络"),
        ("商贸旅游",),
    ),
    UnitType(
        "e_government",
        "政务服务",
        ("电子政务管理办公室", "网信办", "政务服务中心", "行政审批服务局", "数据资源局", "政务服务管理局"),
        ("网站", "平台", "留言", "回复", "政务服务", "审批", "办事", "窗口", "营业执照办理"),
        ("城乡建设",),
    ),
    UnitType(
        "development_reform",
        "发改委",
        ("发展和改革委员会", "发展和改革局", "发改委", "发改局"),
        ("价格", "项目", "立项", "物价"),
        ("商贸旅游",),
    ),
    UnitType("forestry", "林业局", ("林业局",), ("林地", "砍伐", "树木", "野生动物", "森林", "山林"), ("环境保护",)),
    UnitType(
        "party_discipline",
        "纪委",
        ("纪委监委", "纪律检查委员会", "纪委", "监委"),
        ("腐败", "作风", "村干部", "贪污", "公款", "违纪"),
        ("城乡建设",),
    ),
    UnitType("party_office", "党委办公室", ("委办公室", "政府办公室", "政府办"), ("干部", "领导", "书记", "信访"), ()),
    UnitType("street_office", "街道办", ("街道办事处", "街道办", "街道"), ("社区", "居委会", "街道"), ()),
    UnitType(
        "town_government",
        "镇政府",
        ("镇人民政府", "乡人民政府", "镇政府", "乡政府"),
        # Not "村"/"镇" alone: nearly every rural post names its village, whoever must act.
        ("村委", "村干部", "村民"),
        (),
    ),
    UnitType(
        "management_committee",
        "管委会",
        ("管委会", "管理委员会", "管理局", "管理处"),
        ("园区", "新区", "开发区", "高新区"),
        (),
    ),
    UnitType(
        "government",
        "人民政府",
        ("人民政府", "政府", "区委", "县委", "市委"),
        ("政府", "县长", "市长", "书记", "区长"),
        (),
    ),
)
TYPES_BY_KEY = {unit_type.key: unit_type for unit_type in UNIT_TYPES}
TYPE_KEYS = tuple(TYPES_BY_KEY)

# Placeholder areas (A7县) are unambiguous; real names need a guard so that "市民政局" and
# "县委办公室" are not read as areas "…市"/"…县".
_AREA_PREFIX = re.compile(r"^(?P<area>[A-Z]\d{0,2}(?:市|区|县)|[\u4e00-\u9fff]{2,4}?(?:市|区|县)(?!场|政|委|民))")
_LOCAL_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,5}?(?:街道|镇|乡))")


@dataclass(frozen=True)
class UnitName:
    area: str | None  # "A7县", "A市", or None when the name has no area
    local_place: str | None  # township or street inside the area: "泉塘街道", "安沙镇"
    type_key: str | None  # key in TYPES_BY_KEY, None when no variant matched
    core: str  # the part after the area: "泉塘街道办事处", "教育局"


def parse_unit_name(name: str) -> UnitName:
    """Split "A7县泉塘街道办事处" into area A7县, place 泉塘街道, type street_office."""
    rest = name.strip()
    area = None
    m = _AREA_PREFIX.match(rest)
    # Only take the prefix as an area when something is left for the unit itself
    # ("高新区管委会" keeps its name; "A7县教育局" splits).
    if m and len(rest) > len(m.group("area")) + 1 and not _is_type_name(rest):
        area = m.group("area")
        rest = rest[len(area) :]
    core = rest
    place = None
    pm = _LOCAL_PLACE.match(rest)
    if pm and len(rest) > len(pm.group("place")):
        place = pm.group("place")
    return UnitName(area=area, local_place=place, type_key=type_of_name(core), core=core)


def _is_type_name(name: str) -> bool:
    return any(name == variant for unit_type in UNIT_TYPES for variant in unit_type.names)


def type_of_name(name: str) -> str | None:
    """Type whose longest name variant ends `name` ("…公安局交通警察大队" → traffic_police)."""
    best: tuple[int, str] | None = None
    for unit_type in UNIT_TYPES:
        for variant in unit_type.names:
            if name.endswith(variant) and (best is None or len(variant) > best[0]):
                best = (len(variant), unit_type.key)
    if best is None:
        return None
    key = best[1]
    # "安沙镇人民政府" is a town government, "A7县人民政府" a county one.
    if key == "government" and re.search(r"(镇|乡)(人民)?政府$", name):
        return "town_government"
    if key == "street_office" and not name.endswith(("街道办事处", "街道办")):
        return None
    return key
