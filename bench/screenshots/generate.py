"""Render synthetic phone screenshots of citizen posts for the OCR bench.

Layouts: 红网百姓呼声, 问政湖南, 抖音 caption + comments (light on dark), 微博, 微信 group chat;
1080×2400 phone screens and 1080×6000 long captures; saved as JPEG (q60–85) with the truth
(text lines and fields) in a JSON sidecar. Texts come from the shared data at run time and
the output goes to var/ (git-ignored): nothing personal is committed. Authors, phones and
times are synthetic.

Run: .venv/bin/python -m bench.screenshots.generate --count 30 --out var/bench-screenshots
Needs a CJK font: apt-get install fonts-wqy-microhei (or set BENCH_CJK_FONT=/path/font.ttc).
"""

from __future__ import annotations

import argparse
import json
import os
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "citizen-messages" / "test.jsonl"
FONT_CANDIDATES = [
    os.environ.get("BENCH_CJK_FONT", ""),
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
]
FORWARDED_AT = datetime.fromisoformat("2026-11-28T10:00:00+08:00")
AUTHORS = ["湘江晨跑者", "星沙老街坊", "芙蓉路居民", "小区业主甲", "热心市民小李", "橘子洲头", "岳麓山下", "一名家长"]
UNITS = ["A7县住房和城乡建设局", "A市教育局", "A3区城市管理和行政执法局", "A市交通运输局", "A7县人民政府"]


def find_font() -> str | None:
    return next((p for p in FONT_CANDIDATES if p and Path(p).exists()), None)


