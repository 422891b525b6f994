"""One incoming screenshot or pasted text → OCR result and parsed post. Called from the RQ worker."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.intake.ocr import OcrEngine, OcrResult, get_engine, recognise
from bot.intake.post_parser import ParsedPost, parse_post

DEFAULT_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class Intake:
    ocr: OcrResult | None  # None for pasted text
    post: ParsedPost


def intake_image(
    data: bytes,
    forwarded_at: datetime,
    *,
    timeout: float | None = DEFAULT_TIMEOUT_SECONDS,
    engine: OcrEngine | None = None,
    known_places: Iterable[str] = (),
) -> Intake:
    """OCR + parse one screenshot. Raises UnreadableImage or OcrTimeout (both carry
    `user_message`, a Chinese sentence to send back to the chat). `known_places`: the units'
    configured place names, for names no gazetteer has."""
    result = recognise(engine or get_engine(), data, timeout=timeout)
    return Intake(result, parse_post(result.lines, forwarded_at, size=result.size, known_places=known_places))


def intake_text(text: str, forwarded_at: datetime, known_places: Iterable[str] = ()) -> Intake:
    return Intake(None, parse_post(text, forwarded_at, known_places=known_places))


def preload() -> None:
    """Load what the first screenshot would otherwise wait for (OCR engine, role model, gazetteer,
    jieba's dictionaries), e.g. in the worker's parent process so forked work horses share it."""
    from bot.intake.line_roles import _model
    from bot.intake.places import find_places

    get_engine()
    _model()
    find_places("湖南省长沙市长沙县星沙街道和平村")
