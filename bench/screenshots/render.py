"""Draw a `Screen` into an image and degrade it as forwarding does: scaling, crops, JPEG twice.

Crops and page cuts happen between lines (never through one), and the truth of each image is
recomputed from the elements it still shows.
"""

from __future__ import annotations

import io
import os
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bench.screenshots.layout import Element, Screen

FONT_FILES = {
    ("sans", False): ["NotoSansCJK-Regular.ttc", "wqy-microhei.ttc", "wqy-zenhei.ttc"],
    ("sans", True): ["NotoSansCJK-Bold.ttc", "NotoSansCJK-Regular.ttc", "wqy-microhei.ttc"],
    ("serif", False): ["NotoSerifCJK-Regular.ttc", "NotoSansCJK-Regular.ttc", "wqy-zenhei.ttc"],
    ("serif", True): ["NotoSerifCJK-Bold.ttc", "NotoSansCJK-Bold.ttc", "wqy-zenhei.ttc"],
}
FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/wqy", "/usr/share/fonts/truetype/noto"]


@lru_cache(maxsize=16)
def font_path(family: str, bold: bool) -> str | None:
    override = os.environ.get("BENCH_CJK_FONT")
    if override and Path(override).exists():
        return override
    for name in FONT_FILES[(family, bold)]:
        for folder in FONT_DIRS:
            if (Path(folder) / name).exists():
                return str(Path(folder) / name)
    # No system CJK font: the Noto Sans SC the project ships for its charts (one weight, one
    # family, so images differ from a machine with fonts-noto-cjk; the figures are close).
    from bot.reports.fonts import font_path as shipped_font

    shipped = shipped_font()
    return str(shipped) if shipped else None


@lru_cache(maxsize=256)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def draw(screen: Screen, rnd: random.Random) -> Image.Image:
    st = screen.style
    image = Image.new("RGB", (screen.width, int(screen.height)), st.bg)
    pen = ImageDraw.Draw(image)
    for shape in screen.shapes:
        box = tuple(int(v) for v in shape.box)
        fill = None if shape.fill == "none" else shape.fill
        if shape.kind == "circle":
            pen.ellipse(box, fill=fill, outline=shape.outline)
        elif shape.kind == "round":
            pen.rounded_rectangle(box, radius=12, fill=fill, outline=shape.outline)
        elif shape.kind == "picture":
            _picture(pen, box, rnd)
        else:
            pen.rectangle(box, fill=fill, outline=shape.outline)
    for element in screen.elements:
        path = font_path(st.font, element.bold)
        if path is None:
            raise SystemExit("SKIP: no CJK font found; apt-get install fonts-noto-cjk or set BENCH_CJK_FONT")
        pen.text((element.x, element.y), element.text, font=_font(path, max(8, int(element.size))), fill=element.color)
    return image


def _picture(pen: ImageDraw.ImageDraw, box: tuple[int, ...], rnd: random.Random) -> None:
    # A video frame or photo: coloured blocks, so the detector sees texture but no text.
    left, top, right, bottom = box
    pen.rectangle(box, fill=(rnd.randrange(40, 120), rnd.randrange(40, 120), rnd.randrange(40, 120)))
    for _ in range(12):
        x0, y0 = rnd.randrange(left, max(left + 1, right)), rnd.randrange(top, max(top + 1, bottom))
        x1, y1 = min(right, x0 + rnd.randrange(30, 400)), min(bottom, y0 + rnd.randrange(30, 300))
        color = (rnd.randrange(30, 220), rnd.randrange(30, 220), rnd.randrange(30, 220))
        pen.rectangle((x0, y0, x1, y1), fill=color)


def visible(screen: Screen, top: float, bottom: float) -> list[Element]:
    return [e for e in screen.elements if e.box[1] >= top and e.box[3] <= bottom]


