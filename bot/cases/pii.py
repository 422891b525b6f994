"""Find and mask personal data (mobile numbers, landlines, ID numbers) in free text.

Every text that leaves the worker towards a group chat or a log goes through `mask_text()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Mainland mobile numbers: 1[3-9]x, 11 digits, optionally written +86 / 86 and with
# spaces or dashes in the 3-4-4 grouping that people type. The look-arounds keep us from
# cutting a mobile number out of a longer digit run (order numbers, ID numbers).
_MOBILE = re.compile(r"(?<![\dA-Za-z])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![\dA-Za-z])")
# Landlines: area code 0xx/0xxx + 7-8 digit number, with optional dash or brackets,
# and optional extension. Without an area code a 7-8 digit run is too ambiguous.
_LANDLINE = re.compile(
    r"(?<![\dA-Za-z])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})[\s-]?(\d{3,4})[\s-]?(\d{4})(?:-\d{1,5})?(?![\dA-Za-z])"
)
# 18-digit resident ID (GB 11643): 6-digit region, 8-digit birth date, 3 digits, check char.
_ID_NUMBER = re.compile(
    r"(?<![\dA-Za-z])([1-9]\d{5})((?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})"
    r"([\dXx])(?![\dA-Za-z])"
)


@dataclass(frozen=True)
class PiiMatch:
    kind: str  # "mobile" | "landline" | "id_number"
    value: str  # normalised (digits only, X upper-case)
    start: int
    end: int


def _digits(text: str) -> str:
    return re.sub(r"[^\dXx]", "", text).upper()


def find_pii(text: str) -> list[PiiMatch]:
    """All personal-data spans in `text`, ordered by position, non-overlapping."""
    found: list[PiiMatch] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    # ID numbers first: an 18-digit run must not be read as a phone number.
    for kind, pattern in (("id_number", _ID_NUMBER), ("mobile", _MOBILE), ("landline", _LANDLINE)):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            value = _digits(m.group(0))
            if kind == "mobile" and len(value) == 13:
                value = value[2:]  # drop the 86 country code
            found.append(PiiMatch(kind, value, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda p: p.start)


def mask_value(kind: str, value: str) -> str:
    """`13812345678` → `138****5678`; ID → `4301**********1234`; landline keeps area code."""
    if kind == "mobile":
        return value[:3] + "****" + value[-4:]
    if kind == "id_number":
        return value[:4] + "*" * (len(value) - 8) + value[-4:]
    # landline: keep the area code and the last 2 digits so a dispatcher can tell numbers apart
    area_len = 3 if value[:2] in {"01", "02"} else 4
    return value[:area_len] + "-" + "*" * max(len(value) - area_len - 2, 0) + value[-2:]


def mask_text(text: str) -> str:
    """Return `text` with every phone and ID number masked; safe for group chats and logs."""
    if not text:
        return text
    out: list[str] = []
    pos = 0
    for match in find_pii(text):
        out.append(text[pos : match.start])
        out.append(mask_value(match.kind, match.value))
        pos = match.end
    out.append(text[pos:])
    return "".join(out)


def find_phones(text: str) -> list[str]:
    """Mobile and landline numbers (digits only), in order of appearance, de-duplicated."""
    seen: dict[str, None] = {}
    for match in find_pii(text):
        if match.kind in ("mobile", "landline"):
            seen.setdefault(match.value, None)
    return list(seen)


def find_id_numbers(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in find_pii(text):
        if match.kind == "id_number":
            seen.setdefault(match.value, None)
    return list(seen)
