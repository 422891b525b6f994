"""换班: two people of the office swap duty shifts, or one takes over another's shift (代班).

``换班 12月3日 12月5日`` swaps the people of those two shifts; ``换班 12月3日 钱雨`` gives the 3rd's shift
to 钱雨. A dispatcher may change only a shift they stand; the office may change any.
"""

from __future__ import annotations

from bot.cases import roster
from bot.cases.errors import LifecycleError
from handlers.context import ChatContext

USAGE = "换班格式：换班 12月3日 12月5日（两班对调），或 换班 12月3日 钱雨（由钱雨代班）"


def swap_shift(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    assert ctx.sender is not None
    calc = ctx.services.deadlines
    today = calc.local(ctx.now).date()
    first_day = roster.parse_day(args.get("first", ""), today)
    if first_day is None:
        raise LifecycleError(USAGE)
    first = roster.shift_on(ctx.session, first_day, calc.zone)
    second_day = roster.parse_day(args.get("second", ""), today)
    before = {first.id: first.person}
    person = None
    if second_day is not None:
        second = roster.shift_on(ctx.session, second_day, calc.zone)
        before[second.id] = second.person
        changed = [first, second]
    else:
        person = roster.find_duty_person(ctx.session, args.get("second", "").strip())
        if person is None:
            names = "、".join(p.name for p in roster.duty_people(ctx.session))
            raise LifecycleError(f"未找到值班人员“{args.get('second', '')}”。可值班：{names}。{USAGE}")
        changed = [first]
    if any(s.ends_at <= ctx.now for s in changed):
        raise LifecycleError("已结束的班次不能再换。")
    if ctx.role != "office" and all(p.id != ctx.sender.id for p in before.values()):
        raise LifecycleError("只能调换本人的班次；为他人换班请联系网信办领导。")
    if person is not None:
        roster.reassign(first, person)
    else:
        roster.swap(first, second)
    ctx.session.flush()
    ctx.outcome = "shift_swapped"
    mentions = list({p.id: p for p in [*before.values(), *(s.person for s in changed)]}.values())
    ctx.reply("已换班：\n" + "\n".join(f"· {roster.describe(s, calc.zone)}（原 {before[s.id].name}）" for s in changed),
              mentions=mentions)
