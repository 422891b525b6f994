"""OCR of citizen-post screenshots with RapidOCR (PP-OCRv6 small, models bundled in the wheel).

One `OcrEngine` per process (~0.9 GB RSS): use `get_engine()`. Long screenshots are cut into
overlapping tiles because RapidOCR shrinks any image whose long side exceeds 2000 px, which
makes a 1080×6000 capture unreadable; each line is kept from the tile where its centre is
farthest from a cut, then lines are put back in reading order.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from bot.intake.chrome import is_chrome
from bot.intake.image_input import UnreadableImage, decode_image

logger = logging.getLogger(__name__)

TILE_HEIGHT = 1800  # below RapidOCR's 2000 px max side, so tiles are not shrunk
TILE_OVERLAP = 240  # > 2 lines of phone text at 1080 px width, so every line is whole in one tile
# Up to this height one pass is enough: RapidOCR shrinks a 1080×2400 phone screen to 0.83,
# which it still reads well, and a second tile would double the time.
SINGLE_PASS_MAX_HEIGHT = 2700
MAX_WIDTH = 2000


# Environment of a process that runs OCR (the RQ worker: bot/runner.py, deploy/systemd,
# deploy/scale-out/compose.yaml; bench/ocr.py's worker-like process). glibc's malloc (mallopt(3),
# M_MMAP_THRESHOLD; environment variable MALLOC_MMAP_THRESHOLD_) serves blocks above the threshold
# with mmap and gives them back on free; by default the threshold rises to the largest block freed
# (up to 32 MB), after which onnxruntime's per-image buffers come from the heap, which fragments and
# is not given back: resident memory grows over the screenshots and every image's peak sits on top
# of it. A fixed threshold disables that adjustment; the lower it is, the more buffers are mapped
# afresh (page faults), which costs time. Measured on a quiet machine, worker-like process on 8
# large screenshots (with _without_memory_pattern), peak RSS / seconds: default 941-968 MB / 14.0 s;
# 32 MB 965 MB / 15.1 s; 16 MB 826-844 MB / 17.0-18.5 s; 8 MB 728-739 MB / 18.4-20.0 s; 4 MB
# 691-715 MB / 20.8-23.1 s. 16 MB keeps the worker well under its 1 GB budget (the real worker also
# holds the routing models) for a quarter more OCR time; OCR output is the same.
WORKER_MALLOC_ENV = {"MALLOC_MMAP_THRESHOLD_": "16777216"}


class OcrTimeout(TimeoutError):
    """OCR of one image took longer than the caller allowed."""

    user_message = "图片文字识别超时，请截取需要的部分后重新发送。"


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: tuple[int, int, int, int]  # left, top, right, bottom in pixels of the original image
    score: float


@dataclass(frozen=True)
class OcrResult:
    lines: list[OcrLine]
    text: str  # lines joined with "\n" in reading order
    size: tuple[int, int] | None = None  # (width, height) of the image the boxes refer to


def _bundled_models() -> dict[str, Path]:
    import rapidocr

    models = Path(rapidocr.__file__).resolve().parent / "models"
    paths = {
        "Det": models / "PP-OCRv6_det_small.onnx",
        "Rec": models / "PP-OCRv6_rec_small.onnx",
        "Cls": models / "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    }
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        # Refuse rather than let RapidOCR fall back to downloading.
        raise RuntimeError(f"RapidOCR models missing from the wheel: {missing}; reinstall rapidocr==3.10.0")
    return paths


class OcrEngine:
    """RapidOCR with explicit bundled model paths: it never looks for models on the network."""

    def __init__(self, threads: int | None = None) -> None:
        from rapidocr import RapidOCR  # heavy import, deferred until an engine is needed

        paths = _bundled_models()
        threads = threads or int(os.environ.get("OCR_THREADS", "0")) or min(os.cpu_count() or 1, 4)
        params: dict[str, Any] = {
            "Global.log_level": "error",
            # Screenshots are upright: the angle classifier only costs time.
            "Global.use_cls": False,
            "Det.model_path": str(paths["Det"]),
            "Rec.model_path": str(paths["Rec"]),
            "Cls.model_path": str(paths["Cls"]),
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        self._engine = RapidOCR(params=params)
        _without_memory_pattern(self._engine, paths, threads)

    def read_array(self, pixels: np.ndarray) -> list[OcrLine]:
        """Bare engine call on one RGB array (no tiling, no filtering)."""
        output: Any = self._engine(pixels)  # RapidOCROutput when det and rec are on
        if output.boxes is None or output.txts is None:
            return []
        lines = []
        for box, text, score in zip(output.boxes, output.txts, output.scores, strict=True):
            xs = [float(p[0]) for p in box]
            ys = [float(p[1]) for p in box]
            lines.append(OcrLine(str(text), (int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys))), float(score)))
        return lines

    def read_image(self, image: Image.Image, timeout: float | None = None) -> list[OcrLine]:
        """All lines of a decoded image, tiled when tall, in image coordinates (unfiltered)."""
        deadline = time.monotonic() + timeout if timeout else None
        if image.width > MAX_WIDTH:
            scale = MAX_WIDTH / image.width
            image = image.resize((MAX_WIDTH, max(1, int(image.height * scale))), Image.Resampling.LANCZOS)
        else:
            scale = 1.0
        pixels = np.asarray(image)
        height = pixels.shape[0]
        tops = tile_tops(height)
        kept: list[OcrLine] = []
        for index, top in enumerate(tops):
            if deadline is not None and time.monotonic() > deadline:
                raise OcrTimeout(f"OCR exceeded {timeout:.1f}s after {index}/{len(tops)} tiles")
            bottom = min(top + TILE_HEIGHT, height) if len(tops) > 1 else height
            own_top = top + TILE_OVERLAP // 2 if index > 0 else 0
            own_bottom = bottom - TILE_OVERLAP // 2 if index < len(tops) - 1 else height
            for line in self.read_array(pixels[top:bottom]):
                left, y0, right, y1 = line.box
                centre = top + (y0 + y1) / 2
                if own_top <= centre < own_bottom:
                    kept.append(OcrLine(line.text, (left, y0 + top, right, y1 + top), line.score))
        if deadline is not None and time.monotonic() > deadline:
            raise OcrTimeout(f"OCR exceeded {timeout:.1f}s")
        if scale != 1.0:
            kept = [
                OcrLine(
                    ln.text,
                    (int(ln.box[0] / scale), int(ln.box[1] / scale), int(ln.box[2] / scale), int(ln.box[3] / scale)),
                    ln.score,
                )
                for ln in kept
            ]
        return kept


def _without_memory_pattern(engine: Any, paths: dict[str, Path], threads: int) -> None:
    """Recreate the detector's and recogniser's onnxruntime sessions with
    `SessionOptions.enable_mem_pattern = False` (documented onnxruntime option; rapidocr's config
    exposes only the arena and thread counts, and a `session` object cannot pass through its
    OmegaConf params). The memory pattern is planned and kept per input shape, and every
    screenshot gives the detector a new shape (and every recognition batch a new width). Measured
    on bench/ocr.py's 8 largest images: without it the resident memory grew ~120 MB instead of
    ~300 MB, and with a 4 MB mmap threshold the peak is 769 MB instead of 871 MB, in the same time
    (389 s vs 390 s, paired). Results are the same: only where tensors live changes. Loads both
    models now (rapidocr loads them on the first image), so the worker's warm-up really loads them
    and forked work horses share them.

    Best effort: if rapidocr's internals change, its own sessions are kept and a warning logged."""
    import onnxruntime as ort

    try:
        for model, path in ((engine._load_det_model(), paths["Det"]), (engine._load_rec_model(), paths["Rec"])):
            wrapper = model.session
            old = wrapper.session
            options = ort.SessionOptions()
            options.log_severity_level = 4
            options.enable_cpu_mem_arena = False  # rapidocr's default, kept
            options.enable_mem_pattern = False
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            if 1 <= threads <= (os.cpu_count() or 1):  # as rapidocr's _init_sess_opts
                options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            wrapper.session = ort.InferenceSession(str(path), sess_options=options, providers=old.get_providers())
    except Exception as exc:  # noqa: BLE001 - a memory optimisation must never break OCR
        logger.warning("OCR: kept rapidocr's own onnxruntime sessions (%s: %s)", exc.__class__.__name__, exc)


