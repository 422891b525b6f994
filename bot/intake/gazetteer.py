"""China's administrative divisions (province, city, county, township) from jionlp's data file.

jionlp ships `dictionary/china_location.zip` (province → city → county → township → village,
revised 2025-11) inside its wheel. It is read here straight from the zip, without importing
jionlp (whose import pulls its word segmenter and whose loader unpacks files into the package
folder). Villages (~660,000 names, mostly "…村"/"…社区", which the suffix rules find anyway)
are skipped to keep the table small: ~37,000 names, ~6 MB, loaded once per process (~0.5 s).
"""

from __future__ import annotations

import importlib.util
import logging
import zipfile
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

# Depth of a line (leading tabs) → level name used by PlaceMention.
_DEPTH_LEVEL = {0: "province", 1: "city", 2: "county", 3: "township"}
# jionlp lists city-level units under a province with these names when a province has none.
_NOT_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def _data_file() -> Path | None:
    spec = importlib.util.find_spec("jionlp")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "china_location.zip"
    return path if path.exists() else None


@lru_cache(maxsize=1)
def divisions() -> dict[str, str]:
    """Full name → level ("province", "city", "county", "township"); empty without jionlp."""
    path = _data_file()
    if path is None:
        log.warning("jionlp's china_location.zip not found: place names fall back to suffix rules only")
        return {}
    names: dict[str, str] = {}
    with zipfile.ZipFile(path) as archive, archive.open(archive.namelist()[0]) as raw:
        for line in raw:
            if line.startswith(b"\t\t\t\t"):
                continue  # a village: skipped before decoding, most of the file
            depth = len(line) - len(line.lstrip(b"\t"))
            name = line[depth:].split(b"\t", 1)[0].strip().decode("utf-8")
            # Two-character names are kept only for counties and cities ("丰县"): townships like
            # "口镇", "东区", "农场" match inside ordinary words.
            if (len(name) >= 3 or (len(name) == 2 and name[-1] in "县市旗")) and name not in _NOT_NAMES:
                # A name used at two levels (a county-level city and a district) keeps the larger.
                names.setdefault(name, _DEPTH_LEVEL[depth])
    return names
