"""Dispatcher corrections → retraining of the unit model.

Every dispatch stays in the database (bot.routing.drafts.dispatch_examples);
`python -m bot routing retrain` turns them into examples here, adds them to the replies.jsonl
examples and rebuilds the models. The category model does not change: corrections name units.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.routing.unit_model import UnitExample, UnitModel, train_unit_model


def as_examples(corrections: Iterable[tuple[str | None, str | None, Sequence[str]]]) -> list[UnitExample]:
    """(title, body, chosen unit names) → examples; rows without a unit are skipped."""
    out = []
    for title, body, units in corrections:
        names = tuple(name.strip() for name in units if name and name.strip())
        if names and (title or body):
            out.append(UnitExample(title, body, names))
    return out


def unit_model_with_feedback(
    base_examples: Iterable[UnitExample],
    corrections: Iterable[tuple[str | None, str | None, Sequence[str]]],
) -> UnitModel:
    """In-memory unit model from base examples plus corrections (no files written)."""
    return train_unit_model([*base_examples, *as_examples(corrections)])
