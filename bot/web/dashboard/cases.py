"""Case list (server-side filters, sort, pagination) and case page with the office's actions."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from sqlalchemy import Row, select
from sqlalchemy.orm import selectinload

from bot.cases.deadlines import working_days_left
from bot.cases.sources import SOURCE_LABELS
from bot.cases.status import OPEN_STATUSES, WITH_UNIT, Status
from bot.intake.photos import photo_path
from bot.messaging.codec import incoming_from_json
from bot.web.auth import _db_session, login_required, protect_forms
from bot.web.dashboard import view_helpers as vh
from bot.web.dashboard.actions import ActionRefused, run_action
from bot.web.dashboard.export_jobs import SYNC_EXPORT_ROWS
from bot.web.dashboard.filters import (
    COUNT_CAP,
    PER_PAGE_CHOICES,
    SEARCH_WINDOW,
    STATUS_CHOICES,
    CaseFilters,
    FilterError,
    case_query,
    count_of,
    page_of,
    parse_filters,
)
from bot.web.dashboard.follow_up import follow_up
from bot.web.dashboard.list_rows import list_rows
from bot.web.permissions import may_view, sees_phones
from models import Case, CaseEvidence, CaseUnit, InboundMessage, Unit

blueprint = Blueprint("dashboard", __name__, url_prefix="/dashboard", template_folder="../templates")
blueprint.before_request(protect_forms)
blueprint.context_processor(vh.page_globals)


def filtered_cases(filters: CaseFilters):  # type: ignore[no-untyped-def]
    """The user's visible cases under the filters (unordered select), shared with the export."""
    services = vh.services()
    return case_query(vh.user(), filters, services.clock.now(), services.settings.timezone)


def unit_choices() -> list[Unit]:
    return list(_db_session().scalars(select(Unit).where(Unit.is_office.is_(False)).order_by(Unit.id)))


def unit_names() -> list[Row[tuple[int, str, bool]]]:
    """Every unit's id and name (office included, for lead-unit names): one small query instead of
    loading Unit objects with their JSON columns for the dropdown and each row's lead unit."""
    return list(_db_session().execute(select(Unit.id, Unit.name, Unit.is_office).order_by(Unit.id)))


def case_href_prefix() -> str:
    # url_for per row costs more than the row's SQL; the rule is /cases/<int:case_id>, so build it once.
    return url_for("dashboard.case_page", case_id=0).removesuffix("0")


@blueprint.get("")
@blueprint.get("/cases")
@login_required()
def cases():  # type: ignore[no-untyped-def]
    try:
        filters = parse_filters(request.args)
    except FilterError as exc:
        return vh.error_page(400, str(exc))
    db = _db_session()
    query = filtered_cases(filters)
    total = db.scalar(count_of(query)) or 0
    capped = total > COUNT_CAP
    rows = list(db.execute(page_of(query, filters)))
    pages = max(1, -(-min(total, COUNT_CAP) // filters.per_page))
    # Past the counted pages, offer "next" while pages come back full.
    has_next = filters.page < pages or (capped and len(rows) == filters.per_page)
    services = vh.services()
    now = services.clock.now()
    units = unit_names()
    shown_rows = list_rows(rows, href_prefix=case_href_prefix(), unit_names={u.id: u.name for u in units},
                           zone=services.deadlines.zone, now=now, masked=not sees_phones(vh.user()))
    return render_template(
        "dashboard/cases.html", rows=shown_rows, total=min(total, COUNT_CAP), capped=capped, has_next=has_next,
        search_window=SEARCH_WINDOW, background_export=capped or total > SYNC_EXPORT_ROWS, filters=filters, pages=pages, now=now,
        status_choices=STATUS_CHOICES, sources=SOURCE_LABELS, per_page_choices=PER_PAGE_CHOICES,
        units=[u for u in units if not u.is_office],
    )


def _visible_case(case_id: int) -> Case:
    case = _db_session().scalar(
        select(Case).where(Case.id == case_id).options(
            selectinload(Case.units).selectinload(CaseUnit.unit), selectinload(Case.events),
            selectinload(Case.replies), selectinload(Case.extensions))
    )
    # Another unit's case answers exactly like a missing one: ids are not confirmed to outsiders.
    if case is None or not may_view(vh.user(), case):
        abort(404, "未找到该工单。")
    return case


def _images(case: Case) -> list[int]:
    if case.source_inbound_id is None:
        return []
    row = _db_session().get(InboundMessage, case.source_inbound_id)
    if row is None:
        return []
    return [i for i, ref in enumerate(incoming_from_json(row.payload).images) if ref.kind == "file"]


@blueprint.get("/cases/<int:case_id>")
@login_required()
def case_page(case_id: int):  # type: ignore[no-untyped-def]
    case = _visible_case(case_id)
    services = vh.services()
    now = services.clock.now()
    days_left = working_days_left(services.deadlines, now, case.due_at) if case.due_at else None
    status = Status(case.status)
    return render_template(
        "dashboard/case.html", case=case, now=now, days_left=days_left, images=_images(case), units=unit_choices(),
        is_open=status in OPEN_STATUSES, with_unit=status in WITH_UNIT,
        pending_extension=any(x.state == "pending" for x in case.extensions),
        instructions=[e for e in case.events if e.kind == "instruction"],
        my_link=case.unit_link(unit_id) if (unit_id := vh.user().unit_id) else None,
        **follow_up(_db_session(), case, services.deadlines.local(now)),
        urgent_hours=services.deadlines.policy.urgent_hours,
        voided=next((e for e in reversed(case.events) if e.kind == "void"), None) if status == Status.VOID else None,
    )


@blueprint.get("/cases/<int:case_id>/images/<int:index>")
@login_required()
def case_image(case_id: int, index: int):  # type: ignore[no-untyped-def]
    case = _visible_case(case_id)
    if index not in _images(case):
        abort(404)
    row = _db_session().get(InboundMessage, case.source_inbound_id)
    assert row is not None
    ref = incoming_from_json(row.payload).images[index]
    media = (vh.services().settings.var_dir / "media").resolve()
    path = Path(ref.ref).resolve()
    if media not in path.parents or not path.is_file():  # only files the simulator/intake stored
        abort(404)
    return send_file(path, max_age=3600)


@blueprint.get("/cases/<int:case_id>/evidence/<int:evidence_id>")
@login_required()
def case_evidence(case_id: int, evidence_id: int):  # type: ignore[no-untyped-def]
    """A unit's photo, to whoever may see the case."""
    case = _visible_case(case_id)
    photo = _db_session().get(CaseEvidence, evidence_id)
    if photo is None or photo.case_id != case.id:
        abort(404)
    path = photo_path(vh.services().settings.var_dir, photo.file_name)
    if path is None:
        abort(404)
    response = send_file(path, max_age=3600)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


@blueprint.post("/cases/<int:case_id>/actions/<action>")
@login_required()
def case_action(case_id: int, action: str):  # type: ignore[no-untyped-def]
    try:
        done, message = run_action(vh.services(), _db_session(), vh.user().id, case_id, action, request.form)
    except ActionRefused as refusal:
        return vh.error_page(refusal.status, refusal.message)
    flash(message, "ok" if done else "error")
    return redirect(url_for("dashboard.case_page", case_id=case_id))
