"""OCR lines as RapidOCR would return them for a generated screen, without running OCR.

The generator knows every box it drew, so training data for the role model costs no OCR time.
The noise imitates what the real engine does on these screens: neighbouring boxes on a row
merged into one line (with or without a space), a long line split in two, boxes a few pixels
off, a character misread or dropped, a faint line missed. The same chrome filter and reading
order as `bot.intake.ocr.recognise` are applied, so the parser sees the same kind of input.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.screenshots.layout import Element
from bot.intake.chrome import is_chrome
from bot.intake.ocr import OcrLine, reading_order

_CONFUSABLE = "的一是了不在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴"


@dataclass
class SyntheticLine:
    text: str
    box: tuple[int, int, int, int]
    roles: list[str]  # one role per character of `text`


def _element_line(element: Element, rnd: random.Random) -> SyntheticLine:
    x0, y0, x1, y1 = element.box
    h = y1 - y0
    jitter = 0.08 * h
    box = (
        int(x0 + rnd.uniform(-jitter, jitter)),
        int(y0 + rnd.uniform(-jitter, jitter)),
        int(x1 + rnd.uniform(-jitter, 2 * jitter)),
        int(y1 + rnd.uniform(-jitter, jitter)),
    )
    return SyntheticLine(element.text, box, [element.role] * len(element.text))


def _misread(line: SyntheticLine, rnd: random.Random, rate: float) -> SyntheticLine:
    text, roles = [], []
    for ch, role in zip(line.text, line.roles, strict=True):
        roll = rnd.random()
        if roll < rate / 2:
            continue  # dropped
        if roll < rate and "\u4e00" <= ch <= "\u9fff":
            ch = rnd.choice(_CONFUSABLE)
        text.append(ch)
        roles.append(role)
    return SyntheticLine("".join(text), line.box, roles)


def _merge_rows(lines: list[SyntheticLine], rnd: random.Random, merge_gap: float) -> list[SyntheticLine]:
    lines = sorted(lines, key=lambda ln: ((ln.box[1] + ln.box[3]) / 2, ln.box[0]))
    out: list[SyntheticLine] = []
    for line in lines:
        if out:
            last = out[-1]
            h = max(last.box[3] - last.box[1], 1)
            same_row = abs((last.box[1] + last.box[3]) / 2 - (line.box[1] + line.box[3]) / 2) < 0.3 * h
            similar = 0.75 < (line.box[3] - line.box[1]) / h < 1.33
            gap = line.box[0] - last.box[2]
            if same_row and similar and -0.2 * h < gap < merge_gap * h:
                joiner = " " if rnd.random() < 0.7 else ""
                out[-1] = SyntheticLine(
                    last.text + joiner + line.text,
                    (min(last.box[0], line.box[0]), min(last.box[1], line.box[1]), max(last.box[2], line.box[2]),
                     max(last.box[3], line.box[3])),
                    last.roles + [last.roles[-1]] * len(joiner) + line.roles,
                )
                continue
        out.append(line)
    return out


def _split(line: SyntheticLine, rnd: random.Random) -> list[SyntheticLine]:
    if len(line.text) < 12:
        return [line]
    cut = rnd.randrange(4, len(line.text) - 4)
    x0, y0, x1, y1 = line.box
    mid = int(x0 + (x1 - x0) * cut / len(line.text))
    return [
        SyntheticLine(line.text[:cut], (x0, y0, mid, y1), line.roles[:cut]),
        SyntheticLine(line.text[cut:].lstrip(), (mid + 4, y0, x1, y1), line.roles[cut + len(line.text[cut:]) - len(line.text[cut:].lstrip()) :]),
    ]


def ocr_lines(elements: list[Element], size: tuple[int, int], rnd: random.Random) -> list[SyntheticLine]:
    """Noisy OCR lines of a page, chrome-filtered and in reading order."""
    merge_gap = rnd.uniform(0.3, 1.6)
    misread = rnd.choice([0.0, 0.002, 0.005, 0.01])
    lines = [_element_line(e, rnd) for e in elements if e.text.strip()]
    lines = [ln for ln in lines if rnd.random() > 0.01]
    lines = _merge_rows(lines, rnd, merge_gap)
    split: list[SyntheticLine] = []
    for line in lines:
        split.extend(_split(line, rnd) if rnd.random() < 0.02 else [line])
    noisy = [_misread(line, rnd, misread) for line in split]
    kept = [ln for ln in noisy if ln.text.strip() and not is_chrome(ln.text, ln.box[1], size[0], size[1])]
    by_key = {id(ln): ln for ln in kept}
    ordered = reading_order([OcrLine(ln.text, ln.box, float(id(ln))) for ln in kept])
    return [by_key[int(line.score)] for line in ordered]