def tile_tops(height: int) -> list[int]:
    if height <= SINGLE_PASS_MAX_HEIGHT:
        return [0]
    step = TILE_HEIGHT - TILE_OVERLAP
    tops = list(range(0, height - TILE_HEIGHT, step))
    tops.append(height - TILE_HEIGHT)
    return tops


def reading_order(lines: list[OcrLine]) -> list[OcrLine]:
    """Top to bottom; lines whose vertical centres are within half a line height form a row,
    read left to right (chat names next to bubbles, "作者 · 时间" rows)."""
    remaining = sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2)
    ordered: list[OcrLine] = []
    row: list[OcrLine] = []
    for line in remaining:
        if row:
            first = row[0]
            height = max(first.box[3] - first.box[1], 1)
            if abs((line.box[1] + line.box[3]) / 2 - (first.box[1] + first.box[3]) / 2) > height / 2:
                ordered.extend(sorted(row, key=lambda ln: ln.box[0]))
                row = []
        row.append(line)
    ordered.extend(sorted(row, key=lambda ln: ln.box[0]))
    return _drop_duplicates(ordered)


def _drop_duplicates(lines: list[OcrLine]) -> list[OcrLine]:
    # A line read twice near a tile cut has the same text and overlapping boxes.
    out: list[OcrLine] = []
    for line in lines:
        if out and out[-1].text == line.text and abs(out[-1].box[1] - line.box[1]) < (line.box[3] - line.box[1]):
            continue
        out.append(line)
    return out


def recognise(engine: OcrEngine, data: bytes, timeout: float | None = None) -> OcrResult:
    """Validated bytes → text lines without phone/app chrome, in reading order.

    Raises UnreadableImage (bad bytes, too big, no text) or OcrTimeout.
    """
    image = decode_image(data)
    lines = engine.read_image(image, timeout=timeout)
    content = [ln for ln in lines if not is_chrome(ln.text, ln.box[1], image.width, image.height)]
    content = reading_order(content)
    if not content:
        raise UnreadableImage("no_text", "图片中没有识别到文字，请发送包含帖子内容的截图。")
    return OcrResult(content, "\n".join(ln.text for ln in content), image.size)


_engine: OcrEngine | None = None


def get_engine() -> OcrEngine:
    """The process-wide engine, created on first use (never at import time)."""
    global _engine
    if _engine is None:
        _engine = OcrEngine()
    return _engine
