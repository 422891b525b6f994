"""Family d of synthetic screenshots (see README.md). Pillow only, deterministic per seed.

    .venv/bin/python bench/heldout_layouts_d/generate.py OUT_DIR [--count 60] [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "bench.heldout_layouts_d"

from PIL import Image  # noqa: E402

from bench.heldout_layouts_d import timefmt  # noqa: E402
from bench.heldout_layouts_d.content import NICKS, PHONE_FORMS, SCENARIOS  # noqa: E402
from bench.heldout_layouts_d.layouts import LAYOUTS  # noqa: E402

TZ = timezone(timedelta(hours=8))
AREA = ["0731", "0734", "0739", "0730", "0736", "0744", "0737", "0735", "0746", "0745", "0738", "0743"]
# Each layout cycles through its own list of time kinds, so a 60-image set covers them all.
LAYOUT_KINDS = {
    "hw_desktop_bold": ["iso_sec", "cn_full", "slash", "iso", "date_only"],
    "hw_phone_timefirst": ["iso", "md_dash", "rel_hour", "yesterday", "cn_md_fw", "yy_dash"],
    "wz_phone_table": ["iso_sec", "cn_full", "slash", "ampm_md", "iso"],
    "wz_desktop_right": ["iso", "iso_sec", "cn_full", "date_only", "slash"],
    "dy_tuwen": ["rel_day", "rel_hour", "rel_min", "md_dash", "yesterday", "just_now", "qiantian"],
    "wb_search_list": ["rel_min", "ampm_today", "yesterday", "md_dash", "cn_md", "just_now", "cn_md_fw"],
    "wx_merged_history": ["cn_md", "yesterday_ampm", "weekday", "zhou", "ampm_today", "slash", "qiantian"],
    "tieba_thread": ["md_dash", "rel_hour", "yy_dash", "yesterday", "rel_day", "iso"],
    "wb_reply_thread": ["rel_hour", "weekday", "md_dash", "yy_dash", "cn_md_fw", "rel_min", "ampm_md"],
}
FW = str.maketrans("0123456789", "０１２３４５６７８９")
UNFW = str.maketrans("０１２３４５６７８９", "0123456789")
TOPICS = ["#投诉#", "#民生关注#", "#求助#", "#身边事#", "#曝光台#"]


def _phone(rng):
    form = rng.choice(PHONE_FORMS)
    if form == "landline":
        area = rng.choice(AREA)
        local = str(rng.randint(2, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        return f"{area}-{local}", area + local
    d = "1" + rng.choice("3456789") + "".join(str(rng.randint(0, 9)) for _ in range(9))
    txt = {"plain": d, "spaced": f"{d[:3]} {d[3:7]} {d[7:]}", "dashed": f"{d[:3]}-{d[3:7]}-{d[7:]}",
           "fullwidth": d.translate(FW)}[form]
    return txt, d


def _forwarded(rng):
    day = datetime(2024, 3, 1, tzinfo=TZ) + timedelta(days=rng.randint(0, 600))
    if day.month < 3:
        day = day.replace(month=rng.randint(3, 12), day=rng.randint(1, 28))
    return day.replace(hour=rng.randint(7, 22), minute=rng.randint(0, 59))


def check_record(rec: dict) -> None:
    text = (rec["title"] or "") + rec["body"]
    for p in rec["place_mentions"]:
        assert p in text, (rec["image"], p)
    norm = "".join(ch for ch in text.translate(UNFW) if ch not in " -")
    for ph in rec["phones"]:
        assert ph.isdigit() and ph in norm, (rec["image"], ph)
    assert len(set(rec["place_mentions"])) == len(rec["place_mentions"])
    fwd = datetime.fromisoformat(rec["forwarded_at"])
    post = datetime.fromisoformat(rec["posted_at"])
    assert post <= fwd, (rec["image"], rec["posted_at"], rec["forwarded_at"])
    assert rec["family"] == "d" and rec["platform"] in {"hongwang", "wenzheng_hunan", "douyin", "weibo", "wechat", "other"}
    assert set(rec["posted_at_components"]) <= {"date", "hour", "minute", "second"}
    assert rec["body"] and rec["author"]


def generate(out_dir: Path, count: int = 60, seed: int = 7) -> list[dict]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    order = list(range(len(SCENARIOS)))
    rng.shuffle(order)
    kind_pos = {k: rng.randint(0, 9) for k in LAYOUT_KINDS}
    records = []
    for i in range(count):
        r = random.Random(rng.randint(0, 2**31) + i)
        layout, platform, desktop, fn = LAYOUTS[i % len(LAYOUTS)]
        sc = SCENARIOS[order[i % len(order)]]
        fwd = _forwarded(r)
        kinds = LAYOUT_KINDS[layout]
        kind = kinds[kind_pos[layout] % len(kinds)]
        kind_pos[layout] += 1
        tstr, posted, comps = timefmt.make(kind, fwd, r)
        paras = list(sc["paras"])
        phones = []
        if r.random() < 0.3:
            txt, digits = _phone(r)
            phones.append(digits)
            lead = r.choice(["联系电话：", "我的电话", "有事可以打我电话 ", "电话", "联系方式："])
            if r.random() < 0.5:
                paras.append(f"{lead}{txt}。")
            else:
                paras[-1] = paras[-1].rstrip("。") + f"，{lead}{txt}。"
        if platform in ("douyin", "weibo"):
            if r.random() < 0.5:
                paras[0] = r.choice(TOPICS) + paras[0]
            else:
                paras[-1] = paras[-1] + " " + " ".join(r.sample(["#民生", "#投诉", "#求助", "#城市管理", "#关注"], 2))
        w = r.randint(1280, 1920) if desktop else r.choice([720, 750, 828, 1080, 1125, 1170, 1242])
        c = SimpleNamespace(
            rng=r, i=i, fwd=fwd, clock=f"{fwd.hour:02d}:{fwd.minute:02d}" if r.random() < 0.8 else f"{fwd.hour}:{fwd.minute:02d}",
            title=sc["title"], paras=paras, author=r.choice(NICKS), tstr=tstr, posted=posted,
            unit=sc["unit"], dark=r.random() < 0.35, w=w, sb=r.randint(0, 2), long=r.random() < 0.25,
            taskbar=r.random() < 0.75, show_title=r.random() < 0.5)
        img, over = fn(c)
        if not desktop and r.random() < 0.2:
            nw = r.randint(560, 700)
            img = img.resize((nw, round(img.height * nw / img.width)), Image.LANCZOS)
        if desktop and r.random() < 0.2:
            nw = max(1152, int(img.width * 0.8))
            img = img.resize((nw, round(img.height * nw / img.width)), Image.LANCZOS)
        name = f"{i:03d}"
        if r.random() < 0.3:
            name += ".jpg"
            img.save(out_dir / name, "JPEG", quality=r.randint(60, 85))
        else:
            name += ".png"
            img.save(out_dir / name, "PNG", optimize=False, compress_level=3)
        title = over.get("title", c.title)
        body = "".join(paras)
        shown = (title or "") + body
        places = sorted((p for p in sc["places"] if p in shown), key=shown.index)
        rec = {
            "image": name, "family": "d", "layout": layout,
            "forwarded_at": fwd.isoformat(), "platform": platform, "title": title,
            "author": c.author, "posted_at": posted.isoformat(), "posted_at_components": comps,
            "addressed_unit": c.unit if platform in ("hongwang", "wenzheng_hunan") else None,
            "body": body, "place_mentions": places, "phones": phones,
        }
        check_record(rec)
        records.append(rec)
    with open(out_dir / "labels.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return records


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    recs = generate(a.out_dir, a.count, a.seed)
    print(f"wrote {len(recs)} images to {a.out_dir}")


if __name__ == "__main__":
    main()
