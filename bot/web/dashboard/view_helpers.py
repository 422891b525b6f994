"""Small things every dashboard page needs: the user, masking, local times, error pages."""

from __future__ import annotations

from datetime import datetime

from flask import current_app, render_template

from bot.cases.history import event_label
from bot.cases.pii import mask_text
from bot.cases.sources import label as source_label
from bot.cases.status import STATUS_LABELS
from bot.services import Services
from bot.web import services_of
from bot.web.auth import current_user
from bot.web.permissions import can, sees_phones
from models import User


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


_STATUS_TEXT = {s.value: label for s, label in STATUS_LABELS.items()}


def page_globals() -> dict[str, object]:
    # Templates call local/shown once or twice per row: resolve the zone and the user's masking once
    # per render instead of going through current_app and g on every call (same results as local/shown).
    me = current_user()
    zone = services().deadlines.zone
    masked = me is not None and not sees_phones(me)

    def local_time(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return moment.astimezone(zone).strftime(fmt) if moment else "—"

    def shown_text(text: str | None) -> str:
        if not text:
            return ""
        return mask_text(text) if masked else text

    return {
        "me": me, "can": lambda action: (me is not None and can(me, action)),
        "local": local_time, "shown": shown_text if me is not None else shown,
        "status_label": lambda s: _STATUS_TEXT.get(s, s),
        "source_label": source_label, "event_label": event_label,
    }


def error_page(code: int, message: str):  # type: ignore[no-untyped-def]
    return render_template("dashboard/error.html", code=code, message=message), code
