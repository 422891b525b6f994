"""Split an over-long chat message into numbered parts that each fit a UTF-8 byte limit.

WeCom robots cap text at 2,048 and markdown at 4,096 bytes; DingTalk has similar caps. CJK
characters are 3 bytes, so the limit is counted on the encoded text, never on ``len(str)``
(docs/protocols.md §8.2). Parts break preferably at line ends, otherwise between characters, and
never inside a mention (``<@userid>``), a ``<font …>…</font>`` span or a markdown link, so
every @ still notifies and no colour tag is left open.

Usage (any platform)::

    for part in split_message(text, 4096):
        send(part)

Each part of a split message ends with a line ``(i/n)``; a message that fits is returned
unchanged as a one-element list.
"""

from __future__ import annotations

import re

__all__ = ["split_message", "strip_numbering", "utf8_len"]

# Spans that must stay whole: a mention, a coloured span, a markdown link.
_ATOMIC = re.compile(r"<@[^>\s]{1,128}>|<font[^>]{0,64}>.*?</font>|\[[^\]\n]{0,200}\]\([^)\s]{0,500}\)", re.S)


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _suffix(index: int, total: int) -> str:
    return f"\n({index}/{total})"


def _atoms(line: str) -> list[str]:
    """A line cut into pieces that may be split between: protected spans and single characters."""
    atoms: list[str] = []
    pos = 0
    for match in _ATOMIC.finditer(line):
        atoms.extend(line[pos:match.start()])
        atoms.append(match.group(0))
        pos = match.end()
    atoms.extend(line[pos:])
    return atoms


def _pack(text: str, budget: int) -> list[str]:
    chunks: list[str] = []
    current = ""

    def flush() -> None:
        nonlocal current
        if current.strip():
            chunks.append(current.rstrip("\n"))
        current = ""

    for line in text.splitlines(keepends=True):
        if utf8_len(current + line) <= budget:
            current += line
            continue
        flush()
        if utf8_len(line) <= budget:
            current = line
            continue
        for atom in _atoms(line):
            if utf8_len(atom) > budget:
                # A protected span longer than a whole part (pathological): cut it by characters.
                for char in atom:
                    if utf8_len(current + char) > budget:
                        flush()
                    current += char
                continue
            if utf8_len(current + atom) > budget:
                flush()
            current += atom
    flush()
    return chunks


def split_message(text: str, max_bytes: int) -> list[str]:
    """Parts of ``text``, each at most ``max_bytes`` UTF-8 bytes including its ``(i/n)`` line.

    Order is preserved and joining the parts without their ``(i/n)`` lines gives the text back
    (except for whitespace at the cut points).
    """
    if max_bytes < 32:
        raise ValueError("max_bytes too small to number parts")
    if utf8_len(text) <= max_bytes:
        return [text]
    total = 2
    while True:
        budget = max_bytes - utf8_len(_suffix(total, total))
        chunks = _pack(text, budget)
        if len(chunks) <= total:
            break
        total = len(chunks)
    count = len(chunks)
    return [chunk + _suffix(i, count) for i, chunk in enumerate(chunks, 1)]


def strip_numbering(part: str) -> str:
    """The part without its trailing ``(i/n)`` line (for reassembly in tests and fakes)."""
    return re.sub(r"\n\(\d+/\d+\)\Z", "", part)
