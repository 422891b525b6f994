"""CLI contract, through subprocesses as the evaluation runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = Path(__file__).parent / "data" / "sample_post.png"


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.commands.intake", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_parse_prints_one_json_line_per_image(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image")
    done = _run("parse", str(SAMPLE), str(broken), "--forwarded-at", "2026-01-02T10:00:00+08:00")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["image"] for line in lines] == [str(SAMPLE), str(broken)]
    first = lines[0]
    assert "东湖街道芙蓉路占道施工" in first["text"]
    fields = first["fields"]
    assert set(fields) >= {
        "platform",
        "title",
        "author",
        "posted_at",
        "addressed_unit",
        "body",
        "place_mentions",
        "phones",
    }
    assert fields["platform"] == "douyin"
    assert fields["posted_at"] == "2026-01-02T07:00:00+08:00"
    assert fields["phones"] == [] and fields["addressed_unit"] is None
    assert lines[1]["fields"] is None and lines[1]["error"] == "not_an_image"


def test_route_with_unit_names_json(tmp_path: Path) -> None:
    units = tmp_path / "units.json"
    units.write_text(
        json.dumps(["A7县教育局", "A7县住房和城乡建设局", "A7县交通运输局", "A市教育局"], ensure_ascii=False)
    )
    posts = tmp_path / "in.jsonl"
    posts.write_text(
        json.dumps(
            {"id": "p1", "title": "A7县某小学乱收费", "body": "学校要求学生购买指定教辅资料"}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    done = _run("route", str(posts), "--units", str(units))
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(text) for text in done.stdout.splitlines()]
    assert line["id"] == "p1" and line["label"] == "教育文体"
    assert line["units"][0] == "A7县教育局" and len(line["units"]) == 3 and len(line["reasons"]) == 3


def test_routing_cli_parses_retrain_options() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.commands.routing", "retrain", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and "--data" in done.stdout
