"""`python -m bot wecom check` and `python -m bot wecom-ws`."""

from __future__ import annotations

import argparse
import logging


def cmd_ws(args: argparse.Namespace) -> int:
    from bot.config import Settings
    from bot.platforms.wecom_ws import run
    from bot.wiring import build_services

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    return run(build_services(Settings.from_env()))


def cmd_check(args: argparse.Namespace) -> int:
    from bot.config import Settings
    from bot.platforms.wecom_check import run_checks
    from bot.wiring import build_services

    problems = run_checks(build_services(Settings.from_env()), send_test=args.send_test, out=print)
    return 1 if problems else 0


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    wecom = subparsers.add_parser("wecom", help="WeCom channel").add_subparsers(dest="wecom_cmd", required=True)
    check = wecom.add_parser("check", help="validate WeCom credentials and each unit's group robot")
    check.add_argument("--send-test", action="store_true", help="also post a short test message to each group")
    check.set_defaults(func=cmd_check)
    subparsers.add_parser("wecom-ws", help="receive WeCom AI-bot messages over the long connection").set_defaults(
        func=cmd_ws)
