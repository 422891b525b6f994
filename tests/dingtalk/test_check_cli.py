"""`python -m bot dingtalk check` against the fake DingTalk: what an admin sees."""

from __future__ import annotations

from sqlalchemy import select

from bot.platforms.dingtalk_check import run_checks
from models import Unit
from tests.dingtalk.conftest import DingTalkClient


def test_check_passes_then_explains_what_is_wrong(dt: DingTalkClient) -> None:
    lines: list[str] = []
    assert run_checks(dt.services, send_test=True, out=lines.append) == []
    assert any("测试消息已发送" in line for line in lines)
    with dt.services.sessions() as session, session.begin():
        unit = session.scalar(select(Unit).where(Unit.code == "zhujian"))
        assert unit is not None
        unit.robots = {"dingtalk": {"access_token": "https://oapi.dingtalk.com/robot/send?access_token=x",
                                    "secret": "abc"}}
    dt.fake.robots["robot-chengguan"].secret = "SEC-changed"
    problems = run_checks(dt.services, send_test=True, out=lines.append)
    assert any("SEC 开头" in p for p in problems)
    assert any("access_token=" in p for p in problems)
    assert any("城市管理局" in p and "310000" in p for p in problems)


def test_check_explains_the_chart_link_settings(dt: DingTalkClient) -> None:
    import dataclasses

    lines: list[str] = []
    run_checks(dt.services, out=lines.append)
    assert any("BOT_PUBLIC_URL" in line for line in lines)
    dt.services.settings = dataclasses.replace(dt.services.settings, public_url="http://10.0.0.5:8000")
    problems = run_checks(dt.services, out=lines.append)
    assert any("https" in line for line in lines) and any("SECRET_KEY" in p for p in problems)
