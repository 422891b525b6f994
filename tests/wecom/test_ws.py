"""Long-connection mode against a fake WebSocket gateway on loopback: subscribe, heartbeat,
same accept path, answer with the same req_id, reconnect after a drop."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace

from sqlalchemy import func, select

from bot.platforms.wecom import build_adapter
from bot.platforms.wecom_config import WeComConfig
from bot.platforms.wecom_ws import LongConnection
from bot.services import Services
from models import Case
from tests.fakes.wecom_server import FakeWeCom
from tests.fakes.wecom_ws_gateway import FakeWsGateway
from tests.support import drain, wait_for
from tests.wecom.conftest import wecom_section

POST = "东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理"


def test_long_connection_lifecycle(wecom_services: Services, fake_wecom: FakeWeCom) -> None:
    gateway = FakeWsGateway()
    section = wecom_section(fake_wecom, mode="ws", bot_id="BOTID", bot_secret="BOTSECRET", ws_url=gateway.url)
    wecom_services.settings = replace(wecom_services.settings, platforms={"wecom": section})
    wecom_services.adapters["wecom"] = build_adapter(wecom_services)
    connection = LongConnection(wecom_services, WeComConfig.from_section(section), ping_interval_s=0.2)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(connection.run(),), daemon=True)
    thread.start()
    try:
        wait_for(lambda: gateway.subscribes == 1, timeout=10)
        assert gateway.sent("aibot_subscribe")[0]["body"] == {"bot_id": "BOTID", "secret": "BOTSECRET"}
        body = {"msgid": "ws-1", "aibotid": "BOTID", "chattype": "single", "from": {"userid": "zhaolei"},
                "msgtype": "text", "text": {"content": POST}}
        req_id = gateway.push_message(body)
        gateway.push_message(body)  # redelivered after a reconnect: stored once
        wait_for(lambda: len(wecom_services.queue) >= 1, timeout=10)
        drain(wecom_services)
        with wecom_services.sessions() as session:
            assert session.scalar(select(func.count(Case.id))) == 1
        replies = wait_for(lambda: gateway.sent("aibot_respond_msg"), timeout=10)
        assert len(replies) == 1 and replies[0]["headers"]["req_id"] == req_id
        assert replies[0]["body"]["msgtype"] == "stream" and "已建工单" in replies[0]["body"]["stream"]["content"]
        wait_for(lambda: gateway.sent("ping"), timeout=5)

        gateway.drop()
        wait_for(lambda: gateway.subscribes == 2, timeout=15)  # reconnected with backoff, subscribed again
        gateway.push_message({**body, "msgid": "ws-2", "text": {"content": "帮助"}})
        wait_for(lambda: len(wecom_services.queue) >= 1, timeout=10)
        drain(wecom_services)
        wait_for(lambda: len(gateway.sent("aibot_respond_msg")) == 2, timeout=10)
    finally:
        loop.call_soon_threadsafe(connection.stop)
        thread.join(timeout=10)
        loop.close()
        gateway.stop()
    assert not thread.is_alive()
