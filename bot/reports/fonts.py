"""The Chinese font of charts, the same on every machine.

Noto Sans SC (SIL Open Font License 1.1) ships inside a pinned PyPI package, ``pylopdf-fonts-zh-cn``
(README, "Why each dependency", compares the options by licence and size). Its file is registered
with matplotlib by path in every process, so a chart never depends on the fonts of the machine or on
matplotlib's cached font list (~/.cache/matplotlib), which is written once and does not see a font
installed later. (Word files name fonts and embed none: their styles are set where they are built.)
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

FAMILY = "Noto Sans SC"
PACKAGE = "pylopdf-fonts-zh-cn"  # pinned in requirements.txt


def font_path() -> Path | None:
    """The shipped Noto Sans SC file, or None when the package is missing (a broken install)."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return None
    path = Path(pylopdf_fonts_zh_cn.sans_path())
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def chart_font() -> str | None:
    """Register the shipped font with this process's matplotlib and return its family name.

    None (logged once) when the package is missing: charts then render with boxes for Chinese."""
    from matplotlib import font_manager

    path = font_path()
    if path is None:
        log.warning("no CJK font for charts: the %s package is missing (pip install -r requirements.txt)", PACKAGE)
        return None
    font_manager.fontManager.addfont(str(path))  # in memory, by path: no cache, no system lookup
    name = font_manager.FontProperties(fname=str(path)).get_name()
    if name != FAMILY:  # a different file in a future version of the package: use what it is
        log.info("chart font %s is named %r", path.name, name)
    return name
