"""`python -m bot routing retrain`: rebuild the category and unit models from the shared data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def cmd_retrain(args: argparse.Namespace) -> int:
    from bot.routing.train import train_and_save

    try:
        metadata = train_and_save(
            data_dir=Path(args.data) if args.data else None,
            model_dir=Path(args.out) if args.out else None,
        )
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(metadata, ensure_ascii=False))
    return 0


def _add_commands(sub: Any) -> None:
    p = sub.add_parser("retrain", help="rebuild the routing models (train.jsonl, replies.jsonl)")
    p.add_argument("--data", default=None, help="folder with train.jsonl and replies.jsonl")
    p.add_argument("--out", default=None, help="write the models here instead of bot/routing/model/")
    p.set_defaults(func=cmd_retrain)


def add_subcommands(subparsers: Any) -> None:
    routing = subparsers.add_parser("routing", help="routing models")
    _add_commands(routing.add_subparsers(dest="routing_command", required=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.routing.cli")
    _add_commands(parser.add_subparsers(dest="routing_command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
