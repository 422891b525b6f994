from bot.cases.pii import find_id_numbers, find_phones, mask_text


def test_masks_mobile_landline_and_id() -> None:
    text = "请联系13812345678或0731-84561234，身份证430102199001011234。"
    masked = mask_text(text)
    assert "138****5678" in masked
    assert "4301**********1234" in masked
    assert "13812345678" not in masked and "84561234" not in masked
    assert "430102199001011234" not in masked


def test_mobile_with_country_code_and_spaces() -> None:
    assert find_phones("电话 +86 139 0000 1111 谢谢") == ["13900001111"]
    assert mask_text("电话 +86 139 0000 1111") == "电话 139****1111"


def test_id_number_not_read_as_phone() -> None:
    assert find_phones("身份证号43010219900101123X") == []
    assert find_id_numbers("身份证号43010219900101123x") == ["43010219900101123X"]


def test_ordinary_numbers_untouched() -> None:
    text = "2025年共收到128条留言，订单号202511230001。"
    assert mask_text(text) == text
