"""Place mentions in a post: city, county/district, township/street, village/community, road, compound.

Rule-based on purpose: the names are open-ended (every village has one) but the suffixes are
a closed set, and the routing data uses placeholder areas such as "A市", "A3区", "A7县".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Ordered from the largest to the smallest administrative level.
LEVELS = ("city", "county", "township", "village", "road", "compound")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

# Characters that end a name to the left: function words and verbs that often stand right
# before a place ("位于东湖街道", "在幸福小区", "我们村").
_STOP_CHARS = set("的在了是我你他她们与及到从于对把被向往这那该个有为就也都将由自给让请跟同至近旁边里内外上下中")
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
    "广场": "compound",
    "大道": "road",
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
_WEAK_SUFFIXES: dict[str, str] = {"苑": "compound", "庭": "compound", "园": "compound", "新城": "compound"}
# A suffix char followed by these is part of a longer word, not the end of a place.
_NOT_END_BEFORE = {
    "家园": "小",
    "花园": "小",
    "新村": "小",
    "公寓": "小",
    "街": "道",
    "市": "场民级委政",
    "区": "域别",
    "路": "线费灯",
    "县": "级委政",
    "镇": "政",
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
    "居委会",
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
    return out


def _longest_suffix_at(run: str, i: int) -> str:
    return max((s for s in _STRONG_SUFFIXES if run.startswith(s, i)), key=len, default="")


def find_places(text: str) -> list[PlaceMention]:
    """Place mentions in order of first appearance, de-duplicated by name."""
    found: list[tuple[int, PlaceMention]] = []
    seen: set[str] = set()
    for m in _PLACEHOLDER.finditer(text):
        name = m.group(0)
        if name not in seen:
            seen.add(name)
            found.append((m.start(), PlaceMention(name, "city" if m.group(2) == "市" else "county")))
    # Placeholders become separators so that "A3区洋湖街道" yields "洋湖街道", not "区洋湖街道".
    masked = _PLACEHOLDER.sub(lambda m: "#" * len(m.group(0)), text)
    for run_match in re.finditer(r"[\u4e00-\u9fff]+", masked):
        run_start = run_match.start()
        run = run_match.group(0)
        # Split further at stop characters; a name never spans one.
        pos = 0
        for piece in re.split(f"([{''.join(sorted(_STOP_CHARS))}])", run):
            if len(piece) > 1 or (piece and _is_name_char(piece)):
                for start, end, level in _places_in_run(piece):
                    cleaned = _clean_name(piece[start:end])
                    if cleaned is None or cleaned in seen:
                        continue
                    seen.add(cleaned)
                    found.append((run_start + pos + start, PlaceMention(cleaned, level)))
            pos += len(piece)
    # Largest area first (city → compound), ties in order of appearance.
    return [m for _, m in sorted(found, key=lambda f: (LEVEL_RANK[f[1].level], f[0]))]
