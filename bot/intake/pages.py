"""Several screenshots of one post (a long post scrolled over two or three screens) → one post.

Each page is parsed on its own, with its own layout; then the first page that shows a field
gives it, and the bodies are joined with the overlap between consecutive screens removed
(a scrolled screen usually repeats a few lines of the one before).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from bot.intake.places import bare_name, find_places
from bot.intake.post_parser import ParsedPost

MIN_OVERLAP = 8  # characters; shorter repeats are coincidence ("的问题。")


def _join_bodies(first: str, second: str) -> str:
    if not first:
        return second
    if not second:
        return first
    squashed_first = first.replace("\n", "")
    squashed_second = second.replace("\n", "")
    for size in range(min(len(squashed_first), len(squashed_second)), MIN_OVERLAP - 1, -1):
        if squashed_first.endswith(squashed_second[:size]):
            return first + squashed_second[size:]
    return first + "\n" + second


def _confidence(merged: ParsedPost, page: ParsedPost) -> dict[str, float]:
    """Each field keeps the confidence of the page it came from; a body joined from several pages
    is as sure as its least sure page."""
    out = dict(merged.confidence)
    for name, value in page.confidence.items():
        if name == "body" and name in out:
            out[name] = min(out[name], value)
        elif name not in out or getattr(merged, name) in (None, ""):
            out[name] = value
    return out


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


# Levels at which one post names one place: a second county or compound is another post's, while a
# post may well name several roads (从东湖路到建设路).
_ONE_PER_POST = frozenset(("city", "county", "township", "village", "compound"))


def _other_places(post: ParsedPost, page: ParsedPost) -> bool:
    """Whether the two name places of one kind (two counties, two compounds) and no place in common."""
    ours = {bare_name(p.name) for p in post.place_mentions}
    theirs = {bare_name(p.name) for p in page.place_mentions}
    if not ours or not theirs or ours & theirs:
        return False
    shared_levels = {p.level for p in post.place_mentions} & {p.level for p in page.place_mentions}
    return bool(shared_levels & _ONE_PER_POST)


def continues(post: ParsedPost, page: ParsedPost) -> bool:
    """Whether `page` (a screenshot parsed on its own) is a further screen of `post` rather than
    another post. A scrolled screen shows no header of its own, or the same one; another post
    shows its own title, or its own platform, author or time: two of those differing, or a title
    differing, make it another post (duty staff forward several posts in a row). A page with an
    author or time of its own that names another county or compound than the post, and no place in
    common, is another post even under the same nickname (nicknames repeat: 小李, 热心市民). A page whose
    text starts with the end of the post's text is its next screen whatever else it shows."""
    body, next_body = _squash(post.body), _squash(page.body)
    if body and next_body and any(body.endswith(next_body[:size])
                                  for size in range(min(len(body), len(next_body), 60), MIN_OVERLAP - 1, -1)):
        return True
    if post.title and page.title and _squash(post.title) != _squash(page.title):
        return False
    if (page.author or page.posted_at) and _other_places(post, page):
        return False
    conflicts = [
        post.platform != "other" and page.platform != "other" and post.platform != page.platform,
        bool(post.author and page.author and _squash(post.author).lstrip("@") != _squash(page.author).lstrip("@")),
        bool(post.posted_at and page.posted_at and abs((post.posted_at - page.posted_at).total_seconds()) > 60),
    ]
    return sum(conflicts) < 2


def group_pages(posts: Sequence[ParsedPost]) -> list[list[ParsedPost]]:
    """Screenshots sent together, in order, cut into the posts they show (see `continues`)."""
    groups: list[list[ParsedPost]] = []
    for page in posts:
        if groups and continues(merge_posts(groups[-1]), page):
            groups[-1].append(page)
        else:
            groups.append([page])
    return groups


def merge_posts(posts: Sequence[ParsedPost], known_places: Iterable[str] = ()) -> ParsedPost:
    """One post from the pages of one post, in the order they were sent. Raises ValueError if empty.

    `known_places`: the configured units' place names (see `find_places`), for the places of the
    joined text."""
    if not posts:
        raise ValueError("no pages to merge")
    merged = posts[0]
    for page in posts[1:]:
        body = _join_bodies(merged.body, page.body)
        confidence = _confidence(merged, page)
        merged = replace(
            merged,
            platform=merged.platform if merged.platform != "other" else page.platform,
            title=merged.title or page.title,
            author=merged.author or page.author,
            posted_at=merged.posted_at or page.posted_at,
            posted_date_only=merged.posted_date_only if merged.posted_at else page.posted_date_only,
            addressed_unit=merged.addressed_unit or page.addressed_unit,
            body=body,
            phones=list(dict.fromkeys(merged.phones + page.phones)),
            id_numbers=list(dict.fromkeys(merged.id_numbers + page.id_numbers)),
            links=list(dict.fromkeys(merged.links + page.links)),
            ip_location=merged.ip_location or page.ip_location,
            confidence=confidence,
        )
    if len(posts) > 1:
        merged = replace(merged, place_mentions=find_places((merged.title or "") + "\n" + merged.body,
                                                            known=tuple(known_places)))
    return merged
