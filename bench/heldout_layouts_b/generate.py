"""Family b of held-out screenshots: generate images and labels.jsonl.

    .venv/bin/python bench/heldout_layouts_b/generate.py OUT_DIR [--count 60] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench.heldout_layouts_b` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "bench.heldout_layouts_b"

from PIL import Image  # noqa: E402

from . import social, web  # noqa: E402
from .content import HALFWIDTH, SCENARIOS, make_post  # noqa: E402
from .draw import STATUS_STYLES, save  # noqa: E402
from .shot import Shot  # noqa: E402

TZ = timezone(timedelta(hours=8))

# id -> (platform, function, kind, dark-mode rate)
LAYOUTS = {
    "hw_wxbrowser": ("hongwang", web.hw_wxbrowser, "phone", 0.0),
    "hw_desktop_old": ("hongwang", web.hw_desktop_old, "desktop", 0.0),
    "wz_h5_share": ("wenzheng_hunan", web.wz_h5_share, "phone", 0.0),
    "wz_desktop_timeline": ("wenzheng_hunan", web.wz_desktop_timeline, "desktop", 0.0),
    "dy_note": ("douyin", social.dy_note, "phone", 0.25),
    "dy_reply_detail": ("douyin", social.dy_reply_detail, "phone", 0.6),
    "wb_comment_detail": ("weibo", social.wb_comment_detail, "phone", 0.2),
    "wb_lite": ("weibo", social.wb_lite, "phone", 0.4),
    "wx_merged_history": ("wechat", social.wx_merged_history, "phone", 0.3),
    "wecom_chat": ("wechat", social.wecom_chat, "phone", 0.0),
    "tt_weitoutiao": ("other", web.tt_weitoutiao, "phone", 0.25),
}

PHONE_WIDTHS = [720, 750, 828, 1080, 1125, 1170, 1242, 1080, 1080]
DESKTOP_WIDTHS = [1280, 1366, 1440, 1536, 1600, 1920]
ASPECTS = [2.165, 2.165, 2.0, 2.22, 1.78]


def _forwarded(rng: random.Random) -> datetime:
    day = datetime(2025, 2, 10) + timedelta(days=rng.randint(0, 290))
    return day.replace(hour=rng.randint(7, 23), minute=rng.randrange(60))


def _iso(t: datetime) -> str:
    return t.replace(tzinfo=TZ).isoformat()


def _places(text: str, candidates: list[str]) -> list[str]:
    """Candidates that occur in text on their own (not only inside a longer candidate), by first position."""

    def spans(q: str) -> list[tuple[int, int]]:
        out, start = [], 0
        while (j := text.find(q, start)) >= 0:
            out.append((j, j + len(q)))
            start = j + 1
        return out

    found: dict[str, int] = {}
    for p in candidates:
        longer = [sp for q in candidates if q != p and p in q for sp in spans(q)]
        for i, e in spans(p):
            if not any(a <= i and e <= b for a, b in longer):
                found[p] = i
                break
    return sorted(found, key=found.get)


def _norm_digits(s: str) -> str:
    return "".join(ch for ch in s.translate(HALFWIDTH) if ch not in " -")


def check_record(rec: dict) -> None:
    """Cheap invariants on one label record."""
    text = (rec["title"] or "") + "\n" + rec["body"]
    for p in rec["place_mentions"]:
        assert p in text, (rec["image"], p)
    flat = _norm_digits(text)
    for ph in rec["phones"]:
        assert ph.isdigit() and ph in flat, (rec["image"], ph)
    assert datetime.fromisoformat(rec["posted_at"]) <= datetime.fromisoformat(rec["forwarded_at"]), rec["image"]
    assert rec["family"] == "b" and rec["platform"] in {"hongwang", "wenzheng_hunan", "douyin", "weibo", "wechat", "other"}
    assert set(rec["posted_at_components"]) <= {"date", "hour", "minute", "second"} and "date" in rec["posted_at_components"]
    assert rec["author"] and rec["body"]
    assert (rec["addressed_unit"] is not None) == (rec["platform"] in ("hongwang", "wenzheng_hunan")), rec["image"]
    assert len(set(rec["place_mentions"])) == len(rec["place_mentions"])


def generate(out_dir: Path, count: int = 60, seed: int = 7) -> list[dict]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    master = random.Random(f"family-b-{seed}")
    ids = list(LAYOUTS)
    order: list[str] = []
    while len(order) < count:
        chunk = ids[:]
        master.shuffle(chunk)
        order += chunk
    scen = list(range(len(SCENARIOS)))
    master.shuffle(scen)
    per_layout: dict[str, int] = {}
    records = []
    for i in range(count):
        lid = order[i]
        platform, fn, kind, dark_rate = LAYOUTS[lid]
        rng = random.Random(f"family-b-{seed}-{i}")
        k = per_layout.get(lid, 0)
        per_layout[lid] = k + 1
        post = make_post(rng, scen[i % len(scen)])
        fwd = _forwarded(rng)
        width = rng.choice(DESKTOP_WIDTHS if kind == "desktop" else PHONE_WIDTHS)
        shot = Shot(rng=rng, k=k, post=post, fwd=fwd, width=width, dark=rng.random() < dark_rate,
                    long=kind == "phone" and rng.random() < 0.2, status=rng.choice(STATUS_STYLES),
                    aspect=rng.choice(ASPECTS))
        res = fn(shot)
        img = res.img
        if rng.random() < 0.2:  # a forwarded copy, downscaled by the chat app
            w = rng.randint(560, 719) if kind == "phone" else rng.randint(1152, 1279)
            if w < img.width:
                img = img.resize((w, round(img.height * w / img.width)), Image.LANCZOS)
        jpeg_q = rng.randint(60, 85) if rng.random() < 0.3 else None
        for stale in (out_dir / f"{i:03d}.png", out_dir / f"{i:03d}.jpg"):
            stale.unlink(missing_ok=True)
        name = save(img, out_dir / f"{i:03d}", jpeg_q)
        text = (res.title or "") + "\n" + res.body
        rec = {
            "image": name, "family": "b", "layout": lid, "forwarded_at": _iso(fwd), "platform": platform,
            "title": res.title, "author": res.author, "posted_at": _iso(res.stamp.at),
            "posted_at_components": res.stamp.components, "addressed_unit": res.unit, "body": res.body,
            "place_mentions": _places(text, post.places),
            "phones": [p for p in post.phones if p in _norm_digits(text)],
        }
        check_record(rec)
        records.append(rec)
    with open(out_dir / "labels.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    recs = generate(a.out_dir, a.count, a.seed)
    print(f"wrote {len(recs)} images and labels.jsonl to {a.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
