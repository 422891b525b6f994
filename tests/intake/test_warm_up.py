"""The worker's warm-up loads the intake models once and never dies of one that fails to load."""

from __future__ import annotations

import logging

import pytest

from bot import worker


def test_a_model_that_fails_to_load_is_logged_not_fatal(monkeypatch: pytest.MonkeyPatch,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    loaded: list[str] = []

    def broken() -> None:
        raise RuntimeError("model file missing")

    monkeypatch.setattr(worker, "_preload_intake", broken)
    monkeypatch.setattr(worker, "_load_category_model", lambda: loaded.append("category"))
    monkeypatch.setattr(worker, "_load_unit_model", lambda: loaded.append("unit"))
    with caplog.at_level(logging.INFO, logger="bot.worker"):
        worker.warm_up()
    assert loaded == ["category", "unit"]  # the others still load
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "intake" in warning.getMessage() and "model file missing" in warning.getMessage()


def test_warm_up_preloads_the_intake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.intake.pipeline as pipeline

    calls: list[str] = []
    monkeypatch.setattr(pipeline, "preload", lambda: calls.append("preload"))
    monkeypatch.setattr(worker, "_load_category_model", lambda: None)
    monkeypatch.setattr(worker, "_load_unit_model", lambda: None)
    worker.warm_up()
    assert calls == ["preload"]
