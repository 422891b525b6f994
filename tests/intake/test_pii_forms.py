"""Every form of a phone or ID number that a person reads as one number is found and masked:
full-width digits (what Chinese input methods type in full-width mode), spaces, dashes, +86, X.

Masked means: after NFKC normalisation and with separators removed, the number is no longer in
the text, in chat replies and in log records alike.
"""

from __future__ import annotations

import logging
import re
import unicodedata

import pytest

from bot.cases.pii import find_id_numbers, find_phones, mask_text
from tests.support import SimulatorClient

MOBILE = "13912345678"
ID_NUMBER = "43010219900101123X"


def _full_width(text: str) -> str:
    """ASCII digits, letters, + and - as their full-width forms (U+FF01…U+FF5E); space as U+3000."""
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _digits_seen(text: str) -> str:
    """What a reader sees as digits: NFKC-normalised, separators gone."""
    return re.sub(r"[\s\-－—.·()（）+]", "", unicodedata.normalize("NFKC", text)).upper()


MOBILE_FORMS = [
    pytest.param("13912345678", id="plain"),
    pytest.param("139 1234 5678", id="spaced"),
    pytest.param("139-1234-5678", id="dashed"),
    pytest.param("+86 139 1234 5678", id="plus86-spaced"),
    pytest.param("+86-139-1234-5678", id="plus86-dashed"),
    pytest.param("8613912345678", id="86-prefix"),
    pytest.param(_full_width("13912345678"), id="fullwidth"),
    pytest.param(_full_width("139 1234 5678"), id="fullwidth-spaced"),
    pytest.param(_full_width("139-1234-5678"), id="fullwidth-dashed"),
    pytest.param(_full_width("+86 13912345678"), id="fullwidth-plus86"),
    pytest.param("139" + _full_width("1234") + "5678", id="mixed-width"),  # half typed in full-width mode
]

ID_FORMS = [
    pytest.param("43010219900101123X", id="plain"),
    pytest.param("43010219900101123x", id="lower-x"),
    pytest.param("430102 19900101 123X", id="spaced"),
    pytest.param("430102-19900101-123X", id="dashed"),
    pytest.param(_full_width("43010219900101123X"), id="fullwidth"),
    pytest.param(_full_width("430102 19900101 123X"), id="fullwidth-spaced"),
    pytest.param(_full_width("43010219900101123") + "x", id="fullwidth-lower-x"),
]


@pytest.mark.parametrize("form", MOBILE_FORMS)
def test_every_form_of_a_mobile_number_is_found_and_masked(form: str) -> None:
    text = f"网民反映东湖路垃圾堆积，联系电话{form}，请尽快处理。"
    assert find_phones(text) == [MOBILE]
    masked = mask_text(text)
    assert MOBILE not in _digits_seen(masked), masked
    assert "139****5678" in masked
    assert masked.startswith("网民反映东湖路垃圾堆积，联系电话") and masked.endswith("，请尽快处理。")


@pytest.mark.parametrize("form", ID_FORMS)
def test_every_form_of_an_id_number_is_found_and_masked(form: str) -> None:
    text = f"身份证号{form}，户籍东湖街道。"
    assert find_id_numbers(text) == [ID_NUMBER]
    assert find_phones(text) == []  # an ID number is not read as a phone number
    masked = mask_text(text)
    assert ID_NUMBER not in _digits_seen(masked), masked
    assert "4301**********123X" in masked


@pytest.mark.parametrize("form", [
    pytest.param("0731-84561234", id="plain"),
    pytest.param(_full_width("0731-84561234"), id="fullwidth"),
    pytest.param("（０７３１）８４５６１２３４", id="fullwidth-brackets"),
])
def test_every_form_of_a_landline_is_found_and_masked(form: str) -> None:
    text = f"请联系{form}。"
    assert find_phones(text) == ["073184561234"]
    assert "84561234" not in _digits_seen(mask_text(text))


@pytest.mark.parametrize("text", [
    pytest.param("2025年共收到128条留言，订单号202511230001。", id="plain"),
    pytest.param(_full_width("2025") + "年共收到" + _full_width("128") + "条留言，订单号" + _full_width("202511230001") + "。",
                 id="fullwidth"),
    pytest.param("工单 DB-20261128-0001 已办结。", id="case-number"),
])
def test_ordinary_numbers_in_any_width_are_left_alone(text: str) -> None:
    assert mask_text(text) == text
    assert find_phones(text) == [] and find_id_numbers(text) == []


def test_full_width_numbers_never_reach_the_chat_or_the_logs(sim: SimulatorClient,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="bot")
    caplog.set_level(logging.DEBUG, logger="handlers")
    post = (f"东湖街道东湖路幸福小区物业不作为，垃圾堆积多日无人清理，联系电话{_full_width(MOBILE)}，"
            f"身份证{_full_width('430102 19900101 123X')}")
    sim.send("office", "zhaolei", post)
    replies = [m["text"] for m in sim.bot_messages("office")]
    assert replies, "the bot said nothing"
    for reply in replies:
        assert MOBILE not in _digits_seen(reply) and ID_NUMBER not in _digits_seen(reply), reply
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert MOBILE not in _digits_seen(logged) and ID_NUMBER not in _digits_seen(logged)
