"""专报: five similar cases at one place within 30 days make a topic; a draft reaches the office once."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from bot.reports.topics import send_drafts
from bot.services import Services
from tests.reminders.conftest import at, chat, new_case, set_now
from tests.support import drain

SIMILAR = ["东湖街道幸福小区垃圾堆积无人清运", "幸福小区垃圾堆积发臭无人清运", "东湖街道幸福小区门口垃圾堆积清运不及时",
           "幸福小区垃圾站垃圾堆积没人清运", "反映幸福小区垃圾堆积清运问题", "幸福小区垃圾多日堆积无人清运"]
OTHER = ["青山镇中学门口校车超载", "交通局班车停运", "医院看病排队太久", "人社局欠薪投诉处理慢", "市场超市食品过期",
         "环保局河道污水排放", "教育局学位不足入学难", "路灯损坏夜间无照明"]


def test_topic_draft_chat_and_docx(services: Services, tmp_path: Path) -> None:
    for day, title in enumerate(SIMILAR):
        set_now(services, at(f"2026-11-{10 + day * 3:02d} 10:00"))
        new_case(services, title=title, body=title + "，联系电话13812345678")
    for title in OTHER:
        new_case(services, "chengguan", title=title, body=title)
    set_now(services, at("2026-11-30 10:00"))
    drafts = send_drafts(services, docx_dir=tmp_path)
    assert len(drafts) == 1
    assert "【专报（草稿）】" in drafts[0] and "共 6 件" in drafts[0] and "东湖街道办事处 6 件" in drafts[0]
    assert "建议" in drafts[0]
    drain(services)
    assert sum("【专报（草稿）】" in m.text for m in chat(services, "office")) == 1
    assert len(send_drafts(services)) == 1  # the draft is recomputed …
    drain(services)
    assert sum("【专报（草稿）】" in m.text for m in chat(services, "office")) == 1  # … but not posted twice
    docs = list(tmp_path.glob("zhuanbao-*.docx"))
    assert len(docs) == 1 and "幸福小区" in "\n".join(c.text for t in Document(str(docs[0])).tables
                                                    for r in t.rows for c in r.cells)
