"""``python -m bot wecom check``: validate the WeCom configuration against the API, in plain words."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import select

from bot.platforms.wecom_config import WeComConfig
from bot.platforms.wecom_crypto import aes_key
from bot.services import Services

# errcodes an admin meets while connecting (https://developer.work.weixin.qq.com/document/path/90313).
HINTS = {
    40013: "企业ID（WECOM_CORP_ID）不正确",
    40001: "应用Secret（WECOM_AGENT_SECRET）不正确",
    40056: "应用AgentId（WECOM_AGENT_ID）不正确",
    60020: "服务器IP不在应用的“企业可信IP”中",
    301002: "AgentId 与 Secret 不属于同一个应用",
    93000: "群机器人 webhook key 无效（机器人已被移除，或填写了整条URL而不是 key=后面的部分）",
}
_KEY_SHAPE = re.compile(r"^[0-9A-Za-z_-]{6,64}$")


def run_checks(services: Services, *, send_test: bool = False, out: Callable[[str], None] = print) -> list[str]:
    """Print one line per check; returns the problems (empty = all good)."""
    from bot.platforms.wecom import WeComAdapter

    problems: list[str] = []

    def bad(text: str) -> None:
        problems.append(text)
        out(f"✗ {text}")

    section = services.settings.platforms.get("wecom")
    if not section:
        bad("没有任何 WECOM_* 环境变量：企业微信渠道未启用")
        return problems
    config = WeComConfig.from_section(section)
    for label, value, name in (("企业ID", config.corp_id, "WECOM_CORP_ID"), ("应用AgentId", config.agent_id, "WECOM_AGENT_ID"),
                               ("应用Secret", config.agent_secret, "WECOM_AGENT_SECRET")):
        if not value:
            bad(f"缺少{label}（{name}）：无法给个人发送提醒")
    if config.agent_id and not config.agent_id.isdigit():
        bad("WECOM_AGENT_ID 应为纯数字（应用详情页的 AgentId）")
    for label, value in (("WECOM_ENCODING_AES_KEY", config.encoding_aes_key),
                         ("WECOM_AIBOT_ENCODING_AES_KEY", config.aibot_encoding_aes_key)):
        if value:
            try:
                aes_key(value)
            except ValueError:
                bad(f"{label} 应为 43 位字符（在后台“随机获取”后原样复制）")
    if not (config.aibot_enabled or config.ws_enabled):
        bad("智能机器人未配置（WECOM_AIBOT_TOKEN/WECOM_AIBOT_ENCODING_AES_KEY，或长连接 WECOM_MODE=ws + WECOM_BOT_ID/WECOM_BOT_SECRET）：群里@机器人的消息收不到")
    if config.mode == "ws" and not config.ws_enabled:
        bad("WECOM_MODE=ws 但缺少 WECOM_BOT_ID 或 WECOM_BOT_SECRET")

    adapter = WeComAdapter(services, config)
    if config.app_enabled and config.agent_id.isdigit():
        from wechatpy.exceptions import WeChatClientException

        try:
            adapter.client.fetch_access_token()
            out("✓ 获取 access_token 成功（企业ID与应用Secret正确，服务器IP可信）")
            # No dry-run API exists: a message to a user id that cannot exist checks token + AgentId
            # and reaches nobody (errcode 0 with invaliduser, or 81013).
            try:
                adapter.client.message.send(int(config.agent_id), ["__dispatch_bot_check__"],
                                            msg={"msgtype": "text", "text": {"content": "配置检查"}})
                out("✓ 应用消息接口可用（AgentId 正确）")
            except WeChatClientException as exc:
                if exc.errcode == 81013:
                    out("✓ 应用消息接口可用（AgentId 正确）")
                else:
                    bad(f"应用消息发送失败：{HINTS.get(exc.errcode or 0, f'错误码 {exc.errcode}')}")
        except WeChatClientException as exc:
            bad(f"获取 access_token 失败：{HINTS.get(exc.errcode or 0, f'错误码 {exc.errcode}')}")
        except Exception as exc:  # network: DNS, proxy, firewall
            bad(f"无法连接企业微信接口 {config.api_base}（{exc.__class__.__name__}）：检查网络或代理")

    from sqlalchemy.exc import SQLAlchemyError

    from models import Unit

    try:
        with services.sessions() as session:
            units = [(u.code, u.name, (u.chats or {}).get("wecom"),
                      ((u.robots or {}).get("wecom") or {}).get("webhook_key"))
                     for u in session.scalars(select(Unit).order_by(Unit.id))]
    except SQLAlchemyError:
        bad("读不到单位名录：先运行 python -m bot db upgrade 和 python -m bot units import config/units.yaml")
        return problems
    for code, name, chat, key in units:
        if not chat and not key:
            continue
        if not key:
            bad(f"{name}（{code}）有企业微信群但没有群机器人 key：派单无法@到人")
            continue
        if key.startswith("http") or "key=" in key or not _KEY_SHAPE.match(key):
            bad(f"{name}（{code}）的 webhook_key 格式不对：只填 URL 中 key= 后面的部分")
            continue
        if send_test:
            result = adapter._post_robot(key, {"msgtype": "text", "text": {"content": "督办助手配置检查：本群机器人可用。"}})
            if result is None:
                out(f"✓ {name}群机器人可用")
            else:
                bad(f"{name}群机器人发送失败：{result.error}")
        else:
            out(f"✓ {name}群机器人 key 格式正确（加 --send-test 实际发一条测试消息）")
    if not problems:
        out("全部检查通过。")
    return problems
