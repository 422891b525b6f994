"""Known-answer vectors (docs/protocols.md §1, from wechatpy tests/test_crypto.py) through our crypto."""

from __future__ import annotations

import json

import pytest

from bot.platforms.wecom_crypto import CallbackCrypto, CryptoError, decrypt_media, encrypt_media, signature

TOKEN, KEY, CORP = "123456", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx49f0ab532d5d035a"
ECHO = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q=="
ENCRYPT = ("RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGym"
           "zxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4h"
           "IiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEv"
           "ccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=")
AIBOT_ENCRYPT = ("9s4gMv99m88kKTh/H8IdkMfTZHm13iEauBzaKOugUDUQFmaq2H5hrCH5+5t6CoaVfs/gQvT+zi5N7POnPxIacdh4nTckxTI8fyYJAbHdAIAd/"
                 "Xc7tYhsM2NSzAnmHXCEKIU1sW0BaDhZE5EW/NOyRYlgQUkZUfRuZH7MHNYEx6Xy9dAp6sQhFSq+sQgBwPNnnTm1Gv02ZMHmsUMBPcQUSw==")


def test_verify_url_vector() -> None:
    crypto = CallbackCrypto(TOKEN, KEY, CORP)
    assert crypto.decrypt("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", "1411443780", "437374425", ECHO) == "5927782489442352469"
    with pytest.raises(CryptoError):
        crypto.decrypt("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", "1411443780", "437374424", ECHO)


def test_app_message_vector() -> None:
    plain = CallbackCrypto(TOKEN, KEY, CORP).decrypt("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", "1411525903",
                                                     "461056294", ENCRYPT)
    assert "<FromUserName><![CDATA[messense]]></FromUserName>" in plain and "<MsgId>4363689963896700987</MsgId>" in plain


def test_wrong_receive_id_is_refused() -> None:
    with pytest.raises(CryptoError) as info:
        CallbackCrypto(TOKEN, KEY, "wwother").decrypt("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", "1411525903",
                                                      "461056294", ENCRYPT)
    assert info.value.reason == "bad_receive_id"


def test_aibot_json_vector() -> None:
    assert signature(TOKEN, "1700000000", "abc123", AIBOT_ENCRYPT) == "989316fedcd57999a4e1cb3f8cdf223c1f7bac6e"
    plain = CallbackCrypto(TOKEN, KEY, "").decrypt("989316fedcd57999a4e1cb3f8cdf223c1f7bac6e", "1700000000", "abc123",
                                                   AIBOT_ENCRYPT)
    assert json.loads(plain)["from"] == {"userid": "zhangsan"}


def test_media_roundtrip() -> None:
    data = bytes(range(200))
    assert decrypt_media(encrypt_media(data, KEY), KEY) == data
