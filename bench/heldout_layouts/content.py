"""Fill a scenario with real Hunan places and an optional phone number; record the exact labels."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from random import Random

try:
    from .places import COMPOUNDS, DEPARTMENTS, DISTRICTS, VILLAGES, District
    from .scenarios import GENERIC_DETAILS, SCENARIOS, Scenario
    from .timefmt import to_fullwidth
except ImportError:  # run as a script from this folder
    from places import COMPOUNDS, DEPARTMENTS, DISTRICTS, VILLAGES, District  # type: ignore[no-redef]
    from scenarios import GENERIC_DETAILS, SCENARIOS, Scenario  # type: ignore[no-redef]
    from timefmt import to_fullwidth  # type: ignore[no-redef]

MOBILE_PREFIXES = ("130", "131", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
                   "155", "158", "159", "173", "177", "180", "182", "185", "186", "187", "188", "189", "199")
AREA_CODES = {"长沙市": "0731", "株洲市": "0731", "湘潭市": "0731", "衡阳市": "0734"}
PHONE_SENTENCES = ("联系电话：{p}。", "我的电话是{p}，", "如需核实请联系{p}。", "本人电话{p}，", "电话{p}。")


@dataclass
class Message:
    title: str
    paragraphs: list[str]
    places: list[str]
    phones: list[str]
    category: str
    kind: str
    district: District
    units: tuple[str, ...]  # plausible addressees (留言对象) for this message
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return "".join(self.paragraphs)


def _slot_values(rng: Random, district: District) -> dict[str, str]:
    roads = rng.sample(district.roads, 2) if len(district.roads) > 1 else [district.roads[0]] * 2
    streets = district.streets or district.towns
    city_form = rng.choices(["full", "short", "none"], weights=[6, 2, 2])[0]
    if district.name.startswith(district.city[:2]):  # 长沙 + 长沙县 would read oddly
        city_form = rng.choice(["full", "none"])
    city = {"full": district.city, "short": district.city[:-1], "none": ""}[city_form]
    return {
        "city": city,
        "dist": district.name,
        "street": rng.choice(streets),
        "town": rng.choice(district.towns) if district.towns else rng.choice(streets),
        "village": rng.choice(VILLAGES),
        "road": roads[0],
        "road2": roads[1],
        "compound": rng.choice(COMPOUNDS),
    }


def _fill(template: str, slots: dict[str, str], used: set[str]) -> str:
    used.update(name for _, name, _, _ in string.Formatter().parse(template) if name)
    return template.format(**slots)


def make_phone(rng: Random, city: str) -> tuple[str, str]:
    """(as written, digits only). Written forms vary the way citizens type numbers."""
    style = rng.choices(["plain", "spaced", "dashed", "fullwidth", "landline"], weights=[4, 2, 2, 2, 1])[0]
    if style == "landline":
        area = AREA_CODES[city]
        local = str(rng.choice((8, 5))) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        return f"{area}-{local}", area + local
    digits = rng.choice(MOBILE_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    written = {
        "plain": digits,
        "spaced": f"{digits[:3]} {digits[3:7]} {digits[7:]}",
        "dashed": f"{digits[:3]}-{digits[3:7]}-{digits[7:]}",
        "fullwidth": to_fullwidth(digits),
    }[style]
    return written, digits


def _pick_sentences(rng: Random, scenario: Scenario, slots: dict[str, str], used: set[str],
                    min_len: int, max_len: int, phone: str | None) -> list[str]:
    opening = _fill(rng.choice(scenario.openings), slots, used)
    closing = _fill(rng.choice(scenario.closings), slots, used)
    phone_part = rng.choice(PHONE_SENTENCES).format(p=phone) if phone else ""
    target = rng.randint(min_len, max_len)
    details: list[str] = []
    pool = list(scenario.details)
    rng.shuffle(pool)
    generic = list(GENERIC_DETAILS[scenario.kind])
    rng.shuffle(generic)
    for sentence in pool + generic[:3]:
        text = _fill(sentence, slots, set())
        size = len(opening) + len(closing) + len(phone_part) + sum(map(len, details))
        if size >= target or size + len(text) > max_len:
            break
        details.append(text)
    # Record slots only of sentences that were kept.
    for sentence in scenario.details:
        if _fill(sentence, slots, set()) in details:
            _fill(sentence, slots, used)
    parts = [opening, *details]
    if phone_part:
        parts.append(phone_part)
    parts.append(closing)
    return parts


def _paragraphs(rng: Random, sentences: list[str]) -> list[str]:
    """Group sentences into one or two paragraphs, as citizens break longer posts."""
    # Only break after a full stop: "我的电话是…，" must stay with the sentence that follows it.
    cuts = [i for i in range(1, len(sentences)) if sentences[i - 1][-1] in "。？！"]
    if not cuts or rng.random() < 0.4:
        return ["".join(sentences)]
    cut = rng.choice(cuts)
    return ["".join(sentences[:cut]), "".join(sentences[cut:])]


def _ordered_places(text: str, slots: dict[str, str], used: set[str]) -> list[str]:
    names = {slots[s] for s in used if slots.get(s)}
    # Longest first so a short city form never claims the position of a longer name it is part of.
    positions = {name: text.find(name) for name in sorted(names, key=len, reverse=True)}
    missing = [n for n, pos in positions.items() if pos < 0]
    if missing:
        raise AssertionError(f"slot values missing from text: {missing}")
    return sorted(positions, key=lambda n: (positions[n], -len(n)))


def _units(district: District, category: str) -> tuple[str, ...]:
    departments = DEPARTMENTS[category]
    local = [f"{district.name}{d}" for d in departments]
    prefixed = [f"{district.city}{district.name}{d}" for d in departments]
    return (f"{district.city}{district.name}人民政府", f"{district.name}人民政府", *local, *prefixed,
            f"{district.city}{departments[0]}")


def make_message(rng: Random, min_len: int = 60, max_len: int = 300, phone_rate: float = 0.3,
                 titled: bool = True) -> Message:
    """A complaint; with titled=False the page shows no title, so only body places are labelled."""
    scenario = rng.choice(SCENARIOS)
    pool = [d for d in DISTRICTS if d.towns] if scenario.rural else list(DISTRICTS)
    district = rng.choice(pool)
    slots = _slot_values(rng, district)
    used: set[str] = set()
    title = _fill(rng.choice(scenario.titles), slots, used if titled else set())
    phone_written, phone_digits = make_phone(rng, district.city) if rng.random() < phone_rate else (None, None)
    sentences = _pick_sentences(rng, scenario, slots, used, min_len, max_len, phone_written)
    paragraphs = _paragraphs(rng, sentences)
    body = "".join(paragraphs)
    return Message(
        title=title,
        paragraphs=paragraphs,
        places=_ordered_places((title if titled else "") + body, slots, used),
        phones=[phone_digits] if phone_digits else [],
        category=scenario.category,
        kind=scenario.kind,
        district=district,
        units=_units(district, scenario.category),
    )
