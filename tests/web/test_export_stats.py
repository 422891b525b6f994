"""Excel export (opened with openpyxl) and the statistics page."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from typing import Any

from openpyxl import load_workbook

from bot.services import Services
from bot.web.demo import seed_demo_cases
from tests.web.helpers import login, make_case, make_users


def test_case_export_has_chinese_headers_dates_and_no_formulas(app: Any, services: Services) -> None:
    make_users(services)
    make_case(services, title="=HYPERLINK(\"http://evil\",\"点我\")", lead="donghu")
    make_case(services, title="+1 道路积水", lead=None)
    client = app.test_client()
    login(client, "admin")
    response = client.get("/dashboard/export/cases.xlsx?sort=number")
    assert response.status_code == 200 and response.headers["X-Row-Count"] == "2"
    sheet = load_workbook(BytesIO(response.data))["工单"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["工单号", "标题", "状态"] and "办理时限" in header
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 40
    first, second = sheet[2], sheet[3]
    assert first[1].value == "'=HYPERLINK(\"http://evil\",\"点我\")" and first[1].data_type == "s"
    assert second[1].value == "'+1 道路积水"
    assert isinstance(first[10].value, datetime) and first[10].number_format == "yyyy-mm-dd hh:mm"
    assert first[7].value == "东湖街道办事处" and first[2].value == "已分派"
    # Filters apply to the export as to the page.
    only_pending = load_workbook(BytesIO(client.get("/dashboard/export/cases.xlsx?status=pending").data))["工单"]
    assert only_pending.max_row == 2


def test_stats_page_and_export_agree_with_compute_stats(app: Any, services: Services) -> None:
    make_users(services)
    assert seed_demo_cases(services) == 6
    client = app.test_client()
    login(client, "admin")
    page = client.get("/dashboard/stats").get_data(as_text=True)
    assert "办结率" in page and "echarts.min.js" in page and "东湖街道办事处" in page
    book = load_workbook(BytesIO(client.get("/dashboard/stats/stats.xlsx").data))
    overview = {row[0]: row[1] for row in book["概览"].iter_rows(min_row=2, values_only=True)}
    assert overview["新增"] == 6 and overview["办结"] == 2
    assert client.get("/dashboard/stats?from=2020-01-01&to=2026-12-31").status_code == 400
    login(viewer := app.test_client(), "zj_handler")
    assert viewer.get("/dashboard/stats").status_code == 403


def test_units_edit_validation_and_yaml_roundtrip(app: Any, services: Services) -> None:
    from tests.web.helpers import csrf_from

    make_users(services)
    client = app.test_client()
    login(client, "admin")
    listing = client.get("/dashboard/units").get_data(as_text=True)
    token = csrf_from(listing)
    exported = client.get("/dashboard/units/export.yaml")
    assert exported.status_code == 200 and "示例县住房和城乡建设局" in exported.get_data(as_text=True)
    bad = client.post("/dashboard/units/2", data={"csrf_token": token, "name": ""})
    assert bad.status_code == 400
    ok = client.post("/dashboard/units/2", data={"csrf_token": token, "name": "示例县住建局（改）", "aliases": "住建局、建设局",
                                                 "chat_simulator": "g-zhujian"})
    assert ok.status_code == 302
    assert "示例县住建局（改）" in client.get("/dashboard/units").get_data(as_text=True)
    broken = client.post("/dashboard/units/import", data={"csrf_token": token,
                                                          "file": (BytesIO(b"units: [{code: x}]"), "u.yaml")},
                         content_type="multipart/form-data")
    assert broken.status_code == 400
    back = client.post("/dashboard/units/import", data={"csrf_token": token,
                                                        "file": (BytesIO(exported.data), "units.yaml")},
                       content_type="multipart/form-data")
    assert back.status_code == 302
    handler = app.test_client()
    login(handler, "zj_handler")
    assert handler.get("/dashboard/units").status_code == 403
