"""Made-up texts for family g: Hunan places, complaints, nicknames, units and distractors."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

# city, short form, area code, counties/districts (none begins with the city's short name)
CITIES = [
    ("长沙市", "长沙", "0731", ["浏阳市", "宁乡市", "望城区", "雨花区", "开福区"]),
    ("株洲市", "株洲", "0731", ["醴陵市", "攸县", "茶陵县", "荷塘区", "渌口区"]),
    ("湘潭市", "湘潭", "0731", ["湘乡市", "韶山市", "雨湖区", "岳塘区"]),
    ("衡阳市", "衡阳", "0734", ["耒阳市", "衡东县", "祁东县", "常宁市", "蒸湘区", "衡南县"]),
    ("邵阳市", "邵阳", "0739", ["邵东市", "隆回县", "新宁县", "武冈市", "双清区"]),
    ("岳阳市", "岳阳", "0730", ["汨罗市", "华容县", "平江县", "临湘市", "岳阳楼区"]),
    ("常德市", "常德", "0736", ["澧县", "桃源县", "汉寿县", "津市市", "武陵区"]),
    ("益阳市", "益阳", "0737", ["桃江县", "安化县", "沅江市", "赫山区"]),
    ("郴州市", "郴州", "0735", ["资兴市", "宜章县", "永兴县", "北湖区", "桂阳县"]),
    ("永州市", "永州", "0746", ["祁阳市", "道县", "宁远县", "冷水滩区", "江华瑶族自治县"]),
    ("怀化市", "怀化", "0745", ["沅陵县", "溆浦县", "洪江市", "鹤城区"]),
    ("娄底市", "娄底", "0738", ["涟源市", "新化县", "冷水江市", "娄星区"]),
]

TOWNS = ["城关镇", "东城街道", "白沙街道", "龙潭镇", "桥头镇", "云田镇", "金塘镇", "新桥镇",
         "长乐街道", "黄土铺镇", "双江镇", "杨家桥镇", "青山街道", "石湾镇", "枫林街道", "泉塘镇",
         "大坪乡", "栗山镇", "花桥街道", "荷叶镇"]
VILLAGES = ["石桥村", "枫树村", "新塘村", "双河村", "杉木村", "龙井村", "塘湾村", "桂花村",
            "高岭村", "柏树村", "茶园村", "水口村", "大屋村", "梅花村"]
ROADS = ["建设中路", "人民东路", "解放西路", "迎宾大道", "五一路", "滨河北路", "书院路",
         "红旗路", "车站南路", "新华街", "雁城路", "金星北路", "东风路", "桂花路", "沿江大道",
         "工业园二路", "学府路", "向阳路", "团结路", "朝阳巷"]
COMPOUNDS = ["金色家园小区", "锦绣华庭", "滨江花苑", "阳光新城", "御景湾小区", "书香名邸",
             "东方名苑", "丽景佳园", "城南公馆", "翡翠湾小区", "和谐家园", "康城花园",
             "云顶雅苑", "桃源居小区", "幸福里小区", "湘江一号", "天元府", "建工宿舍"]


@dataclass
class Place:
    city: str
    city_short: str
    area: str
    county: str
    town: str
    village: str
    road: str
    compound: str
    road2: str
    bus: str


def pick_place(rng: random.Random, avoid: Place | None = None) -> Place:
    while True:
        city, short, area, counties = rng.choice(CITIES)
        roads = rng.sample(ROADS, 2)
        p = Place(city, short, area, rng.choice(counties), rng.choice(TOWNS), rng.choice(VILLAGES),
                  roads[0], rng.choice(COMPOUNDS), roads[1], f"{rng.randint(2, 48)}路")
        if avoid is None or not ({p.city, p.county, p.town, p.village, p.road, p.compound, p.road2}
                                 & {avoid.city, avoid.county, avoid.town, avoid.village,
                                    avoid.road, avoid.compound, avoid.road2}):
            return p


# Each topic: unit kinds, title templates, and paragraph slots (each a list of alternatives).
TOPICS = [
    dict(units=["交通运输局", "住房和城乡建设局"],
         titles=["{town}{road}路面坑洼多年无人修", "{county}{road}破损严重，雨天积水难行"],
         paras=[["我是{county}{town}的居民，{road}从{compound}门口到{road2}路口这一段路面坑坑洼洼，大坑连着小坑。",
                 "{city}{county}{road}靠近{compound}的路段，去年挖开铺管道后一直没有恢复，只是简单填了碎石。"],
                ["一下雨就积水，电动车经常摔倒，上周还有一位老人骑车摔伤了腿。晚上路灯也不亮，非常危险。",
                 "大货车一过尘土飞扬，路边商户门都不敢开，学生上学放学都要绕着水坑走。"],
                ["恳请相关部门尽快安排修复，给老百姓一个安全的出行环境。",
                 "希望领导重视，早日把这段路修好，谢谢！"]]),
    dict(units=["生态环境局", "城市管理综合执法局"],
         titles=["{compound}旁工地夜间施工噪音扰民", "{road}烧烤摊油烟噪音严重影响休息"],
         paras=[["{county}{road}{compound}旁边的工地最近每天晚上施工到凌晨一两点，打桩机、混凝土泵车轰隆隆响个不停。",
                 "{city}{county}{town}{road}一带的夜宵烧烤摊每天营业到凌晨三点，划拳喝酒声、油烟直冲楼上住户。"],
                ["小区里很多老人和小孩，根本睡不着觉，孩子第二天上课没精神。我们找过施工方，对方置之不理。",
                 "我们打过好几次电话反映，来人看一眼就走，第二天照样如此。"],
                ["请求有关部门依法查处，规范作业时间，还居民一个安静的夜晚。",
                 "恳请城管和环保部门联合整治，不要再让问题拖下去。"]]),
    dict(units=["水利局", "住房和城乡建设局"],
         titles=["{village}自来水发黄，已持续半个月", "{compound}频繁停水且不提前通知"],
         paras=[["{county}{town}{village}这半个月自来水一直发黄，有时还有一股泥腥味，烧开后壶底一层沉淀。",
                 "{city}{county}{compound}这个月已经停水四次了，每次都没有任何通知，一停就是大半天。"],
                ["村里老人小孩都不敢喝，只能去镇上买桶装水，一家人开销增加不少。",
                 "高层住户连冲厕所的水都没有，上班族早上洗漱都成问题，打供水公司电话一直占线。"],
                ["希望水务部门尽快派人检测水质、检修管网，给个说法。",
                 "请供水单位今后停水务必提前公告，并尽快解决水压不足的问题。"]]),
    dict(units=["教育局"],
         titles=["{town}中心小学门口上下学拥堵严重", "{county}某校违规收取资料费"],
         paras=[["{county}{town}中心小学位于{road}，每天早上七点半和下午四点半，接送车辆把路堵得水泄不通。",
                 "{city}{county}{road}附近一所初中要求每个学生交三百元资料费，说是自愿，实际不交的学生会被点名。"],
                ["学校门口没有交警和护学岗，孩子们在车缝里穿行，家长们都提心吊胆。",
                 "家长们敢怒不敢言，怕孩子在学校受区别对待，收费也没有开任何票据。"],
                ["建议在{road}设置临时停车区和护学岗，错峰放学。",
                 "恳请教育部门调查核实，规范学校收费行为。"]]),
    dict(units=["市场监督管理局", "住房和城乡建设局"],
         titles=["{compound}电梯频繁故障困人", "{compound}3栋电梯停运一个多月没人修"],
         paras=[["{county}{compound}的电梯这个月已经困人三次，最近一次把一位抱着孩子的宝妈困了四十多分钟。",
                 "{city}{county}{road}{compound}3栋的电梯从上个月坏到现在，物业说要等维修基金审批。"],
                ["楼里住了不少七八十岁的老人，腿脚不方便，只能一层层爬楼，有的已经一个月没下过楼了。",
                 "物业每次都说是维保公司的事，维保公司又说零件要从外地调，互相推诿。"],
                ["请特种设备监管部门上门检查，督促物业和维保单位尽快修好。",
                 "希望相关部门出面协调，动用维修基金尽快更换主机。"]]),
    dict(units=["住房和城乡建设局"],
         titles=["{compound}物业乱收费服务差", "{compound}开发商逾期交房两年"],
         paras=[["{county}{road}{compound}的物业今年突然把物业费从每平方1.2元涨到1.8元，没有召开业主大会。",
                 "我是{city}{county}{compound}的业主，合同约定2023年6月交房，到现在两年过去了，工地还是一片荒草。"],
                ["小区垃圾堆好几天没人清，地下车库漏水，监控坏了一半，收费却一分不少。",
                 "开发商一直说资金紧张，我们每个月还着房贷，还要在外面租房，压力非常大。"],
                ["恳请住建部门介入调查，督促物业规范收费、提升服务。",
                 "希望政府部门牵头协调，尽快复工，保障购房户的合法权益。"]]),
    dict(units=["交通运输局"],
         titles=["{bus}公交车班次少、司机不按站停", "{town}到县城的班车突然停运"],
         paras=[["{city}{bus}公交车原来十五分钟一班，现在要等四十多分钟，在{road}站经常等不到车。",
                 "{county}{town}到县城的农村班车从上个月起突然停运，{village}的村民进城只能坐黑摩的。"],
                ["有时候司机看站台人少直接开过去，不停车，老人小孩追都追不上。",
                 "一趟要五十块钱，还不安全，学生周末回家更是麻烦。"],
                ["请交通部门核实，增加班次、加强对司机的管理。",
                 "希望交通运输部门尽快恢复班线，方便群众出行。"]]),
    dict(units=["自然资源局", "农业农村局"],
         titles=["{village}有人违规占用耕地建房", "{village}灌溉水渠堵塞影响春耕"],
         paras=[["{county}{town}{village}最近有人在基本农田上打地基建房，挖掘机天天在干活。",
                 "{county}{town}{village}的主灌溉渠淤塞多年，去年冬天又塌了一段，今年春耕马上要用水。"],
                ["村民向村里反映过，村干部说管不了，现在房子已经砌到二层了。",
                 "几十亩田放不进水，只能用抽水机一点点抽，电费都是农户自己出。"],
                ["请相关部门实地核查，依法处理，保护耕地。",
                 "恳请尽快安排清淤修复，不要误了农时。"]]),
]

PHONE_SENTENCES = ["联系电话：{p}", "我的电话是{p}，希望有人回个电话。", "如需核实请联系{p}。",
                   "电话{p}（微信同号）。", "本人手机{p}，盼回复。"]

FW_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def make_phone(rng: random.Random, area: str) -> tuple[str, str]:
    """Returns (as written, digits only)."""
    if rng.random() < 0.7:
        digits = rng.choice(["13", "15", "17", "18", "19"]) + str(rng.randint(0, 9)) + \
            "".join(str(rng.randrange(10)) for _ in range(8))
        form = rng.choice(["plain", "plain", "space", "dash", "fw"])
        shown = {"plain": digits, "fw": digits.translate(FW_DIGITS),
                 "space": f"{digits[:3]} {digits[3:7]} {digits[7:]}",
                 "dash": f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"}[form]
    else:
        local = str(rng.randint(2, 8)) + "".join(str(rng.randrange(10)) for _ in range(7 if area == "0731" else 6))
        digits = area + local
        form = rng.choice(["dash", "dash", "space", "plain", "fw"])
        shown = {"dash": f"{area}-{local}", "space": f"{area} {local}", "plain": digits,
                 "fw": f"{area}-{local}".translate(FW_DIGITS)}[form]
    return shown, digits


@dataclass
class Complaint:
    title: str
    paras: list[str]
    place_candidates: list[str]
    phones: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    place: Place | None = None


def _fill(tpl: str, p: Place, city_name: str) -> str:
    return tpl.format(city=city_name, county=p.county, town=p.town, village=p.village,
                      road=p.road, road2=p.road2, compound=p.compound, bus=p.bus)


def make_complaint(rng: random.Random, short: bool = False, phone_rate: float = 0.45) -> Complaint:
    """One complaint; `short` keeps a single paragraph (comments, replies)."""
    place = pick_place(rng)
    topic = rng.choice(TOPICS)
    city_name = place.city_short if rng.random() < 0.3 else place.city
    k = rng.randrange(2)  # title k and paragraph alternatives k tell one story
    title = _fill(topic["titles"][k], place, city_name)
    slots = topic["paras"][:1] if short else topic["paras"][: rng.choice([2, 3, 3])]
    paras = [_fill(alternatives[k], place, city_name) for alternatives in slots]
    if short and rng.random() < 0.5:
        paras[0] += _fill(topic["paras"][-1][k], place, city_name)
    phones = []
    if rng.random() < phone_rate:
        shown, digits = make_phone(rng, place.area)
        sentence = rng.choice(PHONE_SENTENCES).format(p=shown)
        if short:
            paras[-1] += sentence
        else:
            paras.append(sentence)
        phones.append(digits)
    candidates = [city_name, place.county, place.town, place.village, place.road, place.road2,
                  place.compound]
    units = [place.county + u for u in topic["units"]] + [place.county + "人民政府"]
    return Complaint(title, paras, candidates, phones, units, place)


def place_mentions(candidates: list[str], title: str | None, body: str) -> list[str]:
    text = (title or "") + "\n" + body
    found = {c: text.find(c) for c in dict.fromkeys(candidates) if c in text}
    return sorted(found, key=lambda c: found[c])


# ---- people -------------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢唐"
GOV_AUTHOR_FORMS = ["{s}先生", "{s}女士", "{s}**", "{s}某", "{s}同志"]
SOCIAL_NICKS = ["湘江边的风", "芙蓉姐姐爱吃辣", "衡山脚下老倌子", "小鹿乱撞2019", "洞庭湖的鱼",
                "岳麓山下小书童", "一叶知秋ZZ", "晴天娃娃_hn", "老街坊阿强", "辣椒炒肉盖码饭",
                "夜猫子不睡觉", "橘子洲头看烟花", "阿毛爱骑车", "稻田里的守望者", "梅溪湖畔的猫",
                "追风少年Leo", "平凡的日子", "桂花糕不甜", "山城雾都客", "蓝莓味的夏天",
                "木子李2020", "豆豆妈妈", "阳光总在风雨后", "浅笑安然", "老王不在家"]
TIEBA_NICKS = ["lbzj_湘中", "贴吧用户_7Gh2kq", "风过无痕ya", "小城故事多123", "醉卧沙场君莫笑",
               "叫我老刘就行", "路过的吃瓜群众", "雨巷里的油纸伞", "hn老司机", "奋斗的蜗牛88"]
WEIBO_NICKS = ["用户7283641052", "潇湘小米粒", "是阿杰呀", "湖南妹子在长沙", "今天也要加油鸭_",
               "北纬28度的晴天", "momo的日常", "吃饱了才有力气减肥"]
GROUP_NICKS = ["3栋-502 刘姐", "2-1101 老陈", "业委会 张建国", "7栋 王师傅", "A区 小周",
               "12栋 李阿姨", "1-603 赵", "物业-小何", "5栋 唐哥", "9-201 杨老师"]


def gov_author(rng: random.Random) -> str:
    return rng.choice(GOV_AUTHOR_FORMS).format(s=rng.choice(SURNAMES))


# ---- distractors --------------------------------------------------------------------------

OFFICIAL_REPLIES = [
    "您好！您反映的问题已收悉。经我单位工作人员现场核查，{town}{road}段相关问题已于近日安排专人处理。"
    "下一步我们将加强巡查，如有疑问请拨打{phone}。感谢您对我们工作的关心和支持！",
    "网友您好：经调查，您所反映的情况与{county}{compound}周边整治工作一并推进，目前已完成前期摸排，"
    "预计本月底前完成整改。感谢您的监督。",
    "您好，接到留言后，我局立即会同{town}相关负责人赴{village}实地调查，已责令责任方限期整改，"
    "并将持续跟踪整改情况。",
]
REPLY_COMMENTS = [
    "我们{compound}也是这个情况，投诉了半年都没人管。",
    "顶一下，{town}那边去年也是这样，后来上了电视才解决。",
    "打12345试试，我上次反映{road}的问题三天就有人回电话了。",
    "支持楼主！{county}这种事太多了。",
    "建议直接找{town}的网格员，比发帖快。",
    "同感，{road}那段我天天走，真的烂。",
    "已转发，希望早日解决。",
    "楼主说的是真的，我家就住{compound}隔壁。",
]
CHAT_LINES = [
    "这个情况大家都遇到了吧", "我昨天也打了12345，说是会转给相关部门", "收到，已经转发给物业了",
    "同意，大家一起反映", "上次{road}那边也是这样，后来有人来修了", "有没有人知道{town}的电话",
    "转发到业主大群了", "@物业 请看一下", "明天我去社区问问", "好的，收到",
]
NEWS_ACCOUNTS = ["潇湘民生观察", "城事速递湖南", "湘中晚报", "民生零距离", "湖南交通频道", "都市早新闻"]
NEWS_CAPTIONS = [
    "{city}{county}启动城区道路提质改造，{road}等12条道路将陆续施工，请市民注意绕行。",
    "{county}{town}集中整治噪音扰民，夜间施工须报备审批。#民生 #城市治理",
    "记者走访{county}多个老旧小区，加装电梯进展如何？#老旧小区改造",
    "{city}发布供水管网改造计划，{town}等片区将分批停水检修。",
]
GOV_LIST_TITLES = [
    "关于{town}垃圾清运不及时的问题", "{road}红绿灯时长设置不合理", "咨询{county}公积金提取办理流程",
    "{compound}门前占道经营", "{village}饮水安全问题", "建议在{road}增设公交站台",
    "{town}卫生院服务态度差", "关于{county}城区停车难的建议",
]
ARTICLE_EDITOR_NOTES = [
    "编者按：本期我们收到多封读者来信。记者随后联系了{county}相关部门，对方表示已关注到{town}{road}一带类似情况，将统筹安排整治。",
    "记者追踪：此前{county}{compound}也曾反映类似问题，经协调已于上月解决。我们将持续关注。",
]


def fill_distractor(tpl: str, rng: random.Random, avoid: Place) -> str:
    p = pick_place(rng, avoid)
    phone, _ = make_phone(rng, p.area)
    return tpl.format(city=p.city, county=p.county, town=p.town, village=p.village, road=p.road,
                      road2=p.road2, compound=p.compound, bus=p.bus, phone=phone)

FW_DIGITS_BACK = str.maketrans("０１２３４５６７８９", "0123456789")
