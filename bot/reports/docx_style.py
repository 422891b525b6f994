"""Word documents in the shape of a 公文 (GB/T 9704): A4 paper, the usual margins, 方正小标宋简体 for the
title, 黑体 and 楷体_GB2312 for headings, 仿宋_GB2312 三号 for the text. Word falls back to a similar
font on a machine without them; the names are what the office's templates use."""

from __future__ import annotations

from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TITLE_FONT, BODY_FONT, HEADING_FONTS = "方正小标宋简体", "仿宋_GB2312", ("黑体", "楷体_GB2312")
TITLE_SIZE, BODY_SIZE, TABLE_SIZE = Pt(22), Pt(16), Pt(12)  # 二号, 三号, 小四


def set_font(target: Any, name: str, size: Pt | None = None, bold: bool | None = None) -> None:
    """Latin and East Asian font of a style or a run (python-docx sets only the Latin one by itself)."""
    font = target.font
    font.name = name
    if size is not None:
        font.size = size
    if bold is not None:
        font.bold = bold
    properties = target.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(key), name)


def new_document() -> Any:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    set_font(doc.styles["Normal"], BODY_FONT, BODY_SIZE)
    for level, name in enumerate(HEADING_FONTS, 1):
        style = doc.styles[f"Heading {level}"]
        set_font(style, name, BODY_SIZE, bold=False)
        style.font.color.rgb = None
    return doc


def add_title(doc: Any, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(paragraph.add_run(text), TITLE_FONT, TITLE_SIZE)


def add_table(doc: Any, headers: tuple[str, ...] | list[str], rows: list[list[str]]) -> Any:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    set_font(run, BODY_FONT, TABLE_SIZE)
    return table
