"""Generate family h: screenshots where the author and time are shown many ways and the post is hard
to separate from what surrounds it.

    python -m bench.heldout_layouts_h.generate OUT_DIR [--count N] [--seed S]

Writes ``000.png`` / ``001.jpg`` … and ``labels.jsonl`` (one record per image, the ``heldout`` label
schema). Output depends only on the seed. Every run of N images cycles through all layouts, shuffled.
Each record is self-checked with ``check_record`` against the text runs actually drawn.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageDraw

from bench.heldout_layouts.fonts import FontBook
from bench.heldout_layouts_h.layouts import LAYOUTS, Ctx, Out
from bench.heldout_layouts_h.render import Canvas, Run, home_indicator
from bench.heldout_layouts_h.timefmt import resolve

FAMILY = "heldout_h"
TZ = timezone(timedelta(hours=8))
KEYS = ["image", "family", "layout", "forwarded_at", "platform", "title", "author", "posted_at",
        "posted_at_components", "addressed_unit", "body", "place_mentions", "phones"]
POST_ROLES = ("title", "author", "time", "body")
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _forwarded_at(rng: random.Random) -> datetime:
    day = datetime(2024, 3, 1, tzinfo=TZ) + timedelta(days=rng.randint(0, 600))
    return day.replace(hour=rng.randint(8, 23), minute=rng.randint(0, 59))


def _compose(out: Out, rng: random.Random) -> None:
    """Cut the screen: top of the page, scrolled to the post, or a long capture."""
    c = out.c
    s = c.s
    x0, top, x1, bottom = c.post_box()
    view = out.screen_h
    usable = view - out.bottom_h
    long = out.device == "phone" and rng.random() < 0.22
    offset = 0.0
    if not long and bottom + 8 > usable:
        avail = usable - out.chrome_h
        if bottom - top + 24 > avail:
            long = out.device == "phone"
            if not long:  # desktop: make the window taller rather than cut the post
                view = bottom + out.bottom_h + 30
        else:
            slack = avail - (bottom - top) - 16
            offset = top - out.chrome_h - rng.uniform(8, max(8.0, slack))
            offset = max(0.0, min(offset, out.content_end - (view - out.chrome_h)))
            if bottom - offset + 8 > usable:
                offset = bottom + 8 - usable
    if long:
        view = max(out.content_end, bottom + 20) + out.bottom_h
        offset = 0.0
    H = round(view * s)
    ch = round(out.chrome_h * s)
    img = Image.new("RGB", (c.width, H), c.bg)
    img.paste(c.img.crop((0, 0, c.width, ch)), (0, 0))
    src = ch + round(offset * s)
    img.paste(c.img.crop((0, src, c.width, src + H - ch)), (0, ch))
    runs = []
    for r in c.runs:
        if r.box[1] < out.chrome_h - 0.5 and r.box[3] <= out.chrome_h + 0.5:
            runs.append(r)
            continue
        b = (r.box[0], r.box[1] - offset, r.box[2], r.box[3] - offset)
        if b[1] >= out.chrome_h - 0.5 and b[3] <= view - out.bottom_h:
            runs.append(Run(r.role, r.text, b))
    c.img, c.height, c.runs = img, H, runs
    c.d = ImageDraw.Draw(img)
    if out.overlay:
        out.overlay(c)
    elif out.device == "phone" and rng.random() < 0.4:
        home_indicator(c, {"fg": (30, 30, 30) if sum(c.bg) > 380 else (230, 230, 230)})


def _bottom_crop(c: Canvas, rng: random.Random, out: Out) -> None:
    """Sometimes the sender cropped the screenshot a little below the post."""
    if out.device != "phone" or rng.random() > 0.15:
        return
    bottom = c.post_box()[3]
    H = c.height / c.s
    if H - bottom < 120:
        return
    cut = rng.uniform(bottom + 20, H - 60)
    c.crop(0, cut)
    c.runs = [r for r in c.runs if r.box[3] <= cut]


def _save(img: Image.Image, path_stem: Path, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        name = path_stem.name + ".png"
        img.save(path_stem.with_suffix(".png"), optimize=False)
        return name
    name = path_stem.name + ".jpg"
    if r < 0.75:
        img.save(path_stem.with_suffix(".jpg"), quality=rng.randint(72, 92))
        return name
    # double JPEG: an app recompressed what the sender forwarded, sometimes after a resize
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=rng.randint(80, 95))
    again = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    if rng.random() < 0.4:
        f = rng.uniform(0.85, 0.97)
        again = again.resize((round(again.width * f), round(again.height * f)), Image.LANCZOS)
    again.save(path_stem.with_suffix(".jpg"), quality=rng.randint(60, 82))
    return name


def _phones_in(text: str) -> str:
    return re.sub(r"[\s\-－]", "", text.translate(FULLWIDTH_DIGITS))


def check_record(rec: dict, drawn: dict | None = None) -> None:
    """Assert a label's invariants; with ``drawn`` also that its post text was drawn on the image.

    ``drawn`` is ``{"runs": [(role, text, (x0, y0, x1, y1) px)], "time_text": str, "size": (w, h)}``,
    as kept by ``generate``. Checks: schema keys; places and phones findable in title/body; posted_at
    not after forwarded_at, zeroed where not shown; and, given ``drawn``: the title and body equal the
    concatenation of their drawn runs, the author is drawn, the time string is drawn and resolves to
    ``posted_at`` with the same components, and every post run lies inside the image.
    """
    assert list(rec) == KEYS, list(rec)
    assert rec["family"] == FAMILY and rec["layout"] in LAYOUTS
    fw = datetime.fromisoformat(rec["forwarded_at"])
    pa = datetime.fromisoformat(rec["posted_at"])
    assert pa <= fw, (pa, fw)
    comps = rec["posted_at_components"]
    assert comps and comps[0] == "date" and comps == [k for k in ("date", "hour", "minute", "second") if k in comps]
    for k, v in (("hour", pa.hour), ("minute", pa.minute), ("second", pa.second)):
        assert k in comps or v == 0, (k, rec["posted_at"])
    text = (rec["title"] or "") + rec["body"]
    assert 60 <= len(rec["body"]) <= 320, len(rec["body"])
    for p in rec["place_mentions"]:
        assert p in text, p
    assert len(set(rec["place_mentions"])) == len(rec["place_mentions"])
    order = [text.find(p) for p in rec["place_mentions"]]
    assert order == sorted(order), rec["place_mentions"]
    for ph in rec["phones"]:
        assert ph.isdigit() and ph in _phones_in(text), ph
    if drawn is None:
        return
    runs = drawn["runs"]
    w, h = drawn["size"]
    by_role = {r: [t for role, t, _ in runs if role == r] for r in POST_ROLES}
    assert "".join(by_role["body"]) == rec["body"], "body not drawn as labelled"
    if rec["title"] is None:
        assert not by_role["title"]
    else:
        assert "".join(by_role["title"]) == rec["title"], "title not drawn as labelled"
    assert any(rec["author"] in t for t in by_role["author"]), "author not drawn"
    tt = drawn["time_text"]
    assert any(tt in t for t in by_role["time"]), "time not drawn"
    rpa, rcomps = resolve(tt, fw)
    assert (rpa, rcomps) == (pa, comps), (tt, rpa, rcomps, pa, comps)
    for role, t, (x0, y0, x1, y1) in runs:
        if role in POST_ROLES:
            assert x0 >= -1 and y0 >= -1 and x1 <= w + 1 and y1 <= h + 1, (role, t, (x0, y0, x1, y1), (w, h))


def _ink_check(path: Path, drawn: dict) -> None:
    """Every post run's box on the saved image has visible contrast (the text is really there)."""
    img = Image.open(path).convert("L")
    sx, sy = img.width / drawn["size"][0], img.height / drawn["size"][1]
    for role, t, (x0, y0, x1, y1) in drawn["runs"]:
        if role not in POST_ROLES or not t.strip():
            continue
        lo, hi = img.crop((int(x0 * sx), int(y0 * sy), max(int(x0 * sx) + 1, int(x1 * sx)), max(int(y0 * sy) + 1, int(y1 * sy)))).getextrema()
        assert hi - lo > 40, (path.name, role, t, lo, hi)


