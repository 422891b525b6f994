"""Locate a CJK-capable font for Pillow and hand out sized faces.

Pillow's default bitmap font has no Chinese glyphs, so every string would render as boxes;
the generator refuses to run rather than produce unreadable screenshots.
"""

from __future__ import annotations

import glob
import os
import site
import sysconfig
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

NOTO_SANS_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
WQY_GLOB = "/usr/share/fonts/truetype/wqy/*.ttc"
FONT_SUFFIXES = (".ttc", ".otf", ".ttf")
NAME_HINTS = ("CJK", "SC", "Han")


class NoCJKFontError(RuntimeError):
    pass


def _site_package_fonts() -> list[Path]:
    roots = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    found: list[Path] = []
    for root in sorted(roots):
        for path in sorted(Path(root).rglob("*")):
            if path.suffix.lower() in FONT_SUFFIXES and any(h in path.name for h in NAME_HINTS):
                found.append(path)
    return found


def find_cjk_font() -> Path:
    """The first CJK font in priority order: env override, Noto CJK, WenQuanYi, site-packages."""
    override = os.environ.get("HELDOUT_CJK_FONT")
    if override:
        if not Path(override).is_file():
            raise NoCJKFontError(f"HELDOUT_CJK_FONT={override!r} is not a file")
        return Path(override)
    candidates = [NOTO_SANS_CJK, *map(Path, sorted(glob.glob(WQY_GLOB))), *_site_package_fonts()]
    for path in candidates:
        if path.is_file():
            return path
    raise NoCJKFontError(
        "No CJK font found. Install one (e.g. `apt-get install fonts-noto-cjk`) "
        "or point HELDOUT_CJK_FONT at a .ttc/.otf/.ttf that has Simplified Chinese glyphs."
    )


def _simplified_chinese_index(path: Path) -> int:
    """Collections such as NotoSansCJK hold JP/KR/SC/TC faces; SC glyph shapes are what mainland pages show."""
    if path.suffix.lower() != ".ttc":
        return 0
    for index in range(16):
        try:
            family = ImageFont.truetype(str(path), 12, index=index).getname()[0] or ""
        except OSError:
            break
        if " SC" in family or "CN" in family:
            return index
    return 0


def _bold_sibling(path: Path) -> Path:
    bold = path.with_name(path.name.replace("Regular", "Bold"))
    return bold if bold != path and bold.is_file() else path


class FontBook:
    """Regular and bold faces of one CJK family, cached by pixel size."""

    def __init__(self, regular: Path | None = None) -> None:
        self.regular = regular or find_cjk_font()
        self.bold = _bold_sibling(self.regular)
        self._regular_index = _simplified_chinese_index(self.regular)
        self._bold_index = _simplified_chinese_index(self.bold)

    def get(self, px: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        return _load(str(self.bold if bold else self.regular), max(8, round(px)),
                     self._bold_index if bold else self._regular_index)


@lru_cache(maxsize=512)
def _load(path: str, px: int, index: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px, index=index)
