"""Normalising chat text into a command: full-width punctuation, @-mentions, case numbers."""

from __future__ import annotations

import re
import unicodedata

CASE_NUMBER = re.compile(r"DB[-_ ]?(\d{8})[-_ ]?(\d{4})", re.IGNORECASE)
_MENTION = re.compile(r"@\S+\s*")
_SPACES = re.compile(r"[ \t\u3000]+")


def normalise(text: str) -> str:
    """NFKC folds full-width letters, digits and punctuation (：，（）) to their ASCII forms."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return text.strip()


def strip_mentions(text: str) -> str:
    return _MENTION.sub("", text).strip()


def find_case_number(*texts: str) -> str | None:
    for text in texts:
        match = CASE_NUMBER.search(normalise(text or ""))
        if match:
            return f"DB-{match.group(1)}-{match.group(2)}"
    return None


def remove_case_number(text: str) -> str:
    return _SPACES.sub(" ", CASE_NUMBER.sub(" ", text)).strip(" :,")


def command_text(raw: str) -> str:
    """The text a command pattern is matched against: normalised, no @-mentions, single spaces."""
    text = strip_mentions(normalise(raw))
    return _SPACES.sub(" ", text).strip()


# Full-width letters, digits and the hyphen fold to ASCII (commands and case numbers); punctuation stays.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code).isalnum()} | {0xFF0D: ord("-")}


def as_typed_text(raw: str) -> str:
    """Like ``command_text`` but keeping the user's punctuation (``，`` stays ``，``): what a command's
    free text (批示, 进展, a corrected title) is stored as."""
    text = raw.translate(_FOLD).replace("\u200b", "").replace("\ufeff", "")
    return _SPACES.sub(" ", strip_mentions(text.strip())).strip()
