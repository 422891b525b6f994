"""Split an over-long chat message into numbered parts that each fit the platform's limit.

WeCom robots cap text at 2,048 and markdown at 4,096 bytes; DingTalk refuses a robot body over
20,000 bytes. CJK characters are 3 bytes, so the limit is counted on the encoded text, never on
``len(str)`` (docs/protocols.md §8.2). Parts break preferably at line ends, otherwise between
characters, and never inside a mention (``<@userid>``), a ``<font …>…</font>`` span or a markdown
link, so every @ still notifies and no colour tag is left open.

The limit applies to what the platform receives, after every decoration: the ``(i/n)`` line is
counted here; whatever a sender adds to a part afterwards (a mention line, say) must be passed as
``reserve``; and ``measure`` says how the platform counts a part (UTF-8 bytes, or the bytes the
text takes once escaped inside a JSON body). A 40058/460101 answer must never be the outcome of
our own split.

Usage (any platform)::

    for part in split_message(text, 4096, reserve=utf8_len(mention_line)):
        send(part)

Each part of a split message ends with a line ``(i/n)``; a message that fits is returned
unchanged as a one-element list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

__all__ = ["json_escaped_len", "split_message", "strip_numbering", "utf8_len"]

# Spans that must stay whole: a mention, a coloured span, a markdown link.
_ATOMIC = re.compile(r"<@[^>\s]{1,128}>|<font[^>]{0,64}>.*?</font>|\[[^\]\n]{0,200}\]\([^)\s]{0,500}\)", re.S)


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def json_escaped_len(text: str) -> int:
    """Bytes ``text`` adds to a UTF-8 JSON body as a string value (``\\n`` is 2 bytes, ``"`` is 2)."""
    return len(json.dumps(text, ensure_ascii=False).encode("utf-8")) - 2


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


def _pack(text: str, budget: int, measure: Callable[[str], int]) -> list[str]:
    """Chunks of at most ``budget`` as ``measure`` counts (``measure`` adds up over concatenation)."""
    chunks: list[str] = []
    current: list[str] = []
    used = 0

    def flush() -> None:
        nonlocal used
        chunk = "".join(current)
        if chunk.strip():
            chunks.append(chunk.rstrip("\n"))
        current.clear()
        used = 0

    def add(piece: str, size: int) -> None:
        nonlocal used
        current.append(piece)
        used += size

    for line in text.splitlines(keepends=True):
        size = measure(line)
        if used + size <= budget:
            add(line, size)
            continue
        flush()
        if size <= budget:
            add(line, size)
            continue
        for atom in _atoms(line):
            atom_size = measure(atom)
            if atom_size > budget:
                # A protected span longer than a whole part (pathological): cut it by characters.
                for char in atom:
                    char_size = measure(char)
                    if used + char_size > budget:
                        flush()
                    add(char, char_size)
                continue
            if used + atom_size > budget:
                flush()
            add(atom, atom_size)
    flush()
    return chunks


def split_message(text: str, max_bytes: int, *, reserve: int = 0,
                  measure: Callable[[str], int] = utf8_len) -> list[str]:
    """Parts of ``text``, each at most ``max_bytes`` (as ``measure`` counts) including its ``(i/n)``
    line and ``reserve`` bytes left free for what the sender appends to a part afterwards.

    Order is preserved and joining the parts without their ``(i/n)`` lines gives the text back
    (except for whitespace at the cut points).
    """
    room = max_bytes - reserve
    if room < 32:
        raise ValueError("max_bytes too small to number parts")
    if measure(text) <= room:
        return [text]
    total = 2
    while True:
        budget = room - measure(_suffix(total, total))
        chunks = _pack(text, budget, measure)
        if len(chunks) <= total:
            break
        total = len(chunks)
    count = len(chunks)
    return [chunk + _suffix(i, count) for i, chunk in enumerate(chunks, 1)]


def strip_numbering(part: str) -> str:
    """The part without its trailing ``(i/n)`` line (for reassembly in tests and fakes)."""
    return re.sub(r"\n\(\d+/\d+\)\Z", "", part)
