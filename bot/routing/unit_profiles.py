"""The unit directory the router proposes from: plain dataclasses, loadable from YAML or JSON.

The lead maps database units to `UnitProfile`; the CLI reads `config/units.yaml`
(top-level `units:` list of mappings) or a JSON list of names.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class UnitProfile:
    name: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()  # first-level categories (城乡建设 …) the unit handles
    places: tuple[str, ...] = ()  # areas, townships, villages the unit is responsible for
    parent: str | None = None


@dataclass(frozen=True)
class UnitProfiles:
    units: tuple[UnitProfile, ...] = field(default_factory=tuple)

    @classmethod
    def from_names(cls, names: Iterable[str]) -> UnitProfiles:
        unique = dict.fromkeys(name.strip() for name in names if name and name.strip())
        return cls(tuple(UnitProfile(name=name) for name in unique))


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value if item)


def unit_from_mapping(entry: dict[str, Any]) -> UnitProfile:
    if not entry.get("name"):
        raise ValueError("unit entry without a name")
    return UnitProfile(
        name=str(entry["name"]).strip(),
        aliases=_strings(entry.get("aliases")),
        keywords=_strings(entry.get("keywords")),
        categories=_strings(entry.get("categories")),
        places=_strings(entry.get("places")),
        parent=str(entry["parent"]) if entry.get("parent") else None,
    )


def load_directory(path: Path) -> UnitProfiles:
    """Read a YAML directory (`units:` list) or a JSON list of names / unit mappings."""
    text = path.read_text(encoding="utf-8")
    data: Any = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    if isinstance(data, dict):
        data = data.get("units", [])
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of units or a mapping with 'units:'")
    units = [UnitProfile(name=item.strip()) if isinstance(item, str) else unit_from_mapping(item) for item in data]
    return UnitProfiles(tuple(units))
