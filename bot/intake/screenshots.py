"""Read the images of an incoming message: download through its adapter, OCR, parse (once, on the
OCR lines with their boxes).

Runs in the worker *before* the message's transaction opens, so a few seconds of OCR never
hold a database lock, and never in the webhook view. Each image gets its own time limit;
one bad image yields a reading with a user message instead of an exception.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.intake.post_parser import ParsedPost
from bot.messaging.messages import IncomingMessage
from bot.services import Services

log = logging.getLogger(__name__)

IMAGE_TIMEOUT_S = 30.0
UNREADABLE = "图片无法识别，请转发原文或更清晰的截图。"


@dataclass(frozen=True)
class ImageReading:
    text: str = ""  # OCR text in reading order, app chrome dropped; empty when unreadable
    problem: str = ""  # the Chinese sentence for the chat when the image could not be read
    post: ParsedPost | None = None  # the fields parsed from this image's OCR lines


def known_places(services: Services) -> tuple[str, ...]:
    """The active units' configured places (names the gazetteer may lack), read in a short session
    of its own; none if the database cannot be read (the gazetteer still works)."""
    from sqlalchemy import select

    from models import Unit

    try:
        with services.sessions() as session:
            rows = session.scalars(select(Unit.places).where(Unit.active.is_(True)))
            return tuple(dict.fromkeys(name for places in rows for name in (places or []) if name))
    except Exception as exc:
        log.warning("unit places not read for intake: %s", exc.__class__.__name__)
        return ()


def read_images(services: Services, msg: IncomingMessage, now: datetime) -> list[ImageReading]:
    from bot.intake.image_input import UnreadableImage
    from bot.intake.ocr import OcrTimeout
    from bot.intake.pipeline import intake_image

    readings: list[ImageReading] = []
    places = known_places(services) if msg.images else ()
    for index, image in enumerate(msg.images):
        try:
            data = services.adapter(msg.platform).fetch_image(image)
        except Exception as exc:  # the platform's download failed: say so, keep the message
            log.warning("image download failed platform=%s index=%s error=%s", msg.platform, index, exc.__class__.__name__)
            readings.append(ImageReading(problem="图片下载失败，请重新发送截图。"))
            continue
        try:
            intake = intake_image(data, now, timeout=IMAGE_TIMEOUT_S, known_places=places)
            assert intake.ocr is not None
            readings.append(ImageReading(text=intake.ocr.text, post=intake.post))
        except (UnreadableImage, OcrTimeout) as exc:
            log.info("image unreadable platform=%s index=%s reason=%s", msg.platform, index,
                     getattr(exc, "reason", exc.__class__.__name__))
            readings.append(ImageReading(problem=exc.user_message))
        except Exception as exc:  # a bug in OCR must not kill the worker or lose the message
            log.exception("image reading failed platform=%s index=%s", msg.platform, index)
            readings.append(ImageReading(problem=UNREADABLE))
            del exc
    return readings
