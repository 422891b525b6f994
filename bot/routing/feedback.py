"""Dispatcher corrections → retraining of the unit model.

The lead stores each correction (the post and the unit(s) the dispatcher chose) in the
database and passes them here as an iterable; they are added to the replies.jsonl examples
and the models are rebuilt. The category model does not change: corrections name units.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bot.routing.unit_model import UnitExample, UnitModel, train_unit_model


def as_examples(corrections: Iterable[tuple[str | None, str | None, Sequence[str]]]) -> list[UnitExample]:
    """(title, body, chosen unit names) → examples; rows without a unit are skipped."""
    out = []
    for title, body, units in corrections:
        names = tuple(name.strip() for name in units if name and name.strip())
        if names and (title or body):
            out.append(UnitExample(title, body, names))
    return out


def retrain_with_feedback(
    corrections: Iterable[tuple[str | None, str | None, Sequence[str]]],
    data_dir: Path | None = None,
    model_dir: Path | None = None,
) -> dict[str, Any]:
    """Rebuild and save both models with the corrections folded into the unit examples."""
    from bot.routing.train import train_and_save

    return train_and_save(data_dir=data_dir, model_dir=model_dir, feedback=as_examples(corrections))


def unit_model_with_feedback(
    base_examples: Iterable[UnitExample],
    corrections: Iterable[tuple[str | None, str | None, Sequence[str]]],
) -> UnitModel:
    """In-memory unit model from base examples plus corrections (no files written)."""
    return train_unit_model([*base_examples, *as_examples(corrections)])
