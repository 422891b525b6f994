"""`python -m bot intake parse IMAGE…` and `python -m bot intake route INPUT.jsonl [--units FILE]`.

Output is JSON lines on stdout (the evaluation reads them); errors go to stderr as JSON
lines too, so one bad image does not stop the others.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.intake.post_time import SHANGHAI

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_UNITS = REPO_ROOT / "config" / "units.yaml"



def cmd_parse(args: argparse.Namespace) -> int:
    from bot.intake.image_input import UnreadableImage
    from bot.intake.ocr import OcrTimeout, get_engine
    from bot.intake.pipeline import intake_image

    forwarded_at = datetime.fromisoformat(args.forwarded_at) if args.forwarded_at else datetime.now(SHANGHAI)
    engine = get_engine()
    failures = 0
    for name in args.images:
        path = Path(name)
        record: dict[str, Any] = {"image": name}
        try:
            intake = intake_image(path.read_bytes(), forwarded_at, timeout=args.timeout, engine=engine)
        except (UnreadableImage, OcrTimeout, OSError) as exc:
            failures += 1
            reason = getattr(exc, "reason", type(exc).__name__)
            record.update(
                {
                    "text": None,
                    "fields": None,
                    "error": str(reason),
                    "message": getattr(exc, "user_message", "无法读取图片。"),
                }
            )
            print(json.dumps(record, ensure_ascii=False), flush=True)
            continue
        assert intake.ocr is not None
        record.update({"text": intake.ocr.text, "fields": intake.post.contract_fields()})
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return 1 if failures == len(args.images) else 0


def load_units_arg(value: str | None) -> Any:
    from bot.routing.unit_profiles import UnitProfiles, load_directory

    if value:
        return load_directory(Path(value))
    if DEFAULT_UNITS.exists():
        return load_directory(DEFAULT_UNITS)
    return UnitProfiles()


def cmd_route(args: argparse.Namespace) -> int:
    from bot.routing.service import route_post

    directory = load_units_arg(args.units)
    if not directory.units:
        print("error: no unit directory (pass --units or create config/units.yaml)", file=sys.stderr)
        return 2
    source = sys.stdin if args.input == "-" else Path(args.input).open(encoding="utf-8")
    with source:
        for line in source:
            if not line.strip():
                continue
            row = json.loads(line)
            result = route_post(row.get("title"), row.get("body"), directory)
            print(
                json.dumps(
                    {
                        "id": row.get("id"),
                        "label": result.category,
                        "units": [p.unit_name for p in result.proposals],
                        "reasons": [p.reason for p in result.proposals],
                        "confidences": [p.confidence for p in result.proposals],
                        "low_confidence": result.low_confidence,
                    },
                    ensure_ascii=False,
                ),
                flush=True,
            )
    return 0


def _add_commands(sub: Any) -> None:
    p = sub.add_parser("parse", help="OCR screenshots and print the post fields as JSON lines")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--forwarded-at", default=None, help="ISO time the screenshot was forwarded (default: now)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per image")
    p.set_defaults(func=cmd_parse)
    p = sub.add_parser("route", help="category and top-3 units for JSON lines with id, title, body")
    p.add_argument("input", metavar="INPUT.jsonl", help="JSON lines file, or - for stdin")
    p.add_argument("--units", default=None, help="unit directory YAML (units: …) or JSON list of names")
    p.set_defaults(func=cmd_route)


def add_subcommands(subparsers: Any) -> None:
    intake = subparsers.add_parser("intake", help="screenshot intake: OCR, parsing, routing")
    _add_commands(intake.add_subparsers(dest="intake_command", required=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.commands.intake")
    _add_commands(parser.add_subparsers(dest="intake_command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
