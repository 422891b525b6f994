"""``python -m bot …``: operations from the shell. Each area's module adds its own subcommands
through ``add_subcommands(subparsers)``, listed once in ``EXTENSIONS`` (chat platforms: bot.chat_platforms)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from sqlalchemy import select

from bot.chat_platforms import PLATFORMS
from bot.config import Settings

# Modules that contribute subcommands.
EXTENSIONS = (
    "bot.commands.intake",
    "bot.commands.routing",
    "bot.commands.reminders",
    "bot.commands.reports",
    "bot.commands.users",
    "bot.commands.backup",
    *(platform.cli for platform in PLATFORMS if platform.cli),
)


def _services():  # type: ignore[no-untyped-def]
    from bot.wiring import build_services

    return build_services(Settings.from_env())


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from bot.db import upgrade

    settings = Settings.from_env()
    upgrade(settings.database_url)
    print("database at the newest revision")
    return 0


def cmd_units_import(args: argparse.Namespace) -> int:
    from bot.cases.directory import DirectoryError, import_directory, load_directory_file

    services = _services()
    try:
        raw = load_directory_file(Path(args.file))
        with services.sessions() as session, session.begin():
            summary = import_directory(session, raw, services.clock.now(), services.settings.timezone)
    except (DirectoryError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"imported {summary.units} units, {summary.people} people, {summary.shifts} duty shifts")
    return 0


def cmd_units_list(args: argparse.Namespace) -> int:
    from models import Unit

    services = _services()
    with services.sessions() as session:
        for unit in session.scalars(select(Unit).order_by(Unit.id)):
            handlers = ", ".join(p.name for p in unit.handlers())
            leaders = ", ".join(p.name for p in unit.leaders())
            chats = ", ".join(sorted(unit.chats))
            print(f"{unit.code:<12} {unit.name}  handlers: {handlers or '-'}  leaders: {leaders or '-'}  chats: {chats or '-'}")
    return 0


def cmd_units_export(args: argparse.Namespace) -> int:
    import yaml

    from bot.cases.directory import export_directory

    services = _services()
    with services.sessions() as session:
        print(yaml.safe_dump(export_directory(session), allow_unicode=True, sort_keys=False))
    return 0


def cmd_cases_list(args: argparse.Namespace) -> int:
    from bot.cases.status import STATUS_LABELS, Status
    from models import Case

    services = _services()
    query = select(Case).order_by(Case.id.desc()).limit(args.limit)
    if args.status:
        try:
            query = query.where(Case.status == Status(args.status).value)
        except ValueError:
            print(f"error: unknown status {args.status!r}; one of {', '.join(s.value for s in Status)}", file=sys.stderr)
            return 2
    calc = services.deadlines
    with services.sessions() as session:
        for case in session.scalars(query):
            due = calc.local(case.due_at).strftime("%Y-%m-%d %H:%M") if case.due_at else "-"
            unit = case.lead_unit.name if case.lead_unit else "-"
            print(f"{case.number}  {STATUS_LABELS[Status(case.status)]:<4}  due {due}  {unit}  {case.title[:30]}")
    return 0


def cmd_case_show(args: argparse.Namespace) -> int:
    from bot.cases.errors import LifecycleError
    from handlers.lookup import case_by_number
    from handlers.render import case_summary, local_time

    services = _services()
    with services.sessions() as session:
        try:
            case = case_by_number(session, args.number.upper())
        except LifecycleError as exc:
            print(exc.message, file=sys.stderr)
            return 1
        now = services.clock.now()
        print(case_summary(services.deadlines, case, now, full=True))
        print("记录:")
        for event in case.events:
            print(f"  {local_time(services.deadlines, event.created_at)}  {event.kind:<20} {event.actor_label or ''}"
                  f"{'  ' + event.text if event.text else ''}")
        for reply in case.replies:
            print(f"  回复[{reply.kind}] {reply.unit.name}: {reply.text}")
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from bot.worker import run_worker

    run_worker(burst=args.burst)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.runner import run

    return run()


def cmd_seed(args: argparse.Namespace) -> int:
    from bot.seed import seed_demo

    print(seed_demo(_services()))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from bot.messaging.recovery import recover

    inbound, outbound = recover(_services(), min_age_s=0)
    print(f"re-enqueued {inbound} inbound and {outbound} outbound messages")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="督办助手 (dispatch bot)")
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="migrate to the newest revision").set_defaults(func=cmd_db_upgrade)

    units = sub.add_parser("units", help="the unit directory").add_subparsers(dest="units_command", required=True)
    p = units.add_parser("import", help="create/update units and people from a YAML file")
    p.add_argument("file")
    p.set_defaults(func=cmd_units_import)
    units.add_parser("list", help="list units").set_defaults(func=cmd_units_list)
    units.add_parser("export", help="print the directory as YAML").set_defaults(func=cmd_units_export)

    cases = sub.add_parser("cases", help="cases").add_subparsers(dest="cases_command", required=True)
    p = cases.add_parser("list", help="list recent cases")
    p.add_argument("--status")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_cases_list)

    case = sub.add_parser("case", help="one case").add_subparsers(dest="case_command", required=True)
    p = case.add_parser("show", help="a case with its history")
    p.add_argument("number")
    p.set_defaults(func=cmd_case_show)

    p = sub.add_parser("worker", help="run an RQ worker")
    p.add_argument("--burst", action="store_true", help="exit when the queue is empty")
    p.set_defaults(func=cmd_worker)
    sub.add_parser("run", help="run everything (what `make run` calls)").set_defaults(func=cmd_run)
    sub.add_parser("seed-demo", help="load the demo directory into an empty database").set_defaults(func=cmd_seed)
    sub.add_parser("recover", help="re-enqueue unprocessed messages from the database").set_defaults(func=cmd_recover)

    for module_name in EXTENSIONS:
        importlib.import_module(module_name).add_subcommands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    result = args.func(args)
    if isinstance(result, (dict, list)):
        print(json.dumps(result, ensure_ascii=False))
        return 0
    return int(result or 0)
