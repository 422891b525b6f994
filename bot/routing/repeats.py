"""Is a new post a repeat of an open case? Two signals, the second only when the first finds none:

1. Character n-gram TF-IDF cosine over title + body. Character 2–3-grams survive OCR noise,
   truncation and light rephrasing better than words (jieba splits a misread character
   differently), and need no training. Its threshold was chosen on bench/repeats.py's pairs.
2. Same place, same problem, other words (幸福家园3栋电梯坏了五次 / 幸福家园3号楼升降梯老出故障):
   the two texts share a name (a run of at least ``NAME_CHARS`` characters that is rare among the
   open cases and looks like a place: ends in 小区, 路, 村, 医院 …, holds no function character
   such as 的 or 这 and is more than a generic 街道社区 or 公共区; or a bus line like 12路; or a place
   the parser found, less its 小区, that both contain) and complain about the same thing: either the
   same concepts (bot/intake/problem_words.py: 停水 meets 断水), or, where the concept groups have no
   word for it, the same rare characters once the place is taken out (paraphrase.residual_similarity:
   扶贫款挪用 / 扶贫资金截留).
   Rarity alone cannot tell a name from wording when few cases are open, hence the shape rules:
   on bench/repeats.py's real messages, shared wording (小区地下, 此小区, 过马路) made most false matches.
   A different problem at the same place shares the name but not the problem; the same problem
   elsewhere shares the problem but not the name. Measured on hand-labelled paraphrase pairs
   (bench/repeat_pairs.py, with a held-out part).

Both signals see buildings, units and ordinal institutions written one way (paraphrase.canonical:
3号楼 = 三栋 = 3栋, 一中 = 第一中学), and neither merges posts that name different buildings or bus
lines (5栋 / 3栋, 15路 / 9路) or different institutions of one kind (东湖社区卫生服务中心 / 建设街道社区卫生服务中心,
城东派出所 / 城西派出所; a 社区医院 with no name in front vetoes nothing): the same words about another lift,
another clinic, are another complaint.

Places written partially (second round of paraphrases, bench/repeat_pairs.py and a dev file written without
seeing this module): a name may end in what estates and scenic strips end in (碧水蓝岸, 翰林名邸, 沿江风光带);
a village, township or estate may be named by its stem (柏树 for 双桥镇柏树村, 翠湖 for 翠湖花园小区) when no other
open case holds that stem and neither text names it with another kind (石桥镇 is not 石桥村); a numbered highway
(307国道) is a name like a bus line; one institution's two kind words (菜场 = 农贸市场) and abbreviated primary
schools (实小, 白马中小, 白马镇小) are written one way. Against it: a phase of a development (一期 / 二期工地) is
another site, a construction site (工地) is an institution with a name, a shared run that starts with the kind
word of two names (化肥厂家属院 / 水泥厂家属院 share 厂家属院) or is only a kind of spot (下穿通道) names no place, and two
institutions of one township (河口镇中心小学 / 河口镇新华小学) are two. Words of time before a kind word (每天晚上
公园) and 全小区 no longer make a name that vetoed a repeat.
Measured (with problem_words' larger groups), precision / recall: tuning part 0.982 / 0.778 → 1.000 / 0.931;
dev file (bench/data/repeat_pairs_dev.jsonl, evaluated as --heldout does) 0.836 / 0.357 → 0.968 / 0.636;
bench/repeats.py held-out half 0.900 / 0.973 → 0.923 / 0.973; run once at the end, the in-file held-out part
0.963 / 0.703 → 0.960 / 0.649 (one false match before and after, two repeats fewer: a new group can add a
concept to one text only, as 校车 in a post about a bridge, and lower the concept cosine below SAME_PROBLEM)
and the blind file 0.900 / 0.419 → 0.923 / 0.558. Tried and not adopted: MAX_THINGS = 4
(tuning recall 0.944, but bench/repeats.py precision 0.878) and SAME_PROBLEM = 0.5 (a false match in the
tuning part and one in the dev file).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from bot.intake.places import find_places
from bot.intake.problem_words import THINGS, concepts, problem_similarity, without_problem_words
from bot.routing.paraphrase import buildings, canonical, document_frequency, grams, residual_similarity
from bot.routing.text_features import normalise

# Chosen by bench/repeats.py (best F1 on the tuning half of the pairs; see README).
REPEAT_THRESHOLD = 0.5
# A shared small place (village, road, compound) makes the same complaint more likely.
PLACE_BONUS = 0.05
# Same place, same problem: a shared name of at least NAME_CHARS characters, rare among the open
# cases (a bigram in at most RARE_SHARE of them), chosen on the tuning part of bench/repeat_pairs.py.
NAME_CHARS = 3
RARE_SHARE = 0.02
# …and close enough in what they complain about (problem_words.problem_similarity): below this, long
# posts that touch many problems meet by chance (bench/repeats.py's real messages).
SAME_PROBLEM = 0.6
# …and each about one problem, naming at most MAX_THINGS things (problem_words.THINGS). A letter that
# lists many problems shares a place and a problem with some open case by chance: on bench/repeats.py's
# tuning half, 12 of the 14 chance name-sharing pairs had a text naming 4 or more; no post or open case
# in the tuning part of bench/repeat_pairs.py names more than 3.
MAX_THINGS = 3
# Same place, other problem words: the rarity-weighted overlap of what is left once the place is taken
# out (paraphrase.residual_similarity) must reach this. 1 turns the signal off.
RESIDUAL = 0.3
_RUN = re.compile(r"[\u4e00-\u9fff0-9]{2,}")
# Function characters never inside a place name: a shared 此小区 / 的初中 / 小区地下 is wording, not a name.
_NOT_IN_NAMES = re.compile(r"[的了是在这那此该个与及或我你他她它们也还就把被给让吗呢吧啊着]")
# Words for a kind of place or a spot near it, in any post about any place: a shared 街道社区, 公共区域,
# 派出所, 过马路 or 下穿通道 (every town has one) names no place, so a name must keep at least two characters
# without them.
_GENERIC_PLACE = re.compile("社区|街道|小区|马路|公共区|区域|场所|派出所|住宅楼|综合楼|附近|周边|门口|旁边|对面|当地"
                            "|下穿|通道|涵洞|桥洞|宿舍")
_NUMERALS = frozenset("0123456789零〇一二两三四五六七八九十百")
_NUMBERED = re.compile(r"\d+(?:栋|单元)?")
_PLACEHOLDER_AREA = re.compile(r"[A-Z]\d*[市区县]")  # the routing data's 'A市', 'A3区': no name at all
_BUS_LINE = re.compile(r"(?<![0-9A-Za-z])\d{1,3}路")  # a bus line: 12路, not A市152路 or 2019年12路
# A numbered highway (307国道, S207省道, X012县道): a name as exact as a bus line, and as different from 207国道.
_NUMBERED_ROAD = re.compile(r"(?<![0-9])[SGXYsgxy]?\d{1,4}(?:国道|省道|县道|乡道)")
# A phase of one development (二期工地 / 一期工地): another site, as 5栋 is another building.
_PHASE = re.compile(r"(\d+|[一二三四五六七八九十]+)期(?=工地|工程|项目|小区|楼盘|住宅)")
# Last characters of place and institution names (小区, 东湖路, 石桥村, 人民医院, 实验小学, 汽车站, 3栋 …), and of
# estates and scenic strips named without 小区 (碧水蓝岸, 翰林名邸, 江山府, 沿江风光带, 李家坪).
_NAME_ENDS = frozenset("区村镇乡路街巷道园苑庭城湾都场院校学站厂湖江桥岭山所馆心楼栋局岸邸府居庄坪寨带墅坊塘洲港阁")
# Kind characters that end a name and begin none (化肥厂家属院 / 水泥厂家属院 share 厂家属院, not a name).
_KIND_ONLY = frozenset("区村镇乡园苑庭院校站厂所馆局")
# What the parser's place names end in that citizens drop (东方明珠小区 → 东方明珠).
_PLACE_KIND = re.compile("(小区|社区|居委会)$")
# …and what villagers drop from their village, township or estate (我们柏树那条沟渠 for 双桥镇柏树村, 翠湖 for
# 翠湖花园小区): a stem of at least STEM_CHARS characters, counted only when no other open case holds it.
_STEM_KIND = re.compile("(村|乡|镇|花园|家园|小区|社区)+$")
STEM_CHARS = 2
# A stem followed by another kind is another place (石桥镇 is not 石桥村).
_OTHER_KIND = re.compile("村|乡|镇|小区|社区|花园|家园")


@dataclass(frozen=True)
class OpenCase:
    case_id: int | str
    title: str | None
    body: str | None
    place: str | None = None


@dataclass(frozen=True)
class RepeatMatch:
    case_id: int | str
    score: float


def _text(title: str | None, body: str | None) -> str:
    # canonical first: 3号楼 and 3栋 must meet before every number becomes 0.
    return normalise(canonical(((title or "") + "。" + (body or "")).replace("\n", "")))


@lru_cache(maxsize=4096)
def _small_places(text: str) -> frozenset[str]:
    # Cached: the same open cases are compared with every new post.
    return frozenset(p.name for p in find_places(text) if p.level in ("village", "road", "compound", "township"))


@lru_cache(maxsize=4096)
def _name_runs(text: str) -> tuple[str, ...]:
    """Runs of characters left once the problem words are blanked out: names, mostly."""
    return tuple(_RUN.findall(_NOT_IN_NAMES.sub(" ", without_problem_words(text))))


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(run[i:i + 2] for run in _name_runs(text) for i in range(len(run) - 1))


@lru_cache(maxsize=4096)
def _bus_lines(text: str) -> frozenset[str]:
    return frozenset(_BUS_LINE.findall(text))


@lru_cache(maxsize=4096)
def _numbered_roads(text: str) -> frozenset[str]:
    return frozenset(road.upper() for road in _NUMBERED_ROAD.findall(text))


@lru_cache(maxsize=4096)
def _phases(text: str) -> frozenset[str]:
    return frozenset(_PHASE.findall(text))


def _looks_like_name(part: str) -> bool:
    # A name ends in what kind of place it is (幸福家园, 芙蓉路, 县人民医院); a shared run that only
    # holds such a character (小区地下, 路对面) is wording, and so is a building number every compound
    # has (园小区5栋 shared by 阳光家园 and 绿洲花园).
    return part[-1] in _NAME_ENDS and len(_GENERIC_PLACE.sub("", _NUMBERED.sub("", part))) >= 2


def shared_name(first: str, second: str, rare: frozenset[str] | set[str]) -> int:
    """Length of the longest name both texts use: a common substring that looks like a place and holds
    a rare bigram (0 when none)."""
    return len(_shared_name_text(first, second, rare))


def _shared_name_text(first: str, second: str, rare: frozenset[str] | set[str]) -> str:
    """The longest name both texts use, at least NAME_CHARS long ('' when none)."""
    best, found = NAME_CHARS - 1, ""
    for a in _name_runs(first):
        for b in _name_runs(second):
            if len(a) <= best or len(b) <= best:
                continue
            previous = [0] * (len(b) + 1)
            for i in range(1, len(a) + 1):
                current = [0] * (len(b) + 1)
                for j in range(1, len(b) + 1):
                    if a[i - 1] != b[j - 1]:
                        continue
                    length = current[j] = previous[j - 1] + 1
                    if length <= best or length < 2:
                        continue
                    part = a[i - length:i]
                    # 207国道 is not 307国道: a shared number must be the whole number in both.
                    if part[0].isdigit() and (i - length > 0 and a[i - length - 1].isdigit()
                                              or j - length > 0 and b[j - length - 1].isdigit()):
                        continue
                    # 七里桥 is not 八里桥: a name both texts begin with different numerals is two names; and a
                    # part that starts with the kind word of two different names (化肥厂家属院 / 水泥厂家属院 share
                    # 厂家属院, 阳光家园 / 绿洲花园 share 园) is the tail of two names, not one.
                    if (i - length > 0 and j - length > 0 and a[i - length - 1] != b[j - length - 1]
                            and (a[i - length - 1] in _NUMERALS and b[j - length - 1] in _NUMERALS
                                 or part[0] in _KIND_ONLY)):
                        continue
                    if _looks_like_name(part) and any(part[k:k + 2] in rare for k in range(length - 1)):
                        best, found = length, part
                previous = current
    return found


def _plain(title: str | None, body: str | None) -> str:
    """Title and body as written but for placeholder areas (A3区): ``_text`` turns every number into 0,
    and 12路 is not 3路."""
    text = unicodedata.normalize("NFKC", ((title or "") + "。" + (body or "")).replace("\n", ""))
    return canonical(_PLACEHOLDER_AREA.sub("", text))


@lru_cache(maxsize=4096)
def _about_one_problem(text: str) -> bool:
    return sum(name in THINGS for name in concepts(text)) <= MAX_THINGS


def _wider_than_both(name: str, query: str, doc: str) -> bool:
    """Whether the shared name is a township both texts narrow down to different villages or compounds
    (新塘镇五星村 / 新塘镇丰收村): the same township is not the same place."""
    if not (name.endswith(("镇", "乡", "街道"))):
        return False
    narrower = re.compile(re.escape(name) + r"([\u4e00-\u9fff]{1,4}?(?:村|社区|小区))")
    first, second = set(narrower.findall(query)), set(narrower.findall(doc))
    return bool(first) and bool(second) and not first & second


def _widen(name: str, first: str, second: str) -> str:
    """The longest run around ``name`` that both texts hold: the whole place as written (城北污水处理厂,
    where problem words blanked 污水 out of the name), so none of it counts as shared problem words."""
    start = first.find(name)
    if start < 0:
        return name
    begin, end = start, start + len(name)
    while begin > 0 and first[begin - 1:end] in second:
        begin -= 1
    while end < len(first) and first[begin:end + 1] in second:
        end += 1
    return first[begin:end]


def _other_numbers(first: str, second: str) -> bool:
    """Both name a building, a bus line, a numbered highway or a phase of a development and none in common:
    5栋's lift is not 3栋's, 15路 is not 9路, 207国道 is not 307国道, 一期工地 is not 二期工地, however alike the rest
    of the words (the TF-IDF text turns every number into 0)."""
    for numbers in (buildings, _bus_lines, _numbered_roads, _phases):
        a, b = numbers(first), numbers(second)
        if a and b and not a & b:
            return True
    return False


# Words for a kind of institution, with the group each belongs to: two posts about named institutions of
# one group (东湖社区卫生服务中心 / 建设街道社区卫生服务中心, 实验小学 / 育才中学) and no name in common are
# about two institutions, however alike the rest of the words. Longest first: 社区卫生服务中心 before 卫生院
# before 医院. Kinds within a group name one institution in citizens' mouths (太平镇卫生院 = 太平镇医院,
# 城南农贸市场 = 城南菜市场, bench/repeat_pairs.py 9, 42, 66). A bare 市场 or 车站 is left out: 希望市场监管局,
# 到车站 put the kind after words that are no name.
_INSTITUTION_KINDS = {
    **dict.fromkeys(("社区卫生服务中心", "社区卫生服务站", "卫生服务中心", "卫生服务站", "卫生院", "卫生室", "保健院",
                     "医院"), "health"),
    **dict.fromkeys(("幼儿园", "小学", "中学", "学校"), "school"),
    **dict.fromkeys(("派出所",), "police"),
    **dict.fromkeys(("农贸市场", "集贸市场", "菜市场", "菜场"), "market"),
    **dict.fromkeys(("汽车站", "客运站", "火车站"), "station"),
    **dict.fromkeys(("公园",), "park"),
    **dict.fromkeys(("小区",), "compound"),
    **dict.fromkeys(("工地",), "site"),
}
_INSTITUTION = re.compile("|".join(sorted(_INSTITUTION_KINDS, key=len, reverse=True)))
# Where the name in front of a kind word stops, walking left: punctuation (anything but a CJK character
# or a digit), function characters (_NOT_IN_NAMES), and verbs, prepositions and measure words that stand
# right before an institution (去医院, 到派出所, 在小学, 比县医院, 一所学校, 全小区, 整个小区); not 向 or 家, which
# names hold (向阳小学, 幸福家园小区).
_NAME_STOPS = re.compile(r"[^\u4e00-\u9fff0-9]|" + _NOT_IN_NAMES.pattern + r"|[去到从往对为有没将由于进送找住带比所座间全整]")
# Left context that names no institution: administrative levels and kinds (县医院, 镇上医院, 社区医院 are
# the nearest one, not a named one), where it is (隔壁小区, 旁边小区), when (每天晚上公园), placeholders
# (某社区卫生服务中心, XX小学) and descriptions (私立医院, 老旧小区). What is left of a name without them must be at least
# SAME_NAME_CHARS characters.
_NO_NAME = re.compile("社区|街道|居委会|附近|周边|周围|隔壁|旁边|对面|门口|楼下|后面|前面|这边|那边|整个|其他|别的"
                      "|当地|本地|老旧|私立|公立|民办|公办|正规|定点|城区|农村|乡镇|[县市区镇乡村]"
                      "|每天|天天|每晚|晚上|早上|白天|夜里|半夜|最近|现在|今天|昨天")
# …nor is what is left of it when it is only these (镇上医院, 县里医院, 大医院, 新小区); inside a name they
# stay (新华农贸市场 is named 新华, not 华).
_NO_NAME_LEFT = re.compile("[上里大小新老]*")
_PLACEHOLDER_NAME = re.compile(r"(某+|XX|xx|××|\*+)$")
# Trailing words two posts add or drop in front of the same institution (东湖社区卫生院 / 东湖社区卫生服务中心
# gives 东湖社区 / 东湖; 芦淞区建设街道 / 建设街道; 锦江城项目工地 / 锦江城建筑工地): names are compared without them.
_NAME_TAIL = re.compile("(社区|街道|居委会|项目|建筑|在建|[县市区镇乡村])+$")
# How long a shared tail of two names must be to call them one: two characters, the shortest Chinese
# place name (东湖, 城南, 育才); one (东湖 / 西湖 share 湖) is chance.
SAME_NAME_CHARS = 2


@lru_cache(maxsize=4096)
def _institutions(text: str) -> dict[str, frozenset[str]]:
    """Named institutions in a (plain) text: for each kind group, the names written in front of its kind
    words (芦淞区建设街道社区卫生服务中心 → health: 芦淞区建设), less trailing 社区 / 街道 …; a kind word with no
    name in front (社区医院, 某小学, 孩子上的小学) adds nothing."""
    found: dict[str, set[str]] = {}
    previous = 0  # a name does not run back into the institution before it (高桥镇卫生院药价比县医院)
    for match in _INSTITUTION.finditer(text):
        begin = match.start()
        while begin > previous and not _NAME_STOPS.match(text[begin - 1]):
            begin -= 1
        name, previous = text[begin:match.start()], match.end()
        left = _NO_NAME.sub("", name)
        if _PLACEHOLDER_NAME.search(name) or len(left) < SAME_NAME_CHARS or _NO_NAME_LEFT.fullmatch(left):
            continue
        found.setdefault(_INSTITUTION_KINDS[match.group()], set()).add(_NAME_TAIL.sub("", name) or name)
    return {kind: frozenset(names) for kind, names in found.items()}


@lru_cache(maxsize=4096)
def _name_cores(name: str) -> frozenset[str]:
    """Places the parser finds in a name, less their kind word (石桥村中心 → 石桥). Townships, villages, roads
    and compounds only: a shared county (芦淞区建设 / 芦淞区东湖) is not one institution."""
    return frozenset(core for p in find_places(name) if p.level in ("township", "village", "road", "compound")
                     if len(core := _NAME_TAIL.sub("", p.name)) >= SAME_NAME_CHARS)


def _same_name(first: str, second: str) -> bool:
    """Whether two names in front of a kind word are one, however much left context each took: they end
    alike (芦淞区建设 / 建设, 示例县人民 / 县人民), or one holds the place that is all the other names
    (石桥村中心小学 / 石桥村小学; not 河口镇中心小学 / 河口镇新华小学)."""
    shared = 0
    while shared < min(len(first), len(second)) and first[-1 - shared] == second[-1 - shared]:
        shared += 1
    if shared >= SAME_NAME_CHARS:
        return True
    return _only_place_of(first, second) or _only_place_of(second, first)


def _only_place_of(name: str, other: str) -> bool:
    """Whether ``other`` names nothing but a place ``name`` holds (石桥村中心 / 石桥): a name that adds its own
    words (河口镇中心 / 河口镇新华, two schools of one township) is another institution."""
    return any(core in other and not _NAME_TAIL.sub("", other.replace(core, "")) for core in _name_cores(name))


def _other_institutions(first: str, second: str) -> bool:
    """Both name an institution of one kind (医院, 小学, 派出所 …) and no name in common: 建设街道's 社区卫生服务中心
    is not 东湖社区's, as 5栋's lift is not 3栋's."""
    a, b = _institutions(first), _institutions(second)
    for kind in a.keys() & b.keys():
        if not any(_same_name(x, y) for x in a[kind] for y in b[kind]):
            return True
    return False


