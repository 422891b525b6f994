"""Synthetic complaints for family b: Hunan places, scenarios, phones, nicknames, distractors.

Everything here was written for this family from general knowledge of Hunan's administrative
geography. No text comes from the project's data sets.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# city -> (area code, {county: ([towns / 街道], [roads])})
PLACES: dict[str, tuple[str, dict[str, tuple[list[str], list[str]]]]] = {
    "长沙市": ("0731", {
        "岳麓区": (["望月湖街道", "观沙岭街道", "梅溪湖街道", "麓谷街道", "含浦街道"], ["枫林三路", "岳麓大道", "麓山南路", "桐梓坡路"]),
        "雨花区": (["侯家塘街道", "井湾子街道", "洞井街道", "黎托街道"], ["韶山中路", "劳动东路", "万家丽中路", "环保中路"]),
        "开福区": (["四方坪街道", "伍家岭街道", "湘雅路街道", "捞刀河街道"], ["芙蓉中路", "湘江中路", "三一大道", "福城路"]),
        "天心区": (["坡子街街道", "青园街道", "先锋街道"], ["书院路", "湘府中路", "芙蓉南路"]),
        "长沙县": (["星沙街道", "黄花镇", "榔梨街道", "春华镇"], ["开元路", "人民东路", "漓湘路"]),
        "浏阳市": (["集里街道", "淮川街道", "大瑶镇", "沙市镇"], ["金沙路", "白沙路", "花园路"]),
        "宁乡市": (["玉潭街道", "花明楼镇", "灰汤镇", "双江口镇"], ["花明路", "一环路", "新康路"]),
        "望城区": (["高塘岭街道", "乔口镇", "靖港镇", "白沙洲街道"], ["雷锋大道", "金星北路", "郭亮路"]),
    }),
    "株洲市": ("0731", {
        "芦淞区": (["建设街道", "贺家土街道", "龙泉街道"], ["建设南路", "人民南路", "董家塅路"]),
        "天元区": (["嵩山路街道", "泰山路街道", "栗雨街道"], ["珠江北路", "长江南路", "泰山路"]),
        "醴陵市": (["来龙门街道", "浦口镇", "孙家湾镇"], ["瓷城大道", "解放路", "西山路"]),
        "攸县": (["联星街道", "皇图岭镇", "网岭镇"], ["东环路", "攸州大道"]),
    }),
    "湘潭市": ("0731", {
        "雨湖区": (["广场街道", "云塘街道", "城正街街道"], ["建设北路", "韶山西路", "雨湖路"]),
        "岳塘区": (["霞城街道", "建设路街道", "宝塔街道"], ["河东大道", "芙蓉大道", "车站路"]),
        "湘潭县": (["易俗河镇", "花石镇", "射埠镇"], ["天易大道", "金霞路"]),
        "湘乡市": (["望春门街道", "壶天镇", "棋梓镇"], ["东山路", "龙城大道"]),
    }),
    "衡阳市": ("0734", {
        "蒸湘区": (["联合街道", "红湘街道", "蒸湘街道"], ["蒸湘北路", "解放大道", "船山大道"]),
        "珠晖区": (["广东路街道", "东风路街道", "苗圃街道"], ["东风北路", "衡州大道", "临江路"]),
        "耒阳市": (["蔡子池街道", "五里牌街道", "灶市街街道"], ["蔡伦大道", "神农路", "五一西路"]),
        "衡阳县": (["西渡镇", "界牌镇", "井头镇"], ["蒸水大道", "人民路"]),
        "祁东县": (["洪桥街道", "白地市镇", "归阳镇"], ["永昌路", "玉合路"]),
    }),
    "岳阳市": ("0730", {
        "岳阳楼区": (["金鹗山街道", "五里牌街道", "东茅岭街道"], ["巴陵中路", "金鹗中路", "东环路"]),
        "华容县": (["章华镇", "治河渡镇", "三封寺镇"], ["华容大道", "建设路"]),
        "汨罗市": (["新市镇", "长乐镇", "罗江镇"], ["建设中路", "汨罗大道"]),
        "平江县": (["伍市镇", "三市镇", "南江镇"], ["启明路", "天岳大道"]),
    }),
    "常德市": ("0736", {
        "武陵区": (["穿紫河街道", "芙蓉街道", "丹阳街道"], ["武陵大道", "朗州路", "洞庭大道"]),
        "鼎城区": (["灌溪镇", "斗姆湖街道", "石公桥镇"], ["桃花源路", "鼎城路"]),
        "澧县": (["澧阳街道", "澧浦街道", "码头铺镇"], ["澧阳大道", "兰江路"]),
        "桃源县": (["漳江街道", "陬市镇", "热市镇"], ["桃花源大道", "漳江路"]),
    }),
    "益阳市": ("0737", {
        "赫山区": (["会龙山街道", "金银山街道", "龙光桥街道"], ["龙洲路", "康富南路", "桃花仑路"]),
        "安化县": (["东坪镇", "梅城镇", "江南镇"], ["资江路", "黑茶大道"]),
        "桃江县": (["桃花江镇", "灰山港镇", "修山镇"], ["桃花东路", "滨江路"]),
        "沅江市": (["琼湖街道", "胭脂湖街道", "南大膳镇"], ["庆云大道", "琼湖路"]),
    }),
    "郴州市": ("0735", {
        "北湖区": (["燕泉街道", "人民路街道", "石盖塘街道"], ["国庆北路", "燕泉路", "郴州大道"]),
        "苏仙区": (["白鹿洞街道", "王仙岭街道", "许家洞镇"], ["苏仙北路", "五岭大道", "香雪路"]),
        "资兴市": (["唐洞街道", "东江街道", "三都镇"], ["东江大道", "资兴大道"]),
        "宜章县": (["玉溪镇", "梅田镇", "白石渡镇"], ["宜章大道", "城南路"]),
    }),
    "永州市": ("0746", {
        "冷水滩区": (["梅湾街道", "凤凰街道", "菱角山街道"], ["逸云路", "潇湘大道", "零陵北路"]),
        "零陵区": (["徐家井街道", "南津渡街道", "朝阳街道"], ["萍洲路", "潇水路"]),
        "祁阳市": (["浯溪街道", "龙山街道", "黎家坪镇"], ["浯溪路", "祁阳大道"]),
        "东安县": (["白牙市镇", "紫溪市镇", "芦洪市镇"], ["舜德路", "紫水路"]),
    }),
    "邵阳市": ("0739", {
        "大祥区": (["学院路街道", "城西街道", "城南街道"], ["宝庆路", "敏州路", "邵石路"]),
        "双清区": (["龙须塘街道", "小江湖街道", "火车站乡"], ["宝庆东路", "建设北路"]),
        "邵东市": (["宋家塘街道", "大禾塘街道", "两市塘街道"], ["金龙大道", "衡宝路"]),
        "隆回县": (["桃洪镇", "六都寨镇", "高平镇"], ["花瑶路", "隆回大道"]),
    }),
    "怀化市": ("0745", {
        "鹤城区": (["迎丰街道", "城中街道", "红星街道"], ["迎丰中路", "人民南路", "天星东路"]),
        "洪江市": (["黔城镇", "安江镇", "托口镇"], ["芙蓉路", "沅江路"]),
        "沅陵县": (["沅陵镇", "官庄镇", "五强溪镇"], ["辰州大道", "滨江路"]),
    }),
    "娄底市": ("0738", {
        "娄星区": (["乐坪街道", "大科街道", "花山街道"], ["长青中街", "湘中大道", "氐星路"]),
        "涟源市": (["蓝田街道", "桥头河镇", "杨市镇"], ["涟滨路", "交通路"]),
        "冷水江市": (["锡矿山街道", "沙塘湾街道", "布溪街道"], ["锑都大道", "冷水江大道"]),
        "双峰县": (["永丰街道", "荷叶镇", "井字镇"], ["双峰大道", "蔡和森大道"]),
    }),
    "张家界市": ("0744", {
        "永定区": (["南庄坪街道", "西溪坪街道", "大庸桥街道"], ["解放路", "天门路", "迎宾路"]),
        "慈利县": (["零阳街道", "江垭镇", "溪口镇"], ["零阳路", "朝阳路"]),
    }),
}

COMPOUNDS = ["锦绣华庭小区", "滨江国际花园", "阳光新城", "翡翠湾小区", "金色家园", "幸福里小区",
             "书香名邸", "湘江壹号", "东方明珠小区", "桂花苑", "御景龙城", "润和紫郡", "绿城百合公寓",
             "香樟园小区", "鑫源雅苑", "中央公馆", "城南安置小区", "天华花园"]
VILLAGES = ["桥头村", "新塘村", "白石村", "龙塘村", "枫树村", "大塘村", "茶园村", "杨柳村", "石门村",
            "金盆村", "荷花村", "竹山村"]
SCHOOLS = ["实验小学", "第二中学", "城南小学", "育才学校", "明德中学", "第一幼儿园", "向阳小学"]
HOSPITALS = ["人民医院", "中医医院", "妇幼保健院", "第一人民医院"]
COMPANIES = ["鑫泰建筑劳务公司", "宏达物业公司", "华晟置业有限公司", "顺通物流公司", "佳美电子厂",
             "博远建设工程公司", "金湘源食品厂"]

DEPTS = {
    "housing": "住房和城乡建设局", "road": "交通运输局", "env": "生态环境局", "edu": "教育局",
    "health": "卫生健康局", "wage": "人力资源和社会保障局", "util": "城市管理局", "safety": "公安局",
}

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
HALFWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass
class Loc:
    city: str
    city_short: str
    county: str
    town: str
    road: str
    road2: str
    compound: str
    village: str
    area_code: str


def pick_loc(rng: random.Random, exclude_city: str | None = None) -> Loc:
    cities = [c for c in PLACES if c != exclude_city]
    city = rng.choice(cities)
    code, counties = PLACES[city]
    county = rng.choice(sorted(counties))
    towns, roads = counties[county]
    r1, r2 = rng.sample(roads, 2) if len(roads) > 1 else (roads[0], roads[0])
    return Loc(city, city[:-1] if city.endswith("市") else city, county, rng.choice(towns), r1, r2,
               rng.choice(COMPOUNDS), rng.choice(VILLAGES), code)


# Scenario templates. Slots in {braces} are places (recorded as place mentions) or fillers.
# Place slots: {CITY} (full, 长沙市) {CITYS} (short, 长沙) {COUNTY} {TOWN} {ROAD} {ROAD2} {COMPOUND} {VILLAGE}
# Filler slots: {SCHOOL} {HOSPITAL} {COMPANY} {N} {M} {Y}
SCENARIOS: list[dict] = [
    dict(cat="housing", title="{COMPOUND}交房两年多了还办不了不动产证",
         body=["我是{CITY}{COUNTY}{COMPOUND}的业主，{Y}年就交房入住了，到现在两年多还是拿不到不动产权证。",
               "问开发商说是土地款没有缴清，问住建部门说让我们等通知，孩子上学、落户都受影响。",
               "小区一共有{N}多户，大家都是辛辛苦苦攒钱买的房，恳请相关部门督促开发商尽快办证。"]),
    dict(cat="housing", title="{TOWN}{COMPOUND}楼顶漏水物业不管",
         body=["{COUNTY}{TOWN}{COMPOUND}7栋顶楼一下雨就漏水，墙面全部发霉，已经持续大半年了。",
               "找物业报修了{M}次，每次都说要申请维修基金，结果一直没有下文。",
               "现在又到雨季，家里老人小孩住着实在难受，希望有关部门帮忙协调解决。"]),
    dict(cat="housing", title="反映{CITYS}{COMPOUND}烂尾停工问题",
         body=["{CITYS}{COUNTY}{ROAD}旁边的{COMPOUND}项目从去年开始就停工了，工地上一个工人都没有。",
               "我们{N}多户业主每个月还在还房贷，房子却遥遥无期。",
               "请问政府对这个项目有没有处置方案？什么时候能复工？"]),
    dict(cat="housing", title="{COMPOUND}电梯频繁故障困人",
         body=["{CITY}{COUNTY}{COMPOUND}的电梯这个月已经坏了{M}次，前天晚上还把一个老人关在里面四十多分钟。",
               "物业说电梯过了保修期要业主自己出钱换，业委会还没成立，没人牵头。",
               "恳请{TOWN}和市场监管部门介入检查，不要等出了事才来处理。"]),
    dict(cat="road", title="{ROAD}路面坑洼多次发生事故",
         body=["{CITYS}{COUNTY}{ROAD}靠近{ROAD2}路口那一段，路面坑坑洼洼，最大的坑有半米多宽。",
               "晚上路灯又不亮，这个月已经有好几个骑电动车的摔倒了。",
               "希望交通和城管部门尽快派人修补，加装路灯。"]),
    dict(cat="road", title="{TOWN}{VILLAGE}通村公路修了一半停工",
         body=["{COUNTY}{TOWN}{VILLAGE}的通组公路去年十月开工，修了一半就停了，剩下一公里多全是烂泥巴。",
               "下雨天孩子上学要走泥路，老人看病也出不去。",
               "听说是资金没到位，请问什么时候能继续修？"]),
    dict(cat="road", title="{ROAD}早晚高峰堵车严重建议优化红绿灯",
         body=["每天早上七点半到八点半，{CITYS}{ROAD}和{ROAD2}交叉口堵得水泄不通，过一个路口要二十分钟。",
               "主要是左转绿灯时间太短，而且附近{SCHOOL}接送孩子的车辆乱停。",
               "建议交警部门调整信号灯配时，高峰期安排人员疏导。"]),
    dict(cat="road", title="{COMPOUND}门口公交站撤了出行不便",
         body=["{COUNTY}{ROAD}{COMPOUND}门口原来的公交站牌上个月突然撤掉了，现在最近的站要走一公里多。",
               "小区里老年人多，每天去菜市场和医院都很不方便。",
               "希望公交公司恢复这个站点，或者调整线路。"]),
    dict(cat="env", title="{TOWN}一家厂子晚上偷排废气",
         body=["{CITY}{COUNTY}{TOWN}{VILLAGE}附近有一家{COMPANY}，白天不怎么生产，一到晚上十点以后就开始排气，味道刺鼻。",
               "周边村民晚上都不敢开窗，好多人喉咙痛、咳嗽。",
               "之前打过环保热线，来人看了一下就走了，问题一直没解决，请求环保部门夜间突击检查。"]),
    dict(cat="env", title="{ROAD}烧烤摊油烟噪音扰民",
         body=["{CITYS}{COUNTY}{ROAD}{COMPOUND}楼下的几家烧烤店，每天从傍晚营业到凌晨三四点。",
               "油烟直接往楼上飘，喝酒划拳的声音很大，楼上住户根本睡不好觉。",
               "多次向{TOWN}反映，只是口头劝说，希望城管部门依法处理。"]),
    dict(cat="env", title="{VILLAGE}河道被倒满建筑垃圾",
         body=["{COUNTY}{TOWN}{VILLAGE}旁边的小河，最近经常有渣土车晚上来倒建筑垃圾，河道都快堵死了。",
               "一到下雨河水就漫到田里，庄稼也被淹了。",
               "请求相关部门查处偷倒垃圾的行为，并组织清理河道。"]),
    dict(cat="env", title="{COMPOUND}旁边工地夜间施工",
         body=["{CITY}{COUNTY}{COMPOUND}东边的工地，最近天天晚上施工到十二点以后，打桩机的声音震得窗户响。",
               "我们打过12345，说是办了夜间施工许可，但是许可上写的是十点停工。",
               "家里有高三的学生要休息，恳请执法部门管一管。"]),
    dict(cat="edu", title="{SCHOOL}强制收取资料费",
         body=["{CITYS}{COUNTY}{SCHOOL}开学后让每个学生交{N}元的资料费，说是自愿，但是不交的学生老师会单独找家长谈话。",
               "发的资料很多都是网上可以免费下载的，也没有开收据。",
               "请教育局核实这个收费是否合规。"]),
    dict(cat="edu", title="{TOWN}幼儿园突然关停孩子无处上学",
         body=["{COUNTY}{TOWN}的一所民办幼儿园开学前一周突然通知关停，学费也不退。",
               "附近的公办园已经满员，我们家长现在找不到地方送孩子。",
               "希望教育部门协调学位，督促幼儿园退还已交的保教费。"]),
    dict(cat="edu", title="孩子入学被要求提供社保证明",
         body=["我们在{CITYS}{COUNTY}租房住了三年，孩子今年上一年级，报名{SCHOOL}时被要求提供一年以上的社保证明。",
               "我在私人店里打工，老板没有给交社保，现在孩子可能要回老家读书。",
               "请问有没有其他的证明材料可以代替？"]),
    dict(cat="health", title="{HOSPITAL}挂号难排队时间太长",
         body=["{CITY}{COUNTY}{HOSPITAL}儿科每天早上六点就排长队，网上号一放出来就没有了。",
               "孩子发烧在走廊上等了三个多小时才看上病。",
               "建议医院增加儿科医生和夜间门诊，规范号源管理。"]),
    dict(cat="health", title="{VILLAGE}卫生室长期没有医生",
         body=["{COUNTY}{TOWN}{VILLAGE}的卫生室从去年开始就经常关门，村医退休后一直没人接替。",
               "村里留守老人多，量个血压、拿点常用药都要跑到镇上。",
               "希望卫健部门尽快配备村医。"]),
    dict(cat="wage", title="{COMPANY}拖欠农民工工资",
         body=["我们是在{CITYS}{COUNTY}{ROAD}{COMPOUND}项目做事的工人，{COMPANY}欠我们{N}多个人的工资，最多的一个人欠了四万多。",
               "找包工头，包工头说上面没有拨款；找项目部，项目部说已经付给劳务公司了。",
               "马上要过年了，请劳动监察部门帮我们讨回血汗钱。"]),
    dict(cat="wage", title="{TOWN}公益性岗位补贴半年没发",
         body=["我在{COUNTY}{TOWN}做公益性岗位保洁员，今年已经有六个月没有发补贴了。",
               "问社区说要等上面拨款，问镇里说资金在走流程。",
               "我们都是困难家庭，就指着这点钱生活，希望尽快发放。"]),
    dict(cat="util", title="{COMPOUND}频繁停水停电",
         body=["{CITY}{COUNTY}{COMPOUND}这个月停了{M}次水，每次停水都没有提前通知。",
               "昨天又停电六个多小时，冰箱里的东西全坏了。",
               "物业说是供水供电线路老化，希望相关部门督促改造。"]),
    dict(cat="util", title="{VILLAGE}自来水浑浊发黄",
         body=["{COUNTY}{TOWN}{VILLAGE}的自来水最近一个多月一直发黄，烧开后水壶底全是沉淀。",
               "村里人现在都只敢买桶装水喝。",
               "请求水务部门检测水质，查清原因。"]),
    dict(cat="util", title="{COMPOUND}燃气费收费标准有疑问",
         body=["{CITYS}{COUNTY}{COMPOUND}的燃气费最近两个月突然涨了很多，同样的用气量比去年贵了快一倍。",
               "燃气公司营业厅说是执行阶梯价格，但是一直没有看到公示。",
               "请问物价部门，这个收费是否合理？"]),
    dict(cat="safety", title="{ROAD}夜间飙车炸街",
         body=["最近每天晚上十一点以后，{CITYS}{COUNTY}{ROAD}上都有一群改装摩托车来回飙车，声音特别大。",
               "附近{COMPOUND}的居民被吵得睡不着，而且非常危险。",
               "希望交警部门加强夜间巡查，依法查处。"]),
    dict(cat="safety", title="{COMPOUND}消防通道长期被占",
         body=["{CITY}{COUNTY}{TOWN}{COMPOUND}的消防通道长期停满私家车，物业不管。",
               "前段时间隔壁楼起火，消防车差点进不来。",
               "请消防部门检查整改。"]),
    dict(cat="safety", title="{TOWN}菜市场旁无证电动车维修店",
         body=["{COUNTY}{TOWN}菜市场旁边有一家电动车维修店，店里堆满了旧电池，晚上还在店里给电池充电。",
               "楼上就是住户，万一着火后果不堪设想。",
               "请求相关部门排查这家店的消防安全隐患。"]),
]

PHONE_LEADS = ["联系电话：", "我的电话", "电话：", "有需要可以联系我", "联系方式："]


def _mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "135", "150", "152", "158", "177", "186", "187", "189", "199", "133"]) + \
        "".join(str(rng.randrange(10)) for _ in range(8))


def make_phone(rng: random.Random, loc: Loc) -> tuple[str, str]:
    """(shown, digits)"""
    kind = rng.choice(["plain", "plain", "spaced", "dashed", "full", "landline"])
    if kind == "landline":
        local = str(rng.randint(2, 8)) + "".join(str(rng.randrange(10)) for _ in range(7))
        shown = f"{loc.area_code}-{local}" if rng.random() < 0.7 else f"{loc.area_code} {local}"
        return shown, loc.area_code + local
    m = _mobile(rng)
    if kind == "spaced":
        return f"{m[:3]} {m[3:7]} {m[7:]}", m
    if kind == "dashed":
        return f"{m[:3]}-{m[3:7]}-{m[7:]}", m
    if kind == "full":
        return m.translate(FULLWIDTH), m
    return m, m


@dataclass
class Post:
    title: str
    paragraphs: list[str]
    places: list[str]
    phones: list[str]
    loc: Loc
    cat: str
    unit: str
    hashtags: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "".join(self.paragraphs)


def make_post(rng: random.Random, scenario_index: int | None = None, phone: bool | None = None) -> Post:
    sc = SCENARIOS[scenario_index if scenario_index is not None else rng.randrange(len(SCENARIOS))]
    loc = pick_loc(rng)
    fill = {
        "CITY": loc.city, "CITYS": loc.city_short, "COUNTY": loc.county, "TOWN": loc.town,
        "ROAD": loc.road, "ROAD2": loc.road2, "COMPOUND": loc.compound, "VILLAGE": loc.village,
        "SCHOOL": rng.choice(SCHOOLS), "HOSPITAL": rng.choice(HOSPITALS), "COMPANY": rng.choice(COMPANIES),
        "N": str(rng.choice([80, 120, 200, 300, 500, 600])), "M": str(rng.randint(3, 7)),
        "Y": str(rng.choice([2021, 2022, 2023])),
    }
    place_slots = ("CITY", "CITYS", "COUNTY", "TOWN", "ROAD", "ROAD2", "COMPOUND", "VILLAGE")
    used: list[str] = []

    def render(t: str) -> str:
        for key in place_slots:
            if "{" + key + "}" in t and fill[key] not in used:
                used.append(fill[key])
        return t.format(**fill)

    title = render(sc["title"])
    paras = [render(p) for p in sc["body"]]
    if rng.random() < 0.35:  # drop the last paragraph sometimes: shorter posts
        paras = paras[:2]
    phones: list[str] = []
    if phone if phone is not None else rng.random() < 0.3:
        shown, digits = make_phone(rng, loc)
        lead = rng.choice(PHONE_LEADS)
        paras[-1] = paras[-1] + f"{lead}{shown}。" if lead.endswith("：") else paras[-1] + f"{lead}{shown}。"
        phones.append(digits)
    text = title + "\n" + "".join(paras)
    # a short name can hide in a longer one (长沙 in 长沙县): keep those that occur on their own somewhere
    places = sorted({p for p in used if p in text}, key=lambda p: text.index(p))
    dept = DEPTS[sc["cat"]]
    unit = rng.choice([f"{loc.city}{dept}", f"{loc.county}人民政府", f"{loc.city}{loc.county}{dept}",
                       f"{loc.county}委书记、{loc.county[-1]}长" if loc.county[-1] in "区县" else f"{loc.county}人民政府"])
    return Post(title, paras, places, phones, loc, sc["cat"], unit)


NICKS = ["湘江边的风", "岳麓山下小王", "用户7329461", "清风徐来2019", "一位着急的家长", "老街坊老刘",
         "芙蓉花开", "橘子洲头看日落", "热心市民张先生", "稻花香里", "小区业主代表", "南岳松",
         "浏阳河畔", "晴天娃娃w", "Ada_陈", "打工人阿强", "沅水人家", "米粉加个蛋", "雪峰山人",
         "lucky_hn88", "洞庭渔歌", "桃花江边", "凤凰古城游子", "向日葵", "一只咸鱼啊"]
MASKED = ["李**", "王**", "刘**", "陈*", "张**", "周*", "杨**", "匿名网友", "网友5f3a9c"]
OFFICIAL_NICKS = ["长沙发布", "湖南日报", "潇湘晨报", "红网时刻", "新湖南", "湖南交警", "湖南生态环境"]
COLLEAGUES = ["刘伟", "周晓玲", "陈建华", "谭丽", "邓志强", "曾敏", "彭涛", "罗慧"]
DEPT_TAGS = ["县信访局", "区委办", "政务服务中心", "12345热线", "应急办", "县委督查室"]

# Text around a post: replies and comments (they may name places and times on purpose).
REPLIES = [
    "同样遇到这个问题，{C}这边也是一样", "已经向{CITYS}12345反映过了，说是三个工作日内回复",
    "顶上去，希望有关部门重视", "上个月{TOWN2}也出过这种事，后来媒体曝光才处理",
    "昨天晚上九点多路过还是这样", "支持！", "转给{CITYS}发布看看", "前天下午有工作人员来看过了",
    "我家就在{ROAD2}，确实很严重", "这种事情拖了好几年了", "坐等官方回复", "已转发",
    "去年3月也反映过，一直没下文", "建议直接打市长热线", "有结果了麻烦同步一下",
]
RELATED = [
    "{CITYS2}{COUNTY2}多个小区停水何时恢复", "{COUNTY2}{TOWN2}学校周边道路拥堵", "关于{COUNTY2}农村公路维修的建议",
    "{CITYS2}某小区物业乱收停车费", "{TOWN2}夜市噪音扰民问题", "{COUNTY2}拖欠工程款问题反映",
    "{CITYS2}{ROAD3}路灯不亮", "{COUNTY2}医保报销流程咨询",
]


def distractor_fill(rng: random.Random, post: Post) -> dict[str, str]:
    other = pick_loc(rng, exclude_city=post.loc.city)
    return {"C": other.county, "CITYS": post.loc.city_short, "TOWN2": other.town, "ROAD2": other.road,
            "CITYS2": other.city_short, "COUNTY2": other.county, "ROAD3": other.road2}


def replies(rng: random.Random, post: Post, n: int) -> list[str]:
    f = distractor_fill(rng, post)
    return [r.format(**f) for r in rng.sample(REPLIES, n)]


def related(rng: random.Random, post: Post, n: int) -> list[str]:
    out = []
    for r in rng.sample(RELATED, n):
        out.append(r.format(**distractor_fill(rng, post)))
    return out
