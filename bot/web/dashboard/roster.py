"""The duty roster on the web: the next two weeks' shifts, and (for the admin) who stands each one.

The chat's ``换班`` and this page change the same rows (bot.cases.roster); the office group hears of
a change made here as it does of one made in chat."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from bot.cases import roster
from bot.cases.directory import office_unit
from bot.messaging.addressing import Post
from bot.messaging.outbox import add_post, enqueue_delivery
from bot.web.auth import _db_session, login_required, protect_forms
from bot.web.dashboard import view_helpers as vh
from models import DutyShift, Person

blueprint = Blueprint("roster", __name__, url_prefix="/dashboard/roster")
blueprint.before_request(protect_forms)
blueprint.context_processor(vh.page_globals)


@blueprint.get("")
@login_required("view_roster")
def page():  # type: ignore[no-untyped-def]
    services = vh.services()
    now = services.clock.now()
    db = _db_session()
    return render_template("dashboard/roster.html", shifts=roster.upcoming(db, now), people=roster.duty_people(db),
                           now=now, days=roster.ROSTER_DAYS)


@blueprint.post("/<int:shift_id>")
@login_required("edit_roster")
def reassign(shift_id: int):  # type: ignore[no-untyped-def]
    services = vh.services()
    db = _db_session()
    shift = db.get(DutyShift, shift_id)
    if shift is None:
        abort(404)
    raw = request.form.get("person", "")
    person = db.get(Person, int(raw)) if raw.isdigit() else None
    if person is None or person.id not in {p.id for p in roster.duty_people(db)}:
        flash("请选择网信办的值班人员。", "error")
        return redirect(url_for("roster.page"))
    if shift.ends_at <= services.clock.now():
        flash("已结束的班次不能再换。", "error")
        return redirect(url_for("roster.page"))
    before = shift.person
    if before.id == person.id:
        return redirect(url_for("roster.page"))
    roster.reassign(shift, person)
    text = f"【值班调整】{roster.describe(shift, services.deadlines.zone)}（原 {before.name}，{vh.user().username} 在工作台调整）"
    office = office_unit(db)
    row = add_post(db, services, Post(text=text, unit=office, mentions=[person, before], purpose="notify"),
                   dedupe_key=f"roster:{shift.id}:{person.id}:{services.clock.now().timestamp()}") if office else None
    db.commit()
    if row is not None:
        enqueue_delivery(services, row.id)
    flash(f"已调整：{roster.describe(shift, services.deadlines.zone)}。", "ok")
    return redirect(url_for("roster.page"))
