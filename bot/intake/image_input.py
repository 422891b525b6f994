"""Check and decode an incoming image before OCR: size limits, format, truncation, animation.

Everything a chat platform can hand us (a wrong file, a cut-off upload, a decompression bomb)
must end in `UnreadableImage` with a short Chinese sentence for the sender, never a crash.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 50_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}


class UnreadableImage(ValueError):
    """The image cannot be read; `user_message` is the sentence to send back to the chat."""

    def __init__(self, reason: str, user_message: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.user_message = user_message


def decode_image(data: bytes) -> Image.Image:
    """Validated RGB image. Animated images: the first frame is used (a forwarded
    animated WebP of a post still shows the post in frame 0); documented in README."""
    if not data:
        raise UnreadableImage("empty", "收到的图片是空的，请重新发送截图。")
    if len(data) > MAX_BYTES:
        raise UnreadableImage("too_large", "图片超过 10 MB，请压缩后重新发送。")
    try:
        # Image.open reads only the header: the pixel count is checked before any decoding.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        if isinstance(exc, UnidentifiedImageError):
            raise UnreadableImage("not_an_image", "无法识别该文件，请发送 JPG、PNG 或 WebP 格式的截图。") from exc
        raise UnreadableImage("too_many_pixels", "图片尺寸过大，请截取需要的部分后重新发送。") from exc
    except OSError as exc:
        raise UnreadableImage("broken", "图片已损坏，请重新发送截图。") from exc
    if image.format not in ALLOWED_FORMATS:
        raise UnreadableImage("format", "仅支持 JPG、PNG 或 WebP 格式的截图。")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise UnreadableImage("too_many_pixels", "图片尺寸过大，请截取需要的部分后重新发送。")
    if width < 8 or height < 8:
        raise UnreadableImage("too_small", "图片太小，无法识别文字，请发送原始截图。")
    try:
        if getattr(image, "is_animated", False):
            image.seek(0)
        image.load()
    except (OSError, SyntaxError, ValueError) as exc:
        # Truncated files fail here, when the pixel data runs out.
        raise UnreadableImage("truncated", "图片不完整（可能未上传完），请重新发送截图。") from exc
    return image.convert("RGB")
