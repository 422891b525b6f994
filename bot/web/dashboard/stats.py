"""Statistics: the figures of bot.reports.stats.compute_stats (the same function the chat summary
and `python -m bot report` use) as charts, tables and an Excel workbook."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, render_template, request

from bot.cases.sources import label as source_label
from bot.reports.stats import Stats, UnitFigures, compute_stats
from bot.reports.yearly import Percent
from bot.web.auth import _db_session, login_required, protect_forms
from bot.web.dashboard import excel
from bot.web.dashboard import view_helpers as vh
from bot.web.dashboard.exports import XLSX

blueprint = Blueprint("stats", __name__, url_prefix="/dashboard/stats")
blueprint.before_request(protect_forms)
blueprint.context_processor(vh.page_globals)

MAX_DAYS = 3 * 366


class PeriodError(ValueError):
    pass


def _period() -> tuple[date, date]:
    today = vh.services().deadlines.local(vh.services().clock.now()).date()
    try:
        start = date.fromisoformat(request.args.get("from") or today.replace(day=1).isoformat())
        end = date.fromisoformat(request.args.get("to") or today.isoformat())
    except ValueError as exc:
        raise PeriodError("日期格式应为 YYYY-MM-DD。") from exc
    if start > end or (end - start).days > MAX_DAYS:
        raise PeriodError("统计区间须在 3 年以内，且起始日期不晚于截止日期。")
    return start, end


def _stats(start: date, end: date) -> Stats:
    services = vh.services()
    zone = ZoneInfo(services.settings.timezone)
    return compute_stats(_db_session(), datetime.combine(start, time(0), tzinfo=zone),
                         datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone), services.clock.now())


def pct(rate: float | None) -> str:
    """compute_stats gives percentages (0–100)."""
    return "—" if rate is None else f"{rate:.1f}%"


def _rate(percent: float, whole: int) -> Percent | None:
    return Percent(percent) if whole else None


def unit_ranking(stats: Stats) -> list[UnitFigures]:
    """Per-unit ranking: units none of whose work was sent back (reopened, 不满意) first, as on the 红榜;
    then best on-time closing, fewest overdue."""
    active = [u for u in stats.units if u.active]
    return sorted(active, key=lambda u: (u.sent_back, -u.on_time_rate, u.overdue_open, -u.closed, u.unit))


@blueprint.get("")
@login_required("stats")
def page():  # type: ignore[no-untyped-def]
    try:
        start, end = _period()
    except PeriodError as exc:
        return vh.error_page(400, str(exc))
    stats = _stats(start, end)
    ranking = unit_ranking(stats)
    charts = {
        "months": {"labels": list(stats.by_month), "values": list(stats.by_month.values())},
        "sources": [{"name": source_label(k), "value": v} for k, v in stats.new_by_source.items()],
        "categories": {"labels": list(stats.by_category), "values": list(stats.by_category.values())},
        "units": {"labels": [u.unit for u in ranking], "received": [u.assigned for u in ranking],
                  "closed": [u.closed for u in ranking], "overdue": [u.overdue_open for u in ranking]},
    }
    return render_template("dashboard/stats.html", stats=stats, start=start, end=end, charts=charts, pct=pct, ranking=ranking,
                           source_name=source_label)


@blueprint.get("/stats.xlsx")
@login_required("stats")
def stats_xlsx():  # type: ignore[no-untyped-def]
    try:
        start, end = _period()
    except PeriodError as exc:
        return vh.error_page(400, str(exc))
    s = _stats(start, end)
    book = excel.new_book()
    excel.add_sheet(book, "概览", [("指标", 16), ("数值", 14)], [
        ["统计区间", f"{start} 至 {end}"], ["新增", s.new_total], ["办结", s.closed], ["超期（未办结）", s.overdue_now],
        # Rates as numbers (the cell shows %), "—" where nothing was there to count.
        ["办结率", _rate(s.closure_rate, s.new_total)], ["按期签收率", _rate(s.sign_on_time_rate, s.signed)],
        ["按期办结率", _rate(s.close_on_time_rate, s.closed)],
        ["满意率", _rate(s.satisfaction_rate, sum(s.satisfaction.values()))],
        ["评价", sum(s.satisfaction.values())], ["不满意", s.satisfaction.get("不满意", 0)], ["重办", s.reopened],
        ["回复网民", s.citizen_replies], ["已回复留言", s.citizen_replied_cases],
    ])
    excel.add_sheet(book, "单位排名", [("排名", 6), ("单位", 30), ("受理", 8), ("办结", 8), ("超期未办结", 10),
                                      ("按期办结率", 12), ("重办", 8), ("不满意", 8)],
                    [[i, u.unit, u.assigned, u.closed, u.overdue_open, _rate(100 * u.on_time_rate, u.closed),
                      u.reopened, u.unsatisfied] for i, u in enumerate(unit_ranking(s), 1)])
    excel.add_sheet(book, "按来源", [("来源", 16), ("件数", 8)], [[source_label(k), v] for k, v in s.new_by_source.items()])
    excel.add_sheet(book, "按分类", [("分类", 16), ("件数", 8)], [[k, v] for k, v in s.by_category.items()])
    excel.add_sheet(book, "按月份", [("月份", 10), ("件数", 8)], [[k, v] for k, v in s.by_month.items()])
    name = f"统计-{start}-{end}.xlsx"
    return Response(excel.to_bytes(book), mimetype=XLSX,
                    headers={"Content-Disposition": f"attachment; filename=stats.xlsx; filename*=UTF-8''{quote(name)}"})
