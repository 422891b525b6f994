"""Route one post: category + top unit proposals, with the models loaded once per process."""

from __future__ import annotations

from collections.abc import Sequence

from bot.intake.places import PlaceMention
from bot.routing.category_model import get_category_model
from bot.routing.router import RoutingResult, propose_units
from bot.routing.unit_model import get_unit_model
from bot.routing.unit_profiles import UnitProfiles


def route_post(
    title: str | None,
    body: str | None,
    directory: UnitProfiles,
    places: Sequence[PlaceMention] | None = None,
    top_k: int = 3,
) -> RoutingResult:
    """Category (7 first-level classes) and the `top_k` best units of `directory`."""
    category = get_category_model().predict(title, body)
    return propose_units(title, body, directory, places=places, category=category, model=get_unit_model(), top_k=top_k)
