"""Train the layout-role model on synthetic OCR lines of many generated layouts.

Texts come from train.jsonl only (the bench renders test.jsonl). Every template is rendered
with random sizes, fonts, dark mode, scaling and long captures cut into pages; a quarter of the
pages is also fed as plain text (no boxes), as pasted posts arrive. Deterministic (fixed seeds).

Before the final fit, leave-one-template-out: the model is trained without one template and
scored on it, which estimates how it does on layouts it has never seen.

Run: .venv/bin/python -m bench.screenshots.train_roles [--pages 3000] [--no-cv]
Writes bot/intake/model/line_roles.joblib and line_roles.json (scikit-learn version, features).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.screenshots.content import load_rows  # noqa: E402
from bench.screenshots.layout import Element  # noqa: E402
from bench.screenshots.render import crop_window, cut_positions, visible  # noqa: E402
from bench.screenshots.synthetic_ocr import ocr_lines  # noqa: E402
from bench.screenshots.templates import SCROLLING, TEXT_ONLY, all_templates, make_screen  # noqa: E402
from bot.intake.line_features import FEATURE_COUNT, features, text_boxes  # noqa: E402
from bot.intake.line_roles import MODEL_PATH, ROLES  # noqa: E402
from bot.intake.segments import split_lines  # noqa: E402

SEED = 20261130
BASE_FORWARD = datetime.fromisoformat("2026-06-15T09:00:00+08:00")


def page_examples(
    elements: list[Element], size: tuple[int, int], forwarded_at: datetime, rnd: random.Random, as_text: bool
) -> tuple[np.ndarray, list[str]]:
    lines = ocr_lines(elements, size, rnd)
    if not lines:
        return np.zeros((0, FEATURE_COUNT), dtype=np.float32), []
    if as_text:
        boxes = text_boxes([ln.text for ln in lines])
        segments = split_lines([(ln.text, b) for ln, b in zip(lines, boxes, strict=True)], forwarded_at)
        matrix = features(segments, None, forwarded_at)
    else:
        segments = split_lines([(ln.text, ln.box) for ln in lines], forwarded_at)
        matrix = features(segments, size, forwarded_at)
    labels = []
    for seg in segments:
        roles = lines[seg.line].roles[seg.start : seg.start + len(seg.text)]
        labels.append(Counter(roles).most_common(1)[0][0] if roles else "chrome")
    return matrix, labels


def build_corpus(pages: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, roles, template index) over `pages` generated pages."""
    rows = load_rows("train")
    rnd = random.Random(seed)
    templates = all_templates()
    xs, ys, groups = [], [], []
    for index in range(pages):
        template = templates[index % len(templates)]
        forwarded_at = BASE_FORWARD + timedelta(days=rnd.randrange(0, 400), minutes=rnd.randrange(1440))
        tall = rnd.choice([1.0, 1.0, 1.0, 1.6, 2.4]) if template in SCROLLING else 1.0
        screen = make_screen(template, rnd.choice(rows), forwarded_at, rnd, tall=tall)
        cuts = cut_positions(screen, screen.width * 2.1) if tall > 1 and rnd.random() < 0.6 else [0.0, screen.height]
        if len(cuts) == 2 and rnd.random() < 0.12:
            cuts = list(crop_window(screen, rnd))
        for top, bottom in zip(cuts, cuts[1:], strict=False):
            scale = rnd.uniform(0.6, 1.0) if rnd.random() < 0.35 else 1.0
            elements = [
                Element(e.text, e.role, e.x * scale, (e.y - top) * scale, e.size * scale, e.color, e.bold)
                for e in visible(screen, top, bottom)
            ]
            size = (int(screen.width * scale), int((bottom - top) * scale))
            as_text = template in TEXT_ONLY or rnd.random() < 0.2
            matrix, labels = page_examples(elements, size, forwarded_at, rnd, as_text=as_text)
            xs.append(matrix)
            ys.extend(labels)
            groups.extend([templates.index(template)] * len(labels))
    return np.vstack(xs), np.array(ys), np.array(groups)


def make_model() -> object:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.1, max_leaf_nodes=31, l2_regularization=1.0, random_state=0
    )


def leave_one_template_out(x: np.ndarray, y: np.ndarray, groups: np.ndarray, only: list[str]) -> None:
    templates = all_templates()
    total_right = total = 0
    for g, name in enumerate(templates):
        if only and name not in only:
            continue
        test = groups == g
        model = make_model()
        model.fit(x[~test], y[~test])  # type: ignore[attr-defined]
        predicted = model.predict(x[test])  # type: ignore[attr-defined]
        right = int((predicted == y[test]).sum())
        total_right += right
        total += int(test.sum())
        content = np.isin(y[test], ["title", "author", "time", "unit", "body"])
        content_acc = float((predicted[content] == y[test][content]).mean()) if content.any() else float("nan")
        print(f"  unseen {name:18s} n={int(test.sum()):5d} accuracy={right / test.sum():.3f} content-roles={content_acc:.3f}")
    print(f"leave-one-template-out accuracy={total_right / total:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=4000)
    parser.add_argument("--no-cv", action="store_true")
    parser.add_argument("--cv-templates", nargs="*", default=[], help="hold out only these templates (default: all)")
    parser.add_argument("--cv-only", action="store_true", help="report the held-out-template scores, write no model")
    parser.add_argument("--out", default=str(MODEL_PATH))
    args = parser.parse_args()
    started = time.perf_counter()
    x, y, groups = build_corpus(args.pages)
    print(f"corpus: {len(y)} segments from {args.pages} pages in {time.perf_counter() - started:.0f}s; "
          f"roles {dict(Counter(y.tolist()))}")
    if not args.no_cv:
        leave_one_template_out(x, y, groups, args.cv_templates)
    if args.cv_only:
        return
    import joblib
    import sklearn

    model = make_model()
    model.fit(x, y)  # type: ignore[attr-defined]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out, compress=3)
    meta = {"sklearn": sklearn.__version__, "features": FEATURE_COUNT, "pages": args.pages, "seed": SEED,
            "segments": int(len(y)), "roles": list(ROLES)}
    out.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KB) in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
