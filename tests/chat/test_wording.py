"""Wording an office notices: punctuation kept as typed, history in Chinese, 帮助 per role, the calendar
warning for the office only, 按期办结率 "—" with nothing closed, Word on A4 with 公文 fonts, figures in
xlsx as numbers, and report commands quiet when no bot is running."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from docx import Document
from sqlalchemy import select

from bot.config import ROOT
from bot.reports.stats import compute_stats
from bot.reports.yearly import report_text, unit_rows, write_xlsx
from handlers.table import COMMANDS, help_for
from models import Case, CaseEvent, Reply
from tests.reminders.conftest import at
from tests.support import SimulatorClient, newest
from tests.web.helpers import login, make_users

POST = "东湖街道湖滨社区路灯坏了半个月，晚上一片漆黑，老人出行摔倒"


def test_full_width_punctuation_is_kept(sim: SimulatorClient) -> None:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "改 标题 湖滨社区路灯损坏，夜间无照明")
    assert newest(sim.services, Case).title == "湖滨社区路灯损坏，夜间无照明"
    sim.send("office", "zhaolei", "派 东湖街道")
    number = newest(sim.services, Case).number
    sim.send("g-donghu", "hehui", f"进展：已联系供电所，明日更换灯具 {number}")
    sim.send("office", "wangmin", f"批示 {number} 张书记：请尽快修复，并回复网民。")
    with sim.services.sessions() as session:
        progress = session.scalar(select(Reply.text).where(Reply.kind == "progress"))
        instruction = session.scalar(select(CaseEvent).where(CaseEvent.kind == "instruction"))
        assert instruction is not None
        assert progress == "已联系供电所，明日更换灯具"
        assert "请尽快修复，并回复网民。" in (instruction.text or "")
    assert "批示: 请尽快修复，并回复网民。" in sim.last_bot_text("g-donghu")


def test_history_in_chinese_in_chat_and_on_the_page(sim: SimulatorClient, app: Any) -> None:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "改 来源 红网百姓呼声")
    sim.send("office", "zhaolei", "改 来源 问政湖南")
    sim.send("office", "zhaolei", "派 东湖街道")
    case = newest(sim.services, Case)
    sim.send("g-donghu", "hehui", f"进展 已到现场 {case.number}")
    sim.send("office", "wangmin", f"查 {case.number}")
    shown = sim.last_bot_text("office")
    history = shown.split("记录:", 1)[1]
    for word in ("建单", "更正", "派单", "进展"):
        assert word in history, word
    assert "来源：红网百姓呼声 → 问政湖南" in history
    for raw in ("progress", "corrected", "created", "dispatch", "hongwang", "wenzheng_hunan"):
        assert raw not in history, raw
    make_users(sim.services)
    client = app.test_client()
    login(client, "admin")
    page = client.get(f"/dashboard/cases/{case.id}").get_data(as_text=True)
    table = page.split('id="history"', 1)[1]
    assert "更正" in table and "红网百姓呼声 → 问政湖南" in table
    assert ">corrected<" not in table and ">progress<" not in table and "wenzheng_hunan" not in table


def test_help_lists_each_roles_commands(sim: SimulatorClient) -> None:
    for role in ("dispatcher", "office", "handler", "leader"):
        text = help_for(role)
        for command in COMMANDS:
            if role in command.roles and command.name not in ("帮助",):
                key = {"采纳建议": "“1”", "不同意延期": "不同意延期", "重新办理": "重新办理"}.get(command.name, command.name)
                assert key in text, (role, command.name)
        others = {c.name for c in COMMANDS if role not in c.roles}
        for name in others & {"派", "批示", "签收", "作废", "换班", "核查通过"}:
            assert f"“{name}" not in text, (role, name)
    sim.send("office", "zhaolei", "帮助")
    assert "派单员" in sim.last_bot_text("office") and "作废" in sim.last_bot_text("office")
    sim.send("g-donghu", "hehui", "帮助")
    reply = sim.last_bot_text("g-donghu")
    assert "签收" in reply and "派 单位" not in reply and "批示" not in reply


def test_on_time_rate_is_a_dash_with_nothing_closed(sim: SimulatorClient, tmp_path: Path) -> None:
    sim.send("office", "zhaolei", POST)
    sim.send("office", "zhaolei", "派 东湖街道")
    now = sim.services.clock.now()
    with sim.services.sessions() as session:
        stats = compute_stats(session, at("2026-01-01 00:00"), at("2027-01-01 00:00"), now)
    row = next(r for r in unit_rows(stats) if r[0] == "东湖街道办事处")
    assert row[4] is None
    assert "东湖街道办事处  1  0  0  —" in report_text(stats)
    write_xlsx(stats, tmp_path / "r.xlsx")
    from openpyxl import load_workbook

    units = {r[0]: r for r in load_workbook(tmp_path / "r.xlsx")["各单位"].iter_rows(min_row=2, values_only=True)}
    assert units["东湖街道办事处"][1] == 1 and units["东湖街道办事处"][4] == "—"


def test_zhuanbao_word_file_has_no_stray_bracket(tmp_path: Path) -> None:
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    from bot.reports.topics import Topic, TopicItem, write_docx

    moment = datetime(2026, 11, 30, 2, tzinfo=timezone.utc)
    items = [TopicItem(id=n, title="幸福小区垃圾堆积", body="垃圾堆积无人清运", created_at=moment, number=f"DB-{n}")
             for n in range(5)]
    write_docx(Topic(items=items, keywords=["垃圾", "堆积"], place="幸福小区", peak_window=5), moment, tmp_path / "z.docx",
               ZoneInfo("Asia/Shanghai"))
    document = Document(str(tmp_path / "z.docx"))
    title = document.paragraphs[0].text
    assert title.startswith("幸福小区：") and "】" not in title and "【" not in title
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert document.styles["Normal"].font.name == "仿宋_GB2312"


def test_report_commands_without_a_running_bot_are_quiet(sim: SimulatorClient, tmp_path: Path) -> None:
    env = {"DATABASE_URL": sim.services.settings.database_url, "BOT_VAR_DIR": str(tmp_path / "var"),
           "PATH": "/usr/bin:/bin", "TZ": "Asia/Shanghai"}  # no REDIS_URL, no make run
    done = subprocess.run([sys.executable, "-m", "bot", "summary", "daily", "--date", "2026-11-30"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "enqueue failed" not in done.stderr + done.stdout and "RuntimeError" not in done.stderr + done.stdout
    assert "queued 1 summary messages" in done.stdout and "go out when `make run` starts" in done.stdout
