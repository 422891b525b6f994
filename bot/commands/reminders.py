"""``python -m bot reminders …`` and ``python -m bot clock …`` (the demo clock)."""

from __future__ import annotations

import argparse
import re
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select


def _services():  # type: ignore[no-untyped-def]
    from bot.config import Settings
    from bot.wiring import build_services

    return build_services(Settings.from_env())


def cmd_sweep(args: argparse.Namespace) -> int:
    from bot.reminders.sweep import sweep

    services = _services()
    result = sweep(services)
    print(f"claimed {result.claimed} reminders, cancelled {result.cancelled}, "
          f"queued {len(result.outbound_ids)} messages")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from models import Case, Reminder

    services = _services()
    calc = services.deadlines
    with services.sessions() as session:
        counts = dict(session.execute(select(Reminder.state, func.count()).group_by(Reminder.state)).all())
        print("states: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
        rows = session.execute(
            select(Reminder, Case.number).join(Case, Case.id == Reminder.case_id)
            .where(Reminder.state == "pending").order_by(Reminder.due_at).limit(args.limit)
        ).all()
        for reminder, number in rows:
            due = calc.local(reminder.due_at).strftime("%Y-%m-%d %H:%M")
            print(f"{due}  {number}  {reminder.kind:<8} level {reminder.level}")
    return 0


_DURATION = re.compile(r"^-?(?:\d+(?:\.\d+)?[smhd])+$")
_PART = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?P<unit>[smhd])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _seconds(text: str) -> float:
    """``30m``, ``2h``, ``1d``, or compound ``1d2h30m``; a leading ``-`` goes back."""
    text = text.strip()
    if not _DURATION.match(text):
        raise argparse.ArgumentTypeError("duration like 30m, 2h, 1d or 1d2h30m")
    total = sum(float(m["n"]) * _UNITS[m["unit"]] for m in _PART.finditer(text))
    return -total if text.startswith("-") else total


def cmd_clock(args: argparse.Namespace) -> int:
    services = _services()
    clock = services.clock
    path = clock.offset_file
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if args.action == "advance":
            path.write_text(str(clock.shared_offset_s() + _seconds(args.duration)))
        elif args.action == "set":  # a local wall time, e.g. 2026-11-30T12:01
            target = datetime.fromisoformat(args.duration)
            if target.tzinfo is None:
                target = target.replace(tzinfo=services.deadlines.zone)
            wall = datetime.now(timezone.utc) + timedelta(seconds=clock.offset_s)
            path.write_text(str((target - wall).total_seconds()))
    except (argparse.ArgumentTypeError, ValueError) as exc:
        print(f"clock: {exc}")
        return 2
    if args.action == "reset":
        path.write_text("0")
    if args.action != "show":
        _sweep_now(services)
    now = clock.now()
    print(f"demo clock: {services.deadlines.local(now):%Y-%m-%d %H:%M %Z} "
          f"(offset {timedelta(seconds=round(clock.shared_offset_s()))}); every process of this installation sees it")
    return 0


def _sweep_now(services) -> None:  # type: ignore[no-untyped-def]
    """Ask the running worker for a sweep and a summary check now, so a demo clock jump shows its
    reminders within seconds rather than at the next minute cron tick. Best effort: without a
    reachable Redis the cron tick still comes."""
    from redis import Redis
    from rq import Queue

    url = services.settings.redis_url
    url_file = services.settings.var_dir / "redis_url"  # written by ``python -m bot run``
    if not url and url_file.exists():
        url = url_file.read_text().strip()
    if not url:
        return
    try:
        queue = Queue(services.settings.queue_name, connection=Redis.from_url(url, socket_connect_timeout=1,
                                                                                 socket_timeout=2))
        queue.enqueue("bot.jobs.sweep_reminders", job_timeout=120, result_ttl=60)
        queue.enqueue("bot.jobs.send_summaries", job_timeout=120, result_ttl=60)
        queue.enqueue("bot.jobs.announce_zhuanbao_topics", job_timeout=300, result_ttl=60)
        print("asked the worker for a reminder sweep, a summary check and a 专报 check now")
    except Exception as exc:  # noqa: BLE001 - a demo convenience must not fail the clock change
        print(f"(worker not reached: {exc.__class__.__name__}; the minute cron sweep will pick it up)")


def add_subcommands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    reminders = sub.add_parser("reminders", help="deadline reminders").add_subparsers(
        dest="reminders_command", required=True)
    reminders.add_parser("sweep", help="send the reminders that are due now").set_defaults(func=cmd_sweep)
    p = reminders.add_parser("list", help="pending reminders, soonest first")
    p.add_argument("--limit", type=int, default=30)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("clock", help="demo clock: show, fast-forward or reset (shared by all processes)")
    p.add_argument("action", nargs="?", choices=("show", "advance", "set", "reset"), default="show")
    p.add_argument("duration", nargs="?", default="0s", help="advance: 30m, 2h, 1d, 1d2h30m; set: local time 2026-11-30T12:01")
    p.set_defaults(func=cmd_clock)
