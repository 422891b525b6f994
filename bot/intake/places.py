"""Place mentions in a post: province, city, county/district, township/street, village/community,
road, compound.

Three sources, in this order of trust:
1. the placeholder areas of the routing data ("A市", "A3区", "A7县");
2. a gazetteer: China's administrative divisions down to townships (gazetteer.py, from
   jionlp's data) plus the configured units' own `places` (`known`), longest match first;
3. for names no gazetteer knows (villages, roads, compounds, "某某市"), the closed set of
   suffixes, with the left edge of the name found by word segmentation (jieba, part of speech):
   the name stops at a verb, a time word, a quantity or a generic noun, so "留言详情投诉某某市"
   gives "某某市", and idioms ("走投无路") or generic words ("一线城市", "居住区") give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.intake.gazetteer import divisions

# Ordered from the largest to the smallest administrative level.
LEVELS = ("province", "city", "county", "township", "village", "road", "compound")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

# Characters that never occur inside a name: function words that often stand right before a
# place ("在幸福小区", "我们村"). Characters that can (中山路, 向阳村, 七里村) are left to the
# part-of-speech trim.
_STOP_CHARS = set("的在了是我你他她们与及到从于对把被这那该个有为就也都将由给让请跟至离")
_PLACEHOLDER = re.compile(r"(?<![A-Za-z0-9])([A-Z]\d{0,2})(市|区|县)")
# Suffix → level. A suffix cuts a run of name characters into a place; longer suffixes win
# at the same position ("小区" over "区"). Weak suffixes only count at the end of a run,
# because they also occur inside names ("锦绣华庭小区").
_STRONG_SUFFIXES: dict[str, str] = {
    "居委会": "village",
    "小区": "compound",
    "社区": "village",
    "街道": "township",
    "花园": "compound",
    "家园": "compound",
    "公寓": "compound",
    "新村": "compound",
    "大厦": "compound",
    "华庭": "compound",
    # Names estates take in place of 小区 ("恒大名都", "滨江名城", "锦绣华城", "书香门第").
    "名都": "compound",
    "名城": "compound",
    "华城": "compound",
    "华府": "compound",
    "门第": "compound",
    "公馆": "compound",
    "山庄": "compound",
    "广场": "compound",
    "大道": "road",
    "省": "province",
    "镇": "township",
    "村": "village",
    "路": "road",
    "县": "county",
    "区": "county",
    "市": "city",
    "乡": "township",
    "街": "road",
    "巷": "road",
}
_WEAK_SUFFIXES: dict[str, str] = {"苑": "compound", "庭": "compound", "园": "compound", "新城": "compound",
                                   "湾": "compound", "宿舍": "compound"}
# Words after a weak suffix that show it ended a compound's name ("紫薇苑门口", "银杉苑小区").
_AFTER_COMPOUND = ("门口", "楼下", "附近", "旁边", "对面", "小区", "北门", "南门", "东门", "西门", "大门", "里面", "业主", "物业")
# A suffix char followed by these is part of a longer word, not the end of a place.
_NOT_END_BEFORE = {
    "家园": "小",
    "花园": "小",
    "广场": "舞",
    "华庭": "小",
    "名都": "小",
    "名城": "小",
    "华城": "小",
    "新村": "小",
    "公寓": "小",
    "街": "道",
    "市": "场民级委政",
    "区": "域别",
    "路": "线费灯面",
    "县": "级委政",
    "镇": "政里上",
    "乡": "镇村",
}
# Words ending in a place suffix that are not places.
_NOT_PLACES = {
    "城市",
    "超市",
    "门市",
    "菜市",
    "夜市",
    "都市",
    "股市",
    "上市",
    "全市",
    "本市",
    "该市",
    "各市",
    "城区",
    "小区",
    "社区",
    "园区",
    "景区",
    "校区",
    "片区",
    "辖区",
    "区县",
    "本区",
    "全区",
    "郊区",
    "地区",
    "山区",
    "老区",
    "新区",
    "城乡",
    "家乡",
    "老乡",
    "故乡",
    "下乡",
    "返乡",
    "乡镇",
    "城镇",
    "村镇",
    "全县",
    "本县",
    "各县",
    "农村",
    "全村",
    "本村",
    "山村",
    "乡村",
    "马路",
    "道路",
    "公路",
    "出路",
    "思路",
    "线路",
    "电路",
    "一路",
    "走路",
    "修路",
    "铁路",
    "网路",
    "大街",
    "上街",
    "逛街",
    "街道",
    "花园",
    "公园",
    "乐园",
    "校园",
    "家园",
    "田园",
    "果园",
    "菜园",
    "幼儿园",
    "庄园",
    "新城",
    "广场",
    "大厦",
    "公寓",
    "新村",
    "社区居委会",
    "宿舍区",
    "居住区",
    "评论区",
    "留言区",
    "生活区",
    "服务区",
    "保护区",
    "风景区",
    "老城区",
    "示范区",
    "城中村",
    "居委会",
    "公交线路",
    "老旧小区",
    "新建小区",
    "全镇",
    "本镇",
}
_GENERIC_PREFIXES = (
    "附近",
    "周边",
    "所在",
    "整个",
    "这个",
    "那个",
    "一个",
    "各个",
    "所有",
    "每个",
    "旁边",
    "位于",
    "就在",
)


@dataclass(frozen=True)
class PlaceMention:
    name: str
    level: str  # one of LEVELS


def _clean_name(name: str) -> str | None:
    for prefix in _GENERIC_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :]
    if len(name) < 2 or name in _NOT_PLACES:
        return None
    return name


def _is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch not in _STOP_CHARS


def _places_in_run(run: str) -> list[tuple[int, int, str]]:
    """(start, end, level) of places inside one run of name characters."""
    out: list[tuple[int, int, str]] = []
    seg = 0
    i = 0
    while i < len(run):
        best: tuple[int, str] | None = None
        for suffix, level in _STRONG_SUFFIXES.items():
            end = i + len(suffix)
            if run.startswith(suffix, i) and (best is None or end > best[0]):
                if end < len(run) and run[end] in _NOT_END_BEFORE.get(suffix, ""):
                    continue
                best = (end, level)
        if best is not None and best[0] - len(_longest_suffix_at(run, i)) - seg >= 2:
            out.append((seg, best[0], best[1]))
            seg = i = best[0]
            continue
        i += 1
    tail = run[seg:]
    for suffix, level in _WEAK_SUFFIXES.items():
        if tail.endswith(suffix) and len(tail) - len(suffix) >= 2:
            out.append((seg, len(run), level))
            break
        for word in _AFTER_COMPOUND:
            at = tail.find(suffix + word)
            if at >= 2:
                out.append((seg, seg + at + len(suffix), level))
                return out
    return out


def _longest_suffix_at(run: str, i: int) -> str:
    return max((s for s in _STRONG_SUFFIXES if run.startswith(s, i)), key=len, default="")


# What comes before 路/街/大道 in a road's kind rather than its name ("水泥路", "快速路", "步行街"): a
# dictionary word made of these is no road's name, any other dictionary word of three characters or
# more is ("学府路", "五一路").
_ROAD_SUFFIXES = ("大道", "路", "街")
_ROAD_KIND_STEMS = {"快速", "高速", "水泥", "柏油", "石子", "砂石", "碎石", "沙石", "泥巴", "黄泥", "机耕", "盘山", "十字",
                    "丁字", "单行", "步行", "商业", "主干", "人行", "乡村", "通村", "林荫", "回家", "上学", "必经", "断头",
                    "美食", "小吃", "酒吧"}
# Locality words that start a road's or a place's name ("沿江大道", "江北路"); the others say where
# something is relative to it ("附近", "旁边", "门前") and never do.
_LOCALITY_NOT_NAME_END = set("边面头间里外内上下前后近旁中")
# Parts of speech (jieba) that can be part of a place name; anything else ends it on the left.
_NAME_FLAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "n", "ng", "j", "x", "eng", "nw", "vn"}
_PROPER_FLAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "x", "eng"}
# Placeholder words citizens and the data use for a withheld name.
_PLACEHOLDER_WORDS = {"某某", "某", "XX", "xx", "××"}
# Verbs and nouns that jieba tags as nouns but never start a name ("投诉", "领导", "村民").
_NOT_NAME_WORDS = {"村民", "居民", "业主", "领导", "政府", "部门", "门口", "附近", "周边", "问题", "情况", "详情", "留言",
                   "投诉", "反映", "建设", "办理", "管理", "工作", "群众", "百姓", "老百姓", "市民", "网友", "孩子",
                   "学生", "家长", "老师", "社会主义", "城乡", "农村", "建议", "举报", "咨询", "求助", "热点",
                   "学校", "医院", "菜市场", "超市", "红绿灯", "十字", "职工", "员工", "教职工", "单位"}
_MAX_NAME = 22  # longest division name ("双江拉祜族佤族布朗族傣族自治县")


def _level_of(name: str) -> str:
    for suffix, level in sorted({**_STRONG_SUFFIXES, **_WEAK_SUFFIXES}.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return level
    return "village"


@lru_cache(maxsize=8)
def _index(known: tuple[str, ...]) -> dict[str, str]:
    index = dict(divisions())
    for name in known:
        if len(name) >= 2:
            index.setdefault(name, _level_of(name))
    return index


def _tokens(text: str) -> list[Any]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # its "Building prefix dict" lines are noise in the worker log
    return list(jieba.posseg.cut(text))


def _is_common_word(word: str) -> bool:
    import jieba

    return bool(jieba.dt.FREQ.get(word))


def _trim_left(name: str, suffix: str) -> str | None:
    """The place name that ends `name`: its left edge by part of speech, or None if generic."""
    tokens = _tokens(name)
    if not tokens:
        return None
    last = tokens[-1]
    if len(last.word) < len(suffix):
        # jieba cut through the suffix ("市荆"): trust the characters, not the words.
        return name
    if len(last.word) > len(suffix):
        if last.flag in ("i", "l"):
            return None  # an idiom or set phrase ending in 路/村/区: 走投无路
        if (suffix in _ROAD_SUFFIXES and len(last.word) - len(suffix) >= 2
                and last.word[: -len(suffix)] not in _ROAD_KIND_STEMS
                and last.flag not in ("v", "vn", *_PROPER_FLAGS)
                and last.word[-len(suffix) - 1] not in "条段线"):  # 整条路, 公交线路
            return last.word  # a road the dictionary knows by name: 学府路, 五一路
        if last.flag not in _PROPER_FLAGS and _is_common_word(last.word):
            # A generic noun (居住区, 快速路, 示范村) is a place only after a proper name.
            previous = tokens[-2] if len(tokens) > 1 else None
            if previous is not None and previous.flag in _PROPER_FLAGS:
                return previous.word + last.word
            return None
    if (last.word in _DIRECTION_ROADS and len(tokens) > 1 and len(tokens[-2].word) == 2
            and tokens[-2].flag in ("v", "vn", "n", "a")
            and (tokens[-2].word == "建设" or tokens[-2].word not in _NOT_NAME_WORDS)):
        return tokens[-2].word + last.word  # 解放|西路, 建设|中路: jieba tags the name a verb
    kept = [last]
    for token in reversed(tokens[:-1]):
        stem = sum(len(t.word) for t in kept) - len(suffix)
        if stem == 1 and len(token.word) == 1 and token.flag not in ("p", "u", "uj", "c", "d", "r", "m", "q", "x"):
            # jieba cut one character off a two-character name (建|新村): it belongs to the name,
            # which ends there.
            kept.insert(0, token)
            break
        only_suffix = len(kept) == 1 and kept[0].word == suffix
        if token.word in _PLACEHOLDER_WORDS:
            kept.insert(0, token)
        elif token.word in _NOT_NAME_WORDS or token.word.endswith(("局", "委", "院", "处", "所", "队", "厅", "办", "站")):
            break  # a unit's name ("公安分局") is not part of the place after it
        elif token.flag in _NAME_FLAGS or (token.flag in ("a", "t") and (not only_suffix or len(token.word) >= 2)
                                           and (token.flag == "a" or suffix in ("花园", "家园", "华庭"))):
            kept.insert(0, token)  # 和谐家园, 幸福小区: a two-character adjective starts many names
        elif (token.flag == "s" and len(token.word) == 2 and token.word[0] in "东西南北" and not only_suffix):
            kept.insert(0, token)  # 东方|名苑小区
            break
        elif (token.flag == "f" and only_suffix and len(token.word) == 2
              and token.word[-1] not in _LOCALITY_NOT_NAME_END):
            kept.insert(0, token)  # 沿江|大道, 江北|路: a locality word is the name
            break
        elif len(token.word) == 1 and token.flag in ("zg", "f", "b", "ng") and len(tokens) > 2:
            kept.insert(0, token)  # a character jieba could not place inside a name: 翡翠湾小区, 幸福里小区
        elif token.flag == "m" and only_suffix and not re.search(r"[个张条只支件次位名些几]$|两三|三四|几", token.word):
            kept.insert(0, token)  # numbers in names: 七里村, 五一路
            break
        else:
            break
    return "".join(t.word for t in kept)


def _suffix_of(name: str) -> str:
    return max((x for x in {**_STRONG_SUFFIXES, **_WEAK_SUFFIXES} if name.endswith(x)), key=len, default="")


def bare_name(name: str) -> str:
    """`name` without its place suffix when two characters or more stay (长沙市 → 长沙, 东湖社区 → 东湖),
    to compare two mentions of one place written with and without it."""
    suffix = _suffix_of(name)
    return name[: -len(suffix)] if suffix and len(name) > len(suffix) + 1 else name


@lru_cache(maxsize=1)
def _short_cities() -> frozenset[str]:
    """Prefecture-level city names without 市 ("长沙" for 长沙市): citizens drop it before a district."""
    return frozenset(name[:-1] for name, level in divisions().items()
                     if level == "city" and name.endswith("市") and len(name) >= 3)


_ROAD_AHEAD = re.compile(r"[\u4e00-\u9fff]{2,4}(?:大道|路|街)")


def _starts_with_division(text: str, at: int, index: dict[str, str]) -> bool:
    """A county or township name, or a road ("常德澧州大道"), starts at `at`."""
    return bool(_ROAD_AHEAD.match(text, at)) or any(
        text[at : at + n] in index and index[text[at : at + n]] in ("county", "township")
        for n in range(2, min(_MAX_NAME, len(text) - at) + 1))


_DIRECTIONAL_ROAD = re.compile(r"[东西南北中]路$")
# Parts of speech that never start a place name: verbs, prepositions, adverbs, conjunctions,
# pronouns, particles, locality words, measure words, time words, numerals.
_NEVER_FIRST = {"v", "p", "d", "c", "r", "u", "uj", "ul", "uz", "ad", "f", "q", "t", "m", "i", "l", "zg"}
# Parts of speech of a last word that make "…路" an action, not a road ("出租车拒载|绕路", "让路").
_ACTION_LAST = {"v", "vn", "i", "l", "a", "d", "ad"}


_DIRECTION_ROADS = {"东路", "西路", "南路", "北路", "中路"}
# Verbs for work done to a road: "…镇|修好路" is no road named 修好, "…镇|警予路" is one named 警予.
_ROAD_WORK_VERBS = {"修好", "修通", "硬化", "铺好", "拓宽", "封闭", "改造", "维修", "修建", "新修", "开通", "打通", "堵塞",
                    "占用", "挖断", "挖开", "压坏", "损坏", "破坏", "不通", "没有", "只有", "绕道"}


def _starts_like_a_name(name: str) -> bool:
    """A road with a direction ("大庸东路", "五一中路") is a name whatever jieba says of its first
    word; otherwise the first word must be one a name can start with."""
    if _DIRECTIONAL_ROAD.search(name):
        return True
    tokens = _tokens(name)
    if (len(tokens) == 2 and tokens[1].word == _suffix_of(name) and len(tokens[0].word) == 2
            and tokens[0].flag in ("v", "vn") and tokens[0].word not in _ROAD_WORK_VERBS):
        return True  # a two-character name jieba took for a verb, right after a place: 卢峰镇|警予路
    if not tokens or tokens[0].flag in _NEVER_FIRST:
        return False
    last = tokens[-1]
    if any(t.flag == "v" for t in tokens):
        return False  # a clause, not a name: "出租车|拒载|绕路"
    return not (len(last.word) > len(_suffix_of(name)) and last.flag in _ACTION_LAST)


def _starts_generic(name: str) -> bool:
    """A name that starts with a word no place name starts with ("建议…", "投诉…", "附近…").
    建设 starts many road names (建设路, 建设北路), so it is allowed here."""
    return any(name.startswith(word) for word in _NOT_NAME_WORDS if word != "建设") or any(
        name.startswith(prefix) for prefix in _GENERIC_PREFIXES)


def find_places(text: str, known: Iterable[str] = ()) -> list[PlaceMention]:
    """Place mentions, largest level first, then in order of appearance; de-duplicated by name.

    `known` adds names the gazetteer lacks (the configured units' `places`).
    """
    found: list[tuple[int, PlaceMention]] = []
    seen: set[str] = set()
    for m in _PLACEHOLDER.finditer(text):
        name = m.group(0)
        if name not in seen:
            seen.add(name)
            found.append((m.start(), PlaceMention(name, "city" if m.group(2) == "市" else "county")))
    # Placeholders become separators so that "A3区洋湖街道" yields "洋湖街道", not "区洋湖街道".
    masked = _PLACEHOLDER.sub(lambda m: "#" * len(m.group(0)), text)
    index = _index(tuple(sorted(set(known))))
    taken: list[tuple[int, int]] = []
    i = 0
    while i < len(masked):
        for length in range(min(_MAX_NAME, len(masked) - i), 1, -1):
            name = masked[i : i + length]
            if name in index and name not in _NOT_PLACES:
                taken.append((i, i + length))
                if name not in seen:
                    seen.add(name)
                    found.append((i, PlaceMention(name, index[name])))
                i += length - 1
                break
        else:
            # A city named without 市 right before one of its divisions ("长沙岳麓区", "株洲茶陵县").
            for length in (3, 2):
                short = masked[i : i + length]
                if short in _short_cities() and _starts_with_division(masked, i + length, index):
                    taken.append((i, i + length))
                    if short not in seen:
                        seen.add(short)
                        found.append((i, PlaceMention(short, "city")))
                    i += length - 1
                    break
        i += 1
    taken_ends = {b for _a, b in taken}
    for run_match in re.finditer(r"[\u4e00-\u9fff]+", masked):
        run_start = run_match.start()
        run = run_match.group(0)
        # Split further at stop characters; a name never spans one.
        pos = 0
        for piece in re.split(f"([{''.join(sorted(_STOP_CHARS))}])", run):
            if len(piece) > 1 or (piece and _is_name_char(piece)):
                for start, end, level in _places_in_run(piece):
                    begin = run_start + pos + start
                    stop = run_start + pos + end
                    # The gazetteer already read the head of this stretch ("攸县|文化路"): the rest
                    # may still be a name.
                    covered = [b for a, b in taken if a < stop and begin < b]
                    # Right after a division or a place just read, what runs up to the suffix is
                    # this place's name ("耒阳市|五一中路|锦绣华城", "崇文街道|大庸东路"), unless it
                    # starts with a verb or a function word ("星沙大道|要封路", "镇|往七里村").
                    anchored = bool(covered) or begin in taken_ends
                    if covered:
                        after = max(covered)
                        if after >= stop or any(after <= a < stop for a, _b in taken):
                            continue
                        start += after - begin
                        begin = after
                    candidate = piece[start:end]
                    suffix = _suffix_of(candidate)
                    if suffix == "新村" and len(candidate) == 3:
                        suffix, level = "村", "village"  # 建新村 is a village named 建新, not a 新村
                    if (anchored and 2 <= len(candidate) - len(suffix) <= 6 and not _starts_generic(candidate)
                            and _starts_like_a_name(candidate)):
                        trimmed: str | None = candidate
                    else:
                        trimmed = _trim_left(candidate, suffix)
                    if trimmed is None or len(trimmed) - len(suffix) < 2:
                        continue
                    taken_ends.add(begin + len(candidate))
                    cleaned = _clean_name(trimmed)
                    if cleaned is None or cleaned in seen:
                        continue
                    seen.add(cleaned)
                    found.append((begin + len(candidate) - len(cleaned), PlaceMention(cleaned, level)))
            pos += len(piece)
    # Largest area first (province → compound), ties in order of appearance.
    return [m for _, m in sorted(found, key=lambda f: (LEVEL_RANK[f[1].level], f[0]))]
