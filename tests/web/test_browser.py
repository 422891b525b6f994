"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
log in, filter, open a case, dispatch it, see the simulator get the @-message, download the export.
Screenshots of the main pages go to test-artifacts/ at 1366×768 and 390 px wide."""

from __future__ import annotations

import os
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.config import ROOT
from bot.services import Services
from bot.web.demo import seed_demo_cases
from tests.support import drain
from tests.web.helpers import PASSWORD, make_users

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]


def _fontconfig(folder: Path) -> dict[str, str]:
    """Chromium's environment with the project's Noto Sans SC added to the system's fonts, so the
    screenshots show Chinese on a machine without any CJK font package (pages themselves name the
    viewer's usual fonts first: dashboard.css)."""
    from bot.reports.fonts import font_path

    font = font_path()
    if font is None:
        return dict(os.environ)
    conf = folder / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{font.parent}</dir>
  <cachedir>{folder / "cache"}</cachedir>
</fontconfig>
""", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@pytest.fixture
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, env=_fontconfig(tmp_path_factory.mktemp("fonts")), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        yield browser
        browser.close()


def _shoot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_dispatch_a_case_in_the_browser(browser: Any, live_server: Any, services: Services, sim: Any) -> None:
    make_users(services)
    seed_demo_cases(services)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server.url}/dashboard")
    _shoot(page, "login-1366")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#total")
    assert page.locator("#total").inner_text() == "6"
    _shoot(page, "cases-1366")

    page.select_option("select[name=status]", "pending")
    page.click("form#filters button[type=submit]")
    page.wait_for_url("**status=pending**")
    assert page.locator("#total").inner_text() == "1"
    page.click("table.cases tbody a")
    page.wait_for_url("**/dashboard/cases/*")
    assert "社区卫生服务中心排队时间长" in page.inner_text("main")
    _shoot(page, "case-pending-1366")

    page.select_option("#dispatch-form select[name=lead]", label="示例县卫生健康局")
    page.click("#dispatch-form button[type=submit]")
    page.wait_for_selector(".flash.ok")
    assert "已派发" in page.inner_text(".flash.ok")
    assert "网页" in page.inner_text("#history") and "web:admin" in page.inner_text("#history")
    _shoot(page, "case-dispatched-1366")
    drain(services)
    messages = sim.bot_messages("g-weijian")
    assert messages and "【新工单·主办】" in messages[-1]["text"] and messages[-1]["mentions"][0]["name"] == "蒋楠"

    page.goto(f"{live_server.url}/dashboard/cases")
    with page.expect_download() as info:
        page.click("#export")
    data = Path(info.value.path()).read_bytes()
    sheet = load_workbook(BytesIO(data))["工单"]
    assert sheet["A1"].value == "工单号" and sheet.max_row == 7

    page.goto(f"{live_server.url}/dashboard/stats")
    page.wait_for_function("document.querySelector('#chart-units canvas') !== null")
    _shoot(page, "stats-1366")
    page.goto(f"{live_server.url}/dashboard/units")
    _shoot(page, "units-1366")
    page.click("a[href$='/dashboard/units/2']")
    page.wait_for_selector("#people")
    _shoot(page, "unit-edit-1366")

    # Background export (offered on the list above 2,000 rows): the same POST the list's button makes,
    # then the page polls the job and shows the link once a worker has built the file.
    page.goto(f"{live_server.url}/dashboard/cases")
    page.evaluate("""() => { const f = document.createElement('form'); f.method = 'post';
        f.action = '/dashboard/export/jobs?status=dispatched';
        f.innerHTML = '<input type=hidden name=csrf_token value="' + document.querySelector('input[name=csrf_token]').value + '">';
        document.body.appendChild(f); f.submit(); }""")
    page.wait_for_selector("#export-progress")
    drain(services)
    page.wait_for_selector("#export-download:not([hidden])")
    assert page.inner_text("#export-percent") == "100"
    _shoot(page, "export-job-1366")
    with page.expect_download() as info:
        page.click("#export-download")
    assert load_workbook(BytesIO(Path(info.value.path()).read_bytes()))["工单"]["A1"].value == "工单号"

    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                has_touch=True)
    mobile = phone.new_page()
    mobile.goto(f"{live_server.url}/login")
    mobile.fill("input[name=username]", "zj_handler")
    mobile.fill("input[name=password]", PASSWORD)
    mobile.click("button[type=submit]")
    mobile.wait_for_selector("#total")
    _shoot(mobile, "cases-390")
    mobile.click("table.cases tbody a")
    mobile.wait_for_url("**/dashboard/cases/*")
    _shoot(mobile, "case-390")
    # The page is not wider than the phone (tables scroll inside their own box).
    assert mobile.evaluate("document.documentElement.scrollWidth") <= 390
    mobile.goto(f"{live_server.url}/dashboard/cases?status=dispatched")
    mobile.click("form.who button")  # log out, then look at the statistics as the office
    mobile.fill("input[name=username]", "admin")
    mobile.fill("input[name=password]", PASSWORD)
    mobile.click("button[type=submit]")
    mobile.wait_for_selector("#total")
    mobile.goto(f"{live_server.url}/dashboard/stats")
    mobile.wait_for_function("document.querySelector('#chart-units canvas') !== null")
    _shoot(mobile, "stats-390")
    assert mobile.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()
    context.close()
