"""Excel workbooks for the meeting: Chinese headers, frozen header row, widths, real dates,
and no formula injection (a cell typed ``=HYPERLINK(...)`` by a citizen stays text)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from bot.reports.yearly import PERCENT_FORMAT, Percent

# Spreadsheet apps start a formula on these (OWASP "CSV injection"); tab and CR as well.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd hh:mm"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(sheet: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    if value is None:  # nothing to divide (a unit that closed nothing has no on-time rate): not 0%
        value = "—"
    if isinstance(value, Percent):  # a number a spreadsheet can add up, shown with its %
        cell = WriteOnlyCell(sheet, value=float(value))
        cell.number_format = PERCENT_FORMAT
        return cell
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=neutralise(value))
        cell.data_type = "s"  # never 'f', whatever the text looks like
        return cell
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, datetime):
        cell.number_format = DATE_FORMAT
    return cell


def add_sheet(book: Workbook, title: str, headers: Sequence[tuple[str, int]], rows: Iterable[Sequence[Any]]) -> None:
    """``headers`` are (Chinese title, column width); datetimes must be naive local times."""
    sheet = book.create_sheet(title)
    for index, (_name, width) in enumerate(headers, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    header_cells = []
    for name, _width in headers:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, v) for v in row])


def new_book() -> Workbook:
    return Workbook(write_only=True)


def to_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
