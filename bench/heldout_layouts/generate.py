"""Render the held-out screenshot family and its labels.

    python bench/heldout_layouts/generate.py OUT_DIR [--count N] [--seed S]

Writes OUT_DIR/NNN.png (about 30 % as .jpg) and OUT_DIR/labels.jsonl. Deterministic for a seed,
no network. Every shot draws from its own Random(seed, index), so changing one layout does not
reshuffle the others.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from random import Random

from PIL import Image

try:
    from . import douyin, hongwang, wechat, weibo, wenzheng
    from .common import Ctx, Label, Rendered
    from .fonts import FontBook
    from .timefmt import random_forwarded_at
except ImportError:  # run as a script: python bench/heldout_layouts/generate.py
    import douyin  # type: ignore[no-redef]
    import hongwang  # type: ignore[no-redef]
    import wechat  # type: ignore[no-redef]
    import weibo  # type: ignore[no-redef]
    import wenzheng  # type: ignore[no-redef]
    from common import Ctx, Label, Rendered  # type: ignore[no-redef]
    from fonts import FontBook  # type: ignore[no-redef]
    from timefmt import random_forwarded_at  # type: ignore[no-redef]

FAMILY = "heldout"
TALL_RATE = 0.2  # long (scrolling) screenshots
DARK_RATE = 0.3  # of layouts whose platform has a dark mode
JPEG_RATE = 0.3
DOWNSCALE_RATE = 0.2


@dataclass(frozen=True)
class Layout:
    render: Callable[[Ctx], Rendered]
    dark_mode: bool  # the platform offers a dark theme
    desktop: bool


LAYOUTS: dict[str, Layout] = {
    "hw_phone_detail": Layout(hongwang.hw_phone_detail, False, False),
    "hw_desktop_detail": Layout(hongwang.hw_desktop_detail, False, True),
    "wz_app_detail": Layout(wenzheng.wz_app_detail, True, False),
    "wz_desktop_table": Layout(wenzheng.wz_desktop_table, False, True),
    "dy_video": Layout(douyin.dy_video, False, False),  # always dark, by design of the app
    "dy_comments": Layout(douyin.dy_comments, True, False),
    "dy_desktop": Layout(douyin.dy_desktop, False, True),
    "wb_phone_detail": Layout(weibo.wb_phone_detail, True, False),
    "wb_desktop_card": Layout(weibo.wb_desktop_card, True, True),
    "wx_group_chat": Layout(wechat.wx_group_chat, True, False),
    "wx_article": Layout(wechat.wx_article, True, False),
}

FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def layout_sequence(count: int, rng: Random) -> list[str]:
    """Round-robin over shuffled blocks, so every layout gets count/len(LAYOUTS) shots (±1)."""
    order: list[str] = []
    while len(order) < count:
        block = list(LAYOUTS)
        rng.shuffle(block)
        order.extend(block)
    return order[:count]


def _degrade(img: Image.Image, rng: Random, desktop: bool) -> tuple[Image.Image, int | None]:
    """Downscale some shots (as chat apps do when forwarding) and re-save some as JPEG; returns the JPEG quality."""
    if rng.random() < DOWNSCALE_RATE:
        # Desktop pages use 12 px print already, so they shrink less than phone shots.
        low, floor = (0.85, 1152) if desktop else (0.6, 560)
        factor = max(rng.uniform(low, 0.9), floor / img.width)
        if factor < 1:
            img = img.resize((round(img.width * factor), round(img.height * factor)), Image.Resampling.LANCZOS)
    quality = rng.randint(60, 85) if rng.random() < JPEG_RATE else None
    return img, quality


def _record(name: str, layout: str, ctx: Ctx, label: Label) -> dict[str, object]:
    shown = label.shown
    return {
        "image": name,
        "family": FAMILY,
        "layout": layout,
        "forwarded_at": ctx.fwd.isoformat(),
        "platform": label.platform,
        "title": label.title,
        "author": label.author,
        "posted_at": shown.posted_at.isoformat() if shown else None,
        "posted_at_components": list(shown.components) if shown else [],
        "addressed_unit": label.unit,
        "body": label.body,
        "place_mentions": label.places,
        "phones": label.phones,
    }


def check_record(record: dict[str, object]) -> None:
    """Cheap consistency checks on a label: places and phones must be findable in the text they came from."""
    text = f"{record['title'] or ''}{record['body']}"
    for place in record["place_mentions"]:  # type: ignore[attr-defined]
        if place not in text:
            raise AssertionError(f"{record['image']}: place {place!r} not in title/body")
    digits = re.sub(r"[\s\-]", "", text.translate(FULLWIDTH))
    for phone in record["phones"]:  # type: ignore[attr-defined]
        if phone not in digits:
            raise AssertionError(f"{record['image']}: phone not in body")
    if record["posted_at"] is not None and str(record["posted_at"]) > str(record["forwarded_at"]):
        raise AssertionError(f"{record['image']}: posted after it was forwarded")


def generate(out_dir: Path, count: int = 60, seed: int = 7) -> list[dict[str, object]]:
    """Render `count` screenshots into out_dir and write labels.jsonl; returns the label records."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    fonts = FontBook()  # raises NoCJKFontError with instructions when no CJK font is installed
    records: list[dict[str, object]] = []
    order_rng = Random(seed)
    seen: dict[str, int] = {}
    offsets = {layout_id: order_rng.randrange(12) for layout_id in LAYOUTS}
    for index, layout_id in enumerate(layout_sequence(count, order_rng)):
        layout = LAYOUTS[layout_id]
        rng = Random(seed * 100_003 + index)
        # The n-th shot of a layout takes that layout's n-th time format, so every format shows up.
        slot = offsets[layout_id] + seen.get(layout_id, 0)
        seen[layout_id] = seen.get(layout_id, 0) + 1
        ctx = Ctx(rng, fonts, random_forwarded_at(rng), tall=rng.random() < TALL_RATE,
                  dark=layout.dark_mode and rng.random() < DARK_RATE, time_slot=slot)
        img, label = layout.render(ctx)
        img, quality = _degrade(img, rng, layout.desktop)
        name = f"{index:03d}.{'jpg' if quality else 'png'}"
        if quality:
            img.save(out_dir / name, "JPEG", quality=quality)
        else:
            img.save(out_dir / name, "PNG")
        record = _record(name, layout_id, ctx, label)
        check_record(record)
        records.append(record)
    with open(out_dir / "labels.jsonl", "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    records = generate(args.out_dir, args.count, args.seed)
    print(f"wrote {len(records)} screenshots and labels.jsonl to {args.out_dir} "
          f"in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
