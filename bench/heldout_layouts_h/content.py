"""Made-up text for family h: complaint posts, nicknames and distractors.

City and county names are real Hunan divisions; every town, village, road and compound is invented
from syllables below. A post remembers the place tokens and phone numbers it inserted, so the label's
``place_mentions`` and ``phones`` come from construction, not from re-reading the text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

HUNAN: dict[str, list[str]] = {
    "长沙市": ["岳麓区", "望城区", "长沙县", "浏阳市", "宁乡市", "雨花区", "开福区", "天心区", "芙蓉区"],
    "株洲市": ["荷塘区", "芦淞区", "醴陵市", "攸县", "茶陵县", "炎陵县", "渌口区"],
    "湘潭市": ["雨湖区", "岳塘区", "湘乡市", "韶山市", "湘潭县"],
    "衡阳市": ["耒阳市", "常宁市", "衡南县", "衡阳县", "衡东县", "祁东县", "衡山县", "蒸湘区", "石鼓区"],
    "邵阳市": ["邵东市", "武冈市", "新邵县", "隆回县", "洞口县", "绥宁县", "新宁县", "邵阳县", "双清区"],
    "岳阳市": ["岳阳楼区", "汨罗市", "临湘市", "平江县", "湘阴县", "华容县", "岳阳县", "君山区"],
    "常德市": ["武陵区", "鼎城区", "津市市", "澧县", "临澧县", "桃源县", "汉寿县", "安乡县", "石门县"],
    "张家界市": ["永定区", "武陵源区", "慈利县", "桑植县"],
    "益阳市": ["赫山区", "资阳区", "沅江市", "桃江县", "安化县"],
    "郴州市": ["北湖区", "苏仙区", "资兴市", "桂阳县", "宜章县", "永兴县", "嘉禾县", "临武县", "汝城县", "安仁县"],
    "永州市": ["冷水滩区", "零陵区", "祁阳市", "东安县", "双牌县", "道县", "江永县", "宁远县", "蓝山县", "新田县"],
    "怀化市": ["鹤城区", "洪江市", "沅陵县", "辰溪县", "溆浦县", "中方县", "会同县"],
    "娄底市": ["娄星区", "冷水江市", "涟源市", "双峰县", "新化县"],
    "湘西土家族苗族自治州": ["吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "永顺县", "龙山县"],
}
AREA_CODE = {"长沙市": "0731", "株洲市": "0731", "湘潭市": "0731", "衡阳市": "0734", "邵阳市": "0739",
             "岳阳市": "0730", "常德市": "0736", "张家界市": "0744", "益阳市": "0737", "郴州市": "0735",
             "永州市": "0746", "怀化市": "0745", "娄底市": "0738", "湘西土家族苗族自治州": "0743"}

_SYL = list("金桂枫杉柳荷泉溪石坪塘湾岭冲桥铺田竹梅兰松柏青杨潭沙湖新兴和安福寿丰裕德华明阳")
_ROAD_SYL = ["建设", "解放", "人民", "光明", "友谊", "新华", "胜利", "迎宾", "文昌", "振兴", "朝阳", "五一", "书院",
             "龙泉", "桂花", "银杉", "金霞", "白沙", "潇湘", "青年"]
_COMPOUND = ["锦绣华庭", "枫林雅苑", "金桂家园", "湘江世纪城", "翠湖山庄", "和园新村", "丰泽苑", "兴华名都",
             "明珠花园", "福安佳苑", "青松里", "阳光水岸", "碧桂佳园", "书香名邸", "御景华府", "康宁小筑"]


def _name(rng: random.Random, n: int = 2) -> str:
    return "".join(rng.sample(_SYL, n))


@dataclass
class Places:
    city: str
    county: str
    city_text: str  # how the city is written (full or short form)
    town: str
    village: str
    road: str
    compound: str

    @classmethod
    def pick(cls, rng: random.Random, avoid: str | None = None) -> Places:
        cities = [c for c in HUNAN if c != avoid]
        city = rng.choice(cities)
        county = rng.choice(HUNAN[city])
        short = city[:-1] if city.endswith("市") else city
        if county.startswith(short) or rng.random() < 0.6 or short == city:
            city_text = city
        else:
            city_text = short
        town = _name(rng) + rng.choice(["镇", "镇", "乡", "街道"])
        village = _name(rng) + rng.choice(["村", "村", "社区"])
        if rng.random() < 0.5:
            road = rng.choice(_ROAD_SYL) + rng.choice(["路", "中路", "大道", "街", "北路"])
        else:
            road = _name(rng) + rng.choice(["路", "大道", "街"])
        compound = rng.choice(_COMPOUND) + rng.choice(["小区", "小区", ""])
        return cls(city, county, city_text, town, village, road, compound)


def mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + str(rng.randint(0, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def phone_display(rng: random.Random, city: str) -> tuple[str, str]:
    """(as written, digits only)."""
    if rng.random() < 0.25:
        code = AREA_CODE[city]
        local = str(rng.randint(2, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(7 if code == "0731" else 6))
        return f"{code}-{local}", code + local
    m = mobile(rng)
    style = rng.random()
    if style < 0.5:
        shown = m
    elif style < 0.65:
        shown = f"{m[:3]} {m[3:7]} {m[7:]}"
    elif style < 0.8:
        shown = f"{m[:3]}-{m[3:7]}-{m[7:]}"
    else:
        shown = m.translate(FULLWIDTH)
    return shown, m


@dataclass
class Post:
    title: str | None
    paragraphs: list[str]
    places: list[str] = field(default_factory=list)  # tokens inserted (any order)
    phones: list[str] = field(default_factory=list)
    city: str = ""
    county: str = ""

    @property
    def body(self) -> str:
        return "".join(self.paragraphs)

    def place_mentions(self) -> list[str]:
        text = (self.title or "") + self.body
        found = [(text.find(p), p) for p in dict.fromkeys(self.places) if p and p in text]
        return [p for _, p in sorted(found)]


# Templates: {L} = the administrative lead-in, {R} road, {C} compound, {V} village, {T} town.
_TEMPLATES = [
    ("{R}修路半年未完工", [
        "{L}{R}从去年{m}月份开始改造，到现在快半年了还没完工，路面到处是坑，下雨天全是泥水，{C}的居民出行非常不方便，小孩上学要绕一大圈。",
        "多次打电话问施工方，都说快了快了，就是没人管。希望有关部门督促一下，尽快把路修好。"]),
    ("{C}夜间施工噪音扰民", [
        "我是{L}{C}的业主，小区旁边的工地每天晚上施工到凌晨一两点，打桩机的声音震得窗户都在响，老人小孩根本睡不着。",
        "向街道和城管反映过好几次，白天停一下晚上照样干。请问夜间施工有没有审批？能不能管一管？"]),
    ("{V}自来水断断续续", [
        "{L}{V}这段时间自来水经常停，一停就是两三天，也不提前通知，村里七十多户人家只能去挑井水。",
        "听说是管网老化，去年就说要改，到现在也没动静。天气越来越热，希望尽快解决吃水问题。"]),
    ("{T}垃圾站臭气熏天", [
        "{L}的垃圾中转站就建在{R}边上，离居民楼不到二十米，垃圾经常堆满了没人清运，夏天臭气熏天，蚊子苍蝇成群。",
        "我们多次找过社区，答复说在协调，一拖就是几个月。恳请领导关注一下，把垃圾站挪远一点或者及时清运。"]),
    ("{C}物业乱收费", [
        "{L}{C}物业今年突然把停车费从每月一百涨到两百五，没有开业主大会，也没有公示，不交就不给车辆进出。",
        "电梯坏了一个多月没人修，物业费倒是一分不少。请问这种涨价合不合规？业主该找哪个部门？"]),
    ("{R}路灯坏了一年没人修", [
        "{L}{R}靠近{C}那一段的路灯坏了快一年了，晚上一片漆黑，前几天还有电动车摔倒，住在附近的老人晚上都不敢出门。",
        "打过市长热线，工单说已经转办，可到现在一盏灯都没亮。希望尽快安排维修。"]),
    ("孩子上学难，{T}学位不够", [
        "{L}今年新建了好几个楼盘，可{T}中心小学的学位一直没增加，我们{C}的孩子被分到离家八公里外的学校，每天接送很辛苦。",
        "新学校说是去年就开工，现在还是一块空地。请问教育部门有没有具体的规划和时间表？"]),
    ("{V}河道被倾倒建筑垃圾", [
        "{L}{V}旁边的小河最近被人偷偷倒了很多建筑渣土，河道堵了一半，一下大雨水就漫到田里，秧苗都被淹了。",
        "晚上经常有渣土车开进来，村民拍了视频也报给了镇里，到现在还在倒。希望环保和水利部门来看看。"]),
    ("{C}电梯频繁故障困人", [
        "{L}{C}三栋的电梯这个月已经困人三次了，最长一次被困了四十分钟，物业只会贴个故障停用的告示。",
        "楼里住了很多老人，爬十几层楼实在吃不消。维修资金申请了半年也没批下来，请相关部门帮忙协调。"]),
    ("农民工工资被拖欠", [
        "我们一行十二个人在{L}{C}项目上做了大半年的木工，包工头拖欠工资十三万多，年前说年后给，现在人都联系不上了。",
        "去找项目部，说钱已经付给劳务公司了。家里老人看病孩子读书都等着用钱，恳请劳动监察部门帮我们讨个说法。"]),
    ("{R}占道经营堵塞交通", [
        "{L}{R}菜市场门口每天早上摊贩把整条路都占了，车过不去人也走不动，救护车上次进来都耽误了十几分钟。",
        "城管来了就散，走了又摆出来。建议规划一个固定的摊位区，既方便群众买菜，也不堵路。"]),
    ("{T}新建养猪场污染严重", [
        "{L}{T}去年新建的养猪场离我们{V}不到五百米，粪水直接排到水沟里，一刮风整个村子都是臭味，井水也变了颜色。",
        "村民找过养殖场老板，老板说手续齐全。请问这个养殖场的环评是怎么通过的？希望环保部门来检测一下。"]),
]

_OPENERS = ["尊敬的领导：您好！", "领导您好，", "尊敬的书记：", "各位网友帮忙评评理。", "实在没办法了，只能来这里求助。"]
_EXTRAS = ["这个问题已经持续很久了，周边好几个小区上千户居民都受影响。",
           "之前也在网上反映过，回复说会处理，结果还是老样子。",
           "附近还有一所幼儿园，安全隐患很大，万一出事谁负责？",
           "我们不是无理取闹，只希望能有个明确的答复和处理时限。",
           "上个月社区干部来看过一次，拍了几张照片就走了，后面再也没有消息，打电话过去也是让我们再等等。",
           "周边住的大多是老人和留守儿童，年轻人都在外面打工，大家实在是没有办法了，才想到在网上发出来。",
           "希望领导能派人实地来看一看，不要只听下面的汇报，老百姓的日子过得怎么样，来现场一看就清楚了。"]

_LEAD_STYLES = ["city_county_town", "county_town", "city_county", "county_town_village", "county"]


def _lead(rng: random.Random, p: Places) -> tuple[str, list[str]]:
    style = rng.choice(_LEAD_STYLES)
    if style == "city_county_town":
        return p.city_text + p.county + p.town, [p.city_text, p.county, p.town]
    if style == "county_town":
        return p.county + p.town, [p.county, p.town]
    if style == "city_county":
        return p.city_text + p.county, [p.city_text, p.county]
    if style == "county_town_village":
        return p.county + p.town + p.village, [p.county, p.town, p.village]
    return p.county, [p.county]


def make_post(rng: random.Random, with_title: bool, min_len: int = 60, max_len: int = 300,
              hashtags: bool = False, phone_prob: float = 0.4) -> Post:
    p = Places.pick(rng)
    title_t, paras_t = rng.choice(_TEMPLATES)
    lead, lead_tokens = _lead(rng, p)
    tokens = {"{L}": lead, "{R}": p.road, "{C}": p.compound, "{V}": p.village, "{T}": p.town,
              "{m}": str(rng.randint(3, 11))}

    def fill(s: str) -> str:
        for k, v in tokens.items():
            s = s.replace(k, v)
        return s

    paras = [fill(s) for s in paras_t]
    r = rng.random()
    if r < 0.15:
        paras = [paras[0]]
    elif r < 0.45:
        paras = ["".join(paras)]
    if rng.random() < 0.35:
        paras.insert(0, rng.choice(_OPENERS))
    for extra in rng.sample(_EXTRAS, rng.choice([0, 0, 1, 1, 2, 3])):
        paras.insert(len(paras) if rng.random() < 0.6 else 1, extra)
    phones: list[str] = []
    if rng.random() < phone_prob:
        shown, digits = phone_display(rng, p.city)
        paras.append(rng.choice(["联系电话：", "我的电话", "联系方式：", "电话"]) + shown + rng.choice(["", "。", "，谢谢！"]))
        phones.append(digits)
    if hashtags:
        tags = rng.sample(["#民生#", "#求助#", "#维权#", "#曝光#", "#投诉#", "#身边事#"], 2)
        if rng.random() < 0.5:
            paras[0] = tags[0] + paras[0]
        else:
            paras[-1] = paras[-1] + " " + " ".join(tags)
    while len("".join(paras)) > max_len:
        drop = [i for i, x in enumerate(paras) if x in _OPENERS or x in _EXTRAS]
        if drop:
            paras.pop(drop[-1])
        elif len(paras) > 1 + len(phones):
            paras.pop(len(paras) - 1 - len(phones))
        else:
            first = paras[0]
            cut = first.find("。", 30)
            paras[0] = first[: cut + 1] if 0 < cut < len(first) - 1 else first[: max_len // 2] + "。"
    if len("".join(paras)) < min_len:
        paras.append("恳请有关部门尽快核实处理，谢谢！")
    title = None
    if with_title:
        title = fill(title_t)
        if rng.random() < 0.5 and p.county not in title:
            title = p.county + title
    used = [t for t in lead_tokens]
    used += [t for t in (p.road, p.compound, p.village, p.town) if t]
    return Post(title, paras, used, phones, p.city, p.county)


# --------------------------------------------------------------------- people and distractor text

_NICK_A = ["湘江边的", "岳麓山下的", "爱吃辣的", "不想上班的", "橘子洲头", "会飞的", "小城里的", "安静的", "快乐的", "早起的"]
_NICK_B = ["小李", "猫", "阿Q", "老王", "蜗牛", "橙子", "鱼", "小胖", "大叔", "阿姨"]
_LATIN = ["Sunny", "Jason", "Lucky", "Amy", "Kevin", "Coco", "Leo", "Tina"]
_SURNAMES = list("王李张刘陈杨黄赵周吴徐孙胡朱高林何郭罗谢唐邓彭曾")


def nickname(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return rng.choice(_NICK_A) + rng.choice(_NICK_B)
    if r < 0.45:
        return rng.choice(_LATIN) + rng.choice(["_", "", "·"]) + str(rng.randint(7, 99)) + rng.choice(["", "Y", "L"])
    if r < 0.55:
        return "用户" + "".join(str(rng.randint(0, 9)) for _ in range(10))
    if r < 0.7:
        return rng.choice(_SURNAMES) + rng.choice(["先生", "女士", "师傅", "老师"])
    if r < 0.8:
        return rng.choice(_LATIN) + rng.choice(_SURNAMES) + rng.choice(["", "A", "君"])
    if r < 0.9:
        return rng.choice(["木子", "耳东", "口天", "弓长"]) + rng.choice(["李", "陈", "吴", "张"]) + rng.choice(["", "同学", "呀"])
    return rng.choice(["一路向北", "云淡风轻", "平凡之路", "追光者", "半夏", "晚风", "南风知我意"]) + rng.choice(["", "A", "丶", "の"])


def masked_name(rng: random.Random) -> str:
    s = rng.choice(_SURNAMES)
    return rng.choice([s + "**", s + "*", s + "先生", s + "女士", "匿名网友", s + "**"])


def real_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.sample(list("建国志强秀英丽华伟军敏静磊洋勇艳杰娟涛明超霞平刚桂"), rng.choice([1, 2])))


_COMMENTS = [
    "我们{county}也是这样，{town}那边的路两年了都没修好。",
    "支持，希望早日解决！",
    "已转发，顶上去让更多人看到",
    "这种事打12345有用吗？我打了三次都没下文",
    "同一个小区的路过，确实是这样，晚上根本睡不着",
    "楼主加油，我们{village}去年也是闹了好久才解决",
    "建议直接发到领导留言板，那边回复快一些",
    "{county}{road}也有这个问题，物业根本不管",
    "听说{town}下个月就要开始整改了，等等看吧",
    "关注一下，坐等官方回复",
    "去年我在{county}{compound}遇到过一模一样的情况，最后是找了住建局才处理的",
    "哈哈哈说的就是我家门口",
    "有没有人一起联名反映的？",
    "别指望了，年年说年年不改",
]
_REPLIES_OFFICE = [
    "您好！您反映的{county}{town}{road}相关问题已收悉。经核实，该路段属于{town}老旧小区改造项目，目前正在进行管网施工，预计{m}月底前完成路面恢复。如有疑问，请联系{town}城建办，电话：{tel}。",
    "网友您好：关于您反映的问题，{county}高度重视，已责成{town}人民政府会同相关部门现场核查。经查，{village}供水管网改造工程已纳入今年计划，届时将彻底解决停水问题。感谢您对我们工作的关心和支持！",
    "您好，您的诉求已转至{county}城市管理和综合执法局办理，执法人员已于当日前往{road}现场调查，对涉事单位下达了整改通知书。办理人：刘**，联系电话：{tel}。",
]
_CAPTIONS = [
    "{county}启动2025年城乡道路提质改造工程，{town}等12个乡镇受益",
    "@湖南都市新闻 {city}{county}：老旧小区改造让居民住得更舒心",
    "{county}{town}：小小网格员，撑起基层治理大民生 #基层治理#",
    "#{city}新闻# {county}开展夏季安全生产大检查",
]


def fill_distractor(rng: random.Random, template: str) -> str:
    p = Places.pick(rng)
    code = AREA_CODE[p.city]
    tel = f"{code}-{rng.randint(2, 8)}{rng.randint(100000, 999999)}"
    vals = {"{county}": p.county, "{town}": p.town, "{road}": p.road, "{village}": p.village,
            "{compound}": p.compound, "{city}": p.city, "{tel}": tel, "{m}": str(rng.randint(5, 12))}
    for k, v in vals.items():
        template = template.replace(k, v)
    return template


def comment(rng: random.Random) -> str:
    return fill_distractor(rng, rng.choice(_COMMENTS))


def office_reply(rng: random.Random) -> str:
    return fill_distractor(rng, rng.choice(_REPLIES_OFFICE))


def caption(rng: random.Random) -> str:
    return fill_distractor(rng, rng.choice(_CAPTIONS))


def short_title(rng: random.Random) -> str:
    return fill_distractor(rng, rng.choice([t for t, _ in _TEMPLATES])
                           .replace("{R}", "{road}").replace("{C}", "{compound}")
                           .replace("{V}", "{village}").replace("{T}", "{town}"))


CHAT_SMALLTALK = ["收到", "好的，我问一下", "大家晚上好", "@所有人 明天上午九点在村部开会，请各户派一个代表参加",
                  "这个事情上次不是说解决了吗", "我转给网格员了", "[图片]", "谢谢大家", "明天下雨，注意收衣服",
                  "有人知道社保在哪里交吗", "已经打过电话了，说是明天来人看", "👌".replace("👌", "OK")]
GROUP_NAMES = ["{village}村民群", "{compound}业主群", "{town}网格{n}群", "{county}民生服务群", "{road}沿线商户群"]


def group_name(rng: random.Random) -> str:
    t = rng.choice(GROUP_NAMES).replace("{n}", str(rng.randint(1, 9)))
    return fill_distractor(rng, t)
