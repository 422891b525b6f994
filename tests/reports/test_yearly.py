"""The yearly report reproduces the seed county's published figures from our data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from bot.config import ROOT
from bot.services import Services
from tests.reports.seed_year import seed_year


def test_yearly_report_figures_xlsx_docx(services: Services, tmp_path: Path) -> None:
    with services.sessions() as session, session.begin():
        assert seed_year(session) == 2002
    xlsx, docx = tmp_path / "y.xlsx", tmp_path / "y.docx"
    env = {"DATABASE_URL": services.settings.database_url, "BOT_VAR_DIR": str(tmp_path / "var"),
           "REDIS_URL": services.settings.redis_url, "PATH": "/usr/bin:/bin", "TZ": "Asia/Shanghai"}
    done = subprocess.run([sys.executable, "-m", "bot", "report", "--from", "2026-01-01", "--to", "2026-12-31",
                           "--xlsx", str(xlsx), "--docx", str(docx)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    for expected in ("留言总数: 2002", "官方平台（红网、问政湖南、12345）: 899", "抖音等其他平台: 1103", "回复网民: 3211",
                     "已回复留言: 2002",
                     "办结率: 94.8%", "领导批示: 11", "联合办理（多部门）: 37", "督办件: 25"):
        assert expected in out, out
    sheet = load_workbook(xlsx)["总体"]
    figures = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    # Figures are numbers a spreadsheet can add up; a rate keeps its % as the cell's format.
    assert figures["留言总数"] == 2002 and figures["办结率"] == 94.8 and figures["领导批示"] == 11
    rate_cell = next(row[1] for row in sheet.iter_rows() if row[0].value == "办结率")
    assert rate_cell.number_format == '0.0"%"'
    unit_sheet = load_workbook(xlsx)["各单位"]
    assert all(isinstance(row[1], int) for row in unit_sheet.iter_rows(min_row=2, values_only=True))
    assert len(list(load_workbook(xlsx)["月度趋势"].iter_rows())) == 13  # header + 12 months
    document = Document(str(docx))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)  # A4
    assert document.styles["Normal"].font.name == "仿宋_GB2312"
    assert any(r.font.name == "方正小标宋简体" for r in document.paragraphs[0].runs)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "受理网民留言 2002 件" in text and "官方平台 899 件" in text and "其他平台 1103 件" in text
    assert "回复网民 3211 条（2002 件留言）" in text and "办结率 94.8%" in text and "领导批示 11 件" in text
