"""Statistics page: placeholder until bot/reports/stats.py is wired in (see below)."""

from __future__ import annotations

from flask import Blueprint, render_template

from bot.web.auth import login_required, protect_forms
from bot.web.dashboard import view_helpers as vh

blueprint = Blueprint("stats", __name__, url_prefix="/dashboard/stats")
blueprint.before_request(protect_forms)
blueprint.context_processor(vh.page_globals)


@blueprint.get("")
@login_required("stats")
def page():  # type: ignore[no-untyped-def]
    return render_template("dashboard/error.html", code=503, message="统计功能即将上线。"), 503