@dataclass
class Canvas:
    width: int
    height: int
    dark: bool
    font_path: str
    lines: list[str] = field(default_factory=list)  # truth: content lines, top to bottom
    y: int = 0

    def __post_init__(self) -> None:
        self.image = Image.new("RGB", (self.width, self.height), "#161823" if self.dark else "white")
        self.draw = ImageDraw.Draw(self.image)
        self.fg = "#f0f0f0" if self.dark else "#1a1a1a"

    def font(self, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(self.font_path, size)

    def text(
        self, text: str, size: int = 42, x: int = 48, color: str | None = None, truth: bool = True, gap: int = 18
    ) -> None:
        self.draw.text((x, self.y), text, font=self.font(size), fill=color or self.fg)
        if truth:
            self.lines.append(text)
        self.y += size + gap

    def wrapped(self, text: str, size: int = 42, x: int = 48, color: str | None = None, right: int = 48) -> None:
        per_line = max(1, (self.width - x - right) // size)
        for paragraph in text.split("\n"):
            for i in range(0, len(paragraph), per_line):
                if self.y > self.height - 3 * size:
                    return
                self.text(paragraph[i : i + per_line], size, x, color)

    def status_bar(self) -> None:
        font = self.font(34)
        self.draw.text((48, 22), "10:24", font=font, fill=self.fg)
        self.draw.text((self.width - 230, 22), "5G  87%", font=font, fill=self.fg)
        self.y = 110


def _post(rnd: random.Random, row: dict[str, Any]) -> dict[str, Any]:
    body = (row.get("body") or "").replace("\n", "")
    title = row.get("title") or body[:20]
    phone = f"138{rnd.randrange(10**8):08d}" if rnd.random() < 0.4 else None
    if phone:
        body = body[:200] + f"联系电话{phone}。" + body[200:]
    return {"title": title, "body": body, "author": rnd.choice(AUTHORS), "phone": phone}


def render(
    layout: str, post: dict[str, Any], size: tuple[int, int], font: str, rnd: random.Random
) -> tuple[Image.Image, dict[str, Any], list[str]]:
    width, height = size
    c = Canvas(width, height, layout == "douyin", font)
    c.status_bar()
    fields: dict[str, Any] = {
        "platform": layout,
        "title": None,
        "author": None,
        "posted_at": None,
        "addressed_unit": None,
        "phones": [post["phone"]] if post["phone"] else [],
    }
    if layout == "hongwang":
        posted = FORWARDED_AT - timedelta(days=rnd.randrange(1, 20), minutes=rnd.randrange(600))
        posted = posted.replace(second=0)
        c.draw.rectangle((0, c.y - 10, width, c.y + 80), fill="#c8161d")
        c.text("红网 · 百姓呼声", 44, color="white", gap=60)
        c.wrapped(post["title"], 52)
        unit = rnd.choice(UNITS)
        c.text(f"网友：{post['author']}", 36, color="#666666")
        c.text(f"投诉对象：{unit}", 36, color="#666666")
        c.text(f"发布时间：{posted:%Y-%m-%d %H:%M}", 36, color="#666666", gap=40)
        c.wrapped(post["body"], 42)
        fields.update(title=post["title"], author=post["author"], posted_at=posted.isoformat(), addressed_unit=unit)
    elif layout == "wenzheng_hunan":
        posted = (FORWARDED_AT - timedelta(days=rnd.randrange(1, 30), minutes=rnd.randrange(600))).replace(second=0)
        unit = rnd.choice(UNITS)
        c.text("问政湖南", 48, gap=40)
        c.text(f"留言对象：{unit}", 38)
        c.text("留言类型：投诉", 38)
        c.wrapped(f"留言标题：{post['title']}", 38)
        c.text(f"网友：{post['author']}", 38)
        c.text(f"留言时间：{posted:%Y-%m-%d %H:%M}", 38)
        c.text("留言内容：", 38)
        c.wrapped(post["body"], 40)
        fields.update(title=post["title"], author=post["author"], posted_at=posted.isoformat(), addressed_unit=unit)
    elif layout == "douyin":
        hours = rnd.randrange(1, 20)
        c.y = height // 2
        c.text(f"@{post['author']}", 46, color="white")
        c.wrapped(post["body"][:160], 40, right=200)
        c.text("#民生 #随手拍", 40, color="#f0f0f0")
        c.text(f"{hours}小时前 · 湖南", 34, color="#aaaaaa")
        for i, counter in enumerate(["3.2万", "1268", "分享"]):
            c.draw.text((width - 150, height // 3 + i * 160), counter, font=c.font(34), fill="white")
        c.draw.text((48, height - 120), "说点什么...", font=c.font(38), fill="#888888")
        fields.update(
            author=post["author"], posted_at=(FORWARDED_AT - timedelta(hours=hours)).replace(second=0).isoformat()
        )
    elif layout == "weibo":
        c.text(post["author"], 44, gap=10)
        c.text("昨天 14:02 来自 iPhone客户端", 32, color="#888888", gap=30)
        c.wrapped(post["body"], 42)
        c.draw.text((48, height - 120), "转发 12    评论 36    赞 208", font=c.font(36), fill="#888888")
        yesterday = (FORWARDED_AT - timedelta(days=1)).replace(hour=14, minute=2, second=0)
        fields.update(author=post["author"], posted_at=yesterday.isoformat())
    else:  # wechat group chat
        c.image.paste("#ededed", (0, 0, width, height))
        c.text("星沙业主群(128)", 44, x=width // 2 - 180, gap=50)
        c.text(post["author"], 32, x=170, color="#888888", gap=8)
        top = c.y
        c.wrapped(post["body"][:300], 40, x=190, right=140)
        c.draw.rectangle((160, top - 12, width - 120, c.y), outline="#ffffff")
        c.draw.text((48, height - 110), "按住 说话", font=c.font(38), fill="#333333")
        fields.update(platform="wechat", author=post["author"])
    return c.image, fields, c.lines


LAYOUTS = ["hongwang", "wenzheng_hunan", "douyin", "weibo", "wechat"]


def generate(count: int, out: Path, seed: int = 20261128) -> list[Path]:
    font = find_font()
    if font is None:
        raise SystemExit("SKIP: no CJK font found; apt-get install fonts-wqy-microhei or set BENCH_CJK_FONT")
    if not DATA.exists():
        raise SystemExit(f"SKIP: shared data missing at {DATA}")
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    rows = [r for r in rows if len(r.get("body") or "") > 150]
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        layout = LAYOUTS[index % len(LAYOUTS)]
        long_capture = index % 7 == 3 and layout in ("hongwang", "wenzheng_hunan", "weibo")
        size = (1080, 6000) if long_capture else rnd.choice([(1080, 2400), (1080, 2340), (720, 1600)])
        post = _post(rnd, rnd.choice(rows if not long_capture else [r for r in rows if len(r["body"]) > 900] or rows))
        image, fields, lines = render(layout, post, size, font, rnd)
        quality = rnd.randrange(60, 86)
        path = out / f"{index:03d}_{layout}{'_long' if long_capture else ''}.jpg"
        image.save(path, "JPEG", quality=quality)
        truth = {
            "layout": layout,
            "size": list(size),
            "quality": quality,
            "lines": lines,
            "fields": fields,
            "forwarded_at": FORWARDED_AT.isoformat(),
        }
        path.with_suffix(".json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--out", default=str(ROOT / "var" / "bench-screenshots"))
    args = parser.parse_args()
    paths = generate(args.count, Path(args.out))
    print(f"wrote {len(paths)} screenshots to {args.out}")


if __name__ == "__main__":
    main()
