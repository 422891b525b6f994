"""`python -m bot routing retrain`: rebuild the category and unit models from the shared data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def cmd_retrain(args: argparse.Namespace) -> int:
    from bot.routing.feedback import as_examples
    from bot.routing.train import train_and_save

    feedback = _dispatcher_choices() if args.with_dispatches else []
    try:
        metadata = train_and_save(
            data_dir=Path(args.data) if args.data else None,
            model_dir=Path(args.out) if args.out else None,
            feedback=as_examples(feedback),
        )
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(metadata, ensure_ascii=False))
    return 0


def _dispatcher_choices() -> list[tuple[str, str, list[str]]]:
    """The units dispatchers chose for past cases (DATABASE_URL), as labelled examples."""
    from bot.config import Settings
    from bot.db import make_engine, make_session_factory
    from bot.routing.drafts import dispatch_examples

    engine = make_engine(Settings.from_env().database_url)
    try:
        with make_session_factory(engine)() as session:
            examples = dispatch_examples(session)
    except Exception as exc:  # no database yet: train on the shared data alone, and say so
        print(f"note: no dispatcher choices read from the database ({exc.__class__.__name__})", file=sys.stderr)
        return []
    finally:
        engine.dispose()
    print(f"adding {len(examples)} dispatcher choices from the database", file=sys.stderr)
    return examples


def _add_commands(sub: Any) -> None:
    p = sub.add_parser("retrain", help="rebuild the routing models (train.jsonl, replies.jsonl)")
    p.add_argument("--data", default=None, help="folder with train.jsonl and replies.jsonl")
    p.add_argument("--out", default=None, help="write the models here instead of bot/routing/model/")
    p.add_argument(
        "--without-dispatches",
        dest="with_dispatches",
        action="store_false",
        help="do not add the dispatchers' choices from the database as examples",
    )
    p.set_defaults(func=cmd_retrain)


def add_subcommands(subparsers: Any) -> None:
    routing = subparsers.add_parser("routing", help="routing models")
    _add_commands(routing.add_subparsers(dest="routing_command", required=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.commands.routing")
    _add_commands(parser.add_subparsers(dest="routing_command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
