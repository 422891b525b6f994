"""Per-image context shared by the layouts, and the phone frame helpers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from .content import Post
from .draw import Canvas, home_indicator, status_bar
from .timefmt import Stamp, stamp

PHONE_LW = 375.0
PHONE_MAX_H = 2600.0
DESKTOP_LW = 1440.0


@dataclass
class Shot:
    rng: random.Random
    k: int            # index of this shot among its layout's shots (cycles time formats)
    post: Post
    fwd: datetime
    width: int
    dark: bool
    long: bool
    status: str
    aspect: float

    def ts(self, names: list[str], fullwidth_rate: float = 0.0) -> Stamp:
        name = names[self.k % len(names)]
        return stamp(self.rng, self.fwd, name, fullwidth=self.rng.random() < fullwidth_rate)


@dataclass
class Result:
    img: object
    title: str | None
    author: str
    stamp: Stamp
    body: str
    unit: str | None = None


class Theme:
    def __init__(self, dark: bool) -> None:
        self.dark = dark
        self.bg = (22, 22, 24) if dark else (255, 255, 255)
        self.bg2 = (36, 36, 38) if dark else (246, 246, 246)
        self.fg = (228, 228, 228) if dark else (24, 24, 24)
        self.fg2 = (150, 150, 155) if dark else (138, 138, 142)
        self.line = (55, 55, 58) if dark else (232, 232, 232)


def phone_canvas(shot: Shot, bg) -> Canvas:
    return Canvas(shot.width, PHONE_LW, PHONE_MAX_H, bg)


def phone_height(shot: Shot, body_end: float, content_end: float, bar_h: float) -> float:
    """Screen height in logical units: a normal screen, stretched if the body would be hidden,
    or the whole content for a long (scrolling) screenshot."""
    h0 = PHONE_LW * shot.aspect
    if shot.long:
        h = max(h0, content_end + bar_h + 8)
    else:
        h = max(h0, body_end + bar_h + 20)
    return min(h, PHONE_MAX_H)


def top(cv: Canvas, shot: Shot, fg, bg) -> float:
    return status_bar(cv, shot.fwd, shot.status, fg, bg, shot.rng)


def finish(cv: Canvas, shot: Shot, H: float, fg) -> object:
    home_indicator(cv, H, fg, shot.status)
    return cv.crop(H)
