"""WeCom settings from the environment (``WECOM_*`` → ``settings.platforms["wecom"]``).

| variable | what |
|---|---|
| WECOM_CORP_ID | 企业ID (also the app callback's receiveid) |
| WECOM_AGENT_ID / WECOM_AGENT_SECRET | 自建应用 AgentId / Secret (personal messages, media) |
| WECOM_TOKEN / WECOM_ENCODING_AES_KEY | 自建应用 "接收消息" Token / EncodingAESKey |
| WECOM_AIBOT_TOKEN / WECOM_AIBOT_ENCODING_AES_KEY | 智能机器人 API mode Token / EncodingAESKey |
| WECOM_MODE | ``http`` (default) or ``ws`` (智能机器人 long connection) |
| WECOM_BOT_ID / WECOM_BOT_SECRET | 智能机器人 long-connection BotID / Secret |
| WECOM_API_BASE | default ``https://qyapi.weixin.qq.com/cgi-bin/`` (tests point it at the fake) |
| WECOM_WS_URL | default ``wss://openws.work.weixin.qq.com`` |
| WECOM_TIMESTAMP_WINDOW_S | callback timestamps older/newer than this are refused (default 600) |

Each unit's group robot key is in the unit directory: ``robots: {wecom: {webhook_key: …}}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_API_BASE = "https://qyapi.weixin.qq.com/cgi-bin/"
DEFAULT_WS_URL = "wss://openws.work.weixin.qq.com"


@dataclass(frozen=True)
class WeComConfig:
    corp_id: str = ""
    agent_id: str = ""
    agent_secret: str = ""
    token: str = ""
    encoding_aes_key: str = ""
    aibot_token: str = ""
    aibot_encoding_aes_key: str = ""
    mode: str = "http"
    bot_id: str = ""
    bot_secret: str = ""
    api_base: str = DEFAULT_API_BASE
    ws_url: str = DEFAULT_WS_URL
    timestamp_window_s: int = 600
    http_timeout_s: float = 10.0

    @classmethod
    def from_section(cls, section: Mapping[str, str]) -> WeComConfig:
        base = section.get("api_base") or DEFAULT_API_BASE
        return cls(
            corp_id=section.get("corp_id", ""),
            agent_id=section.get("agent_id", ""),
            agent_secret=section.get("agent_secret") or section.get("secret", ""),
            token=section.get("token", ""),
            encoding_aes_key=section.get("encoding_aes_key", ""),
            aibot_token=section.get("aibot_token", ""),
            aibot_encoding_aes_key=section.get("aibot_encoding_aes_key", ""),
            mode=(section.get("mode") or "http").lower(),
            bot_id=section.get("bot_id", ""),
            bot_secret=section.get("bot_secret", ""),
            api_base=base if base.endswith("/") else base + "/",
            ws_url=section.get("ws_url") or DEFAULT_WS_URL,
            timestamp_window_s=int(section.get("timestamp_window_s") or 600),
            http_timeout_s=float(section.get("http_timeout_s") or 10.0),
        )

    @property
    def app_enabled(self) -> bool:
        return bool(self.corp_id and self.agent_id and self.agent_secret)

    @property
    def app_callback_enabled(self) -> bool:
        return bool(self.corp_id and self.token and self.encoding_aes_key)

    @property
    def aibot_enabled(self) -> bool:
        return bool(self.aibot_token and self.aibot_encoding_aes_key)

    @property
    def ws_enabled(self) -> bool:
        return self.mode == "ws" and bool(self.bot_id and self.bot_secret)
