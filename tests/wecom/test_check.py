"""`wecom check` against the fake server: plain-language findings."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from bot.platforms.wecom_check import run_checks
from bot.services import Services
from models import Unit
from tests.fakes.wecom_server import FakeWeCom
from tests.wecom.conftest import wecom_section


def test_check_reports_in_plain_words(wecom_services: Services, fake_wecom: FakeWeCom) -> None:
    with wecom_services.sessions() as session, session.begin():
        unit = session.scalar(select(Unit).where(Unit.code == "donghu"))
        assert unit is not None
        unit.robots = {"wecom": {"webhook_key": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"}}
    lines: list[str] = []
    problems = run_checks(wecom_services, send_test=True, out=lines.append)
    text = "\n".join(lines)
    assert "获取 access_token 成功" in text and "应用消息接口可用" in text
    assert "示例县住房和城乡建设局群机器人可用" in text
    assert any("只填 URL 中 key= 后面的部分" in p for p in problems)
    assert any("没有群机器人 key" in p for p in problems)

    wecom_services.settings = replace(wecom_services.settings,
                                      platforms={"wecom": {**wecom_section(fake_wecom), "agent_secret": "wrong"}})
    problems = run_checks(wecom_services, out=lines.append)
    assert any("应用Secret（WECOM_AGENT_SECRET）不正确" in p for p in problems)
