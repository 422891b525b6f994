"""The layout-role model: which segment of a screenshot is chrome, title, author, time, addressed
unit, body, a label cell, or another item (a comment, a chat message, a sidebar entry).

A gradient-boosted tree model over `line_features.features`, trained on synthetic OCR lines of
many rendered layouts (bench/screenshots/train_roles.py). Stored with joblib next to a JSON
file naming the scikit-learn version; loading under another version is refused, because
sklearn pickles are not portable across versions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from bot.intake.line_features import FEATURE_COUNT, features
from bot.intake.segments import Segment

MODEL_PATH = Path(__file__).resolve().parent / "model" / "line_roles.joblib"
ROLES = ("chrome", "title", "author", "time", "unit", "body", "label", "other")


class ModelVersionMismatch(RuntimeError):
    """The stored role model was built with another scikit-learn version; rebuild it."""


@lru_cache(maxsize=1)
def _model(path: Path = MODEL_PATH) -> Any:
    import joblib
    import sklearn

    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    if meta["sklearn"] != sklearn.__version__ or meta["features"] != FEATURE_COUNT:
        raise ModelVersionMismatch(
            f"{path.name} was built with scikit-learn {meta['sklearn']} and {meta['features']} features; "
            f"this is {sklearn.__version__} with {FEATURE_COUNT}: run "
            "`python -m bench.screenshots.train_roles`"
        )
    return joblib.load(path)


def role_probabilities(
    segments: Sequence[Segment], size: tuple[int, int] | None, forwarded_at: datetime
) -> np.ndarray:
    """(len(segments) × len(ROLES)) probabilities, columns in ROLES order."""
    if not segments:
        return np.zeros((0, len(ROLES)))
    model = _model()
    proba = model.predict_proba(features(segments, size, forwarded_at))
    out = np.zeros((len(segments), len(ROLES)))
    for column, role in enumerate(model.classes_):
        out[:, ROLES.index(str(role))] = proba[:, column]
    return out
