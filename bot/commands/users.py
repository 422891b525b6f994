"""``python -m bot users …``: web logins from the shell (the first admin, password resets)."""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy import select


def _services():  # type: ignore[no-untyped-def]
    from bot.config import Settings
    from bot.wiring import build_services

    return build_services(Settings.from_env())


def _password(args: argparse.Namespace) -> tuple[str, bool]:
    from bot.web.users import new_password

    if args.password:
        return args.password, False
    if args.generate or not sys.stdin.isatty():
        return new_password(), True
    return getpass.getpass("password: "), False


def cmd_create(args: argparse.Namespace) -> int:
    from bot.web.users import UserError, create_user

    services = _services()
    password, generated = _password(args)
    role = getattr(args, "role", None) or "admin"
    try:
        with services.sessions() as session, session.begin():
            create_user(session, services, args.username, password, role, unit_code=getattr(args, "unit", None),
                        person_code=args.person)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"created {role} {args.username}" + (f" with password {password}" if generated else ""))
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    from bot.web.users import UserError, set_password

    services = _services()
    password, generated = _password(args)
    try:
        with services.sessions() as session, session.begin():
            set_password(session, args.username, password)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"password changed for {args.username}" + (f": {password}" if generated else ""))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from models import User

    with _services().sessions() as session:
        for user in session.scalars(select(User).order_by(User.id)):
            unit = user.unit.code if user.unit else "-"
            person = user.person.code if user.person else "-"
            print(f"{user.username}\t{user.role}\tunit={unit}\tperson={person}\t{'active' if user.active else 'disabled'}")
    return 0


def add_subcommands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from models.users import WEB_ROLES

    users = sub.add_parser("users", help="web dashboard logins").add_subparsers(dest="users_command", required=True)
    for name, helptext, with_role in (("create-admin", "create an office admin", False),
                                      ("create", "create a user with a role", True)):
        p = users.add_parser(name, help=helptext)
        p.add_argument("username")
        if with_role:
            p.add_argument("--role", required=True, choices=WEB_ROLES)
            p.add_argument("--unit", help="unit code (handler/leader)")
        p.add_argument("--person", help="person code: on the web the user acts as this person")
        p.add_argument("--password", help="default: prompt, or generate and print when not a terminal")
        p.add_argument("--generate", action="store_true", help="generate and print a password")
        p.set_defaults(func=cmd_create)
    p = users.add_parser("set-password", help="set a new password (logs out that user's sessions)")
    p.add_argument("username")
    p.add_argument("--password")
    p.add_argument("--generate", action="store_true")
    p.set_defaults(func=cmd_password)
    users.add_parser("list", help="list users").set_defaults(func=cmd_list)
