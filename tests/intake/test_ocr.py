"""OCR with the real engine: the shipped synthetic screenshot, offline; tiling and ordering."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PIL import Image

from bot.intake.image_input import UnreadableImage
from bot.intake.ocr import OcrEngine, OcrLine, OcrTimeout, reading_order, recognise, tile_tops
from bot.intake.pipeline import intake_image
from bot.intake.post_time import SHANGHAI


def test_engine_reads_shipped_image_without_network(no_network: None, sample_png: bytes) -> None:
    engine = OcrEngine()  # constructed under no_network: model loading must not download
    result = recognise(engine, sample_png, timeout=60)
    assert "东湖街道芙蓉路占道施工" in result.text
    # Status bar (clock, battery) and the send button are chrome, not content.
    assert "10:24" not in result.text and "87%" not in result.text and "发送" not in result.text
    assert all(isinstance(line, OcrLine) and 0 < line.score <= 1 for line in result.lines)


def test_full_intake_parses_fields(engine: OcrEngine, sample_png: bytes) -> None:
    intake = intake_image(sample_png, datetime(2026, 1, 2, 10, 0, tzinfo=SHANGHAI), engine=engine)
    assert intake.post.platform == "douyin"
    assert intake.post.author == "示例用户"
    assert intake.post.posted_at is not None and intake.post.posted_at.isoformat() == "2026-01-02T07:00:00+08:00"
    assert [p.name for p in intake.post.place_mentions] == ["东湖街道", "芙蓉路"]


def test_image_without_text_is_unreadable(engine: OcrEngine) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), (200, 220, 240)).save(buffer, "PNG")
    with pytest.raises(UnreadableImage) as info:
        recognise(engine, buffer.getvalue())
    assert info.value.reason == "no_text"


def test_timeout_is_typed(engine: OcrEngine) -> None:
    # A long capture needs several tiles; a tiny budget runs out after the first.
    buffer = io.BytesIO()
    Image.new("RGB", (400, 4200), "white").save(buffer, "PNG")
    with pytest.raises(OcrTimeout):
        recognise(engine, buffer.getvalue(), timeout=1e-6)


def test_tiles_cover_long_screenshot_with_overlap() -> None:
    tops = tile_tops(6000)
    assert tops[0] == 0 and tops[-1] + 1800 == 6000
    assert all(b - a == 1800 - 240 or b - a < 1800 - 240 for a, b in zip(tops, tops[1:], strict=False))
    assert tile_tops(2400) == [0]


def test_reading_order_rows_and_duplicates() -> None:
    lines = [
        OcrLine("正文第二行", (40, 200, 600, 240), 0.9),
        OcrLine("3小时前", (300, 100, 420, 140), 0.9),
        OcrLine("作者", (40, 102, 160, 138), 0.9),
        OcrLine("正文第二行", (40, 205, 600, 245), 0.9),  # seen again in the next tile
    ]
    assert [line.text for line in reading_order(lines)] == ["作者", "3小时前", "正文第二行"]