def cut_positions(screen: Screen, height: float) -> list[float]:
    """y values between lines where a page can be cut, about `height` apart."""
    cuts = [0.0]
    while cuts[-1] + height < screen.height:
        target = cuts[-1] + height * 0.92
        y = target
        while any(e.box[1] < y < e.box[3] for e in screen.elements) and y > cuts[-1] + height * 0.5:
            y -= 4
        cuts.append(y)
    cuts.append(float(screen.height))
    return cuts


def crop_window(screen: Screen, rnd: random.Random) -> tuple[float, float]:
    """A window of the screen around the post's first field, as when only the post is cut out."""
    starts = [e.box[1] for e in screen.elements if e.role in ("title", "author", "time", "body")]
    if not starts:
        return 0.0, float(screen.height)
    first = min(starts)
    top = max(0.0, first - rnd.uniform(0.0, 0.12) * screen.width)
    bottom = min(float(screen.height), first + rnd.uniform(0.25, 1.2) * screen.width)
    # Never through a line.
    while any(e.box[1] < top < e.box[3] for e in screen.elements) and top > 0:
        top -= 2
    while any(e.box[1] < bottom < e.box[3] for e in screen.elements) and bottom < screen.height:
        bottom += 2
    return max(0.0, top), min(float(screen.height), bottom)


def truth_for(screen: Screen, top: float, bottom: float) -> dict[str, object]:
    """The truth of the part of the screen between top and bottom."""
    shown = visible(screen, top, bottom)
    roles = {e.role for e in shown}
    truth = dict(screen.truth)
    for field, role in (("author", "author"), ("addressed_unit", "unit")):
        if role not in roles:
            truth[field] = None
    if "time" not in roles:
        truth["posted_at"], truth["posted_shown"] = None, []
    if screen.truth.get("title") is not None:
        drawn = "".join(e.text for e in shown if e.role == "title")
        # A decorated title ("【…】", "标题：…") shown whole is the title itself; a cut one is what shows.
        truth["title"] = screen.truth["title"] if str(screen.truth["title"]) in drawn else (drawn or None)
    truth["body"] = "".join(e.text for e in shown if e.role == "body") or None
    truth["phones"] = [p for p in screen.truth.get("phones", []) if p in (truth["body"] or "")]  # type: ignore[attr-defined]
    return truth


@dataclass
class Rendered:
    image: bytes
    truth: dict[str, object]
    elements: list[Element]  # in the coordinates of the saved image
    size: tuple[int, int]


def degrade(image: Image.Image, rnd: random.Random) -> tuple[bytes, float]:
    """Scale, JPEG (sometimes twice, as a forward of a forward); returns bytes and the scale used."""
    scale = 1.0
    if rnd.random() < 0.35:
        scale = rnd.uniform(0.62, 0.95)
        image = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))),
                             Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rnd.randrange(55, 90))
    if rnd.random() < 0.3:
        again = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
        buffer = io.BytesIO()
        again.save(buffer, "JPEG", quality=rnd.randrange(50, 85))
    return buffer.getvalue(), scale


def render_pages(
    screen: Screen, page_height: float | None, rnd: random.Random, window: tuple[float, float] | None = None
) -> list[Rendered]:
    """One image per page (one page unless page_height cuts a tall screen into several, or
    `window` keeps only a band of it)."""
    full = draw(screen, rnd)
    cuts = cut_positions(screen, page_height) if page_height else [0.0, float(screen.height)]
    if window is not None:
        cuts = list(window)
    pages = []
    for top, bottom in zip(cuts, cuts[1:], strict=False):
        crop = full.crop((0, int(top), screen.width, int(bottom)))
        data, scale = degrade(crop, rnd)
        elements = [
            Element(e.text, e.role, e.x * scale, (e.y - int(top)) * scale, e.size * scale, e.color, e.bold)
            for e in visible(screen, top, bottom)
        ]
        pages.append(Rendered(data, truth_for(screen, top, bottom), elements,
                              (int(screen.width * scale), int((int(bottom) - int(top)) * scale))))
    return pages
