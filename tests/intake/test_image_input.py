"""Bad inputs end in UnreadableImage with a Chinese user message, never a crash."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from bot.intake.image_input import UnreadableImage, decode_image


def _jpeg(size: tuple[int, int] = (200, 100)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "JPEG")
    return buffer.getvalue()


def _huge_png_header(width: int, height: int) -> bytes:
    # Only the header: enough for the size check, which must run before any decoding.
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    idat = b"IDAT" + zlib.compress(b"\0" * 64)
    return header + struct.pack(">I", len(idat) - 4) + idat + struct.pack(">I", zlib.crc32(idat))


def _reason(data: bytes) -> str:
    with pytest.raises(UnreadableImage) as info:
        decode_image(data)
    assert info.value.user_message and all(ord(ch) < 0x3000 or ch for ch in info.value.user_message)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.user_message)
    return info.value.reason


def test_empty() -> None:
    assert _reason(b"") == "empty"


def test_not_an_image_with_image_extension() -> None:
    assert _reason(b"%PDF-1.7 this is not a picture at all" * 10) == "not_an_image"


def test_truncated_jpeg() -> None:
    data = _jpeg((800, 600))
    assert _reason(data[: len(data) // 2]) == "truncated"


def test_fifty_megapixels_rejected_before_decoding() -> None:
    assert _reason(_huge_png_header(10_000, 5_001)) == "too_many_pixels"


def test_over_ten_megabytes() -> None:
    assert _reason(b"\xff\xd8" + b"\0" * (10 * 1024 * 1024)) == "too_large"


def test_other_format_refused() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50)).save(buffer, "BMP")
    assert _reason(buffer.getvalue()) == "format"


def test_animated_webp_uses_first_frame() -> None:
    frames = [Image.new("RGB", (64, 64), color) for color in ("white", "black", "red")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    image = decode_image(buffer.getvalue())
    assert image.size == (64, 64) and image.getpixel((10, 10)) == (255, 255, 255)


def test_valid_jpeg_decodes() -> None:
    assert decode_image(_jpeg()).size == (200, 100)
