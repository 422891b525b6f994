"""OCR bench: contract fields per image × field, body similarity (end to end: OCR and parsing),
time of full intake vs the bare engine, peak RSS of a worker-like process.

Generates screenshots with bench/screenshots/generate.py (our template family: several
templates per platform, random fonts/sizes/dark mode/scaling/double JPEG, long captures and
posts cut into two screenshots; texts from test.jsonl, written to a temporary folder), then for
each image times (a) the bare RapidOCR call on the decoded image and (b) the full intake
(validation, tiling, chrome filter, reading order, segmenting, role model, fields).

Scoring (every image × field pair, an empty truth included: a comment sheet has no title, and
the parser must not invent one):
- platform, title, author, addressed_unit: equal after removing whitespace;
- posted_at: equal in every component the screen shows (date; date and clock; the minute of a
  relative time; the day of "N天前");
- body: similarity ≥ BODY_RIGHT (1 − edit distance / longer length, whitespace removed);
- place mentions: the same names as `find_places` gives on the true title and body (so it
  measures what parsing adds or loses: chrome glued to a name, a comment's places);
- phones: the same set as the shared finder reads in the true title and body.
Prints, never asserts; the last line is `ratio=<full / bare seconds per image>`.
Run: .venv/bin/python bench/ocr.py [--count 40]
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
from typing import Any

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.screenshots.generate import generate  # noqa: E402
from bot.cases.pii import find_phones  # noqa: E402
from bot.intake.ocr import WORKER_MALLOC_ENV, get_engine  # noqa: E402
from bot.intake.pipeline import intake_image  # noqa: E402
from bot.intake.places import find_places  # noqa: E402

FIELDS = ("platform", "title", "author", "posted_at", "addressed_unit", "body", "place_mentions", "phones")
BODY_RIGHT = 0.9


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def squash(text: str | None) -> str:
    return "".join((text or "").split()).replace("・", "·")


def similarity(a: str | None, b: str | None) -> float:
    a, b = squash(a), squash(b)
    if not a and not b:
        return 1.0
    return 1.0 - edit_distance(a, b) / max(len(a), len(b))


def time_agrees(got: str | None, want: str | None, shown: list[str]) -> bool:
    if want is None or got is None:
        return got == want
    g, w = datetime.fromisoformat(got), datetime.fromisoformat(want)
    if "clock" in shown or "relative" in shown:
        return g.replace(second=0) == w.replace(second=0) and g.date() == w.date()
    return g.date() == w.date()


def score(fields: dict[str, Any], truth: dict[str, Any]) -> dict[str, float]:
    """1.0/0.0 per contract field (body: similarity as well, under "body_similarity")."""
    out: dict[str, float] = {}
    for name in ("platform", "title", "author", "addressed_unit"):
        out[name] = float(squash(fields.get(name)) == squash(truth.get(name)))
    out["posted_at"] = float(time_agrees(fields.get("posted_at"), truth.get("posted_at"), truth.get("posted_shown", [])))
    body_similarity = similarity(fields.get("body"), truth.get("body"))
    out["body"] = float(body_similarity >= BODY_RIGHT)
    out["body_similarity"] = body_similarity
    want_places = {p.name for p in find_places((truth.get("title") or "") + "\n" + (truth.get("body") or ""))}
    out["place_mentions"] = float({p["name"] for p in fields.get("place_mentions", [])} == want_places)
    # Phones: every number the true title and body hold (the post's own, not only the one the
    # generator added), as the shared finder reads them.
    want_phones = find_phones((truth.get("title") or "") + "\n" + (truth.get("body") or ""))
    out["phones"] = float(set(fields.get("phones") or []) == set(want_phones))
    return out



_WORKER = """
import sys
from datetime import datetime
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bot.intake.pipeline import intake_image, preload  # noqa: E402
import time
# As the real worker does (bot/worker.py warm_up, before any job): engine, role model, gazetteer.
preload()
started = time.perf_counter()
for name in sys.argv[2:]:
    intake_image(Path(name).read_bytes(), datetime.fromisoformat("2026-11-28T10:00:00+08:00"), timeout=120)