def _things(text: str) -> set[str]:
    return {name for name in concepts(text) if name in THINGS}


def _other_things(first: str, second: str) -> bool:
    """Both name what is wrong (problem_words.THINGS) and nothing in common: 超载超速 on the road whose
    surface is broken is another problem, whatever words the two posts share."""
    a, b = _things(first), _things(second)
    return bool(a) and bool(b) and not a & b


def _place_core(query: str, doc: str, places: Sequence[str], pool: Sequence[str] = ()) -> str:
    """A parsed place name (kind word dropped, 东方明珠小区 → 东方明珠) that both texts contain: a name
    however it ends; or the stem of a village, township or estate (柏树村 → 柏树) that both texts contain and
    no other text of ``pool`` does."""
    for place in places:
        core = _PLACE_KIND.sub("", place)
        if len(core) >= NAME_CHARS and core in query and core in doc:
            return core
    for place in places:
        stem = _STEM_KIND.sub("", place)
        if (len(stem) >= STEM_CHARS and stem != place and _stem_in(stem, place, query) and _stem_in(stem, place, doc)
                and sum(stem in text for text in pool) <= 1 and not _wider_than_both(place, query, doc)):
            return stem
    return ""


def _stem_in(stem: str, place: str, text: str) -> bool:
    """Whether ``text`` names the place by its stem: 柏树 or 柏树村, not 柏树镇 (another place of that name)."""
    kind = place[len(stem):]
    for found in re.finditer(re.escape(stem), text):
        rest = text[found.end():]
        if rest.startswith(kind) or not _OTHER_KIND.match(rest):
            return True
    return False


