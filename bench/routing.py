"""Routing bench: category accuracy / macro-F1 on test.jsonl against the published SVM baseline,
inference ms per message, and unit routing top-1 / top-3 on a seeded held-out split of replies.jsonl.

The category model evaluated is the committed one (bot/routing/model/, built from train.jsonl
only). For units, a unit model is trained on the training split only; the directory is every
unit name in replies.jsonl, so held-out units never seen in training must be found by name.
Prints, never asserts. Run: .venv/bin/python bench/routing.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.routing.category_model import get_category_model  # noqa: E402
from bot.routing.router import propose_units  # noqa: E402
from bot.routing.train import DEFAULT_DATA_DIR, read_jsonl, reply_examples  # noqa: E402
from bot.routing.unit_model import train_unit_model  # noqa: E402
from bot.routing.unit_profiles import UnitProfiles  # noqa: E402

SPLIT_SEED = 20260101
HELD_OUT_FRACTION = 0.3


def category_bench() -> None:
    model = get_category_model()
    rows = list(read_jsonl(DEFAULT_DATA_DIR / "test.jsonl"))
    gold = [row["label"] for row in rows]
    started = time.perf_counter()
    predicted = [p.label for p in model.predict_many((row.get("title"), row.get("body")) for row in rows)]
    batch_ms = (time.perf_counter() - started) / len(rows) * 1000
    single = []
    for row in rows[:200]:
        started = time.perf_counter()
        model.predict(row.get("title"), row.get("body"))
        single.append((time.perf_counter() - started) * 1000)
    baseline = {
        row["id"]: row["pred"] for row in read_jsonl(DEFAULT_DATA_DIR / "baseline_svm_predictions_on_test.jsonl")
    }
    base_pred = [baseline[row["id"]] for row in rows]
    acc, f1 = accuracy_score(gold, predicted), f1_score(gold, predicted, average="macro")
    base_acc, base_f1 = accuracy_score(gold, base_pred), f1_score(gold, base_pred, average="macro")
    print(f"category on test.jsonl (n={len(rows)}): accuracy={acc:.4f} macro-F1={f1:.4f}")
    print(f"baseline SVM (same rows):            accuracy={base_acc:.4f} macro-F1={base_f1:.4f}")
    print(f"  ratio macro-F1 ours/baseline={f1 / base_f1:.3f}")
    per_class = f1_score(gold, predicted, average=None, labels=model.labels)
    print(
        "  per-class F1: "
        + ", ".join(f"{label} {value:.3f}" for label, value in zip(model.labels, per_class, strict=True))
    )
    print(
        f"inference: single message median={statistics.median(single):.2f} ms p95="
        f"{sorted(single)[int(len(single) * 0.95)]:.2f} ms; batch {batch_ms:.2f} ms/message"
    )


def unit_bench() -> None:
    examples = reply_examples()
    order = list(range(len(examples)))
    random.Random(SPLIT_SEED).shuffle(order)
    cut = int(len(examples) * (1 - HELD_OUT_FRACTION))
    train = [examples[i] for i in order[:cut]]
    held = [examples[i] for i in order[cut:]]
    directory = UnitProfiles.from_names(e.unit_names[0] for e in examples)
    unit_model = train_unit_model(train)
    category_model = get_category_model()
    seen = {e.unit_names[0] for e in train}
    counts = {"all": [0, 0, 0], "unseen": [0, 0, 0]}
    low = low_right = 0
    started = time.perf_counter()
    for example in held:
        result = propose_units(
            example.title,
            example.body,
            directory,
            category=category_model.predict(example.title, example.body),
            model=unit_model,
        )
        names = [p.unit_name for p in result.proposals]
        gold = example.unit_names[0]
        groups = ["all"] + (["unseen"] if gold not in seen else [])
        for group in groups:
            counts[group][0] += 1
            counts[group][1] += names[0] == gold
            counts[group][2] += gold in names
        if result.low_confidence:
            low += 1
            low_right += names[0] == gold
    ms = (time.perf_counter() - started) / len(held) * 1000
    print(
        f"unit routing: directory={len(directory.units)} units, train split={len(train)}, held-out={len(held)} "
        f"(seed {SPLIT_SEED})"
    )
    for group, (n, top1, top3) in counts.items():
        print(f"  {group:7s} n={n:3d} top-1={top1 / max(n, 1):.3f} top-3={top3 / max(n, 1):.3f}")
    print(f"  flagged low-confidence: {low} (top-1 right in {low_right}); {ms:.1f} ms per post")


def main() -> None:
    if not (DEFAULT_DATA_DIR / "test.jsonl").exists():
        print(f"SKIP: shared data missing at {DEFAULT_DATA_DIR}")
        return
    category_bench()
    unit_bench()


if __name__ == "__main__":
    main()
