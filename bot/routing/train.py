"""Rebuild the routing models from the shared data: `python -m bot routing retrain`.

Deterministic: fixed data files, LinearSVC/LogisticRegression with fixed random_state, no
sampling. The category model is trained on train.jsonl only; test.jsonl is for evaluation.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sklearn

from bot.routing.category_model import MODEL_PATH, build_pipeline, file_sha256, save_model
from bot.routing.unit_model import UNIT_MODEL_PATH, UnitExample, save_unit_model, train_unit_model

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "citizen-messages"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def reply_examples(data_dir: Path = DEFAULT_DATA_DIR) -> list[UnitExample]:
    """replies.jsonl rows that name a unit, as (title, body, unit) examples; ordered as in the file."""
    return [
        UnitExample(row.get("title"), row.get("body"), (row["unit"],))
        for row in read_jsonl(data_dir / "replies.jsonl")
        if row.get("unit")
    ]


def train_and_save(
    data_dir: Path | None = None,
    model_dir: Path | None = None,
    feedback: Iterable[UnitExample] = (),
) -> dict[str, Any]:
    """Train the category and unit models and write them next to this package (or to model_dir).

    `feedback` are dispatcher corrections (see bot.routing.feedback); they join the unit
    examples from replies.jsonl. Returns the metadata written beside the models.
    """
    data_dir = data_dir or DEFAULT_DATA_DIR
    train_path = data_dir / "train.jsonl"
    if not train_path.exists():
        raise FileNotFoundError(f"training data not found: {train_path}")
    category_path = model_dir / MODEL_PATH.name if model_dir else MODEL_PATH
    unit_path = model_dir / UNIT_MODEL_PATH.name if model_dir else UNIT_MODEL_PATH

    started = time.monotonic()
    rows = list(read_jsonl(train_path))
    pipeline = build_pipeline()
    pipeline.fit([(row.get("title"), row.get("body")) for row in rows], [row["label"] for row in rows])
    feedback_list = list(feedback)
    unit_examples = reply_examples(data_dir) + feedback_list
    unit_model = train_unit_model(unit_examples)
    metadata = {
        "trained_on": {"file": "train.jsonl", "rows": len(rows), "sha256": file_sha256(train_path)},
        "unit_examples": {"replies": len(unit_examples) - len(feedback_list), "feedback": len(feedback_list)},
        "sklearn_version": sklearn.__version__,
        "seconds": round(time.monotonic() - started, 1),
    }
    save_model(pipeline, category_path, metadata)
    save_unit_model(unit_model, unit_path)
    return metadata
