"""A forwarded screenshot: the draft is made from the text that came with it until OCR runs.

bot.intake (the screenshot issue) replaces this with OCR, parsing and routing.
"""

from __future__ import annotations

from handlers import dispatching
from handlers.context import ChatContext


def forward_images(ctx: ChatContext, text: str) -> None:
    note = f"[截图 {len(ctx.msg.images)} 张]"
    dispatching.forward(ctx, f"{text}\n{note}" if text else note)
