"""Background export: started from the list page's filters, run by a real RQ worker (drain), progress
polled as JSON, the file downloadable only by the user who asked, and gone after it expires."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import load_workbook

from bot.services import Services
from bot.web.dashboard import export_jobs
from tests.support import drain
from tests.web.helpers import csrf_from, login, make_case, make_users


def test_background_export_progress_download_owner_and_expiry(app: Any, services: Services) -> None:
    make_users(services)
    for i in range(3):
        make_case(services, title=f"=1+{i} 路灯不亮", lead="zhujian")
    make_case(services, title="东湖别的事", lead="donghu")
    client = app.test_client()
    login(client, "admin")
    token = csrf_from(client.get("/dashboard/cases").get_data(as_text=True))
    assert client.post("/dashboard/export/jobs?q=路灯").status_code == 400  # no CSRF token
    started = client.post("/dashboard/export/jobs?q=路灯&sort=number", data={"csrf_token": token})
    assert started.status_code == 302
    page_url = started.headers["Location"]
    export_id = page_url.rsplit("/", 1)[1]
    page = client.get(page_url).get_data(as_text=True)
    assert "共 3 件" in page and "排队中" in page
    queued = client.get(f"{page_url}.json").get_json()
    assert queued == {"state": "queued", "done": 0, "total": 3, "percent": 0, "url": None}
    assert client.get(f"{page_url}/file").status_code == 404

    assert drain(services) == 1
    status = client.get(f"{page_url}.json").get_json()
    assert status["state"] == "done" and status["percent"] == 100 and status["done"] == 3
    download = client.get(status["url"])
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    sheet = load_workbook(BytesIO(download.data))["工单"]
    download.close()  # send_file's open file
    assert sheet["A1"].value == "工单号" and sheet.max_row == 4
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["'=1+0 路灯不亮", "'=1+1 路灯不亮",
                                                                             "'=1+2 路灯不亮"]

    # Another user (even an admin) cannot see or fetch it; a made-up id is the same 404.
    other = app.test_client()
    login(other, "disp")
    for url in (page_url, f"{page_url}.json", f"{page_url}/file", "/dashboard/export/jobs/../../etc/passwd"):
        assert other.get(url).status_code == 404, url

    # Files expire: the sweep removes old files, and an expired record is a 404.
    path = export_jobs.file_path(services, export_id)
    # A day after the file was written, by the filesystem's clock (the one the sweep compares).
    assert export_jobs.sweep_expired(services, now_s=path.stat().st_mtime + export_jobs.EXPORT_TTL_S + 60) == 1
    assert not path.exists()
    services.redis.delete(f"web:export:{export_id}")
    assert client.get(f"{page_url}/file").status_code == 404


def test_unit_user_background_export_is_scoped_and_masked(app: Any, services: Services) -> None:
    make_users(services)
    make_case(services, title="住建 13812345678", lead="zhujian")
    make_case(services, title="东湖 13812345678", lead="donghu")
    client = app.test_client()
    login(client, "dh_leader")
    token = csrf_from(client.get("/dashboard/cases").get_data(as_text=True))
    page_url = client.post("/dashboard/export/jobs", data={"csrf_token": token}).headers["Location"]
    drain(services)
    status = client.get(f"{page_url}.json").get_json()
    download = client.get(status["url"])
    sheet = load_workbook(BytesIO(download.data))["工单"]
    download.close()
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["东湖 138****5678"]
