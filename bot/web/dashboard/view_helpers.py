"""Small things every dashboard page needs: the user, masking, local times, error pages."""

from __future__ import annotations

from datetime import datetime

from flask import current_app, render_template

from bot.lifecycle import STATUS_LABELS, Status
from bot.pii import mask_text
from bot.services import Services
from bot.sources import label as source_label
from bot.web import services_of
from bot.web.auth import current_user
from bot.web.dashboard.permissions import can, sees_phones
from models import User

EVENT_LABELS = {
    "created": "建单", "dispatch": "派单", "sign": "签收", "co_sign": "协办签收", "progress": "进展",
    "extension_requested": "申请延期", "extension_approved": "同意延期", "extension_rejected": "驳回延期",
    "return": "退回", "close": "办结", "co_finished": "协办办结", "verify": "核查通过", "reopen": "重新办理",
    "instruction": "批示", "supervised": "督办", "rated": "评价", "duplicate": "重复件", "repeat": "重复反映",
    "reminder": "催办",
}


def services() -> Services:
    return services_of(current_app)


def user() -> User:
    found = current_user()
    assert found is not None, "view without @login_required"
    return found


def local(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return services().deadlines.local(moment).strftime(fmt) if moment else "—"


def shown(text: str | None) -> str:
    """Case text as this user may see it: phone and ID numbers masked unless the role needs them."""
    if not text:
        return ""
    return text if sees_phones(user()) else mask_text(text)


def page_globals() -> dict[str, object]:
    me = current_user()
    return {
        "me": me, "can": lambda action: (me is not None and can(me, action)),
        "local": local, "shown": shown, "status_label": lambda s: STATUS_LABELS.get(Status(s), s) if s in Status._value2member_map_ else s,
        "source_label": source_label, "event_label": lambda k: EVENT_LABELS.get(k, k),
    }


def error_page(code: int, message: str):  # type: ignore[no-untyped-def]
    return render_template("dashboard/error.html", code=code, message=message), code
