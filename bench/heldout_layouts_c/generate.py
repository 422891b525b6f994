"""Family c held-out screenshots: generate(out_dir, count, seed) -> label records (see README.md)."""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "bench.heldout_layouts_c"

from PIL import Image  # noqa: E402

from bench.heldout_layouts_c.content import NICKS, make_post, mentions_in  # noqa: E402
from bench.heldout_layouts_c.layouts import LAYOUTS, Shot  # noqa: E402
from bench.heldout_layouts_c.timefmt import KINDS  # noqa: E402

TZ = timezone(timedelta(hours=8))
PHONE_WIDTHS = [720, 750, 828, 1080, 1125, 1170, 1242]
DESKTOP_WIDTHS = [1280, 1366, 1440, 1536, 1600, 1920]
FW_BACK = str.maketrans("０１２３４５６７８９", "0123456789")


def iso(dt: datetime) -> str:
    return dt.replace(tzinfo=TZ).isoformat()


def check_record(rec: dict) -> None:
    text = (rec["title"] or "") + rec["body"]
    assert rec["family"] == "c" and rec["layout"] in LAYOUTS
    assert rec["platform"] == LAYOUTS[rec["layout"]][0]
    for place in rec["place_mentions"]:
        assert place in text, (rec["image"], place)
    firsts = [text.find(p) for p in rec["place_mentions"]]
    assert firsts == sorted(firsts), (rec["image"], "order")
    assert len(set(rec["place_mentions"])) == len(rec["place_mentions"])
    digits = re.sub(r"[\s\-]", "", text.translate(FW_BACK))
    for phone in rec["phones"]:
        assert phone.isdigit() and phone in digits, (rec["image"], phone)
    assert datetime.fromisoformat(rec["posted_at"]) <= datetime.fromisoformat(rec["forwarded_at"]), rec["image"]
    assert set(rec["posted_at_components"]) <= {"date", "hour", "minute", "second"}
    assert rec["author"] and rec["body"]
    if rec["title"] is not None:
        assert not rec["title"].startswith("【")
    if rec["platform"] in ("douyin", "weibo"):
        assert rec["title"] is None and rec["addressed_unit"] is None


def generate(out_dir: Path, count: int = 60, seed: int = 7) -> list[dict]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = list(LAYOUTS)
    kinds = list(KINDS)
    rng.shuffle(kinds)
    records = []
    for i in range(count):
        layout = names[i % len(names)]
        platform, fn, form = LAYOUTS[layout]
        r = random.Random(rng.randrange(2**32))
        fwd = datetime(2025, 1, 1, 0, 0) + timedelta(days=r.randint(25, 330), minutes=r.randint(7 * 60, 23 * 60 + 30))
        post = make_post(r, (i * 8 + i // 21) % 21, r.random() < 0.3)
        width = r.choice(PHONE_WIDTHS if form == "phone" else DESKTOP_WIDTHS)
        kind = kinds[(i // len(names) + i) % len(kinds)]
        if layout in ("hw_pc_detail",) and kind in ("min_ago", "hour_ago", "day_ago", "just_now"):
            kind = "iso_s"
        sh = Shot(rng=r, post=post, fwd=fwd, dark=r.random() < 0.3, long=r.random() < 0.2, width=width,
                  time_kind=kind, fullwidth=r.random() < 0.12, author=r.choice(NICKS), sb_style=r.randrange(3))
        img, f = fn(sh)
        if form == "phone" and r.random() < 0.2:
            nw = r.randint(560, min(700, width))
            img = img.resize((nw, round(img.height * nw / width)), Image.LANCZOS)
        elif form == "desktop" and r.random() < 0.2:
            nw = r.randint(1152, max(1152, width - 1))
            if nw < width:
                img = img.resize((nw, round(img.height * nw / width)), Image.LANCZOS)
        if r.random() < 0.3:
            name = f"{i:03d}.jpg"
            img.save(out_dir / name, "JPEG", quality=r.randint(60, 85))
        else:
            name = f"{i:03d}.png"
            img.save(out_dir / name, "PNG", compress_level=3)
        posted, comps = f["posted"]
        rec = {"image": name, "family": "c", "layout": layout, "forwarded_at": iso(fwd), "platform": platform,
               "title": f["title"], "author": f["author"], "posted_at": iso(posted),
               "posted_at_components": comps, "addressed_unit": f["addressed_unit"], "body": f["body"],
               "place_mentions": mentions_in((f["title"] or "") + f["body"], post["candidates"]),
               "phones": post["phones"]}
        check_record(rec)
        records.append(rec)
    with open(out_dir / "labels.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return records


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    recs = generate(a.out_dir, a.count, a.seed)
    print(f"wrote {len(recs)} images to {a.out_dir}")


if __name__ == "__main__":
    main()
