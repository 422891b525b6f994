"""OCR bench: CER, field exact-match, seconds/image of full intake vs the bare engine, peak RSS.

Generates screenshots with bench/screenshots/generate.py (texts from the shared data, written
to a temporary folder), then for each image times (a) the bare RapidOCR call on the decoded
image and (b) the full intake (validation, tiling, chrome filter, reading order, parsing).
Prints, never asserts; the last line is `ratio=<full / bare seconds per image>`.
Run: .venv/bin/python bench/ocr.py [--count 25]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.screenshots.generate import generate  # noqa: E402
from bot.intake.ocr import get_engine  # noqa: E402
from bot.intake.pipeline import intake_image  # noqa: E402

FIELDS = ("platform", "title", "author", "posted_at", "addressed_unit", "phones")


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def squash(text: str) -> str:
    return "".join(text.split()).replace("・", "·")


_WORKER = """
import sys
from datetime import datetime
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bot.intake.pipeline import intake_image
import time
started = time.perf_counter()
for name in sys.argv[2:]:
    intake_image(Path(name).read_bytes(), datetime.fromisoformat("2026-11-28T10:00:00+08:00"), timeout=120)
print(time.perf_counter() - started)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork/exec.
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


# glibc keeps freed onnxruntime buffers in per-thread arenas; these two settings (read at
# process start, so they belong in the worker's environment) return them to the system.
LOW_MEMORY_ENV = {"MALLOC_ARENA_MAX": "1", "MALLOC_TRIM_THRESHOLD_": "0"}


def worker_peak_rss(paths: list[Path], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(peak RSS MB, seconds) of a fresh process doing only what the worker does, on the 8 largest images."""
    largest = sorted(paths, key=lambda p: Image.open(p).size[1], reverse=True)[:8]
    done = subprocess.run(
        [sys.executable, "-c", _WORKER, str(ROOT), *map(str, largest)],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    *_, seconds, rss = done.stdout.strip().splitlines()
    return int(rss) / 1024, float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        try:
            paths = generate(args.count, Path(folder))
        except SystemExit as exc:
            print(exc)
            return
        # Worker-like processes first, while this process is still small.
        worker_rss_mb, worker_s = worker_peak_rss(paths)
        lean_rss_mb, lean_s = worker_peak_rss(paths, LOW_MEMORY_ENV)
        engine = get_engine()
        engine.read_array(np.zeros((64, 64, 3), dtype=np.uint8))  # warm-up, not timed
        bare_times, full_times, cers = [], [], []
        field_hits = field_total = 0
        per_layout: dict[str, list[float]] = {}
        misses: dict[str, int] = {}
        for path in paths:
            truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            data = path.read_bytes()
            started = time.perf_counter()
            engine.read_array(np.asarray(Image.open(io.BytesIO(data)).convert("RGB")))
            bare_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            intake = intake_image(data, datetime.fromisoformat(truth["forwarded_at"]), timeout=120)
            full_times.append(time.perf_counter() - started)
            assert intake.ocr is not None
            expected = squash("".join(truth["lines"]))
            cer = edit_distance(expected, squash(intake.ocr.text)) / max(len(expected), 1)
            cers.append(cer)
            per_layout.setdefault(truth["layout"] + ("_long" if truth["size"][1] > 3000 else ""), []).append(cer)
            post = intake.post
            got = {
                "platform": post.platform,
                "title": post.title,
                "author": post.author,
                "posted_at": post.posted_at.isoformat() if post.posted_at else None,
                "addressed_unit": post.addressed_unit,
                "phones": post.phones,
            }
            for name in FIELDS:
                want = truth["fields"].get(name)
                if want in (None, []):
                    continue
                field_total += 1
                value = got[name]
                ok = (
                    (squash(value) == squash(want))
                    if isinstance(want, str) and isinstance(value, str)
                    else value == want
                )
                field_hits += ok
                if not ok:
                    misses[name] = misses.get(name, 0) + 1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    bare = statistics.mean(bare_times)
    full = statistics.mean(full_times)
    print(f"images: {len(paths)}")
    print(
        f"CER (full intake vs rendered text, chrome excluded): mean={statistics.mean(cers):.4f} "
        f"median={statistics.median(cers):.4f}"
    )
    for layout, values in sorted(per_layout.items()):
        print(f"  {layout:22s} n={len(values):2d} CER={statistics.mean(values):.4f}")
    print(
        f"field exact-match: {field_hits}/{field_total} = {field_hits / max(field_total, 1):.3f}  misses by field: {misses}"
    )
    print(
        f"seconds/image: bare engine mean={bare:.2f} median={statistics.median(bare_times):.2f}; "
        f"full intake mean={full:.2f} median={statistics.median(full_times):.2f}"
    )
    print(
        f"worker-like process (engine + intake, 8 largest images): peak RSS {worker_rss_mb:.0f} MB in {worker_s:.1f}s; "
        f"with {' '.join(f'{k}={v}' for k, v in LOW_MEMORY_ENV.items())}: {lean_rss_mb:.0f} MB in {lean_s:.1f}s"
    )
    print(f"peak RSS: this bench process {rss_mb:.0f} MB")
    print(f"ratio={full / bare:.2f}")


if __name__ == "__main__":
    main()
