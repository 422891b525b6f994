"""Screenshot intake on layout families written apart from the parser, scored independently.

Eight families, each written from public knowledge of the sites by someone who never read the
parser (nor the other families' layouts): `a` (bench/heldout_layouts), `b` (bench/heldout_layouts_b),
`c`, `d`, `e`, `f`, `g` and `h` (bench/heldout_layouts_c … _h). Families `a`, `c`, `d`, `e`, `f`,
`g` and `h` were looked at while the parser was improved (their failures studied as kinds), so they are development
families; family `b` is the held-out one: never look at its images or failures to tune, run this
bench on it to report. Scoring is this file's
own (not bench/ocr.py's), from the family's labels:

- platform, title, author, addressed_unit: equal after removing whitespace (title without 【】, author
  without a leading @);
- posted_at: right when it agrees with every component the screen shows (date, hour, minute);
- body: right when the similarity (1 - edit distance / longer length) is ≥ 0.9; the mean similarity
  is printed as well;
- place_mentions: the same set of places, a name matching when equal or equal without its
  administrative suffix (长沙 = 长沙市);
- phones: the same set of numbers (digits only).

Also prints full intake vs the bare OCR engine, seconds per image. Prints, never asserts.
Run: .venv/bin/python bench/ocr_heldout.py [--family a|b|c|d|e|f|g|h] [--count 60] [--seed 7] [--details out.jsonl]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import bench.heldout_layouts.generate as family_a  # noqa: E402
import bench.heldout_layouts_b.generate as family_b  # noqa: E402
import bench.heldout_layouts_c.generate as family_c  # noqa: E402
import bench.heldout_layouts_d.generate as family_d  # noqa: E402
import bench.heldout_layouts_e.generate as family_e  # noqa: E402
import bench.heldout_layouts_f.generate as family_f  # noqa: E402
import bench.heldout_layouts_g.generate as family_g  # noqa: E402
import bench.heldout_layouts_h.generate as family_h  # noqa: E402
from bot.intake.ocr import get_engine  # noqa: E402
from bot.intake.pipeline import intake_image  # noqa: E402

# Family h labels each site by its own name; the bot's sources are 红网, 问政湖南, 抖音, 微博 and WeChat,
# and any other site is "other".
SOURCES = {"hongwang", "wenzheng_hunan", "douyin", "weibo", "wechat"}
SITE_SOURCE = {"rednet": "hongwang"}


def as_source(platform: str) -> str:
    platform = SITE_SOURCE.get(platform, platform)
    return platform if platform in SOURCES else "other"


FIELDS = ("platform", "title", "author", "posted_at", "addressed_unit", "body", "place_mentions", "phones")
BODY_RIGHT = 0.9
ADMIN_SUFFIXES = ("街道", "社区", "市", "区", "县", "镇", "乡", "村", "省")


def squash(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def similarity(a: str | None, b: str | None) -> float:
    a, b = squash(a), squash(b)
    if not a and not b:
        return 1.0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return 1.0 - previous[-1] / max(len(a), len(b))


def _title(text: str | None) -> str:
    return squash(text).strip("【】")


def _author(text: str | None) -> str:
    return squash(text).lstrip("@")


def _place(name: str) -> str:
    name = squash(name)
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _digits(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())


def time_agrees(got: str | None, want: str | None, shown: list[str]) -> bool:
    if want is None or got is None:
        return got == want
    g, w = datetime.fromisoformat(got), datetime.fromisoformat(want)
    checks = {"date": g.date() == w.date(), "hour": g.hour == w.hour, "minute": g.minute == w.minute,
              "second": True}  # seconds are never needed to dispatch a case
    return all(checks[c] for c in shown)


def score(fields: dict[str, Any], truth: dict[str, Any]) -> dict[str, float]:
    out = {
        "platform": float(fields.get("platform") == as_source(truth["platform"])),
        "title": float(_title(fields.get("title")) == _title(truth.get("title"))),
        "author": float(_author(fields.get("author")) == _author(truth.get("author"))),
        "addressed_unit": float(squash(fields.get("addressed_unit")) == squash(truth.get("addressed_unit"))),
        "posted_at": float(time_agrees(fields.get("posted_at"), truth.get("posted_at"),
                                       truth.get("posted_at_components", []))),
    }
    body_similarity = similarity(fields.get("body"), truth.get("body"))
    out["body"] = float(body_similarity >= BODY_RIGHT)
    out["body_similarity"] = body_similarity
    got_places = {_place(p["name"]) for p in fields.get("place_mentions") or []}
    out["place_mentions"] = float(got_places == {_place(p) for p in truth.get("place_mentions") or []})
    out["phones"] = float({_digits(p) for p in fields.get("phones") or []} == set(truth.get("phones") or []))
    return out



def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--family", choices=("a", "b", "c", "d", "e", "f", "g", "h"), default="b",
                        help="b: held out (the default); a, c, d, e, f, g, h: development families")
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--details", default=None, help="write per-image fields and truth (JSON lines) here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        {"a": family_a, "b": family_b, "c": family_c, "d": family_d, "e": family_e, "f": family_f, "g": family_g,
         "h": family_h}[args.family].generate(out, count=args.count, seed=args.seed)
        labels = [json.loads(line) for line in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
        engine = get_engine()
        first = labels[0]
        intake_image((out / first["image"]).read_bytes(), datetime.fromisoformat(first["forwarded_at"]))  # warm-up
        scores: list[dict[str, float]] = []
        by_layout: dict[str, list[dict[str, float]]] = defaultdict(list)
        bare_times, full_times, details = [], [], []
        for truth in labels:
            data = (out / truth["image"]).read_bytes()
            started = time.perf_counter()
            engine.read_array(np.asarray(Image.open(io.BytesIO(data)).convert("RGB")))
            bare_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            post = intake_image(data, datetime.fromisoformat(truth["forwarded_at"]), timeout=120).post
            full_times.append(time.perf_counter() - started)
            fields = post.contract_fields()
            result = score(fields, truth)
            scores.append(result)
            by_layout[truth["layout"]].append(result)
            details.append({"image": truth["image"], "layout": truth["layout"], "score": result, "fields": fields,
                            "truth": truth})
    if args.details:
        Path(args.details).write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in details) + "\n",
                                      encoding="utf-8")
    kind = "held-out" if args.family == "b" else "development"
    print(f"{kind} layout family {args.family}: {len(labels)} images, {len(by_layout)} layouts (seed {args.seed})")
    per_field = {f: statistics.mean(s[f] for s in scores) for f in FIELDS}
    overall = statistics.mean(v for s in scores for f, v in s.items() if f in FIELDS)
    print("per field: " + ", ".join(f"{f} {v:.2f}" for f, v in per_field.items()))
    print(f"overall (image x field) {overall:.3f}; body similarity mean {statistics.mean(s['body_similarity'] for s in scores):.3f}")
    for layout, rows in sorted(by_layout.items()):
        layout_score = statistics.mean(v for s in rows for f, v in s.items() if f in FIELDS)
        weakest = min(FIELDS, key=lambda f: statistics.mean(s[f] for s in rows))
        print(f"  {layout:18s} n={len(rows):2d} {layout_score:.2f} (weakest: {weakest})")
    bare, full = statistics.mean(bare_times), statistics.mean(full_times)
    print(f"seconds/image: bare OCR {bare:.2f}, full intake {full:.2f}")
    print(f"ratio={full / bare:.2f}")


if __name__ == "__main__":
    main()
