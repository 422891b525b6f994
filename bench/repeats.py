"""Repeat detection: precision / recall of bot.routing.repeats on labelled pairs built from shared data.

Pairs (seeded, rebuilt on every run, nothing stored):
- positive: a message from hot_issues.jsonl against its variant (truncated, sentences
  reordered with words dropped, OCR-like character noise, or a new title);
- negative: a different message on the same topic (same first-level label or sharing a place),
  the hard case for a dispatcher.
Each query is matched against a pool of "open cases"; the threshold is chosen on one half of
the queries (best F1) and precision/recall are reported on the other half.
Run: .venv/bin/python bench/repeats.py [--show N]  (--show: the tuning half's first N false matches at the
module default, to see what kind of error they are; the held-out half is never shown)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.intake.places import find_places  # noqa: E402
from bot.routing.repeats import REPEAT_THRESHOLD, OpenCase, similarity_scores  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "citizen-messages" / "hot_issues.jsonl"
SEED = 20261128
POOL = 150
QUERIES = 160

_CONFUSABLE = "的地得在再已以做作像象带代那哪到道小少未末土士人入日曰己已"


def variant(text: str, rnd: random.Random) -> str:
    kind = rnd.choice(["truncate", "reorder", "ocr", "retitle"])
    sentences = [s for s in re.split(r"(?<=[。！？；])", text) if s]
    if kind == "truncate":
        return text[: max(30, int(len(text) * rnd.uniform(0.4, 0.7)))]
    if kind == "reorder" and len(sentences) > 2:
        rnd.shuffle(sentences)
        words = "".join(sentences)
        return "".join(ch for ch in words if rnd.random() > 0.08)
    if kind == "ocr":
        out = []
        for ch in text:
            r = rnd.random()
            if r < 0.03:
                out.append(rnd.choice(_CONFUSABLE))
            elif r < 0.04:
                continue
            else:
                out.append(ch)
            if rnd.random() < 0.04:
                out.append("\n")
        return "".join(out)
    return "关于" + text[:20] + "的问题。" + text[20:]


def _snippet(title: str | None, body: str | None) -> str:
    return ((title or "") + " | " + (body or "")).replace("\n", "")[:160]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N false matches of the tuning half")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"SKIP: shared data missing at {DATA}")
        return
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    rows = [r for r in rows if len(r.get("body") or "") >= 60]
    rnd = random.Random(SEED)
    rnd.shuffle(rows)
    pool_rows = rows[:POOL]
    others = rows[POOL:]
    cases = [OpenCase(i, r.get("title"), r["body"]) for i, r in enumerate(pool_rows)]

    queries: list[tuple[str | None, str, int | None]] = []  # title, body, expected case id or None
    for i in range(QUERIES // 2):
        case = pool_rows[i]
        queries.append((case.get("title") if rnd.random() < 0.5 else None, variant(case["body"], rnd), i))
    # Negatives: messages not in the pool that share a place with a pool message when possible.
    pool_places = {p.name for r in pool_rows for p in find_places(r["body"]) if p.level != "city"}
    same_place = [r for r in others if {p.name for p in find_places(r["body"])} & pool_places]
    negatives = (same_place + others)[: QUERIES // 2]
    queries += [(r.get("title"), r["body"], None) for r in negatives]
    rnd.shuffle(queries)

    started = time.perf_counter()
    best_scores = []
    for title, body, _ in queries:
        places = [p.name for p in find_places(body) if p.level in ("township", "village", "road", "compound")]
        scores = similarity_scores(title, body, places, cases)
        top = max(range(len(scores)), key=scores.__getitem__)
        best_scores.append((top, scores[top]))
    per_query_ms = (time.perf_counter() - started) / len(queries) * 1000

    def evaluate(indices: list[int], threshold: float) -> tuple[float, float, float]:
        tp = fp = fn = 0
        for i in indices:
            expected = queries[i][2]
            top, score = best_scores[i]
            if score >= threshold:
                if top == expected:
                    tp += 1
                else:
                    fp += 1
                    fn += expected is not None
            elif expected is not None:
                fn += 1
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    tune = list(range(0, len(queries), 2))
    held = list(range(1, len(queries), 2))
    grid = [t / 100 for t in range(15, 80)]
    chosen = max(grid, key=lambda t: (evaluate(tune, t)[2], t))
    print(
        f"pairs: {len(queries)} queries ({QUERIES // 2} repeats, {len(negatives)} same-topic non-repeats), pool {POOL}"
    )
    print(f"threshold chosen on tuning half: {chosen:.2f} (module default {REPEAT_THRESHOLD:.2f})")
    for name, threshold in (("chosen", chosen), ("default", REPEAT_THRESHOLD)):
        p, r, f = evaluate(held, threshold)
        print(f"held-out half @ {name} {threshold:.2f}: precision={p:.3f} recall={r:.3f} f1={f:.3f}")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        p, r, f = evaluate(held, threshold)
        print(f"  held-out @ {threshold:.2f}: precision={p:.3f} recall={r:.3f}")
    print(f"ms per query against {POOL} open cases: {per_query_ms:.1f}")
    wrong = [i for i in tune if best_scores[i][1] >= REPEAT_THRESHOLD and best_scores[i][0] != queries[i][2]]
    for i in wrong[: args.show]:
        title, body, expected = queries[i]
        top, score = best_scores[i]
        print(f"\nfalse match (tuning half, query {i}, expected {expected}): case {top} at {score:.3f}")
        print(f"  query: {_snippet(title, body)}")
        print(f"  case:  {_snippet(cases[top].title, cases[top].body)}")


if __name__ == "__main__":
    main()
