"""A unit's photos (evidence of its work, 办理佐证): fetched through the platform's adapter and kept
as files. Never OCR'd: a photo of a cleaned-up street is not a citizen's post.

Runs in the worker before the message's transaction, like ``bot.intake.screenshots``: a download
(WeCom's image URLs expire after 5 minutes) and re-encoding never hold a database lock. Files are
content-addressed (``var/media/evidence/<sha256>.<ext>``), so a retried job or a photo sent twice
is stored once. Beside each photo, ``<sha256>.chat.png`` is the copy the office receives in chat:
platforms take images up to 2 MB (WeCom robot), and phone photos are larger.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from bot.intake.image_input import UnreadableImage, decode_image
from bot.messaging.messages import IncomingMessage
from bot.services import Services

log = logging.getLogger(__name__)

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
CHAT_COPY_MAX_BYTES = 1_900_000  # under WeCom's 2 MB image limit, with room to spare
CHAT_COPY_SIDES = (1600, 1280, 960, 720)
_NAME = re.compile(r"^[0-9a-f]{64}\.(jpg|png|webp)$")
UNREADABLE_PHOTO = "图片无法打开（支持 JPG、PNG、WebP，10 MB 以内），请重新发送。"
DOWNLOAD_FAILED = "图片下载失败，请重新发送。"


@dataclass(frozen=True)
class SavedPhoto:
    file_name: str = ""  # under evidence_dir(); empty when the photo could not be kept
    size: int = 0
    problem: str = ""  # the Chinese sentence for the chat when it could not


def evidence_dir(var_dir: Path) -> Path:
    return var_dir / "media" / "evidence"


def photo_path(var_dir: Path, file_name: str) -> Path | None:
    """The stored photo, or None for a name we did not make (no path tricks) or a file that is gone."""
    if not _NAME.match(file_name):
        return None
    path = evidence_dir(var_dir) / file_name
    return path if path.is_file() else None


def chat_copy(var_dir: Path, file_name: str) -> bytes | None:
    """The PNG the office receives in chat for a stored photo."""
    if not _NAME.match(file_name):
        return None
    path = evidence_dir(var_dir) / f"{file_name.rsplit('.', 1)[0]}.chat.png"
    return path.read_bytes() if path.is_file() else None


def save_photos(services: Services, msg: IncomingMessage) -> list[SavedPhoto]:
    saved: list[SavedPhoto] = []
    for index, image in enumerate(msg.images):
        try:
            data = services.adapter(msg.platform).fetch_image(image)
        except Exception as exc:  # the platform's download failed: say so, keep the message
            log.warning("photo download failed platform=%s index=%s error=%s", msg.platform, index,
                        exc.__class__.__name__)
            saved.append(SavedPhoto(problem=DOWNLOAD_FAILED))
            continue
        try:
            saved.append(store_photo(services.settings.var_dir, data))
        except UnreadableImage as exc:
            log.info("photo unreadable platform=%s index=%s reason=%s", msg.platform, index, exc.reason)
            saved.append(SavedPhoto(problem=UNREADABLE_PHOTO))
    return saved


def store_photo(var_dir: Path, data: bytes) -> SavedPhoto:
    """Keep the photo as sent (the case page shows it) and write its chat copy. Raises UnreadableImage."""
    decode_image(data)  # the same size, format and truncation checks as screenshots
    from PIL import Image

    with Image.open(io.BytesIO(data)) as probe:
        ext = EXTENSIONS[str(probe.format)]
    digest = hashlib.sha256(data).hexdigest()
    folder = evidence_dir(var_dir)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{digest}.{ext}"
    _write_once(folder / name, lambda: data)
    _write_once(folder / f"{digest}.chat.png", lambda: _chat_png(data))
    return SavedPhoto(file_name=name, size=len(data))


def _write_once(path: Path, make: object) -> None:
    if path.exists():
        return
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(make())  # type: ignore[operator]
    partial.replace(path)  # atomic: the web app never serves half a file


def _chat_png(data: bytes) -> bytes:
    """Upright (EXIF orientation applied), at most 1600 px, as PNG under the platforms' limit:
    smaller sides, then a 256-colour palette, until it fits."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as original:
        if getattr(original, "is_animated", False):
            original.seek(0)
        half = CHAT_COPY_SIDES[0] // 2  # JPEG: decode at a reduced scale that still covers the largest side
        original.draft("RGB", (half, half))
        upright = ImageOps.exif_transpose(original).convert("RGB")
    png = b""
    for side in CHAT_COPY_SIDES:
        picture = upright.copy()
        picture.thumbnail((side, side))
        for candidate in (picture, picture.quantize(colors=256)):
            out = io.BytesIO()
            candidate.save(out, format="PNG")
            png = out.getvalue()
            if len(png) <= CHAT_COPY_MAX_BYTES:
                return png
    return png
