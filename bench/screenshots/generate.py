"""Render synthetic screenshots of citizen posts for the OCR bench, with the truth beside each.

Several templates per platform and screen kind (see templates.py), randomised fonts, sizes,
widths, dark mode, scaling, double JPEG, long captures and posts cut into two screenshots.
Texts come from test.jsonl at run time and the images go to a temporary or git-ignored folder:
nothing personal is committed. Authors, phones and times are synthetic.

Run: .venv/bin/python -m bench.screenshots.generate --count 40 --out var/bench-screenshots
Needs a CJK font (fonts-noto-cjk or fonts-wqy-microhei; or set BENCH_CJK_FONT=/path/font.ttc).
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import datetime
from pathlib import Path

from bench.screenshots.content import DATA_DIR, load_rows
from bench.screenshots.render import crop_window, font_path, render_pages
from bench.screenshots.templates import SCROLLING, all_templates, make_screen

ROOT = Path(__file__).resolve().parents[2]
FORWARDED_AT = datetime.fromisoformat("2026-11-28T10:00:00+08:00")


def find_font() -> str | None:
    return font_path("sans", False)


def generate(count: int, out: Path, seed: int = 20261128) -> list[Path]:
    """Write about `count` images (a post cut into pages counts each page) and their truth JSON."""
    if find_font() is None:
        raise SystemExit("SKIP: no CJK font found; apt-get install fonts-noto-cjk or set BENCH_CJK_FONT")
    if not (DATA_DIR / "test.jsonl").exists():
        raise SystemExit(f"SKIP: shared data missing at {DATA_DIR}")
    rows = load_rows("test")
    long_rows = [r for r in rows if len(str(r["body"])) > 700] or rows
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    templates = all_templates(screens_only=True)
    paths: list[Path] = []
    index = 0
    while len(paths) < count:
        template = templates[index % len(templates)]
        shape = "screen"
        if template in SCROLLING and index % 6 == 4:
            shape = rnd.choice(["long", "pages"])
        elif index % 9 == 7:
            shape = "crop"
        tall = rnd.uniform(2.2, 2.8) if shape in ("long", "pages") else 1.0
        row = rnd.choice(long_rows if shape in ("long", "pages") else rows)
        screen = make_screen(template, row, FORWARDED_AT, rnd, tall=tall)
        window = crop_window(screen, rnd) if shape == "crop" else None
        pages = render_pages(screen, screen.width * 2.1 if shape == "pages" else None, rnd, window)
        for page_number, page in enumerate(pages[:2]):
            suffix = "" if shape == "screen" else f"_{shape}{page_number + 1 if shape == 'pages' else ''}"
            path = out / f"{len(paths):03d}_{template}{suffix}.jpg"
            path.write_bytes(page.image)
            truth = {
                "template": template,
                "layout": screen.truth.get("platform"),
                "shape": shape,
                "size": list(page.size),
                "lines": [e.text for e in page.elements if e.role != "chrome"],
                "fields": {k: v for k, v in page.truth.items() if k not in ("template",)},
                "forwarded_at": FORWARDED_AT.isoformat(),
            }
            path.with_suffix(".json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
        index += 1
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--out", default=str(ROOT / "var" / "bench-screenshots"))
    parser.add_argument("--seed", type=int, default=20261128)
    args = parser.parse_args()
    paths = generate(args.count, Path(args.out), args.seed)
    print(f"wrote {len(paths)} screenshots to {args.out}")


if __name__ == "__main__":
    main()
