"""Every line every process wrote (web with its access log, workers, rq cron), searched for personal data.

Looked for, in each line as written and with its percent-encoding undone (a URL in an access log):

- the mobile and ID numbers handed out in posts and replies, anywhere, even inside a longer run of
  digits or a token;
- any other number shaped like one, when it stands as a number of its own: not a piece of a hex or
  base64 token (a WeCom ``msg_signature`` or ``nonce`` in the access log, a job id), of a longer
  number (a millisecond timestamp) or the decimals of a duration. Those hold phone-shaped runs by
  chance (a 40-digit hex signature does about once in 300) and are not data anyone typed;
- every person's name (the directory and the citizens), and message bodies (each run of 8+ Chinese
  characters of every text sent to the bot). Chinese text is rare in our logs, so the scan collects
  the Chinese runs of the logs once and tests each secret against those.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from bench.year.texts import Secrets

# A number of its own: no letter or digit on either side, and not the decimals of "0.13812345678".
_ALONE_BEFORE = r"(?<![0-9A-Za-z])(?<!\d\.)"
_ALONE_AFTER = r"(?![0-9A-Za-z])"
PHONE_SHAPED = re.compile(_ALONE_BEFORE + r"1[3-9]\d{9}" + _ALONE_AFTER)
ID_SHAPED = re.compile(_ALONE_BEFORE + r"\d{17}[0-9Xx]" + _ALONE_AFTER)
DIGIT_RUN = re.compile(r"\d{11,}[Xx]?")  # where a known number may hide, whatever surrounds it
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
BODY_FRAGMENT = 8


@dataclass
class ScanResult:
    files: int = 0
    lines: int = 0
    found: Counter[str] = field(default_factory=Counter)  # category → hits
    examples: list[str] = field(default_factory=list)  # "file:line category" (no content)
    lines_hit: set[str] = field(default_factory=set)  # "file:line" of every line with a hit

    @property
    def total(self) -> int:
        return sum(self.found.values())


def _fragments(text: str) -> set[str]:
    """Every 8-character window of the text's Chinese runs: any of them in a log line is a leak."""
    return {run[i:i + BODY_FRAGMENT] for run in CJK_RUN.findall(text) for i in range(len(run) - BODY_FRAGMENT + 1)}


def scan(files: list[Path], secrets: Secrets) -> ScanResult:
    result = ScanResult()
    cjk_lines: list[tuple[str, str]] = []  # (where, the line's Chinese runs joined)
    for path in files:
        result.files += 1
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                result.lines += 1
                where = f"{path.name}:{number}"
                decoded = unquote(line) if "%" in line else line
                text = line if decoded == line else f"{line}\n{decoded}"
                for category in sorted(_numbers(text, secrets)):
                    _hit(result, category, where)
                runs = CJK_RUN.findall(text)
                if runs:
                    cjk_lines.append((where, "|".join(runs)))
    if cjk_lines:
        fragments: set[str] = set()
        for body in secrets.bodies:
            fragments |= _fragments(body)
        lengths = {len(name) for name in secrets.names}
        for where, joined in cjk_lines:
            if any(joined[i:i + n] in secrets.names for n in lengths for i in range(len(joined) - n + 1)):
                _hit(result, "person name", where)
            windows = (joined[i:i + BODY_FRAGMENT] for i in range(len(joined) - BODY_FRAGMENT + 1))
            if any(window in fragments for window in windows):
                _hit(result, "message body", where)
    return result


def _numbers(text: str, secrets: Secrets) -> set[str]:
    """The categories of number found in one line: each counted once per line."""
    found: set[str] = set()
    for run in DIGIT_RUN.findall(text):
        if any(run[i:i + 11] in secrets.phones for i in range(len(run) - 10)):
            found.add("phone number")
        if any(run[i:i + 18].upper() in secrets.id_numbers for i in range(len(run) - 17)):
            found.add("ID number")
    if any(match not in secrets.phones for match in PHONE_SHAPED.findall(text)):
        found.add("phone-shaped number")
    if any(match.upper() not in secrets.id_numbers for match in ID_SHAPED.findall(text)):
        found.add("ID-shaped number")
    return found


def _hit(result: ScanResult, category: str, where: str) -> None:
    result.found[category] += 1
    result.lines_hit.add(where)
    if len(result.examples) < 20:
        result.examples.append(f"{where} {category}")


def report(result: ScanResult) -> list[str]:
    categories = ("phone number", "ID number", "person name", "message body", "phone-shaped number", "ID-shaped number")
    lines = [f"log lines scanned: {result.lines} in {result.files} files (web incl. access log, workers, rq cron)"]
    lines += [f"  {category:<22} {result.found.get(category, 0)}" for category in categories]
    lines += [f"  e.g. {example}" for example in result.examples[:10]]
    return lines
