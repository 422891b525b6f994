"""Write the OCR-line fixtures of tests/intake: generated screens with made-up texts, read by
the real OCR engine, with the generator's truth beside each page.

The texts are synthetic (content.synthetic_row), so the committed file holds no citizen's
words; the lines are what RapidOCR returned on the rendered images, so the tests see real
OCR output, not lines written to pass.

Run: .venv/bin/python -m bench.screenshots.fixtures  (about a minute; rewrites the fixture file)
"""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path

from bench.screenshots.content import load_rows
from bench.screenshots.render import render_pages
from bench.screenshots.templates import all_templates, make_screen

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "intake" / "data" / "layout_pages.json"
FORWARDED_AT = datetime.fromisoformat("2026-11-30T21:00:00+08:00")
SEED = 20261201
PER_TEMPLATE = 2


def main() -> None:
    from bot.intake.ocr import get_engine, recognise

    rows = load_rows("synthetic")
    rnd = random.Random(SEED)
    engine = get_engine()
    pages = []
    for template in all_templates(screens_only=True):
        for _ in range(PER_TEMPLATE):
            screen = make_screen(template, rnd.choice(rows), FORWARDED_AT, rnd)
            (page,) = render_pages(screen, None, rnd)
            result = recognise(engine, page.image, timeout=120)
            truth = {k: v for k, v in page.truth.items() if k != "template"}
            pages.append({
                "template": template,
                "size": list(result.size or page.size),
                "forwarded_at": FORWARDED_AT.isoformat(),
                "lines": [[line.text, list(line.box)] for line in result.lines],
                "truth": truth,
                "chrome": sorted({e.text for e in page.elements if e.role == "chrome"}),
                "others": sorted({e.text for e in page.elements if e.role == "other" and len(e.text) >= 4}),
            })
    OUT.write_text(json.dumps(pages, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(pages)} pages to {OUT}")


if __name__ == "__main__":
    main()
