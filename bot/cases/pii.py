"""Find and mask personal data (mobile numbers, landlines, ID numbers) in free text.

Every text that leaves the worker towards a group chat or a log goes through `mask_text()`.

A number is found in every form a person reads as one number: full-width digits (what a Chinese
input method types in full-width mode, ``１３９１２３４５６７８``), half of it full-width, spaced or
dashed in the usual groups, with ``+86``/``0086``, with a lower-case or full-width ``x``. The
patterns run on a folded copy of the text in which each character is replaced by the one it reads
as (Unicode NFKC, one character for one, dashes as ``-``), so a match's span is also its span in
the original and masking leaves everything else exactly as typed, full-width punctuation included.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


class _Fold(dict[int, int]):
    """A ``str.translate`` table: each character → the single character a reader sees in it.

    Filled lazily (a text holds few distinct characters). A character whose NFKC form is longer
    than one character (``㈠``, ``™``) keeps itself, so folding never moves an index.
    """

    def __missing__(self, code: int) -> int:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        if len(folded) != 1:
            folded = char
        if unicodedata.category(folded) == "Pd" or folded == "\u2212":  # －, —, ‐ and the minus sign
            folded = "-"
        self[code] = ord(folded)
        return self[code]


_FOLD = _Fold()
# Between digit groups: one space (incl. the ideographic space U+3000, folded) or dash.
_SEP = r"[\s-]?"
# Mainland mobile numbers: 1[3-9]x, 11 digits, optionally written +86 / 0086 / 86 and with
# a space or dash in the 3-4-4 grouping that people type. The look-arounds keep us from
# cutting a mobile number out of a longer digit run (order numbers, ID numbers).
_MOBILE = re.compile(
    rf"(?<![0-9A-Za-z])(?:(?:\+|00)?86{_SEP})?(1[3-9][0-9]){_SEP}([0-9]{{4}}){_SEP}([0-9]{{4}})(?![0-9A-Za-z])",
    re.ASCII,
)
# Landlines: area code 0xx/0xxx + 7-8 digit number, with optional dash or brackets,
# and optional extension. Without an area code a 7-8 digit run is too ambiguous.
_LANDLINE = re.compile(
    rf"(?<![0-9A-Za-z])(?:\(0[0-9]{{2,3}}\)|0[0-9]{{2,3}}){_SEP}([0-9]{{3,4}}){_SEP}([0-9]{{4}})(?:-[0-9]{{1,5}})?"
    r"(?![0-9A-Za-z])",
    re.ASCII,
)
# 18-digit resident ID (GB 11643): 6-digit region, 8-digit birth date, 3 digits, check char; people
# group it 6-8-4 (or 6-4-4-4). The check digit is not verified: a mistyped number is still personal.
_ID_NUMBER = re.compile(
    rf"(?<![0-9A-Za-z])([1-9][0-9]{{5}}){_SEP}((?:18|19|20)[0-9]{{2}}){_SEP}"
    rf"((?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])){_SEP}([0-9]{{3}}[0-9Xx])(?![0-9A-Za-z])",
    re.ASCII,
)


def fold(text: str) -> str:
    """``text`` as a reader sees its digits: full-width forms and dashes folded, same length."""
    return text.translate(_FOLD)


@dataclass(frozen=True)
class PiiMatch:
    kind: str  # "mobile" | "landline" | "id_number"
    value: str  # normalised (digits only, X upper-case)
    start: int
    end: int


def _digits(folded: str) -> str:
    return re.sub(r"[^0-9Xx]", "", folded).upper()


def find_pii(text: str) -> list[PiiMatch]:
    """All personal-data spans in `text` (positions in `text` itself), ordered, non-overlapping."""
    folded = fold(text)
    found: list[PiiMatch] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    # ID numbers first: an 18-digit run must not be read as a phone number.
    for kind, pattern in (("id_number", _ID_NUMBER), ("mobile", _MOBILE), ("landline", _LANDLINE)):
        for m in pattern.finditer(folded):
            if not free(m.start(), m.end()):
                continue
            value = _digits(m.group(0))
            if kind == "mobile" and len(value) > 11:
                value = value[-11:]  # drop the 86 / 0086 country code
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
