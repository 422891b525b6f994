"""`python -m bot dingtalk check` and `python -m bot dingtalk-stream`."""

from __future__ import annotations

import argparse
import logging


def cmd_stream(args: argparse.Namespace) -> int:
    from bot.config import Settings
    from bot.platforms.dingtalk_stream import run
    from bot.wiring import build_services

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    run(build_services(Settings.from_env()))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from bot.config import Settings
    from bot.platforms.dingtalk_check import run_checks
    from bot.wiring import build_services

    problems = run_checks(build_services(Settings.from_env()), send_test=args.send_test, out=print)
    return 1 if problems else 0


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    dingtalk = subparsers.add_parser("dingtalk", help="DingTalk channel").add_subparsers(dest="dingtalk_cmd",
                                                                                         required=True)
    check = dingtalk.add_parser("check", help="validate app credentials and each unit's group robot")
    check.add_argument("--send-test", action="store_true", help="also post a short test message to each group")
    check.set_defaults(func=cmd_check)
    subparsers.add_parser("dingtalk-stream", help="receive DingTalk robot messages in Stream mode").set_defaults(
        func=cmd_stream)
