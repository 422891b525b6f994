"""Text normalisation and tokenisers shared by the category model and the unit router.

Kept at module level (not lambdas) so that a pickled sklearn pipeline can find them again.
"""

from __future__ import annotations

import re

import jieba

jieba.setLogLevel(60)  # jieba logs its dictionary build at INFO on first use

_PLACEHOLDER_AREA = re.compile(r"[A-Z]\d*(?=[市区县])")
_DIGITS = re.compile(r"\d+")
HEAD_CHARS = 40


def normalise(text: str) -> str:
    # Placeholder area codes (A3区) and numbers say nothing about the topic; they only
    # split the vocabulary.
    return _DIGITS.sub("0", _PLACEHOLDER_AREA.sub("", text))


def full_text(title: str | None, body: str | None) -> str:
    return normalise((title or "") + "。" + (body or ""))


def head_text(title: str | None, body: str | None) -> str:
    # In the training data most titles are merged into the body (title is null); the first
    # characters then play the title's role, and titles carry the topic most densely.
    return normalise(title or (body or "")[:HEAD_CHARS])


def jieba_tokens(text: str) -> list[str]:
    return [word for word in jieba.lcut(text) if word.strip()]
