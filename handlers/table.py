"""The one table from chat command to handler. ``grep 已办结 handlers/table.py`` finds who handles it.

Patterns match the normalised text (full-width folded, @-mentions and the case number removed).
``roles`` lists who may use the command; the lifecycle also checks the unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from handlers import (
    citizen_replies,
    dispatching,
    evidence,
    office_actions,
    queries,
    render,
    reports,
    roster,
    unit_actions,
    voiding,
)
from handlers.context import ChatContext

Handler = Callable[[ChatContext, dict[str, str], "str | None"], None]

DISPATCHERS = frozenset({"dispatcher", "office"})
OFFICE = frozenset({"office"})
UNIT = frozenset({"handler", "leader"})
ANYONE = frozenset({"dispatcher", "office", "handler", "leader"})


@dataclass(frozen=True)
class Command:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    roles: frozenset[str]


def _c(name: str, pattern: str, handler: Handler, roles: frozenset[str]) -> Command:
    return Command(name, re.compile(pattern, re.DOTALL), handler, roles)


DAYS = r"(?P<days>\d{1,3})?\s*(?:个)?\s*(?:工作)?\s*[天日]?"

COMMANDS: tuple[Command, ...] = (
    _c("派", r"^派(?:给|单)?\s*(?P<args>.*)$", dispatching.dispatch, DISPATCHERS),
    _c("并入", r"^并入$", dispatching.merge, DISPATCHERS),
    _c("改", r"^改\s*(?P<field>标题|地点|网民|来源|类型|分类|链接|留言对象)\s*[:：]?\s*(?P<value>.*)$", dispatching.correct, DISPATCHERS),
    # Any other 改 X …: the reply lists the fields that can be corrected (never a new case).
    _c("改", r"^改(?:\s+(?P<field>[^\s:：]{1,8})\s*[:：]?\s*(?P<value>.*))?$", dispatching.correct, DISPATCHERS),
    _c("采纳建议", r"^(?P<choice>[1-3])\s*(?P<urgent>加急|紧急|急)?$", dispatching.accept_proposal, DISPATCHERS),
    _c("加急", r"^(?:加急|紧急)$", dispatching.make_urgent, DISPATCHERS),
    _c("签收", r"^签收$", unit_actions.sign, UNIT),
    _c("进展", r"^进展\s*[:：]?\s*(?P<text>.*)$", unit_actions.progress, UNIT),
    _c("申请延期", r"^申请延期\s*" + DAYS + r"\s*[,:，：]?\s*(?P<reason>.*)$", unit_actions.request_extension, UNIT),
    _c("退回", r"^退回\s*[:：]?\s*(?P<reason>.*)$", unit_actions.return_case, UNIT),
    _c("已办结", r"^(?:已办结|办结)\s*[:：]?\s*(?P<text>.*)$", unit_actions.close, UNIT),
    _c("同意延期", r"^同意延期\s*(?P<note>.*)$", office_actions.approve_extension, OFFICE),
    _c("不同意延期", r"^(?:不同意延期|驳回延期)\s*(?P<note>.*)$", office_actions.reject_extension, OFFICE),
    _c("批示", r"^批示\s*[:：]?\s*(?P<text>.*)$", office_actions.instruct, OFFICE),
    _c("督办", r"^督办$", office_actions.supervise, OFFICE),
    _c("核查通过", r"^核查通过$", office_actions.verify, OFFICE),
    _c("重新办理", r"^重新办理\s*[:：]?\s*(?P<reason>.*)$", office_actions.reopen, OFFICE),
    _c("评价", r"^评价\s*(?P<level>基本满意|不满意|满意)?\s*(?P<reason>.*)$", office_actions.rate, OFFICE),
    _c("附图", r"^(?:附图|补图|补充图片)$", evidence.attach_waiting, UNIT),
    _c("回复网民", r"^回复网民\s*[:：]?\s*(?P<text>.*)$", citizen_replies.show_or_edit, DISPATCHERS),
    _c("已回复网民", r"^已回复网民\s*[:：]?\s*(?P<where>.*)$", citizen_replies.mark_posted, DISPATCHERS),
    _c("作废", r"^作废(?:\s*[:：]\s*|\s+|$)(?P<reason>.*)$", voiding.void, DISPATCHERS),
    _c("恢复", r"^恢复(?:\s+(?P<note>.*))?$", voiding.restore, DISPATCHERS),
    _c("换班", r"^换班\s+(?P<first>\S+)\s+(?:与|和|跟|给)?\s*(?P<second>\S+?)(?:\s*代班)?$", roster.swap_shift, DISPATCHERS),
    _c("查", r"^(?:查|查询)$", queries.show, ANYONE),
    _c("我的待办", r"^(?:我的待办|待办)$", queries.my_tasks, ANYONE),
    _c("专报", r"^专报\s*(?P<n>\d{1,2})?$", reports.zhuanbao, DISPATCHERS),
    _c("帮助", r"^(?:帮助|help|\?|菜单)$", lambda ctx, args, number: help_reply(ctx), ANYONE),
)

# A command is short; a long text from a dispatcher in the intake chat is a forwarded post.
MAX_COMMAND_CHARS = 500
# …except an edited reply to a citizen, which may be as long as the draft it replaces.
LONG_COMMANDS = ("回复网民",)


def help_for(role: str) -> str:
    """Every command ``role`` may use, from this table, one line each (render.USAGE has the examples)."""
    lines = [f"可用指令（{render.ROLE_NAMES.get(role, role)}）："]
    if role in DISPATCHERS:
        lines.append(f"· {render.FORWARD_HELP}")
    seen: set[str] = set()
    for command in COMMANDS:
        if role not in command.roles or command.name in seen:
            continue
        seen.add(command.name)
        usage = render.USAGE.get(command.name, f"“{command.name}”")
        if usage:
            lines.append(f"· {usage}")
    if role in UNIT:
        lines.append(render.UNIT_HELP_TAIL)
    return "\n".join(lines)


def help_reply(ctx: ChatContext) -> None:
    ctx.outcome = "help"
    ctx.reply(help_for(ctx.role))


def as_typed(command: Command, text: str, args: dict[str, str]) -> dict[str, str]:
    """The command's arguments taken from the text as typed (full-width punctuation kept), when the
    pattern matches it too; otherwise the normalised ones."""
    found = command.pattern.match(text)
    if not found:
        return args
    return {k: (v or "").strip() for k, v in found.groupdict().items()}


def match(text: str) -> tuple[Command, dict[str, str]] | None:
    if len(text) > MAX_COMMAND_CHARS and not text.startswith(LONG_COMMANDS):
        return None
    for command in COMMANDS:
        found = command.pattern.match(text)
        if found:
            return command, {k: (v or "").strip() for k, v in found.groupdict().items()}
    return None
