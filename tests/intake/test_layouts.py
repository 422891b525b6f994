"""Fields from screenshots in layouts of every kind, on OCR-line fixtures made by the generator.

tests/intake/data/layout_pages.json holds, per page, the lines the real OCR engine read from a
generated screenshot (made-up texts) and the generator's truth (bench/screenshots/fixtures.py
rebuilds it). The tests check the kinds of failure as kinds: chrome kept as content, labels
kept in values, another item of a list taken for the post, and overall field accuracy.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.intake.lexicon import CHROME_WORDS, COUNTER_ANY_RE, STATUS_TAGS
from bot.intake.ocr import OcrLine
from bot.intake.post_parser import ParsedPost, parse_post

PAGES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "layout_pages.json").read_text(encoding="utf-8")
)
LIST_TEMPLATES = {"douyin_comments", "weibo_detail", "wechat_group", "random_feed"}
LABEL_TEMPLATES = {"wenzheng_table", "wenzheng_lines", "hongwang_desktop", "hongwang_phone"}


def _parse(page: dict[str, Any]) -> ParsedPost:
    lines = [OcrLine(text, tuple(box), 1.0) for text, box in page["lines"]]  # type: ignore[arg-type]
    return parse_post(lines, datetime.fromisoformat(page["forwarded_at"]), size=tuple(page["size"]))  # type: ignore[arg-type]


def _squash(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


def _ids(pages: list[dict[str, Any]]) -> list[str]:
    return [f"{i}-{p['template']}" for i, p in enumerate(pages)]


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_no_chrome_in_title_body_or_unit(page: dict[str, Any]) -> None:
    post = _parse(page)
    title, body, unit = post.title or "", post.body, post.addressed_unit or ""
    status_bar = re.compile(r"^\d{1,2}:\d{2}|中国(移动|联通|电信)|\d{1,3}%$")
    assert not status_bar.search(title), title
    assert not re.search(r"[>›]", title), title  # breadcrumbs
    first_word = re.split(r"\s", body.strip(), maxsplit=1)[0] if body.strip() else ""
    assert first_word not in STATUS_TAGS
    assert not COUNTER_ANY_RE.search(body[-30:]) and not COUNTER_ANY_RE.search(unit), (body[-30:], unit)
    last_line = body.strip().splitlines()[-1] if body.strip() else ""
    assert last_line not in CHROME_WORDS


@pytest.mark.parametrize("page", [p for p in PAGES if p["template"] in LABEL_TEMPLATES],
                         ids=_ids([p for p in PAGES if p["template"] in LABEL_TEMPLATES]))
def test_labels_stay_out_of_values(page: dict[str, Any]) -> None:
    post = _parse(page)
    labels = ("留言标题", "留言人", "留言时间", "留言对象", "投诉对象", "留言内容", "发布时间", "网友：")
    for value in (post.title, post.author, post.addressed_unit):
        assert not any((value or "").startswith(label) for label in labels), value
    assert not any(post.body.startswith(label) for label in labels), post.body[:20]
    truth = page["truth"]
    if truth.get("addressed_unit"):
        assert _squash(post.addressed_unit) == _squash(truth["addressed_unit"])


@pytest.mark.parametrize("page", [p for p in PAGES if p["template"] in LIST_TEMPLATES],
                         ids=_ids([p for p in PAGES if p["template"] in LIST_TEMPLATES]))
def test_other_items_of_a_list_are_not_the_post(page: dict[str, Any]) -> None:
    post = _parse(page)
    for other in page["others"]:
        if other not in (page["truth"].get("body") or ""):
            assert _squash(other) not in _squash(post.body), other
    # The author is a name, never a chat timestamp or another commenter's "N天前" line.
    assert post.author is None or not re.search(r"\d{1,2}:\d{2}|星期|前$", post.author), post.author


def test_fields_right_on_most_pages() -> None:
    right = total = 0
    for page in PAGES:
        post = _parse(page)
        truth = page["truth"]
        for name in ("platform", "title", "author", "addressed_unit"):
            total += 1
            right += _squash(getattr(post, name)) == _squash(truth.get(name))
        total += 1
        want, got = truth.get("posted_at"), post.posted_at
        right += (got is None and want is None) or (
            got is not None and want is not None and got.date() == datetime.fromisoformat(want).date()
        )
    # Printed figures are in bench/ocr.py; this only guards against a broken model or decoder.
    assert right / total >= 0.85, right / total


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_places_come_from_the_post_only(page: dict[str, Any]) -> None:
    from bot.intake.places import find_places

    post = _parse(page)
    truth = page["truth"]
    allowed = {p.name for p in find_places((truth.get("title") or "") + "\n" + (truth.get("body") or ""))}
    chrome_words = ("留言", "详情", "投诉", "首页", "百姓呼声", "评论", "回复")
    for place in post.place_mentions:
        assert not any(word in place.name for word in chrome_words), place.name
    missing = allowed - {p.name for p in post.place_mentions}
    # The visible text may be cut at the screen edge: a name cut in two is lost, nothing more.
    assert len(missing) <= 1, missing
