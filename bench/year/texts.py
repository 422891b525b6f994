"""Synthetic citizens' posts and the free text of handlers' commands, all seeded.

Posts carry what real ones carry and logs must never show: the citizen's name, a mobile number,
sometimes an ID number (with a valid check digit, so a pattern match would find it). Every value
handed out is remembered in ``Secrets`` for the log scan.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.year.directory import County, UnitSpec, person_name

SOURCES = ("红网百姓呼声", "问政湖南", "12345热线", "抖音", "微博", "微信公众号")
DETAILS = ("已经反映多次没有结果", "严重影响周边居民生活", "老人小孩出行很不方便", "晚上根本睡不着觉", "存在很大安全隐患",
           "找过社区也没人管", "附近商户意见很大", "下雨天尤其严重", "已经持续一个多月", "希望领导重视")
AREA_CODES = ("430102", "430103", "430111", "430121", "430181", "430202", "430302", "430421", "430524", "430621")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_number(rng: random.Random) -> str:
    """An 18-digit resident ID number with a correct GB 11643 check digit."""
    body = (f"{rng.choice(AREA_CODES)}{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            f"{rng.randint(0, 999):03d}")
    return body + ID_CHECK[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True)) % 11]


def mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"


@dataclass
class Secrets:
    """What must not appear in any log line."""

    names: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    id_numbers: set[str] = field(default_factory=set)
    bodies: list[str] = field(default_factory=list)  # every text sent to the bot

    def add_county(self, county: County) -> None:
        self.names.update(county.names.values())


@dataclass(frozen=True)
class Citizen:
    name: str
    phone: str
    id_number: str


class TextMaker:
    def __init__(self, rng: random.Random, secrets: Secrets) -> None:
        self.rng = rng
        self.secrets = secrets

    def citizen(self) -> Citizen:
        citizen = Citizen(person_name(self.rng), mobile(self.rng), id_number(self.rng))
        self.secrets.names.add(citizen.name)
        self.secrets.phones.add(citizen.phone)
        self.secrets.id_numbers.add(citizen.id_number)
        return citizen

    def remember(self, text: str) -> str:
        self.secrets.bodies.append(text)
        return text

    def post(self, county: County, unit: UnitSpec, citizen: Citizen) -> str:
        rng = self.rng
        place = rng.choice(unit.places or tuple(county.places))
        where = f"{place}{rng.randint(1, 40)}号{rng.choice(('附近', '旁边', '门口', '一带'))}"
        problem, detail, source = rng.choice(unit.problems), rng.choice(DETAILS), rng.choice(SOURCES)
        asks = rng.choice(("希望有关部门尽快处理", "请问这种情况归哪个部门管", "建议增加巡查", "恳请帮帮我们"))
        shape = rng.randrange(3)
        if shape == 0:
            text = (f"网民“{citizen.name}”在{source}留言：{county.name}{where}{problem}，{detail}，{asks}。"
                    f"联系电话：{citizen.phone}")
        elif shape == 1:
            text = (f"【{source}】{county.name}{where}{problem}。{detail}。本人{citizen.name}，"
                    f"身份证号{citizen.id_number}，电话{citizen.phone}，{asks}。")
        else:
            text = f"{source}网友反映：{where}{problem}已经{rng.randint(2, 30)}天了，{detail}，{asks}。"
        return self.remember(text)

    def progress(self, citizen: Citizen) -> str:
        return self.remember(f"已联系网民{citizen.name}，正在协调处理，预计{self.rng.randint(2, 5)}日内完成")

    def final(self, citizen: Citizen, place: str) -> str:
        return self.remember(f"经核实，{place}反映的问题已处理完毕，已电话回访网民{citizen.name}（{citizen.phone}），"
                             "网民表示认可")

    def extension_reason(self, other: UnitSpec) -> str:
        return self.remember(f"需协调{other.alias}等多个部门共同处理")

    def return_reason(self, other: UnitSpec) -> str:
        return self.remember(f"该事项不属于本单位职责，建议转{other.alias}办理")

    def instruction(self, unit: UnitSpec, citizen: Citizen) -> str:
        return self.remember(f"请{unit.alias}高度重视，{self.rng.randint(2, 5)}日内办结并回复网民{citizen.name}")

    def rejection_note(self) -> str:
        return self.remember("原时限内可以办结，请抓紧办理")