@lru_cache(maxsize=4)
def _pool_frequency(docs: tuple[str, ...]) -> dict[str, int]:
    # Cached: the open cases stay the same from one forwarded post to the next. Callers copy it.
    return document_frequency(docs)


def _same_place_same_problem(query: str, docs: Sequence[str], places: Sequence[Sequence[str]] = ()) -> list[float]:
    """For each doc: how much it complains about the same problem as the query, when both name the same place."""
    if not _about_one_problem(query):
        return [0.0] * len(docs)
    counts = Counter(gram for doc in [*docs, query] for gram in _bigrams(doc))
    limit = max(2.0, RARE_SHARE * (len(docs) + 1))
    query_grams, query_lines = _bigrams(query), _bus_lines(query)
    df = dict(_pool_frequency(tuple(docs))) if RESIDUAL < 1 else {}
    for gram in grams(query):
        df[gram] = df.get(gram, 0) + 1
    scores = []
    for n, doc in enumerate(docs):
        score = 0.0
        if _about_one_problem(doc):
            problem = problem_similarity(query, doc)
            if problem >= SAME_PROBLEM or RESIDUAL < 1:
                lines = query_lines & _bus_lines(doc) or _numbered_roads(query) & _numbered_roads(doc)
                rare = {g for g in query_grams & _bigrams(doc) if counts[g] <= limit}
                name = ("".join(lines) or (_shared_name_text(query, doc, rare) if rare else "")
                        or (_place_core(query, doc, places[n], docs) if places else ""))
                if name and _wider_than_both(name, query, doc):
                    name = ""
                if name:
                    if problem >= SAME_PROBLEM:
                        score = problem
                    else:
                        # No concept group names the shared problem: compare what is left of the
                        # texts without the place (all of it, even the part that held problem words).
                        name = _widen(name, query, doc)
                        if not _other_things(query.replace(name, " "), doc.replace(name, " ")):
                            residual = residual_similarity(query, doc, name, df, len(docs) + 1)
                            if residual >= RESIDUAL:
                                # Weaker evidence than shared concepts: just enough at the default
                                # threshold, so a caller asking for more gets only the stronger signals.
                                score = max(REPEAT_THRESHOLD, problem)
        scores.append(score)
    return scores


