"""What a layout gets to draw (the post and its distractors) and what it hands back."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from . import content
from .draw import Ink
from .timefmt import Shown, later, show


@dataclass
class Scene:
    rng: random.Random
    fwd: datetime
    dark: bool
    width: int
    u: float
    long: bool
    title: str | None
    author: str
    shown: Shown
    paras: list[str]
    unit: str | None
    complaint: content.Complaint

    def other(self, tpl: str) -> str:
        """A distractor text naming places other than the post's."""
        return content.fill_distractor(tpl, self.rng, self.complaint.place)

    def reply_time(self, fmt: str = "%Y-%m-%d %H:%M") -> str:
        """A time after the post and before the screenshot (for official replies)."""
        t = later(self.shown.resolved, self.fwd, self.rng)
        for _ in range(20):  # offices reply in working hours when the span allows it
            if 8 <= t.hour < 18:
                break
            t = later(self.shown.resolved, self.fwd, self.rng)
        return t.strftime(fmt)

    def loose_time(self, style: str) -> str:
        """Any time string of the given style (for other users' items)."""
        return show(style, self.fwd, self.rng).text


@dataclass
class Page:
    ink: Ink
    post_bottom: float       # dp; the whole post must be on screen
    end: float               # dp; bottom of the drawn content
    bar_bg: tuple = (255, 255, 255)
    bar_fg: tuple = (0, 0, 0)
    tab_title: str = ""
    url: str = ""


@dataclass
class Layout:
    id: str
    platform: str
    device: str                          # "phone" or "desktop"
    render: Callable[[Scene], Page]
    styles: list[str]                    # time styles the page may show
    author: Callable[[random.Random], str]
    dark_ok: bool = False
    short: bool = False                  # a comment-length post
    title_rate: float = 1.0              # share of posts with a title on screen
    has_unit: bool = False
    summary: str = ""
