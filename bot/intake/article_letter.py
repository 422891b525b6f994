"""A citizen's letter carried inside an article (a 公众号's 读者来信, a paper's 来信选登).

The article has its own title, account and date, an editor's introduction, then the letter under
its own labelled lines ("来信人：张**", "来信时间：…"). The layout rules read the whole article as the
post. When the post's author is such a labelled line and text stands above it, that text and the
title over it are the article's, not the citizen's: the post starts at the label.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.intake.lexicon import LABEL_KIND, LABEL_RE
from bot.intake.segments import Segment


def _labelled_author(text: str) -> bool:
    m = LABEL_RE.match(text.strip())
    return m is not None and LABEL_KIND[m.group("label")] == "author"


def letter_roles(segments: Sequence[Segment], roles: Sequence[str]) -> list[str] | None:
    """Roles with the article's title and text above a labelled author line as other, or None
    when the post's author is not a labelled line with body text above it."""
    author = next((i for i, r in enumerate(roles) if r == "author" and _labelled_author(segments[i].text)), None)
    if author is None:
        return None
    above = [i for i in range(author) if roles[i] == "body"]
    below = [i for i in range(author + 1, len(roles)) if roles[i] == "body"]
    if not above or not below:
        return None
    # Another author line above the labelled one is the article's account ("长沙民生热线").
    return ["other" if i < author and r in ("title", "body", "author", "time") else r for i, r in enumerate(roles)]
