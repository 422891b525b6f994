from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.routing.category_model import CATEGORIES, MODEL_PATH, CategoryModel, ModelVersionMismatch


@pytest.fixture(scope="module")
def model() -> CategoryModel:
    return CategoryModel.load()


def test_committed_model_predicts_the_seven_categories(model: CategoryModel) -> None:
    assert sorted(model.labels) == sorted(CATEGORIES)
    assert model.metadata["trained_on"]["file"] == "train.jsonl"
    cases = {
        "孩子上小学学位不够，学校不给报名": "教育文体",
        "公司拖欠农民工工资半年，社保也没有缴纳": "劳动和社会保障",
        "化工厂晚上偷排废气，附近村民闻到刺鼻臭味": "环境保护",
    }
    for body, label in cases.items():
        assert model.predict(None, body).label == label


def test_mismatched_sklearn_version_is_refused(tmp_path: Path) -> None:
    target = tmp_path / MODEL_PATH.name
    shutil.copy(MODEL_PATH, target)
    sidecar = json.loads(MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    sidecar["sklearn_version"] = "0.0.1"
    target.with_suffix(".json").write_text(json.dumps(sidecar), encoding="utf-8")
    with pytest.raises(ModelVersionMismatch, match="retrain"):
        CategoryModel.load(target)


def test_committed_model_is_small() -> None:
    assert MODEL_PATH.stat().st_size < 20 * 1024 * 1024
