"""Write tests/intake/data/dev_family_pages.json (families a and d), dev_family_pages_ef.json
(families e and f) and dev_family_pages_g.json (family g): OCR lines of screenshots from layout families written apart from the parser
(bench/heldout_layouts, _d, _e, _f, _g; now its development families), with the family's labels
beside each page, two per layout.

The lines are what the real OCR engine read on the rendered images, so the tests that use them
(tests/intake/test_page_rules.py) see real OCR output on layouts the role model was not trained
on. The complaints are the family's own synthetic texts: no citizen's words. Family b, the
held-out one, never goes into a fixture.

Run: .venv/bin/python -m bench.dev_fixtures  (about five minutes; rewrites the three fixture files)
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "intake" / "data"
# Output file: (family module, seed, count), each family cycling through its layouts, two shots
# kept per layout.
FIXTURES = {
    DATA / "dev_family_pages.json": (("bench.heldout_layouts.generate", 11, 44), ("bench.heldout_layouts_d.generate", 7, 27)),
    DATA / "dev_family_pages_ef.json": (("bench.heldout_layouts_e.generate", 7, 60), ("bench.heldout_layouts_f.generate", 7, 60)),
    DATA / "dev_family_pages_g.json": (("bench.heldout_layouts_g.generate", 7, 60),),
}
PER_LAYOUT = 2


def main() -> None:
    import importlib

    from bot.intake.ocr import get_engine, recognise

    engine = get_engine()
    for out_file, families in FIXTURES.items():
        pages = []
        for module, seed, count in families:
            generate = importlib.import_module(module).generate
            kept: dict[str, int] = {}
            with tempfile.TemporaryDirectory() as folder:
                out = Path(folder)
                generate(out, count=count, seed=seed)
                for line in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines():
                    truth = json.loads(line)
                    if kept.get(truth["layout"], 0) >= PER_LAYOUT:
                        continue
                    kept[truth["layout"]] = kept.get(truth["layout"], 0) + 1
                    result = recognise(engine, (out / truth["image"]).read_bytes(), timeout=120)
                    pages.append({
                        "layout": truth["layout"],
                        "size": list(result.size or (0, 0)),
                        "lines": [[ln.text, list(ln.box)] for ln in result.lines],
                        "truth": {k: truth[k] for k in ("forwarded_at", "platform", "title", "author", "posted_at",
                                                         "posted_at_components", "addressed_unit", "body",
                                                         "place_mentions", "phones")},
                    })
        out_file.write_text(json.dumps(pages, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {len(pages)} pages to {out_file.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
