"""Family e: phone screenshots where the post is one item among several (see README.md).

    python bench/heldout_layouts_e/generate.py OUT_DIR [--count 60] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "bench.heldout_layouts_e"

from PIL import Image  # noqa: E402

from . import content as C  # noqa: E402
from .draw import STATUS_STYLES, home_indicator, pick_width  # noqa: E402
from .layouts import LAYOUTS  # noqa: E402
from .timefmt import random_forwarded  # noqa: E402

ALLOWED_PLATFORMS = {"hongwang", "wenzheng_hunan", "douyin", "weibo", "wechat", "other"}
SCREEN_PT = 844.0  # 390 x 844 logical points, ~19.5:9
NO_LONG = {"ks_video"}
NO_DARK = {"ks_video"}


def _normalise(s: str) -> str:
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return re.sub(r"[\s\u3000\-－—‐–]", "", s)


def _places(candidates: list[str], text: str) -> list[str]:
    found = [(text.find(p), p) for p in dict.fromkeys(candidates) if p in text]
    return [p for _, p in sorted(found)]


def _render(rng: random.Random, layout: str, ctx: dict):
    r = LAYOUTS[layout](rng, ctx)
    cv = r["cv"]
    bottom = r.get("bottom")
    bottom_h = 62 if bottom else 0
    if r.get("fixed"):
        H = SCREEN_PT
    elif ctx["long"]:
        H = max(SCREEN_PT, r["end"] + 10 + bottom_h)
    else:
        H = max(SCREEN_PT, r["post_end"] + 24 + bottom_h)
    H = min(H, cv.img.height / cv.s)
    if bottom:
        yb = H - bottom_h - (18 if ctx["status"] == "ios" else 0)
        bottom(cv, yb)
        if ctx["status"] == "ios":
            cv.rect(0, H - 18, 390, H, cv.theme.bg)
    if ctx["status"] == "ios":
        home_indicator(cv, H, cv.theme.fg if not r.get("fixed") else (230, 230, 230))
    img = cv.img.crop((0, 0, cv.W, cv.p(H)))
    return img, r


def generate(out_dir: Path, count: int = 60, seed: int = 7) -> list[dict]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    master = random.Random(seed)
    names = list(LAYOUTS)
    order: list[str] = []
    while len(order) < count:
        block = names[:]
        master.shuffle(block)
        order += block
    post_order = list(range(len(C.COMPLAINTS)))
    master.shuffle(post_order)
    records = []
    for i in range(count):
        layout = order[i]
        rng = random.Random(f"{seed}-{i}-{layout}")
        fwd = random_forwarded(rng)
        post = C.build_post(rng, post_order[i % len(post_order)])
        ctx = dict(fwd=fwd, post=post, width=pick_width(rng),
                   dark=layout not in NO_DARK and rng.random() < 0.3,
                   long=layout not in NO_LONG and rng.random() < 0.25,
                   status=rng.choice(STATUS_STYLES))
        img, r = _render(rng, layout, ctx)
        if rng.random() < 0.2:
            w = rng.randint(560, 700)
            img = img.resize((w, round(img.height * w / img.width)), Image.LANCZOS)
        jpeg = rng.random() < 0.3
        name = f"{i:03d}.{'jpg' if jpeg else 'png'}"
        if jpeg:
            img.save(out_dir / name, quality=rng.randint(60, 85))
        else:
            img.save(out_dir / name, optimize=False)
        title = r["title"]
        text = (title or "") + r["body"]
        rec = {
            "image": name, "family": "e", "layout": layout,
            "forwarded_at": fwd.isoformat(), "platform": r["platform"],
            "title": title, "author": r["author"],
            "posted_at": r["posted"].isoformat(), "posted_at_components": r["comps"],
            "addressed_unit": r.get("addressed_unit") if r["platform"] in ("hongwang", "wenzheng_hunan") else None,
            "body": r["body"],
            "place_mentions": _places(post["places"], text),
            "phones": [p for p in post["phones"]],
        }
        check_record(rec)
        records.append(rec)
    with open(out_dir / "labels.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return records


def check_record(rec: dict) -> None:
    from datetime import datetime
    text = (rec["title"] or "") + rec["body"]
    norm = _normalise(text)
    for p in rec["place_mentions"]:
        assert p in text, (rec["image"], p)
    for ph in rec["phones"]:
        assert ph.isdigit() and ph in norm, (rec["image"], ph)
    assert rec["platform"] in ALLOWED_PLATFORMS, rec["platform"]
    fwd = datetime.fromisoformat(rec["forwarded_at"])
    posted = datetime.fromisoformat(rec["posted_at"])
    assert fwd.utcoffset().total_seconds() == 8 * 3600 and posted.utcoffset().total_seconds() == 8 * 3600
    assert posted <= fwd, (rec["image"], rec["posted_at"], rec["forwarded_at"])
    assert fwd.year == 2025, rec["forwarded_at"]
    assert rec["family"] == "e" and rec["layout"]
    assert set(rec["posted_at_components"]) <= {"date", "hour", "minute", "second"}
    assert rec["author"] and not rec["author"].startswith("@")
    if rec["platform"] not in ("hongwang", "wenzheng_hunan"):
        assert rec["addressed_unit"] is None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    recs = generate(a.out_dir, a.count, a.seed)
    print(f"wrote {len(recs)} images + labels.jsonl to {a.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
