"""One incoming screenshot or pasted text → OCR result and parsed post. Called from the RQ worker."""

from __future__ import annotations

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
) -> Intake:
    """OCR + parse one screenshot. Raises UnreadableImage or OcrTimeout (both carry
    `user_message`, a Chinese sentence to send back to the chat)."""
    result = recognise(engine or get_engine(), data, timeout=timeout)
    return Intake(result, parse_post(result.lines, forwarded_at))


def intake_text(text: str, forwarded_at: datetime) -> Intake:
    return Intake(None, parse_post(text, forwarded_at))