print(time.perf_counter() - started)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork/exec.
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


def worker_peak_rss(paths: list[Path]) -> tuple[float, float]:
    """(peak RSS MB, seconds) of a fresh process doing only what the worker does, on the 8 largest images:
    the intake warm-up (`preload`, as bot/worker.py's warm_up), then intake of each image; started with
    this process's environment, as `python -m bot worker` is started with the deployment's."""
    largest = sorted(paths, key=lambda p: Image.open(p).size[1], reverse=True)[:8]
    done = subprocess.run(
        [sys.executable, "-c", _WORKER, str(ROOT), *map(str, largest)],
        env={**WORKER_MALLOC_ENV, **os.environ},  # as bot/runner.py and deploy/ start the worker
        capture_output=True,
        text=True,
        check=True,
    )
    *_, seconds, rss = done.stdout.strip().splitlines()
    return int(rss) / 1024, float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--details", default=None, help="write per-image fields and truth (JSON lines) here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        try:
            paths = generate(args.count, Path(folder), args.seed)
        except SystemExit as exc:
            print(exc)
            return
        # The worker-like process first, while this process is still small.
        worker_rss_mb, worker_s = worker_peak_rss(paths)
        engine = get_engine()
        engine.read_array(np.zeros((64, 64, 3), dtype=np.uint8))  # warm-up, not timed
        intake_image(paths[0].read_bytes(), datetime.fromisoformat("2026-11-28T10:00:00+08:00"))  # loads the models
        bare_times, full_times = [], []
        scores: list[dict[str, float]] = []
        by_template: dict[str, list[dict[str, float]]] = {}
        details = []
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
            fields = intake.post.contract_fields()
            result = score(fields, truth["fields"])
            scores.append(result)
            by_template.setdefault(truth["template"], []).append(result)
            details.append({"image": path.name, "fields": fields, "truth": truth["fields"], "score": result})
    if args.details:
        Path(args.details).write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in details) + "\n",
                                      encoding="utf-8")
    print_report(scores, by_template, bare_times, full_times, worker_rss_mb, worker_s)


def print_report(
    scores: list[dict[str, float]], by_template: dict[str, list[dict[str, float]]],
    bare_times: list[float], full_times: list[float], worker_rss_mb: float, worker_s: float,
) -> None:
    n = len(scores)
    print(f"images: {n} ({len(by_template)} templates)")
    overall = statistics.mean(s[f] for s in scores for f in FIELDS)
    print(f"contract fields (image × field, n={n * len(FIELDS)}): overall={overall:.3f}")
    print("  " + "  ".join(f"{f}={statistics.mean(s[f] for s in scores):.2f}" for f in FIELDS))
    print(f"body similarity: mean={statistics.mean(s['body_similarity'] for s in scores):.3f} "
          f"median={statistics.median(s['body_similarity'] for s in scores):.3f}")
    for template, results in sorted(by_template.items()):
        line = " ".join(f"{f[:5]}={statistics.mean(r[f] for r in results):.2f}" for f in FIELDS)
        print(f"  {template:18s} n={len(results):2d} {line}")
    bare, full = statistics.mean(bare_times), statistics.mean(full_times)
    print(f"seconds/image: bare engine mean={bare:.2f} median={statistics.median(bare_times):.2f}; "
          f"full intake mean={full:.2f} median={statistics.median(full_times):.2f}")
    print(f"worker-like process (engine + intake, 8 largest images): peak RSS {worker_rss_mb:.0f} MB in {worker_s:.1f}s")
    print(f"peak RSS: this bench process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"ratio={full / bare:.2f}")


if __name__ == "__main__":
    main()
