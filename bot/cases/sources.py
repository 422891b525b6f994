"""Where a citizen's post was published."""

from __future__ import annotations

from urllib.parse import urlparse

SOURCE_LABELS = {
    "hongwang": "红网百姓呼声",
    "wenzheng_hunan": "问政湖南",
    "douyin": "抖音",
    "weibo": "微博",
    "12345": "12345",
    "wechat": "微信",
    "other": "其他",
}
# Official boards vs apps, as the county's yearly account counts them (899 vs 1,103).
OFFICIAL_BOARDS = ("hongwang", "wenzheng_hunan", "12345")

# Host suffix → source; the more specific hosts first (wz.rednet.cn is 问政湖南, rednet.cn is 红网).
_HOSTS = (
    ("wz.rednet.cn", "wenzheng_hunan"),
    ("wenzheng.rednet.cn", "wenzheng_hunan"),
    ("wz.hunan.gov.cn", "wenzheng_hunan"),
    ("rednet.cn", "hongwang"),
    ("douyin.com", "douyin"),
    ("iesdouyin.com", "douyin"),
    ("weibo.com", "weibo"),
    ("weibo.cn", "weibo"),
    ("mp.weixin.qq.com", "wechat"),
    ("weixin.qq.com", "wechat"),
)
KNOWN_HOSTS = tuple(host for host, _ in _HOSTS)


def source_from_link(link: str) -> str:
    host = (urlparse(link).hostname or "").lower()
    for suffix, source in _HOSTS:
        if host == suffix or host.endswith("." + suffix):
            return source
    return "other"


def label(source: str) -> str:
    return SOURCE_LABELS.get(source, source)
