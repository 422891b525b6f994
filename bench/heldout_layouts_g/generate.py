"""Generate family-g screenshots (government portals, forms and threads) with labels.

    python -m bench.heldout_layouts_g.generate OUT_DIR [--count N] [--seed S]
"""
from __future__ import annotations

import argparse
import json
import random
import re
from datetime import datetime
from pathlib import Path

from PIL import Image

from . import content, draw
from .layouts import LAYOUTS
from .scene import Layout, Page, Scene
from .timefmt import iso, random_forwarded, show

PLATFORMS = {"hongwang", "wenzheng_hunan", "douyin", "weibo", "wechat", "other"}


def _frame(page: Page, scene: Scene, layout: Layout, rng: random.Random) -> Image.Image:
    """Crop the page to a screen (or a long capture) and add the status bar or browser chrome."""
    ink, u, fwd = page.ink, scene.u, scene.fwd
    if layout.device == "phone":
        visible = ink.W * rng.uniform(2.0, 2.22) - 30
        height = page.end if scene.long else max(visible, page.post_bottom + 10)
        ios = rng.random() < 0.4
        clock = f"{fwd.hour}:{fwd:%M}" if ios or rng.random() < 0.5 else f"{fwd:%H:%M}"
        bar = draw.status_bar(scene.width, u, clock, page.bar_bg, page.bar_fg, rng.randint(15, 100), ios)
        return draw.stack([bar, ink.crop(height)])
    dark = rng.random() < 0.3
    screen = scene.width * rng.choice([9 / 16, 10 / 16]) / u
    height = max(screen - 122, page.post_bottom + 10)
    chrome = draw.browser_chrome(scene.width, u, page.tab_title, page.url, dark=rng.random() < 0.2)
    bar = draw.taskbar(scene.width, u, f"{fwd.hour}:{fwd:%M}", f"{fwd.year}/{fwd.month}/{fwd.day}", dark)
    return draw.stack([chrome, ink.crop(height), bar])


def _unit(layout: Layout, complaint: content.Complaint, rng: random.Random) -> str | None:
    if not layout.has_unit:
        return None
    options = list(complaint.units)
    if layout.platform == "hongwang":
        options.append(f"{complaint.place.county}委书记")
    return rng.choice(options)


def _one(layout: Layout, rng: random.Random, out_dir: Path, index: int) -> dict:
    fwd = random_forwarded(rng)
    if layout.device == "phone":
        width = rng.randint(720, 1080)
        u = width / rng.uniform(360, 412)
    else:
        width = rng.randint(1280, 1920)
        u = max(1.0, width / rng.uniform(1280, 1600))
    complaint = content.make_complaint(rng, short=layout.short)
    title = complaint.title if rng.random() < layout.title_rate else None
    scene = Scene(rng=rng, fwd=fwd, dark=layout.dark_ok and rng.random() < 0.3, width=width, u=u,
                  long=layout.device == "phone" and rng.random() < 0.25, title=title,
                  author=layout.author(rng), shown=show(rng.choice(layout.styles), fwd, rng),
                  paras=list(complaint.paras), unit=_unit(layout, complaint, rng), complaint=complaint)
    page = layout.render(scene)
    img = _frame(page, scene, layout, rng)
    if rng.random() < 0.2:
        f = rng.uniform(0.6, 0.85)
        img = img.resize((round(img.width * f), round(img.height * f)), Image.LANCZOS)
    for stale in (out_dir / f"{index:03d}.png", out_dir / f"{index:03d}.jpg"):
        stale.unlink(missing_ok=True)
    if rng.random() < 0.3:
        name = f"{index:03d}.jpg"
        img.save(out_dir / name, quality=rng.randint(60, 85))
    else:
        name = f"{index:03d}.png"
        img.save(out_dir / name)
    body = "".join(scene.paras)  # a layout may add to the paragraphs (小红书 tags)
    rec = {
        "image": name, "family": "g", "layout": layout.id, "forwarded_at": iso(fwd),
        "platform": layout.platform, "title": title, "author": scene.author,
        "posted_at": iso(scene.shown.resolved), "posted_at_components": scene.shown.components,
        "addressed_unit": scene.unit, "body": body,
        "place_mentions": content.place_mentions(complaint.place_candidates, title, body),
        "phones": complaint.phones,
    }
    check_record(rec)
    return rec


def _digits(text: str) -> str:
    return re.sub(r"[\s\-()（）]", "", text.translate(content.FW_DIGITS_BACK))


def check_record(rec: dict) -> None:
    text = (rec["title"] or "") + "\n" + rec["body"]
    for place in rec["place_mentions"]:
        assert place in text, (rec["image"], place)
    for phone in rec["phones"]:
        assert phone.isdigit() and phone in _digits(text), (rec["image"], phone)
    posted = datetime.fromisoformat(rec["posted_at"])
    fwd = datetime.fromisoformat(rec["forwarded_at"])
    assert rec["posted_at"].endswith("+08:00") and rec["forwarded_at"].endswith("+08:00"), rec["image"]
    assert posted <= fwd and fwd.year == 2025, rec["image"]
    assert rec["platform"] in PLATFORMS, rec["image"]
    assert rec["author"] and not rec["author"].startswith("@"), rec["image"]
    assert rec["addressed_unit"] is None or rec["platform"] in ("hongwang", "wenzheng_hunan"), rec["image"]
    assert rec["body"] and rec["family"] == "g", rec["image"]
    assert set(rec["posted_at_components"]) <= {"date", "hour", "minute", "second"}, rec["image"]


def generate(out_dir: Path, count: int = 60, seed: int = 7) -> list[dict]:
    """Write `count` images and labels.jsonl; every run of len(LAYOUTS) images uses each layout once."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    order_rng = random.Random(seed)
    order: list[Layout] = []
    while len(order) < count:
        block = list(LAYOUTS)
        order_rng.shuffle(block)
        order += block
    records = [_one(layout, random.Random(f"g-{seed}-{i}"), out_dir, i)
               for i, layout in enumerate(order[:count])]
    with open(out_dir / "labels.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return records


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    recs = generate(args.out_dir, args.count, args.seed)
    print(f"wrote {len(recs)} images to {args.out_dir}")


if __name__ == "__main__":
    main()
