"""``python -m bot report --from … --to … [--xlsx FILE] [--docx FILE] [--json]`` and ``summary``."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, timedelta
from pathlib import Path


def _services():  # type: ignore[no-untyped-def]
    from bot.commands.installation import cli_services

    return cli_services()


def cmd_report(args: argparse.Namespace) -> int:
    from bot.reports.stats import compute_stats
    from bot.reports.yearly import report_text, write_docx, write_xlsx

    services = _services()
    zone = services.deadlines.zone
    start = datetime.combine(date.fromisoformat(args.start), datetime.min.time(), tzinfo=zone)
    end = datetime.combine(date.fromisoformat(args.end) + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    with services.sessions() as session:
        stats = compute_stats(session, start, end, services.clock.now())
    if args.json:
        print(json.dumps(stats.as_dict(), ensure_ascii=False, indent=1))
    else:
        print(report_text(stats))
    if args.xlsx:
        write_xlsx(stats, Path(args.xlsx))
        print(f"wrote {args.xlsx}")
    if args.docx:
        write_docx(stats, Path(args.docx))
        print(f"wrote {args.docx}")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from bot.commands.installation import delivery_note
    from bot.reports.summary import send_summary

    services = _services()
    today = date.fromisoformat(args.date) if args.date else services.deadlines.local(services.clock.now()).date()
    ids = send_summary(services, args.kind, today)
    print(f"queued {len(ids)} summary messages{delivery_note(services)}" if ids
          else "already sent for this period: nothing to do")
    return 0


def cmd_topics(args: argparse.Namespace) -> int:
    from bot.commands.installation import delivery_note
    from bot.reports.topics import send_drafts

    services = _services()
    drafts = send_drafts(services, window_days=args.days, min_cases=args.min_cases,
                         docx_dir=Path(args.docx_dir) if args.docx_dir else None)
    print("\n\n".join(drafts) + delivery_note(services) if drafts else "no topic has reached the threshold")
    return 0


def add_subcommands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report", help="period report (yearly figures, per-unit table, monthly trend)")
    p.add_argument("--from", dest="start", required=True, help="first day, e.g. 2026-01-01")
    p.add_argument("--to", dest="end", required=True, help="last day (inclusive), e.g. 2026-12-31")
    p.add_argument("--xlsx", help="write an Excel workbook")
    p.add_argument("--docx", help="write a Word document")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("summary", help="send the daily/weekly/monthly summary now (once per period)")
    p.add_argument("kind", nargs="?", choices=("daily", "weekly", "monthly"), default="daily")
    p.add_argument("--date", help="the day it is sent on (covers the period before it)")
    p.set_defaults(func=cmd_summary)
    p = sub.add_parser("topics", help="专报: group recent cases into topics, post drafts to the office")
    p.add_argument("--days", type=int, default=30, help="sliding window in days")
    p.add_argument("--min-cases", type=int, default=5, help="cases in the window that make a topic")
    p.add_argument("--docx-dir", help="also write one .docx draft per topic here")
    p.set_defaults(func=cmd_topics)
