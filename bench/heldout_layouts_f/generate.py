"""Family f: desktop screenshots (browser pages, PC chat clients) and phone chats.

Usage (from the repository root):  python bench/heldout_layouts_f/generate.py OUT_DIR [--count 60] [--seed 7]
"""
import argparse
import json
import random
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "bench.heldout_layouts_f"

from PIL import Image  # noqa: E402

from bench.heldout_layouts_f import content as C  # noqa: E402
from bench.heldout_layouts_f.draw import DARK, LIGHT, Canvas, taskbar  # noqa: E402
from bench.heldout_layouts_f.layouts import LAYOUTS  # noqa: E402
from bench.heldout_layouts_f.timefmt import forwarded  # noqa: E402

FAMILY = "f"
PLATFORMS = {"hongwang", "wenzheng_hunan", "douyin", "weibo", "wechat", "other"}
_NORM = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, " ": None, "-": None, "－": None,
                       "\u3000": None, "—": None})


def _norm(s):
    return (s or "").translate(_NORM)


def check_record(rec):
    text = (rec["title"] or "") + rec["body"]
    for p in rec["place_mentions"]:
        assert p in text, (rec["image"], p)
    nt = _norm(text)
    for ph in rec["phones"]:
        assert ph.isdigit() and ph in nt, (rec["image"], ph)
    assert rec["posted_at"] <= rec["forwarded_at"], rec["image"]  # same offset, ISO strings compare
    assert rec["forwarded_at"].startswith("2025-") and rec["forwarded_at"].endswith("+08:00")
    assert rec["posted_at"].endswith("+08:00")
    assert rec["platform"] in PLATFORMS, rec["platform"]
    assert rec["family"] == FAMILY and rec["layout"] in LAYOUTS
    assert rec["author"] and not rec["author"].startswith("@")
    assert set(rec["posted_at_components"]) <= {"date", "hour", "minute", "second"}
    if rec["platform"] not in ("hongwang", "wenzheng_hunan"):
        assert rec["addressed_unit"] is None
    return True


def _make_post(rng):
    k = rng.randrange(len(C.COMPLAINTS))
    comp = C.COMPLAINTS[k]
    paras = list(comp["paras"])
    phones = []
    if rng.random() < 0.3:
        shown, digits = C.phone_variants(rng)
        lead = rng.choice(C.PHONE_LEADS)
        if rng.random() < 0.5:
            paras[-1] = paras[-1] + lead + shown + "。"
        else:
            paras.append(lead + shown)
        phones.append(digits)
    return dict(title=comp["title"], paras=paras, places=comp["places"], phones=phones,
                nick=rng.choice(C.NICKS), unit=C.UNITS[k])


def _render_one(rng, layout_id, i, out_dir):
    platform, fn, kind = LAYOUTS[layout_id]
    post = _make_post(rng)
    fwd = forwarded(rng)
    th = DARK if rng.random() < 0.25 else LIGHT
    c, htot, s, f = fn(rng, post, fwd, th)
    htot = int(htot)
    img = c.img.crop((0, 0, c.w, htot))
    shot = "phone"
    if kind != "phone":
        if rng.random() < 0.8:
            tb_h = int((48 if rng.random() < 0.5 else 40) * s)
            full = Canvas(c.w, htot + tb_h, th["taskbar"])
            full.img.paste(img, (0, 0))
            taskbar(full, htot, tb_h, fwd, th, rng, s)
            img = full.img
            shot = "desktop"
        else:
            shot = "window_crop"
        if c.w >= 1440 and rng.random() < 0.3:
            img = img.resize((round(img.width * 0.8), round(img.height * 0.8)), Image.LANCZOS)
    if rng.random() < 0.3:
        name = f"{i:03d}.jpg"
        img.save(out_dir / name, quality=rng.randint(60, 85))
    else:
        name = f"{i:03d}.png"
        img.save(out_dir / name)
    text = (f["title"] or "") + f["body"]
    places = sorted({p for p in post["places"] if p in text}, key=text.index)
    rec = {"image": name, "family": FAMILY, "layout": layout_id, "forwarded_at": fwd.isoformat(),
           "platform": platform, "title": f["title"], "author": f["author"],
           "posted_at": f["posted"].isoformat(), "posted_at_components": f["comps"],
           "addressed_unit": f["addressed_unit"], "body": f["body"], "place_mentions": places,
           "phones": [p for p in post["phones"] if p in _norm(text)]}
    meta = {"image": name, "layout": layout_id, "shot": shot, "dark": th["dark"], "size": [img.width, img.height],
            "jpeg": name.endswith(".jpg")}
    return rec, meta


def generate(out_dir: Path, count: int = 60, seed: int = 7) -> list:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    master = random.Random(seed)
    shuffler = random.Random(seed * 7919 + 1)
    ids = list(LAYOUTS)
    order = []
    while len(order) < count:
        block = ids[:]
        shuffler.shuffle(block)
        order += block
    recs, metas = [], []
    for i in range(count):
        rng = random.Random(master.randrange(2**31))
        rec, meta = _render_one(rng, order[i], i, out_dir)
        check_record(rec)
        recs.append(rec)
        metas.append(meta)
    with open(out_dir / "labels.jsonl", "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(out_dir / "meta.jsonl", "w", encoding="utf-8") as fh:  # rendering facts, not labels
        for m in metas:
            fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    return recs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    recs = generate(a.out_dir, a.count, a.seed)
    print(f"wrote {len(recs)} images + labels.jsonl to {a.out_dir}")


if __name__ == "__main__":
    main()
