"""What every layout shares: the per-shot context, the label it returns and screen geometry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random

from PIL import Image

try:
    from .content import Message, make_message
    from .draw import DARK, LIGHT, Canvas, StatusBar, Theme, random_status_bar
    from .fonts import FontBook
    from .timefmt import ShownTime, make_time, relative_text
except ImportError:  # run as a script from this folder
    from content import Message, make_message  # type: ignore[no-redef]
    from draw import DARK, LIGHT, Canvas, StatusBar, Theme, random_status_bar  # type: ignore[no-redef]
    from fonts import FontBook  # type: ignore[no-redef]
    from timefmt import ShownTime, make_time, relative_text  # type: ignore[no-redef]

PHONE_WIDTHS = (720, 750, 828, 1080, 1125, 1170, 1242)
PHONE_ASPECTS = (16 / 9, 19.5 / 9, 20 / 9, 19.5 / 9)
DESKTOP_WIDTHS = (1280, 1366, 1440, 1536, 1600, 1920)
PHONE_LOGICAL_WIDTH = 375
MAX_LOGICAL_HEIGHT = 3400  # scratch canvas; layouts crop to their content


@dataclass
class Ctx:
    rng: Random
    fonts: FontBook
    fwd: datetime  # the screenshot moment; the status bar clock shows it
    tall: bool  # render a long (scrolling) screenshot
    dark: bool  # dark mode, where the platform has one
    time_slot: int | None = None  # cycles a layout through its time formats so a small set still covers them

    @property
    def theme(self) -> Theme:
        return DARK if self.dark else LIGHT

    def message(self, min_len: int = 60, max_len: int = 300, titled: bool = True) -> Message:
        if self.tall:
            min_len = max(min_len, min(max_len, 180))
        return make_message(self.rng, min_len, max_len, titled=titled)

    def pick_kind(self, kinds: Sequence[str]) -> str:
        """The post's time format: the layout's next one in turn if the generator assigned a slot."""
        if self.time_slot is not None:
            kind, self.time_slot = kinds[self.time_slot % len(kinds)], None
            return kind
        return self.rng.choice(list(kinds))

    def time(self, kinds: Sequence[str], fullwidth_rate: float = 0.12) -> ShownTime:
        return make_time(self.pick_kind(kinds), self.fwd, self.rng, self.rng.random() < fullwidth_rate)

    def later(self, after: datetime) -> datetime:
        """A moment between `after` and the screenshot, in office hours when there is room (an official reply)."""
        days = (self.fwd.date() - after.date()).days
        for _ in range(10):
            day = after + timedelta(days=self.rng.randint(0, days))
            moment = day.replace(hour=self.rng.randint(8, 20), minute=self.rng.randint(0, 59), second=0)
            if after < moment <= self.fwd:
                return moment
        return self.fwd

    def since(self, posted_at: datetime) -> str:
        """A relative time for a comment on the post: after the post, before the screenshot."""
        span = max(0, int((self.fwd - posted_at).total_seconds()))
        return relative_text(posted_at + timedelta(seconds=self.rng.randint(0, span)), self.fwd)

    def replied(self, posted_at: datetime) -> bool:
        """Whether an official reply is plausible yet: offices answer after a day at the earliest."""
        return self.fwd - posted_at > timedelta(days=1)

    def status_bar(self) -> StatusBar:
        return random_status_bar(self.rng, f"{self.fwd.hour:02d}:{self.fwd.minute:02d}")

    def counter(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)


@dataclass
class Label:
    platform: str
    title: str | None
    author: str | None
    shown: ShownTime | None
    unit: str | None
    body: str
    places: list[str]
    phones: list[str]


Rendered = tuple[Image.Image, Label]


def label_for(platform: str, msg: Message, *, title: str | None, author: str | None, shown: ShownTime | None,
              unit: str | None, body: str | None = None) -> Label:
    return Label(platform, title, author, shown, unit, body if body is not None else msg.body, list(msg.places),
                 list(msg.phones))


def phone_canvas(ctx: Ctx, bg: tuple[int, int, int]) -> tuple[Canvas, float]:
    """A scratch canvas at a random phone width, plus the screen height in logical units."""
    width = ctx.rng.choice(PHONE_WIDTHS)
    scale = width / PHONE_LOGICAL_WIDTH
    screen_h = PHONE_LOGICAL_WIDTH * ctx.rng.choice(PHONE_ASPECTS)
    return Canvas(ctx.fonts, width, round(MAX_LOGICAL_HEIGHT * scale), scale, bg), screen_h


def desktop_canvas(ctx: Ctx, bg: tuple[int, int, int]) -> tuple[Canvas, float]:
    """A scratch canvas at a random desktop width (some at 125 % zoom), plus the viewport height."""
    width = ctx.rng.choice(DESKTOP_WIDTHS)
    scale = 1.25 if width >= 1536 and ctx.rng.random() < 0.5 else 1.0
    viewport_h = width * ctx.rng.choice((9 / 16, 10 / 16)) / scale
    return Canvas(ctx.fonts, width, round(MAX_LOGICAL_HEIGHT * scale), scale, bg), viewport_h


def fit_height(content_bottom: float, screen_h: float) -> float:
    """Final logical height: the screen, or all of the content (a long screenshot) when it is taller.

    Content is never cut off, because the labels describe the whole post.
    """
    if content_bottom > MAX_LOGICAL_HEIGHT:
        raise AssertionError("content taller than the scratch canvas")
    return max(screen_h, content_bottom)


def draw_taskbar(c: Canvas, ctx: Ctx) -> None:
    """A Windows taskbar with the clock: desktop screenshots usually keep it."""
    h = 40
    top = c.img.height / c.scale - h
    c.rect(0, top, c.lw, top + h, fill=(32, 32, 36))
    for i in range(5):
        c.rect(12 + i * 44, top + 10, 32 + i * 44, top + 30, fill=(90 + i * 20, 120, 170 - i * 10), radius=3)
    clock = f"{ctx.fwd.hour:02d}:{ctx.fwd.minute:02d}"
    date = f"{ctx.fwd.year}/{ctx.fwd.month}/{ctx.fwd.day}"
    c.text(c.lw - 50, top + 13, clock, 12, (235, 235, 235), anchor="mm")
    c.text(c.lw - 50, top + 28, date, 12, (235, 235, 235), anchor="mm")
