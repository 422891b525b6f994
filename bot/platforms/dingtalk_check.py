"""`python -m bot dingtalk check`: validate the DingTalk settings and every unit's group robot,
and say in plain words what to fix. Read-only unless ``--send-test`` is given."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from bot.config import Settings
from bot.platforms.dingtalk import DingTalkAdapter
from bot.services import Services
from models import Person, Unit


def run_checks(services: Services, *, send_test: bool = False, out: Callable[[str], None] = print) -> list[str]:
    """Print one line per check; return the problems found."""
    problems: list[str] = []

    def problem(text: str) -> None:
        problems.append(text)
        out(f"✗ {text}")

    config = services.settings.platforms.get("dingtalk")
    if not config:
        problem("未配置钉钉：请设置 DINGTALK_APP_KEY 和 DINGTALK_APP_SECRET")
        return problems
    for key in ("app_key", "app_secret"):
        if not config.get(key):
            problem(f"缺少 DINGTALK_{key.upper()}（开发者后台 → 应用 → 凭证与基础信息）")
    mode = config.get("mode", "http")
    if mode not in ("http", "stream"):
        problem(f"DINGTALK_MODE={mode} 无效：应为 http 或 stream")
    # Warnings, not problems: without a public URL charts still go out, as text only.
    public_url = services.settings.public_url
    if not public_url:
        out("! 未设置 BOT_PUBLIC_URL：日报图表只发文字（见 deploy/dingtalk.md 第七节）")
    elif not public_url.startswith("https://"):
        out("! BOT_PUBLIC_URL 不是 https 地址：钉钉网页版不显示其中的图表图片")
    if public_url and services.settings.secret_key == Settings().secret_key:
        problem("SECRET_KEY 仍是默认值：图表链接的签名可被伪造，请设置一段随机字符串")
    adapter = DingTalkAdapter(services, config)
    if config.get("app_key") and config.get("app_secret"):
        try:
            adapter.access_token(refresh=True)
            out("✓ 应用凭证有效（已获取 accessToken）")
        except Exception as exc:
            problem(f"应用凭证无效：AppKey/AppSecret 错误或网络不通（{str(exc)[:80]}）")
    with services.sessions() as session:  # read everything first: sends below may write alerts
        units = [(u.name, u.code, (u.chats or {}).get("dingtalk"), dict((u.robots or {}).get("dingtalk") or {}))
                 for u in session.scalars(select(Unit).order_by(Unit.id))]
        missing_ids = [f"{p.unit.name}的{p.role} {p.code}" for p in session.scalars(select(Person).order_by(Person.id))
                       if p.unit and (p.unit.chats or {}).get("dingtalk") and not p.platform_id("dingtalk")]
    for label, code, chat, robot in units:
        if not chat and not robot:
            continue
        if not chat:
            problem(f"{label}：配置了群机器人但没有 chats.dingtalk（群的 openConversationId）")
        if not robot.get("access_token"):
            out(f"! {label}：未配置自定义机器人，群消息将走应用机器人（无法 @ 人）")
            continue
        secret = str(robot.get("secret", ""))
        if not secret:
            problem(f"{label}：机器人未设置加签密钥 secret（安全设置请选“加签”）")
        elif not secret.startswith("SEC"):
            problem(f"{label}：加签密钥应以 SEC 开头，请从机器人安全设置中完整复制")
        if "access_token=" in str(robot["access_token"]):
            problem(f"{label}：access_token 只填 Webhook 地址中 access_token= 后面的部分")
        if send_test and chat:
            result = adapter._send_custom_robot(str(chat), {**robot, "unit": code}, {
                "msgtype": "text", "text": {"content": "督办助手配置检查：本群机器人可以正常发送。"},
                "at": {"atUserIds": [], "isAtAll": False}})
            if result.ok:
                out(f"✓ {label}：测试消息已发送")
            else:
                problem(f"{label}：测试发送失败（{result.error}）：检查加签密钥、关键词和 IP 白名单")
        else:
            out(f"✓ {label}：群和机器人已配置")
    for who in missing_ids:
        problem(f"{who}：缺少钉钉 userid（ids.dingtalk），无法 @ 到本人")
    out("检查完成：" + ("全部通过" if not problems else f"{len(problems)} 个问题"))
    return problems
