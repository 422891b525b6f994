"""Every line every process wrote (web with its access log, workers, rq cron), searched for personal data.

Looked for: the mobile and ID numbers handed out in posts and replies (and anything shaped like
one), every person's name (the directory and the citizens), and message bodies (each run of 8+
Chinese characters of every text sent to the bot). Chinese text is rare in our logs, so the scan
collects the Chinese runs of the logs once and tests each secret against those.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.year.texts import Secrets

PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
BODY_FRAGMENT = 8


@dataclass
class ScanResult:
    files: int = 0
    lines: int = 0
    found: Counter[str] = field(default_factory=Counter)  # category → hits
    examples: list[str] = field(default_factory=list)  # "file:line category" (no content)

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
                for match in PHONE.findall(line):
                    category = "phone number" if match in secrets.phones else "phone-shaped number"
                    _hit(result, category, where)
                for match in ID_NUMBER.findall(line):
                    category = "ID number" if match in secrets.id_numbers else "ID-shaped number"
                    _hit(result, category, where)
                runs = CJK_RUN.findall(line)
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


def _hit(result: ScanResult, category: str, where: str) -> None:
    result.found[category] += 1
    if len(result.examples) < 20:
        result.examples.append(f"{where} {category}")


def report(result: ScanResult) -> list[str]:
    categories = ("phone number", "ID number", "person name", "message body", "phone-shaped number", "ID-shaped number")
    lines = [f"log lines scanned: {result.lines} in {result.files} files (web incl. access log, workers, rq cron)"]
    lines += [f"  {category:<22} {result.found.get(category, 0)}" for category in categories]
    lines += [f"  e.g. {example}" for example in result.examples[:10]]
    return lines
