"""First-level category classifier (7 categories of the 问政 taxonomy): build, save, load, predict.

The model is a scikit-learn pipeline: TF-IDF over character 1–3-grams and jieba words of the
whole message, plus the same over the title (or the first 40 characters when the title is
merged into the body), into a LinearSVC. It is stored with joblib together with the scikit-learn
version it was built with, and loading under another version is refused: sklearn pickles are
not portable across versions and fail in confusing ways.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.svm import LinearSVC

from bot.routing.text_features import full_text, head_text, jieba_tokens

MODEL_PATH = Path(__file__).resolve().parent / "model" / "category_model.joblib"
CATEGORIES = ("城乡建设", "劳动和社会保障", "教育文体", "商贸旅游", "卫生计生", "环境保护", "交通运输")
FORMAT_VERSION = 1
# Weight of the title block against the whole-text block; chosen by 5-fold CV on train.jsonl.
HEAD_WEIGHT = 0.7


class ModelVersionMismatch(RuntimeError):
    """The stored model was built with another scikit-learn version; rebuild it."""


@dataclass(frozen=True)
class CategoryPrediction:
    label: str
    scores: dict[str, float]  # decision values per category, higher is more likely
    margin: float  # best minus second best decision value


def _full_column(posts: Sequence[tuple[str | None, str | None]]) -> list[str]:
    return [full_text(title, body) for title, body in posts]


def _head_column(posts: Sequence[tuple[str | None, str | None]]) -> list[str]:
    return [head_text(title, body) for title, body in posts]


def _char_tfidf(min_df: int) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=min_df)


def _word_tfidf(min_df: int) -> TfidfVectorizer:
    return TfidfVectorizer(
        tokenizer=jieba_tokens, token_pattern=None, lowercase=False, sublinear_tf=True, min_df=min_df
    )


def build_pipeline() -> Pipeline:
    # min_df=2 on every block drops one-off n-grams and words (names, typos): the committed model
    # must not carry a citizen's name in its vocabulary (CV on train.jsonl: within noise of min_df=1).
    features = FeatureUnion(
        [
            ("full_char", make_pipeline(FunctionTransformer(_full_column), _char_tfidf(min_df=2))),
            ("full_word", make_pipeline(FunctionTransformer(_full_column), _word_tfidf(min_df=2))),
            ("head_char", make_pipeline(FunctionTransformer(_head_column), _char_tfidf(min_df=2))),
            ("head_word", make_pipeline(FunctionTransformer(_head_column), _word_tfidf(min_df=2))),
        ],
        transformer_weights={"full_char": 1.0, "full_word": 1.0, "head_char": HEAD_WEIGHT, "head_word": HEAD_WEIGHT},
    )
    return Pipeline([("features", features), ("svm", LinearSVC(C=1.0, class_weight="balanced", random_state=0))])


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def strip_for_storage(pipeline: Pipeline) -> None:
    """Drop `stop_words_` from fitted vectorizers: the pruned vocabulary is only kept for
    introspection, is most of the file size, and holds rare n-grams such as names."""
    for step in _walk(pipeline):
        if isinstance(step, TfidfVectorizer) and hasattr(step, "stop_words_"):
            delattr(step, "stop_words_")


def _walk(estimator: Any) -> Iterator[Any]:
    yield estimator
    if isinstance(estimator, Pipeline):
        for _, step in estimator.steps:
            yield from _walk(step)
    elif isinstance(estimator, FeatureUnion):
        for _, part in estimator.transformer_list:
            yield from _walk(part)


def save_model(pipeline: Pipeline, path: Path, metadata: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    strip_for_storage(pipeline)
    payload = {
        "format_version": FORMAT_VERSION,
        "sklearn_version": sklearn.__version__,
        "metadata": metadata,
        "pipeline": pipeline,
    }
    joblib.dump(payload, path, compress=3)
    path.with_suffix(".json").write_text(
        json.dumps({"sklearn_version": sklearn.__version__, **metadata}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )


class CategoryModel:
    """A loaded classifier; load once per process (see `get_category_model`)."""

    def __init__(self, pipeline: Pipeline, metadata: dict[str, Any]) -> None:
        self.pipeline = pipeline
        self.metadata = metadata
        self.labels: list[str] = [str(label) for label in pipeline.classes_]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CategoryModel:
        if not path.exists():
            raise FileNotFoundError(f"category model missing at {path}; run `python -m bot routing retrain`")
        # Read the version from the JSON sidecar first: unpickling under a mismatched
        # sklearn may itself fail before we could report the real cause.
        sidecar = path.with_suffix(".json")
        if sidecar.exists():
            built_with = json.loads(sidecar.read_text(encoding="utf-8")).get("sklearn_version")
            if built_with != sklearn.__version__:
                raise ModelVersionMismatch(
                    f"category model was built with scikit-learn {built_with}, this process has "
                    f"{sklearn.__version__}; run `python -m bot routing retrain`"
                )
        payload = joblib.load(path)
        if payload.get("sklearn_version") != sklearn.__version__ or payload.get("format_version") != FORMAT_VERSION:
            raise ModelVersionMismatch(
                f"category model was built with scikit-learn {payload.get('sklearn_version')} "
                f"(format {payload.get('format_version')}), this process has {sklearn.__version__}; "
                "run `python -m bot routing retrain`"
            )
        return cls(payload["pipeline"], payload.get("metadata", {}))

    def predict(self, title: str | None, body: str | None) -> CategoryPrediction:
        return self.predict_many([(title, body)])[0]

    def predict_many(self, posts: Iterable[tuple[str | None, str | None]]) -> list[CategoryPrediction]:
        rows = list(posts)
        if not rows:
            return []
        decision = np.atleast_2d(self.pipeline.decision_function(rows))
        out = []
        for row in decision:
            order = np.argsort(row)[::-1]
            scores = {self.labels[i]: float(row[i]) for i in range(len(self.labels))}
            out.append(CategoryPrediction(self.labels[order[0]], scores, float(row[order[0]] - row[order[1]])))
        return out


_loaded: CategoryModel | None = None


def get_category_model() -> CategoryModel:
    """The process-wide model, loaded on first use (never at import time)."""
    global _loaded
    if _loaded is None:
        _loaded = CategoryModel.load()
    return _loaded
