"""The compressed year: working-day slots, and for each post the chain of commands that follows it.

A slot is a moment of the year (three per working day, office hours); the run sets the year's
clock to each slot in turn. A chain is what people type about one post, in order, each command
some slots after the previous one was processed (a person answers what the bot said). The mix
follows the model county's year (2,002 posts, 1,898 closed, 3,211 unit replies, 37 joint cases,
25 supervised, 11 instructions) plus the commands around them (签收, 延期, 退回, 评价, 核查).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar

from bench.year.directory import PLATFORMS, County, UnitSpec
from bench.year.texts import TextMaker

SLOT_TIMES = (time(9, 0), time(11, 30), time(15, 30))
SLOTS_PER_DAY = len(SLOT_TIMES)

# Probabilities per post (the model county's year, rounded).
JOINT = 0.02  # 37 of 2,002 had a co-unit
SUPERVISE = 0.012  # 25
INSTRUCT = 0.006  # 11
RETURN = 0.03
EXTENSION = 0.05
EXTENSION_APPROVED = 0.7
PROGRESS = 0.6  # with closing, ~1.6 unit replies per post (3,211 / 2,002)
LATE_SIGN = 0.15  # signed a day or two after dispatch: the sign reminder fires
LATE_CLOSE = 0.02  # closed after the deadline: overdue reminders, escalation
NEVER_CLOSED = 0.03
RATED = 0.25
RATINGS = (("满意", 0.6), ("基本满意", 0.3), ("不满意", 0.1))
VERIFIED = 0.95


def working_day_slots(first: date, days: int, tz: str = "Asia/Shanghai") -> list[datetime]:
    """``days`` working days from ``first`` (holidays and 调休 make-up days per chinese-calendar), three
    slots each, as aware datetimes."""
    zone = ZoneInfo(tz)
    out: list[datetime] = []
    day = first
    while len(out) < days * SLOTS_PER_DAY:
        if chinese_calendar.is_workday(day):
            out.extend(datetime.combine(day, t, tzinfo=zone) for t in SLOT_TIMES)
        day += timedelta(days=1)
    return out


@dataclass(frozen=True)
class Command:
    kind: str  # post, dispatch, sign, progress, extension, decide, return, redispatch, instruct, supervise, close, rate, verify
    delay: int  # slots after the previous command of the chain was processed
    text: str  # "{number}" stands for the case number, known once the post is processed
    sender: str  # person code
    platform: str
    chat: str


@dataclass
class Chain:
    """One post and what follows it. ``cursor`` is the next command; ``due_slot`` when it may go."""

    county: int
    index: int
    commands: list[Command]
    due_slot: int
    cursor: int = 0
    number: str | None = None
    waiting: tuple[str, str] | None = None  # (platform, msg_id) of the command awaiting processing
    sent_at_slot: int = 0
    finished: bool = False
    stuck: str = ""  # why the chain stopped early (never acknowledged, merged as a repeat …)
    outcomes: list[str] = field(default_factory=list)

    @property
    def current(self) -> Command:
        return self.commands[self.cursor]


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    roll, total = rng.random(), 0.0
    for value, weight in weighted:
        total += weight
        if roll < total:
            return value
    return weighted[-1][0]


def build_chain(rng: random.Random, texts: TextMaker, county: County, index: int, post_slot: int) -> Chain:
    """The commands about one post, drawn once: who types what, on which platform, how many slots later."""
    units = county.units
    lead = rng.choice(units)
    others = [u for u in units if u.code != lead.code]
    co = rng.choice(others) if rng.random() < JOINT else None
    citizen = texts.citizen()
    office_platform = PLATFORMS[index % len(PLATFORMS)]
    dispatcher = county.dispatchers[index % len(county.dispatchers)]
    office = county.office_members[index % len(county.office_members)]
    office_chat = county.office_chat(office_platform)

    def by_office(kind: str, delay: int, text: str, sender: str = office) -> Command:
        return Command(kind, delay, text, sender, office_platform, office_chat)

    def by_unit(unit: UnitSpec, kind: str, delay: int, text: str) -> Command:
        return Command(kind, delay, text, unit.handler, unit.platform, county.unit_chat(unit))

    commands = [by_office("post", 0, texts.post(county, lead, citizen), dispatcher)]
    co_part = f" 协办 {co.alias}" if co else ""
    if rng.random() < RETURN:
        wrong = rng.choice(others)
        commands += [by_office("dispatch", 1, f"派 {wrong.alias} {{number}}", dispatcher),
                     by_unit(wrong, "return", rng.randint(1, 2), f"退回 {{number}} {texts.return_reason(lead)}"),
                     by_office("redispatch", 1, f"派 {lead.alias}{co_part} {{number}}", dispatcher)]
    else:
        commands.append(by_office("dispatch", 1, f"派 {lead.alias}{co_part} {{number}}", dispatcher))
    late_sign = rng.random() < LATE_SIGN
    commands.append(by_unit(lead, "sign", rng.randint(3, 5) if late_sign else 1, "签收 {number}"))
    if co:
        commands.append(by_unit(co, "sign", 1, "签收 {number}"))
    if rng.random() < SUPERVISE:
        commands.append(by_office("supervise", 1, "督办 {number}"))
    if rng.random() < PROGRESS:
        commands.append(by_unit(lead, "progress", rng.randint(2, 5), f"进展 {{number}} {texts.progress(citizen)}"))
    if rng.random() < INSTRUCT:
        commands.append(by_office("instruct", 1, f"批示 {{number}} {texts.instruction(lead, citizen)}"))
    if rng.random() < EXTENSION:
        commands.append(by_unit(lead, "extension", rng.randint(1, 3),
                                f"申请延期 {{number}} {rng.randint(2, 5)}天 {texts.extension_reason(rng.choice(others))}"))
        if rng.random() < EXTENSION_APPROVED:
            commands.append(by_office("decide", 1, "同意延期 {number}"))
        else:
            commands.append(by_office("decide", 1, f"不同意延期 {{number}} {texts.rejection_note()}"))
    if co:
        commands.append(by_unit(co, "close", rng.randint(1, 3), f"已办结 {{number}} {texts.final(citizen, lead.alias)}"))
    roll = rng.random()
    if roll < NEVER_CLOSED:
        return Chain(county.index, index, commands, post_slot)
    close_delay = rng.randint(24, 30) if roll < NEVER_CLOSED + LATE_CLOSE else rng.randint(3, 8)
    place = rng.choice(lead.places or tuple(county.places))
    commands.append(by_unit(lead, "close", close_delay, f"已办结 {{number}} {texts.final(citizen, place)}"))
    if rng.random() < RATED:
        level = _pick(rng, RATINGS)
        commands.append(by_office("rate", 1, f"评价 {level} {{number}}"))
        if level == "不满意":  # reopened: the unit closes it again
            commands.append(by_unit(lead, "close", rng.randint(3, 6), f"已办结 {{number}} {texts.final(citizen, place)}"))
    if rng.random() < VERIFIED:
        commands.append(by_office("verify", rng.randint(1, 3), "核查通过 {number}"))
    return Chain(county.index, index, commands, post_slot)


def build_chains(seed: int, texts: TextMaker, counties: list[County], posts: int, slots: int) -> list[Chain]:
    """``posts`` chains over the counties (round-robin), each post at a random slot, leaving the last
    tenth of the slots (at most 10 working days) for chains to finish."""
    rng = random.Random(seed)
    tail = min(10 * SLOTS_PER_DAY, max(1, slots // 10))
    last = max(1, slots - tail)
    chains = []
    for index in range(posts):
        county = counties[index % len(counties)]
        chains.append(build_chain(rng, texts, county, index, rng.randrange(last)))
    chains.sort(key=lambda c: (c.due_slot, c.index))
    return chains
