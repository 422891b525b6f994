"""Masking of phone and ID numbers in anything shown in a group or written to a log."""

from __future__ import annotations

import re

_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_ID = re.compile(r"(?<![\dXx])(\d{4})(\d{10})(\d{3}[\dXx])(?![\dXx])")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3}-?)(\d{3,4})(\d{4})(?!\d)")


def mask_text(text: str) -> str:
    text = _ID.sub(lambda m: m.group(1) + "*" * 10 + m.group(3), text)
    text = _MOBILE.sub(lambda m: m.group(1) + "****" + m.group(3), text)
    return _LANDLINE.sub(lambda m: m.group(1) + "*" * len(m.group(2)) + m.group(3), text)
