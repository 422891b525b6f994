"""Excel export of the filtered case list (same filters and permissions as the page)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from flask import Blueprint, Response, request
from sqlalchemy.orm import selectinload

from bot.lifecycle import STATUS_LABELS, WITH_UNIT, Status
from bot.sources import label as source_label
from bot.web.auth import _db_session, login_required, protect_forms
from bot.web.dashboard import excel
from bot.web.dashboard import view_helpers as vh
from bot.web.dashboard.cases import filtered_cases
from bot.web.dashboard.filters import FilterError, count_of, ordered, parse_filters
from models import Case, CaseUnit

blueprint = Blueprint("exports", __name__, url_prefix="/dashboard/export")
blueprint.before_request(protect_forms)

MAX_EXPORT_ROWS = 50_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CASE_HEADERS = [
    ("工单号", 18), ("标题", 40), ("状态", 10), ("督办", 6), ("来源", 12), ("分类", 12), ("诉求类型", 10),
    ("主办单位", 26), ("协办单位", 30), ("地点", 20), ("建单时间", 17), ("派单时间", 17), ("办理时限", 17),
    ("办结时间", 17), ("超期", 6), ("评价", 10),
]


def _naive_local(moment: datetime | None) -> datetime | None:
    # Excel has no time zones: write the county's local wall time.
    return vh.services().deadlines.local(moment).replace(tzinfo=None) if moment else None


def case_rows(cases, now: datetime):  # type: ignore[no-untyped-def]
    with_unit = {s.value for s in WITH_UNIT}
    for case in cases:
        co = "、".join(link.unit.name for link in case.units if link.role == "co")
        late = case.status in with_unit and case.due_at is not None and case.due_at < now
        yield [
            case.number, vh.shown(case.title), STATUS_LABELS[Status(case.status)], "是" if case.supervised else "",
            source_label(case.source_platform), case.category or "", case.request_type,
            case.lead_unit.name if case.lead_unit else "", co, case.place or "",
            _naive_local(case.created_at), _naive_local(case.dispatched_at), _naive_local(case.due_at),
            _naive_local(case.closed_at), "是" if late else "", case.satisfaction or "",
        ]


@blueprint.get("/cases.xlsx")
@login_required("export")
def cases_xlsx():  # type: ignore[no-untyped-def]
    try:
        filters = parse_filters(request.args)
    except FilterError as exc:
        return vh.error_page(400, str(exc))
    db = _db_session()
    query = filtered_cases(filters)
    total = db.scalar(count_of(query, cap=MAX_EXPORT_ROWS)) or 0
    if total > MAX_EXPORT_ROWS:
        return vh.error_page(400, f"符合条件的工单超过单次导出上限 {MAX_EXPORT_ROWS} 件，请缩小筛选范围。")
    cases = db.scalars(
        ordered(query, filters)
        .options(selectinload(Case.lead_unit), selectinload(Case.units).selectinload(CaseUnit.unit))
        .execution_options(yield_per=500)
    )
    book = excel.new_book()
    excel.add_sheet(book, "工单", CASE_HEADERS, case_rows(cases, vh.services().clock.now()))
    body = excel.to_bytes(book)
    name = f"工单导出-{vh.local(vh.services().clock.now(), '%Y%m%d-%H%M')}.xlsx"
    return Response(body, mimetype=XLSX, headers={
        "Content-Disposition": f"attachment; filename=cases.xlsx; filename*=UTF-8''{quote(name)}",
        "X-Row-Count": str(total),
    })
