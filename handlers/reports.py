"""Office: 专报 (list the topics over threshold now) and 专报 N (post that topic's draft and Word file)."""

from __future__ import annotations

from bot.cases.errors import LifecycleError
from bot.reports.zhuanbao import current_topics, draft_with_file, listing_text, threshold
from handlers.context import ChatContext


def zhuanbao(ctx: ChatContext, args: dict[str, str], number: str | None) -> None:
    limit = threshold()
    topics = current_topics(ctx.session, ctx.now, limit)
    choice = args.get("n", "")
    if not choice and not number:
        ctx.outcome = "zhuanbao_list"
        ctx.reply(listing_text(topics, limit))
        return
    if number:  # 专报 DB-…: the topic that holds this case
        found = [t for t in topics if any(i.number == number for i in t.items)]
        if not found:
            raise LifecycleError(f"{number} 暂不属于任何达到专报条件的专题。回复“专报”查看专题列表。")
        topic = found[0]
    else:
        index = int(choice)
        if not 1 <= index <= len(topics):
            raise LifecycleError(f"没有第 {index} 个专题。回复“专报”查看专题列表。" if topics
                                 else listing_text(topics, limit))
        topic = topics[index - 1]
    ctx.outcome = "zhuanbao_draft"
    ctx.reply(draft_with_file(ctx.services, topic, ctx.now, limit.window_days))
