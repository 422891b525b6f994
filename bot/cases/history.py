"""What a case's history entries (``CaseEvent.kind``) are called, in the chat's ``查`` and on the dashboard."""

from __future__ import annotations

EVENT_LABELS = {
    "created": "建单", "dispatch": "派单", "sign": "签收", "co_sign": "协办签收", "progress": "进展",
    "extension_requested": "申请延期", "extension_approved": "同意延期", "extension_rejected": "驳回延期",
    "return": "退回", "close": "办结", "co_finished": "协办办结", "verify": "核查通过", "reopen": "重新办理",
    "instruction": "批示", "supervised": "督办", "rated": "评价", "duplicate": "重复件", "repeat": "重复反映",
    "reminder": "催办", "corrected": "更正", "screenshot_added": "追加截图", "evidence": "附图",
    "void": "作废", "restore": "恢复", "urgent": "加急", "citizen_reply": "回复网民",
}


def event_label(kind: str) -> str:
    """The Chinese name of a history entry; an unknown kind shows as stored rather than not at all."""
    return EVENT_LABELS.get(kind, kind)