def similarity_scores(
    title: str | None, body: str | None, places: Sequence[str], cases: Sequence[OpenCase]
) -> list[float]:
    """Score of the new post against each case, in the order of `cases`."""
    if not cases:
        return []
    docs = [_text(c.title, c.body) for c in cases]
    query = _text(title, body)
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True)
    matrix = vectorizer.fit_transform([*docs, query])
    cosine = linear_kernel(matrix[-1], matrix[:-1]).ravel()
    small_places = set(places)
    scores = []
    for case, value in zip(cases, cosine, strict=True):
        bonus = 0.0
        if small_places:
            case_places = {case.place} if case.place else set()
            case_places |= _small_places(_text(case.title, case.body))
            if small_places & case_places:
                bonus = PLACE_BONUS
        scores.append(float(value) + bonus)
    plain_query, plain_docs = _plain(title, body), [_plain(c.title, c.body) for c in cases]
    # Another building, bus line or named institution: another complaint, however alike the words.
    other = [_other_numbers(plain_query, doc) or _other_institutions(plain_query, doc) for doc in plain_docs]
    scores = [0.0 if vetoed else score for score, vetoed in zip(scores, other, strict=True)]
    if max(scores) >= REPEAT_THRESHOLD:
        return scores  # a repeat in the same words: the looser same-place-same-problem signal is not needed
    names = [[*places, *(c.place.split() if c.place else ())] for c in cases]
    same_place = _same_place_same_problem(plain_query, plain_docs, names)
    return [0.0 if vetoed else max(score, same) for score, same, vetoed in zip(scores, same_place, other, strict=True)]


def find_repeat(
    title: str | None,
    body: str | None,
    places: Sequence[str],
    cases: Sequence[OpenCase],
    threshold: float = REPEAT_THRESHOLD,
) -> RepeatMatch | None:
    """The open case the new post most likely repeats, or None below `threshold`.

    `places` are the post's place names (e.g. from ParsedPost.place_mentions).
    """
    scores = similarity_scores(title, body, places, cases)
    if not scores:
        return None
    best = max(range(len(scores)), key=scores.__getitem__)
    if scores[best] < threshold:
        return None
    return RepeatMatch(cases[best].case_id, round(min(scores[best], 1.0), 3))
