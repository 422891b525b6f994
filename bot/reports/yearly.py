"""The period (yearly) report in the shape the county publishes: messages by source (official
boards vs apps), replies, 办结率, 批示, joint and 督办 cases, satisfaction; per-unit table; monthly
trend. Text for the terminal, .xlsx (openpyxl) and .docx (python-docx) for the office."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from bot.cases.sources import label as source_label
from bot.reports.stats import Stats

UNIT_HEADERS = ("单位", "交办", "办结", "按期办结", "按期办结率", "超期未结", "重办", "不满意")


def _span(stats: Stats) -> tuple[date, date]:
    return stats.start.date(), (stats.end - timedelta(days=1)).date()  # the CLI's --to is inclusive


def headline(stats: Stats) -> list[tuple[str, str]]:
    rated = sum(stats.satisfaction.values())
    return [
        ("留言总数", f"{stats.new_total}"),
        ("官方平台（红网、问政湖南、12345）", f"{stats.official}"),
        ("抖音等其他平台", f"{stats.apps}"),
        ("回复网民", f"{stats.citizen_replies}"),
        ("已回复留言", f"{stats.citizen_replied_cases}"),
        ("单位答复", f"{stats.replies}"),
        ("办结率", f"{stats.closure_rate}%"),
        ("领导批示", f"{stats.instructions}"),
        ("联合办理（多部门）", f"{stats.joint}"),
        ("督办件", f"{stats.supervised}"),
        ("满意率", f"{stats.satisfaction_rate}%（{rated} 件评价）" if rated else "暂无评价"),
        ("按期签收率", f"{stats.sign_on_time_rate}%"),
        ("按期办结率", f"{stats.close_on_time_rate}%"),
        ("延期", f"{stats.extensions}"),
    ]


def unit_rows(stats: Stats) -> list[tuple[object, ...]]:
    units = sorted((u for u in stats.units if u.active), key=lambda u: -u.assigned)
    return [(u.unit, u.assigned, u.closed, u.on_time, f"{round(u.on_time_rate * 100, 1)}%", u.overdue_open,
             u.reopened, u.unsatisfied) for u in units]


def report_text(stats: Stats) -> str:
    first, last = _span(stats)
    lines = [f"网络问政工作报告 {first} 至 {last}"]
    lines += [f"  {k}: {v}" for k, v in headline(stats)]
    lines.append("  来源: " + "，".join(f"{source_label(k)} {v}" for k, v in
                                       sorted(stats.new_by_source.items(), key=lambda kv: -kv[1])))
    lines.append("各单位:")
    lines += ["  " + "  ".join(str(x) for x in row) for row in unit_rows(stats)]
    lines.append("月度趋势: " + "，".join(f"{m} {n}" for m, n in stats.by_month.items()))
    return "\n".join(lines)


def write_xlsx(stats: Stats, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "总体"
    sheet.append(("指标", "数值"))
    for row in headline(stats):
        sheet.append(row)
    sheet.append(())
    sheet.append(("来源", "件数"))
    for key, count in sorted(stats.new_by_source.items(), key=lambda kv: -kv[1]):
        sheet.append((source_label(key), count))
    units = book.create_sheet("各单位")
    units.append(UNIT_HEADERS)
    for unit_row in unit_rows(stats):
        units.append(unit_row)
    months = book.create_sheet("月度趋势")
    months.append(("月份", "留言数"))
    for month, count in stats.by_month.items():
        months.append((month, count))
    book.save(path)


def write_docx(stats: Stats, path: Path) -> None:
    from docx import Document

    doc = Document()
    first, last = _span(stats)
    doc.add_heading(f"网络问政工作报告（{first} 至 {last}）", level=1)
    doc.add_paragraph(
        f"本期共受理网民留言 {stats.new_total} 件，其中红网、问政湖南、12345 等官方平台 {stats.official} 件，"
        f"抖音等其他平台 {stats.apps} 件；回复网民 {stats.citizen_replies} 条（{stats.citizen_replied_cases} 件留言），"
        f"办结率 {stats.closure_rate}%；"
        f"领导批示 {stats.instructions} 件，联合办理 {stats.joint} 件，督办 {stats.supervised} 件。"
    )
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "指标", "数值"
    for key, value in headline(stats):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value
    doc.add_heading("各单位办理情况", level=2)
    units = doc.add_table(rows=1, cols=len(UNIT_HEADERS))
    for cell, header in zip(units.rows[0].cells, UNIT_HEADERS, strict=True):
        cell.text = header
    for unit_row in unit_rows(stats):
        for cell, figure in zip(units.add_row().cells, unit_row, strict=True):
            cell.text = str(figure)
    doc.add_heading("月度趋势", level=2)
    doc.add_paragraph("，".join(f"{m}: {n} 件" for m, n in stats.by_month.items()) or "无")
    doc.save(str(path))
