"""Excel export of the filtered case list (same filters and permissions as the page).

Up to SYNC_EXPORT_ROWS rows the workbook is built in the request; beyond, the list page offers a
background export (bot.web.dashboard.export_jobs) whose page polls its progress and then links
to the file.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, Response, abort, jsonify, redirect, render_template, request, send_file, url_for
from sqlalchemy.orm import selectinload

from bot.web.auth import _db_session, login_required, protect_forms
from bot.web.dashboard import excel, export_jobs
from bot.web.dashboard import view_helpers as vh
from bot.web.dashboard.case_rows import CASE_HEADERS, case_rows
from bot.web.dashboard.cases import filtered_cases
from bot.web.dashboard.filters import FilterError, count_of, ordered, parse_filters
from models import Case, CaseUnit

blueprint = Blueprint("exports", __name__, url_prefix="/dashboard/export")
blueprint.before_request(protect_forms)
blueprint.context_processor(vh.page_globals)

SYNC_EXPORT_ROWS = export_jobs.SYNC_EXPORT_ROWS
MAX_EXPORT_ROWS = export_jobs.MAX_JOB_ROWS
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(name: str, fallback: str) -> str:
    return f"attachment; filename={fallback}; filename*=UTF-8''{quote(name)}"


@blueprint.get("/cases.xlsx")
@login_required("export")
def cases_xlsx():  # type: ignore[no-untyped-def]
    try:
        filters = parse_filters(request.args)
    except FilterError as exc:
        return vh.error_page(400, str(exc))
    db = _db_session()
    query = filtered_cases(filters)
    total = db.scalar(count_of(query, cap=SYNC_EXPORT_ROWS)) or 0
    if total > SYNC_EXPORT_ROWS:
        return vh.error_page(400, f"超过 {SYNC_EXPORT_ROWS} 件，请在工单列表点“导出 Excel（后台生成）”。")
    cases = db.scalars(
        ordered(query, filters)
        .options(selectinload(Case.lead_unit), selectinload(Case.units).selectinload(CaseUnit.unit))
        .execution_options(yield_per=500)
    )
    services = vh.services()
    book = excel.new_book()
    excel.add_sheet(book, "工单", CASE_HEADERS, case_rows(cases, services.clock.now(), services.deadlines.local, vh.shown))
    name = f"工单导出-{vh.local(services.clock.now(), '%Y%m%d-%H%M')}.xlsx"
    return Response(excel.to_bytes(book), mimetype=XLSX,
                    headers={"Content-Disposition": _attachment(name, "cases.xlsx"), "X-Row-Count": str(total)})


@blueprint.post("/jobs")
@login_required("export")
def start_job():  # type: ignore[no-untyped-def]
    """Start a background export of the list under the query string's filters."""
    try:
        filters = parse_filters(request.args)
    except FilterError as exc:
        return vh.error_page(400, str(exc))
    total = _db_session().scalar(count_of(filtered_cases(filters), cap=MAX_EXPORT_ROWS)) or 0
    if total > MAX_EXPORT_ROWS:
        return vh.error_page(400, f"符合条件的工单超过单次导出上限 {MAX_EXPORT_ROWS} 件，请缩小筛选范围。")
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in ("page", "per_page")]
    export_id = export_jobs.start_export(vh.services(), vh.user().id, args, total)
    return redirect(url_for("exports.job_page", export_id=export_id))


def _state(export_id: str) -> export_jobs.ExportState:
    state = export_jobs.export_state(vh.services(), export_id, vh.user().id)
    if state is None:  # someone else's, expired or made up: all look the same
        abort(404, "导出不存在或已过期。")
    return state


@blueprint.get("/jobs/<export_id>")
@login_required("export")
def job_page(export_id: str):  # type: ignore[no-untyped-def]
    return render_template("dashboard/export_job.html", job=_state(export_id))


@blueprint.get("/jobs/<export_id>.json")
@login_required("export")
def job_status(export_id: str):  # type: ignore[no-untyped-def]
    state = _state(export_id)
    return jsonify(state=state.state, done=state.done, total=state.total, percent=state.percent,
                   url=url_for("exports.job_file", export_id=export_id) if state.state == "done" else None)


@blueprint.get("/jobs/<export_id>/file")
@login_required("export")
def job_file(export_id: str):  # type: ignore[no-untyped-def]
    state = _state(export_id)
    path = export_jobs.file_path(vh.services(), export_id)
    if state.state != "done" or not path.is_file():
        abort(404, "文件尚未生成。")
    name = f"工单导出-{vh.local(vh.services().clock.now(), '%Y%m%d-%H%M')}.xlsx"
    return send_file(path, mimetype=XLSX, as_attachment=True, download_name=name, max_age=0)
