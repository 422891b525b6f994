"""A small screenshot builder for the chat tests: a phone post page (微博-like) with its chrome, the
post possibly scrolled over two screens, drawn with the Noto Sans SC the project ships
(bot/reports/fonts.py), so the real OCR engine reads it on any machine.

Deliberately not bench/screenshots (the role model was trained on that generator's pages, and tests
do not import bench): a plain layout of its own, made-up texts, deterministic.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1080
MARGIN = 48
INK, GREY, LINE = (20, 20, 20), (140, 140, 140), (225, 225, 225)


@dataclass(frozen=True)
class Post:
    author: str
    time: str  # as the page shows it: "昨天 21:05"
    title: str
    body: str
    ip_location: str = "湖南"
    comments: tuple[tuple[str, str], ...] = ()  # (name, text) below the post: not the post
    related: tuple[str, ...] = ()  # a "相关推荐" list of other posts' titles
    counters: str = "转发 12   评论 36   赞 208"
    addressed_unit: str = ""  # the board layout's 留言对象


def _font(size: int) -> ImageFont.FreeTypeFont:
    from bot.reports.fonts import font_path

    path = font_path()
    assert path is not None, "the pinned pylopdf-fonts-zh-cn package is missing (requirements.txt)"
    return ImageFont.truetype(str(path), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for char in paragraph:
            if font.getlength(line + char) > width:
                lines.append(line)
                line = char
            else:
                line += char
        if line:
            lines.append(line)
    return lines


class _Page:
    def __init__(self, height: int) -> None:
        self.image = Image.new("RGB", (WIDTH, height), (255, 255, 255))
        self.pen = ImageDraw.Draw(self.image)
        self.y = 0

    def text(self, x: int, text: str, size: int, color: tuple[int, int, int] = INK, *, advance: float = 1.6,
             right: bool = False, center: bool = False) -> None:
        font = _font(size)
        if right:
            x = int(WIDTH - MARGIN - font.getlength(text))
        if center:
            x = int((WIDTH - font.getlength(text)) / 2)
        self.pen.text((x, self.y), text, font=font, fill=color)
        if advance:
            self.y += int(size * advance)

    def rule(self, gap: int = 24) -> None:
        self.y += gap // 2
        self.pen.line((0, self.y, WIDTH, self.y), fill=LINE, width=2)
        self.y += gap // 2

    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.crop((0, 0, WIDTH, max(self.y + 40, 600))).save(out, format="PNG")
        return out.getvalue()


def _chrome_top(page: _Page, heading: str = "微博正文") -> None:
    page.y = 18
    page.text(MARGIN, "21:30", 34, advance=0)
    page.text(0, "5G 87%", 30, right=True)
    page.y = 100
    page.text(MARGIN, "<", 48, advance=0)
    page.text(0, heading, 44, center=True, advance=0)
    page.text(0, "···", 44, right=True)
    page.rule(30)


def _chrome_bottom(page: _Page, post: Post) -> None:
    page.rule(30)
    page.text(MARGIN, post.counters, 34, GREY)
    if post.comments:
        page.rule(30)
        page.text(MARGIN, f"全部评论 {len(post.comments)}", 36)
    for name, text in post.comments:
        page.y += 16
        page.pen.ellipse((MARGIN, page.y, MARGIN + 72, page.y + 72), fill=(200, 160, 120))
        page.text(MARGIN + 100, name, 30, GREY, advance=1.4)
        for line in _wrap(text, _font(34), WIDTH - MARGIN * 2 - 100):
            page.text(MARGIN + 100, line, 34)
        page.text(MARGIN + 100, "11-29 22:10   回复   赞 3", 26, GREY, advance=1.5)
    if post.related:
        page.rule(30)
        page.text(MARGIN, "相关推荐", 38)
        for title in post.related:
            page.text(MARGIN, title, 34, GREY, advance=1.7)
    page.rule(30)
    page.text(MARGIN, "说点什么...", 36, GREY, advance=0)
    page.text(0, "发送", 36, right=True)


def post_pages(post: Post, *, split_at: int | None = None, overlap: int = 1, board: bool = False) -> list[bytes]:
    """The post as one screenshot, or (``split_at``: the body line the second screen starts at) as
    two: the first with the header, author, title and the start of the body; the second scrolled,
    repeating ``overlap`` lines, with the rest of the body, the counters, comments and input bar.

    ``board``: a message board's detail page (留言详情: title first, then 网友/发布时间/留言对象
    labels) instead of a feed post (avatar, name, time, then the text)."""
    body_font = _font(42)
    lines = _wrap(post.body, body_font, WIDTH - MARGIN * 2)
    first_lines = lines if split_at is None else lines[:split_at]
    heading = "留言详情" if board else "微博正文"
    page = _Page(4000)
    _chrome_top(page, heading)
    page.y += 10
    if board:
        for line in _wrap(post.title, _font(52), WIDTH - MARGIN * 2):
            page.text(MARGIN, line, 52, advance=1.5)
        page.text(MARGIN, f"网友：{post.author}", 32, GREY, advance=0)
        page.text(MARGIN + 520, f"发布时间：{post.time}", 32, GREY, advance=1.6)
        if post.addressed_unit:
            page.text(MARGIN, f"留言对象：{post.addressed_unit}", 32, GREY, advance=1.6)
        page.rule(30)
    else:
        page.pen.ellipse((MARGIN, page.y, MARGIN + 96, page.y + 96), fill=(120, 160, 200))
        top = page.y
        page.y += 4
        page.text(MARGIN + 120, post.author, 40, advance=1.4)
        page.text(MARGIN + 120, f"{post.time}  IP属地：{post.ip_location}", 30, GREY, advance=0)
        page.text(0, "+关注", 36, (230, 100, 30), right=True)
        page.y = max(page.y, top + 150)
        for line in _wrap(post.title, _font(50), WIDTH - MARGIN * 2):
            page.text(MARGIN, line, 50, advance=1.5)
        page.y += 10
    for line in first_lines:
        page.text(MARGIN, line, 42, advance=1.55)
    if split_at is None:
        _chrome_bottom(page, post)
        return [page.png()]
    second = _Page(4000)
    _chrome_top(second, heading)
    second.y += 20
    for line in lines[max(split_at - overlap, 0):]:
        second.text(MARGIN, line, 42, advance=1.55)
    _chrome_bottom(second, post)
    return [page.png(), second.png()]
