"""The period (yearly) report in the shape the county publishes: messages by source (official
boards vs apps), replies, 办结率, 批示, joint and 督办 cases, satisfaction; per-unit table; monthly
trend. Text for the terminal, .xlsx (openpyxl) and .docx (python-docx) for the office."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bot.cases.sources import label as source_label
from bot.reports.docx_style import add_table, add_title, new_document
from bot.reports.stats import Stats

UNIT_HEADERS = ("单位", "交办", "办结", "按期办结", "按期办结率", "超期未结", "重办", "不满意")


def _span(stats: Stats) -> tuple[date, date]:
    return stats.start.date(), (stats.end - timedelta(days=1)).date()  # the CLI's --to is inclusive


class Percent(float):
    """A rate in percent (0–100): shown as ``45.5%``, stored in a workbook as the number 45.5."""


Figure = int | Percent | str | None  # None: nothing to divide, shown as "—" (not 0%)
PERCENT_FORMAT = '0.0"%"'


def shown(value: Figure) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}%" if isinstance(value, Percent) else str(value)


def headline(stats: Stats) -> list[tuple[str, Figure]]:
    rated = sum(stats.satisfaction.values())
    return [
        ("留言总数", stats.new_total),
        ("官方平台（红网、问政湖南、12345）", stats.official),
        ("抖音等其他平台", stats.apps),
        ("回复网民", stats.citizen_replies),
        ("已回复留言", stats.citizen_replied_cases),
        ("单位答复", stats.replies),
        ("办结率", Percent(stats.closure_rate) if stats.new_total else None),
        ("领导批示", stats.instructions),
        ("联合办理（多部门）", stats.joint),
        ("督办件", stats.supervised),
        ("满意率", Percent(stats.satisfaction_rate) if rated else "暂无评价"),
        ("评价件数", rated),
        ("按期签收率", Percent(stats.sign_on_time_rate) if stats.signed else None),
        ("按期办结率", Percent(stats.close_on_time_rate) if stats.closed else None),
        ("延期", stats.extensions),
    ]


def unit_rows(stats: Stats) -> list[tuple[Figure, ...]]:
    units = sorted((u for u in stats.units if u.active), key=lambda u: -u.assigned)
    return [(u.unit, u.assigned, u.closed, u.on_time, Percent(u.on_time_rate * 100) if u.closed else None,
             u.overdue_open, u.reopened, u.unsatisfied) for u in units]


def report_text(stats: Stats) -> str:
    first, last = _span(stats)
    lines = [f"网络问政工作报告 {first} 至 {last}"]
    lines += [f"  {k}: {shown(v)}" for k, v in headline(stats)]
    lines.append("  来源: " + "，".join(f"{source_label(k)} {v}" for k, v in
                                       sorted(stats.new_by_source.items(), key=lambda kv: -kv[1])))
    lines.append("各单位:")
    lines += ["  " + "  ".join(shown(x) for x in row) for row in unit_rows(stats)]
    lines.append("月度趋势: " + "，".join(f"{m} {n}" for m, n in stats.by_month.items()))
    return "\n".join(lines)


def _append(sheet: Any, row: tuple[Figure, ...]) -> None:
    """Counts and rates as numbers (a rate keeps its % through the cell format); "—" where undefined."""
    sheet.append(["—" if value is None else float(value) if isinstance(value, Percent) else value for value in row])
    for cell, value in zip(sheet[sheet.max_row], row, strict=False):
        if isinstance(value, Percent):
            cell.number_format = PERCENT_FORMAT


def write_xlsx(stats: Stats, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "总体"
    sheet.append(("指标", "数值"))
    for row in headline(stats):
        _append(sheet, row)
    sheet.append(())
    sheet.append(("来源", "件数"))
    for key, count in sorted(stats.new_by_source.items(), key=lambda kv: -kv[1]):
        sheet.append((source_label(key), count))
    units = book.create_sheet("各单位")
    units.append(UNIT_HEADERS)
    for unit_row in unit_rows(stats):
        _append(units, unit_row)
    months = book.create_sheet("月度趋势")
    months.append(("月份", "留言数"))
    for month, count in stats.by_month.items():
        months.append((month, count))
    book.save(path)


def write_docx(stats: Stats, path: Path) -> None:
    doc = new_document()
    first, last = _span(stats)
    add_title(doc, f"网络问政工作报告（{first} 至 {last}）")
    doc.add_paragraph(
        f"本期共受理网民留言 {stats.new_total} 件，其中红网、问政湖南、12345 等官方平台 {stats.official} 件，"
        f"抖音等其他平台 {stats.apps} 件；回复网民 {stats.citizen_replies} 条（{stats.citizen_replied_cases} 件留言），"
        f"办结率 {stats.closure_rate}%；"
        f"领导批示 {stats.instructions} 件，联合办理 {stats.joint} 件，督办 {stats.supervised} 件。"
    )
    add_table(doc, ("指标", "数值"), [[key, shown(value)] for key, value in headline(stats)])
    doc.add_heading("一、各单位办理情况", level=1)
    add_table(doc, UNIT_HEADERS, [[shown(x) for x in row] for row in unit_rows(stats)])
    doc.add_heading("二、月度趋势", level=1)
    doc.add_paragraph("，".join(f"{m}: {n} 件" for m, n in stats.by_month.items()) or "无")
    doc.save(str(path))
