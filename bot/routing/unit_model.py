"""What the unit router learns from labelled messages: a unit-type classifier and place → area counts.

Trained from (title, body, unit name) examples: replies.jsonl rows with a `unit`, plus
dispatcher corrections. Unit names are reduced to their type (教育局, 街道办 …) so that
the model generalises to units it has never seen a message for.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.intake.places import find_places
from bot.routing.category_model import ModelVersionMismatch, strip_for_storage
from bot.routing.text_features import full_text, jieba_tokens
from bot.routing.unit_types import parse_unit_name


@dataclass(frozen=True)
class UnitExample:
    title: str | None
    body: str | None
    unit_names: tuple[str, ...]  # the unit(s) the message went to; the first is the lead unit


@dataclass
class UnitModel:
    type_pipeline: Pipeline | None
    # place name (township, village, road, compound) → Counter of areas of units that handled it
    place_areas: dict[str, Counter[str]] = field(default_factory=dict)
    area_prior: Counter[str] = field(default_factory=Counter)
    unit_prior: Counter[str] = field(default_factory=Counter)  # how often each unit handled a message

    def type_probabilities(self, title: str | None, body: str | None) -> dict[str, float]:
        if self.type_pipeline is None:
            return {}
        probs = self.type_pipeline.predict_proba([full_text(title, body)])[0]
        return {str(key): float(p) for key, p in zip(self.type_pipeline.classes_, probs, strict=True)}


def _type_pipeline() -> Pipeline:
    features = FeatureUnion(
        [
            # min_df=2: n-grams seen in one message only are names and noise, and the LR stores
            # one weight per feature and type, so they would also make the file large.
            ("char", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2)),
            (
                "word",
                TfidfVectorizer(
                    tokenizer=jieba_tokens, token_pattern=None, lowercase=False, sublinear_tf=True, min_df=2
                ),
            ),
        ]
    )
    # class_weight balanced: a handful of types (教育局, 镇政府) dominate the replies.
    return Pipeline(
        [("features", features), ("lr", LogisticRegression(C=10.0, max_iter=2000, class_weight="balanced"))]
    )


def train_unit_model(examples: Iterable[UnitExample]) -> UnitModel:
    texts: list[str] = []
    types: list[str] = []
    place_areas: dict[str, Counter[str]] = defaultdict(Counter)
    area_prior: Counter[str] = Counter()
    unit_prior: Counter[str] = Counter()
    for example in examples:
        if not example.unit_names:
            continue
        unit_prior[example.unit_names[0]] += 1
        parsed = parse_unit_name(example.unit_names[0])
        if parsed.type_key is not None:
            texts.append(full_text(example.title, example.body))
            types.append(parsed.type_key)
        if parsed.area:
            area_prior[parsed.area] += 1
            for place in find_places((example.title or "") + "\n" + (example.body or "")):
                if place.level in ("township", "village", "road", "compound"):
                    place_areas[place.name][parsed.area] += 1
    pipeline = None
    if len(set(types)) >= 2:
        pipeline = _type_pipeline()
        pipeline.fit(texts, np.array(types))
    return UnitModel(
        type_pipeline=pipeline, place_areas=dict(place_areas), area_prior=area_prior, unit_prior=unit_prior
    )


UNIT_MODEL_PATH = Path(__file__).resolve().parent / "model" / "unit_model.joblib"


def save_unit_model(model: UnitModel, path: Path = UNIT_MODEL_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if model.type_pipeline is not None:
        strip_for_storage(model.type_pipeline)
    joblib.dump({"sklearn_version": sklearn.__version__, "model": model}, path, compress=3)


def load_unit_model(path: Path = UNIT_MODEL_PATH) -> UnitModel:
    if not path.exists():
        raise FileNotFoundError(f"unit model missing at {path}; run `python -m bot routing retrain`")
    payload = joblib.load(path)
    if payload.get("sklearn_version") != sklearn.__version__:
        raise ModelVersionMismatch(
            f"unit model was built with scikit-learn {payload.get('sklearn_version')}, this process has "
            f"{sklearn.__version__}; run `python -m bot routing retrain`"
        )
    model: UnitModel = payload["model"]
    return model


_loaded: UnitModel | None = None


def get_unit_model() -> UnitModel:
    """The process-wide unit model, loaded on first use (never at import time)."""
    global _loaded
    if _loaded is None:
        _loaded = load_unit_model()
    return _loaded