def generate(out_dir, count: int = 60, seed: int = 7) -> list[dict]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fb = FontBook()
    names = list(LAYOUTS)
    order_rng = random.Random(f"h-order-{seed}")
    order: list[str] = []
    while len(order) < count:
        block = names[:]
        order_rng.shuffle(block)
        order += block
    records = []
    for i in range(count):
        layout = order[i]
        rng = random.Random(f"h-{seed}-{i}")
        fw = _forwarded_at(rng)
        o = LAYOUTS[layout](Ctx(rng, fb, fw))
        _compose(o, rng)
        _bottom_crop(o.c, rng, o)
        img, s = o.c.img, o.c.s
        scale = 1.0
        if rng.random() < 0.25:
            scale = rng.uniform(0.75, 0.95) if o.device == "phone" else rng.uniform(0.85, 1.0)
            img = img.resize((round(img.width * scale), round(img.height * scale)), Image.LANCZOS)
        f = s * scale
        drawn = {"runs": [(r.role, r.text, tuple(v * f for v in r.box)) for r in o.c.runs],
                 "time_text": o.time_text, "size": img.size}
        name = _save(img, out / f"{i:03d}", rng)
        rec = {
            "image": name, "family": FAMILY, "layout": layout,
            "forwarded_at": fw.isoformat(), "platform": o.platform,
            "title": o.title, "author": o.author, "posted_at": o.posted_at.isoformat(),
            "posted_at_components": o.comps, "addressed_unit": o.addressed_unit,
            "body": o.post.body, "place_mentions": o.post.place_mentions(), "phones": o.post.phones,
        }
        drawn["size"] = img.size
        check_record(rec, drawn)
        _ink_check(out / name, drawn)
        records.append(rec)
    with open(out / "labels.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    recs = generate(a.out_dir, a.count, a.seed)
    print(f"wrote {len(recs)} images + labels.jsonl to {a.out_dir} (all records self-checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
